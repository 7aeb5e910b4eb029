# foi: one C program plus its tests. Plain make, pkg-config for every library.
#   make            build ./foi
#   make check      install missing packages, build, run every test
#   make check SANITIZE=1   the same under AddressSanitizer + UBSan
#   make bench      benchmarks (speed and memory targets)
#   make fuzz       libFuzzer targets for every reader of outside input (FUZZ_SECONDS=N each)
# WERROR=1 turns warnings into errors (CI sets it).

CC      ?= cc
PKGS    := libcurl libesmtp-1.0 openssl libical sqlite3 gmime-3.0 inih libxml-2.0 xlsxwriter libcjson
TESTPKGS := criterion
SIMPKGS := libmicrohttpd zlib

ifeq ($(SANITIZE),1)
BUILD   := build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD   := build
SANFLAGS :=
endif

# Error messages are cut to fit their buffers on purpose, so truncation is not a warning.
WARN    := -Wall -Wextra -Wshadow -Wformat=2 -Wno-unused-parameter -Wno-format-truncation
ifeq ($(WERROR),1)
WARN    += -Werror
endif

# The source tree holds the shipped data (calendars, templates, units, schemes);
# an installed foi can be pointed elsewhere with FOI_DATADIR.
DATADIR ?= $(CURDIR)
VERSION := 0.1.0

CFLAGS  ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(SANFLAGS) $(CFLAGS) \
	-I. -DFOI_VERSION='"$(VERSION)"' -DFOI_DATADIR='"$(DATADIR)"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm
LDFLAGS += $(SANFLAGS)

# Every .c file of the four code folders is part of the program; harness/main.c
# holds main() and is left out of the library the tests link against.
LIB_SRCS  := $(sort $(wildcard schedule/*.c templates/*.c grader/*.c harness/*.c))
LIB_SRCS  := $(filter-out harness/main.c,$(LIB_SRCS))
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o)
TEST_SRCS := $(sort $(wildcard tests/unit/*.c))
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
SIM_SRCS  := $(sort $(wildcard tests/sim/*.c))
SIM_OBJS  := $(SIM_SRCS:%.c=$(BUILD)/%.o)
BENCH_SRCS := $(sort $(wildcard tests/bench/*.c))

.PHONY: all check deps test bench clean
all: foi

deps:
	@tests/env/install-deps

foi: $(BUILD)/foi
	@if [ "$(BUILD)" = build ]; then cp $(BUILD)/foi foi; fi

$(BUILD)/foi: $(BUILD)/harness/main.o $(BUILD)/libfoi.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# A file that changes when the list of sources does, so that deleting a source relinks too.
$(BUILD)/%.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(SRCLIST_$*)' | cmp -s - $@ || echo '$(SRCLIST_$*)' > $@
SRCLIST_lib := $(LIB_SRCS)
SRCLIST_tests := $(TEST_SRCS)
.PHONY: FORCE
FORCE:

$(BUILD)/libfoi.a: $(LIB_OBJS) $(BUILD)/lib.list
	rm -f $@ && ar rcs $@ $(LIB_OBJS)

# V=1 shows the full compiler command lines.
ifeq ($(V),1)
Q :=
else
Q := @
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(TESTPKGS)) -MMD -MP -c -o $@ $<

$(BUILD)/tests/sim/%.o: tests/sim/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(SIMPKGS)) -MMD -MP -c -o $@ $<

$(BUILD)/foi-tests: $(TEST_OBJS) $(BUILD)/libfoi.a $(BUILD)/tests.list
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJS) $(BUILD)/libfoi.a $(LIBS) $(shell pkg-config --libs $(TESTPKGS))

$(BUILD)/foi-sim: $(SIM_OBJS) $(BUILD)/libfoi.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(shell pkg-config --libs $(SIMPKGS))

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libfoi.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O2 -o $@ $^ $(LIBS)

# The test binary runs the foi program as a user would, so it needs to know where it is.
test: $(BUILD)/foi $(BUILD)/foi-tests $(if $(SIM_SRCS),$(BUILD)/foi-sim)
	FOI_BIN=$(CURDIR)/$(BUILD)/foi FOI_SIM=$(CURDIR)/$(BUILD)/foi-sim \
	FOI_SRCDIR=$(CURDIR) tests/run-tests $(BUILD)/foi-tests

check: deps
	@$(MAKE) --no-print-directory test

bench: deps $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%)
	@for b in $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%); do $$b || exit 1; done

clean:
	rm -rf build build-san foi

include tests/fuzz/fuzz.mk

-include $(shell find build build-san -name '*.d' 2>/dev/null)
