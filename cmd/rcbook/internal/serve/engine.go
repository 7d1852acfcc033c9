package serve

import "sync"

// The playground's one tie to the play engine is replay, below. The types
// are the contract's (CONTRACT.md, "the contract between the play engine
// and the web playground"): play.Step and its parts, which the playground's
// JavaScript reads as JSON.
//
// TODO(merge): once package play exports Replay and these types, delete
// them here and engine_today.go, and write
//
//	type Step = play.Step
//	var replay = play.Replay

// replay runs a script from a fresh session and returns one Step per
// command line. It is a variable so that a test can put hand-written steps
// in its place.
var replay = replayToday

// replayMu serializes replays: a step's State.Live is measured with the
// library's global count of live allocations, which another request's
// session would disturb.
var replayMu sync.Mutex

// runScript is how the server replays a script: one session at a time.
func runScript(script string) []Step {
	replayMu.Lock()
	defer replayMu.Unlock()
	return replay(script)
}

// Step is one command of a script and everything after it.
type Step struct {
	Line      string   `json:"line"`      // the command as typed
	Narration string   `json:"narration"` // the # comment lines just before it, joined
	Output    []string `json:"output"`    // what the terminal play prints for it, line by line
	Refusal   *Refusal `json:"refusal"`   // the library's refusal, if the operation was refused
	Problem   string   `json:"problem"`   // a mistake of the learner's, "" if none
	State     State    `json:"state"`     // everything after the step
}

// Refusal is the library's refusal of an operation: an *invariants.Error.
type Refusal struct {
	Message  string `json:"message"`  // its Error(), e.g. "rc: Get: use after free (I5)"
	Rule     string `json:"rule"`     // its Rule(), "" for a plain misuse
	RuleText string `json:"ruleText"` // the rule's statement, "" if none
}

// State is everything the picture shows after a step.
type State struct {
	Allocs  []Alloc  `json:"allocs"`  // every allocation in the picture, in the order made
	Handles []Handle `json:"handles"` // every named handle, sorted by name
	Journal []string `json:"journal"` // destructor and cleanup lines so far, in order
	Pool    *Pool    `json:"pool"`    // nil without a pool
	Live    int      `json:"live"`    // live allocations the session made
}

// Alloc is one allocation as the picture draws it.
type Alloc struct {
	ID       int     `json:"id"`       // #n, numbered in the order made
	Gen      uint32  `json:"gen"`      // header generation (pool), 0 for rc.New
	Strong   int     `json:"strong"`   // strong handles
	Weak     int     `json:"weak"`     // Weak handles only
	Implicit bool    `json:"implicit"` // the implicit weak is still held (I4)
	State    string  `json:"state"`    // "alive", "dropping", "dead" or "freed"
	Value    int     `json:"value"`    // the live value, or the last one seen
	MovedOut bool    `json:"movedOut"` // the value left by TryUnwrap or MakeMut
	Fields   []Field `json:"fields"`   // handles stored inside the value
	Leaked   bool    `json:"leaked"`   // alive, yet no named handle reaches it
	Borrows  Borrows `json:"borrows"`  // the RefCell's live borrows
}

// Field is a handle stored inside a node: next, parent, children[i].
type Field struct {
	Name string `json:"name"` // "next", "parent", "children[0]"...
	Kind string `json:"kind"` // "strong" or "weak"
	To   int    `json:"to"`   // the allocation's ID, 0 if empty or dangling
}

// Handle is one named handle of the session.
type Handle struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`  // "strong" or "weak"
	To    int    `json:"to"`    // allocation ID, 0 if none
	Spent string `json:"spent"` // "", "dropped", "moved", "unwrapped"
	Stale bool   `json:"stale"` // points at an allocation that is over
}

// Borrows are a RefCell's live borrows.
type Borrows struct {
	Shared  int  `json:"shared"`
	Mutably bool `json:"mutably"`
}

// Pool is the session's pool of freed headers.
type Pool struct {
	Size    int `json:"size"`
	MaxSize int `json:"maxSize"`
}
