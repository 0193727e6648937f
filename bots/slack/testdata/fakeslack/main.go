// Command fakeslack stands in for Slack when running careerbot's Slack bot
// in HTTP mode on a laptop: it serves the Web API calls the bot makes
// (auth.test, chat.postMessage, chat.postEphemeral, printing what would
// be posted), and sends careerbot signed /career commands and mentions
// as Slack would.
//
//	go run ./bots/slack/testdata/fakeslack -listen 127.0.0.1:9999
//	# config: [slack] mode = "http", bot_token = "xoxb-fake", signing_secret = "fake-secret",
//	#         api_url = "http://127.0.0.1:9999/"
//	go run ./bots/slack/testdata/fakeslack -to http://127.0.0.1:8080 -secret fake-secret -ask "junior ML salary romania"
//	go run ./bots/slack/testdata/fakeslack -to http://127.0.0.1:8080 -secret fake-secret -mention "what next after PyTorch?"
package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	listen := flag.String("listen", "", "serve a fake Slack Web API on this `ADDR`")
	to := flag.String("to", "", "send a signed request to careerbot at this base `URL`")
	secret := flag.String("secret", "", "the signing secret careerbot is configured with")
	ask := flag.String("ask", "", "send /career `QUESTION` and print the reply")
	mention := flag.String("mention", "", "send an app_mention of `QUESTION` (the answer goes to -listen's API)")
	flag.Parse()
	switch {
	case *listen != "":
		http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			r.ParseForm()
			method := strings.TrimPrefix(r.URL.Path, "/")
			if method != "auth.test" {
				fmt.Printf("%s channel=%s thread=%s\n%s\n\n", method, r.Form.Get("channel"), r.Form.Get("thread_ts"), r.Form.Get("text"))
			}
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"ok":true,"user_id":"UFAKEBOT","user":"careerbot","channel":"C1","ts":"1.1"}`)
		})
		log.Printf("fake Slack Web API on http://%s/", *listen)
		log.Fatal(http.ListenAndServe(*listen, nil))
	case *to != "" && *ask != "":
		body := url.Values{"command": {"/career"}, "text": {*ask}, "user_id": {"U1"}, "channel_id": {"C1"},
			"trigger_id": {strconv.FormatInt(time.Now().UnixNano(), 10)}}.Encode()
		send(*to+"/slack/commands", "application/x-www-form-urlencoded", body, *secret)
	case *to != "" && *mention != "":
		ev, _ := json.Marshal(map[string]any{"type": "event_callback", "event_id": fmt.Sprint("Ev", time.Now().UnixNano()),
			"event": map[string]any{"type": "app_mention", "user": "U1", "text": "<@UFAKEBOT> " + *mention, "ts": "1.1", "channel": "C1"}})
		send(*to+"/slack/events", "application/json", string(ev), *secret)
	default:
		flag.Usage()
		os.Exit(2)
	}
}

// send posts body signed with secret as Slack signs requests, and prints
// the reply.
func send(u, contentType, body, secret string) {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("v0:" + ts + ":" + body))
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Printf("%s\n%s\n", resp.Status, b)
}
