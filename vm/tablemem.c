/* tablemem.c — memory for the dict's index and entries arrays.
 *
 * A big hash table is probed at random: with 4 KiB pages nearly every probe into a multi-MiB
 * array also misses the TLB, and filling it takes one page fault per 4 KiB. So from TABLE_HUGE
 * bytes up an array gets its own 2 MiB-aligned mapping advised for transparent huge pages
 * (the kernel's default leaves them to madvise): a few TLB entries cover it and it faults in
 * 2 MiB at a time. Growing such an array moves its pages with mremap instead of copying them.
 * Smaller arrays come from malloc, as before. The caller passes each array's size back in:
 * the size alone tells which kind of memory it is. */
#define _GNU_SOURCE
#include "vm/tablemem.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__linux__)
#include <sys/mman.h>
#define HUGE_PAGE ((size_t)2 << 20)

static bool is_big(size_t bytes) { return bytes >= TABLE_HUGE; }

static size_t map_len(size_t bytes) { return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1); }

/* A fresh zeroed mapping of `len` bytes (a multiple of HUGE_PAGE) at a HUGE_PAGE boundary. */
static void *map_aligned(size_t len) {
    size_t span = len + HUGE_PAGE;
    char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a > p) munmap(p, (size_t)(a - p));
    if (p + span > a + len) munmap(a + len, (size_t)(p + span - (a + len)));
#ifdef MADV_HUGEPAGE
    madvise(a, len, MADV_HUGEPAGE);
#endif
    return a;
}

void *table_alloc(size_t bytes, bool zeroed) {
    if (is_big(bytes)) return map_aligned(map_len(bytes));
    return zeroed ? calloc(1, bytes) : malloc(bytes);
}

void table_free(void *p, size_t bytes) {
    if (!p) return;
    if (is_big(bytes)) munmap(p, map_len(bytes));
    else free(p);
}

void *table_realloc(void *p, size_t old, size_t bytes) {
    if (!p) return table_alloc(bytes, false);
    if (!is_big(old) && !is_big(bytes)) return realloc(p, bytes);
    if (is_big(old) && is_big(bytes)) {
        /* move the pages to a fresh aligned address: huge pages stay huge, nothing is copied */
        void *to = map_aligned(map_len(bytes));
        if (!to) return NULL;
        void *r = mremap(p, map_len(old), map_len(bytes), MREMAP_MAYMOVE | MREMAP_FIXED, to);
        if (r == MAP_FAILED) { munmap(to, map_len(bytes)); return NULL; }
        return r;
    }
    void *n = table_alloc(bytes, false);
    if (!n) return NULL;
    memcpy(n, p, old < bytes ? old : bytes);
    table_free(p, old);
    return n;
}

#else

void *table_alloc(size_t bytes, bool zeroed) { return zeroed ? calloc(1, bytes) : malloc(bytes); }
void table_free(void *p, size_t bytes) { (void)bytes; free(p); }
void *table_realloc(void *p, size_t old, size_t bytes) { (void)old; return realloc(p, bytes); }

#endif
