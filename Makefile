# truongso — front Makefile. Every entry point first makes sure the Debian
# packages are there (scripts/deps), then runs mk/build.mk, which can use
# pkg-config safely because the libraries now exist.
#
#   make            build build/truongso
#   make run        build, show the CLI and score the demo submission
#   make test       everything: unit tests (ASan+UBSan), CLI tests, valgrind,
#                   clang build, short fuzz runs; ends with "N passed, N failed"
#   make fuzz       each fuzz target for FUZZ_SECONDS (default 60)
#   make bench      benchmarks against a peer, see docs/performance.md
#   make clean

BUILD_MAKE = $(MAKE) --no-print-directory -f mk/build.mk

.PHONY: all run test fuzz bench clean deps deps-test
all: deps
	@$(BUILD_MAKE) V=release

deps:
	@scripts/deps build

deps-test:
	@scripts/deps build test

# Until the web server lands (issue 5), `make run` shows the product on
# the command line: the rubrics, a fresh demo province, its campaigns and
# completeness, and the seed-003 score sheet.
DEMO_DB = build/demo.db
run: all
	@build/truongso help
	@echo
	@build/truongso rubric list
	@rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).evidence
	@build/truongso --db $(DEMO_DB) demo
	@build/truongso --db $(DEMO_DB) campaign list
	@build/truongso --db $(DEMO_DB) campaign status 1
	@echo
	build/truongso score --rubric qd4725-2022-pt examples/qd4725-gdtx-duongkinh-2022-2023.json
	@echo
	@echo "Cơ sở dữ liệu mẫu: $(DEMO_DB). Thử: build/truongso --db $(DEMO_DB) --as cv.dk campaign status 1"

test: deps-test
	@tests/run.sh

fuzz: deps-test
	@$(BUILD_MAKE) V=fuzz fuzzers
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} tests/fuzz/run.sh

bench: deps-test
	@$(BUILD_MAKE) V=release bench-bin
	@tests/bench/run.sh

clean:
	rm -rf build
