// Package sched is the lab's controlled scheduler: it runs two or three
// goroutines one step at a time and explores their interleavings, so that
// a race a few instructions wide is reached on every run rather than by
// luck.
//
// The concurrent packages never import it. `rcbook lab interleave` builds
// them through go's -overlay flag with every sync/atomic operation, mutex
// step, runtime.Gosched and channel receive rewritten into calls of this
// package's shims (packages atomic, sync and runtime below, and Recv,
// Select and Guarded here); the tree and the normal build are untouched.
// Each shim first yields to the scheduler, which decides which goroutine
// performs the next step. Outside an exploration the shims behave as the
// originals.
//
// Explore searches the schedules depth first with preemption bounding, as
// CHESS and loom do: switching away from a goroutine that could go on
// costs one preemption, switching away from one that blocked or finished
// is free, and a bound of B explores every schedule with at most B
// preemptions. States already explored with no more preemptions spent are
// not explored again. After every step the scenario's invariants are
// checked; at the end, that every goroutine finished (no lost wake-up),
// that the results are linearizable (some order of the operations,
// consistent with real time, gives the same results on a sequential
// specification) and the scenario's final checks. A violation comes with
// its schedule, a string that Replay runs again step by step.
package sched
