// Package eventbus is a small publish/subscribe bus whose topics are
// entries of an rcmap.Map: the first Subscribe to a topic creates it, and
// the topic is removed when its last subscriber leaves, by Close or by the
// cancellation of the context it subscribed with. Nobody sweeps empty
// topics; the reference count does it.
//
// Delivery never blocks the publisher. Each subscription has a buffered
// channel; Publish sends to every subscriber's channel without waiting, and
// when a subscriber's buffer is full, that subscriber misses the message:
// it is dropped for that subscriber only, and counted in its Dropped. A
// slow subscriber thus loses messages instead of slowing everyone down.
//
// A Bus and its Subscriptions are safe for concurrent use.
package eventbus

import (
	"context"
	"sync"

	"github.com/rcbook/rcbook/rcmap"
)

// DefaultBuffer is the number of messages a subscriber's channel holds
// when the Bus was made with New (or is the zero Bus).
const DefaultBuffer = 16

// Bus routes messages from publishers to the subscribers of a topic. The
// zero Bus is ready to use, with DefaultBuffer. A Bus must not be copied
// after first use.
type Bus struct {
	buffer int                          // channel capacity per subscriber; 0 means DefaultBuffer
	topics rcmap.Map[string, *topicSet] // the zero rcmap.Map is ready to use
}

// topicSet is one topic's subscribers. Its handles in the bus's map are the
// subscriptions' (one each) and, for the length of one Publish or
// Subscribers call, the caller's.
type topicSet struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{} // guarded by mu
}

// New returns a bus whose subscribers each buffer DefaultBuffer messages.
func New() *Bus { return &Bus{} }

// NewWithBuffer returns a bus whose subscribers each buffer n messages. It
// panics if n < 1: with no buffer, every subscriber that is not already
// waiting would miss every message.
func NewWithBuffer(n int) *Bus {
	if n < 1 {
		panic("eventbus: NewWithBuffer: buffer must be at least 1")
	}
	return &Bus{buffer: n}
}

// Subscribe adds a subscriber to topic, creating the topic if it has none.
// The subscription receives every message published to topic from now on,
// until it leaves: when Close is called or ctx is cancelled, whichever
// comes first. If ctx is already done, or ends while another Subscribe is
// still creating the topic, Subscribe returns ctx's error and subscribes
// nothing.
func (b *Bus) Subscribe(ctx context.Context, topic string) (*Subscription, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	buffer := b.buffer
	if buffer == 0 {
		buffer = DefaultBuffer
	}
	s := &Subscription{
		ch:     make(chan any, buffer),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	// Acquire fills in the subscription's handle where it stays: a Handle
	// is a value that must not be copied.
	var err error
	s.topic, _, err = b.topics.Acquire(ctx, topic, func() (*topicSet, error) {
		return &topicSet{subs: make(map[*Subscription]struct{})}, nil
	})
	if err != nil { // ctx ended while another Subscribe was creating the topic
		return nil, err
	}
	set := s.topic.Value()
	set.mu.Lock()
	set.subs[s] = struct{}{}
	set.mu.Unlock()
	if ctx.Done() == nil { // a context that can never be cancelled needs no watcher
		close(s.exited)
	} else {
		go s.watch(ctx)
	}
	return s, nil
}

// Publish sends msg to every current subscriber of topic and returns how
// many received it into their buffer. Subscribers whose buffer is full miss
// it (their Dropped grows by 1) and are not counted. Publish never blocks
// on a subscriber, and publishing to a topic with no subscribers does
// nothing and returns 0; it does not create the topic.
func (b *Bus) Publish(topic string, msg any) int {
	return b.withTopic(topic, func(set *topicSet) int {
		delivered := 0
		for s := range set.subs {
			// Under set.mu: a subscriber leaves the set under the same lock
			// before its channel is closed, so this never sends on a closed
			// channel.
			select {
			case s.ch <- msg:
				delivered++
			default:
				s.dropped.Add(1)
			}
		}
		return delivered
	})
}

// Topics returns the number of topics that have subscribers (or a Publish
// in progress). It is a snapshot.
func (b *Bus) Topics() int { return b.topics.Len() }

// Subscribers returns the number of current subscribers of topic. It is a
// snapshot.
func (b *Bus) Subscribers(topic string) int {
	return b.withTopic(topic, func(set *topicSet) int { return len(set.subs) })
}

// withTopic runs f on topic's subscriber set, locked, and returns its
// result; it returns 0 without creating anything if the topic has no
// subscribers. The joined handle keeps the topic alive while f runs; if
// every subscriber leaves meanwhile, its Release removes the topic.
func (b *Bus) withTopic(topic string, f func(set *topicSet) int) int {
	h, found := b.topics.Join(topic)
	if !found {
		return 0
	}
	defer h.Release()
	set := h.Value()
	set.mu.Lock()
	defer set.mu.Unlock()
	return f(set)
}
