//go:build !race

package main

// raceDetector: the tests run under the race detector (make race).
const raceDetector = false
