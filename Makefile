# readout: make build | make test | make test-long | make test-beam | make bench | make fuzz
GO ?= go
PKGS := ./...

.PHONY: build test test-long test-beam vet lint race fmt-check check-fixtures bench bench-beam fuzz eval clean

build:
	$(GO) build -o bin/readout ./cmd/readout

# test: what CI runs first (at most 90 s on a 2-core machine). gofmt, go
# vet, the unit/golden/testscript tests with -short: the long tests (a 50 MB
# input, 100,000 quotation marks, the browser test of `readout show`) skip
# or run on smaller inputs.
test: fmt-check vet lint
	$(GO) test -short -count=1 $(PKGS)
	@$(MAKE) --no-print-directory race check-fixtures

# lint: staticcheck, and no function outside tests above cyclomatic
# complexity 30 (gocyclo). Both run at pinned versions through the module
# proxy, so a fresh machine needs nothing installed by hand. beam/ is a
# module of its own, left out here: make test-beam lints it.
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO ?= $(GO) run github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
lint:
	$(STATICCHECK) $(PKGS)
	$(GOCYCLO) -over 30 -ignore '_test|cmd/cldump|cmd/tagdump|^beam/' .

# race: the concurrent paths under the race detector: batch and stream
# workers, the ordered sink, rules shared between goroutines, the signal
# and interrupt handling.
RACE_TESTS := TestBatchSameBytesWhateverJobs|TestStreamSameBytesWhateverJobs|TestInOrderBoundedAndOrdered|TestInterruptedOutputIsAPrefix|TestExtractIsSafeConcurrently|TestParseIsDeterministic
race:
	$(GO) test -short -race -count=1 -run '$(RACE_TESTS)' . ./cmd/readout ./parser

# test-long: every test at full size, without -short, then the browser
# test of `readout show` (headless chromium driven by chromedp; it needs
# Debian's chromium, which .ci/run installs; without it the test skips and
# says so). Its screenshots go to ARTIFACTS; the test prints their paths.
# CI runs it after make test.
ARTIFACTS ?= $(CURDIR)/bin/artifacts
test-long:
	$(GO) test -count=1 -timeout 30m -skip '^TestShowInBrowser$$' $(PKGS)
	READOUT_ARTIFACTS=$(ARTIFACTS) $(GO) test -count=1 -v -run '^TestShowInBrowser$$' ./cmd/readout

# test-beam: the Apache Beam pipeline (beam/, a module of its own: the
# Beam SDK is large and the command stays free of it). gofmt, go vet,
# staticcheck and gocyclo as make test's, then its tests, which run
# pipelines on Prism, Beam's local runner, in process: 2,000 articles
# against the command's stream mode. CI runs it after make test. Most of
# its time on empty caches is building the Beam SDK (and staticcheck's
# first pass over it); go test's own vet is off (go vet has just run,
# with more checks).
test-beam:
	@out=$$(gofmt -l $$(find beam -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	cd beam && $(GO) vet ./...
	cd beam && $(STATICCHECK) ./...
	cd beam && $(GOCYCLO) -over 30 -ignore '_test' .
	cd beam && $(GO) test -vet=off -count=1 -timeout 20m ./...

# check-fixtures: score the extractor against testdata/fixtures/*.gold.yaml;
# fails when a total drops below these floors (set about 15 points under the
# figures at the time; raise them as the extractor improves).
CHECK_MIN ?= quotes=0.80,speakers=0.80,direct=0.95,indirect=0.85,attribution=0.85,counterparts=0.55,pledges=0.60
check-fixtures:
	$(GO) run ./cmd/readout check testdata/fixtures --min $(CHECK_MIN)

# The Beam pipeline (beam/) is a module of its own, left out of ./... and
# of these checks: make test-beam checks it.
fmt-check:
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './bin/*' -not -path './beam/*')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# bench: every benchmark, then readout end to end against prose v3's own
# tokenize+segment+tag on the same articles, on one core: BENCH_ROUNDS
# rounds, each running the two back to back (in alternating order, each in
# its own process), and the median of the rounds' ratios. The batch
# benchmark compares one pinned core with two.
BENCH_ROUNDS ?= 7
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1s .
	$(GO) test -v -run '^$$' -bench 'Batch' -benchtime 3x ./cmd/readout
	@$(GO) test -c -o bin/readout.test .
	@for i in $$(seq $(BENCH_ROUNDS)); do \
		if [ $$((i % 2)) = 1 ]; then order="Convert ProseBaseline"; else order="ProseBaseline Convert"; fi; \
		for b in $$order; do bin/readout.test -test.run '^$$' -test.bench "^Benchmark$$b\$$" -test.cpu 1 -test.benchtime 0.5s; done; \
	done | awk -f scripts/bench-compare.awk

# bench-beam: throughput on Prism (articles/s), in one branch and in one
# per CPU, beside the command's stream mode on the same 10,000 articles.
bench-beam:
	cd beam && $(GO) test -run '^$$' -bench Throughput -benchtime 3x ./readoutbeam

# fuzz: each fuzz target for FUZZTIME, one after another (go test -fuzz
# takes one target per run). Crashers are saved under the package's
# testdata/fuzz/FuzzXxx/ and then replayed by every go test.
# FUZZMINIMIZETIME bounds the minimising of each new corpus entry, in
# runs: at go test's default (60s) the workers spent 80-97 % of a run
# minimising, and a short run missed a crasher that 10x found in 47 s.
FUZZTIME ?= 1m
FUZZMINIMIZETIME ?= 10x
FUZZ_TARGETS := ./clause:FuzzAnalyze ./parser:FuzzParse ./parser/internal/perceptron:FuzzMatchesProse ./parser:FuzzQuotes ./parser:FuzzTokenizeLikeProse .:FuzzExtract ./record:FuzzYAMLScalar ./record:FuzzStreamLine
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg) for $(FUZZTIME)"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME); \
	done

# eval: the reference scorer on the dev corpus (needs ../shared).
eval:
	../shared/eval

clean:
	rm -rf bin
