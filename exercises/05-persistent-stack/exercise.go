//go:build !solution

package stack

import "github.com/rcbook/rcbook/rc"

// Push returns a new version with value on top of s. s is unchanged and
// becomes the new version's tail: one allocation, no copying.
func (s *Stack) Push(value string) Stack {
	panic("TODO: allocate one node holding value and a clone of s")
}

// Pop returns the top value of s and the version below it (a new handle to
// s's tail, which the caller must Drop), and true. For the empty stack it
// returns "", the empty stack and false. s is unchanged.
func (s *Stack) Pop() (string, Stack, bool) {
	panic("TODO: read the top node and clone its tail")
}

// Len returns the number of values in s.
func (s *Stack) Len() int {
	panic("TODO: walk down the tails, counting nodes")
}

// Values returns the values of s from the top down.
func (s *Stack) Values() []string {
	panic("TODO: walk down the tails, collecting values")
}

// DropInto is node's destructor (it makes node an rc.QueueDropper): rc
// calls it once, when the node's last owner goes, with the drop in
// progress. It gives up the node's share of its tail by queueing it on q.
func (n *node) DropInto(q *rc.DropQueue) {
	panic("TODO: give the tail to the drop in progress")
}
