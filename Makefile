# foi: one C program plus its tests. Plain make, pkg-config for every library.
#   make            build ./foi
#   make unit       the quick loop: every test that needs neither root nor the mail stack
#   make check      install missing packages, build, run every test (the mail stack included)
#   make check SANITIZE=1   the same under AddressSanitizer + UBSan
#   make bench      benchmarks (speed and memory targets)
#   make install    PREFIX=/usr/local DESTDIR= : bin/foi, share/foi/ (its data), share/man/man1/foi.1,
#                   lib/systemd/system/foi-round*@.* (a round that runs by itself on a server)
#   make fuzz       libFuzzer targets for every reader of outside input (FUZZ_SECONDS=N each)
# WERROR=1 turns warnings into errors (CI sets it). V=1 shows the compiler command lines.

CC      ?= cc
# Every library the program links, each used by some source file (DESIGN.md names them).
PKGS    := libcurl libesmtp-1.0 openssl libical sqlite3 gmime-3.0 inih libxml-2.0 libcjson poppler-glib cairo \
	libzip tesseract lept xlsxwriter
TESTPKGS := criterion
SIMPKGS := libmicrohttpd zlib

# A missing package stops the build with its name, rather than blank flags and a missing header.
pkg_missing = $(strip $(foreach p,$(1),$(if $(shell pkg-config --exists $(p) && echo y),,$(p))))
define pkg_flags
$(if $(call pkg_missing,$(2)),$(error pkg-config cannot find $(call pkg_missing,$(2)) (needed for $(1)); run `make deps` or tests/env/install-deps),$(shell pkg-config $(3) $(2)))
endef

ifeq ($(SANITIZE),1)
BUILD   := build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD   := build
SANFLAGS :=
endif

WARN    := -Wall -Wextra -Wshadow -Wformat=2 -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN    += -Werror
endif

VERSION := 0.1.0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
# systemd finds units under /usr/local/lib/systemd/system as well as /lib/systemd/system.
SYSTEMDDIR ?= $(PREFIX)/lib/systemd/system
# Where an installed foi finds its shipped data (calendars, templates, units, schemes).
SHAREDIR ?= $(PREFIX)/share/foi

CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(SANFLAGS) $(CFLAGS) \
	-I. -DFOI_VERSION='"$(VERSION)"' $(PKG_CFLAGS)
LDFLAGS += $(SANFLAGS)

# Only the goals that compile need the libraries' flags (clean and deps must work without them).
ifneq ($(filter-out clean deps,$(or $(MAKECMDGOALS),all)),)
PKG_CFLAGS := $(call pkg_flags,foi,$(PKGS),--cflags)
LIBS       := $(call pkg_flags,foi,$(PKGS),--libs) -lm
endif

# Every .c file of the code folders (harness/ with its cmd/, mail/ and web/) is part of the program;
# harness/main.c holds main() and is left out of the library the tests link against.
CODE_DIRS := schedule templates grader harness harness/cmd harness/mail harness/web
LIB_SRCS  := $(sort $(foreach d,$(CODE_DIRS),$(wildcard $(d)/*.c)))
LIB_SRCS  := $(filter-out harness/main.c,$(LIB_SRCS))
LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o)
TEST_SRCS := $(sort $(wildcard tests/unit/*.c))
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
SIM_SRCS  := $(sort $(wildcard tests/sim/*.c))
SIM_OBJS  := $(SIM_SRCS:%.c=$(BUILD)/%.o)
BENCH_SRCS := $(sort $(wildcard tests/bench/*.c))
ALL_OBJS  := $(BUILD)/harness/main.o $(LIB_OBJS) $(TEST_OBJS) $(SIM_OBJS) $(BUILD)/install/datadir.o

.PHONY: all check unit deps test bench clean install install-files
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

ifeq ($(V),1)
Q :=
else
Q := @
endif

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c -o $@ $<

# The one object that knows where the shipped data is: the source tree for the foi built here,
# SHAREDIR for the foi that `make install` puts in place.
$(BUILD)/harness/datadir.o: EXTRA_CFLAGS = -DFOI_DATADIR='"$(CURDIR)"'
$(BUILD)/install/datadir.o: harness/datadir.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (for $(SHAREDIR))")
	$(Q)$(CC) $(ALL_CFLAGS) -DFOI_DATADIR='"$(SHAREDIR)"' -MMD -MP -c -o $@ $<
$(BUILD)/install/sharedir: FORCE
	@mkdir -p $(dir $@)
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
$(BUILD)/install/datadir.o: $(BUILD)/install/sharedir

$(BUILD)/tests/unit/%.o: EXTRA_CFLAGS = $(shell pkg-config --cflags $(TESTPKGS))
$(BUILD)/tests/sim/%.o: EXTRA_CFLAGS = $(call pkg_flags,foi-sim,$(SIMPKGS),--cflags)

$(BUILD)/foi-tests: $(TEST_OBJS) $(BUILD)/libfoi.a $(BUILD)/tests.list
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJS) $(BUILD)/libfoi.a $(LIBS) \
		$(call pkg_flags,the tests,$(TESTPKGS),--libs)

$(BUILD)/foi-sim: $(SIM_OBJS) $(BUILD)/libfoi.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(call pkg_flags,foi-sim,$(SIMPKGS),--libs)

$(BUILD)/bench/%: tests/bench/%.c $(BUILD)/libfoi.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DFOI_DATADIR='"$(CURDIR)"' -DFOI_BUILDDIR='"$(CURDIR)/$(BUILD)"' -O2 -o $@ $^ $(LIBS)

# The manual page is written by foi itself from the same help texts `foi help` prints.
$(BUILD)/foi.1: $(BUILD)/foi
	$(BUILD)/foi help --man > $@.tmp && mv $@.tmp $@

# The installed program: the same library, with the data path of the installation.
$(BUILD)/install/foi: $(BUILD)/harness/main.o $(BUILD)/install/datadir.o $(BUILD)/libfoi.a
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/harness/main.o $(BUILD)/install/datadir.o $(BUILD)/libfoi.a $(LIBS)

# What an installed foi reads: the calendars, templates, units, schemes and the example settings.
SHARED_DATA := config.example.ini schedule/holidays templates/foi templates/consult harness/data \
	$(wildcard grader/schemes)
# The systemd units that run a round on a server, with the installed program's path.
SYSTEMD_UNITS := $(patsubst harness/systemd/%.in,%,$(wildcard harness/systemd/*.in)) \
	$(notdir $(filter-out %.in,$(wildcard harness/systemd/*)))
install: $(BUILD)/install/foi $(BUILD)/foi.1
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(SYSTEMDDIR)
	for u in $(SYSTEMD_UNITS); do \
		if [ -f harness/systemd/$$u.in ]; then \
			sed 's|@BINDIR@|$(BINDIR)|g' harness/systemd/$$u.in > $(DESTDIR)$(SYSTEMDDIR)/$$u && \
			chmod 644 $(DESTDIR)$(SYSTEMDDIR)/$$u; \
		else install -m 644 harness/systemd/$$u $(DESTDIR)$(SYSTEMDDIR)/$$u; fi || exit 1; \
	done
	install -m 755 $(BUILD)/install/foi $(DESTDIR)$(BINDIR)/foi
	install -m 644 $(BUILD)/foi.1 $(DESTDIR)$(MANDIR)/man1/foi.1
	for d in $(SHARED_DATA); do \
		if [ -d $$d ]; then install -d $(DESTDIR)$(SHAREDIR)/$$d && \
			install -m 644 $$d/* $(DESTDIR)$(SHAREDIR)/$$d/; \
		else install -D -m 644 $$d $(DESTDIR)$(SHAREDIR)/$$d; fi || exit 1; \
	done

TEST_ENV = FOI_BIN=$(CURDIR)/$(BUILD)/foi FOI_SIM=$(CURDIR)/$(BUILD)/foi-sim FOI_SRCDIR=$(CURDIR) \
	FOI_BUILD=$(BUILD)

# The test binary runs the foi program as a user would, so it needs to know where it is.
test: $(BUILD)/foi $(BUILD)/foi-tests $(if $(SIM_SRCS),$(BUILD)/foi-sim) $(BUILD)/foi.1
	$(TEST_ENV) tests/run-tests $(BUILD)/foi-tests
	$(TEST_ENV) tests/install-test

# The suites that start Postfix (root) or talk to the mail stack are left out of the quick loop.
STACK_SUITES := mailstack_imap|mailstack_smtp|mailstack_stack|mailstack_send|mailstack_run|mailstack_inbox|sim_stack
unit: $(BUILD)/foi $(BUILD)/foi-tests $(if $(SIM_SRCS),$(BUILD)/foi-sim)
	$(TEST_ENV) $(BUILD)/foi-tests --jobs 2 --filter '!($(STACK_SUITES))/*'

check: deps
	@$(MAKE) --no-print-directory test

bench: deps $(BUILD)/foi $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%)
	@for b in $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%); do $$b || exit 1; done

clean:
	rm -rf build build-san foi

include tests/fuzz/fuzz.mk

# Each object's header dependencies, written by -MMD beside it.
-include $(ALL_OBJS:.o=.d)
