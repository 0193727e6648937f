// Package store keeps what chat answers teach the guide writers: answers
// (without question text), votes on them, and the text of questions the
// guides could not answer or answered unhelpfully, in a SQLite file
// (modernc.org/sqlite, pure Go). Writes go through a bounded queue to one
// writer, so they never block an answer; Report reads it back.
package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/careerbot/careerbot/internal/advisor"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Defaults for Options.
const (
	DefaultRetentionDays = 90
	DefaultQueue         = 1024
	// maxBatch bounds the records written in one transaction.
	maxBatch = 256
	// errorEvery is how often a failing store logs: once a minute, not
	// once a question.
	errorEvery = time.Minute
	// pruneEvery is how often question text past retention is deleted.
	pruneEvery = time.Hour
)

// Options configure a Store. Zero values take the defaults.
type Options struct {
	RetentionDays int // how long question text is kept
	Queue         int // records waiting to be written before new ones are dropped
	Logger        *slog.Logger
}

// Store is the SQLite store. It implements advisor.Journal.
type Store struct {
	db        *sql.DB
	retention time.Duration
	log       *slog.Logger
	now       func() time.Time

	mu     sync.RWMutex // guards closed against sends on queue
	closed bool
	queue  chan record
	done   chan struct{}

	// Owned by the writer goroutine once it runs.
	migrated   bool
	lastPrune  time.Time
	lastErr    time.Time
	suppressed int
}

var _ advisor.Journal = (*Store)(nil)

// record is one queued write: an answer or a vote.
type record struct {
	answer *advisor.AnswerRecord
	vote   *advisor.VoteRecord
}

// dsn opens path in WAL mode, waiting on a locked database rather than
// failing at once.
func dsn(path string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&" // a URI with its own parameters: "file:x.db?mode=ro"
	}
	return path + sep + "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
}

// Open opens (creating it if needed) the store at path and starts its
// writer. A store that cannot be written — read-only file, full disk,
// missing directory — is not an error here: answers go on without it and
// the failure is logged once a minute.
func Open(path string, opt Options) (*Store, error) { return open(path, opt, time.Now) }

// open is Open with a clock, for tests of what happens over minutes.
func open(path string, opt Options, now func() time.Time) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: empty path")
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db.SetMaxOpenConns(2) // the writer and one reader (the top gaps for /sources)
	s := &Store{db: db, log: opt.Logger, now: now, done: make(chan struct{})}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	days := opt.RetentionDays
	if days <= 0 {
		days = DefaultRetentionDays
	}
	s.retention = time.Duration(days) * 24 * time.Hour
	n := opt.Queue
	if n <= 0 {
		n = DefaultQueue
	}
	s.queue = make(chan record, n)
	s.ready(context.Background())
	go s.write()
	return s, nil
}

// ready migrates the schema if that has not been done, logging a failure.
func (s *Store) ready(ctx context.Context) bool {
	if s.migrated {
		return true
	}
	if err := migrate(ctx, s.db); err != nil {
		s.fail(err)
		return false
	}
	s.migrated = true
	return true
}

// migrate applies the embedded migrations newer than the file's
// user_version, each in its own transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	files, _ := fs.Glob(migrations, "migrations/*.sql")
	slices.Sort(files)
	for _, f := range files {
		n, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(f, "migrations/"), "_", 2)[0])
		if err != nil || n <= v {
			continue
		}
		body, _ := migrations.ReadFile(f)
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("store: migration %d: %w", n, err)
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %d: %w", n, err)
		}
		if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(n)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %d: %w", n, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: migration %d: %w", n, err)
		}
	}
	return nil
}

// RecordAnswer queues an answer; it reports false, at once, when the
// queue is full or the store closed. See advisor.Journal.
func (s *Store) RecordAnswer(a advisor.AnswerRecord) bool { return s.enqueue(record{answer: &a}) }

// RecordVote queues a vote; it reports false, at once, when the queue is
// full or the store closed. See advisor.Journal.
func (s *Store) RecordVote(v advisor.VoteRecord) bool { return s.enqueue(record{vote: &v}) }

func (s *Store) enqueue(r record) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return false
	}
	select {
	case s.queue <- r:
		return true
	default:
		return false
	}
}

// Close writes what is queued and closes the file.
func (s *Store) Close() error {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.queue)
	}
	s.mu.Unlock()
	<-s.done
	return s.db.Close()
}

// write is the one writer: it takes what is queued, up to maxBatch
// records, and writes them in one transaction.
func (s *Store) write() {
	defer close(s.done)
	ctx := context.Background()
	for r := range s.queue {
		batch := []record{r}
	more:
		for len(batch) < maxBatch {
			select {
			case r, ok := <-s.queue:
				if !ok {
					break more
				}
				batch = append(batch, r)
			default:
				break more
			}
		}
		if !s.ready(ctx) {
			continue // dropped; the failure is logged
		}
		if err := s.writeBatch(ctx, batch); err != nil {
			s.fail(err)
		}
		if now := s.now(); now.Sub(s.lastPrune) >= pruneEvery {
			s.lastPrune = now
			if _, err := s.db.ExecContext(ctx, "DELETE FROM questions WHERE at < ?", now.Add(-s.retention).Unix()); err != nil {
				s.fail(err)
			}
		}
	}
}

// fail logs a write failure at most once a minute, with how many were
// not logged since. Only the writer calls it (and Open, before the writer).
func (s *Store) fail(err error) {
	now := s.now()
	if !s.lastErr.IsZero() && now.Sub(s.lastErr) < errorEvery {
		s.suppressed++
		return
	}
	s.log.Error("store: write failed; answers go on without it", "err", err, "failures_not_logged", s.suppressed)
	s.lastErr, s.suppressed = now, 0
}

func (s *Store) writeBatch(ctx context.Context, batch []record) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, r := range batch {
		if r.answer != nil {
			err = writeAnswer(ctx, tx, r.answer)
		} else {
			err = writeVote(ctx, tx, r.vote)
		}
		if err != nil {
			return err
		}
	}
	return tx.Commit()
}

func writeAnswer(ctx context.Context, tx *sql.Tx, a *advisor.AnswerRecord) error {
	res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO answers (id, at, platform, intent, abstained) VALUES (?, ?, ?, ?, ?)",
		a.ID, a.Time.Unix(), a.Platform, a.Intent, a.Abstained)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // recorded before
	}
	for i, c := range a.Cited {
		if _, err := tx.ExecContext(ctx, "INSERT INTO citations (answer_id, n, guide, source, section) VALUES (?, ?, ?, ?, ?)",
			a.ID, i+1, c.Guide, c.Source, c.Section); err != nil {
			return err
		}
	}
	if a.Abstained && a.Question != "" {
		return addQuestion(ctx, tx, a.Time, "abstained", a.ID, a.Intent, a.Question)
	}
	return nil
}

func writeVote(ctx context.Context, tx *sql.Tx, v *advisor.VoteRecord) error {
	if v.Intent == "" && v.Cited == nil {
		// Voted after the process that answered forgot the answer: the
		// answers table still knows what it cited.
		if err := tx.QueryRowContext(ctx, "SELECT intent FROM answers WHERE id = ?", v.AnswerID).Scan(&v.Intent); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT guide, source, section FROM citations WHERE answer_id = ? ORDER BY n", v.AnswerID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c advisor.Cited
			if err := rows.Scan(&c.Guide, &c.Source, &c.Section); err != nil {
				rows.Close()
				return err
			}
			v.Cited = append(v.Cited, c)
		}
		rows.Close()
	}
	if v.Cited == nil {
		v.Cited = []advisor.Cited{}
	}
	cited, _ := json.Marshal(v.Cited)
	res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO votes (answer_id, user_hash, at, platform, vote, intent, cited) VALUES (?, ?, ?, ?, ?, ?, ?)",
		v.AnswerID, v.UserHash, v.Time.Unix(), v.Platform, string(v.Vote), v.Intent, string(cited))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 1 && v.Vote == advisor.NotHelpful && v.Question != "" {
		return addQuestion(ctx, tx, v.Time, "not_helpful", v.AnswerID, v.Intent, v.Question)
	}
	return nil
}

func addQuestion(ctx context.Context, tx *sql.Tx, at time.Time, kind, answerID, intent, text string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO questions (at, kind, answer_id, intent, text) VALUES (?, ?, ?, ?, ?)",
		at.Unix(), kind, answerID, intent, text)
	return err
}
