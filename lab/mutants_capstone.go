package lab

// Where the capstone's mutants live: its reference solution, which builds
// only with -tags solution, in the exercises module.
const (
	capstoneFile   = "exercises/12-capstone/solution.go"
	capstoneModule = "exercises"
	capstoneTags   = "solution"
)

// CapstoneMutants are the bugs of the capstone exercise, where learners
// write their own header, Rc and Weak: the ones its README's steps and
// hints warn about, and package rc's mutants where the capstone has the
// same line to get wrong. Each is an edit of the reference solution, and
// the capstone's own tests (the step tests, the rapid state machine and
// the explorer) must kill every one: a learner who makes one of these
// bugs must not pass.
var CapstoneMutants = []Mutant{
	// Step 2 and the hints on the last Drop: the order is strong to 0, the
	// destructor, then the implicit weak, deferred.
	capstone(Mutant{
		Name:    "capstone-leak-implicit-weak",
		Old:     "\tdefer b.releaseWeak()\n",
		New:     "",
		Bug:     "the last strong Drop never releases the implicit weak",
		Symptom: "no box is ever freed, even once every handle is gone",
	}),
	capstone(Mutant{
		Name:    "capstone-double-weak-release",
		Old:     "\tdefer b.releaseWeak()\n",
		New:     "\tdefer b.releaseWeak()\n\tdefer b.releaseWeak() // and a Weak's unit with it\n",
		Bug:     "the last strong Drop releases the implicit weak and one Weak's unit too",
		Symptom: "the box is freed while a Weak still points at it, or freed twice",
	}),
	capstone(Mutant{
		Name:    "capstone-free-while-weak",
		Old:     "\tdefer b.releaseWeak()\n\tdefer b.clear()\n",
		New:     "\tdefer func() { b.weak, b.freed = 0, true; live-- }() // the value is gone: the box goes too\n\tdefer b.clear()\n",
		Bug:     "the box is freed when strong reaches 0, whatever the weak count",
		Symptom: "a Weak that outlives the value finds a freed box when it upgrades",
	}),
	capstone(Mutant{
		Name: "capstone-implicit-weak-first",
		Old:  "\tdefer b.releaseWeak()\n\tdefer b.clear()\n\trunDestructor(&b.value, b.cleanup)\n",
		New: "\tvalue, cleanup := b.value, b.cleanup\n\tb.clear()\n" +
			"\tb.releaseWeak() // too early: the destructor has not run yet\n\trunDestructor(&value, cleanup)\n",
		Bug:     "the last strong Drop releases the implicit weak before it runs the destructor",
		Symptom: "a destructor that drops the last Weak to its own box frees the box it is still running in",
	}),
	capstone(Mutant{
		Name: "capstone-release-skipped-on-panic",
		Old:  "\tdefer b.releaseWeak()\n\tdefer b.clear()\n\trunDestructor(&b.value, b.cleanup)\n",
		New: "\trunDestructor(&b.value, b.cleanup)\n\tb.clear()\n" +
			"\tb.releaseWeak() // not deferred: a panicking destructor skips it\n",
		Bug:     "the last strong Drop releases the implicit weak after the destructor, but not deferred",
		Symptom: "a destructor that panics leaves its box allocated forever",
	}),
	capstone(Mutant{
		Name: "capstone-drop-empties-handle-late",
		Old: "\tr.b = nil // before the destructor, which may look at handles\n" +
			"\tb.strong--\n\tif b.strong == 0 {\n\t\tb.dropSlow()\n\t}\n",
		New:     "\tb.strong--\n\tif b.strong == 0 {\n\t\tb.dropSlow()\n\t}\n\tr.b = nil // after the destructor\n",
		Bug:     "Drop empties the handle after the destructor instead of before",
		Symptom: "when the destructor panics, the dropped handle still points at the box",
	}),
	capstone(Mutant{
		Name:    "capstone-destructor-twice",
		Old:     "func (b *box[T]) clear() {\n\tb.check(\"drop the value\")\n",
		New:     "func (b *box[T]) clear() {\n\tb.check(\"drop the value\")\n\trunDestructor(&b.value, b.cleanup)\n",
		Bug:     "the destructor runs again where the box forgets its value",
		Symptom: "every value is dropped twice, and a value taken out by TryUnwrap is dropped under its new owner",
	}),
	capstone(Mutant{
		Name:    "capstone-weak-drop-keeps-unit",
		Old:     "\t\tw.b = nil\n\t\tb.releaseWeak()\n",
		New:     "\t\tw.b = nil\n",
		Bug:     "Weak.Drop empties the Weak without giving its unit back",
		Symptom: "a box that ever had a Weak is never freed, and WeakCount never goes down",
	}),

	// Step 1 and the first hint: weak is the Weaks plus the implicit one.
	capstone(Mutant{
		Name:    "capstone-weakcount-shows-implicit",
		Old:     "return r.header(\"WeakCount\").weak - 1 }",
		New:     "return r.header(\"WeakCount\").weak }",
		Bug:     "Rc.WeakCount reports the raw weak count, implicit weak included",
		Symptom: "every WeakCount is one too high while the value lives",
	}),

	// Step 3: Upgrade and a Weak's counts once the value is gone.
	capstone(Mutant{
		Name:    "capstone-upgrade-resurrects",
		Old:     "if b == nil || b.strong == 0 {",
		New:     "if b == nil {",
		Bug:     "Upgrade increments strong without testing that it is above 0",
		Symptom: "a dropped value comes back to life through an old Weak",
	}),
	capstone(Mutant{
		Name:    "capstone-weak-weakcount-after-last-drop",
		Old:     "b != nil && b.strong > 0 {\n\t\treturn b.weak - 1",
		New:     "b != nil {\n\t\treturn b.weak - 1",
		Bug:     "Weak.WeakCount subtracts the implicit weak even after the last strong Drop released it",
		Symptom: "once the value is gone, a Weak's WeakCount is one less than the Weaks left, where Rust says 0",
	}),

	// Step 4: uniqueness, and moving the value out.
	capstone(Mutant{
		Name:    "capstone-getmut-strong-only",
		Old:     "if b.strong != 1 || b.weak != 1 {",
		New:     "if b.strong != 1 {",
		Bug:     "GetMut checks strong == 1 and forgets the Weaks (the tempting, unsound I6)",
		Symptom: "a Weak upgrades and reads a value someone is mutating through GetMut",
	}),
	capstone(Mutant{
		Name:    "capstone-getmut-unchecked",
		Old:     "if b.strong != 1 || b.weak != 1 {",
		New:     "if false {",
		Bug:     "GetMut hands out a mutable pointer without any check",
		Symptom: "two owners mutate one value, each believing it is theirs alone",
	}),
	capstone(Mutant{
		Name:    "capstone-tryunwrap-refuses-weaks",
		Old:     "if b.strong != 1 {\n\t\tvar zero T",
		New:     "if b.strong != 1 || b.weak != 1 {\n\t\tvar zero T",
		Bug:     "TryUnwrap asks for no Weak as GetMut does, where strong == 1 is enough",
		Symptom: "the last owner cannot take its value back while anyone watches it through a Weak",
	}),
	capstone(Mutant{
		Name:    "capstone-tryunwrap-keeps-strong",
		Old:     "\tb.strong = 0\n",
		New:     "",
		Bug:     "moving the value out (TryUnwrap, IntoInner, MakeMut) leaves strong at 1",
		Symptom: "a Weak upgrades to a value the caller already took",
	}),
	capstone(Mutant{
		Name:    "capstone-moveout-keeps-implicit-weak",
		Old:     "\tb.clear()\n\tb.releaseWeak()\n",
		New:     "\tb.clear()\n",
		Bug:     "moving the value out does not release the implicit weak",
		Symptom: "every box whose value was taken out stays allocated forever",
	}),
	capstone(Mutant{
		Name:    "capstone-moveout-runs-destructor",
		Old:     "\tb.strong = 0\n\tb.clear()\n",
		New:     "\tb.strong = 0\n\trunDestructor(&b.value, b.cleanup) // as if the value were dropped\n\tb.clear()\n",
		Bug:     "moving the value out runs its destructor",
		Symptom: "TryUnwrap hands back a value that has already been dropped, and it is dropped again later",
	}),
	capstone(Mutant{
		Name:    "capstone-intoinner-keeps-share",
		Old:     "\tr.Drop() // strong ≥ 2: the value lives on\n",
		New:     "",
		Bug:     "IntoInner on a shared value returns false without giving up the handle's share",
		Symptom: "the handle still owns after IntoInner, and the value is never dropped",
	}),
	capstone(Mutant{
		Name:    "capstone-makemut-clones-for-weaks",
		Old:     "case b.strong != 1: //",
		New:     "case b.strong != 1 || b.weak != 1: //",
		Bug:     "MakeMut clones when only Weaks share the value, instead of moving it",
		Symptom: "the original is left in the old box for the Weaks, and a clone appears",
	}),
	capstone(Mutant{
		Name:    "capstone-makemut-inplace-for-weaks",
		Old:     "\tcase b.weak != 1: // only Weaks: move the value away from them\n\t\tr.b = newBox(b.moveOut())\n",
		New:     "",
		Bug:     "MakeMut mutates in place when only Weaks share the value",
		Symptom: "an old Weak still upgrades and sees the value being mutated",
	}),
	capstone(Mutant{
		Name:    "capstone-makemut-clone-keeps-share",
		Old:     "\t\tb.strong-- // r's share of the original goes: an ordinary drop\n",
		New:     "",
		Bug:     "MakeMut clones for r but does not give up r's share of the original",
		Symptom: "the original's strong count stays one too high, and it is never dropped",
	}),

	// Step 5: NewCyclic.
	capstone(Mutant{
		Name:    "capstone-cyclic-upgradable",
		Old:     "b := &box[T]{weak: 2}",
		New:     "b := &box[T]{strong: 1, weak: 2}",
		Bug:     "NewCyclic starts the strong count at 1 while build runs",
		Symptom: "build can upgrade its Weak and reach a value that does not exist yet",
	}),
	capstone(Mutant{
		Name:    "capstone-cyclic-no-reserved-weak",
		Old:     "b := &box[T]{weak: 2}",
		New:     "b := &box[T]{weak: 1}",
		Bug:     "NewCyclic counts the Weak lent to build but does not reserve the implicit weak",
		Symptom: "the box is freed as soon as the lent Weak is given back, under the value being built",
	}),
	capstone(Mutant{
		Name:    "capstone-cyclic-keeps-lent-weak",
		Old:     "\t\tself.Drop() // the loan ends; nothing to do if build moved it away\n",
		New:     "",
		Bug:     "NewCyclic never gives back the Weak it lent to build",
		Symptom: "WeakCount is one too high for the value's whole life, and the box is never freed",
	}),
	capstone(Mutant{
		Name: "capstone-cyclic-panic-leaks",
		Old: "\tbuilt := false\n\tdefer func() {\n" +
			"\t\tself.Drop() // the loan ends; nothing to do if build moved it away\n" +
			"\t\tif !built {\n\t\t\tb.releaseWeak() // no value, no destructor: give the reserved unit back\n\t\t}\n\t}()\n" +
			"\tb.value = build(&self)\n\tb.strong = 1\n\tbuilt = true\n",
		New:     "\tdefer self.Drop() // the loan ends\n\tb.value = build(&self)\n\tb.strong = 1\n",
		Bug:     "NewCyclic does not give the reserved implicit weak back when build panics",
		Symptom: "a box whose build panicked stays allocated forever",
	}),
}

// capstone sets m's file, module and tags to the capstone's.
func capstone(m Mutant) Mutant {
	m.File, m.Module, m.Tags = capstoneFile, capstoneModule, capstoneTags
	return m
}
