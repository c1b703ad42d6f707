//go:build !linux

package main

import (
	"errors"
	"runtime"
	"time"
)

func pinToCPUs(n int) (restore func(), err error) {
	prev := runtime.GOMAXPROCS(n)
	return func() { runtime.GOMAXPROCS(prev) }, errors.New("CPU pinning is only implemented on Linux")
}

func flushFileSystems() {}

func processCPU() time.Duration { return 0 }
