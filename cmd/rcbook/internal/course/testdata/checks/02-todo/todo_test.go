package todo

import "testing"

func TestOpen(t *testing.T) {
	if Open("a") != "a" {
		t.Fatal("Open must return the name")
	}
}

func TestNothingToWrite(t *testing.T) {}

func TestClose(t *testing.T) {
	(&File{}).Close()
}
