package lab

// RcMutants are the bugs of package rc, which holds Rc, Weak (package weak
// forwards to it) and Pool (package pool): the ones real implementers of
// Rust's Rc make, each in the one line of the header or the handles where
// it would be made. The model-based tests alone must kill every one.
var RcMutants = []Mutant{
	{
		Name: "leak-implicit-weak", File: "rc/drop.go", Model: true,
		Old:     "\tb.Weak-- // exactly the implicit weak, and only now that the value is gone (I4)\n",
		New:     "",
		Bug:     "the last strong Drop never releases the implicit weak",
		Symptom: "allocations are never freed, even once every handle is gone",
	},
	{
		Name: "double-weak-release", File: "rc/drop.go", Model: true,
		Old:     "\tb.Weak-- // exactly the implicit weak, and only now that the value is gone (I4)\n",
		New:     "\tb.Weak = max(b.Weak-2, 0) // the implicit weak, and a Weak's unit with it\n",
		Bug:     "the last strong Drop releases the implicit weak and one Weak's unit too",
		Symptom: "the allocation is freed while a Weak still points at it; that Weak's Drop frees it twice",
	},
	{
		Name: "free-while-weak", File: "rc/drop.go", Model: true,
		Old:     "\tif b.Weak == 0 {\n\t\tb.free(op) // no Weak remains: the allocation goes too (I5)\n",
		New:     "\tif b.Strong == 0 {\n\t\tb.free(op) // the value is gone: the allocation goes too\n",
		Bug:     "the allocation is freed when strong reaches 0, whatever the weak count",
		Symptom: "a Weak that outlives the value reads freed memory when it upgrades",
	},
	{
		Name: "upgrade-resurrects", File: "rc/weak.go", Model: true,
		Old:     "\t\tif b.Strong > 0 {\n\t\t\tb.Strong++\n",
		New:     "\t\t{\n\t\t\tb.Strong++\n",
		Bug:     "Upgrade increments strong without testing that it is above 0",
		Symptom: "a dropped value comes back to life through an old Weak",
	},
	{
		Name: "getmut-strong-only", File: "rc/unique.go", Model: true,
		Old:     "\treturn b.Strong == 1 && b.Weak == 1\n",
		New:     "\treturn b.Strong == 1\n",
		Bug:     "GetMut checks strong == 1 and forgets the Weaks (the tempting, unsound I6)",
		Symptom: "a Weak upgrades and aliases a value someone is mutating through GetMut",
	},
	{
		Name: "getmut-unchecked", File: "rc/unique.go", Model: true,
		Old:     "\treturn b.Strong == 1 && b.Weak == 1\n",
		New:     "\treturn true\n",
		Bug:     "GetMut hands out a mutable pointer without any check",
		Symptom: "two owners mutate one value, each believing it is theirs alone",
	},
	{
		Name: "destructor-twice", File: "rc/drop.go", Model: true,
		Old:     "func (b *box[T]) endValue(op invariants.Op) {\n",
		New:     "func (b *box[T]) endValue(op invariants.Op) {\n\tb.runDestructor(nil)\n",
		Bug:     "the destructor runs again where the value's life ends",
		Symptom: "every value is dropped twice, and a value taken out by TryUnwrap is dropped under its new owner",
	},
	{
		Name: "implicit-weak-first", File: "rc/drop.go", Model: true,
		Old: "\tdefer func() {\n\t\tb.endValue(op)            // 2, finished, even if the destructor panicked\n" +
			"\t\tb.releaseImplicitWeak(op) // 3\n\t}()\n\tb.runDestructor(q) // 2\n",
		New:     "\tb.releaseImplicitWeak(op) // 3, too early\n\tb.runDestructor(q)       // 2\n\tb.endValue(op)\n",
		Bug:     "the last strong Drop releases the implicit weak before dropping the value",
		Symptom: "a destructor that drops a Weak to its own allocation frees it mid-destructor",
	},
	{
		Name: "weakcount-shows-implicit", File: "rc/box.go", Model: true,
		Old:     "\treturn b.Weak - 1 // hide the implicit weak (I4)\n",
		New:     "\treturn b.Weak\n",
		Bug:     "WeakCount reports the raw weak count, implicit weak included",
		Symptom: "every WeakCount is one too high while the value lives",
	},
	{
		Name: "makemut-clones-for-weaks", File: "rc/unique.go", Model: true,
		Old:     "\tcase b.Strong != 1:\n",
		New:     "\tcase b.Strong != 1 || b.Weak != 1:\n",
		Bug:     "MakeMut clones when only Weaks share the value, instead of moving it",
		Symptom: "the original is dropped instead of moved, and a clone appears",
	},
	{
		Name: "makemut-inplace-for-weaks", File: "rc/unique.go", Model: true,
		Old:     "\tcase b.Weak != 1:\n\t\t*r = own(b.sibling(b.moveOut(invariants.RcMakeMut)))\n",
		New:     "",
		Bug:     "MakeMut mutates in place when only Weaks share the value",
		Symptom: "an old Weak still upgrades and sees the value being mutated",
	},
	{
		Name: "tryunwrap-keeps-strong", File: "rc/drop.go", Model: true,
		Old:     "\tb.Strong = 0 // from here Upgrade fails: the value lives on elsewhere (I2, I7)\n",
		New:     "",
		Bug:     "moving the value out (TryUnwrap, IntoInner, MakeMut) leaves strong at 1",
		Symptom: "a Weak upgrades to a value the caller already took; the allocation leaks",
	},
	{
		Name: "cyclic-upgradable", File: "rc/cyclic.go", Model: true,
		Old:     "\tb := &box[T]{Header: invariants.Header{Weak: 2, State: invariants.Uninit}}\n",
		New:     "\tb := &box[T]{Header: invariants.Header{Strong: 1, Weak: 2, State: invariants.Alive}}\n",
		Bug:     "NewCyclic starts the strong count at 1 while build runs",
		Symptom: "build can upgrade its Weak and reach a value that does not exist yet",
	},
	{
		Name: "unchecked-overflow", File: "rc/weak.go", Model: true,
		Old:     "\t\tif b.Strong == invariants.MaxCount || (invariants.Enabled && (b.Gen != w.gen || b.Weak <= 0)) {\n",
		New:     "\t\tif invariants.Enabled && (b.Gen != w.gen || b.Weak <= 0) {\n",
		Bug:     "Upgrade increments strong without the overflow test",
		Symptom: "the strong count wraps around and the value is freed while in use",
	},
	// The mutants below were out of the model's reach until it learnt the
	// misuse steps (copies made without Clone), panicking cleanups, equal
	// values, clones that drop the other owners, and the run with the checks
	// compiled out (-tags rcrelease).
	{
		Name: "stale-dead-value-readable", File: "rc/check.go", Model: true,
		Old:     "\tif invariants.Enabled && (!b.StrongUsable() || b.Gen != gen) {\n",
		New:     "\tif invariants.Enabled && (b.State == invariants.Freed || b.Gen != gen) {\n",
		Bug:     "the strong handle's check refuses a freed allocation but not a dead value",
		Symptom: "a copy made without Clone reads, drops or clones a value that was already dropped, while a Weak keeps the allocation",
	},
	{
		Name: "pool-stale-strong-accepted", File: "rc/check.go", Model: true,
		Old:     "\tif invariants.Enabled && (!b.StrongUsable() || b.Gen != gen) {\n",
		New:     "\tif invariants.Enabled && !b.StrongUsable() {\n",
		Bug:     "the strong handle's check forgets the generation",
		Symptom: "a handle that outlived its pooled allocation reads and drops the value of whoever the pool gave the header to next",
	},
	{
		Name: "pool-stale-weak-accepted", File: "rc/check.go", Model: true,
		Old:     "\tif invariants.Enabled && (!b.WeakUsable() || b.Gen != gen) {\n",
		New:     "\tif invariants.Enabled && !b.WeakUsable() {\n",
		Bug:     "the Weak's check forgets the generation",
		Symptom: "a Weak that outlived its pooled allocation upgrades to the value of whoever the pool gave the header to next",
	},
	{
		Name: "weak-drop-takes-implicit", File: "rc/drop.go", Model: true,
		Old:     "\tif invariants.Enabled && b.Strong > 0 && b.Weak <= 1 {\n",
		New:     "\tif invariants.Enabled && b.Strong > 0 && b.Weak <= 0 {\n",
		Bug:     "Weak.Drop lets a Weak give up the last weak unit while strong handles remain",
		Symptom: "a Weak copied without Clone and dropped twice takes the implicit weak, and the allocation is freed under its strong handles",
	},
	{
		Name: "cleanup-panic-skips-drop", File: "rc/drop.go", Model: true,
		Old:     "\tdestructor.RunIn(&b.value, cleanup, plan, q)\n",
		New:     "\tif cleanup != nil {\n\t\tcleanup(b.value)\n\t}\n\tdestructor.RunIn(&b.value, nil, plan, q)\n",
		Bug:     "the cleanup runs before the value's Drop, outside the deferred call that protects it",
		Symptom: "a cleanup that panics skips the value's own Drop: what Drop releases is never released",
	},
	{
		Name: "destructor-panic-skips-release", File: "rc/drop.go", Model: true,
		Old: "\tdefer func() {\n\t\tb.endValue(op)            // 2, finished, even if the destructor panicked\n" +
			"\t\tb.releaseImplicitWeak(op) // 3\n\t}()\n\tb.runDestructor(q) // 2\n",
		New:     "\tb.runDestructor(q) // 2\n\tb.endValue(op)\n\tb.releaseImplicitWeak(op) // 3\n",
		Bug:     "the last strong Drop finishes the value's end and releases the implicit weak only if the destructor returns",
		Symptom: "a destructor or cleanup that panics leaves the header half-dropped: the allocation is never freed",
	},
	{
		Name: "ptreq-compares-values", File: "rc/rc.go", Model: true,
		Old:     "func PtrEq[T any](a, b *Rc[T]) bool { return a.box == b.box }\n",
		New:     "func PtrEq[T any](a, b *Rc[T]) bool {\n\treturn a.box == b.box || a.box != nil && b.box != nil && any(a.box.value) == any(b.box.value)\n}\n",
		Bug:     "PtrEq compares the values the handles point at, not the allocations",
		Symptom: "two allocations that hold equal values are reported as one",
	},
	{
		Name: "makemut-clone-assumes-shared", File: "rc/unique.go", Model: true,
		Old:     "\t\tb.decStrong(invariants.RcMakeMut)\n",
		New:     "\t\tb.Strong-- // strong was at least 2: the others keep the value\n",
		Bug:     "MakeMut's clone case gives up the original's share assuming the other owners keep the value",
		Symptom: "a clone function that drops the other owners leaves the original with strong 0, never dropped nor freed",
	},
	{
		Name: "release-upgrade-resurrects", File: "rc/weak.go", Model: true,
		Old:     "\t\tif b.Strong > 0 {\n\t\t\tb.Strong++\n",
		New:     "\t\tif !invariants.Enabled || b.Strong > 0 {\n\t\t\tb.Strong++\n",
		Bug:     "Upgrade leaves the dead-value test to the checks, which -tags rcrelease compiles out",
		Symptom: "in a release build a Weak brings a dropped value back to life",
	},
	{
		Name: "release-clone-overflow-unchecked", File: "rc/fast.go", Model: true,
		Old:     "\tif b.Strong == invariants.MaxCount || (invariants.Enabled && (b.Gen != gen || b.State != invariants.Alive)) {\n",
		New:     "\tif invariants.Enabled && (b.Strong == invariants.MaxCount || b.Gen != gen || b.State != invariants.Alive) {\n",
		Bug:     "Clone's overflow test is compiled out with the other checks (-tags rcrelease)",
		Symptom: "in a release build the strong count wraps around and the value is freed while in use",
	},
}
