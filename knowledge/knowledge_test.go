package knowledge_test

import (
	"io/fs"
	"testing"

	"github.com/careerbot/careerbot/internal/guide"
	"github.com/careerbot/careerbot/knowledge"
)

func TestBundledGuidesParseCleanly(t *testing.T) {
	names, err := fs.Glob(knowledge.Guides(), "*")
	if err != nil || len(names) != 3 {
		t.Fatalf("bundled files = %q, %v; want the 3 launch guides", names, err)
	}
	gs, ws, err := guide.Load(knowledge.Guides(), "")
	if err != nil || len(gs) != 3 || len(ws) != 0 {
		t.Fatalf("Load = %d guides, warnings %v, error %v; want 3 guides and no warnings", len(gs), ws, err)
	}
}
