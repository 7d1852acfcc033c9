package serve

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
	"github.com/rcbook/rcbook/invariants"
)

// TODO(merge): delete this file (and engine_today_test.go) when package
// play exports Replay. Until then replayToday gives the playground real
// data from today's engine: it runs the script through play.Run, the
// terminal demo, and reads the steps back from its text. It knows nothing
// of node fields (set, unset, add), which today's engine does not have.

// replayToday runs script through play.Run and returns the contract's
// steps, read back from the text play prints.
func replayToday(script string) []Step {
	steps := scriptSteps(script)
	var out strings.Builder
	if err := play.Run(strings.NewReader(script), &out, play.Options{Echo: true}); err != nil {
		return steps
	}
	sections := echoedSections(out.String())
	var prev State
	for i := range steps {
		if i >= len(sections) {
			steps = steps[:i] // quit ended the session
			break
		}
		lines := sections[i]
		if i+1 < len(steps) { // the next step's comments are echoed before its command
			lines = trimEchoedComments(lines, steps[i+1].Narration)
		}
		steps[i].State = readStep(&steps[i], lines, prev)
		prev = steps[i].State
	}
	return steps
}

// scriptSteps splits a script into its commands, each with the comment
// lines just before it as narration.
func scriptSteps(script string) []Step {
	var steps []Step
	var narration []string
	for _, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		command, comment, _ := strings.Cut(line, "#")
		command = strings.TrimSpace(command)
		if command == "" {
			if c := strings.TrimSpace(comment); c != "" {
				narration = append(narration, c)
			}
			continue
		}
		steps = append(steps, Step{Line: command, Narration: strings.Join(narration, " "), Output: []string{}})
		narration = nil
	}
	return steps
}

// echoedSections splits play's echoed output at each "rc> " line: one
// section of lines per command.
func echoedSections(out string) [][]string {
	var sections [][]string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "rc> ") {
			sections = append(sections, []string{})
		} else if len(sections) > 0 {
			sections[len(sections)-1] = append(sections[len(sections)-1], line)
		}
	}
	return sections
}

// trimEchoedComments drops the blank lines and echoed comment lines that
// end a section.
func trimEchoedComments(lines []string, narration string) []string {
	for len(lines) > 0 {
		last := strings.TrimSpace(lines[len(lines)-1])
		if last == "" || (strings.HasPrefix(last, "# ") && strings.Contains(narration, strings.TrimSpace(last[1:]))) {
			lines = lines[:len(lines)-1]
			continue
		}
		break
	}
	return lines
}

var (
	boxTitle  = regexp.MustCompile(`^\+-- #(\d+) (live|freed)(?:, gen (\d+))? -+\+$`)
	countsRow = regexp.MustCompile(`strong (\d+)\s+weak (\d+)(?: \((\+1 implicit)|)`)
	valueRow  = regexp.MustCompile(`^value (?:(\S+) \(alive\)|being dropped \(was (\S+)\)|(dropped|moved out) \(was (\S+)\)|not built yet)`)
	poolLine  = regexp.MustCompile(`^pool: (\d+) of (\d+)`)
	ruleID    = regexp.MustCompile(`\(([IB]\d)\)$`)
	problems  = regexp.MustCompile(`^(unknown command|usage:|no handle named|make a pool first|the session already has)|is not a handle name|still holds a handle|is a Weak;|is a strong handle;`)
)

// readStep fills step's output, refusal and problem from a section, and
// returns the state after it: the picture the section draws, or prev if
// it draws none (nothing changed but freed allocations leaving).
func readStep(step *Step, lines []string, prev State) State {
	i := 0
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "+-- ") && !isPictureLine(lines[i]); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "refused: "):
			msg := strings.TrimPrefix(line, "refused: ")
			step.Refusal = &Refusal{Message: msg}
			if m := ruleID.FindStringSubmatch(msg); m != nil {
				step.Refusal.Rule = m[1]
				if r, ok := invariants.Lookup(invariants.ID(m[1])); ok {
					step.Refusal.RuleText = r.Statement
				}
			}
		case problems.MatchString(line):
			step.Problem = line
		case line != "":
			step.Output = append(step.Output, line)
		}
	}
	state := State{Allocs: []Alloc{}, Handles: prev.Handles, Journal: append([]string{}, prev.Journal...), Pool: prev.Pool}
	if state.Handles == nil {
		state.Handles = []Handle{}
	}
	if i == len(lines) {
		for _, a := range prev.Allocs {
			if a.State != "freed" {
				state.Allocs = append(state.Allocs, a)
			}
		}
	} else {
		readPicture(&state, lines[i:], prev)
	}
	state.Journal = append(state.Journal, journalLines(step.Output, state.Allocs)...)
	for _, a := range state.Allocs {
		if a.State != "freed" {
			state.Live++
		}
	}
	return state
}

func isPictureLine(line string) bool {
	return line == "nothing allocated, no handles" || poolLine.MatchString(line)
}

// readPicture reads play's drawing of every allocation and name.
func readPicture(state *State, lines []string, prev State) {
	kinds := map[string]string{}
	for _, h := range prev.Handles {
		kinds[h.Name] = h.Kind
	}
	state.Handles = []Handle{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := boxTitle.FindStringSubmatch(line); m != nil && i+4 < len(lines) {
			a := readBox(m, lines[i+1], lines[i+2])
			state.Allocs = append(state.Allocs, a)
			state.Handles = append(state.Handles, readNames(lines[i+4], a.ID, kinds)...)
			i += 4
		} else if m := poolLine.FindStringSubmatch(line); m != nil {
			size, _ := strconv.Atoi(m[1])
			max, _ := strconv.Atoi(m[2])
			state.Pool = &Pool{Size: size, MaxSize: max}
		} else if strings.Contains(line, ": ") {
			state.Handles = append(state.Handles, readNames(line, 0, kinds)...)
		}
	}
	slices.SortFunc(state.Handles, func(a, b Handle) int { return strings.Compare(a.Name, b.Name) })
}

// readBox reads one allocation's box: its title, counts and value rows.
func readBox(title []string, counts, value string) Alloc {
	a := Alloc{State: "alive", Fields: []Field{}}
	a.ID, _ = strconv.Atoi(title[1])
	gen, _ := strconv.Atoi(title[3])
	a.Gen = uint32(gen)
	if m := countsRow.FindStringSubmatch(counts); m != nil {
		a.Strong, _ = strconv.Atoi(m[1])
		a.Weak, _ = strconv.Atoi(m[2])
		a.Implicit = m[3] != ""
	}
	v := valueRow.FindStringSubmatch(strings.Trim(value, "| "))
	switch {
	case v == nil:
	case v[1] != "":
		a.Value, _ = strconv.Atoi(v[1])
	case v[2] != "":
		a.State = "dropping"
		a.Value, _ = strconv.Atoi(v[2])
	case v[3] != "":
		a.State, a.MovedOut = "dead", v[3] == "moved out"
		a.Value, _ = strconv.Atoi(v[4])
	}
	if title[2] == "freed" {
		a.State = "freed"
	}
	return a
}

// readNames reads a line of labelled names, "strong: a, b   weak: w", the
// names pointing at allocation to, or (to 0) the names pointing at none.
func readNames(line string, to int, kinds map[string]string) []Handle {
	var hs []Handle
	for _, group := range strings.Split(strings.TrimSpace(line), "   ") {
		label, names, ok := strings.Cut(group, ": ")
		if !ok || strings.HasPrefix(label, "no handles") {
			continue
		}
		names, _, _ = strings.Cut(names, " (strong, but")
		for _, n := range strings.Split(names, ", ") {
			name, note, _ := strings.Cut(n, " (")
			h := Handle{Name: name, Kind: kinds[name], To: to}
			switch label {
			case "strong", "weak":
				h.Kind = label
			case "dangling":
				h.Kind = "weak"
			case "stale":
				h.Stale = true
				if to == 0 {
					fmt.Sscanf(note, "#%d", &h.To)
				}
			case "empty":
				h.Spent = strings.TrimSuffix(note, ")")
			}
			if h.Kind == "" {
				h.Kind = "strong"
			}
			hs = append(hs, h)
		}
	}
	return hs
}

// journalLines are the destructor lines a step's change lines imply.
func journalLines(output []string, allocs []Alloc) []string {
	var lines []string
	for _, line := range output {
		var id int
		if _, err := fmt.Sscanf(line, "#%d ", &id); err != nil {
			continue
		}
		value := 0
		for _, a := range allocs {
			if a.ID == id {
				value = a.Value
			}
		}
		if strings.Contains(line, "value dropped") {
			lines = append(lines, fmt.Sprintf("drop #%d (value %d)", id, value))
		}
		if strings.Contains(line, "allocation freed") {
			lines = append(lines, fmt.Sprintf("free #%d", id))
		}
	}
	return lines
}
