package refcount

// Snapshot is what the tests can see of a RefCount beyond Count: whether
// the exclusive reference is held and how many waiters are queued.
type Snapshot struct {
	Shared    int
	Exclusive bool
	Waiting   int
}

// Look returns c's state. The queue length is read with c's lock held, so
// it is exact at that moment; the hand-offs happen with the lock held too,
// so once a Release has returned, Look shows every hand-off it made.
func Look(c *RefCount) Snapshot {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for w := c.head; w != nil; w = w.next {
		n++
	}
	s := c.state.Load()
	return Snapshot{Shared: int(s & sharedMask), Exclusive: s&exclusiveBit != 0, Waiting: n}
}

// Waiting returns the number of queued waiters.
func Waiting(c *RefCount) int { return Look(c).Waiting }
