package main

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// mountSmallFS mounts a tmpfs of size bytes on dir.
func mountSmallFS(dir string, size int) error {
	return unix.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size))
}

func unmount(dir string) { unix.Unmount(dir, 0) }
