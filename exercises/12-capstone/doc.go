// Package capstone is exercise 12: your own header, Rc and Weak, written from
// scratch in one package and checked by the same model harness that checks
// rcbook's rc and weak (package invariants/model).
//
// The files:
//
//   - exercise.go: the header (box), the strong handle (Rc) and the weak
//     handle (Weak), every body still a TODO. This is the file you write.
//   - destructor.go: runDestructor, which drops a value the way rc does
//     (given).
//   - impl.go: the adapter that shows your Rc and Weak to the harness as a
//     model.Impl (given; it is lab/impl.go written against your types).
//   - basics_test.go: small tests, one per step of the README, to run first.
//   - model_test.go: the harness's rapid state machine and its exhaustive
//     explorer, run against your implementation.
//
// Like rcbook's own handles, Rc and Weak are not safe for concurrent use, and
// a handle must not be copied with =: use Clone to share it, Move to hand it
// over.
package capstone
