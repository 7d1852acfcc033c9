// Package rawtable keeps the tokens of the raw API (rc.IntoRaw,
// arc.IntoRaw and the rest): integers that stand for strong counts while
// the counts travel through C.
//
// cgo forbids C from keeping a Go pointer after a call returns, so a token
// cannot be the header's address, as Rust's Rc::into_raw returns. It is an
// index into a table instead, like runtime/cgo.Handle: an integer C may
// store, copy and hand back, which keeps the allocation reachable from the
// table while C holds it. Unlike a cgo.Handle, one token stands for one
// allocation however many units it carries, as Rust's raw pointer does:
// IntoRaw of two handles to one allocation returns the same token, and the
// token stays valid until every unit put into it has been taken out.
//
// Tokens are never reused, so a token whose units were all taken out is
// recognized as used up, not mistaken for another allocation's. The low
// bit says which package issued it, so rc refuses arc's tokens by name.
package rawtable

import (
	"fmt"
	"reflect"
	"sync"
)

// Table maps the tokens of one package to allocations. Its zero value is
// not ready: use New.
type Table struct {
	pkg   string // "rc" or "arc", for messages
	tag   uintptr
	mu    sync.Mutex
	next  uintptr            // the next token's serial number, under mu
	byTok map[uintptr]*entry // live tokens
	byBox map[any]uintptr    // the live token of each allocation that has one
}

// entry is one live token: the allocation, its value type and the number
// of strong units the token carries, always ≥ 1.
type entry struct {
	box   any
	typ   reflect.Type
	units int
}

// New returns the table of package pkg; tag (0 or 1) marks its tokens.
func New(pkg string, tag uintptr) *Table {
	return &Table{pkg: pkg, tag: tag & 1, byTok: map[uintptr]*entry{}, byBox: map[any]uintptr{}}
}

// Lock guards every change of a token's units together with the strong
// count it stands for, so that a unit is never seen in one and not the
// other: while a token carries units, the strong count is at least their
// number.
func (t *Table) Lock() { t.mu.Lock() }

// Unlock releases the lock Lock took.
func (t *Table) Unlock() { t.mu.Unlock() }

// Put adds one unit for box to its token, making the token if box has none,
// and returns the token. typ is the value type, for messages. The caller
// holds the lock and has already counted the unit in the strong count.
func (t *Table) Put(box any, typ reflect.Type) uintptr {
	if tok, ok := t.byBox[box]; ok {
		t.byTok[tok].units++
		return tok
	}
	t.next++
	tok := t.next<<1 | t.tag
	t.byTok[tok] = &entry{box: box, typ: typ, units: 1}
	t.byBox[box] = tok
	return tok
}

// Find returns the allocation of tok, which must carry at least one unit,
// or an explanation of why tok is not a live token of this table, with
// whether a rule (I1) is at stake. typ is the value type the caller
// expects. The caller holds the lock.
func (t *Table) Find(tok uintptr, typ reflect.Type) (box any, problem string, broke bool) {
	e, ok := t.byTok[tok]
	switch {
	case ok && e.typ != typ:
		return nil, fmt.Sprintf("token %#x is for a value of type %s, not %s", tok, e.typ, typ), false
	case ok:
		return e.box, "", false
	case tok == 0:
		return nil, "0 is not a token: IntoRaw never returns 0", false
	case tok&1 != t.tag:
		return nil, fmt.Sprintf("token %#x was not issued by package %s", tok, t.pkg), false
	case tok>>1 <= t.next:
		return nil, fmt.Sprintf("token %#x is used up: FromRaw and DecrementStrongCount already took every unit that IntoRaw and IncrementStrongCount put in", tok), true
	}
	return nil, fmt.Sprintf("token %#x was never issued by IntoRaw", tok), false
}

// Add puts one more unit into the live token tok. The caller holds the
// lock, has checked tok with Find and counted the unit in the strong count.
func (t *Table) Add(tok uintptr) { t.byTok[tok].units++ }

// Take removes one unit from the live token tok; the token is used up, and
// forgotten, when its last unit goes. The caller holds the lock, has
// checked tok with Find, and takes the unit out of the strong count or into
// a handle.
func (t *Table) Take(tok uintptr) {
	e := t.byTok[tok]
	e.units--
	if e.units == 0 {
		delete(t.byTok, tok)
		delete(t.byBox, e.box)
	}
}

// Units returns the number of units tok carries, 0 if it is not live.
func (t *Table) Units(tok uintptr) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.byTok[tok]; ok {
		return e.units
	}
	return 0
}

// Live returns the number of live tokens.
func (t *Table) Live() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.byTok)
}
