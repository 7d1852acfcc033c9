// Package model is rcbook's reference model and the property-test harness
// built on it.
//
// The model (Model) is a plain description of what Rust's Rc and Weak must
// do: a list of allocations with their strong and weak counts and the value
// inside, and a list of values with their fate. It has no header, no
// pointers, no cleverness: each operation is a few lines anyone can check
// against Rust's documentation.
//
// The harness (Machine) is a rapid state machine that drives an
// implementation through the Impl interface and the model side by side,
// picks operations at random, and after every step compares the two: counts,
// values, live allocations, and the destructor log (each value dropped
// exactly once, exactly when its last strong handle went). Any
// implementation can be checked by writing a small adapter to Impl: rcbook's
// own rc and weak (package properties), the exercises' capstone, the broken
// variants of the verification lab.
package model
