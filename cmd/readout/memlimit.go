package main

import (
	"math"
	"runtime/debug"
	"sync"
)

// The Go runtime lets the heap grow to twice what was live after the last
// collection before it collects again. A large input is converted in
// windows (readout.WindowBytes), so what is live while it is converted is
// the program, one window's analysis, and a few times the input (its
// bytes, its text, its record and the record's encoding); the garbage of
// the windows done would double that. While large inputs are being
// converted, the soft memory limit is held near what is live, which makes
// the collector work harder near that mark instead; with only small
// inputs (or once they are done) the runtime's default applies again. A
// limit the user set (GOMEMLIMIT) is left as it is.
const (
	largeInput        = 1 << 20  // inputs from this size count
	limitBase         = 32 << 20 // the limit's allowance for the program and a window
	limitPerInputByte = 6        // and for each byte of input in conversion
)

var memLimit struct {
	sync.Mutex
	inFlight int64 // bytes of large inputs being converted
	userSet  bool  // GOMEMLIMIT was given: leave the limit alone
	checked  bool
}

// holdMemoryFor accounts for an input of n bytes while it is converted;
// call the returned function when it is done (its record encoded).
func holdMemoryFor(n int) (release func()) {
	if n < largeInput {
		return func() {}
	}
	adjustMemoryLimit(int64(n))
	return func() { adjustMemoryLimit(-int64(n)) }
}

func adjustMemoryLimit(delta int64) {
	memLimit.Lock()
	defer memLimit.Unlock()
	if !memLimit.checked {
		memLimit.checked = true
		memLimit.userSet = debug.SetMemoryLimit(-1) != math.MaxInt64
	}
	if memLimit.userSet {
		return
	}
	memLimit.inFlight += delta
	if memLimit.inFlight <= 0 {
		memLimit.inFlight = 0
		debug.SetMemoryLimit(math.MaxInt64)
		return
	}
	debug.SetMemoryLimit(limitBase + limitPerInputByte*memLimit.inFlight)
}
