/* dict.h — dict internals shared with the dict views and iterators (vm/iterobjs.c) and the
 * set code. The Dict struct itself stays private to vm/dict.c. */
#ifndef ASPEN_DICT_H
#define ASPEN_DICT_H

#include "vm/vm.h"

/* Entries are numbered 0..dict_entry_count(d)-1 in insertion order; deleted ones are skipped.
 * dict_entry_at returns false for a deleted or out-of-range entry. */
int64_t dict_entry_count(Dict *d);
bool dict_entry_at(Dict *d, int64_t i, Value *key, Value *value, int64_t *hash);
/* Lookup with a precomputed hash: 1 found (*out = value, if out), 0 missing, -1 error. */
int dict_get_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value *out);
int dict_set_hashed(VM *vm, Dict *d, Value key, int64_t hash, Value v);
/* dict.__repr__ etc. also accept subclasses: true when v's layout is a dict. */
bool dict_check(VM *vm, Value v);
/* Merge `other` (a mapping with keys(), or an iterable of pairs) into d, as dict.update. */
int dict_merge_arg(VM *vm, Dict *d, Value other);

#endif
