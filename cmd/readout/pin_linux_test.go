package main

import (
	"os"
	"runtime"
	"strconv"
	"time"

	"golang.org/x/sys/unix"
)

// pinToCPUs restricts every thread of the process to the first n CPUs it
// may use, and GOMAXPROCS to n; restore undoes both. Threads made later
// inherit the mask of the thread that makes them.
func pinToCPUs(n int) (restore func(), err error) {
	var old unix.CPUSet
	if err := unix.SchedGetaffinity(0, &old); err != nil {
		return func() {}, err
	}
	var set unix.CPUSet
	for c, k := 0, 0; c < 1024 && k < n; c++ {
		if old.IsSet(c) {
			set.Set(c)
			k++
		}
	}
	prev := runtime.GOMAXPROCS(n)
	apply := func(s *unix.CPUSet) error {
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return err
		}
		for _, t := range tasks {
			tid, _ := strconv.Atoi(t.Name())
			if err := unix.SchedSetaffinity(tid, s); err != nil {
				return err
			}
		}
		return nil
	}
	restore = func() {
		apply(&old)
		runtime.GOMAXPROCS(prev)
	}
	return restore, apply(&set)
}

// flushFileSystems writes dirty pages back before a timed run.
func flushFileSystems() { unix.Sync() }

// processCPU is the user and system time the process has used.
func processCPU() time.Duration {
	var ru unix.Rusage
	unix.Getrusage(unix.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
