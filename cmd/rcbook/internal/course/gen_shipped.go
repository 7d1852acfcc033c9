//go:build ignore

// gen_shipped packs an exercises module into the archive that rcbook
// embeds. go generate runs it:
//
//	go run gen_shipped.go ../../../../exercises shipped.txtar
package main

import (
	"fmt"
	"os"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_shipped.go EXERCISES-DIR ARCHIVE")
		os.Exit(2)
	}
	a, err := course.Pack(os.Args[1], course.ShippedComment)
	if err == nil {
		err = os.WriteFile(os.Args[2], a.Format(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_shipped:", err)
		os.Exit(1)
	}
	fmt.Printf("gen_shipped: %d files from %s into %s\n", len(a.Files), os.Args[1], os.Args[2])
}
