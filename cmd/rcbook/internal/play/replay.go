package play

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/invariants"
)

// Limits bound the work one script may ask for: Replay is fed by a
// browser, and Run by whoever pipes a file in. A command past a limit is
// not run; its step says why (Problem).
const (
	// MaxLines is the number of command lines a script may have.
	MaxLines = 500
	// MaxAllocations is the number of allocations a session may make.
	MaxAllocations = 64
	// maxLineLen is the longest command play runs.
	maxLineLen = 200
	// maxNameLen is the longest handle or borrow name.
	maxNameLen = 16
)

// Step is what one command line of a script did, for the web playground:
// the line, the narration before it, what the terminal play prints for it,
// how it went, and everything after it.
type Step struct {
	Line      string   `json:"line"`      // the command as typed
	Narration string   `json:"narration"` // the # comment lines just before it, joined by "\n"; "" if none
	Output    []string `json:"output"`    // what the terminal play prints for it, line by line, without the picture
	Refusal   *Refusal `json:"refusal"`   // the library's refusal, if the operation was refused
	Problem   string   `json:"problem"`   // a mistake of the learner's (unknown name, bad argument); "" if none
	State     State    `json:"state"`     // everything after the step
}

// Refusal is an operation the library refused, with the rule at stake.
type Refusal struct {
	Message  string `json:"message"`  // the *invariants.Error's Error(), e.g. "rc: Get: use after free (I5)"
	Rule     string `json:"rule"`     // its Rule(), e.g. "I5", "B1"; "" for a plain misuse
	RuleText string `json:"ruleText"` // the rule's statement from invariants.Rules or BorrowRules; "" if none
}

// newRefusal fills in the statement of rule, if it names one.
func newRefusal(msg string, rule invariants.ID) *Refusal {
	r := &Refusal{Message: msg, Rule: string(rule)}
	if found, ok := invariants.Lookup(rule); ok && rule != "" {
		r.RuleText = found.Statement
	}
	return r
}

// State is everything a session holds after a step.
type State struct {
	Allocs  []Alloc  `json:"allocs"`  // every allocation in the picture (a freed one in the step that frees it), in the order made
	Handles []Handle `json:"handles"` // every named handle, sorted by name
	Journal []string `json:"journal"` // the destructor lines so far, in order ("drop #2 (value 7)")
	Pool    *Pool    `json:"pool"`    // nil without a pool
	Live    int      `json:"live"`    // the session's allocations not yet freed (rc.LiveAllocations' share of them)
}

// Alloc is one allocation as the picture shows it.
type Alloc struct {
	ID       int     `json:"id"`       // #n, numbered in the order made, never reused
	Gen      uint32  `json:"gen"`      // the header's generation (pool); 0 for rc.New
	Strong   int     `json:"strong"`   // strong handles, names and links
	Weak     int     `json:"weak"`     // Weak handles only, as WeakCount shows them while the value lives
	Implicit bool    `json:"implicit"` // the implicit weak is still held (I4)
	State    string  `json:"state"`    // "alive", "dropping", "dead" (value gone, kept by Weaks), "freed"
	Value    int     `json:"value"`    // the live value, or the last one seen
	MovedOut bool    `json:"movedOut"` // the value left by TryUnwrap or MakeMut rather than being dropped
	Fields   []Field `json:"fields"`   // the handles the node holds: next, parent, children[0..], in that order
	Leaked   bool    `json:"leaked"`   // not freed, yet no name reaches it, directly or through fields (a cycle)
	Borrows  Borrows `json:"borrows"`  // the RefCell's live borrows
}

// Field is one handle stored in a node.
type Field struct {
	Name string `json:"name"` // "next", "parent", "children[0]", ...
	Kind string `json:"kind"` // "strong" or "weak"
	To   int    `json:"to"`   // the allocation's ID; 0 if the Weak dangles
}

// Handle is one of the learner's names.
type Handle struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`  // "strong" or "weak"
	To    int    `json:"to"`    // the allocation's ID; 0 if none (dangling, or used up)
	Spent string `json:"spent"` // "", "dropped", "moved", "unwrapped"
	Stale bool   `json:"stale"` // points at an allocation that is over (a copy made without Clone)
}

// Borrows is what a RefCell's flag counts.
type Borrows struct {
	Shared  int  `json:"shared"`  // live Refs
	Mutably bool `json:"mutably"` // a RefMut is live
}

// Pool is the session's pool of freed headers.
type Pool struct {
	Size    int `json:"size"`    // freed headers waiting
	MaxSize int `json:"maxSize"` // the most it keeps
}

// Replay runs script (play's commands, one a line, # comments) in a fresh
// session and returns one Step per command line; the comment lines just
// before a command are its Narration. It never panics, and the same script
// always gives the same steps. A refused operation is a Step with Refusal
// set, and the session goes on, as at the terminal. Lines after MaxLines
// command lines, or after quit, are each a Step with a Problem, and are not
// run; so is a command that would make more than MaxAllocations
// allocations.
//
// Like the terminal play, Replay drops nothing when the script ends: what
// the script left live stays live, which rc.LiveAllocations counts.
func Replay(script string) []Step {
	var out strings.Builder
	s := newSession(&out)
	s.record = true
	var steps []Step
	var narration []string
	over := ""
	lines := bufio.NewScanner(strings.NewReader(script))
	lines.Buffer(nil, len(script)+1)
	for lines.Scan() {
		line := strings.TrimSpace(lines.Text())
		command := stripComment(line)
		if command == "" {
			if strings.HasPrefix(line, "#") {
				narration = append(narration, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			continue
		}
		step := Step{Line: line, Narration: strings.Join(narration, "\n")}
		narration = nil
		if over == "" && len(steps) >= MaxLines {
			over = fmt.Sprintf("not run: a script runs at most %d command lines", MaxLines)
		}
		if over != "" {
			step.Problem = over
			step.Output = []string{over}
			step.State = s.state(s.views())
			steps = append(steps, step)
			continue
		}
		out.Reset()
		r := s.safeStep(command)
		step.Output = outputLines(out.String())
		step.Refusal, step.Problem, step.State = r.refusal, r.problem, r.state
		steps = append(steps, step)
		if r.quit {
			over = "not run: the session ended at quit"
		}
	}
	return steps
}

// outputLines splits printed text into its lines, without the last newline.
func outputLines(text string) []string {
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return []string{}
	}
	return strings.Split(text, "\n")
}

// safeStep is step for input no one has vetted: a panic that is not the
// library's refusal is a bug in play or in the library, which the terminal
// shows as a crash; here it becomes the step's Problem, so that one bad
// script cannot take a server down.
func (s *session) safeStep(command string) (r result) {
	defer func() {
		if v := recover(); v != nil {
			r = result{problem: fmt.Sprintf("internal error in play: %v", v)}
			fmt.Fprintln(s.out, r.problem)
			if s.record {
				r.state = s.stateSafely()
			}
		}
	}()
	return s.step(command)
}

// stateSafely is state after a failed step, or an empty State if even
// that fails.
func (s *session) stateSafely() (st State) {
	defer func() {
		if recover() != nil {
			st = State{Allocs: []Alloc{}, Handles: []Handle{}, Journal: []string{}}
		}
	}()
	return s.state(s.views())
}

// state returns everything the session holds, given how every allocation
// in the picture looks now.
func (s *session) state(views map[*allocation]view) State {
	st := State{Allocs: []Alloc{}, Handles: []Handle{}, Journal: append([]string{}, s.journal.lines...)}
	for _, a := range s.allocs {
		v, shown := views[a]
		if !shown {
			continue
		}
		al := Alloc{
			ID: a.n, Gen: a.ref.Gen(), Strong: v.strong, Weak: v.weaks, Implicit: v.implicit,
			State: stateName(v.state), Value: v.value, MovedOut: a.movedOut, Fields: []Field{},
			Leaked: v.leaked, Borrows: Borrows{Shared: v.shared, Mutably: v.mutably},
		}
		for _, l := range v.links {
			f := Field{Name: l.name, Kind: "strong"}
			if l.weak {
				f.Kind = "weak"
			}
			if to := s.find(l.to); to != nil {
				f.To = to.n
			}
			al.Fields = append(al.Fields, f)
		}
		st.Allocs = append(st.Allocs, al)
	}
	for _, name := range s.sortedNames() {
		h := s.names[name]
		hd := Handle{Name: name, Kind: "strong", Spent: h.spent}
		if h.weak != nil {
			hd.Kind = "weak"
		}
		if h.spent == "" {
			if a := s.find(h.ref()); a != nil {
				hd.To = a.n
				hd.Stale = a.over() || (h.strong != nil && a.header().State != invariants.Alive)
			}
		}
		st.Handles = append(st.Handles, hd)
	}
	if s.pool != nil {
		st.Pool = &Pool{Size: s.pool.Size(), MaxSize: s.pool.MaxSize()}
	}
	for _, a := range s.allocs {
		if !a.over() {
			st.Live++
		}
	}
	return st
}

// stateName is the word State uses for an allocation's state.
func stateName(st invariants.State) string {
	switch st {
	case invariants.Alive:
		return "alive"
	case invariants.Dropping:
		return "dropping"
	case invariants.Dead:
		return "dead"
	case invariants.Freed:
		return "freed"
	}
	return "uninit"
}
