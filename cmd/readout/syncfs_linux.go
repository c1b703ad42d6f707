package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// canSyncFS: Linux flushes a whole file system with one syncfs(2).
const canSyncFS = true

// syncFS flushes the file system that holds dir.
func syncFS(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}
