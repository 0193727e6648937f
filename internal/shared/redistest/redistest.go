// Package redistest starts a real redis-server for tests: its own, on a
// free port, persisting nothing, stopped when the test ends.
package redistest

import (
	"bytes"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// Start starts redis-server and returns its URL (redis://127.0.0.1:PORT/0).
// It skips the test, saying why, only when redis-server is not installed
// or cannot be started.
func Start(tb testing.TB) string {
	tb.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		tb.Skip("redis-server not installed (apt-get install -y redis-server; .ci/run installs it): skipping the Redis test")
	}
	var last string
	for range 3 { // a free port can be taken between finding and binding it
		port, err := freePort()
		if err != nil {
			tb.Skipf("no free port for redis-server: %v", err)
		}
		var out bytes.Buffer
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			tb.Skipf("redis-server cannot be started: %v", err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		if up(addr, exited) {
			tb.Cleanup(func() {
				cmd.Process.Kill()
				<-exited
			})
			return fmt.Sprintf("redis://%s/0", addr)
		}
		cmd.Process.Kill()
		<-exited
		last = out.String()
	}
	tb.Skipf("redis-server did not start: %s", last)
	return ""
}

// up waits up to 5 s for a PING to be answered at addr.
func up(addr string, exited <-chan struct{}) bool {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return false
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.SetDeadline(time.Now().Add(time.Second))
			c.Write([]byte("PING\r\n"))
			buf := make([]byte, 7)
			n, _ := c.Read(buf)
			c.Close()
			if string(buf[:n]) == "+PONG\r\n" {
				return true
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
