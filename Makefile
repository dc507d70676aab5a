# truongso — front Makefile. Every entry point first makes sure the Debian
# packages are there (scripts/deps), then runs mk/build.mk, which can use
# pkg-config safely because the libraries now exist.
#
#   make            build build/truongso (quiet: V=1 shows the commands;
#                   parallel: one job per core; DEVELOPER=1 adds -Werror)
#   make run        build, make the demo province anew in build/demo.db and
#                   serve it on http://localhost:8080 (PORT=, LISTEN=0.0.0.0
#                   for the school's LAN; NATION=53000 adds a national data
#                   set of that many schools, tools/gen-nation.py); `sh run.sh`
#                   does the same on a bare Debian 12, installing make and gcc
#                   first
#   make test       everything: unit tests (ASan+UBSan), CLI tests, HTTP tests
#                   (ASan, and TSan under concurrent load), valgrind, clang
#                   build, short fuzz runs; ends with "N passed, N failed"
#   make test-pg    only the PostgreSQL tests (tests/pg/run.sh on a throwaway
#                   cluster: every CLI and HTTP suite, as make test runs them)
#   make coverage-app  the share of each src/app file's functions and lines
#                   the cmocka units alone execute (gcc --coverage, build/cov);
#                   fails if one is never reached (tools/coverage-app.sh)
#   make lint       clang-tidy: cognitive complexity at most 15 per function
#                   (today's exceptions: tools/lint-exceptions.txt)
#   make fuzz       each fuzz target for FUZZ_SECONDS (default 60)
#   make bench      benchmarks against a peer, see docs/performance.md
#   make check-docs the DOCX report opened by LibreOffice (installs it),
#                   printed to PDF and checked; see docs/reports.md
#   make check-fresh  `sh run.sh` in a minimal Debian 12 chroot (debootstrap,
#                   root, network to the Debian mirror): tests/fresh/run.sh
#   make clean

# $(MAKE) written out on each line: make then knows it is a sub-make (it
# shares -j job slots with it, and runs it under make -n).
BUILD = --no-print-directory -f mk/build.mk

.PHONY: all run test test-pg coverage-app lint fuzz bench clean deps deps-test check-docs check-fresh
all: deps
	@$(MAKE) $(BUILD) VARIANT=release

deps:
	@scripts/deps build

deps-test:
	@scripts/deps build test

# `make run`: a new demo province in build/demo.db (made anew each time),
# what it holds and who can sign in, then the web application on
# http://localhost:8080 (Ctrl+C stops it). LISTEN=0.0.0.0 opens it to the LAN.
DEMO_DB = build/demo.db
PORT = 8080
LISTEN = 127.0.0.1
NATION =
run: all
	@scripts/serve-demo build/truongso $(DEMO_DB) $(PORT) $(LISTEN) $(NATION)

test: deps-test
	@tests/run.sh

coverage-app: deps-test
	@DEVELOPER=1 tools/coverage-app.sh

test-pg: deps-test
	@DEVELOPER=1 $(MAKE) $(BUILD) VARIANT=asan all units
	@LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		tests/pg/run.sh build/asan

lint: deps-test
	@tools/lint.sh

fuzz: deps-test
	@$(MAKE) $(BUILD) VARIANT=fuzz fuzzers
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} tests/fuzz/run.sh

bench: deps-test
	@scripts/deps bench docs
	@$(MAKE) $(BUILD) VARIANT=release all bench-bin
	@tests/bench/run.sh
	@tests/bench/web.sh
	@tests/bench/mhd.sh
	@tests/bench/gate.sh build/truongso 2000 3
	@tests/bench/xlsx.sh
	@tests/bench/report.sh
	@tests/bench/rush.sh build/truongso
	@tests/bench/import.sh build/truongso
	@tests/bench/desk.sh build/truongso 500 2000 8000 53000
	@tests/bench/desk_after.sh build/truongso 2000 8000
	@tests/bench/results.sh build/truongso 163000

check-docs: deps-test
	@scripts/deps docs
	@tests/report/check-docs.sh

check-fresh:
	@tests/fresh/run.sh

clean:
	rm -rf build
