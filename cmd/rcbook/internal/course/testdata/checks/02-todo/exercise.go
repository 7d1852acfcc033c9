package todo

// Open is a stub.
func Open(name string) string {
	panic("TODO: open the file")
}

// Close is a stub.
func (f *File) Close() {
	panic("TODO: close the file")
}
