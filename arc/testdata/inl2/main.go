package main

import "github.com/rcbook/rcbook/arc"

func main() {
	r := arc.New(1)
	c := r.Clone()
	c.Drop()
	w := arc.Downgrade(&r)
	u, _ := w.Upgrade()
	u.Drop()
	w2 := w.Clone()
	w2.Drop()
	w.Drop()
	r.Drop()
}
