package play_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// A Weak keeps the allocation, not the value: after the last strong handle
// is dropped, the Weak can no longer upgrade, and the allocation is freed
// only when the Weak goes too.
func ExampleRun() {
	script := `new a 5
clone a b
downgrade a w
drop a
drop b
upgrade w c
drop w`
	if err := play.Run(strings.NewReader(script), os.Stdout, play.Options{Echo: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// rc> new a 5
	// #1 new: strong 1, weak 0 (+1 implicit, I4), value 5
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// rc> clone a b
	// #1 strong 1 -> 2
	// +-- #1 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a, b
	//
	// rc> downgrade a w
	// #1 weak 0 -> 1
	// +-- #1 live ----------------------------+
	// | strong 2   weak 1 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a, b   weak: w
	//
	// rc> drop a
	// #1 strong 2 -> 1
	// +-- #1 live ----------------------------+
	// | strong 1   weak 1 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: b   weak: w
	// empty: a (dropped)
	//
	// rc> drop b
	// drop #1 (value 5)
	// #1 strong 1 -> 0, value dropped (I2), implicit weak released (I4), kept for 1 Weak (I3)
	// +-- #1 live ----------------------------+
	// | strong 0   weak 1 (implicit released) |
	// | value dropped (was 5)                 |
	// +---------------------------------------+
	//   weak: w
	// empty: a (dropped), b (dropped)
	//
	// rc> upgrade w c
	// upgrade failed: the value is gone (I7)
	//
	// rc> drop w
	// #1 weak 1 -> 0, allocation freed (I5)
	// +-- #1 freed ---------------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 5)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// empty: a (dropped), b (dropped), w (dropped)
	//
	// session over: nothing is live, every allocation was freed
}

// GetMut refuses while a Weak exists, even with one strong handle: the Weak
// could upgrade and see the write (I6). MakeMut gets a unique value anyway,
// by moving it to a new allocation and leaving the Weak a dead one.
func ExampleRun_uniqueness() {
	script := `new a 5
downgrade a w
getmut a 6
makemut a 6
upgrade w c
getmut a 7`
	if err := play.Run(strings.NewReader(script), os.Stdout, play.Options{Echo: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// rc> new a 5
	// #1 new: strong 1, weak 0 (+1 implicit, I4), value 5
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// rc> downgrade a w
	// #1 weak 0 -> 1
	// +-- #1 live ----------------------------+
	// | strong 1   weak 1 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a   weak: w
	//
	// rc> getmut a 6
	// refused: GetMut needs strong 1 and no Weak (I6); a has strong 1, weak 1
	//
	// rc> makemut a 6
	// moved: only Weaks share #1, so the value moves to #2 without a clone; they cannot upgrade now (I7)
	// a's value 5 -> 6
	// #1 strong 1 -> 0, value moved out (I2), implicit weak released (I4), kept for 1 Weak (I3)
	// #2 new: strong 1, weak 0 (+1 implicit, I4), value 6
	// +-- #1 live ----------------------------+
	// | strong 0   weak 1 (implicit released) |
	// | value moved out (was 5)               |
	// +---------------------------------------+
	//   weak: w
	// +-- #2 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 6 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// rc> upgrade w c
	// upgrade failed: the value is gone (I7)
	//
	// rc> getmut a 7
	// a is the only handle (I6): value 6 -> 7 in place
	// #2 value 6 -> 7
	// +-- #1 live ----------------------------+
	// | strong 0   weak 1 (implicit released) |
	// | value moved out (was 5)               |
	// +---------------------------------------+
	//   weak: w
	// +-- #2 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 7 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// session over: 2 allocations still live, and the session drops nothing for you:
	//   #1 (value gone, was 5): held by w (Weak)
	//   #2 (value 7): held by a
}

// Misuse is refused with the library's own error, and nothing changes, so
// the same mistake is refused again.
func ExampleRun_misuse() {
	script := `new a 5
clone a b
unwrap a
drop a
drop a
clone a c
unwrap b`
	if err := play.Run(strings.NewReader(script), os.Stdout, play.Options{Echo: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// rc> new a 5
	// #1 new: strong 1, weak 0 (+1 implicit, I4), value 5
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	//
	// rc> clone a b
	// #1 strong 1 -> 2
	// +-- #1 live ----------------------------+
	// | strong 2   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a, b
	//
	// rc> unwrap a
	// refused: rc: TryUnwrap returned false: 2 strong handles share it (I6)
	//
	// rc> drop a
	// #1 strong 2 -> 1
	// +-- #1 live ----------------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: b
	// empty: a (dropped)
	//
	// rc> drop a
	// refused: rc: Drop: handle already dropped
	//
	// rc> clone a c
	// refused: rc: Clone: handle already dropped
	//
	// rc> unwrap b
	// got 5: the caller owns it now, and b is empty; play drops it
	// drop #1 (value 5)
	// #1 strong 1 -> 0, value moved out (I2), implicit weak released (I4), allocation freed (I5)
	// +-- #1 freed ---------------------------+
	// | strong 0   weak 0                     |
	// | value moved out (was 5)               |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// empty: a (dropped), b (unwrapped)
	//
	// session over: nothing is live, every allocation was freed
}
