package lab

// PoolMutants are bugs of the pooled last-drop shortcut (rc/pool.go,
// dropToPool). The model-based tests never reach it: the model's values
// have a destructor, which is how they check the drop order, and the
// shortcut is only for values with nothing to run. So rc's whole test
// suite hunts these, with the property test written for the shortcut
// (rc/pool_shortcut_test.go).
var PoolMutants = []Mutant{
	{
		Name: "pool-shortcut-ignores-weaks", File: "rc/pool.go",
		Old:     "\treturn b.Strong == 1 && b.Weak == 1 && b.cleanup == nil && b.home != nil && b.home.plain && !trace.Enabled\n",
		New:     "\treturn b.Strong == 1 && b.cleanup == nil && b.home != nil && b.home.plain && !trace.Enabled\n",
		Bug:     "the last Drop of a plain pooled value frees the header at once, although Weaks remain",
		Symptom: "the header goes back to the pool under a Weak, and the next New hands it to someone else",
	},
	{
		Name: "pool-shortcut-ignores-cleanup", File: "rc/pool.go",
		Old:     "\treturn b.Strong == 1 && b.Weak == 1 && b.cleanup == nil && b.home != nil && b.home.plain && !trace.Enabled\n",
		New:     "\treturn b.Strong == 1 && b.Weak == 1 && b.home != nil && b.home.plain && !trace.Enabled\n",
		Bug:     "the shortcut is taken for a pooled value that has a cleanup",
		Symptom: "the cleanup of a pooled value never runs: the file it should close stays open",
	},
	{
		Name: "pool-shortcut-ignores-reset", File: "rc/pool.go",
		Old:     "plain: plan == destructor.None && reset == nil}",
		New:     "plain: plan == destructor.None}",
		Bug:     "a pool with a reset hook takes the shortcut too, which zeroes the storage",
		Symptom: "Default no longer reuses what a dropped value owned: every reused buffer is allocated again",
	},
}
