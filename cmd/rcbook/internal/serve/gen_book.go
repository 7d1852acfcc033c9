//go:build ignore

// gen_book packs the book's markdown and the playground's scenarios into
// the archive that rcbook serve embeds. go generate runs it:
//
//	go run gen_book.go ../../../.. book.txtar
package main

import (
	"fmt"
	"os"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/serve"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_book.go REPOSITORY-ROOT ARCHIVE")
		os.Exit(2)
	}
	a, err := serve.PackBook(os.Args[1])
	if err == nil {
		err = os.WriteFile(os.Args[2], a.Format(), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_book:", err)
		os.Exit(1)
	}
	fmt.Printf("gen_book: %d files from %s into %s\n", len(a.Files), os.Args[1], os.Args[2])
}
