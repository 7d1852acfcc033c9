package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/docscheck"
)

// docsCheck verifies that every code excerpt, printed output and benchmark
// figure in the chapters and in the pages beside them (docs/benchmarks.md)
// matches its source, and ends with "docs: N snippets and F figures
// verified in M pages".
func docsCheck(args []string) error {
	fs := flag.NewFlagSet("docs check", flag.ContinueOnError)
	dir := fs.String("dir", "docs/chapters", "the chapters to check")
	pages := fs.String("pages", "docs", "more pages to check, such as benchmarks.md; empty for none")
	update := fs.Bool("update", false, "rewrite drifted blocks and figures from their sources")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	var total docscheck.Report
	for _, d := range []string{*dir, *pages} {
		if d == "" {
			continue
		}
		r, err := docscheck.Check(root, root+"/"+d, *update)
		if err != nil {
			return err
		}
		total.Chapters += r.Chapters
		total.Snippets += r.Snippets
		total.Figures += r.Figures
		total.Problems = append(total.Problems, r.Problems...)
	}
	for _, p := range total.Problems {
		fmt.Println(p)
	}
	fmt.Printf("docs: %d snippets and %d figures verified in %d pages\n", total.Snippets, total.Figures, total.Chapters)
	if len(total.Problems) > 0 {
		return fmt.Errorf("%d problems: %s", len(total.Problems), strings.TrimSpace(total.Problems[0]))
	}
	return nil
}
