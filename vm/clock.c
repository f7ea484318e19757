/* clock.c — real and virtual clocks (see clock.h). */
#include "vm/clock.h"
#include <time.h>
#include <errno.h>

static int64_t real_mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t real_wall_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void ensure_started(VM *vm) {
    if (!vm->clock.started) {
        vm->clock.started = 1;
        vm->clock.virt_ns = real_mono_ns();
        vm->clock.wall_at_start = real_wall_ns();
        vm->clock.mono_at_start = vm->clock.virt_ns;
    }
}

bool clock_is_virtual(VM *vm) { return vm->config.virtual_time != 0; }

int64_t clock_now_ns(VM *vm) {
    if (!vm->config.virtual_time) return real_mono_ns();
    ensure_started(vm);
    return vm->clock.virt_ns;
}

double clock_now(VM *vm) { return (double)clock_now_ns(vm) / 1e9; }

int64_t clock_wall_ns(VM *vm) {
    if (!vm->config.virtual_time) return real_wall_ns();
    ensure_started(vm);
    return vm->clock.wall_at_start + (vm->clock.virt_ns - vm->clock.mono_at_start);
}

void clock_advance_to(VM *vm, int64_t ns) {
    ensure_started(vm);
    if (ns > vm->clock.virt_ns) vm->clock.virt_ns = ns;
}

void clock_sleep_ns(VM *vm, int64_t ns) {
    if (ns <= 0) return;
    if (vm->config.virtual_time) { ensure_started(vm); vm->clock.virt_ns += ns; return; }
    struct timespec ts = { ns / 1000000000, ns % 1000000000 };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
        if (vm->interrupt) break;
    }
}
