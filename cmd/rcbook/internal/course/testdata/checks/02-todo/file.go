// Package todo is a fixture whose stubs panic TODO.
package todo

// File is a file.
type File struct{}
