package model

// Session is one run of an implementation beside the model, driven one step
// at a time by someone else: package modeltest's rapid state machine, or a
// replay of a recorded sequence. It checks exactly what Explore checks.
//
// After a step fails, the session is over: Do, Check and Finish keep
// returning that first Violation and take no further step.
type Session struct {
	m      *machine
	failed *Violation
}

// NewSession starts a run from no handles at all.
func NewSession(impl Impl) *Session { return &Session{m: newMachine(impl)} }

// Do takes step and checks implementation against model after it. It
// returns the Violation if the step or the check failed, nil otherwise.
// Step indices are positions among the handles now held: I < Strongs() for
// steps on a strong handle, I < Weaks() for steps on a Weak.
func (s *Session) Do(step Step) *Violation {
	return s.run(func() {
		s.m.apply(step)
		s.m.check()
	})
}

// Check compares implementation and model without taking a step.
func (s *Session) Check() *Violation { return s.run(s.m.check) }

// Finish drops every handle left and checks that every allocation was
// freed and every destructor ran exactly once.
func (s *Session) Finish() *Violation { return s.run(s.m.drain) }

// Strongs is the number of strong handles the session holds.
func (s *Session) Strongs() int { return len(s.m.strongs) }

// Weaks is the number of Weaks the session holds.
func (s *Session) Weaks() int { return len(s.m.weaks) }

// Trace describes every step taken so far, one Go statement each.
func (s *Session) Trace() []string { return s.m.traceText() }

func (s *Session) run(f func()) *Violation {
	if s.failed == nil {
		s.failed = s.m.try(f)
	}
	return s.failed
}

// Misuses reports whether the session takes the misuse steps (OpStaleCopy
// and the rest): its Impl is a StaleCopier and the checks are compiled in.
func (s *Session) Misuses() bool { return misuses(s.m.impl) }

// Refusable lists the stale copies whose use the checks must refuse now:
// the strong copies (any of StrongUses), and the weak copies with, for
// each, the uses that must be refused. An OpStaleUse or OpWeakStaleUse on
// any other copy is not a misuse the checks can see: Do leaves the copy
// alone and only checks.
func (s *Session) Refusable() (strong, weak []int, weakUses [][]Use) {
	weak, weakUses = s.m.weakStaleUsable()
	return s.m.staleUsable(), weak, weakUses
}
