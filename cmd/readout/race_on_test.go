//go:build race

package main

// raceDetector: the tests run under the race detector (make race), where
// each conversion is several times slower: the concurrency tests take
// fewer rounds, as many goroutines.
const raceDetector = true
