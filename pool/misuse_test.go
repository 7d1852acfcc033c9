package pool_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// These refusals are argument checks, not header checks: they hold in every
// build, -tags rcrelease included, so they do not call rctest.RequireChecks.

// TestNewPoolWithANegativeMaximumSizePanics proves that NewPool refuses a
// negative maximum with an *invariants.Error naming pool.NewPool, and
// accepts 0 (a null pool) and positive sizes.
func TestNewPoolWithANegativeMaximumSizePanics(t *testing.T) {
	for _, max := range []int{-1, -2, -1 << 40} {
		requireRefused(t, func() { pool.NewPool[int](max, nil) }, "",
			"rc: NewPool: negative maximum size",
			"a pool cannot keep a negative number of headers")
	}
	for _, max := range []int{0, 1, 100} {
		p := pool.NewPool[int](max, nil)
		assert.Equal(t, max, p.MaxSize(), "NewPool(%d) is a valid pool of that maximum", max)
	}
}

// TestNilPoolPanics proves that every function taking a pool refuses a nil
// one with an *invariants.Error that names the operation, before allocating
// anything.
func TestNilPoolPanics(t *testing.T) {
	cases := []struct {
		name, want string
		use        func()
	}{
		{"New", "rc: Pool.New: nil pool", func() { r := pool.New(nil, 1); r.Drop() }},
		{"NewWithCleanup", "rc: Pool.NewWithCleanup: nil pool", func() {
			r := pool.NewWithCleanup(nil, 1, func(int) {})
			r.Drop()
		}},
		{"Default", "rc: Pool.Default: nil pool", func() { r := pool.Default[int](nil); r.Drop() }},
		{"Fill", "rc: Pool.Fill: nil pool", (*pool.Pool[int])(nil).Fill},
		{"Live", "rc: Pool.Live: nil pool", func() { (*pool.Pool[int])(nil).Live() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			before := rc.LiveAllocations()
			requireRefused(t, c.use, "", c.want, "a nil pool has nowhere to take headers from or return them to")
			rctest.RequireLive(t, before, 0, "the refused call allocated nothing")
		})
	}
}
