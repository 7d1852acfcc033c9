package course

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// VerifyShipped checks the course as this rcbook ships it, for maintainers
// and CI, and never the learner's files: it writes every file of a, stubs
// and solutions, into a new temporary folder, makes its go.mod take the
// library from lib (with goCmd, which runs go mod edit), and runs Verify
// there with run as the go test Runner. Every stub must fail and every
// solution pass; the report and the error are Verify's. The folder is
// removed afterwards.
func VerifyShipped(a *Archive, lib Library, run Runner, goCmd GoCommand, out io.Writer) ([]Verdict, error) {
	dir, err := os.MkdirTemp("", "rcbook-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := a.WriteTo(dir, nil); err != nil {
		return nil, err
	}
	if err := goCmd(dir, lib.modEdit(), out); err != nil {
		return nil, fmt.Errorf("go %v: %w", lib.modEdit(), err)
	}
	c, err := Load(dir)
	if err != nil {
		return nil, err
	}
	c.Run = run
	fmt.Fprintf(out, "Verifying the course this rcbook ships (%d exercises) against %s, in a temporary copy\n", len(c.Exercises), lib)
	return c.Verify(out)
}

// Diff names the files that differ between two archives: in one and not
// the other, or with other contents. Comments are not compared.
func Diff(a, b *Archive) []string {
	var differ []string
	for name, text := range a.Files {
		if other, ok := b.Files[name]; !ok || string(other) != string(text) {
			differ = append(differ, name)
		}
	}
	for name := range b.Files {
		if _, ok := a.Files[name]; !ok {
			differ = append(differ, name)
		}
	}
	sort.Strings(differ)
	return differ
}
