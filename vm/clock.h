/* clock.h — the VM's clock. Real mode reads CLOCK_MONOTONIC; virtual mode (aspen
 * --virtual-time) is a counter the event loop advances to the next timer when nothing is
 * ready, so sleeps finish at once while every reading advances exactly. time.monotonic(),
 * time.perf_counter(), time.sleep() and loop.time() all go through here. */
#ifndef ASPEN_CLOCK_H
#define ASPEN_CLOCK_H
#include "vm/vm.h"

int64_t clock_now_ns(VM *vm);                 /* monotonic nanoseconds */
double clock_now(VM *vm);                     /* the same in seconds (loop.time()) */
int64_t clock_wall_ns(VM *vm);                /* time.time(): real epoch time, plus virtual offset */
bool clock_is_virtual(VM *vm);
void clock_advance_to(VM *vm, int64_t ns);    /* virtual mode only: jump forward (never back) */
/* Block for `ns` nanoseconds (time.sleep): sleeps for real, or advances the virtual clock. */
void clock_sleep_ns(VM *vm, int64_t ns);

#endif
