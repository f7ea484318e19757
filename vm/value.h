/* value.h — the 8-byte Value and the common object header.
 *
 * A Value is one machine word. Low bit 1: an immediate small int (62-bit signed payload,
 * shifted left by one). Low bit 0: a pointer to a heap object (8-byte aligned), never NULL for
 * a live value. The word 0 is reserved to mean "no value / an exception is set", so C functions
 * returning Value signal errors by returning 0 (see DESIGN.md, errors are values). */
#ifndef ASPEN_VALUE_H
#define ASPEN_VALUE_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

typedef uintptr_t Value;

#define VNULL ((Value)0)
#define SMALLINT_MAX (((int64_t)1 << 61) - 1)
#define SMALLINT_MIN (-((int64_t)1 << 61))

static inline bool v_is_int(Value v) { return (v & 1) != 0; }
static inline bool v_is_obj(Value v) { return (v & 1) == 0 && v != 0; }
static inline int64_t v_int(Value v) { return (int64_t)v >> 1; }
static inline Value v_from_int(int64_t i) { return ((uint64_t)i << 1) | 1; }
static inline bool smallint_fits(int64_t i) { return i >= SMALLINT_MIN && i <= SMALLINT_MAX; }

struct Type;

/* Every heap object starts with this 16-byte header. `gc` holds collector bits; `aux` is
 * per-type scratch (a cached hash for str, for instance) that the GC never touches. */
typedef struct Obj {
    struct Type *type;
    uint32_t gc;
    uint32_t aux;
} Obj;

static inline Obj *v_obj(Value v) { return (Obj *)v; }
static inline Value v_from_obj(const void *o) { return (Value)o; }

#include <string.h>
/* The collector finds C-held objects by scanning the C stack, but a pointer *into* an
 * object's malloc'd buffer (a list's items) does not keep the object alive. GC_KEEP(v) after
 * the last use of such a buffer makes the compiler keep `v` itself live until that point. */
#define GC_KEEP(v) __asm__ volatile("" : : "r"(v) : "memory")

/* memcpy that accepts (NULL, 0): argument arrays are often empty. */
static inline void vmemcpy(void *dst, const void *src, size_t n) { if (n) memcpy(dst, src, n); }

#endif
