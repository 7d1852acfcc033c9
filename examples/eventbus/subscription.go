package eventbus

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/rcbook/rcbook/rcmap"
)

// Subscription is one subscriber of one topic. It receives messages on C
// until it leaves, by Close or by the cancellation of its context.
type Subscription struct {
	topic   rcmap.Handle[string, *topicSet] // this subscriber's share of the topic
	ch      chan any
	dropped atomic.Int64
	once    sync.Once     // guards leave: Close and the watcher may both try
	stop    chan struct{} // closed by leave: tells the watcher to exit
	exited  chan struct{} // closed when the watcher has exited
}

// C returns the channel on which the subscription receives its topic's
// messages, in the order they were published. C is closed when the
// subscription has left and given up its share of the topic (so a topic
// it was the last subscriber of is already removed); messages already
// buffered can still be received, so `for msg := range s.C()` ends after
// the last of them.
func (s *Subscription) C() <-chan any { return s.ch }

// Dropped returns how many messages this subscriber missed because its
// buffer was full when they were published.
func (s *Subscription) Dropped() int { return int(s.dropped.Load()) }

// Close makes the subscription leave its topic: it receives no more
// messages, C is closed, and if it was the topic's last subscriber the
// topic is removed. When Close returns, the goroutine that watched the
// subscription's context has exited. Close is idempotent: calling it again,
// or after the context was cancelled, does nothing. This matches
// context.CancelFunc, since both roads lead to the same leaving.
func (s *Subscription) Close() {
	s.once.Do(s.leave)
	<-s.exited
}

// watch leaves the topic when ctx is cancelled, and exits when the
// subscription left by either road.
func (s *Subscription) watch(ctx context.Context) {
	defer close(s.exited)
	select {
	case <-ctx.Done():
		s.once.Do(s.leave)
	case <-s.stop:
	}
}

// leave runs once: out of the topic's set, the topic's handle released
// (which removes an empty topic), then the channel closed, so that whoever
// sees C closed also sees the topic's count without this subscriber.
func (s *Subscription) leave() {
	set := s.topic.Value()
	set.mu.Lock()
	delete(set.subs, s)
	set.mu.Unlock()
	s.topic.Release()
	// Publish sends only to members of the set, under set.mu; we left the
	// set under that lock, so nobody can send on ch any more: closing it
	// is safe.
	close(s.ch)
	close(s.stop)
}
