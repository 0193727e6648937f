//go:build !race

package main

// raceEnabled slows every bound a test puts on timing: the race detector
// makes code several times slower.
const raceEnabled = false
