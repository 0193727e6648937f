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
		name                string
		gogc                string
		sections            int
		building, answering int
	}{
		{"a large engine", "", pacedFrom, buildingGCPercent, answeringGCPercent},
		{"a small engine is not paced", "", pacedFrom - 1, 100, 100},
		{"the operator's GOGC holds", "150", pacedFrom, 100, 100},
		{"GOGC=off holds", "off", pacedFrom, 100, 100},
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
			outer := p.building(tt.sections)
			inner := p.building(tt.sections) // a reload overlapping a build
			if got := gcPercent(); got != tt.building {
				t.Errorf("building: GOGC %d, want %d", got, tt.building)
			}
			inner()
			if got := gcPercent(); got != tt.building {
				t.Errorf("one of two builds done: GOGC %d, want %d", got, tt.building)
			}
			outer()
			if got := gcPercent(); got != tt.answering {
				t.Errorf("built: GOGC %d, want %d", got, tt.answering)
			}
		})
	}
	t.Run("a small reload after a large engine", func(t *testing.T) {
		debug.SetGCPercent(100)
		p := newGCPacing(func(string) string { return "" })
		p.building(pacedFrom)()
		p.building(10)()
		if got := gcPercent(); got != 100 {
			t.Errorf("GOGC %d, want 100: the engine answering now is small", got)
		}
	})
	t.Run("nil leaves the runtime alone", func(t *testing.T) {
		debug.SetGCPercent(90)
		var p *gcPacing
		done := p.building(pacedFrom)
		if got := gcPercent(); got != 90 {
			t.Errorf("GOGC %d, want 90", got)
		}
		done()
	})
}
