package main

import (
	"runtime/debug"
	"sync"
)

// The collector's pacing, in GOGC percents (how far the heap may grow past
// what the last collection found live). An engine is a large heap that
// lives as long as the process, and answering adds little garbage (about
// 200 KB a question), so the default of 100 — twice what is live — is
// reserve answering never needs: the process peaks at about twice the
// engine. Building makes garbage fast (Bleve's analysis, the guide
// parser), and its peak is where a reload's two engines meet.
//
// Measured over 1,200 / 4,800 generated guides, 300 questions: peak RSS
// 89–96 / 204–225 MB at 100 throughout, 73 / 182 MB with these, the wall
// time unchanged within the machine's noise; BenchmarkAsk1000 at 70 within
// its run-to-run noise, at 50 throughout 10–20 % slower. The README has the
// figures.
const (
	answeringGCPercent = 70
	buildingGCPercent  = 50
)

// gcPacing sets the collector's pacing for answering and, while an engine
// is built, for building. The zero value and nil leave the runtime's
// setting alone (tests running Main in process).
type gcPacing struct {
	mu     sync.Mutex
	builds int // engines being built now: a reload may overlap a start
	on     bool
}

// newGCPacing applies the answering pacing unless the operator set GOGC,
// whose setting then holds throughout.
func newGCPacing(getenv func(string) string) *gcPacing {
	if getenv("GOGC") != "" {
		return &gcPacing{}
	}
	debug.SetGCPercent(answeringGCPercent)
	return &gcPacing{on: true}
}

// building switches to the building pacing until the returned func is
// called: defer p.building()().
func (p *gcPacing) building() (done func()) {
	if p == nil || !p.on {
		return func() {}
	}
	p.mu.Lock()
	if p.builds == 0 {
		debug.SetGCPercent(buildingGCPercent)
	}
	p.builds++
	p.mu.Unlock()
	return func() {
		p.mu.Lock()
		if p.builds--; p.builds == 0 {
			debug.SetGCPercent(answeringGCPercent)
		}
		p.mu.Unlock()
	}
}
