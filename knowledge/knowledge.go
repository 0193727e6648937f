// Package knowledge bundles the career guides careerbot ships with.
//
// The files under guides/ are scraped pages kept exactly as they were found,
// noise included: user guides look like them, so the parser is tested on them.
package knowledge

import (
	"embed"
	"io/fs"
)

//go:embed guides
var bundled embed.FS

// Guides returns the bundled guides as a file system rooted at the guide files.
func Guides() fs.FS {
	sub, err := fs.Sub(bundled, "guides")
	if err != nil {
		panic(err) // unreachable: "guides" is embedded above
	}
	return sub
}
