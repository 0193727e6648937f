package main

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's setting without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestGCPacing(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	tests := []struct {
		name             string
		gogc             string
		answering, build int
	}{
		{"paced by default", "", answeringGCPercent, buildingGCPercent},
		{"the operator's GOGC holds", "150", 100, 100},
		{"GOGC=off holds", "off", 100, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(100)
			p := newGCPacing(func(k string) string {
				if k == "GOGC" {
					return tt.gogc
				}
				return ""
			})
			if got := gcPercent(); got != tt.answering {
				t.Fatalf("answering: GOGC %d, want %d", got, tt.answering)
			}
			outer := p.building()
			inner := p.building() // a reload overlapping a build
			if got := gcPercent(); got != tt.build {
				t.Errorf("building: GOGC %d, want %d", got, tt.build)
			}
			inner()
			if got := gcPercent(); got != tt.build {
				t.Errorf("one of two builds done: GOGC %d, want %d", got, tt.build)
			}
			outer()
			if got := gcPercent(); got != tt.answering {
				t.Errorf("built: GOGC %d, want %d", got, tt.answering)
			}
		})
	}
	t.Run("nil leaves the runtime alone", func(t *testing.T) {
		debug.SetGCPercent(90)
		var p *gcPacing
		done := p.building()
		if got := gcPercent(); got != 90 {
			t.Errorf("GOGC %d, want 90", got)
		}
		done()
	})
}
