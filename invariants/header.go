package invariants

// Header is the part of an allocation that the rules talk about: its two
// counts, its state and its generation. Package rc embeds it in every
// allocation, beside the value.
type Header struct {
	Strong int   // strong handles; the value is alive exactly while Strong > 0 (I2)
	Weak   int   // Weak handles, plus the implicit weak while Strong > 0 (I4)
	State  State // what has happened to the value and the allocation
	// Gen counts the lives of a header that a pool reuses: +1 each time
	// the pool hands it out, so a pooled header is in generation 1 in its
	// first life. rc.New's headers stay at 0. Every handle records the
	// generation it was made for, so a handle that outlived the allocation
	// cannot pass for a handle to the next one (I5). It sits in the padding
	// after State, so it costs no space.
	Gen uint32
}

// MaxCount is the largest value a count may reach. An increment from
// MaxCount panics instead of wrapping (I1).
const MaxCount = int(^uint(0) >> 1)

// Consistent reports whether the counts agree with the state. It is the
// whole of I1–I5 for one header at rest:
//
//	alive:                  Strong ≥ 1 and Weak ≥ 1  (I2: value live iff strong > 0; I4: implicit weak held)
//	uninit, dropping, dead: Strong == 0 and Weak ≥ 1 (I2; I3: still allocated)
//	freed:                  Strong == 0 and Weak == 0 (I3, I5)
//
// A negative count fails every case (I1).
func (h *Header) Consistent() bool {
	switch h.State {
	case Alive:
		return h.Strong > 0 && h.Weak > 0
	case Uninit, Dropping, Dead:
		return h.Strong == 0 && h.Weak > 0
	case Freed:
		return h.Strong == 0 && h.Weak == 0
	}
	return false
}

// StrongUsable reports whether a strong handle may operate on the header:
// the value must be alive and the header consistent.
func (h *Header) StrongUsable() bool {
	return h.State == Alive && h.Strong > 0 && h.Weak > 0
}

// WeakUsable reports whether a Weak may operate on the header: the
// allocation must not be freed (I5) and the header must be consistent.
func (h *Header) WeakUsable() bool {
	return h.State != Freed && h.Consistent()
}

// Verify panics with an *Error naming the broken rule if the header is not
// Consistent after op. The header calls it after every slow-path transition.
func Verify(op Op, h *Header) {
	if !h.Consistent() {
		panic(&Error{Op: op, Header: *h, Gen: h.Gen, After: true})
	}
}

// Refuse panics because op may not proceed on this header; the *Error works
// out from the snapshot which rule is at stake.
func Refuse(op Op, h *Header) {
	panic(&Error{Op: op, Header: *h, Gen: h.Gen})
}

// RefuseHandle is Refuse for a handle made for generation gen: if the header
// has been reused since (gen != h.Gen), the handle is stale and the *Error
// says so (I5).
func RefuseHandle(op Op, h *Header, gen uint32) {
	panic(&Error{Op: op, Header: *h, Gen: gen})
}

// RefuseEmpty panics because op was called on an empty handle.
func RefuseEmpty(op Op, why Spent) {
	panic(&Error{Op: op, Empty: true, Spent: why})
}

// Misuse panics because of a mistake the header cannot show, such as a nil
// argument.
func Misuse(op Op, detail string) {
	panic(&Error{Op: op, Detail: detail})
}
