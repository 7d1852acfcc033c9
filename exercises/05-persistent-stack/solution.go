//go:build solution

package stack

import "github.com/rcbook/rcbook/rc"

// Push returns a new version with value on top of s. s is unchanged and
// becomes the new version's tail: one allocation, no copying.
func (s *Stack) Push(value string) Stack {
	return Stack{top: rc.New(node{value: value, tail: s.Clone()})}
}

// Pop returns the top value of s and the version below it (a new handle to
// s's tail, which the caller must Drop), and true. For the empty stack it
// returns "", the empty stack and false. s is unchanged.
func (s *Stack) Pop() (string, Stack, bool) {
	if s.IsEmpty() {
		return "", Stack{}, false
	}
	top := s.top.Get()
	return top.value, top.tail.Clone(), true
}

// Len returns the number of values in s.
func (s *Stack) Len() int {
	n := 0
	// cur borrows each handle in turn: walking the stack changes no count.
	for cur := s; !cur.IsEmpty(); cur = &cur.top.Get().tail {
		n++
	}
	return n
}

// Values returns the values of s from the top down.
func (s *Stack) Values() []string {
	var values []string
	for cur := s; !cur.IsEmpty(); cur = &cur.top.Get().tail {
		values = append(values, cur.top.Get().value)
	}
	return values
}

// DropInto is node's destructor (it makes node an rc.QueueDropper): rc
// calls it once, when the node's last owner goes, with the drop in
// progress. It gives up the node's share of its tail by queueing it on q.
func (n *node) DropInto(q *rc.DropQueue) {
	n.tail.DropInto(q) // the tail's nodes may be shared: only the last owner drops them
}
