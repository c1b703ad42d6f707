package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/readout/readout/parser"
)

func TestDbg(t *testing.T) {
	src := os.Getenv("DBG")
	if src == "" {
		t.Skip()
	}
	rules, _ := DefaultRules()
	d, _ := parser.Parse(context.Background(), src)
	x := newState(d, rules)
	x.findMentions()
	x.resolve()
	for _, tk := range d.Tokens {
		fmt.Printf("%s/%s ", tk.Text, tk.Tag)
	}
	fmt.Println()
	for _, m := range x.mentions {
		fmt.Printf("kind=%d %q ent=%d subj=%v head=%q\n", m.kind, d.Text(m.name), m.ent, m.subject, m.head)
	}
}
