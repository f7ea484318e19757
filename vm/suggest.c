/* suggest.c — "Did you mean: 'print'?" for NameError and AttributeError in tracebacks, with
 * CPython 3.11's algorithm (Python/suggestions.c): a Levenshtein distance where a case-only
 * change costs 1 and any other edit 2, at most a third of the characters changed. */
#include "vm/vm.h"
#include "vm/containers.h"
#include <string.h>
#include <ctype.h>

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_STRING_SIZE 40
#define MAX_CANDIDATES 750

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (tolower((unsigned char)a) == tolower((unsigned char)b)) return CASE_COST;
    return MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost) {
    while (an && bn && a[0] == b[0]) { a++; b++; an--; bn--; }
    while (an && bn && a[an - 1] == b[bn - 1]) { an--; bn--; }
    if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
    if (an > MAX_STRING_SIZE || bn > MAX_STRING_SIZE) return max_cost + 1;
    if (bn < an) { const char *t = a; a = b; b = t; size_t tn = an; an = bn; bn = tn; }
    if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
    size_t buffer[MAX_STRING_SIZE];
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < an; i++) { buffer[i] = tmp; tmp += MOVE_COST; }
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + subst_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* The best candidate among `names` (a list of str), or VNULL. */
static Value best_of(VM *vm, Value names, Value name) {
    List *l = as_list(names);
    if (l->n > MAX_CANDIDATES) return VNULL;
    Str *ns = as_str(name);
    size_t best_d = (size_t)-1;
    Value best = VNULL;
    for (int64_t i = 0; i < l->n; i++) {
        Value it = l->items[i];
        if (!isinst(vm, it, vm->t_str)) continue;
        Str *is = as_str(it);
        if (str_eq(is, ns)) continue;
        size_t maxd = ((size_t)ns->len + (size_t)is->len + 3) * MOVE_COST / 6;
        if (best && best_d - 1 < maxd) maxd = best_d - 1;
        size_t d = levenshtein(ns->data, (size_t)ns->len, is->data, (size_t)is->len, maxd);
        if (d > maxd) continue;
        if (!best || d < best_d) { best = it; best_d = d; }
    }
    return best;
}

static Value dict_keys_list(VM *vm, Dict *d) {
    Value l = list_new(vm, 0);
    int64_t pos = 0; Value k, v;
    while (dict_next(d, &pos, &k, &v)) list_append(vm, l, k);
    return l;
}

/* Called while printing an uncaught exception; never raises. */
Value suggest_for(VM *vm, Value exc) {
    Value saved = vm->exc;
    Value name = exc_get_attr(vm, exc, vm->s_name);
    Value r = VNULL;
    if (!name || !isinst(vm, name, vm->t_str)) return VNULL;
    if (isinst(vm, exc, vm->e_AttributeError)) {
        Value obj = exc_get_attr(vm, exc, vm->s_obj);
        if (obj) {
            Value names = vm_dir(vm, obj);
            if (names) r = best_of(vm, names, name);
        }
    } else if (isinst(vm, exc, vm->e_NameError)) {
        Value locs = exc_get_attr(vm, exc, STR(vm, "__aspen_locals__"));
        Value globs = exc_get_attr(vm, exc, STR(vm, "__aspen_globals__"));
        if (locs && isinst(vm, locs, vm->t_list)) r = best_of(vm, locs, name);
        if (!r && globs && isinst(vm, globs, vm->t_dict)) r = best_of(vm, dict_keys_list(vm, (Dict *)globs), name);
        if (!r) r = best_of(vm, dict_keys_list(vm, vm->builtins), name);
    }
    vm->exc = saved;
    return r;
}
