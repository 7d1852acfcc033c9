package play_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// The scenario docs/play/07-cycle-leaks.txt, as a workshop projects it:
// two nodes whose next links own each other outlive their names and are
// marked leaked, no destructor runs, and the summary at the end names the
// leak; the same pair with a Weak parent link is dropped in order. This
// pins the script's whole transcript.
func ExampleRun_cycleScript() {
	script, err := os.ReadFile("../../../../docs/play/07-cycle-leaks.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := play.Run(strings.NewReader(string(script)), os.Stdout, play.Options{Echo: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # 07 Cycles: two nodes that own each other through strong links never
	// # reach strong 0, so neither destructor runs: a leak rc cannot see.
	// rc> new a 1
	// #1 new: strong 1, weak 0 (+1 implicit, I4), value 1
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// rc> new b 2
	// #2 new: strong 1, weak 0 (+1 implicit, I4), value 2
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	// +-- #2 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// +---------------------------------------+
	//   strong: b
	//
	// rc> set a.next b
	// #1 next -> #2
	// #2 strong 1 -> 2
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   strong: a
	// +-- #2 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// +---------------------------------------+
	//   strong: b   held by: #1.next
	//
	// rc> set b.next a
	// #1 strong 1 -> 2
	// #2 next -> #1
	// +-- #1 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   strong: a   held by: #2.next
	// +-- #2 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   strong: b   held by: #1.next
	//
	// # Each node is held by a name and by the other's next: strong 2 each.
	// rc> drop a
	// #1 strong 2 -> 1
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   strong: b   held by: #1.next
	// empty: a (dropped)
	//
	// # The last names go. Each node still holds the other: strong 1 each.
	// # No name reaches them any more, so play marks them LEAKED.
	// rc> drop b
	// #1 LEAKED: live, and no name reaches it any more
	// #2 strong 2 -> 1, LEAKED: live, and no name reaches it any more
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// empty: a (dropped), b (dropped)
	//
	// # The same two nodes with the back link made a Weak: the parent owns its
	// # child, the child only observes its parent.
	// rc> new p 3
	// #3 new: strong 1, weak 0 (+1 implicit, I4), value 3
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 3 (alive)                       |
	// +---------------------------------------+
	//   strong: p
	// empty: a (dropped), b (dropped)
	//
	// rc> new c 4
	// #4 new: strong 1, weak 0 (+1 implicit, I4), value 4
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 3 (alive)                       |
	// +---------------------------------------+
	//   strong: p
	// +-- #4 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 4 (alive)                       |
	// +---------------------------------------+
	//   strong: c
	// empty: a (dropped), b (dropped)
	//
	// rc> set p.next c
	// #3 next -> #4
	// #4 strong 1 -> 2
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 3 (alive)                       |
	// | next -> #4                            |
	// +---------------------------------------+
	//   strong: p
	// +-- #4 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 4 (alive)                       |
	// +---------------------------------------+
	//   strong: c   held by: #3.next
	// empty: a (dropped), b (dropped)
	//
	// rc> set c.parent p
	// #3 weak 0 -> 1
	// #4 parent ~> #3 (Weak)
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 live ----------------------------+
	// | strong 1   weak 1 (+1 implicit)       |
	// | value 3 (alive)                       |
	// | next -> #4                            |
	// +---------------------------------------+
	//   strong: p   held by: #4.parent (Weak)
	// +-- #4 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 4 (alive)                       |
	// | parent ~> #3 (Weak)                   |
	// +---------------------------------------+
	//   strong: c   held by: #3.next
	// empty: a (dropped), b (dropped)
	//
	// rc> drop c
	// #4 strong 2 -> 1
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 live ----------------------------+
	// | strong 1   weak 1 (+1 implicit)       |
	// | value 3 (alive)                       |
	// | next -> #4                            |
	// +---------------------------------------+
	//   strong: p   held by: #4.parent (Weak)
	// +-- #4 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 4 (alive)                       |
	// | parent ~> #3 (Weak)                   |
	// +---------------------------------------+
	//   held by: #3.next
	// empty: a (dropped), b (dropped), c (dropped)
	//
	// # Dropping the parent drops it, and its destructor drops its next: the
	// # child goes too. The journal shows both drops, in order.
	// rc> drop p
	// drop #3 (value 3)
	// drop #4 (value 4)
	// #3 strong 1 -> 0, weak 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed
	//     (I5)
	// #4 strong 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed (I5)
	// +-- #1 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// | next -> #2                            |
	// +---------------------------------------+
	//   held by: #2.next
	// +-- #2 live, LEAKED --------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 2 (alive)                       |
	// | next -> #1                            |
	// +---------------------------------------+
	//   held by: #1.next
	// +-- #3 freed ---------------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 3)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// +-- #4 freed ---------------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 4)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// empty: a (dropped), b (dropped), c (dropped), p (dropped)
	//
	// session over: 2 allocations still live, and the session drops nothing for you:
	//   #1 (value 1): LEAKED, no name reaches it; held by #2.next
	//   #2 (value 2): LEAKED, no name reaches it; held by #1.next
	// a leak: #1, #2 stay live for good, since no drop can reach them (chapter 7)
}

// Replay gives the web playground each step as data: here the leak, read
// from the State after the last step.
func ExampleReplay() {
	steps := play.Replay("# Two nodes own each other.\nnew a 1\nnew b 2\nset a.next b\nset b.next a\ndrop a\ndrop b\n")
	fmt.Printf("%d steps; the first narrated %q\n", len(steps), steps[0].Narration)
	last := steps[len(steps)-1]
	fmt.Println(last.Line, "->", strings.Join(last.Output, " | "))
	for _, a := range last.State.Allocs {
		fmt.Printf("#%d value %d strong %d leaked %v fields %+v\n", a.ID, a.Value, a.Strong, a.Leaked, a.Fields)
	}
	fmt.Println("live:", last.State.Live, "journal:", last.State.Journal)
	// Output:
	// 6 steps; the first narrated "Two nodes own each other."
	// drop b -> #1 LEAKED: live, and no name reaches it any more | #2 strong 2 -> 1, LEAKED: live, and no name reaches it any more
	// #1 value 1 strong 1 leaked true fields [{Name:next Kind:strong To:2}]
	// #2 value 2 strong 1 leaked true fields [{Name:next Kind:strong To:1}]
	// live: 2 journal: []
}
