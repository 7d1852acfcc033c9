package main

// Example pins the demo's story: go test fails if main's output changes.
func Example() {
	main()
	// Output:
	// alice subscribes to news: topics=1 subscribers=1
	// bob subscribes to news: topics=1 subscribers=2
	// publish "hello": delivered to 2
	// alice got "hello"
	// bob got "hello"
	// alice leaves: topics=1 subscribers=1
	// publish "bye": delivered to 1
	// bob got "bye"
	// bob leaves: topics=0
	// publish "anyone?": delivered to 0
}
