/* strbuf.h — a growable byte buffer for building strings in C (malloc'd, not GC'd). */
#ifndef ASPEN_STRBUF_H
#define ASPEN_STRBUF_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

typedef struct { char *data; size_t len, cap; } StrBuf;

static inline void sb_init(StrBuf *b) { b->data = NULL; b->len = b->cap = 0; }
static inline void sb_free(StrBuf *b) { free(b->data); sb_init(b); }
static inline void sb_reserve(StrBuf *b, size_t extra) {
    if (b->len + extra + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + extra + 1) nc *= 2;
        char *nd = (char *)realloc(b->data, nc);
        if (!nd) abort();
        b->data = nd; b->cap = nc;
    }
}
static inline void sb_add(StrBuf *b, const char *s, size_t n) {
    sb_reserve(b, n); if (n) memcpy(b->data + b->len, s, n); b->len += n; b->data[b->len] = 0;
}
static inline void sb_adds(StrBuf *b, const char *s) { sb_add(b, s, strlen(s)); }
static inline void sb_addc(StrBuf *b, char c) { sb_reserve(b, 1); b->data[b->len++] = c; b->data[b->len] = 0; }
static inline void sb_fill(StrBuf *b, char c, size_t n) { sb_reserve(b, n); memset(b->data + b->len, c, n); b->len += n; b->data[b->len] = 0; }
void sb_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
