package course

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Archive is a course as files: every file of an exercises module, by its
// slash-separated path inside the module ("go.mod",
// "01-cleanup/exercise.go"). It is what rcbook embeds, so that `rcbook
// init` can write the course anywhere and `rcbook exercises verify` can
// test it as shipped.
//
// Its text form is the txtar format (golang.org/x/tools/txtar), read and
// written here without that module: a comment, then each file as a marker
// line "-- NAME --" followed by the file's lines.
//
//	The course as shipped...
//	-- go.mod --
//	module github.com/rcbook/rcbook/exercises
//	-- 01-cleanup/README.md --
//	# 01. A shared resource with a cleanup
//
// So that the text form gives back exactly the bytes packed, a file must
// end with a newline (or be empty) and no line of it may look like a
// marker; Pack refuses a file that breaks either rule.
type Archive struct {
	Comment string            // the text before the first file
	Files   map[string][]byte // each file's content by its path
}

// Names returns the paths of the archive's files, sorted.
func (a *Archive) Names() []string {
	names := make([]string, 0, len(a.Files))
	for name := range a.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Pack reads the exercises module in dir into an archive with the given
// comment. It takes the files git would take: those it tracks and the new
// ones .gitignore does not exclude, so that a maintainer's new exercise is
// in and a learner's .progress.json, or rapid's failure files, are out.
// Whatever the folder holds at packing time is what ships: no exercise is
// named here. It needs git, and dir inside a git work tree.
func Pack(dir, comment string) (*Archive, error) {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = dir
	listed, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			err = fmt.Errorf("%w: %s", err, bytes.TrimSpace(exit.Stderr))
		}
		return nil, fmt.Errorf("listing the files of %s with git ls-files: %w", dir, err)
	}
	a := &Archive{Comment: comment, Files: map[string][]byte{}}
	for _, name := range strings.Split(string(listed), "\x00") {
		if name == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted but not yet committed: not in the course any more
		}
		if err != nil {
			return nil, err
		}
		if err := packable(name, data); err != nil {
			return nil, err
		}
		a.Files[name] = data
	}
	if len(a.Files) == 0 {
		return nil, fmt.Errorf("no files to pack in %s", dir)
	}
	return a, nil
}

// packable says why a file cannot go into the text form unchanged, if it
// cannot.
func packable(name string, data []byte) error {
	if len(data) > 0 && data[len(data)-1] != '\n' {
		return fmt.Errorf("%s: does not end with a newline: the archive would add one", name)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if _, ok := marker(line); ok {
			return fmt.Errorf("%s: the line %q would read as the start of another file", name, line)
		}
	}
	return nil
}

// Format returns the archive's text form, its files in path order.
func (a *Archive) Format() []byte {
	var b bytes.Buffer
	b.WriteString(a.Comment)
	if a.Comment != "" && !strings.HasSuffix(a.Comment, "\n") {
		b.WriteByte('\n')
	}
	for _, name := range a.Names() {
		fmt.Fprintf(&b, "-- %s --\n", name)
		b.Write(a.Files[name])
	}
	return b.Bytes()
}

// ParseArchive reads an archive's text form. Every file's path must be
// clean, relative and slash-separated, and no path may appear twice.
func ParseArchive(text []byte) (*Archive, error) {
	a := &Archive{Files: map[string][]byte{}}
	var name string
	var body *bytes.Buffer
	var comment strings.Builder
	flush := func() {
		if body != nil {
			a.Files[name] = append([]byte{}, body.Bytes()...) // an empty file too is a file
		}
	}
	for _, line := range strings.SplitAfter(string(text), "\n") {
		if line == "" {
			continue // after the last newline
		}
		next, ok := marker(strings.TrimSuffix(line, "\n"))
		if !ok {
			if body == nil {
				comment.WriteString(line)
			} else {
				body.WriteString(line)
			}
			continue
		}
		flush()
		if next != path.Clean(next) || next == "." || path.IsAbs(next) || strings.HasPrefix(next, "../") || strings.Contains(next, `\`) {
			return nil, fmt.Errorf("archive: %q is not a clean relative path", next)
		}
		if _, dup := a.Files[next]; dup {
			return nil, fmt.Errorf("archive: %s appears twice", next)
		}
		name, body = next, &bytes.Buffer{}
	}
	flush()
	if len(a.Files) == 0 {
		return nil, errors.New("archive: no files")
	}
	a.Comment = comment.String()
	return a, nil
}

// marker reports whether line is a file marker, "-- NAME --", and the
// name it gives.
func marker(line string) (string, bool) {
	inner, ok := strings.CutPrefix(line, "-- ")
	if !ok {
		return "", false
	}
	inner, ok = strings.CutSuffix(inner, " --")
	inner = strings.TrimSpace(inner)
	return inner, ok && inner != ""
}
