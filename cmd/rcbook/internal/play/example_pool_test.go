//go:build !rcrelease

package play_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// The workshop script docs/play/14-pool-and-stale-copies.txt, as a
// workshop projects it: a pool hands a freed header out again in its next
// generation, as a new allocation, and a copy made without Clone is refused
// once its header has moved on, while a Weak keeps a header out of the
// pool. This pins the script's whole transcript. (The refusals need the
// header checks, which -tags rcrelease compiles out, so this example is not
// built there.)
func ExampleRun_poolScript() {
	script, err := os.ReadFile("../../../../docs/play/14-pool-and-stale-copies.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := play.Run(bytes.NewReader(script), os.Stdout, play.Options{Echo: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # 14 Pools and stale copies: a pool hands freed headers out again,
	// # and the header's generation tells one life from the next.
	// # A pool that keeps up to 1 freed header.
	// rc> pool 1
	// a pool that keeps up to 1 freed header; pnew reuses one before asking the heap
	// nothing allocated, no handles
	// pool: 0 of 1 headers waiting
	//
	// # pnew is new with the header taken from the pool. The pool is empty,
	// # so this header comes from the heap, in its first life: generation 1.
	// rc> pnew a 5
	// #1 new: strong 1, weak 0 (+1 implicit, I4), value 5
	// +-- #1 live, gen 1 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a
	// pool: 0 of 1 headers waiting
	//
	// # copy is `c := a` in Go: the same handle under a second name, counted
	// # nowhere. go vet flags such copies; play lets you make one to see why.
	// rc> copy a c
	// c := a copies the handle without Clone: both point at #1, but strong still counts 1
	// +-- #1 live, gen 1 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 5 (alive)                       |
	// +---------------------------------------+
	//   strong: a, c
	// pool: 0 of 1 headers waiting
	//
	// # Dropping a frees the allocation, and its header goes back to the pool.
	// # c still points at it: c is stale.
	// rc> drop a
	// drop #1 (value 5)
	// #1 strong 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed (I5)
	// +-- #1 freed, gen 1 --------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 5)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// stale: c (#1 freed)   empty: a (dropped)
	// pool: 1 of 1 headers waiting
	//
	// # The next pnew takes that header: the same memory, alive again in
	// # generation 2. It is a new allocation, so it gets a new number.
	// rc> pnew b 7
	// #2 new: strong 1, weak 0 (+1 implicit, I4), value 7
	// #2 reuses the header of #1 (generation 2)
	// +-- #2 live, gen 2 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 7 (alive)                       |
	// +---------------------------------------+
	//   strong: b
	// stale: c (#1 freed; its header was reused for #2)   empty: a (dropped)
	// pool: 0 of 1 headers waiting
	//
	// rc> show
	// +-- #2 live, gen 2 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 7 (alive)                       |
	// +---------------------------------------+
	//   strong: b
	// stale: c (#1 freed; its header was reused for #2)   empty: a (dropped)
	// pool: 0 of 1 headers waiting
	//
	// # c was made for generation 1, so every use is refused as a use after
	// # free (I5), with both generations. No picture follows: b's counts and
	// # value did not change.
	// rc> clone c d
	// refused: rc: Clone: use after free: the allocation was freed and its pool reused the header (handle
	//     generation 1, header generation 2) (I5)
	//
	// rc> drop c
	// refused: rc: Drop: use after free: the allocation was freed and its pool reused the header (handle
	//     generation 1, header generation 2) (I5)
	//
	// # b's header goes back to the pool.
	// rc> drop b
	// drop #2 (value 7)
	// #2 strong 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed (I5)
	// +-- #2 freed, gen 2 --------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 7)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// stale: c (#1 freed; its header was reused for #2)   empty: a (dropped), b (dropped)
	// pool: 1 of 1 headers waiting
	//
	// # A Weak keeps the header out of the pool: after the last strong handle,
	// # the allocation stays for the Weak, and the pool stays empty.
	// rc> pnew x 1
	// #3 new: strong 1, weak 0 (+1 implicit, I4), value 1
	// #3 reuses the header of #2 (generation 3)
	// +-- #3 live, gen 3 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 1 (alive)                       |
	// +---------------------------------------+
	//   strong: x
	// stale: c (#1 freed; its header was reused for #3)   empty: a (dropped), b (dropped)
	// pool: 0 of 1 headers waiting
	//
	// rc> downgrade x w
	// #3 weak 0 -> 1
	// +-- #3 live, gen 3 ---------------------+
	// | strong 1   weak 1 (+1 implicit)       |
	// | value 1 (alive)                       |
	// +---------------------------------------+
	//   strong: x   weak: w
	// stale: c (#1 freed; its header was reused for #3)   empty: a (dropped), b (dropped)
	// pool: 0 of 1 headers waiting
	//
	// rc> drop x
	// drop #3 (value 1)
	// #3 strong 1 -> 0, value dropped (I2), implicit weak released (I4), kept for 1 Weak (I3)
	// +-- #3 live, gen 3 ---------------------+
	// | strong 0   weak 1 (implicit released) |
	// | value dropped (was 1)                 |
	// +---------------------------------------+
	//   weak: w
	// stale: c (#1 freed; its header was reused for #3)   empty: a (dropped), b (dropped), x (dropped)
	// pool: 0 of 1 headers waiting
	//
	// # The last Weak goes: now the allocation is freed, and its header waits.
	// rc> drop w
	// #3 weak 1 -> 0, allocation freed (I5)
	// +-- #3 freed, gen 3 --------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 1)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// stale: c (#1 freed; its header was reused for #3)
	// empty: a (dropped), b (dropped), w (dropped), x (dropped)
	// pool: 1 of 1 headers waiting
	//
	// # While the allocation lives, nothing tells a copy from the original:
	// # dropping the copy gives up p's share and frees the value under p,
	// # which leaves p stale. Its header is not reused yet, so p's own drop is
	// # refused as a plain use after free.
	// rc> pnew p 3
	// #4 new: strong 1, weak 0 (+1 implicit, I4), value 3
	// #4 reuses the header of #3 (generation 4)
	// +-- #4 live, gen 4 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 3 (alive)                       |
	// +---------------------------------------+
	//   strong: p
	// stale: c (#1 freed; its header was reused for #4)
	// empty: a (dropped), b (dropped), w (dropped), x (dropped)
	// pool: 0 of 1 headers waiting
	//
	// rc> copy p q
	// q := p copies the handle without Clone: both point at #4, but strong still counts 1
	// +-- #4 live, gen 4 ---------------------+
	// | strong 1   weak 0 (+1 implicit)       |
	// | value 3 (alive)                       |
	// +---------------------------------------+
	//   strong: p, q
	// stale: c (#1 freed; its header was reused for #4)
	// empty: a (dropped), b (dropped), w (dropped), x (dropped)
	// pool: 0 of 1 headers waiting
	//
	// rc> drop q
	// drop #4 (value 3)
	// #4 strong 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed (I5)
	// +-- #4 freed, gen 4 --------------------+
	// | strong 0   weak 0                     |
	// | value dropped (was 3)                 |
	// +---------------------------------------+
	//   no handles: freed now, so it leaves the picture
	// stale: c (#1 freed; its header was reused for #4), p (#4 freed)
	// empty: a (dropped), b (dropped), q (dropped), w (dropped), x (dropped)
	// pool: 1 of 1 headers waiting
	//
	// rc> drop p
	// refused: rc: Drop: use after free (I5)
	//
	// session over: nothing is live, every allocation was freed
}
