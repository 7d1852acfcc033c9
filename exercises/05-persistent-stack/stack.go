// Package stack is exercise 05: a persistent stack, whose versions share
// their common tail instead of copying it.
package stack

import "github.com/rcbook/rcbook/rc"

// Stack is one version of a persistent stack of strings. Pushing onto it
// makes a new version and leaves it as it was; versions that were pushed
// onto the same stack share it as their tail. The zero Stack is the empty
// stack, ready to use.
//
// A Stack holds a strong handle, so like an rc.Rc it must not be copied:
// take new versions from Push, Pop and Clone, pass *Stack, and Drop every
// version you made.
type Stack struct {
	top rc.Rc[node] // empty for the empty stack
}

// node is one cell of the stack. Every version whose top is this node, and
// every node sitting on it, owns it: its strong count is the number of
// those owners.
type node struct {
	value string
	tail  Stack // the rest of the stack, owned by this node
}

// IsEmpty reports whether s has no values.
func (s *Stack) IsEmpty() bool { return s.top.IsEmpty() }

// Clone returns another version with the same values, sharing every node
// with s: the top node's strong count + 1. Cloning the empty stack returns
// the empty stack.
func (s *Stack) Clone() Stack {
	if s.top.IsEmpty() {
		return Stack{}
	}
	return Stack{top: s.top.Clone()}
}

// Drop gives up s's share of its nodes and leaves s empty. A node whose
// last owner this was is dropped, and its destructor gives up its tail in
// turn. Dropping the empty stack does nothing.
func (s *Stack) Drop() { s.DropInto(nil) }

// DropInto is Drop inside a destructor: it queues s's share of its top node
// on q, the drop in progress (rc.Rc.DropInto), which drops it after the
// destructor has returned. With a nil q it is Drop.
func (s *Stack) DropInto(q *rc.DropQueue) {
	if !s.top.IsEmpty() {
		s.top.DropInto(q)
	}
}
