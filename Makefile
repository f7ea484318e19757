# Makefile — a thin wrapper over CMake + Ninja so a newcomer needs two commands:
#   make demo    install missing Debian packages (as root), build, run examples/hello.as
#   make test    build and run every test; the last line is `N passed, N failed`
# Other targets: build, deps, test-asan, test-gcstress, bench, fuzz, clean, help.
# The Debian package list lives in .ci/run (`make deps` calls it).

BUILD        ?= build
ASAN_BUILD   ?= build-asan
FUZZ_BUILD   ?= build-fuzz
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_ARGS    ?= -detect_leaks=0

# Ninja when present; otherwise CMake's default generator still works.
GENERATOR := $(if $(shell command -v ninja 2>/dev/null),-G Ninja,)

# Sanitizer runs: a report must fail the test even when the script was expected to exit 1.
SAN_ENV := ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
           UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:abort_on_error=1

.PHONY: all help deps build build-asan demo test test-asan test-gcstress bench fuzz fuzz-build \
        fuzz-check clean

all: build

help:
	@sed -n '2,6p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@bash .ci/run --deps

# ---- builds --------------------------------------------------------------------------------
# Configure once (CMakeCache.txt is the marker); afterwards CMake re-runs itself when needed.
$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release

# RelWithDebInfo without -DNDEBUG: sanitizers plus asserts, at a speed CI can afford.
$(ASAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(ASAN_BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DASPEN_SANITIZE=ON -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g -fno-omit-frame-pointer"

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

build-asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)

# ---- the two newcomer commands -------------------------------------------------------------
demo: build
	./$(BUILD)/aspen examples/hello.as

test: build
	@bash tests/run_all.sh --build $(BUILD) -j $(JOBS)

# ---- CI extras -----------------------------------------------------------------------------
# The CPython re-check does not depend on the build, so the sanitizer run skips it.
test-asan: build-asan
	@env $(SAN_ENV) ASPEN_TEST_TIMEOUT=$${ASPEN_TEST_TIMEOUT:-120} \
	  bash tests/run_all.sh --build $(ASAN_BUILD) --only unit,golden -j $(JOBS)

# Collect at every allocation: slow, so the timeout is generous.
test-gcstress: build
	@env ASPEN_GC_STRESS=1 ASPEN_TEST_TIMEOUT=$${ASPEN_TEST_TIMEOUT:-300} \
	  bash tests/run_all.sh --build $(BUILD) --only golden -j $(JOBS)

bench: build
	python3 tests/bench/run.py --aspen $(BUILD)/aspen

# ---- fuzzing: libFuzzer targets tests/fuzz/*.c linked with the library sources directly -----
FUZZ_CFLAGS := -std=gnu17 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -DASPEN_CHECK_STACK \
               -I. -I$(FUZZ_BUILD)/gen
FUZZ_LIB_SRC := $(wildcard lang/*.c vm/*.c stdlib/*.c stdlib/*/*.c)
FUZZ_AS_SRC  := $(shell find stdlib -name '*.as' 2>/dev/null)
FUZZ_OBJ     := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(FUZZ_LIB_SRC)) \
                $(FUZZ_BUILD)/obj/gen/embedded_modules.o
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard tests/fuzz/*.c))
FUZZ_LIBS    := -lm -lpthread $(if $(wildcard /usr/include/ffi.h /usr/include/*/ffi.h),-lffi,)

fuzz-check:
	@command -v $(FUZZ_CC) >/dev/null || { echo "fuzz: needs $(FUZZ_CC) (apt-get install clang)"; exit 1; }
	@[ -n "$(FUZZ_TARGETS)" ] || { echo "fuzz: no tests/fuzz/*.c targets"; exit 1; }

$(FUZZ_BUILD)/obj/%.o: %.c | fuzz-check
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/obj/gen/%.o: $(FUZZ_BUILD)/gen/%.c | fuzz-check
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/gen/embedded_modules.c: $(FUZZ_AS_SRC) cmake/embed.cmake
	@mkdir -p $(dir $@)
	cmake -DOUT=$(CURDIR)/$@ -DSRC_DIR=$(CURDIR)/stdlib -P cmake/embed.cmake

$(FUZZ_BUILD)/%: tests/fuzz/%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(FUZZ_OBJ) $(FUZZ_LIBS) -o $@

-include $(FUZZ_OBJ:.o=.d)
# Keep the objects and the generated source between runs (make would delete intermediates).
.SECONDARY: $(FUZZ_OBJ) $(FUZZ_BUILD)/gen/embedded_modules.c

fuzz-build: $(FUZZ_TARGETS)

# Each target runs FUZZ_SECONDS; corpora grow in $(FUZZ_BUILD)/corpus/NAME (seeded from
# tests/fuzz/corpus/NAME if present, the golden tests and the examples); crashes land in
# $(FUZZ_BUILD)/crashes/. Every target runs even if an earlier one found a crash.
fuzz: fuzz-check fuzz-build
	@status=0; for bin in $(FUZZ_TARGETS); do \
	  name=$$(basename $$bin); \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$name $(FUZZ_BUILD)/crashes; \
	  seeds="tests/golden examples"; \
	  [ -d tests/fuzz/corpus/$$name ] && seeds="tests/fuzz/corpus/$$name $$seeds"; \
	  echo "==== fuzz $$name for $(FUZZ_SECONDS) s"; \
	  $$bin -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$name- $(FUZZ_ARGS) \
	    $(FUZZ_BUILD)/corpus/$$name $$seeds || status=1; \
	done; \
	if [ $$status -ne 0 ]; then echo "fuzz: crashes in $(FUZZ_BUILD)/crashes/"; fi; \
	exit $$status

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
