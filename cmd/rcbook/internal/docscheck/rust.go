package docscheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// A Rust program of the book is one small file that ends with the output it
// prints, pinned the way a Go Example pins its own:
//
//	fn main() {
//	    println!("strong 2");
//	}
//	// Output:
//	// strong 2
//
// A chapter quotes the program without that trailer under a
// `<!-- rust: FILE -->` marker, and its output under a
// `<!-- rust-output: FILE -->` marker. Checking the output compiles the
// program with rustc, runs it, and requires that what it prints is exactly
// the pinned output: a program whose output changed fails the check, as a
// Go Example does in go test.

// outputTrailer starts the pinned output at the end of a Rust program.
const outputTrailer = "// Output:"

// RustProgram returns the source of the Rust program at path without its
// pinned output, and the pinned output.
func RustProgram(path string) (code, output string, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", "", fmt.Errorf("rust marker: %w", err)
	}
	text := strings.TrimRight(string(src), "\n")
	i := strings.LastIndex(text, "\n"+outputTrailer+"\n")
	if i < 0 {
		return "", "", fmt.Errorf("rust marker: %s ends with no %q block", path, outputTrailer)
	}
	var lines []string
	for _, line := range strings.Split(text[i+len(outputTrailer)+2:], "\n") {
		rest, ok := strings.CutPrefix(line, "//")
		if !ok {
			return "", "", fmt.Errorf("rust marker: %s: after %q every line must be a // comment", path, outputTrailer)
		}
		lines = append(lines, strings.TrimPrefix(rest, " "))
	}
	return text[:i], strings.Join(lines, "\n"), nil
}

// rustRunner compiles and runs the book's Rust programs, each once per
// check, keeping the binaries in a cache keyed by the source's hash.
type rustRunner struct {
	ran map[string]string // path -> what the program printed
}

// RunRust compiles the program at path with rustc (the cached binary if
// the source has not changed) and returns what it prints.
func (r *rustRunner) run(path string) (string, error) {
	if out, ok := r.ran[path]; ok {
		return out, nil
	}
	rustc, err := exec.LookPath("rustc")
	if err != nil {
		return "", errors.New("rust-output marker: rustc is not on PATH; install Rust (or Debian's rustc package) to check the book's Rust programs")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("rust-output marker: %w", err)
	}
	sum := sha256.Sum256(src)
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "rcbook", "rust")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, hex.EncodeToString(sum[:12]))
	if _, err := os.Stat(bin); err != nil {
		var stderr bytes.Buffer
		cmd := exec.Command(rustc, "--edition", "2021", "-O", "-o", bin+".tmp", path)
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("rust-output marker: rustc %s: %v\n%s", path, err, stderr.String())
		}
		if err := os.Rename(bin+".tmp", bin); err != nil {
			return "", err
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("rust-output marker: running %s: %v\n%s", path, err, stderr.String())
	}
	out := strings.TrimRight(stdout.String(), "\n")
	if r.ran == nil {
		r.ran = map[string]string{}
	}
	r.ran[path] = out
	return out, nil
}

// rustOutput returns the pinned output of the program at path after
// checking that the program really prints it.
func (r *rustRunner) output(path string) (string, error) {
	_, pinned, err := RustProgram(path)
	if err != nil {
		return "", err
	}
	got, err := r.run(path)
	if err != nil {
		return "", err
	}
	if got != pinned {
		return "", fmt.Errorf("rust-output marker: %s prints\n%s\nbut pins\n%s", path, got, pinned)
	}
	return pinned, nil
}
