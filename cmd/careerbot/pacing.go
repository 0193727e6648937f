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
// engine. Building makes garbage fast (Bleve's analysis), and its peak is
// where a reload's two engines meet.
//
// Measured over 1,200 / 4,800 generated guides, 300 questions: peak RSS
// 91–92 / 208–218 MB at 100 throughout, 73–83 / 181–185 MB with these, the
// wall time within the machine's noise; BenchmarkAsk1000 at 70 within its
// run-to-run noise, at 50 throughout 10–20 % slower. Below pacedFrom the
// collector's fixed minimum heap (4 MB at 100) decides how often it runs,
// and lower percents only add cycles: one bundled question took 17 % longer
// paced. The README has the figures.
const (
	answeringGCPercent = 70
	buildingGCPercent  = 50
	defaultGCPercent   = 100
	// pacedFrom is the engine size, in sections, from which the pacing
	// applies: the 1,200 generated guides hold 9,600, the bundled ones 340.
	pacedFrom = 2000
)

// gcPacing sets the collector's pacing for building a large engine and for
// answering from one. The zero value and nil leave the runtime's setting
// alone (tests running Main in process).
type gcPacing struct {
	mu     sync.Mutex
	builds int // large engines being built now: a reload may overlap a start
	on     bool
}

// newGCPacing returns the pacing, off when the operator set GOGC: their
// setting then holds throughout.
func newGCPacing(getenv func(string) string) *gcPacing {
	return &gcPacing{on: getenv("GOGC") == ""}
}

// building paces the build of an engine of sections sections until the
// returned func is called, then paces answering from it: defer
// p.building(n)().
func (p *gcPacing) building(sections int) (done func()) {
	if p == nil || !p.on {
		return func() {}
	}
	large := sections >= pacedFrom
	p.mu.Lock()
	if large {
		if p.builds == 0 {
			debug.SetGCPercent(buildingGCPercent)
		}
		p.builds++
	}
	p.mu.Unlock()
	return func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		if large {
			p.builds--
		}
		if p.builds == 0 {
			answering := defaultGCPercent
			if large {
				answering = answeringGCPercent
			}
			debug.SetGCPercent(answering)
		}
	}
}
