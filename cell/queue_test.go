package cell_test

import (
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// branch is a tree node inside a cell, the shape of tree_example: its
// destructor hands its children to the drop in progress through the cell.
type branch struct {
	name     string
	children []rc.Rc[cell.RefCell[branch]]
	log      *[]string
}

func (b *branch) DropInto(q *rc.DropQueue) {
	if b.log != nil {
		*b.log = append(*b.log, b.name)
	}
	for i := range b.children {
		b.children[i].DropInto(q)
	}
}

func TestACellPassesTheDropQueueToItsValue(t *testing.T) {
	var log []string
	leaf := func(name string) rc.Rc[cell.RefCell[branch]] {
		return rc.New(cell.New(branch{name: name, log: &log}))
	}
	mid := func(name string, kids ...rc.Rc[cell.RefCell[branch]]) rc.Rc[cell.RefCell[branch]] {
		return rc.New(cell.New(branch{name: name, log: &log, children: kids}))
	}
	root := mid("1", mid("11", leaf("111"), leaf("112")), mid("12", leaf("121")))
	root.Drop()
	assert.Equal(t, []string{"1", "11", "111", "112", "12", "121"}, log,
		"through the cells, the queue keeps the depth-first order a nested drop has")
}

func TestALongChainOfCellsDropsOnASmallStack(t *testing.T) {
	const n = 200_000
	head := rc.New(cell.New(branch{name: "0"}))
	for i := 1; i < n; i++ {
		head = rc.New(cell.New(branch{name: fmt.Sprint(i), children: []rc.Rc[cell.RefCell[branch]]{head.Move()}}))
	}
	before := rc.LiveAllocations()
	old := debug.SetMaxStack(1 << 20) // a nested drop needs some 400 bytes per node: it would crash
	defer debug.SetMaxStack(old)
	done := make(chan struct{})
	go func() {
		defer close(done)
		head.Drop()
	}()
	<-done
	assert.Equal(t, before-n, rc.LiveAllocations(), "every node was freed by the one Drop")
}
