# The real build, one variant per call (VARIANT=release|asan|tsan|clang|fuzz|
# coverage);
# objects go to their own directory so variants never mix.
#   V=1          show the full commands (default: one short line per file)
#   DEVELOPER=1  warnings are errors (tests/run.sh and .ci/run set it); a
#                user's build must not fail because a newer gcc warns more
# Parallel by default (one job per core) unless a parent make shares its
# job slots or -j is given.
VARIANT ?= release
ifneq ($(filter-out 0 1,$(V)),)
$(error V=$(V): V=1 now shows the full commands; the variant is VARIANT=$(V))
endif
ifeq ($(findstring -j,$(shell printenv MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || echo 2)
endif
PKGS := jansson libutf8proc sqlite3 libsodium libzip libxml-2.0 libmagic libmicrohttpd \
	libpq pangocairo cairo-pdf cairo-svg cairo-png xlsxwriter zlib libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS)) -lcsv

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla -Wformat=2 -Wimplicit-fallthrough \
	-Wcast-qual -Wwrite-strings -Wundef
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
BASE := -std=c17 -g -D_POSIX_C_SOURCE=200809L -fno-common -I. $(WARN) \
	$(PKG_CFLAGS) -DTS_DATADIR='"$(abspath data)"'
HARDEN := -D_FORTIFY_SOURCE=2 -fstack-protector-strong \
	-fstack-clash-protection -fcf-protection -fPIE
LDHARDEN := -pie -Wl,-z,relro,-z,now
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer

ifeq ($(VARIANT),release)
B := build
CC := gcc
CFLAGS := $(BASE) -O2 $(HARDEN)
LDFLAGS := $(LDHARDEN)
else ifeq ($(VARIANT),asan)
B := build/asan
CC := gcc
# Test hooks (TRUONGSO_NOW, util/timeutil.c) in test builds, never release.
CFLAGS := $(BASE) -O1 $(SAN) -DTS_TEST_HOOKS
LDFLAGS := $(SAN)
else ifeq ($(VARIANT),tsan)
# ThreadSanitizer, for the server's threads (tests/run.sh: http-tsan).
B := build/tsan
CC := gcc
CFLAGS := $(BASE) -O1 -fsanitize=thread -fno-omit-frame-pointer -DTS_TEST_HOOKS
LDFLAGS := -fsanitize=thread
else ifeq ($(VARIANT),clang)
B := build/clang
CC := clang
CFLAGS := $(BASE) -O2 $(HARDEN) -DTS_TEST_HOOKS
LDFLAGS := $(LDHARDEN)
else ifeq ($(VARIANT),coverage)
# gcov counters for tools/coverage-app.sh (make coverage-app): unoptimised,
# so every line and function of src/ is counted where the code has it.
B := build/cov
CC := gcc
CFLAGS := $(BASE) -O0 --coverage -DTS_TEST_HOOKS
LDFLAGS := --coverage
else ifeq ($(VARIANT),fuzz)
B := build/fuzz
CC := clang
CFLAGS := $(BASE) -O1 -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS := -fsanitize=fuzzer,address,undefined
else
$(error unknown variant VARIANT=$(VARIANT))
endif

LIB_SRC := $(wildcard src/util/*.c src/core/*.c src/db/*.c src/report/*.c \
	src/app/*.c src/web/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
FUZZ_SRC := $(wildcard tests/fuzz/fz_*.c)

SQL_SRC := $(sort $(wildcard src/db/sql/*.sql))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/schema.o
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
UNITS := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZERS := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/%)

# $(call say,WHAT,FILE): the short line printed instead of the command.
ifeq ($(V),1)
say =
else
say = @printf '  %-5s %s\n' '$(1)' '$(2)';
endif

.PHONY: all units fuzzers bench-bin report-sample FORCE
all: $(B)/truongso
units: $(UNITS)
fuzzers: $(FUZZERS)
bench-bin: $(B)/bench_score $(B)/bench_xlsx
report-sample: $(B)/report_sample

# Objects are rebuilt when the flags change (DEVELOPER=1 or not, another
# compiler, a new define), as git's GIT-CFLAGS does.
FLAGS_SQ := $(subst ','\'',$(CC) $(CFLAGS) $(LDFLAGS))
$(B)/flags: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' '$(FLAGS_SQ)' | cmp -s - $@ || printf '%s\n' '$(FLAGS_SQ)' >$@

$(B)/obj/%.o: %.c $(B)/flags
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/gen/schema.c: $(SQL_SRC) tools/sql2c.sh
	@mkdir -p $(dir $@)
	$(call say,GEN,$@)tools/sql2c.sh $(SQL_SRC) > $@

$(B)/obj/gen/schema.o: $(B)/gen/schema.c $(B)/flags
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CFLAGS) -Wno-missing-prototypes -c $< -o $@

$(B)/libtruongso.a: $(LIB_OBJ)
	@rm -f $@
	$(call say,AR,$@)ar rcs $@ $^

$(B)/truongso: $(CLI_OBJ) $(B)/libtruongso.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) $^ $(PKG_LIBS) -lm -o $@

# Unit tests may include CLI sources they test (table, sheet) directly.
# The archive goes last so members the CLI objects need are pulled in.
$(B)/tests/%: tests/unit/%.c $(filter-out $(B)/obj/src/cli/main.o,$(CLI_OBJ)) $(B)/libtruongso.a
	@mkdir -p $(dir $@)
	$(call say,CCLD,$@)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PKG_LIBS) -lcmocka -lm -o $@

# A save forced in just before submit's write transaction (the test wraps
# db_begin).
$(B)/tests/test_submit_race: LDFLAGS += -Wl,--wrap=db_begin
# A write forced in between the statistics roll-up's two reads (the test
# wraps db_prep).
$(B)/tests/test_app_stats: LDFLAGS += -Wl,--wrap=db_prep

$(B)/fz_%: tests/fuzz/fz_%.c $(B)/libtruongso.a
	@mkdir -p $(dir $@)
	$(call say,CCLD,$@)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PKG_LIBS) -lm -o $@

$(B)/bench_score: tests/bench/bench_score.c $(B)/libtruongso.a
	$(call say,CCLD,$@)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PKG_LIBS) -lm -o $@

$(B)/bench_xlsx: tests/bench/bench_xlsx.c $(B)/libtruongso.a
	$(call say,CCLD,$@)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(PKG_LIBS) -lm -o $@
# The report fixture written in one format, for external readers.
$(B)/report_sample: tests/report/report_sample.c tests/unit/report_fixture.h $(B)/libtruongso.a
	$(call say,CCLD,$@)$(CC) $(CFLAGS) $(LDFLAGS) $(filter %.c %.a,$^) $(PKG_LIBS) -lm -o $@

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
