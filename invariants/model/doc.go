// Package model is rcbook's reference model and the property-test harness
// built on it.
//
// The model (Model) is a plain description of what Rust's Rc and Weak must
// do: a list of allocations with their strong and weak counts and the value
// inside, and a list of values with their fate. It has no header, no
// pointers, no cleverness: each operation is a few lines anyone can check
// against Rust's documentation.
//
// The harness drives an implementation through the Impl interface and the
// model side by side, and after every step compares the two: counts,
// values, live allocations, and the destructor log (each value dropped
// exactly once, exactly when its last strong handle went). Explore runs
// every step sequence up to a depth; a Session takes steps one at a time
// for someone else, such as the rapid state machine of package modeltest,
// which picks them at random. A disagreement is a Mismatch (what was
// checked, the rule at stake, what was expected and what was seen), inside
// a Violation that lists the steps that led to it, so that every tool
// reports it the same way and none parses text.
//
// The steps reach the whole surface a user can: besides every operation,
// destructors and cleanups that panic, values equal to one another, MakeMut
// clone functions that drop the other owners, and, where the Impl is a
// StaleCopier and the checks are compiled in, misuse: handles copied without
// Clone, used once their allocation has moved on (the value dropped, the
// allocation freed, a pool's header reused), where every use must be refused
// with an *invariants.Error and change nothing. With -tags rcrelease such a
// use is undefined behaviour, and the harness takes no misuse step.
//
// Any implementation can be checked by writing a small adapter to Impl:
// rcbook's own rc (lab.Rc, tested in rc/model_test.go), arc (lab.Arc,
// tested in arc/arcmodel_test.go), the exercises' capstone, and the broken
// variants of the verification lab. This package imports no test library, so a command
// can explore without linking one.
package model
