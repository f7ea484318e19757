/* arena.c — chunked bump allocator that owns every AST node and string of one parse.
 *
 * A parse allocates many small objects and frees them all at once, so a bump pointer over
 * a list of chunks beats malloc/free per node and makes error paths leak-free: throwing
 * away the arena throws away everything. */
#include "lang/ast.h"

#include <stdlib.h>
#include <string.h>

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
};

enum { ARENA_CHUNK = 64 * 1024 };

Arena *arena_new(void) {
    Arena *a = calloc(1, sizeof *a);
    if (!a) abort();
    return a;
}

void arena_free(Arena *a) {
    if (!a) return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static Chunk *chunk_new(size_t need) {
    size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;
    Chunk *c = malloc(sizeof *c + cap);
    if (!c) abort();   /* out of memory while parsing: nothing sensible to unwind to */
    c->next = NULL;
    c->used = 0;
    c->cap = cap;
    return c;
}

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    if (n == 0) n = 8;
    Chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        Chunk *fresh = chunk_new(n);
        /* An oversized request gets its own chunk behind the head so the head's free
         * space is not wasted. */
        if (c && n > ARENA_CHUNK / 4) {
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            a->head = fresh;
        }
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *d = arena_alloc(a, n + 1);
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}
