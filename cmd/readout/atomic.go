package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeFileAtomic writes data to path through a temporary file in the same
// folder and a rename, so a reader (or an interrupted run) never sees a
// half-written file. On any error the temporary file is removed.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", pathName(path), unwrapPath(err))
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("%s: %w", pathName(path), unwrapPath(err))
	}
	return renameIntoPlace(f, path, data, true)
}

// renameIntoPlace writes data to the new temporary file f, flushes it to
// disk when flush is set, closes it and renames it to path. On any error
// the temporary file is removed; the error names path (and wraps the
// rename's error, so a caller can tell a cross-device rename).
func renameIntoPlace(f *os.File, path string, data []byte, flush bool) error {
	tmp := f.Name()
	fail := func(what string, err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %s: %w", pathName(path), what, unwrapPath(err))
	}
	if _, err := f.Write(data); err != nil {
		return fail("write failed", err)
	}
	if flush {
		if err := f.Sync(); err != nil {
			return fail("write failed", err)
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: write failed: %w", pathName(path), unwrapPath(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: cannot write: %w", pathName(path), unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the *PathError wrapper so messages name a path once.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
