//go:build !linux

package main

import "errors"

func mountSmallFS(string, int) error { return errors.ErrUnsupported }

func unmount(string) {}
