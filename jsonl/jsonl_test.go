package jsonl

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/readout/readout/record"
)

func TestReader(t *testing.T) {
	long := `{"id":7,"text":"` + strings.Repeat("a", 100) + `"}`
	tests := []struct {
		name  string
		in    string
		limit int
		want  []Line
	}{
		{"empty", "", 100, nil},
		{"lines", "a\nb\n", 100, []Line{{N: 1, Data: []byte("a")}, {N: 2, Data: []byte("b")}}},
		{"last line without a line end", "a\nb", 100, []Line{{N: 1, Data: []byte("a")}, {N: 2, Data: []byte("b")}}},
		{"blank lines count", "\n\na\n", 100, []Line{{N: 1, Data: []byte{}}, {N: 2, Data: []byte{}}, {N: 3, Data: []byte("a")}}},
		{"CRLF", "a\r\nb\r\n", 100, []Line{{N: 1, Data: []byte("a")}, {N: 2, Data: []byte("b")}}},
		{"byte-order mark at the start only", "\uFEFFa\n\uFEFFb\n", 100, []Line{{N: 1, Data: []byte("a")}, {N: 2, Data: []byte("\uFEFFb")}}},
		{"too long", "x\n" + long + "\ny\n", 50, []Line{{N: 1, Data: []byte("x")}, {N: 2, Data: []byte(long + "\n"), TooLong: true}, {N: 3, Data: []byte("y")}}},
		{"as long as the limit", "abc\r\n", 3, []Line{{N: 1, Data: []byte("abc")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tt.in), tt.limit)
			var got []Line
			for r.Scan() {
				got = append(got, r.Line())
			}
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d lines %v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i].N != tt.want[i].N || string(got[i].Data) != string(tt.want[i].Data) || got[i].TooLong != tt.want[i].TooLong {
					t.Errorf("line %d = %d %q %v, want %d %q %v", i+1, got[i].N, got[i].Data, got[i].TooLong, tt.want[i].N, tt.want[i].Data, tt.want[i].TooLong)
				}
			}
		})
	}
}

func TestReaderKeepsTheHeadOfAHugeLine(t *testing.T) {
	in := `{"id":"big","text":"` + strings.Repeat("a", 3*HeadBytes) + `"}` + "\n"
	r := NewReader(strings.NewReader(in), 1000)
	if !r.Scan() {
		t.Fatal("no line")
	}
	l := r.Line()
	if !l.TooLong || len(l.Data) != HeadBytes {
		t.Fatalf("TooLong %v, %d bytes kept; want true, %d", l.TooLong, len(l.Data), HeadBytes)
	}
	res := ConvertLine(context.Background(), l, Options{Source: "in", MaxBytes: 500})
	want := `{"id":"big","line":1,"error":"line is longer than 1000 bytes (twice --max-bytes)"}` + "\n"
	if string(res.Output) != want || res.Err == nil || res.Record != nil {
		t.Errorf("output %q (err %v), want %q", res.Output, res.Err, want)
	}
}

func TestConvertLine(t *testing.T) {
	const text = `Foreign Minister Jan Ek met Lind on Monday. \"We agreed,\" Ek said.`
	tests := []struct {
		name       string
		line       string
		wantPrefix string // of the output line
		wantErr    string // "" for a record
	}{
		{"record", `{"id":"a1","url":"u","text":"` + text + `"}`, `{"id":"a1","url":"u","schema":"readout/v1","source":"a1",`, ""},
		{"numeric id", `{"id":42,"text":"` + text + `"}`, `{"id":42,"schema":"readout/v1","source":"42",`, ""},
		{"no id: the source is SOURCE:N", `{"text":"` + text + `"}`, `{"id":null,"schema":"readout/v1","source":"in.jsonl:3",`, ""},
		{"blank", ``, `{"id":null,"line":3,"error":"blank line`, "blank line"},
		{"not JSON", `{"id":"a2",`, `{"id":null,"line":3,"error":"not JSON`, "not JSON"},
		{"no text", `{"id":"a3","date":"2024-01-01"}`, `{"id":"a3","date":"2024-01-01","line":3,"error":"no \"text\" field"}`, `no "text" field`},
		{"binary", `{"id":"a4","text":"a\u0000b"}`, `{"id":"a4","line":3,"error":"input is binary`, "input is binary"},
		{"over max-bytes", `{"id":"a5","text":"` + strings.Repeat("word ", 40) + `"}`, `{"id":"a5","line":3,"error":"input is 200 bytes, larger than --max-bytes 100"}`, "larger than --max-bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ConvertLine(context.Background(), Line{N: 3, Data: []byte(tt.line)}, Options{Source: "in.jsonl", MaxBytes: 100})
			if !strings.HasPrefix(string(res.Output), tt.wantPrefix) || !strings.HasSuffix(string(res.Output), "}\n") {
				t.Errorf("output %q, want it to start with %q", res.Output, tt.wantPrefix)
			}
			switch {
			case tt.wantErr == "" && (res.Err != nil || res.Record == nil):
				t.Errorf("err %v, record %v; want a record", res.Err, res.Record)
			case tt.wantErr != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), tt.wantErr) || res.Record != nil):
				t.Errorf("err %v, want %q and no record", res.Err, tt.wantErr)
			}
		})
	}
}

// TestConvertInput: a decoded input gives the bytes its line gives.
func TestConvertInput(t *testing.T) {
	line := []byte(`{"id":"x","outlet":{"name":"AP"},"text":"Ek met Lind. \"Yes,\" Ek said."}`)
	in, err := record.DecodeStreamLine(line)
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Source: "s"}
	a := ConvertLine(context.Background(), Line{N: 1, Data: line}, opt)
	b := ConvertInput(context.Background(), in, 1, opt)
	if string(a.Output) != string(b.Output) || a.Err != nil {
		t.Errorf("ConvertInput %q, ConvertLine %q (err %v)", b.Output, a.Output, a.Err)
	}
}

// TestHold: Hold is called with the text's length around its conversion,
// and not for a line that fails before.
func TestHold(t *testing.T) {
	var held []int
	released := 0
	opt := Options{Hold: func(n int) func() { held = append(held, n); return func() { released++ } }}
	ConvertLine(context.Background(), Line{N: 1, Data: []byte(`{"id":1,"text":"Ek met Lind."}`)}, opt)
	ConvertLine(context.Background(), Line{N: 2, Data: []byte(`{"id":2}`)}, opt)
	if len(held) != 1 || held[0] != len("Ek met Lind.") || released != 1 {
		t.Errorf("held %v, released %d times; want [12], once", held, released)
	}
}

func TestConvertLineCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := ConvertLine(ctx, Line{N: 1, Data: []byte(`{"id":1,"text":"Ek met Lind. \"Yes,\" Ek said."}`)}, Options{})
	if !errors.Is(res.Err, context.Canceled) && (res.Err == nil || !strings.Contains(res.Err.Error(), "cancel")) {
		t.Errorf("err %v, want the context's", res.Err)
	}
}
