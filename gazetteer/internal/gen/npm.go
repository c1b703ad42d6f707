package main

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// tarballName is the file `npm pack` writes for a package.
func tarballName(s source) string {
	n := strings.TrimPrefix(s.Name, "@")
	n = strings.ReplaceAll(n, "/", "-")
	return n + "-" + s.Version + ".tgz"
}

// fetch returns the path of the package's tarball in dir, running
// `npm pack NAME@VERSION` when it is not there yet, and checks its SHA-256.
func fetch(s source, dir string) (string, error) {
	p := filepath.Join(dir, tarballName(s))
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		cmd := exec.Command("npm", "pack", "--silent", s.Name+"@"+s.Version, "--pack-destination", dir)
		cmd.Stderr = os.Stderr
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("npm pack %s@%s: %w", s.Name, s.Version, err)
		}
	}
	sum, err := fileSHA256(p)
	if err != nil {
		return "", err
	}
	if sum != s.SHA256 {
		return "", fmt.Errorf("%s: sha256 %s, want %s (delete it to fetch it again, or update the pin)", p, sum, s.SHA256)
	}
	return p, nil
}

func fileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readTar calls fn for each regular file of the tarball whose name match
// accepts, with the file's content.
func readTar(tgz string, match func(name string) bool, fn func(name string, data []byte) error) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg || !match(h.Name) {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return err
		}
		if err := fn(h.Name, data); err != nil {
			return err
		}
	}
}

// tarFile returns one file of the tarball.
func tarFile(tgz, name string) ([]byte, error) {
	var out []byte
	err := readTar(tgz, func(n string) bool { return n == name }, func(_ string, d []byte) error {
		out = d
		return nil
	})
	if err == nil && out == nil {
		err = fmt.Errorf("%s: no %s", tgz, name)
	}
	return out, err
}

// extractTar unpacks the whole tarball under dir (for the packages that
// node has to load as modules).
func extractTar(tgz, dir string) error {
	return readTar(tgz, func(string) bool { return true }, func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if !strings.HasPrefix(p, filepath.Clean(dir)+string(os.PathSeparator)) {
			return fmt.Errorf("%s: path escapes %s", name, dir)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, data, 0o644)
	})
}
