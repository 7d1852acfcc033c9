package sched

import (
	"fmt"
	"strings"
)

// call is one operation as it ran: its thread, its result, and the steps
// at which it began and returned (its real-time interval).
type call struct {
	thread    int
	op        Op
	result    string
	inv, resp int
}

// linearizable reports a violation unless some order of calls that
// respects real time (a call that returned before another began comes
// first) gives, on the sequential specification started at model, the
// results the calls returned. With a handful of calls, trying the orders
// depth first is instant.
func linearizable(model any, calls []call) *Violation {
	var specced []call
	for _, c := range calls {
		if c.op.Spec != nil {
			specced = append(specced, c)
		}
	}
	used := make([]bool, len(specced))
	var search func(state any, n int) bool
	search = func(state any, n int) bool {
		if n == len(specced) {
			return true
		}
		for i, c := range specced {
			if used[i] || !minimal(specced, used, i) {
				continue
			}
			for _, o := range c.op.Spec(state) {
				if o.Result != c.result {
					continue
				}
				used[i] = true
				ok := search(o.State, n+1)
				used[i] = false
				if ok {
					return true
				}
			}
		}
		return false
	}
	if search(model, 0) {
		return nil
	}
	var lines []string
	for _, c := range specced {
		lines = append(lines, fmt.Sprintf("T%d %s = %s (steps %d..%d)", c.thread, c.op.Name, c.result, c.inv, c.resp))
	}
	return &Violation{Rule: "linearizability", Message: "no order of the operations gives these results on the sequential specification: " + strings.Join(lines, "; ")}
}

// minimal reports whether call i may come next: no call still unordered
// returned before it began.
func minimal(calls []call, used []bool, i int) bool {
	for j, c := range calls {
		if j != i && !used[j] && c.resp < calls[i].inv {
			return false
		}
	}
	return true
}
