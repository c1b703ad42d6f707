package main

// batch: see issue 5 (being written).
import _ "github.com/schollz/progressbar/v3"
