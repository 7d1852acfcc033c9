package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/docscheck"
)

// docsCheck verifies that every code excerpt and printed output in the
// chapters matches the code, and ends with "docs: N snippets verified in M
// chapters".
func docsCheck(args []string) error {
	fs := flag.NewFlagSet("docs check", flag.ContinueOnError)
	dir := fs.String("dir", "docs/chapters", "the chapters to check")
	update := fs.Bool("update", false, "rewrite drifted blocks from their sources")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	r, err := docscheck.Check(root, root+"/"+*dir, *update)
	if err != nil {
		return err
	}
	for _, p := range r.Problems {
		fmt.Println(p)
	}
	fmt.Printf("docs: %d snippets verified in %d chapters\n", r.Snippets, r.Chapters)
	if len(r.Problems) > 0 {
		return fmt.Errorf("%d problems: %s", len(r.Problems), strings.TrimSpace(r.Problems[0]))
	}
	return nil
}
