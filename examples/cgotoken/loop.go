package cgotoken

/*
#include <stdint.h>
#include <stdlib.h>

// The C side: an event loop that keeps up to 8 subscribers as opaque
// integers and calls back into Go with each of them.
extern void goDeliver(uintptr_t token, char *event);
extern void goRelease(uintptr_t token);

static uintptr_t subscribers[8];
static int nsubscribers;

static int loop_subscribe(uintptr_t token) {
	if (nsubscribers == 8) return 0;
	subscribers[nsubscribers++] = token;
	return 1;
}

static void loop_publish(char *event) {
	for (int i = 0; i < nsubscribers; i++) goDeliver(subscribers[i], event);
}

// loop_close forgets every subscriber, newest first, telling Go each time.
static void loop_close(void) {
	while (nsubscribers > 0) goRelease(subscribers[--nsubscribers]);
}
*/
import "C"

import (
	"unsafe"

	"github.com/rcbook/rcbook/rc"
)

// Listener receives the events C publishes.
type Listener struct {
	Name     string
	Received []string
}

// Subscribe gives the C loop a strong unit of l: a clone of l, turned into
// a token. The Listener now lives at least until the loop closes. It
// reports false, and gives C nothing, if the loop is full.
func Subscribe(l *rc.Rc[*Listener]) bool {
	c := l.Clone()
	tok := c.IntoRaw() // c's unit is the token's now
	if C.loop_subscribe(C.uintptr_t(tok)) == 0 {
		rc.DecrementStrongCount[*Listener](tok) // C refused it: take the unit back
		return false
	}
	return true
}

// Publish has C deliver event to every subscriber, in the order they
// subscribed.
func Publish(event string) {
	s := C.CString(event)
	defer C.free(unsafe.Pointer(s))
	C.loop_publish(s)
}

// Close has C forget every subscriber, giving back each strong unit it
// held.
func Close() { C.loop_close() }
