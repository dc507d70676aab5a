# truongso — front Makefile. Every entry point first makes sure the Debian
# packages are there (scripts/deps), then runs mk/build.mk, which can use
# pkg-config safely because the libraries now exist.
#
#   make            build build/truongso
#   make run        build, show the CLI and score the demo submission
#   make test       everything: unit tests (ASan+UBSan), CLI tests, HTTP tests
#                   (ASan, and TSan under concurrent load), valgrind, clang
#                   build, short fuzz runs; ends with "N passed, N failed"
#   make fuzz       each fuzz target for FUZZ_SECONDS (default 60)
#   make bench      benchmarks against a peer, see docs/performance.md
#   make check-docs the DOCX report opened by LibreOffice (installs it),
#                   printed to PDF and checked; see docs/reports.md
#   make clean

BUILD_MAKE = $(MAKE) --no-print-directory -f mk/build.mk

.PHONY: all run test fuzz bench clean deps deps-test check-docs
all: deps
	@$(BUILD_MAKE) V=release

deps:
	@scripts/deps build

deps-test:
	@scripts/deps build test

# `make run`: a fresh demo province in build/demo.db, then the web
# application on http://localhost:8080 (Ctrl+C stops it).
DEMO_DB = build/demo.db
run: all
	@rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).evidence
	@build/truongso --db $(DEMO_DB) demo
	@build/truongso --db $(DEMO_DB) campaign status 1 | tail -n 3
	@echo
	@echo "Mở http://localhost:8080 và đăng nhập (mật khẩu: truongso-demo):"
	@echo "  cntt.31dk018  cán bộ CNTT của một trường  |  ht.31dk018  hiệu trưởng"
	@echo "  cv.dk         chuyên viên Phòng GD&ĐT     |  cv.so       chuyên viên Sở"
	@echo "Dòng lệnh: build/truongso --db $(DEMO_DB) help"
	build/truongso --db $(DEMO_DB) serve --port 8080

test: deps-test
	@tests/run.sh

fuzz: deps-test
	@$(BUILD_MAKE) V=fuzz fuzzers
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} tests/fuzz/run.sh

bench: deps-test
	@scripts/deps bench docs
	@$(BUILD_MAKE) V=release all bench-bin
	@tests/bench/run.sh
	@tests/bench/web.sh
	@tests/bench/mhd.sh
	@tests/bench/xlsx.sh
	@tests/bench/report.sh

check-docs: deps-test
	@scripts/deps docs
	@tests/report/check-docs.sh

clean:
	rm -rf build
