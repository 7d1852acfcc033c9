// Package faults is the verification lab's switchboard: each Fault is one
// bug a real implementer of Rc makes, injected at the one line of the real
// header or handles where it would be made. The lab turns one on at a time
// and shows that the checks catch it.
//
// Every injection point reads `if faults.Enabled && faults.Active(faults.X)`.
// In normal builds Enabled is the constant false, so the compiler folds the
// condition and drops the branch whether or not it inlines anything: the
// fault costs nothing. (A helper function would not do: calls inside
// generic code are not always inlined, and the branch would survive.) Only
// a build with -tags rcmutant can switch a fault on.
package faults

// Fault names one deliberate bug.
type Fault string

// The faults, in the order the lab reports them.
const (
	LeakImplicitWeak       Fault = "leak-implicit-weak"
	DoubleWeakRelease      Fault = "double-weak-release"
	FreeWhileWeak          Fault = "free-while-weak"
	UpgradeResurrects      Fault = "upgrade-resurrects"
	GetMutStrongOnly       Fault = "getmut-strong-only"
	GetMutUnchecked        Fault = "getmut-unchecked"
	DestructorTwice        Fault = "destructor-twice"
	ImplicitWeakFirst      Fault = "implicit-weak-first"
	WeakCountShowsImplicit Fault = "weakcount-shows-implicit"
	MakeMutClonesForWeaks  Fault = "makemut-clones-for-weaks"
	MakeMutInPlaceForWeaks Fault = "makemut-inplace-for-weaks"
	TryUnwrapKeepsStrong   Fault = "tryunwrap-keeps-strong"
	CyclicUpgradable       Fault = "cyclic-upgradable"
	UncheckedOverflow      Fault = "unchecked-overflow"
)

// Info describes a fault for the lab's report and the playbook chapter.
type Info struct {
	Fault   Fault
	Bug     string // what the broken code does
	Symptom string // what a user of the broken Rc would see
}

// All lists every fault with its description.
var All = []Info{
	{LeakImplicitWeak, "the last strong Drop never releases the implicit weak",
		"allocations are never freed, even once every handle is gone"},
	{DoubleWeakRelease, "the last strong Drop releases the implicit weak and one Weak's unit too",
		"the allocation is freed while a Weak still points at it; that Weak's Drop frees it twice"},
	{FreeWhileWeak, "the allocation is freed when strong reaches 0, whatever the weak count",
		"a Weak that outlives the value reads freed memory when it upgrades"},
	{UpgradeResurrects, "Upgrade increments strong without testing that it is above 0",
		"a dropped value comes back to life through an old Weak"},
	{GetMutStrongOnly, "GetMut checks strong == 1 and forgets the Weaks (the tempting, unsound I6)",
		"a Weak upgrades and aliases a value someone is mutating through GetMut"},
	{GetMutUnchecked, "GetMut hands out a mutable pointer without any check",
		"two owners mutate one value, each believing it is theirs alone"},
	{DestructorTwice, "the destructor runs again where the implicit weak is released",
		"every value is dropped twice, and a value taken out by TryUnwrap is dropped under its new owner"},
	{ImplicitWeakFirst, "the last strong Drop releases the implicit weak before dropping the value",
		"a destructor that drops a Weak to its own allocation frees it mid-destructor"},
	{WeakCountShowsImplicit, "WeakCount reports the raw weak count, implicit weak included",
		"every WeakCount is one too high while the value lives"},
	{MakeMutClonesForWeaks, "MakeMut clones when only Weaks share the value, instead of moving it",
		"the original is dropped instead of moved, and a clone appears"},
	{MakeMutInPlaceForWeaks, "MakeMut mutates in place when only Weaks share the value",
		"an old Weak still upgrades and sees the value being mutated"},
	{TryUnwrapKeepsStrong, "moving the value out (TryUnwrap, IntoInner, MakeMut) leaves strong at 1",
		"a Weak upgrades to a value the caller already took; the allocation leaks"},
	{CyclicUpgradable, "NewCyclic starts the strong count at 1 while build runs",
		"build can upgrade its Weak and reach a value that does not exist yet"},
	{UncheckedOverflow, "Upgrade and Downgrade increment their count without the overflow test",
		"the strong count wraps around and the value is freed while in use"},
}
