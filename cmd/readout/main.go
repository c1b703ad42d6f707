// Command readout turns news readouts into structured records of who
// spoke, what they said, with whom they talked and what they pledged.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], stdStreams()))
}
