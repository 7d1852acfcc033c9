package rcmap

import "context"

// Acquire returns a new handle to the entry for key, creating the entry if
// there is none.
//
// If the entry exists, Acquire joins it: its count goes up by 1, create is
// not called, and created is false. Otherwise Acquire calls create, without
// the map's lock, and stores its value as a new entry with count 1: created
// is true. Goroutines racing to Acquire a key that has no entry call create
// once: the first one calls it, and the others wait for its result and then
// join the new entry, or, if create returned an error, all return that
// error. An error from create (or a panic, which propagates to the caller
// that ran create, while those that waited get ErrCreatePanicked) leaves
// no entry behind: the next Acquire of key calls create again. With an
// error, the Handle returned is the zero Handle, which holds nothing.
//
// Since create runs without the lock, a slow create holds up only the
// Acquires of its own key; other keys, and Len, Count, Load, Join and All,
// go on (they do not see the entry until create has returned). create may
// use the map, except to Acquire its own key, which would wait for itself.
//
// ctx bounds the wait for another goroutine's create: if ctx is done first,
// Acquire returns ctx.Err() and holds nothing, and the creator and the other
// waiters are unaffected. If create finished before the waiter noticed ctx,
// its result stands. An Acquire that need not wait does not consult ctx, as
// with semaphore.Weighted.Acquire; a create that does I/O should use its own
// context, since one goroutine's create serves every waiter.
func (m *Map[K, V]) Acquire(ctx context.Context, key K, create func() (V, error)) (h Handle[K, V], created bool, err error) {
	m.mu.Lock()
	e := m.entries[key]
	if e != nil && !e.pending() {
		e.count++ // found under mu: count >= 1, the entry is alive
		m.mu.Unlock()
		return newHandle(e), false, nil
	}
	// Outlined, like sync.Once's doSlow, so that joining an existing entry
	// stays a lock, a lookup and an add.
	return m.acquireSlow(ctx, key, e, create)
}

// acquireSlow is Acquire for a key with no live entry: pending is the key's
// pending entry, or nil if the key has none. It is called with mu held and
// returns with mu released.
func (m *Map[K, V]) acquireSlow(ctx context.Context, key K, pending *entry[K, V], create func() (V, error)) (Handle[K, V], bool, error) {
	if pending != nil { // another goroutine is creating the key's entry
		return m.await(ctx, pending)
	}
	if m.entries == nil {
		m.entries = make(map[K]*entry[K, V]) // the zero Map, on first use
	}
	// Insert the pending entry in the same critical section as the lookup
	// that missed: from here on, every Acquire of key finds it and waits,
	// so create runs once even though it runs without the lock.
	e := &entry[K, V]{m: m, key: key, count: 1, wait: &nobodyWaits}
	m.entries[key] = e
	m.pending++
	m.mu.Unlock()
	return m.create(e, create)
}

// create runs create for the pending entry e, without the lock, and
// publishes its outcome to the map and to e's waiters.
func (m *Map[K, V]) create(e *entry[K, V], create func() (V, error)) (Handle[K, V], bool, error) {
	returned := false
	defer func() {
		if !returned { // create panicked: withdraw e, and let the panic go on
			m.settle(e, ErrCreatePanicked)
		}
	}()
	value, err := create()
	returned = true
	if err != nil {
		m.settle(e, err)
		return Handle[K, V]{}, false, err
	}
	e.value = value // before settle's unlock and close: every handle is made after them
	m.settle(e, nil)
	return newHandle(e), true, nil
}

// settle ends e's pending state. With err nil, e becomes a live entry whose
// count is the creator's handle plus one per waiter still waiting; with an
// error, e leaves the map, so no entry is left behind. Either way the
// waiters are woken.
func (m *Map[K, V]) settle(e *entry[K, V], err error) {
	m.mu.Lock()
	w := e.wait
	e.wait = nil // no longer pending
	m.pending--
	if err != nil {
		delete(m.entries, e.key) // a pending entry is never replaced: its key maps to e
	}
	if w != &nobodyWaits {
		w.err = err
		close(w.ready) // under mu: a waiter that gives up decides under mu too
	}
	m.mu.Unlock()
}

// await waits for the pending entry e, created by another goroutine. It is
// called with mu held and returns with mu released.
func (m *Map[K, V]) await(ctx context.Context, e *entry[K, V]) (Handle[K, V], bool, error) {
	// Count the waiter now: when create succeeds, the entry is born with
	// this waiter's share, so it cannot be removed before the waiter wakes
	// up to take its handle. The creator's share keeps count >= 1 while
	// pending, so a waiter that gives up never takes it to 0.
	e.count++
	if e.wait == &nobodyWaits {
		// The first waiter makes the channel: a create nobody waits for needs none.
		e.wait = &waiting{ready: make(chan struct{})}
	}
	w := e.wait
	m.mu.Unlock()
	select {
	case <-w.ready:
	case <-ctx.Done():
		m.mu.Lock()
		if e.pending() { // still creating: give up the share counted above
			e.count--
			m.mu.Unlock()
			return Handle[K, V]{}, false, ctx.Err()
		}
		m.mu.Unlock() // create finished first: its result stands
	}
	if w.err != nil { // written before ready was closed, and ready is closed
		return Handle[K, V]{}, false, w.err
	}
	return newHandle(e), false, nil
}
