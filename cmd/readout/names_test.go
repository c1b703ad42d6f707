package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFileNamesInErrors: error lines name a file as it is when its name
// is plain printable text, and quoted with Go's %q rules otherwise (a line
// break, a tab, two spaces, a space at an end, an escape sequence, a
// format character, bytes that are not UTF-8), so that the line is one
// line, names the file exactly and cannot drive the terminal.
func TestFileNamesInErrors(t *testing.T) {
	for _, tc := range []struct{ file, shown string }{ // shown: how in/FILE is shown
		{"plain.txt", "in/plain.txt"},
		{"with space.txt", "in/with space.txt"},
		{"café – «notes».txt", "in/café – «notes».txt"},
		{"new\nline.txt", `"in/new\nline.txt"`},
		{"tab\there.txt", `"in/tab\there.txt"`},
		{"two  spaces.txt", `"in/two  spaces.txt"`},
		{"end .txt ", `"in/end .txt "`},
		{"\x1b[2Jclear.txt", `"in/\x1b[2Jclear.txt"`},
		{"rtl\u202eTXT.exe", `"in/rtl\u202eTXT.exe"`},
		{"caf\xe9.txt", `"in/caf\xe9.txt"`},
	} {
		t.Run(tc.shown, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.Mkdir("in", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("in", tc.file), []byte("binary\x00data"), 0o644); err != nil {
				t.Skipf("this file system does not take the name: %v", err)
			}
			os.Mkdir("streams", 0o755)
			os.WriteFile(filepath.Join("streams", tc.file), []byte("not JSON\n"), 0o644)
			for _, run := range []struct {
				args []string
				want string
			}{
				{[]string{"parse", filepath.Join("in", tc.file)}, "readout: " + tc.shown + ": input is binary, not text (NUL byte at offset 6)\n"},
				{[]string{"batch", "in", "--out", "out", "--glob", "*", "-q"}, "readout: " + tc.shown + ": input is binary, not text (NUL byte at offset 6)\n"},
				{[]string{"parse", "--input", "jsonl", filepath.Join("streams", tc.file)}, "readout: " + strings.Replace(tc.shown, "in/", "streams/", 1) + ":1: not JSON: invalid character 'o' in literal null (expecting 'u')\n"},
				{[]string{"parse", filepath.Join("missing", tc.file)}, "readout: " + strings.Replace(tc.shown, "in/", "missing/", 1) + ": no such file\n"},
			} {
				var errb bytes.Buffer
				runIn(context.Background(), run.args, nil, io.Discard, &errb)
				if errb.String() != run.want {
					t.Errorf("%q: stderr %q, want %q", run.args, errb.String(), run.want)
				}
			}
		})
	}
}
