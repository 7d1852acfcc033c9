// Package rcmap is a reference-count map safe for concurrent use: each key's
// entry lives exactly as long as someone holds a Handle to it.
//
// Acquire(ctx, key, create) either joins the entry for key (its count + 1)
// or, if there is none, creates it with create() and returns its first
// handle. Clone adds a handle to the same entry; Release gives one up. The
// Release that takes an entry's count to 0 removes the entry from the map,
// and the map's cleanup, if any, then runs once with the entry's key and
// value. Load and All read values without counting. The zero Map is empty
// and ready to use. An event bus is the typical use: a topic exists while
// it has subscribers, the first subscriber creates it, and the last one to
// leave removes it, without anyone sweeping the map (see examples/eventbus).
//
// # Why a plain count under one mutex, not arc
//
// Exercise 11 builds the single-goroutine version from rc: each entry is an
// rc allocation whose cleanup removes it from the map, and the map keeps a
// Weak to find it. The same shape with arc is possible but subtle, because
// two things must happen at one instant that arc keeps apart: finding the
// entry in the map and counting the new owner. With arc, the last Drop
// takes strong to 0 before its cleanup can lock the map to delete the
// entry, so for a moment the map holds an entry that is dying. An Acquire
// arriving then must not join it (Upgrade fails, as it should, I7), but it
// may not simply create a new entry either: it has to replace the dying one,
// and the dying entry's cleanup, running later, must then delete only its
// own entry, not the replacement. Every path needs the map lock anyway.
//
// Since Acquire must hold the map's lock to find-or-create atomically, the
// count can live under that same lock, as a plain int. The protocol is then
// one rule: every change of an entry's count, and the insertion and
// deletion of the entry itself, happen with the map's mutex held. An entry
// in the map always has a count of at least 1 (the map's invariant, checked
// by the tests through Count), so there is no dying entry to join: the
// Release that takes the count to 0 deletes the entry in the same critical
// section. Atomic counts would buy nothing, since Acquire and the last
// Release take the lock in any case, and Clone and non-last Release are a
// lock and an add, cheap next to a map lookup.
//
// The contract, operation by operation:
//
//   - Acquire locks the map and looks the key up. If the entry is there, it
//     increments the entry's count and unlocks. If not, it inserts a
//     pending entry in the same critical section, unlocks, calls create,
//     and locks again to make the entry live (or, if create failed, to
//     delete it). A slow create thus holds up no other key. Racing
//     Acquires of the key find the pending entry, count themselves in it
//     and wait, so create runs once, and every waiter gets its result:
//     a handle, or create's error. A waiter whose context ends first takes
//     its share back, under the lock, and returns the context's error.
//   - Clone locks the map and increments the count.
//   - Release locks the map and decrements the count; at 0 it deletes the
//     entry before unlocking. The cleanup runs after unlocking, on the
//     releasing goroutine, so it may use the map, even Acquire the same key
//     again. It therefore may run after another goroutine has already
//     created a new entry for the same key: each entry gets exactly one
//     cleanup, but a key's entries may overlap with their cleanups.
//   - Len, Count, Load, Join and All take the lock and ignore pending
//     entries; Len, Count, Load and All are snapshots that other goroutines
//     may change at once. Load and All hold no handle, and All calls its
//     loop body with the map unlocked.
//
// # Handles
//
// A Handle is a value, as an rc.Rc is: Acquire, Join and Clone return one,
// and it lives wherever the caller keeps it, in a local variable or in a
// field of the caller's struct, so that sharing an entry that exists costs
// no allocation (a *Handle on the heap would cost one per Acquire, more
// than the lock and the lookup). Like rc.Rc, a Handle must not be copied:
// a copy would be a second handle to one share, and releasing both would
// give up a share that another holder counts on. go vet's copylocks check
// reports copies (h2 := h, passing or ranging by value); fill a field or a
// slot from the call itself (s.h, _, err = m.Acquire(...)), move a handle
// into a slice or a map with Move, as with rc.Rc, and pass a *Handle. The
// zero Handle holds nothing, as does a released or moved one; using any of
// them panics, and the message says which.
//
// A Handle is owned by one goroutine at a time, like an arc.Arc: different
// handles to one entry may be used on different goroutines at once, but one
// handle must not be released on one goroutine while another uses it. Give
// each goroutine its own Clone, or send it a *Handle through a channel.
// Using a released handle (Value, Clone, Release) panics with an *Error,
// for example
//
//	rcmap: Release: handle already released
//
// and changes nothing. The value is shared by every handle to the entry and
// read through Value; if V is a pointer to mutable state, that state needs
// its own synchronization.
package rcmap
