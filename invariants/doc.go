// Package invariants states the seven rules every rcbook allocation obeys
// (I1–I7), and holds the checks the header runs at every mutating operation.
//
// The rules are data (see [Rules]) so that the book, the interactive demo and
// the tests can print and cite them. The checks are small functions over a
// header's counts and [State]; the header in package rc calls them before
// each operation touches it and after each slow-path transition.
//
// Checks are on by default. Building with -tags rcrelease sets [Enabled] to
// the constant false, and every check branch in the header compiles away.
// Two guards stay in both builds: a count that would overflow panics (I1), and
// an operation on an empty handle panics. Rust's std aborts on overflow, and
// refuses a moved value at compile time; rcbook panics on purpose, before
// anything is written, so that a test can recover the error.
//
// Every misuse panics with an [*Error] whose message names the package, the
// operation and, where one is broken, the invariant: "rc: Get: use after free (I5)".
package invariants
