package course

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ProgressFile is the name of the progress file in the exercises directory
// (git ignores it: progress is the learner's, not the repository's).
const ProgressFile = ".progress.json"

// Progress records which exercises the learner has passed. On disk it is a
// JSON object mapping an exercise's folder name to true:
//
//	{"01-cleanup": true}
//
// Make one with LoadProgress; it remembers its file for Save.
type Progress struct {
	path string
	done map[string]bool
}

// LoadProgress reads the progress file at path. A missing file is a fresh
// start. So is a file that cannot be read or parsed, but then err says why,
// so that the caller can warn the learner; the returned Progress is usable
// either way, and the next Save replaces the bad file.
func LoadProgress(path string) (*Progress, error) {
	p := &Progress{path: path, done: map[string]bool{}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("progress file unreadable, starting afresh: %w", err)
	}
	if len(strings.TrimSpace(string(raw))) == 0 {
		return p, nil
	}
	if err := json.Unmarshal(raw, &p.done); err != nil {
		p.done = map[string]bool{}
		return p, fmt.Errorf("progress file %s is damaged, starting afresh: %w", path, err)
	}
	return p, nil
}

// Done reports whether the exercise in folder slug is marked done.
func (p *Progress) Done(slug string) bool { return p.done[slug] }

// Mark marks the exercise in folder slug done or, with done false, pending.
// It changes only memory; Save writes it.
func (p *Progress) Mark(slug string, done bool) {
	if done {
		p.done[slug] = true
	} else {
		delete(p.done, slug)
	}
}

// Save writes the progress to its file. It writes a temporary file and
// renames it over the old one, so that an interrupted save cannot leave a
// half-written file behind.
func (p *Progress) Save() error {
	raw, err := json.MarshalIndent(p.done, "", "  ") // map keys come out sorted
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p.path), ProgressFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(append(raw, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p.path)
}

// Bar draws done out of total as a bar width cells wide, followed by the
// count: Bar(5, 12, 12) is "[#####-------] 5/12".
func Bar(done, total, width int) string {
	filled := 0
	if total > 0 {
		filled = min(done, total) * width / total
	}
	return fmt.Sprintf("[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat("-", width-filled), done, total)
}
