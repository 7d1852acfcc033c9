package main

import "errors"

// playCmd is being written.
func playCmd([]string) error { return errors.New("play: not built yet") }
