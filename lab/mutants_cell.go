package lab

// CellMutants are the bugs of package cell's RefCell: a borrow flag that
// lets a writer in beside readers, or loses count of its guards. They face
// cell's whole test suite, whose model-based test compares the flag with a
// model after every step.
var CellMutants = []Mutant{
	{
		Name: "cell-writer-beside-readers", File: "cell/refcell.go",
		Old:     "\tif c.flag != 0 {\n\t\tpanic(c.conflict(invariants.CellBorrowMut))\n",
		New:     "\tif c.flag == mutable {\n\t\tpanic(c.conflict(invariants.CellBorrowMut))\n",
		Bug:     "BorrowMut refuses only while another RefMut is live, and forgets the shared borrows",
		Symptom: "a writer changes a value that readers are in the middle of reading, the very thing the cell exists to stop",
	},
	{
		Name: "cell-reader-beside-writer", File: "cell/refcell.go",
		Old:     "func (c *RefCell[T]) Borrow() Ref[T] {\n\tif c.flag == mutable {\n\t\tpanic(c.conflict(invariants.CellBorrow))\n\t}\n",
		New:     "func (c *RefCell[T]) Borrow() Ref[T] {\n",
		Bug:     "Borrow does not look at the flag before counting a reader",
		Symptom: "a reader sees a value half-way through a write, and the flag, counting up from the writer's mark, no longer means anything",
	},
	{
		Name: "cell-release-clears", File: "cell/guard.go",
		Old:     "\tr.cell, r.released = nil, true\n\tc.flag--\n",
		New:     "\tr.cell, r.released = nil, true\n\tc.flag = 0\n",
		Bug:     "Ref.Release clears the whole flag instead of counting one reader out",
		Symptom: "when one of two readers is done, a writer is let in while the other still reads",
	},
	{
		Name: "cell-double-release", File: "cell/guard.go",
		Old:     "\tc := r.held(invariants.RefRelease)\n\tr.cell, r.released = nil, true\n",
		New:     "\tc := r.held(invariants.RefRelease)\n",
		Bug:     "Ref.Release lowers the flag but keeps the guard, so it can release again",
		Symptom: "a second Release takes away another reader's count, and a writer is let in while that reader still reads",
	},
	{
		Name: "cell-replace-unchecked", File: "cell/refcell.go",
		Old:     "\tif c.flag != 0 {\n\t\tpanic(c.conflict(invariants.CellReplace))\n\t}\n",
		New:     "",
		Bug:     "Replace swaps the value without looking at the borrow flag",
		Symptom: "a reader's value changes under it, through a method that looks harmless",
	},
}
