package rcmap

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// TestWaitersAgainstTheClock is a property on the bubble's clock: one
// goroutine's create takes a random time and succeeds or fails; waiters
// arrive at random moments while it runs, some with a deadline. The model
// is a timeline. A waiter whose deadline falls before create returns gets
// context.DeadlineExceeded; every other waiter gets what the creator got;
// create runs once; and the entry's count is exactly the handles handed
// out, so releasing them removes it with one cleanup. Durations are whole
// milliseconds for create and odd half-milliseconds for deadlines, so a
// deadline never ties with create's return.
func TestWaitersAgainstTheClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rapid.Check(inBubble{t}, func(rt *rapid.T) {
			createTakes := time.Duration(rapid.IntRange(2, 50).Draw(rt, "create ms")) * time.Millisecond
			fails := rapid.Bool().Draw(rt, "create fails")
			type waiter struct {
				arrives  time.Duration
				deadline time.Duration // 0: none
			}
			waiters := rapid.SliceOfN(rapid.Custom(func(rt *rapid.T) waiter {
				w := waiter{arrives: time.Duration(rapid.IntRange(1, 1000).Draw(rt, "arrives µs")) * time.Microsecond}
				if rapid.Bool().Draw(rt, "has deadline") {
					w.deadline = time.Duration(2*rapid.IntRange(0, 60).Draw(rt, "deadline half-ms")+1) * time.Millisecond / 2
				}
				return w
			}), 0, 6).Draw(rt, "waiters")

			errDown := errors.New("down")
			cleanups := 0
			m := New(func(string, int) { cleanups++ })
			calls := 0
			create := func() (int, error) {
				calls++
				time.Sleep(createTakes)
				if fails {
					return 0, errDown
				}
				return 7, nil
			}
			start := time.Now()
			creator := acquireAsync(context.Background(), m, "k", create)
			outs := make([]<-chan outcome, len(waiters))
			for i, w := range waiters {
				out := make(chan outcome, 1)
				outs[i] = out
				go func() {
					time.Sleep(w.arrives)
					ctx := context.Background()
					if w.deadline > 0 {
						var cancel context.CancelFunc
						ctx, cancel = context.WithTimeout(ctx, w.deadline)
						defer cancel()
					}
					h, created, err := m.Acquire(ctx, "k", func() (int, error) { return -1, nil })
					out <- outcome{&h, created, err}
				}()
			}

			first := <-creator
			require.Equal(rt, createTakes, time.Since(start), "the bubble's clock: create took exactly its time")
			var handles []*Handle[string, int]
			if fails {
				require.ErrorIs(rt, first.err, errDown, "the creator gets create's error")
			} else {
				require.NoError(rt, first.err, "the creator gets create's value")
				require.True(rt, first.created, "the creator created")
				handles = append(handles, first.h)
			}
			for i, w := range waiters {
				o := <-outs[i]
				gaveUp := w.deadline > 0 && w.arrives+w.deadline < createTakes
				switch {
				case gaveUp:
					require.ErrorIs(rt, o.err, context.DeadlineExceeded,
						"waiter %d: its deadline (%v after %v) passed before create returned (%v)", i, w.deadline, w.arrives, createTakes)
				case fails:
					require.ErrorIs(rt, o.err, errDown, "waiter %d: it waited to the end and gets create's error", i)
				default:
					require.NoError(rt, o.err, "waiter %d: it waited to the end and joins", i)
					require.False(rt, o.created, "waiter %d joined, it did not create", i)
					require.Equal(rt, 7, o.h.Value(), "waiter %d reaches the created value", i)
					handles = append(handles, o.h)
				}
			}
			require.Equal(rt, 1, calls, "create ran once for the creator and all its waiters")
			require.Equal(rt, len(handles), m.Count("k"), "the count is the handles handed out, no more, no less")
			for _, h := range handles {
				h.Release()
			}
			require.Equal(rt, 0, m.Len(), "releasing every handle empties the map")
			require.Equal(rt, min(len(handles), 1), cleanups, "an entry that lived gets one cleanup, one that failed none")
		})
	})
}

// inBubble hides a bubble's *testing.T from rapid, which would otherwise
// ask it for the test's deadline, a call synctest forbids inside a bubble.
// rapid then measures its own time limits on the bubble's clock.
type inBubble struct{ rapid.TB }
