package course

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	titleLine  = regexp.MustCompile(`^# ([0-9]+)\. (\S.*)$`)
	bulletLine = regexp.MustCompile(`^(?:[-*+]|[0-9]+\.) +(.*)$`)
)

// parseReadme reads an exercise README: the title from its first line
// ("# NN. Title", NN the folder's number), the chapter from the line that
// starts "Follows chapter ", and the hints from the list under "## Hints".
// The README must also have a "## Your task" section.
//
// A hint is one list item ("- ", "* " or "1. " at the start of a line);
// the lines that continue it are joined to it with a space, so a hint may
// be wrapped like any Markdown paragraph. Anything before the first item
// is an introduction, not a hint, and the section ends at the next "## ".
func parseReadme(text string, number int) (title, chapter string, hints []string, err error) {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	m := titleLine.FindStringSubmatch(lines[0])
	if m == nil {
		return "", "", nil, fmt.Errorf(`the first line must be "# %02d. Title", not %q`, number, lines[0])
	}
	if n, _ := strconv.Atoi(m[1]); n != number {
		return "", "", nil, fmt.Errorf("the title says exercise %s but the folder is exercise %02d", m[1], number)
	}
	title = strings.TrimSpace(m[2])

	task := false
	section := ""
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimSpace(strings.TrimPrefix(line, "## "))
			task = task || section == "Your task"
			continue
		}
		if rest, ok := strings.CutPrefix(line, "Follows chapter "); ok && chapter == "" {
			chapter = strings.TrimSuffix(strings.TrimSpace(rest), ".")
		}
		if section != "Hints" || strings.TrimSpace(line) == "" {
			continue
		}
		if b := bulletLine.FindStringSubmatch(line); b != nil {
			hints = append(hints, strings.TrimSpace(b[1]))
		} else if len(hints) > 0 {
			hints[len(hints)-1] += " " + strings.TrimSpace(line)
		}
	}

	var missing []string
	if chapter == "" {
		missing = append(missing, `a line "Follows chapter NN (Name)."`)
	}
	if !task {
		missing = append(missing, `a "## Your task" section`)
	}
	if len(hints) == 0 {
		missing = append(missing, `a "## Hints" section with at least one "- " item`)
	}
	if len(missing) > 0 {
		return "", "", nil, errors.New("missing " + strings.Join(missing, ", "))
	}
	return title, chapter, hints, nil
}
