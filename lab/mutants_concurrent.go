package lab

import "slices"

// All returns every mutant: package rc's, the concurrent packages', cell's,
// then the capstone's.
func All() []Mutant {
	return slices.Concat(RcMutants, PoolMutants, ConcurrentMutants, CellMutants, CapstoneMutants)
}

// ConcurrentMutants are the bugs of the packages shared across goroutines:
// arc, refcount, rwlock and rcmap. Each is the step a real implementer gets
// wrong where the code's comment says why it must be as it is: a read order,
// a compare-and-swap turned into a test and a set, a store published too
// early, a counted step moved outside its lock, a hand-off that forgets a
// waiter. They face their package's whole test suite, under -race where the
// bug lets two goroutines touch plain memory unordered. Random stress does
// not reach every interleaving, so some may survive; Hard says why.
var ConcurrentMutants = []Mutant{
	// arc: the atomic counts.
	{
		Name: "arc-weakcount-strong-first", File: "arc/weak.go",
		Old:     "\tn := b.weak.Load()\n\tif b.strong.Load() == 0 {\n\t\treturn 0\n\t}\n\treturn int(n - 1)\n",
		New:     "\tif b.strong.Load() == 0 {\n\t\treturn 0\n\t}\n\tn := b.weak.Load()\n\treturn int(n - 1)\n",
		Bug:     "Weak.WeakCount reads strong before weak, the order its comment rules out",
		Symptom: "a Weak's WeakCount taken while another goroutine drops the last strong handle can be one too low, a count the allocation never had",
		Hard: "the last strong Drop must land between two adjacent loads while two Weaks or more exist, only the linearizability test " +
			"checks Weak.WeakCount against a model, and -race cannot help since both reads are atomic",
	},
	{
		Name: "arc-upgrade-test-then-add", File: "arc/weak.go", Race: true,
		Old:     "\t\tif n := b.strong.Load(); n > 0 && n < maxCount && b.strong.CompareAndSwap(n, n+1) {\n\t\t\treturn own(b), true\n",
		New:     "\t\tif n := b.strong.Load(); n > 0 && n < maxCount {\n\t\t\tb.strong.Add(1)\n\t\t\treturn own(b), true\n",
		Bug:     "Upgrade tests strong > 0 and then adds 1, instead of one compare-and-swap",
		Symptom: "a Weak that upgrades while another goroutine drops the last strong handle revives the value: it reads a dropped value, and the destructor runs again when that handle goes",
		Hard:    "the last Drop must fall between the load and the Add, a window of a few instructions that the linearizability test and the upgrade-versus-last-drop stress reach often, but not on every run",
	},
	{
		Name: "arc-downgrade-load-store", File: "arc/weak.go", Race: true,
		Old:     "\t\tif n := b.weak.Load(); n > 0 && n < maxCount && b.weak.CompareAndSwap(n, n+1) {\n\t\t\treturn Weak[T]{box: b}\n",
		New:     "\t\tif n := b.weak.Load(); n > 0 && n < maxCount {\n\t\t\tb.weak.Store(n + 1)\n\t\t\treturn Weak[T]{box: b}\n",
		Bug:     "Downgrade loads the weak count and stores n+1, instead of a compare-and-swap",
		Symptom: "a Weak cloned or dropped on another goroutine at that moment vanishes from the count (the allocation leaks, or is freed under a live Weak), and a Downgrade can overwrite GetMut's weak lock",
		Hard:    "another goroutine must change the weak count between a load and the store right after it; the stress and linearizability tests downgrade concurrently, but the window is two instructions wide",
	},
	{
		Name: "arc-tryunwrap-load-store", File: "arc/unique.go", Race: true,
		Old: "\tif !b.strong.CompareAndSwap(1, 0) {\n\t\tvar zero T\n\t\treturn zero, false\n\t}\n" +
			"\ta.box, a.spent = nil, invariants.Unwrapped\n\tvalue, _ := b.moveOut(invariants.ArcTryUnwrap)\n",
		New: "\tif b.strong.Load() != 1 {\n\t\tvar zero T\n\t\treturn zero, false\n\t}\n\tb.strong.Store(0)\n" +
			"\ta.box, a.spent = nil, invariants.Unwrapped\n\tvalue, _ := b.moveOut(invariants.ArcTryUnwrap)\n",
		Bug:     "TryUnwrap tests strong == 1 and then stores 0, instead of one compare-and-swap from 1 to 0",
		Symptom: "an Upgrade between the test and the store keeps a strong handle to the value TryUnwrap just took: it reads what the new owner writes, and its Drop later panics on a count already at 0",
		Hard:    "an Upgrade must land between a load and the store right after it; the linearizability test and TestTryUnwrapRacingUpgrades aim at that window but hit it only by chance",
	},
	{
		Name: "arc-makemut-move-load-store", File: "arc/unique.go", Race: true,
		Old:     "\tcase b.strong.CompareAndSwap(1, 0): // only Weaks besides a: move out (I2, I7)\n",
		New:     "\tcase b.strong.Load() == 1: // only Weaks besides a: move out (I2, I7)\n\t\tb.strong.Store(0)\n",
		Bug:     "MakeMut decides to move the value out by testing strong == 1, then stores 0, instead of a compare-and-swap",
		Symptom: "a Weak that upgrades between the test and the store holds a strong handle to a value MakeMut moved away: it reads a value the caller is mutating, and its Drop later panics on a count of 0",
		Hard: "it needs an Upgrade on another goroutine in a two-instruction window while MakeMut finds Weaks and no other strong handle, " +
			"and no concurrent test calls MakeMut while Weaks upgrade elsewhere",
	},
	{
		Name: "arc-cyclic-strong-first", File: "arc/header.go", Race: true,
		Old:     "\tb.value = value\n\tb.state.Store(uint32(invariants.Alive))\n\tb.strong.Store(1) // the reserved unit is now the implicit weak (I4)\n",
		New:     "\tb.strong.Store(1) // the reserved unit is now the implicit weak (I4)\n\tb.value = value\n\tb.state.Store(uint32(invariants.Alive))\n",
		Bug:     "NewCyclic publishes strong 1 before it stores the value and the state",
		Symptom: "a goroutine that build handed a Weak can upgrade before the value is stored: it reads a zero or half-written value, or is refused as if the value were not alive",
		Hard: "the other goroutine's Upgrade must succeed in the two stores between strong 1 and the value, " +
			"and TestNewCyclicPublishesTheValueToAnotherGoroutine spins on Upgrade with yields that rarely land there",
	},
	{
		Name: "arc-getmut-strong-before-lock", File: "arc/unique.go", Race: true,
		Old: "\tif !b.weak.CompareAndSwap(1, weakLocked) {\n\t\treturn false // a Weak exists, or another handle holds the lock: then strong ≥ 2\n\t}\n" +
			"\tunique := b.strong.Load() == 1\n",
		New: "\tunique := b.strong.Load() == 1\n" +
			"\tif !b.weak.CompareAndSwap(1, weakLocked) {\n\t\treturn false // a Weak exists, or another handle holds the lock: then strong ≥ 2\n\t}\n",
		Bug:     "GetMut's uniqueness check reads strong before it takes the weak lock",
		Symptom: "a goroutine that upgrades its Weak and drops the Weak between the read and the lock keeps a strong handle while GetMut hands the value out for writing",
		Hard:    "the other goroutine must both upgrade and drop its Weak between two adjacent atomic operations; only the juggling test aims at that, and on two cores it rarely gets there",
	},
	{
		Name: "arc-getmut-unlock-early", File: "arc/unique.go", Race: true,
		Old:     "\tunique := b.strong.Load() == 1\n\tb.weak.Store(1) // unlock\n\treturn unique\n",
		New:     "\tb.weak.Store(1) // unlock, holding the lock as briefly as possible\n\treturn b.strong.Load() == 1\n",
		Bug:     "GetMut's uniqueness check releases the weak lock before it reads strong",
		Symptom: "a goroutine that downgrades its second strong handle and drops it between the unlock and the read keeps a Weak that upgrades while GetMut's caller writes",
		Hard:    "the other goroutine must downgrade and drop between the unlock and the very next load; the juggling test does exactly those steps, but seldom at that instant",
	},
	{
		Name: "arc-unique-two-loads", File: "arc/unique.go", Race: true,
		Old: "\tif !b.weak.CompareAndSwap(1, weakLocked) {\n\t\treturn false // a Weak exists, or another handle holds the lock: then strong ≥ 2\n\t}\n" +
			"\tunique := b.strong.Load() == 1\n\tb.weak.Store(1) // unlock\n\treturn unique\n",
		New:     "\treturn b.weak.Load() == 1 && b.strong.Load() == 1 // no Weak, and no other strong handle\n",
		Bug:     "isUnique decides uniqueness from two plain loads, weak then strong, with no weak lock",
		Symptom: "a goroutine that downgrades its second strong handle and drops it between the two loads keeps a Weak that upgrades while GetMut's caller writes",
		Hard: "the other goroutine must downgrade and drop between two adjacent loads; the unit test that shows this race stages it on a copy of the reasoning, " +
			"not on isUnique, and the juggling test reaches the window only by chance",
	},
	{
		Name: "arc-intoinner-via-tryunwrap", File: "arc/unique.go",
		Old: "\ta.box, a.spent = nil, invariants.Unwrapped\n\tn := b.strong.Add(-1)\n\tif n != 0 {\n\t\tif n < 0 {\n" +
			"\t\t\tb.strong.Add(1) // undo: this handle's unit was gone already\n" +
			"\t\t\tpanic(refused(invariants.ArcIntoInner, n+1, b.weak.Load(), b.loadState()))\n\t\t}\n" +
			"\t\tvar zero T\n\t\treturn zero, false\n\t}\n\tvalue, _ := b.moveOut(invariants.ArcIntoInner)\n\treturn value, true\n",
		New: "\ta.box, a.spent = nil, invariants.Unwrapped\n" +
			"\tif b.strong.CompareAndSwap(1, 0) { // the only owner: take the value, as TryUnwrap does\n" +
			"\t\tvalue, _ := b.moveOut(invariants.ArcIntoInner)\n\t\treturn value, true\n\t}\n" +
			"\tb.dropStrong(invariants.ArcIntoInner) // shared: give up our share, as Drop does\n\tvar zero T\n\treturn zero, false\n",
		Bug:     "IntoInner is TryUnwrap, then Drop if that fails: two atomic steps instead of one Add(-1)",
		Symptom: "when every owner calls IntoInner at once, all their TryUnwraps can fail before any of them drops; then nobody gets the value and the last Drop runs its destructor",
		Hard: "two owners must both fail the compare-and-swap before either decrements, which the four goroutines of TestIntoInnerGivesTheValueToExactlyOneOwner " +
			"and the linearizability test's three do only when their steps interleave so",
	},

	// refcount: the state word and the queue.
	{
		Name: "refcount-queued-bit-or", File: "refcount/queue.go",
		Old:     "\t\tcase c.state.CompareAndSwap(s, s|waitersBit):\n\t\t\treturn false\n",
		New:     "\t\tdefault:\n\t\t\tc.state.Or(waitersBit)\n\t\t\treturn false\n",
		Bug:     "a waiter marks the queue with a plain Or after seeing the reference busy, instead of a compare-and-swap from the state it saw",
		Symptom: "if the last holder releases by the lock-free fast path between the look and the Or, nobody hands the reference on: the waiter sleeps forever beside a free reference",
		Hard: "the release must fall between one load and the Or, a window of a few instructions that only the stress tests can reach, " +
			"and a lost wake-up there shows only as a stress test running into its 30-second timeout",
	},
	{
		Name: "refcount-dispatch-one-waiter", File: "refcount/queue.go",
		Old:     "\tfor c.head != nil && c.grantHead() {\n\t}\n",
		New:     "\tif c.head != nil {\n\t\tc.grantHead()\n\t}\n",
		Bug:     "a release hands the reference to the head waiter only, not to the whole run of shared waiters at the head",
		Symptom: "readers queued behind a writer are let in one at a time, each when the previous one leaves, instead of together",
		Hard:    "nothing is lost, only serialized, so the stress tests still finish; only the FIFO tests check that a batch of readers enters together",
	},
	{
		Name: "refcount-cancel-forgets-next", File: "refcount/queue.go",
		Old:     "\twasHead := c.head == w\n\tc.remove(w)\n\tif wasHead || c.head == nil {\n",
		New:     "\tc.remove(w)\n\tif c.head == nil {\n",
		Bug:     "a waiter that gives up at the head of the queue hands nothing on unless the queue is now empty",
		Symptom: "readers queued behind a cancelled writer stay blocked while only readers hold the reference, until a later release happens to serve them",
		Hard:    "the readers are only delayed until the next release, so the stress tests finish; only a test that cancels a writer with readers behind it and checks them at once sees it",
	},
	{
		Name: "refcount-newcomer-overtakes-queue", File: "refcount/queue.go",
		Old:     "\tif c.head == nil && c.admit(exclusive, false) {\n",
		New:     "\tif c.admit(exclusive, false) {\n",
		Bug:     "an acquirer whose fast path failed is admitted if the reference is free, without checking that nobody is queued",
		Symptom: "new readers overtake a queued writer on the slow path while other readers hold the reference, so a stream of readers starves the writer",
		Hard:    "the writer is only delayed, so the stress tests finish; only a FIFO test that queues readers behind a waiting writer notices who went first",
	},
	{
		Name: "refcount-handoff-ignores-readers", File: "refcount/queue.go", Race: true,
		Old:     "\t\tif s&(exclusiveBit|sharedMask) != 0 || !c.state.CompareAndSwap(s, s|exclusiveBit) {\n",
		New:     "\t\tif s&exclusiveBit != 0 || !c.state.CompareAndSwap(s, s|exclusiveBit) {\n",
		Bug:     "the hand-off to an exclusive waiter checks that no writer holds the reference and forgets the readers",
		Symptom: "a writer queued behind a run of readers is let in together with them: it writes while they read, and their Releases then panic on a count that includes the exclusive bit",
		Hard:    "it needs a writer queued right behind readers at the moment the reference is handed on, which the FIFO tests set up on purpose and the stress tests only by chance",
	},
	{
		Name: "refcount-abandon-keeps-handoff", File: "refcount/queue.go",
		Old:     "\t\tc.mu.Unlock()\n\t\tif w.exclusive {\n\t\t\tc.releaseExclusive()\n\t\t} else {\n\t\t\tc.releaseShared()\n\t\t}\n\t\treturn err\n",
		New:     "\t\tc.mu.Unlock()\n\t\treturn err // too late: the caller has gone, so the reference is not ours to handle\n",
		Bug:     "a waiter that gives up after the reference was already handed to it reports its error and never releases the reference",
		Symptom: "now and then, when a hand-off and a cancellation coincide, the reference is held forever by nobody and every later acquirer waits for good",
		Hard:    "the hand-off must beat the cancellation by a hair, which black-box tests hit only by chance; only the internal test that stages it step by step makes it certain",
	},
	{
		Name: "refcount-tryexclusive-swap", File: "refcount/refcount.go",
		Old:     "\tif c.state.CompareAndSwap(0, exclusiveBit) {\n\t\treturn ExclusiveRef{c: c, leak: leak.Mint(&exclusiveLeaks)}, true\n\t}\n\treturn ExclusiveRef{}, false\n",
		New:     "\tif old := c.state.Swap(exclusiveBit); old != 0 {\n\t\tc.state.Store(old) // busy: put back what was there\n\t\treturn ExclusiveRef{}, false\n\t}\n\treturn ExclusiveRef{c: c, leak: leak.Mint(&exclusiveLeaks)}, true\n",
		Bug:     "TryAcquireExclusive swaps the exclusive mark in and, if the reference was busy, stores back the state it replaced",
		Symptom: "a release or acquire on another goroutine between the swap and the store back is undone or meets a phantom writer: a Release panics with a false underflow, or a released reference comes back held by nobody",
		Hard:    "another goroutine must touch the state between the swap and the store back; on one goroutine the state is put back exactly as it was, so only the stress tests can tell",
	},
	{
		Name: "refcount-add-ignores-waiters", File: "refcount/fast.go",
		Old:     "\t\tif c.state.Add(1)-1 < sharedMask { // the old state was plain\n",
		New:     "\t\tif c.state.Add(1)&exclusiveBit == 0 { // no writer holds it\n",
		Bug:     "Acquire's add-first fast path grants the Ref whenever no ExclusiveRef is held, without looking at waitersBit",
		Symptom: "readers overtake a writer queued behind other readers, so a stream of readers starves it",
		Hard:    "the writer is only delayed, so the stress tests finish; only a FIFO test that brings a reader while a writer waits behind Refs notices who went first",
	},
	{
		Name: "refcount-keep-add-beside-queue", File: "refcount/refcount.go",
		Old:     "\t\tif c.state.Load()&(exclusiveBit|waitersBit) == 0 {\n\t\t\treturn nil\n\t\t}\n",
		New:     "\t\tif c.state.Load()&exclusiveBit == 0 {\n\t\t\treturn nil\n\t\t}\n",
		Bug:     "an Acquire whose add met a flag keeps the add as soon as no ExclusiveRef is held, forgetting that a writer may be queued",
		Symptom: "readers that arrive while a writer waits behind other readers overtake it, so a stream of readers starves the writer",
		Hard:    "the writer is only delayed; only a test that brings a reader while a writer waits behind Refs, and checks who goes first, sees it",
	},
	{
		Name: "refcount-unadd-forgets-handoff", File: "refcount/refcount.go",
		Old:     "\tif c.state.Add(^uint64(0)) == waitersBit { // Add(-1)\n\t\tc.mu.Lock()\n\t\tc.dispatch()\n\t\tc.mu.Unlock()\n\t}\n",
		New:     "\tc.state.Add(^uint64(0)) // Add(-1): taking back an add is not a Release, so nothing to hand on\n",
		Bug:     "an Acquire that takes back its add hands nothing on, as if only a Release could bring the count to 0",
		Symptom: "a writer that queued while only that add was counted sleeps beside a free reference until some later release comes, forever if none does",
		Hard:    "the writer must queue in the instant between an add and its taking back; the internal test that stages it step by step and the interleaving explorer make it certain, stress tests reach it only by chance",
	},
	{
		Name: "refcount-release-subtracts-twice", File: "refcount/handles.go",
		Old:     "\tif s != 0 {\n\t\tr.c, r.released = nil, released()\n\t\tc.releaseSharedSlow(s)\n\t\treturn\n\t}\n",
		New:     "",
		Bug:     "Release's slow path forgets that its fast path has already subtracted the Ref, and subtracts it again",
		Symptom: "a Release that finds someone queued gives back two Refs: the count drops under the Refs still held, a writer is let in beside readers, and a later Release panics with an underflow",
		Hard:    "only a Release of a Ref while a writer is queued takes that path; the FIFO and hand-off tests queue a writer behind Refs on purpose, other tests never do",
	},

	// rwlock: a thin layer on refcount.
	{
		Name: "rwlock-read-before-lock", File: "rwlock/rwlock.go", Race: true,
		Old: "\tg = &ReadGuard[T]{value: &l.value}\n\tif err = acquire(&l.refs, ctx, &g.ref); err != nil {\n",
		New: "\tsnapshot := l.value // the reader's own copy, so that no writer can change it under the reader\n" +
			"\tg = &ReadGuard[T]{value: &snapshot}\n\tif err = acquire(&l.refs, ctx, &g.ref); err != nil {\n",
		Bug:     "Read copies the value for the reader before it has acquired the lock",
		Symptom: "a reader can get a copy taken while a writer was half-way through: a torn value, and a data race on it",
		Hard:    "a writer must be mid-write at the moment of the copy; the concurrent test's writers hold the lock for two increments, so it depends on the schedule overlapping them",
	},
	{
		Name: "rwlock-write-polls", File: "rwlock/rwlock.go",
		Old: "\tif g.ref, err = l.refs.AcquireExclusive(ctx); err != nil {\n\t\treturn nil, err\n\t}\n\treturn\n",
		New: "\tfor {\n\t\tvar ok bool\n\t\tif g.ref, ok = l.refs.TryAcquireExclusive(); ok {\n\t\t\treturn g, nil\n\t\t}\n" +
			"\t\tif err = ctx.Err(); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t}\n",
		Bug:     "Write polls TryAcquireExclusive in a loop instead of queueing with AcquireExclusive",
		Symptom: "a writer never joins the queue, so a steady stream of readers starves it, and it burns a processor while it waits",
		Hard:    "rwlock's tests check that writers exclude readers and that everyone finishes, not who goes first, so a writer that wins in the end passes",
	},

	// rcmap: one mutex for the map and every count.
	{
		Name: "rcmap-delete-in-second-section", File: "rcmap/map.go",
		Old: "\t// Delete in the same critical section that took the count to 0, so\n" +
			"\t// no Acquire can ever find an entry with count 0 and join it. The\n" +
			"\t// key maps to e: a key's entry is only replaced after deletion.\n" +
			"\tdelete(m.entries, e.key)\n\tm.mu.Unlock()\n",
		New:     "\tm.mu.Unlock() // the count is 0 already: the delete can take the lock again\n\tm.mu.Lock()\n\tdelete(m.entries, e.key)\n\tm.mu.Unlock()\n",
		Bug:     "Release takes the count to 0 in one critical section and deletes the entry in another",
		Symptom: "an Acquire in between joins the dying entry: its handle points at an entry that is then removed and cleaned up, and its own last Release deletes whatever entry the key has by then and runs the cleanup again",
		Hard:    "an Acquire of the same key must take the lock in the gap between two critical sections; the stress test races Acquires with last Releases on four keys, but the gap is one unlock and one lock",
	},
	{
		Name: "rcmap-clone-unlocked", File: "rcmap/handle.go", Race: true,
		Old:     "\te.m.mu.Lock()\n\te.count++ // h's share keeps count >= 1: the entry is still in the map\n\te.m.mu.Unlock()\n",
		New:     "\te.count++ // h's share keeps count >= 1: the entry cannot go away, so no lock is needed\n",
		Bug:     "Clone increments the entry's count without the map's lock, since h's share keeps the entry alive",
		Symptom: "a Clone racing another handle's Release of the same entry loses one of the two updates: the entry is removed while handles remain, or never removed",
		Hard:    "a Clone and a Release of one entry must run at the same moment; -race reports it only when the stress test's schedule puts them side by side",
	},
	{
		Name: "rcmap-count-unlocked", File: "rcmap/map.go", Race: true,
		Old:     "func (m *Map[K, V]) Count(key K) int {\n\tm.mu.Lock()\n\tdefer m.mu.Unlock()\n",
		New:     "func (m *Map[K, V]) Count(key K) int {\n\t// The answer is a snapshot anyway, so no lock.\n",
		Bug:     "Count reads the map and the entry's count without the lock, since its answer is only a snapshot anyway",
		Symptom: "a Count during another goroutine's Acquire or Release is a data race on a Go map: a wrong count, or the runtime's fatal \"concurrent map read and map write\"",
		Hard:    "the read must overlap a write to the map; the stress test calls Count before each Release, and -race reports it only when the schedule interleaves them",
	},
	{
		Name: "rcmap-insert-after-create", File: "rcmap/acquire.go",
		Old: "\te := &entry[K, V]{m: m, key: key, count: 1, wait: &nobodyWaits}\n\tm.entries[key] = e\n\tm.pending++\n\tm.mu.Unlock()\n" +
			"\treturn m.create(e, create)\n",
		New: "\tm.mu.Unlock()\n\tvalue, err := create() // the key was missing: make its value, then insert it\n" +
			"\tif err != nil {\n\t\treturn Handle[K, V]{}, false, err\n\t}\n" +
			"\tm.mu.Lock()\n\te := &entry[K, V]{m: m, key: key, value: value, count: 1}\n\tm.entries[key] = e\n\tm.mu.Unlock()\n" +
			"\treturn newHandle(e), true, nil\n",
		Bug:     "Acquire looks the key up in one critical section and inserts the new entry in another, calling create in between, instead of inserting a pending entry where the lookup missed",
		Symptom: "goroutines racing to Acquire a new key each create their own entry; the last insert wins, and the others' handles point at entries no longer in the map",
		Hard: "little chance: the synctest tests in rcmap/acquire_test.go hold a create open and see the second create on every run; " +
			"the 64-goroutine tests alone would depend on two Acquires both looking the key up before either inserts",
	},
	{
		Name: "rcmap-waiter-keeps-share", File: "rcmap/acquire.go",
		Old:     "\t\tif e.pending() { // still creating: give up the share counted above\n\t\t\te.count--\n",
		New:     "\t\tif e.pending() { // still creating: the waiter holds no handle, so it has nothing to give back\n",
		Bug:     "an Acquire whose context ends while it waits for another goroutine's create returns ctx.Err() without taking back the share it counted in the pending entry",
		Symptom: "every waiter that gave up leaves the entry's count one too high: the Release of its last real handle leaves it in the map, and its cleanup never runs",
		Hard:    "little chance: the synctest tests and TestWaitersAgainstTheClock let a deadline pass on the bubble's clock while a create is held open, and compare the count with the handles handed out",
	},
	{
		Name: "rcmap-waiter-counts-late", File: "rcmap/acquire.go",
		Old: "\te.count++\n\tif e.wait == &nobodyWaits {\n\t\t// The first waiter makes the channel: a create nobody waits for needs none.\n" +
			"\t\te.wait = &waiting{ready: make(chan struct{})}\n\t}\n\tw := e.wait\n" +
			"\tm.mu.Unlock()\n\tselect {\n\tcase <-w.ready:\n" +
			"\tcase <-ctx.Done():\n\t\tm.mu.Lock()\n\t\tif e.pending() { // still creating: give up the share counted above\n" +
			"\t\t\te.count--\n\t\t\tm.mu.Unlock()\n\t\t\treturn Handle[K, V]{}, false, ctx.Err()\n" +
			"\t\t}\n\t\tm.mu.Unlock() // create finished first: its result stands\n\t}\n" +
			"\tif w.err != nil { // written before ready was closed, and ready is closed\n\t\treturn Handle[K, V]{}, false, w.err\n\t}\n" +
			"\treturn newHandle(e), false, nil\n",
		New: "\tif e.wait == &nobodyWaits {\n\t\t// The first waiter makes the channel: a create nobody waits for needs none.\n\t\te.wait = &waiting{ready: make(chan struct{})}\n" +
			"\t}\n\tw := e.wait\n\tm.mu.Unlock()\n" +
			"\tselect {\n\tcase <-w.ready:\n\tcase <-ctx.Done():\n" +
			"\t\tm.mu.Lock()\n\t\tif e.pending() { // still creating: nothing counted yet, nothing to give back\n\t\t\tm.mu.Unlock()\n" +
			"\t\t\treturn Handle[K, V]{}, false, ctx.Err()\n\t\t}\n\t\tm.mu.Unlock() // create finished first: its result stands\n" +
			"\t}\n\tif w.err != nil { // written before ready was closed, and ready is closed\n\t\treturn Handle[K, V]{}, false, w.err\n" +
			"\t}\n\tm.mu.Lock()\n\te.count++ // counted once there is a live entry to count in\n" +
			"\tm.mu.Unlock()\n\treturn newHandle(e), false, nil\n",
		Bug:     "a waiter counts itself in the entry when it wakes up with the creator's result, instead of in the pending entry before it waits",
		Symptom: "the creator may release its handle before a waiter wakes: the count reaches 0, the entry is removed and cleaned up, and the waiter then joins the dead entry, whose next last Release deletes whatever entry the key has by then",
		Hard:    "the creator must release between the wake-up and the count, a window no test forces; the synctest tests catch it anyway, since they check the pending entry's count while the waiters wait",
	},
}
