package record

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Schema is the record version every Readout carries.
const Schema = "readout/v1"

// Readout is the readout/v1 record of one article (see README: the output
// contract). Lists are never nil, so they encode as [] rather than null.
type Readout struct {
	Schema       string        `json:"schema" yaml:"schema"`
	Source       string        `json:"source" yaml:"source"`
	Title        string        `json:"title,omitempty" yaml:"title,omitempty"`
	Provenance   Provenance    `json:"provenance" yaml:"provenance"`
	Speakers     []Speaker     `json:"speakers" yaml:"speakers"`
	Quotes       []Quote       `json:"quotes" yaml:"quotes"`
	Counterparts []Counterpart `json:"counterparts" yaml:"counterparts"`
	Pledges      []Pledge      `json:"pledges" yaml:"pledges"`
	Warnings     []string      `json:"warnings,omitempty" yaml:"warnings,omitempty"`
	// Text is, for HTML input only, the article text extracted from the
	// page: the spans are byte offsets into it, so Text[start:end] is an
	// item's evidence. Empty (and left out) for text input, whose spans
	// index the input itself.
	Text string `json:"text,omitempty" yaml:"text,omitempty"`
}

// Provenance says what made a record, so that records made by different
// versions or rules can be told apart.
type Provenance struct {
	// Version is readout's version: a module version such as v1.2.0, a
	// pseudo-version for a build from a clone, "(devel)", or what the
	// build set with -ldflags "-X github.com/readout/readout.version=…".
	Version string `json:"version" yaml:"version"`
	// Rules is the hash of the effective rules (the built-in rule files
	// and the --rules files, in order): "sha256:" and 64 hex digits.
	Rules string `json:"rules" yaml:"rules"`
}

// Speaker is a person or institution that says something in the article.
type Speaker struct {
	Name        string   `json:"name" yaml:"name"`
	Title       string   `json:"title,omitempty" yaml:"title,omitempty"`
	Affiliation string   `json:"affiliation,omitempty" yaml:"affiliation,omitempty"`
	Aliases     []string `json:"aliases" yaml:"aliases,flow"`
	Mentions    []Span   `json:"mentions" yaml:"mentions,flow"`
}

// Quote is something the article attributes to a speaker as said.
type Quote struct {
	Speaker *string `json:"speaker" yaml:"speaker"`
	Kind    Kind    `json:"kind" yaml:"kind"`
	Cue     string  `json:"cue,omitempty" yaml:"cue,omitempty"`
	Text    string  `json:"text" yaml:"text"`
	Span    Span    `json:"span" yaml:"span,flow"`
	Rule    string  `json:"rule" yaml:"rule"`
}

// Counterpart is one exchange between two parties.
type Counterpart struct {
	Parties []string `json:"parties" yaml:"parties,flow"`
	Channel Channel  `json:"channel" yaml:"channel"`
	When    string   `json:"when,omitempty" yaml:"when,omitempty"`
	Planned bool     `json:"planned" yaml:"planned"`
	Span    Span     `json:"span" yaml:"span,flow"`
	Rule    string   `json:"rule" yaml:"rule"`
}

// Pledge is an action a speaker, or the side they speak for, commits to.
type Pledge struct {
	Actor    string   `json:"actor" yaml:"actor"`
	By       string   `json:"by,omitempty" yaml:"by,omitempty"`
	Action   string   `json:"action" yaml:"action"`
	Strength Strength `json:"strength" yaml:"strength"`
	When     string   `json:"when,omitempty" yaml:"when,omitempty"`
	// Negated is true when the action is negated ("never recognise the
	// annexation"); the negation stays in Action too.
	Negated bool   `json:"negated,omitempty" yaml:"negated,omitempty"`
	Span    Span   `json:"span" yaml:"span,flow"`
	Rule    string `json:"rule" yaml:"rule"`
}

// Span is a [start, end) byte range of the input, written as a pair.
type Span [2]int

// MarshalYAML writes a span in flow style: [12, 40].
func (s Span) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, v := range s {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)})
	}
	return n, nil
}

// Normalize makes every list non-nil, as the contract asks.
func (r *Readout) Normalize() {
	if r.Speakers == nil {
		r.Speakers = []Speaker{}
	}
	for i := range r.Speakers {
		if r.Speakers[i].Aliases == nil {
			r.Speakers[i].Aliases = []string{}
		}
		if r.Speakers[i].Mentions == nil {
			r.Speakers[i].Mentions = []Span{}
		}
	}
	if r.Quotes == nil {
		r.Quotes = []Quote{}
	}
	if r.Counterparts == nil {
		r.Counterparts = []Counterpart{}
	}
	if r.Pledges == nil {
		r.Pledges = []Pledge{}
	}
}

// Kind is how a quote is given: in quotation marks, or reported.
type Kind string

// The kinds of quote.
const (
	Direct   Kind = "direct"   // the speaker's words, inside quotation marks
	Indirect Kind = "indirect" // reported speech: a content clause, a request
)

// Kinds lists every Kind, in the order the contract gives them.
var Kinds = []Kind{Direct, Indirect}

// Channel is the medium of an exchange between two parties.
type Channel string

// The channels of an exchange.
const (
	Call      Channel = "call"
	VideoCall Channel = "video call"
	Meeting   Channel = "meeting"
	Talks     Channel = "talks"
	Letter    Channel = "letter"
	Message   Channel = "message"
	Briefing  Channel = "briefing"
	Other     Channel = "other"
)

// Channels lists every Channel, in the order the contract gives them.
var Channels = []Channel{Call, VideoCall, Meeting, Talks, Letter, Message, Briefing, Other}

// Generic reports whether c is a channel that gives way to a more
// specific one for the same exchange (talks, a meeting, other).
func (c Channel) Generic() bool { return c == Talks || c == Meeting || c == Other }

// Strength is how firmly a pledge is made.
type Strength string

// The strengths of a pledge.
const (
	Commitment   Strength = "commitment"   // pledged, vowed, will/would of what the actor will do
	Intent       Strength = "intent"       // hope, wish, plan, willingness
	Announcement Strength = "announcement" // a scheduled or decided action stated as fact
)

// Strengths lists every Strength, in the order the contract gives them.
var Strengths = []Strength{Commitment, Intent, Announcement}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k == Direct || k == Indirect }

// Valid reports whether c is one of Channels.
func (c Channel) Valid() bool {
	for _, x := range Channels {
		if c == x {
			return true
		}
	}
	return false
}

// Valid reports whether s is one of Strengths.
func (s Strength) Valid() bool { return s == Commitment || s == Intent || s == Announcement }
