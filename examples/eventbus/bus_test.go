package eventbus

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// receive takes one message from s, failing if none arrives soon.
func receive(t *testing.T, s *Subscription) any {
	t.Helper()
	select {
	case msg, ok := <-s.C():
		require.True(t, ok, "the subscription's channel closed while a message was expected")
		return msg
	case <-time.After(5 * time.Second):
		require.FailNow(t, "no message arrived: Publish must deliver into the subscriber's buffer")
		return nil
	}
}

// eventually waits until cond holds, for effects of a context's
// cancellation, which the watcher goroutine applies asynchronously.
func eventually(t *testing.T, cond func() bool, msg string) {
	t.Helper()
	assert.Eventually(t, cond, 5*time.Second, time.Millisecond, msg)
}

func TestTopicIsCreatedByTheFirstSubscriberAndRemovedWithTheLast(t *testing.T) {
	bus := New()
	assert.Equal(t, 0, bus.Topics(), "a new bus has no topics")
	a, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	assert.Equal(t, 1, bus.Topics(), "the first subscriber creates the topic")
	b, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	assert.Equal(t, 1, bus.Topics(), "the second subscriber joins the topic, it does not make another")
	assert.Equal(t, 2, bus.Subscribers("news"), "two subscribers")
	a.Close()
	assert.Equal(t, 1, bus.Topics(), "one subscriber left: the topic stays")
	b.Close()
	assert.Equal(t, 0, bus.Topics(), "the last subscriber left: the topic is removed")
	assert.Equal(t, 0, bus.Subscribers("news"), "a removed topic has no subscribers")
}

func TestPublishDeliversToEverySubscriber(t *testing.T) {
	bus := New()
	var subs []*Subscription
	for range 3 {
		s, err := bus.Subscribe(context.Background(), "news")
		require.NoError(t, err)
		subs = append(subs, s)
	}
	other, err := bus.Subscribe(context.Background(), "sport")
	require.NoError(t, err)
	assert.Equal(t, 3, bus.Publish("news", "hello"), "three subscribers of news: three deliveries")
	for i, s := range subs {
		assert.Equal(t, "hello", receive(t, s), "subscriber %d receives the message", i)
	}
	assert.Empty(t, other.C(), "a subscriber of another topic receives nothing")
	assert.Equal(t, 0, bus.Publish("weather", "sun"), "no subscribers: no deliveries")
	assert.Equal(t, 2, bus.Topics(), "publishing to a topic with no subscribers must not create it")
	for _, s := range append(subs, other) {
		s.Close()
	}
}

func TestSlowSubscriberMissesMessagesWithoutBlockingThePublisher(t *testing.T) {
	bus := NewWithBuffer(2)
	slow, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	fast, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	type result struct {
		counts []int
		got    []any
	}
	finished := make(chan result)
	go func() { // the publisher; the slow subscriber never reads meanwhile
		var r result
		for i := range 5 {
			r.counts = append(r.counts, bus.Publish("news", i))
			r.got = append(r.got, <-fast.C()) // the fast subscriber keeps up
		}
		finished <- r
	}()
	var r result
	select {
	case r = <-finished:
	case <-time.After(5 * time.Second):
		require.FailNow(t, "Publish blocked: a full subscriber must never block the publisher")
	}
	assert.Equal(t, []any{0, 1, 2, 3, 4}, r.got, "the fast subscriber receives everything, in order")
	assert.Equal(t, []int{2, 2, 1, 1, 1}, r.counts,
		"Publish counts only the subscribers that received: the slow one's buffer of 2 is full after 2")
	assert.Equal(t, 3, slow.Dropped(), "the slow subscriber misses the 3 messages that found its buffer full")
	assert.Equal(t, 0, fast.Dropped(), "the fast subscriber misses nothing")
	assert.Equal(t, 0, receive(t, slow), "the slow subscriber keeps the first messages it buffered")
	assert.Equal(t, 1, receive(t, slow), "in order")
	slow.Close()
	fast.Close()
}

func TestCancellingTheContextRemovesTheSubscriberAndTheEmptyTopic(t *testing.T) {
	bus := New()
	ctx, cancel := context.WithCancel(context.Background())
	leaving, err := bus.Subscribe(ctx, "news")
	require.NoError(t, err)
	staying, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	cancel()
	eventually(t, func() bool { return bus.Subscribers("news") == 1 },
		"a cancelled subscriber must leave its topic")
	_, open := <-leaving.C()
	assert.False(t, open, "the cancelled subscriber's channel is closed, so range loops end")
	assert.Equal(t, 1, bus.Publish("news", "x"), "only the staying subscriber receives")
	leaving.Close() // after cancellation: does nothing, and must not panic
	staying.Close()
	assert.Equal(t, 0, bus.Topics(), "no subscribers left: the topic is gone")

	ctx, cancel = context.WithCancel(context.Background())
	_, err = bus.Subscribe(ctx, "solo")
	require.NoError(t, err)
	require.Equal(t, 1, bus.Topics(), "the solo subscriber made its topic")
	cancel()
	eventually(t, func() bool { return bus.Topics() == 0 },
		"cancelling the only subscriber's context removes its topic")
}

func TestSubscribeWithADoneContextFails(t *testing.T) {
	bus := New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s, err := bus.Subscribe(ctx, "news")
	require.ErrorIs(t, err, context.Canceled, "Subscribe reports the context's error")
	assert.Nil(t, s, "and returns no subscription")
	assert.Equal(t, 0, bus.Topics(), "and creates no topic")
}

func TestCloseIsIdempotent(t *testing.T) {
	bus := New()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := bus.Subscribe(ctx, "news")
	require.NoError(t, err)
	s.Close()
	assert.NotPanics(t, s.Close, "a second Close does nothing, like a second context cancel")
	assert.Equal(t, 0, bus.Topics(), "and the topic was removed once")
	// goleak (TestMain) checks that Close stopped the context's watcher even
	// though ctx is still live.
}

func TestZeroBusIsReadyToUse(t *testing.T) {
	var bus Bus
	s, err := bus.Subscribe(context.Background(), "news")
	require.NoError(t, err)
	assert.Equal(t, 1, bus.Publish("news", 1), "the zero Bus delivers")
	assert.Equal(t, DefaultBuffer, cap(s.C()), "with the default buffer")
	s.Close()
}

func TestConcurrentSubscribersAndPublishers(t *testing.T) {
	defer goleak.VerifyNone(t)
	bus := NewWithBuffer(4)
	topics := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				topic := topics[(g+i)%len(topics)]
				ctx, cancel := context.WithCancel(context.Background())
				s, err := bus.Subscribe(ctx, topic)
				if err != nil {
					t.Errorf("Subscribe: %v", err)
					cancel()
					return
				}
				bus.Publish(topics[i%len(topics)], i)
				if i%2 == 0 {
					cancel()
					for range s.C() { // drain until the watcher closes it
					}
				} else {
					s.Close()
				}
				cancel()
				s.Close()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 0, bus.Topics(), "every subscriber left: every topic must be removed")
}
