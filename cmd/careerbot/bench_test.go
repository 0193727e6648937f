package main

import (
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careerbot/careerbot/internal/config"
	"github.com/careerbot/careerbot/internal/guidegen"
	"github.com/careerbot/careerbot/internal/reload"
)

// BenchmarkReload1000 reloads 1,000 generated guides from a directory, as
// SIGHUP does: read, parse, index, swap.
//
//	go test ./cmd/careerbot -run XXX -bench Reload1000 -benchtime 3x
func BenchmarkReload1000(b *testing.B) {
	dir := b.TempDir()
	for _, g := range guidegen.Generate(1000, 1) {
		if err := os.WriteFile(filepath.Join(dir, g.Name), []byte(g.Text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	no := false
	live, err := reload.New(engineBuilder(config.Guides{Dirs: []string{dir}, Bundled: &no}, slog.New(slog.DiscardHandler), nil), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	if n := len(live.Guides()); n != 1000 {
		b.Fatalf("%d guides; want 1000", n)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := live.Reload("bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswers50 is answers a second through serve's HTTP listener:
// 50 concurrent clients sending signed Discord /ask requests over
// loopback, each a new interaction from its own user.
//
//	go test ./cmd/careerbot -run XXX -bench Answers50 -benchtime 10s
func BenchmarkAnswers50(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	slackAPI := newFakeSlack(b)
	base, stop, _ := startServe(b, opsConfig(pub, slackAPI.srv.URL, `shutdown_drain = "0s"`, "[limits]\nquestions_per_minute = 1000000\nburst = 1000000\n[log]\nlevel = \"warn\"\n"))
	defer stop()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var n, failed atomic.Int64
	var firstFailure atomic.Value
	b.SetParallelism(max(1, 50/runtime.GOMAXPROCS(0))) // 50 goroutines on 2 cores
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		user := fmt.Sprintf("u%d", n.Add(1))
		for pb.Next() {
			id := fmt.Sprintf("b%d", n.Add(1))
			code, body, err := do(client, discordAsk(base, priv, id, user, "junior ML salary romania"))
			if err != nil || code != 200 || !strings.Contains(body, "€1,500") {
				failed.Add(1)
				firstFailure.CompareAndSwap(nil, fmt.Sprintf("%d %.200s %v", code, body, err))
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "answers/s")
	if failed.Load() > 0 {
		b.Errorf("%d of %d requests failed; the first: %v", failed.Load(), b.N, firstFailure.Load())
	}
}

// profiled keeps the engines BenchmarkEngineMemory built alive until the
// test binary writes its -memprofile, so the profile's inuse_space shows
// where a served engine's memory goes.
var profiled []reload.Engine

// BenchmarkEngineMemory builds the engine serve builds (through the
// loader, with its budgets off) over 1,200 and 4,800 generated guides and
// reports the heap it keeps, in all and per guide byte:
//
//	go test ./cmd/careerbot -run XXX -bench EngineMemory -benchtime 1x -memprofile /tmp/mem.out
//	go tool pprof -sample_index=inuse_space -top /tmp/mem.out
func BenchmarkEngineMemory(b *testing.B) {
	for _, n := range []int{1200, 4800} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			var size int64
			for _, g := range guidegen.Generate(n, 1) {
				size += int64(len(g.Text))
				if err := os.WriteFile(filepath.Join(dir, g.Name), []byte(g.Text), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			no := false
			build := engineBuilder(config.Guides{Dirs: []string{dir}, Bundled: &no}, slog.New(slog.DiscardHandler), nil)
			var kept uint64
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				eng, err := build()
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				kept = after.HeapInuse - before.HeapInuse
				profiled = append(profiled, eng)
			}
			b.ReportMetric(float64(size)/1e6, "guide-MB")
			b.ReportMetric(float64(kept)/1e6, "kept-heap-MB")
			b.ReportMetric(float64(kept)/float64(size), "kept-bytes/guide-byte")
		})
	}
}
