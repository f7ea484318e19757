/* containers.h — init functions and C fast paths of the built-in containers: dict, set and
 * frozenset, list, tuple, range, slice, and their iterators and views (vm/dict.c, set.c,
 * list.c, tuple.c, range.c, iterobjs.c, sort.c). The general API (tuple_new, list_append,
 * dict_get, set_add ...) is declared in vm/vm.h; this header adds what the interpreter and the
 * builtins call directly on exact built-in types. */
#ifndef ASPEN_CONTAINERS_H
#define ASPEN_CONTAINERS_H

#include "vm/vm.h"

/* Called by vm.c in this order. dict_init and tuple_init run before strings exist, so they only
 * create the types; set_init (the first one called after str/object init) adds the methods of
 * dict and tuple as well as set's own. */
void dict_init(VM *vm);
void tuple_init(VM *vm);
void set_init(VM *vm);
void list_init(VM *vm);
void range_init(VM *vm);
void iterobjs_init(VM *vm);
void dict_methods_init(VM *vm);    /* called by set_init */
void tuple_methods_init(VM *vm);   /* called by set_init */

/* ---- fast paths (exact built-in receivers; all raise like the Python-level methods) ---- */
Value list_getitem(VM *vm, Value list, Value key);
int list_setitem(VM *vm, Value list, Value key, Value v);     /* v == VNULL: delete */
Value tuple_getitem(VM *vm, Value tuple, Value key);
Value dict_getitem(VM *vm, Value dict, Value key);            /* KeyError / __missing__ */
Value list_concat(VM *vm, Value a, Value b);                  /* both lists */
Value tuple_concat(VM *vm, Value a, Value b);                 /* both tuples */
Value list_copy(VM *vm, Value list);
int list_contains(VM *vm, Value list, Value v);
int tuple_contains(VM *vm, Value tuple, Value v);
/* CPython's hashes of tuples and frozensets (full 64-bit values, as hash() prints them): vm_hash
 * should call these directly for exact tuples/frozensets rather than going through __hash__,
 * whose int result would be reduced again like a user __hash__'s. 0 ok, -1 raised. */
int tuple_hash(VM *vm, Value tuple, int64_t *out);
int set_hash(VM *vm, Value frozenset, int64_t *out);
Value tuple_from_array(VM *vm, const Value *items, int64_t n);
Value list_from_array(VM *vm, const Value *items, int64_t n);
/* Lexicographic comparison of two lists or two tuples; op is a CmpOpKind (CMP_EQ..CMP_GTE). */
Value seq_richcompare(VM *vm, Value a, Value b, int op);
Value set_copy_as(VM *vm, Value set, Type *t);                /* new set of type t, same items */
int set_update(VM *vm, Value set, Value iterable);
int set_discard(VM *vm, Value set, Value key);                /* 1 removed, 0 absent, -1 error */
Value range_new(VM *vm, int64_t start, int64_t stop, int64_t step);
Value slice_new(VM *vm, Value start, Value stop, Value step);

/* ---- iterators ---- */
Value list_iter_new(VM *vm, Value list);
Value list_reviter_new(VM *vm, Value list);
Value tuple_iter_new(VM *vm, Value tuple);
Value range_iter_new(VM *vm, Value range, bool long_name);
Value seq_iter_new(VM *vm, Value seq);              /* iteration by __getitem__(0, 1, ...) */
Value callable_iter_new(VM *vm, Value fn, Value sentinel);   /* iter(fn, sentinel) */
Value dict_iter_new(VM *vm, Value dict);            /* over the keys */
/* The next item of any iterator type defined in iterobjs.c: VNULL without an exception when it
 * is exhausted, VNULL with one on error. *known is set false (and VNULL returned) when `it` is
 * not one of those types, so the caller falls back to calling __next__. */
Value iterobj_next(VM *vm, Value it, bool *known);
/* FOR_ITER fast paths on exact list_iterator / range_iterator: false when exhausted. */
bool list_iter_next(Value it, Value *out);
bool range_iter_next(Value it, Value *out);

#endif
