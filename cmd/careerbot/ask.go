package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/careerbot/careerbot/internal/advisor"
	"github.com/careerbot/careerbot/internal/answer"
	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/knowledge"
)

// dirList is a repeatable --guides flag.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

// guideFlags are the flags every command that loads guides shares.
type guideFlags struct {
	dirs      dirList
	noBundled bool
}

func (g *guideFlags) register(fs *flag.FlagSet) {
	fs.Var(&g.dirs, "guides", "add the guides ("+strings.Join(guide.Extensions, ", ")+") in `DIR`; repeatable")
	fs.BoolVar(&g.noBundled, "no-bundled", false, "leave out the bundled guides")
}

// loadGuides loads the bundled guides (unless left out) and those in dirs,
// within l's budget (nil for none). A directory that cannot be read, or
// guides over the budget, are an error; a file that cannot be used, or
// that links outside its directory, is a warning.
func loadGuides(bundled bool, dirs []string, l *guide.Loader) ([]*guide.Guide, []guide.Warning, error) {
	if l == nil {
		l = &guide.Loader{}
	}
	var guides []*guide.Guide
	var warnings []guide.Warning
	if bundled {
		gs, ws, err := l.FS(knowledge.Guides(), "")
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, loadError("bundled guides", err)
		}
		guides = append(guides, gs...)
	}
	for _, dir := range dirs {
		fi, err := os.Stat(dir)
		if err != nil {
			return nil, warnings, fmt.Errorf("guides directory %s: %w", dir, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			return nil, warnings, fmt.Errorf("guides directory %s: not a directory", dir)
		}
		gs, ws, err := l.Dir(dir, strings.TrimSuffix(dir, "/")+"/")
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, loadError("guides directory "+dir, err)
		}
		guides = append(guides, gs...)
	}
	if len(guides) == 0 {
		return nil, warnings, errors.New("no guides loaded: add a directory with --guides, or drop --no-bundled")
	}
	return guides, warnings, nil
}

// loadError says what could not be loaded; for guides over a budget, it
// names the configuration key of the budget (which names the directory).
func loadError(what string, err error) error {
	var be *guide.BudgetError
	if errors.As(err, &be) {
		return fmt.Errorf("guides.max_%s: %w; raise it, or load fewer guides", be.Limit, be)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// engine loads the guides and builds the engine, printing warnings to w,
// paced by gc.
func (g *guideFlags) engine(w io.Writer, gc *gcPacing) (*answer.Engine, error) {
	var loader guide.Loader
	guides, warnings, err := loadGuides(!g.noBundled, g.dirs, &loader)
	for _, wn := range warnings {
		fmt.Fprintln(w, "warning: "+wn.String())
	}
	if err != nil {
		return nil, err
	}
	_, sections := loader.Used()
	defer gc.building(sections)()
	return answer.New(guides)
}

func (m *Main) runAsk(ctx context.Context, args []string) error {
	fs := m.newFlagSet("ask", "ask [--json] [--guides DIR]... [--no-bundled] [--after PREVIOUS] QUESTION\n\nQUESTION \"-\" reads one question a line from stdin and writes one answer a line;\na line starting with \"+\" is a follow-up of the line before it.")
	var gf guideFlags
	gf.register(fs)
	asJSON := fs.Bool("json", false, "print the answer as one JSON object a line")
	after := fs.String("after", "", "read QUESTION as a follow-up of the `PREVIOUS` question")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	question := strings.Join(fs.Args(), " ")
	eng, err := gf.engine(m.Stderr, m.gc)
	if err != nil {
		return err
	}
	defer eng.Close()
	if question != "-" {
		ans, err := eng.AskTurn(ctx, advisor.Turn{Question: question, Previous: *after})
		if err != nil {
			return errors.New(advisor.ErrorMessage(err))
		}
		return m.printAnswer(ans, *asJSON)
	}

	// One question a line; every line gets exactly one answer line, so the
	// output stays aligned with the input even when a line is bad.
	sc := bufio.NewScanner(m.Stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	failed := 0
	prev := *after
	for sc.Scan() {
		// "+ and for juniors?" continues the line before; any other line
		// starts afresh.
		t := advisor.Turn{Question: sc.Text()}
		if rest, ok := strings.CutPrefix(strings.TrimSpace(t.Question), "+"); ok {
			t = advisor.Turn{Question: rest, Previous: prev}
		}
		ans, err := eng.AskTurn(ctx, t)
		prev = ans.Question
		if err != nil {
			failed++
			if *asJSON {
				m.writeJSON(map[string]any{"error": advisor.ErrorMessage(err), "answer": "", "abstained": false, "citations": []any{}})
			} else {
				fmt.Fprintln(m.Stdout, "error: "+advisor.ErrorMessage(err))
			}
			continue
		}
		if err := m.printAnswer(ans, *asJSON); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading questions: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("%d question(s) could not be asked", failed)
	}
	return nil
}

func (m *Main) writeJSON(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(m.Stdout, "%s\n", b)
	return err
}

func (m *Main) printAnswer(a advisor.Answer, asJSON bool) error {
	if asJSON {
		if a.Citations == nil {
			a.Citations = []advisor.Citation{}
		}
		return m.writeJSON(a)
	}
	var b strings.Builder
	if a.ReadAs != "" {
		b.WriteString(wrap("Read as: “"+a.ReadAs+"”", 78, ""))
	}
	b.WriteString(wrap(a.Text, 78, ""))
	if len(a.Citations) > 0 {
		b.WriteString("\nSources:\n")
		for _, c := range a.Citations {
			fmt.Fprintf(&b, "[%d] %s › %s (%s:%d)\n", c.N, c.Title, c.Section, c.Source, c.Line)
			b.WriteString(wrap("“"+c.Snippet+"”", 74, "    "))
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(m.Stdout, b.String())
	return err
}

// wrap folds text into lines of at most width runes, each after indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	for _, para := range strings.Split(text, "\n") {
		line := 0
		b.WriteString(indent)
		for i, w := range strings.Fields(para) {
			n := len([]rune(w))
			if i > 0 && line+1+n > width {
				b.WriteString("\n" + indent)
				line = 0
			} else if i > 0 {
				b.WriteByte(' ')
				line++
			}
			b.WriteString(w)
			line += n
		}
		b.WriteByte('\n')
	}
	return b.String()
}
