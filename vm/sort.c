/* sort.c — list.sort / sorted(): a stable merge sort (insertion-sorted runs, then bottom-up
 * merges) using only `<`, as CPython does, with key= and reverse=.
 *
 * While sorting, the list looks empty (its buffer is moved to a hidden holder list), so a key
 * function or __lt__ that mutates it is detected afterwards ("list modified during sort"). Every
 * buffer that holds values during the sort belongs to a GC-visible holder list, and a failed
 * comparison stops the sort with the items still a permutation of the input. */
#include "vm/vm.h"
#include "vm/containers.h"
#include "lang/ast.h"
#include <stdlib.h>
#include <string.h>

enum { SK_GENERIC, SK_INT, SK_STR, SK_FLOAT };

typedef struct {
    VM *vm;
    int kind;
    Value *keys, *vals;      /* vals: the items when sorting by key, else NULL */
    Value *tkeys, *tvals;    /* merge buffers */
} Sorter;

/* 1 if a < b, 0 if not, -1 raised. */
static int lt(Sorter *s, Value a, Value b) {
    switch (s->kind) {
    case SK_INT: return v_int(a) < v_int(b);
    case SK_FLOAT: return float_val(a) < float_val(b);
    case SK_STR: {
        Str *x = as_str(a), *y = as_str(b);
        int64_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->data, y->data, (size_t)n);   /* UTF-8 byte order is code point order */
        return c < 0 || (c == 0 && x->len < y->len);
    }
    default: return vm_richcmp_bool(s->vm, a, b, CMP_LT);
    }
}

static int pick_kind(VM *vm, Value *keys, int64_t n) {
    if (n == 0) return SK_GENERIC;
    Type *t0 = type_of(vm, keys[0]);
    int kind = v_is_int(keys[0]) ? SK_INT : t0 == vm->t_str ? SK_STR : t0 == vm->t_float ? SK_FLOAT : SK_GENERIC;
    for (int64_t i = 1; i < n && kind != SK_GENERIC; i++) {
        bool same = kind == SK_INT ? v_is_int(keys[i]) : (!v_is_int(keys[i]) && ((Obj *)keys[i])->type == t0);
        if (!same) kind = SK_GENERIC;
    }
    return kind;
}

static int insertion_sort(Sorter *s, int64_t lo, int64_t hi) {
    for (int64_t i = lo + 1; i < hi; i++) {
        Value k = s->keys[i], v = s->vals ? s->vals[i] : VNULL;
        int64_t j = i;
        while (j > lo) {
            int r = lt(s, k, s->keys[j - 1]);
            if (r < 0) {
                s->keys[j] = k;
                if (s->vals) s->vals[j] = v;
                return -1;
            }
            if (!r) break;
            s->keys[j] = s->keys[j - 1];
            if (s->vals) s->vals[j] = s->vals[j - 1];
            j--;
        }
        s->keys[j] = k;
        if (s->vals) s->vals[j] = v;
    }
    return 0;
}

/* Merges [lo, mid) and [mid, hi); on error the unmerged left part is put back in place. */
static int merge(Sorter *s, int64_t lo, int64_t mid, int64_t hi) {
    int64_t nl = mid - lo, i = 0, j = mid, k = lo;
    int rc = 0;
    memcpy(s->tkeys, s->keys + lo, (size_t)nl * sizeof(Value));
    if (s->vals) memcpy(s->tvals, s->vals + lo, (size_t)nl * sizeof(Value));
    while (i < nl && j < hi) {
        int r = lt(s, s->keys[j], s->tkeys[i]);
        if (r < 0) { rc = -1; break; }
        if (r) {
            s->keys[k] = s->keys[j];
            if (s->vals) s->vals[k] = s->vals[j];
            j++;
        } else {
            s->keys[k] = s->tkeys[i];
            if (s->vals) s->vals[k] = s->tvals[i];
            i++;
        }
        k++;
    }
    memcpy(s->keys + k, s->tkeys + i, (size_t)(nl - i) * sizeof(Value));
    if (s->vals) memcpy(s->vals + k, s->tvals + i, (size_t)(nl - i) * sizeof(Value));
    return rc;
}

#define RUN 32

static int merge_sort(Sorter *s, int64_t n) {
    for (int64_t lo = 0; lo < n; lo += RUN)
        if (insertion_sort(s, lo, lo + RUN < n ? lo + RUN : n) < 0) return -1;
    for (int64_t w = RUN; w < n; w *= 2) {
        for (int64_t lo = 0; lo + w < n; lo += 2 * w) {
            int64_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
            /* already in order: skip the merge (makes sorted input O(n)) */
            int r = lt(s, s->keys[mid], s->keys[mid - 1]);
            if (r < 0) return -1;
            if (r && merge(s, lo, mid, hi) < 0) return -1;
        }
    }
    return 0;
}

static void reverse_items(Value *a, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) { Value t = a[i]; a[i] = a[j]; a[j] = t; }
}

/* A GC-visible holder list whose buffer is `n` zeroed slots (for the merge buffers). */
static Value holder(VM *vm, int64_t n) {
    Value h = list_new(vm, n);
    if (!h) return VNULL;
    if (n) memset(as_list(h)->items, 0, (size_t)n * sizeof(Value));
    as_list(h)->n = n;
    return h;
}

static int run_sort(VM *vm, Value items_holder, Value key) {
    List *h = as_list(items_holder);
    int64_t n = h->n;
    Sorter s = { vm, SK_GENERIC, h->items, NULL, NULL, NULL };
    Value keys = VNULL;
    if (key) {
        keys = list_new(vm, n);
        if (!keys) return -1;
        for (int64_t i = 0; i < n; i++) {
            Value k = vm_call1(vm, key, h->items[i]);
            if (!k || list_append(vm, keys, k) < 0) return -1;
        }
        s.keys = as_list(keys)->items;
        s.vals = h->items;
    }
    if (n < 2) return 0;
    s.kind = pick_kind(vm, s.keys, n);
    /* the left run of a bottom-up merge is the widest power-of-two multiple of RUN below n,
     * up to n - 1 items (300 items: 256) */
    Value tk = holder(vm, n), tv = key ? holder(vm, n) : VNULL;
    if (!tk || (key && !tv)) return -1;
    s.tkeys = as_list(tk)->items;
    s.tvals = key ? as_list(tv)->items : NULL;
    int rc = merge_sort(&s, n);
    /* keep the holders (and so the keys) alive until here: the C stack roots them */
    __asm__ volatile("" : : "r"(tk), "r"(tv), "r"(keys) : "memory");
    return rc;
}

Value list_sort(VM *vm, Value lv, Value key, bool reverse) {
    List *l = as_list(lv);
    Value hv = list_new(vm, 0);
    if (!hv) return VNULL;
    List *h = as_list(hv);
    h->items = l->items; h->n = l->n; h->cap = l->cap;
    l->items = NULL; l->n = l->cap = 0;
    /* reversing before and after keeps equal items in their original order (stability) */
    if (reverse) reverse_items(h->items, h->n);
    int rc = run_sort(vm, hv, key);
    if (reverse) reverse_items(h->items, h->n);
    bool modified = l->items != NULL || l->n != 0;
    free(l->items);
    l->items = h->items; l->n = h->n; l->cap = h->cap;
    h->items = NULL; h->n = h->cap = 0;
    if (rc < 0) return VNULL;
    if (modified) return vm_raise(vm, vm->e_ValueError, "list modified during sort");
    return vm->none;
}
