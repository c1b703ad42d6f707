package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
)

// stagingArea writes a batch's records atomically, and fast enough that a
// batch scales with its workers.
//
// Creating a file takes its folder's lock for the whole of the inode's
// allocation, which on a loaded disk costs more than converting the
// article. Two workers writing temporary files next to their outputs (the
// way writeFileAtomic does) queue on the same folder, since neighbouring
// inputs share one. So each worker writes into a private folder under
// OUT/.readout-tmp-*/ and renames the finished file into place: a rename
// only holds the folders' locks for a moment.
//
// Records are not flushed one by one: a flush per file forces a journal
// commit per file and serialises the workers again. The batch flushes the
// output file system once at the end (finish), before it reports success,
// so a batch that exits 0 is on disk. A crash mid-batch can leave a
// renamed record empty, which upToDate treats as missing, so resuming
// converts it again. Where the whole file system cannot be flushed at once
// (not Linux), each file is flushed before its rename.
//
// The batch holds a lock on its staging root while it runs (lockFolder),
// so that a later batch can tell a root left by a killed batch, which it
// removes (removeStaleStaging), from one in use.
type stagingArea struct {
	out  string // the output folder
	mu   sync.Mutex
	root string   // OUT/.readout-tmp-*, made on first use
	lock *os.File // holds root's lock while the batch runs
	err  error    // why root could not be made: fall back to writeFileAtomic

	free  chan string // one private folder per concurrent writer; "" not yet made
	seq   atomic.Uint64
	wrote atomic.Bool
}

// stagingFault, when a test sets it, fails the writes it returns an error
// for, as a full disk would.
var stagingFault func(path string) error

func newStagingArea(out string, writers int) *stagingArea {
	s := &stagingArea{out: out, free: make(chan string, writers)}
	for range writers {
		s.free <- ""
	}
	return s
}

// write stores data at path atomically: a reader never sees part of it.
// The error names path.
func (s *stagingArea) write(path string, data []byte) error {
	if stagingFault != nil {
		if err := stagingFault(path); err != nil {
			return fmt.Errorf("%s: write failed: %w", pathName(path), err)
		}
	}
	dir := <-s.free
	defer func() { s.free <- dir }()
	if dir == "" {
		var err error
		if dir, err = s.privateFolder(); err != nil {
			return writeFileAtomic(path, data) // unusual: read-only parent of a writable folder
		}
	}
	tmp := filepath.Join(dir, ".rec.tmp-"+strconv.FormatUint(s.seq.Add(1), 10))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", pathName(path), unwrapPath(err))
	}
	s.wrote.Store(true)
	err = renameIntoPlace(f, path, data, !canSyncFS)
	if errors.Is(err, syscall.EXDEV) { // a mount inside the output folder
		return writeFileAtomic(path, data)
	}
	return err
}

// privateFolder makes a folder no other writer uses, and the staging
// root on first use.
func (s *stagingArea) privateFolder() (string, error) {
	s.mu.Lock()
	if s.root == "" && s.err == nil {
		s.root, s.err = os.MkdirTemp(s.out, stagingPrefix)
		if s.err == nil {
			s.lock, _, _ = lockFolder(s.root)
		}
	}
	root, err := s.root, s.err
	s.mu.Unlock()
	if err != nil {
		return "", err
	}
	return os.MkdirTemp(root, "w")
}

// finish flushes what was written to disk and removes the staging
// folders. It is called once every writer is done, also after an
// interrupt.
func (s *stagingArea) finish() error {
	var err error
	if s.wrote.Load() && canSyncFS {
		if err = syncFS(s.out); err != nil {
			err = fmt.Errorf("%s: flushing the records to disk: %w", pathName(s.out), err)
		}
	}
	if s.root != "" {
		os.RemoveAll(s.root)
	}
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// stagingPrefix starts the name of a batch's staging folder in OUT.
const stagingPrefix = ".readout-tmp-"

// removeStaleStaging removes the staging folders in out that no running
// batch holds (left by a batch that was killed), and returns their paths.
// A folder that cannot be locked or removed is left as it is.
func removeStaleStaging(out string) []string {
	dirs, _ := filepath.Glob(filepath.Join(out, stagingPrefix+"*"))
	var removed []string
	for _, dir := range dirs {
		if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
			continue
		}
		lock, busy, err := lockFolder(dir)
		if err != nil || busy {
			continue
		}
		if os.RemoveAll(dir) == nil {
			removed = append(removed, dir)
		}
		lock.Close()
	}
	return removed
}
