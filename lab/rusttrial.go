package lab

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rcbook/rcbook/invariants/model"
)

// A trial is one sequence run in Go, ready to be replayed on Rust's std:
// the steps as the session named them, ending with the drop of every
// handle left, and after each step the model's view and the library's,
// in the line format rcdiff prints (lab/rust/rcdiff.rs).
type trial struct {
	steps     []model.Named
	trace     []string // the steps as Go statements
	model     []string // what the model expects after each step
	library   []string // what the library shows
	violation *model.Violation
}

// expressible reports whether rcdiff replays step on Rust's std: every step
// but the overflow probe, which would need 2^63 handles in Rust (where
// overflow aborts the process; rcbook refuses the increment), the misuse
// steps (a copy made without Clone does not compile in Rust), and any step
// the model may learn later that has no Rust counterpart. Three flags are
// left out too: a panicking cleanup (Rust has no cleanup beside Drop), a
// value equal to the one before (rcdiff names values by their ID, which
// twins share) and a MakeMut whose clone drops other handles (Rust's clone
// is Clone::clone, which cannot reach them without a RefCell of its own).
func expressible(s model.Step) bool {
	return s.Op <= model.OpWeakPtrEq && !s.CleanupPanics && !s.Twin && !s.CloneDrops
}

// runTrial runs a sequence on impl beside the model: next gives each step
// in turn, from the session as it stands, until it says there is none. Then
// every handle left is dropped, strong ones first, newest first, as the
// session's own Finish would, but one step at a time so that Rust replays
// them too.
func runTrial(impl model.Impl, next func(*model.Session) (model.Step, bool)) (t trial) {
	s := model.NewSession(impl)
	defer func() {
		t.steps = s.Taken()
		t.trace = s.Trace()[:len(t.steps)] // not Finish's note that it dropped the handles left: none were
	}()
	take := func(step model.Step) bool {
		if t.violation = s.Do(step); t.violation != nil {
			return false
		}
		t.model = append(t.model, viewLine(s.Expected(), step))
		t.library = append(t.library, viewLine(s.Seen(), step))
		return true
	}
	for {
		step, ok := next(s)
		if !ok {
			break
		}
		if !take(step) {
			return t
		}
	}
	for s.Strongs() > 0 {
		if !take(model.Step{Op: model.OpDrop, I: s.Strongs() - 1}) {
			return t
		}
	}
	for s.Weaks() > 0 {
		if !take(model.Step{Op: model.OpWeakDrop, I: s.Weaks() - 1}) {
			return t
		}
	}
	t.violation = s.Finish()
	return t
}

// replay returns the steps of a fixed sequence for runTrial.
func replay(steps []model.Step) func(*model.Session) (model.Step, bool) {
	i := 0
	return func(*model.Session) (model.Step, bool) {
		if i == len(steps) {
			return model.Step{}, false
		}
		i++
		return steps[i-1], true
	}
}

// input is the trial in rcdiff's input language: "seq", a line a step,
// "end".
func (t *trial) input() string {
	var b strings.Builder
	b.WriteString("seq\n")
	for _, n := range t.steps {
		b.WriteString(stepLine(n))
		b.WriteByte('\n')
	}
	b.WriteString("end\n")
	return b.String()
}

// stepLine says one step in rcdiff's input language. Handles go by their
// number: s3 and w3 are both 3.
func stepLine(n model.Named) string {
	num := func(name string) string { return name[1:] }
	flags := func(words ...string) string {
		if n.Panics {
			words = append(words, "p")
		}
		return strings.Join(words, " ")
	}
	switch n.Op {
	case model.OpNew:
		return flags("new", num(n.Made))
	case model.OpNewWithCleanup:
		return flags("cleanup", num(n.Made))
	case model.OpNewCyclic:
		line := flags("cyclic", num(n.Made))
		if n.Escape {
			line += " e " + num(n.Escaped)
		}
		if n.BuildPanics {
			line += " b"
		}
		if n.MoveSelf {
			line += " m"
		}
		return line
	case model.OpClone:
		return "clone " + num(n.NameI) + " " + num(n.Made)
	case model.OpMove:
		return "move " + num(n.NameI) + " " + num(n.Made)
	case model.OpDrop:
		return "drop " + num(n.NameI)
	case model.OpDowngrade:
		return "down " + num(n.NameI) + " " + num(n.Made)
	case model.OpDangling:
		return "dangling " + num(n.Made)
	case model.OpWeakClone:
		return "wclone " + num(n.NameI) + " " + num(n.Made)
	case model.OpWeakMove:
		return "wmove " + num(n.NameI) + " " + num(n.Made)
	case model.OpWeakDrop:
		return "wdrop " + num(n.NameI)
	case model.OpUpgrade:
		return "up " + num(n.NameI) + " " + num(n.Made)
	case model.OpGetMut:
		return "getmut " + num(n.NameI)
	case model.OpMakeMut:
		return "makemut " + num(n.NameI)
	case model.OpTryUnwrap:
		return "tryunwrap " + num(n.NameI)
	case model.OpIntoInner:
		return "intoinner " + num(n.NameI)
	case model.OpPtrEq:
		return "ptreq " + num(n.NameI) + " " + num(n.NameJ)
	case model.OpWeakPtrEq:
		return "wptreq " + num(n.NameI) + " " + num(n.NameJ)
	}
	panic(fmt.Sprintf("lab: step %v has no Rust counterpart", n.Op)) // expressible keeps these out
}

// viewLine formats what a session shows after step as rcdiff prints what
// Rust shows: ANSWER|HANDLES|JOURNAL|LIVE. It runs twice a step, so it
// appends rather than going through fmt.
func viewLine(v model.View, step model.Step) string {
	b := make([]byte, 0, 128)
	b = append(b, answerText(v.Answer, step)...)
	b = append(b, '|')
	handles := slices.Clone(v.Handles)
	slices.SortFunc(handles, func(x, y model.HandleView) int { return handleNumber(x.Name) - handleNumber(y.Name) })
	for i, h := range handles {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, h.Name...)
		b = append(b, '=')
		b = strconv.AppendInt(b, int64(h.Strong), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(h.Weak), 10)
		if h.Name[0] == 's' {
			b = append(b, ":v"...)
			b = strconv.AppendInt(b, int64(h.Value), 10)
			b = append(b, '#')
			b = strconv.AppendInt(b, int64(h.Payload), 10)
		}
	}
	b = append(b, "|d="...)
	b = appendIDCounts(b, v.Drops)
	b = append(b, " c="...)
	b = appendIDCounts(b, v.Cleanups)
	b = append(b, " r="...)
	for i, id := range v.Resurrected {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(id), 10)
	}
	b = append(b, '|')
	b = strconv.AppendInt(b, int64(v.Live), 10)
	return string(b)
}

func handleNumber(name string) int {
	n, _ := strconv.Atoi(name[1:])
	return n
}

// answerText is what step returned, as rcdiff says it.
func answerText(a model.Answer, step model.Step) string {
	yes := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "no"
	}
	switch step.Op {
	case model.OpDrop:
		if a.Panicked {
			return "panic"
		}
	case model.OpNewCyclic:
		text := fmt.Sprintf("build %d %d %s", a.BuildStrong, a.BuildWeak, yes(a.BuildUpgraded))
		if a.Panicked {
			text += " panic"
		}
		return text
	case model.OpUpgrade, model.OpGetMut, model.OpPtrEq, model.OpWeakPtrEq:
		return yes(a.OK)
	case model.OpTryUnwrap, model.OpIntoInner:
		if a.OK {
			return fmt.Sprintf("yes v%d#%d", a.Value, a.Payload)
		}
		return "no"
	}
	return "-"
}

// appendIDCounts lists value IDs in order, each followed by xN if it
// counts N > 1.
func appendIDCounts(b []byte, counts map[int]int) []byte {
	ids := make([]int, 0, len(counts))
	for id, n := range counts {
		if n != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(id), 10)
		if n := counts[id]; n != 1 {
			b = append(b, 'x')
			b = strconv.AppendInt(b, int64(n), 10)
		}
	}
	return b
}
