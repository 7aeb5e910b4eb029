# Fuzzing (included by the top-level Makefile): libFuzzer targets for every reader of outside
# input, one per reader, built with clang into build-fuzz/ (separate from build/ and
# build-san/, because every object carries libFuzzer's coverage instrumentation).
#
#   make fuzz                      every target FUZZ_SECONDS (default 10) seconds, in turn
#   make fuzz FUZZ_SECONDS=600     the issue's campaign (10 minutes a target)
#   make fuzz FUZZ_TARGETS='mail guide'   some targets only
#   make fuzz-build                build the targets without running them
#
# Seed corpora are made from tests/fixtures (and the shipped data) at run time; what the fuzzer
# finds new is kept in build-fuzz/corpus/TARGET and reused by the next run, so long campaigns
# can be run in pieces. A crash, leak, sanitizer report or an input taking longer than
# FUZZ_TIMEOUT seconds (of CPU when run again alone: run-targets) fails the run and leaves the input in
# build-fuzz/findings/. Needs LIB_SRCS, ALL_CFLAGS, SANFLAGS, LIBS and Q from the Makefile.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 10
FUZZ_TIMEOUT ?= 1
FUZZ_BUILD   := build-fuzz
FUZZ_TARGETS ?= letter mail inbox guide html decode calendar units settings template scheme pdf docx ofd webform

# The program's flags without its own sanitizer choice (the fuzz build always uses ASan +
# UBSan) and without the GCC-only warning option clang does not know.
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(filter-out $(SANFLAGS) -Wno-format-truncation,$(ALL_CFLAGS)) $(FUZZ_SAN)
FUZZ_LIB_OBJS = $(LIB_SRCS:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BINS     = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz/%_fuzz)

# Seeds for each target: the fixtures of its reader.
# tests/fixtures/fuzz/ holds what the fuzzers found (tests/unit/fuzz_findings_test.c).
FUZZ_SEEDS_letter   := tests/fixtures/letters/*.txt tests/fixtures/letters/*.html tests/fixtures/letters/*.eml tests/fixtures/fuzz/*.eml
FUZZ_SEEDS_mail     := tests/fixtures/letters/*.eml tests/fixtures/fuzz/*.eml
FUZZ_SEEDS_inbox    := tests/fixtures/inbox/*.eml tests/fixtures/letters/*.eml tests/fixtures/fuzz/*.eml
FUZZ_SEEDS_guide    := tests/fixtures/guides/*.html tests/fixtures/guides/*.pdf tests/fixtures/fuzz/*.html
FUZZ_SEEDS_html     := tests/fixtures/guides/*.html tests/fixtures/letters/*.html
FUZZ_SEEDS_decode   := tests/fixtures/letters/*.txt tests/fixtures/letters/*.html tests/fixtures/guides/*.html tests/fixtures/fuzz/*
FUZZ_SEEDS_calendar := tests/fixtures/calendars/*.ics schedule/holidays/*.ics tests/fixtures/fuzz/*.ics
FUZZ_SEEDS_units    := harness/data/units.csv tests/fixtures/mailstack/*.csv
FUZZ_SEEDS_settings := config.example.ini
FUZZ_SEEDS_template := templates/*/*.tpl tests/fixtures/templates/*.tpl tests/fixtures/templates/*/*.tpl
FUZZ_SEEDS_scheme   := grader/schemes/*.ini
# The letter files as they are, and unpacked (tests/fuzz/make-seeds). Not the PDF bomb: poppler
# spends minutes inside one page, which only the process around the reader can stop
# (harness/mail/letter_document.c); nor the scans, read by OCR, which the pdf target leaves out.
FUZZ_SEEDS_pdf      := tests/fixtures/letters/attachments/t2_disclosed.pdf tests/fixtures/letters/attachments/flaw_*.pdf tests/fixtures/letters/attachments/hostile_encrypted.pdf tests/fixtures/letters/attachments/hostile_many_pages.pdf tests/fixtures/guides/*.pdf tests/fuzz/seeds/pdf/* tests/fixtures/fuzz/*.pdf
FUZZ_SEEDS_docx     := tests/fixtures/letters/attachments/*.docx tests/fuzz/seeds/docx/* tests/fixtures/fuzz/*.docx
FUZZ_SEEDS_ofd      := tests/fixtures/letters/attachments/*.ofd tests/fuzz/seeds/ofd/* tests/fixtures/fuzz/*.ofd
FUZZ_SEEDS_webform  := tests/fixtures/web/*.html

.PHONY: fuzz fuzz-build fuzz-deps fuzz-clean
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory fuzz-build
	@tests/fuzz/run-targets $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TIMEOUT) \
		$(foreach t,$(FUZZ_TARGETS),'$(t):$(FUZZ_SEEDS_$(t))')

fuzz-build: $(FUZZ_BINS)

fuzz-clean:
	rm -rf $(FUZZ_BUILD)
clean: fuzz-clean

fuzz-deps:
	@tests/env/install-deps fuzz

# Library objects get coverage instrumentation but no libFuzzer main(); targets link it.
$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZCC  $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(EXTRA_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

# The one object that knows where the shipped data is (as in the Makefile).
$(FUZZ_BUILD)/harness/datadir.o: EXTRA_CFLAGS = -DFOI_DATADIR='"$(CURDIR)"'

# As for the program: a file that changes with the list of sources, so a deleted one relinks.
$(FUZZ_BUILD)/lib.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(LIB_SRCS)' | cmp -s - $@ || echo '$(LIB_SRCS)' > $@

$(FUZZ_BUILD)/libfoi.a: $(FUZZ_LIB_OBJS) $(FUZZ_BUILD)/lib.list
	rm -f $@ && ar rcs $@ $(FUZZ_LIB_OBJS)

$(FUZZ_BUILD)/fuzz/%_fuzz: $(FUZZ_BUILD)/tests/fuzz/%_fuzz.o $(FUZZ_BUILD)/tests/fuzz/fuzz_input.o $(FUZZ_BUILD)/libfoi.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $(filter %.o,$^) $(filter %.a,$^) $(LIBS)

# The .docx and OFD targets pack their input into a zip first (fuzz_package.h).
$(FUZZ_BUILD)/fuzz/docx_fuzz $(FUZZ_BUILD)/fuzz/ofd_fuzz: $(FUZZ_BUILD)/tests/fuzz/fuzz_package.o

# The targets' own objects are intermediate to make; keep them so a rebuild is incremental.
.SECONDARY: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/tests/fuzz/%_fuzz.o) $(FUZZ_BUILD)/tests/fuzz/fuzz_input.o \
	$(FUZZ_BUILD)/tests/fuzz/fuzz_package.o

-include $(shell find $(FUZZ_BUILD) -name '*.d' 2>/dev/null)
