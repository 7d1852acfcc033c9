package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// moduleRoot finds the rcbook checkout the command runs in: the nearest
// directory above the working directory whose go.mod is rcbook's.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/rcbook/rcbook\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run rcbook inside an rcbook checkout (no go.mod of module github.com/rcbook/rcbook found above here)")
		}
		dir = parent
	}
}
