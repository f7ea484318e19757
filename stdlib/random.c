/* random.c — the `random` module: the Random class over the Mersenne Twister of
 * stdlib/mt19937.h, with the algorithms of CPython 3.11's Lib/random.py replicated step for
 * step (same draws in the same order), so a seeded script prints CPython's exact numbers.
 * Module-level functions are methods bound to one hidden Random instance, as in CPython. */
#include "vm/numobj.h"
#include "stdlib/mt19937.h"
#include "stdlib/random_sha512.h"
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct Rand {
    Obj head;
    Value gauss_next;   /* float or None (VNULL before __init__) */
    MT mt;
} Rand;

static void rand_trace(GC *gc, Obj *o) { gc_mark(gc, ((Rand *)o)->gauss_next); }

static Rand *rself(Value v) { return (Rand *)v; }


/* ---- seeding ---- */

/* The key of random.seed(int): |a|'s 32-bit words, least significant first. */
static void seed_from_int(VM *vm, MT *mt, Value a) {
    BigIntTmp tmp;
    const BigInt *b = int_view(a, &tmp);
    int64_t n = b->size < 0 ? -b->size : b->size;
    if (n == 0) {
        uint32_t zero = 0;
        mt_init_by_array(mt, &zero, 1);
        return;
    }
    mt_init_by_array(mt, b->d, (size_t)n);
}

/* The key of a big-endian byte string read as one unsigned int. */
static int seed_from_be_bytes(VM *vm, MT *mt, const uint8_t *p, size_t len) {
    size_t nw = len / 4 + 1;
    uint32_t *key = calloc(nw, sizeof(uint32_t));
    if (!key) { vm_nomem(vm); return -1; }
    for (size_t i = 0; i < len; i++) {
        size_t bit = (len - 1 - i) * 8;
        key[bit / 32] |= (uint32_t)p[i] << (bit % 32);
    }
    while (nw > 1 && key[nw - 1] == 0) nw--;
    mt_init_by_array(mt, key, nw);
    free(key);
    return 0;
}

/* seed(str/bytes) with version 2: int.from_bytes(a + sha512(a).digest()). */
static int seed_from_bytes(VM *vm, MT *mt, const uint8_t *p, size_t len) {
    uint8_t *buf = malloc(len + 64);
    if (!buf) { vm_nomem(vm); return -1; }
    if (len) memcpy(buf, p, len);
    sha512(p, len, buf + len);
    int r = seed_from_be_bytes(vm, mt, buf, len + 64);
    free(buf);
    return r;
}

/* seed(None): 624 words of OS entropy, like CPython's random_seed_urandom. */
static void seed_from_os(VM *vm, MT *mt) {
    uint32_t key[MT_N];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < sizeof key) {
            ssize_t r = read(fd, (char *)key + got, sizeof key - got);
            if (r <= 0) break;
            got += (size_t)r;
        }
        close(fd);
    }
    if (got < sizeof key) {   /* no entropy device: fall back on time and pid, as CPython */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t k2[4] = {(uint32_t)ts.tv_sec, (uint32_t)ts.tv_nsec, (uint32_t)getpid(),
                          (uint32_t)(uintptr_t)mt};
        mt_init_by_array(mt, k2, 4);
        return;
    }
    mt_init_by_array(mt, key, MT_N);
}

static int do_seed(VM *vm, Rand *r, Value a, Value version) {
    if (!a || a == vm->none) {
        seed_from_os(vm, &r->mt);
    } else if (int_is(vm, a)) {
        seed_from_int(vm, &r->mt, a);
    } else if (float_is(vm, a)) {
        /* CPython hashes non-int seeds and reads the hash as an unsigned size_t */
        uint64_t h = (uint64_t)float_hash(float_val(a));
        mt_seed_u64(&r->mt, h);
    } else if (isinst(vm, a, vm->t_str)) {
        if (version && v_is_int(version) && v_int(version) == 1)
            return vm_raise(vm, vm->e_NotImplementedError, "random.seed(version=1) is not supported"), -1;
        if (seed_from_bytes(vm, &r->mt, (const uint8_t *)str_cstr(a), as_str(a)->len) < 0) return -1;
    } else if (isinst(vm, a, vm->t_bytes)) {
        if (seed_from_bytes(vm, &r->mt, ((Bytes *)a)->data, ((Bytes *)a)->n) < 0) return -1;
    } else if (isinst(vm, a, vm->t_bytearray)) {
        if (seed_from_bytes(vm, &r->mt, ((ByteArray *)a)->data, ((ByteArray *)a)->n) < 0) return -1;
    } else {
        vm_raise(vm, vm->e_TypeError, "The only supported seed types are: None,\n"
                                      "int, float, str, bytes, and bytearray.");
        return -1;
    }
    r->gauss_next = vm->none;
    return 0;
}

/* ---- integer draws ---- */

/* getrandbits(k) as an int Value. */
static Value getrandbits_value(VM *vm, Rand *r, int64_t k) {
    if (k <= 62) return v_from_int((int64_t)mt_getrandbits64(&r->mt, (int)k));
    size_t nw = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = malloc(nw * sizeof(uint32_t));
    if (!w) return vm_nomem(vm);
    mt_getrandbits(&r->mt, k, w);
    int_bind(vm);
    BigInt *b = bigint_alloc(nw);
    if (!b) { free(w); return vm_nomem(vm); }
    size_t n = nw;
    while (n > 0 && w[n - 1] == 0) n--;
    memcpy(b->d, w, n * sizeof(uint32_t));
    b->size = (int64_t)n;
    free(w);
    return int_from_bigres(vm, b);
}

/* Lib/random.py's _randbelow_with_getrandbits(n) for any int n > 0. */
static Value randbelow(VM *vm, Rand *r, Value n) {
    uint64_t u;
    BigIntTmp tmp;
    const BigInt *b = int_view(n, &tmp);
    if (bigint_to_u64(b, &u)) return int_from_u64(vm, mt_randbelow(&r->mt, u));
    int64_t k = (int64_t)bigint_bit_length(b);
    for (;;) {
        Value x = getrandbits_value(vm, r, k);
        if (!x) return VNULL;
        if (int_cmp(vm, x, n) < 0) return x;
    }
}

/* ---- methods ---- */

static Value r_new(VM *vm, Value *a, int n, Value k) {
    Type *t = (Type *)a[0];
    Rand *r = gc_alloc(vm, t, t->size);
    if (!r) return VNULL;
    r->gauss_next = vm->none;
    if (n > 2) return vm_raise(vm, vm->e_TypeError, "Random() takes at most 1 argument (%d given)", n - 1);
    seed_from_os(vm, &r->mt);
    return v_from_obj(r);
}

static Value r_seed(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "a", "version", NULL};
    Value out[3];
    if (vm_parse_args(vm, "seed", a, n, k, names, 1, 1, out) < 0) return VNULL;
    if (do_seed(vm, rself(a[0]), out[1], out[2]) < 0) return VNULL;
    return vm->none;
}

static Value r_init(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "x", NULL};
    Value out[2];
    if (vm_parse_args(vm, "Random", a, n, k, names, 1, 1, out) < 0) return VNULL;
    Value x = out[1] ? out[1] : vm->none;
    Value r = vm_call_method(vm, a[0], STR(vm, "seed"), &x, 1);
    if (!r) return VNULL;
    rself(a[0])->gauss_next = vm->none;
    return vm->none;
}

static Value r_random(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "random", n - 1, k, 0, 0) < 0) return VNULL;
    return float_new(vm, mt_random(&rself(a[0])->mt));
}

static Value r_getrandbits(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "getrandbits", n - 1, k, 1, 1) < 0) return VNULL;
    Value kv = int_index(vm, a[1]);
    if (!kv) return VNULL;
    int64_t bits;
    if (!int_to_i64(kv, &bits)) return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
    if (bits < 0) return vm_raise(vm, vm->e_ValueError, "number of bits must be non-negative");
    if (bits > INT32_MAX) return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
    return getrandbits_value(vm, rself(a[0]), bits);
}

static Value r_randbytes(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "randbytes", n - 1, k, 1, 1) < 0) return VNULL;
    Value nv = int_index(vm, a[1]);
    if (!nv) return VNULL;
    int64_t len;
    if (!int_to_i64(nv, &len) || len > INT32_MAX / 8) return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C int");
    if (len < 0) return vm_raise(vm, vm->e_ValueError, "number of bits must be non-negative");
    /* getrandbits(n * 8).to_bytes(n, 'little') */
    size_t nw = (size_t)(len * 8 + 31) / 32;
    uint32_t *w = calloc(nw ? nw : 1, sizeof(uint32_t));
    if (!w) return vm_nomem(vm);
    mt_getrandbits(&rself(a[0])->mt, len * 8, w);
    uint8_t *buf = malloc(len ? (size_t)len : 1);
    if (!buf) { free(w); return vm_nomem(vm); }
    for (int64_t i = 0; i < len; i++) buf[i] = (uint8_t)(w[i / 4] >> (8 * (i % 4)));
    Value r = bytes_new(vm, buf, len);
    free(buf);
    free(w);
    return r;
}

/* randrange's argument conversion: _index(v), else int(v) when it equals v. */
static Value rr_arg(VM *vm, Value v, const char *msg) {
    if (int_is(vm, v)) return int_exact(vm, v);
    if (type_lookup(vm, type_of(vm, v), vm->s___index__)) return int_index(vm, v);
    Value i = type_call(vm, vm->t_int, &v, 1, VNULL);
    if (!i) return VNULL;
    int eq = vm_eq(vm, i, v);
    if (eq < 0) return VNULL;
    if (!eq) return vm_raise(vm, vm->e_ValueError, "%s", msg);
    return i;
}

static Value randrange_core(VM *vm, Rand *r, Value start, Value stop, Value step) {
    Value istart = rr_arg(vm, start, "non-integer arg 1 for randrange()");
    if (!istart) return VNULL;
    if (!stop || stop == vm->none) {
        if (step) return vm_raise(vm, vm->e_TypeError, "Missing a non-None stop argument");
        if (int_sign(istart) > 0) return randbelow(vm, r, istart);
        return vm_raise(vm, vm->e_ValueError, "empty range for randrange()");
    }
    Value istop = rr_arg(vm, stop, "non-integer stop for randrange()");
    if (!istop) return VNULL;
    Value width = int_binop(vm, OP_SUB, istop, istart);
    if (!width) return VNULL;
    Value istep = step ? rr_arg(vm, step, "non-integer step for randrange()") : v_from_int(1);
    if (!istep) return VNULL;
    if (istep == v_from_int(1)) {
        if (int_sign(width) > 0) {
            Value x = randbelow(vm, r, width);
            return x ? int_binop(vm, OP_ADD, istart, x) : VNULL;
        }
        Value s1 = int_to_str(vm, istart, 10), s2 = int_to_str(vm, istop, 10), s3 = int_to_str(vm, width, 10);
        if (!s1 || !s2 || !s3) return VNULL;
        return vm_raise(vm, vm->e_ValueError, "empty range for randrange() (%s, %s, %s)",
                        str_cstr(s1), str_cstr(s2), str_cstr(s3));
    }
    int ss = int_sign(istep);
    if (ss == 0) return vm_raise(vm, vm->e_ValueError, "zero step for randrange()");
    Value num = int_binop(vm, OP_ADD, width, istep);
    if (!num) return VNULL;
    num = int_binop(vm, ss > 0 ? OP_SUB : OP_ADD, num, v_from_int(1));
    if (!num) return VNULL;
    Value cnt = int_binop(vm, OP_FLOORDIV, num, istep);
    if (!cnt) return VNULL;
    if (int_sign(cnt) <= 0) return vm_raise(vm, vm->e_ValueError, "empty range for randrange()");
    Value x = randbelow(vm, r, cnt);
    if (!x) return VNULL;
    x = int_binop(vm, OP_MULT, istep, x);
    return x ? int_binop(vm, OP_ADD, istart, x) : VNULL;
}

static Value r_randrange(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "start", "stop", "step", NULL};
    Value out[4];
    if (vm_parse_args(vm, "randrange", a, n, k, names, 2, 1, out) < 0) return VNULL;
    return randrange_core(vm, rself(a[0]), out[1], out[2], out[3]);
}

static Value r_randint(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "a", "b", NULL};
    Value out[3];
    if (vm_parse_args(vm, "randint", a, n, k, names, 3, 1, out) < 0) return VNULL;
    /* randrange(a, b + 1): b + 1 is Python's +, so floats and odd types behave alike */
    Value stop = vm_binop(vm, OP_ADD, out[2], v_from_int(1));
    if (!stop) return VNULL;
    return randrange_core(vm, rself(a[0]), out[1], stop, VNULL);
}

static Value r_choice(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "choice", n - 1, k, 1, 1) < 0) return VNULL;
    int64_t len = vm_len(vm, a[1]);
    if (len < 0) return VNULL;
    if (len == 0) return vm_raise(vm, vm->e_IndexError, "Cannot choose from an empty sequence");
    uint64_t i = mt_randbelow(&rself(a[0])->mt, (uint64_t)len);
    return vm_getitem(vm, a[1], v_from_int((int64_t)i));
}

static Value r_shuffle(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "shuffle", n - 1, k, 1, 1) < 0) return VNULL;
    Value x = a[1];
    int64_t len = vm_len(vm, x);
    if (len < 0) return VNULL;
    Rand *r = rself(a[0]);
    for (int64_t i = len - 1; i >= 1; i--) {
        int64_t j = (int64_t)mt_randbelow(&r->mt, (uint64_t)i + 1);
        if (type_of(vm, x) == vm->t_list && as_list(x)->n == len) {
            Value *it = as_list(x)->items, t = it[i];
            it[i] = it[j];
            it[j] = t;
            continue;
        }
        /* x[i], x[j] = x[j], x[i] */
        Value xj = vm_getitem(vm, x, v_from_int(j));
        if (!xj) return VNULL;
        Value xi = vm_getitem(vm, x, v_from_int(i));
        if (!xi) return VNULL;
        if (vm_setitem(vm, x, v_from_int(i), xj) < 0) return VNULL;
        if (vm_setitem(vm, x, v_from_int(j), xi) < 0) return VNULL;
    }
    return vm->none;
}

/* collections.abc.Sequence, approximately: indexable and sized, not a mapping or set. */
static bool is_sequence(VM *vm, Value v) {
    if (isinst(vm, v, vm->t_dict) || isinst(vm, v, vm->t_set) || isinst(vm, v, vm->t_frozenset))
        return false;
    Type *t = type_of(vm, v);
    return isinst(vm, v, vm->t_list) || isinst(vm, v, vm->t_tuple) || isinst(vm, v, vm->t_str) ||
           isinst(vm, v, vm->t_range) || isinst(vm, v, vm->t_bytes) ||
           isinst(vm, v, vm->t_bytearray) ||
           ((t->flags & TF_HEAPTYPE) && type_lookup(vm, t, vm->s___getitem__) &&
            type_lookup(vm, t, vm->s___len__));
}

static Value r_sample(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "population", "k", "counts", NULL};
    Value out[4];
    if (vm_parse_args(vm, "sample", a, n, k, names, 3, 1, out) < 0) return VNULL;
    Value pop = out[1];
    if (out[3] && out[3] != vm->none)
        return vm_raise(vm, vm->e_NotImplementedError, "sample() with counts is not supported");
    if (!is_sequence(vm, pop))
        return vm_raise(vm, vm->e_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t len = vm_len(vm, pop);
    if (len < 0) return VNULL;
    Value kv = int_index(vm, out[2]);
    if (!kv) return VNULL;
    int64_t kk;
    if (!int_to_i64(kv, &kk) || kk < 0 || kk > len)
        return vm_raise(vm, vm->e_ValueError, "Sample larger than population or is negative");
    Rand *r = rself(a[0]);
    Value result = list_new(vm, kk);
    if (!result) return VNULL;
    int64_t setsize = 21;
    if (kk > 5) setsize += (int64_t)pow(4.0, ceil(log((double)(kk * 3)) / log(4.0)));
    if (len <= setsize) {
        Value pool = vm_to_list(vm, pop);
        if (!pool) return VNULL;
        for (int64_t i = 0; i < kk; i++) {
            int64_t j = (int64_t)mt_randbelow(&r->mt, (uint64_t)(len - i));
            Value *p = as_list(pool)->items;
            if (list_append(vm, result, p[j]) < 0) return VNULL;
            p[j] = p[len - i - 1];
        }
        return result;
    }
    Value selected = set_new(vm, vm->t_set);
    if (!selected) return VNULL;
    for (int64_t i = 0; i < kk; i++) {
        int64_t j = (int64_t)mt_randbelow(&r->mt, (uint64_t)len);
        while (set_contains(vm, selected, v_from_int(j)) == 1)
            j = (int64_t)mt_randbelow(&r->mt, (uint64_t)len);
        if (set_add(vm, selected, v_from_int(j)) < 0) return VNULL;
        Value item = vm_getitem(vm, pop, v_from_int(j));
        if (!item || list_append(vm, result, item) < 0) return VNULL;
    }
    return result;
}

/* bisect.bisect_right(a, x, 0, hi) over a list. */
static int bisect_right(VM *vm, Value list, Value x, int64_t hi, int64_t *out) {
    int64_t lo = 0;
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        int lt = vm_richcmp_bool(vm, x, as_list(list)->items[mid], CMP_LT);
        if (lt < 0) return -1;
        if (lt) hi = mid;
        else lo = mid + 1;
    }
    *out = lo;
    return 0;
}

static Value r_choices(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "population", "weights", "cum_weights", "k", NULL};
    Value out[5];
    if (vm_parse_args(vm, "choices", a, n, k, names, 2, 1, out) < 0) return VNULL;
    if (n > 3) return vm_raise(vm, vm->e_TypeError, "Random.choices() takes from 2 to 3 positional arguments but %d were given", n);
    Rand *r = rself(a[0]);
    Value pop = out[1], weights = out[2], cum = out[3];
    int64_t kk = 1;
    if (out[4]) {
        Value kv = int_index(vm, out[4]);
        if (!kv) return VNULL;
        if (!int_to_i64(kv, &kk)) return vm_raise(vm, vm->e_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    int64_t len = vm_len(vm, pop);
    if (len < 0) return VNULL;
    Value result = list_new(vm, kk > 0 ? kk : 0);
    if (!result) return VNULL;
    if (!cum || cum == vm->none) {
        if (!weights || weights == vm->none) {
            double fn = (double)len;
            for (int64_t i = 0; i < kk; i++) {
                double idx = floor(mt_random(&r->mt) * fn);
                Value item = vm_getitem(vm, pop, v_from_int((int64_t)idx));
                if (!item || list_append(vm, result, item) < 0) return VNULL;
            }
            return result;
        }
        /* cum_weights = list(accumulate(weights)) */
        Value it = vm_iter(vm, weights);
        if (!it) {
            if (vm_exc_is(vm, vm->e_TypeError) && int_is(vm, weights)) {
                vm_clear_exc(vm);
                Value s = vm_repr(vm, weights);
                if (!s) return VNULL;
                return vm_raise(vm, vm->e_TypeError, "The number of choices must be a keyword argument: k=%s", str_cstr(s));
            }
            return VNULL;
        }
        cum = list_new(vm, len);
        if (!cum) return VNULL;
        Value total = VNULL, w;
        while ((w = vm_next(vm, it))) {
            total = total ? vm_binop(vm, OP_ADD, total, w) : w;
            if (!total || list_append(vm, cum, total) < 0) return VNULL;
        }
        if (vm->exc) return VNULL;
    } else if (weights && weights != vm->none) {
        return vm_raise(vm, vm->e_TypeError, "Cannot specify both weights and cumulative weights");
    } else if (!isinst(vm, cum, vm->t_list)) {
        cum = vm_to_list(vm, cum);
        if (!cum) return VNULL;
    }
    if (as_list(cum)->n != len)
        return vm_raise(vm, vm->e_ValueError, "The number of weights does not match the population");
    if (len == 0) return vm_raise(vm, vm->e_IndexError, "list index out of range");
    Value tv = vm_binop(vm, OP_ADD, as_list(cum)->items[len - 1], float_new(vm, 0.0));
    if (!tv) return VNULL;
    double total;
    if (vm_to_double(vm, tv, &total) < 0) return VNULL;
    if (total <= 0.0) return vm_raise(vm, vm->e_ValueError, "Total of weights must be greater than zero");
    if (!isfinite(total)) return vm_raise(vm, vm->e_ValueError, "Total of weights must be finite");
    for (int64_t i = 0; i < kk; i++) {
        int64_t idx;
        Value x = float_new(vm, mt_random(&r->mt) * total);
        if (!x || bisect_right(vm, cum, x, len - 1, &idx) < 0) return VNULL;
        Value item = vm_getitem(vm, pop, v_from_int(idx));
        if (!item || list_append(vm, result, item) < 0) return VNULL;
    }
    return result;
}

/* uniform(a, b) = a + (b - a) * random(), with Python arithmetic on a and b. */
static Value r_uniform(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "a", "b", NULL};
    Value out[3];
    if (vm_parse_args(vm, "uniform", a, n, k, names, 3, 1, out) < 0) return VNULL;
    Value d = vm_binop(vm, OP_SUB, out[2], out[1]);
    if (!d) return VNULL;
    Value rnd = float_new(vm, mt_random(&rself(a[0])->mt));
    Value m = vm_binop(vm, OP_MULT, d, rnd);
    return m ? vm_binop(vm, OP_ADD, out[1], m) : VNULL;
}

static int opt_double(VM *vm, Value v, double dflt, double *out) {
    if (!v) { *out = dflt; return 0; }
    return vm_to_double(vm, v, out);
}

static Value r_triangular(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "low", "high", "mode", NULL};
    Value out[4];
    if (vm_parse_args(vm, "triangular", a, n, k, names, 1, 1, out) < 0) return VNULL;
    double low, high, u = mt_random(&rself(a[0])->mt), c = 0.5;
    if (opt_double(vm, out[1], 0.0, &low) < 0 || opt_double(vm, out[2], 1.0, &high) < 0) return VNULL;
    if (out[3] && out[3] != vm->none) {
        double mode;
        if (vm_to_double(vm, out[3], &mode) < 0) return VNULL;
        if (high == low) return out[1] ? out[1] : float_new(vm, 0.0);
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low; low = high; high = t;
    }
    return float_new(vm, low + (high - low) * sqrt(u * c));
}

static Value r_gauss(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "mu", "sigma", NULL};
    Value out[3];
    if (vm_parse_args(vm, "gauss", a, n, k, names, 1, 1, out) < 0) return VNULL;
    double mu, sigma, z;
    if (opt_double(vm, out[1], 0.0, &mu) < 0 || opt_double(vm, out[2], 1.0, &sigma) < 0) return VNULL;
    Rand *r = rself(a[0]);
    Value g = r->gauss_next;
    r->gauss_next = vm->none;
    if (g && g != vm->none) {
        z = float_val(g);
    } else {
        double x2pi = mt_random(&r->mt) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - mt_random(&r->mt)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = float_new(vm, sin(x2pi) * g2rad);
    }
    return float_new(vm, mu + z * sigma);
}

static Value r_normalvariate(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "mu", "sigma", NULL};
    Value out[3];
    if (vm_parse_args(vm, "normalvariate", a, n, k, names, 1, 1, out) < 0) return VNULL;
    double mu, sigma, z;
    if (opt_double(vm, out[1], 0.0, &mu) < 0 || opt_double(vm, out[2], 1.0, &sigma) < 0) return VNULL;
    const double nv_magic = 4 * exp(-0.5) / sqrt(2.0);
    Rand *r = rself(a[0]);
    for (;;) {
        double u1 = mt_random(&r->mt), u2 = 1.0 - mt_random(&r->mt);
        z = nv_magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2)) break;
    }
    return float_new(vm, mu + z * sigma);
}

static Value r_lognormvariate(VM *vm, Value *a, int n, Value k) {
    Value v = r_normalvariate(vm, a, n, k);
    return v ? float_new(vm, exp(float_val(v))) : VNULL;
}

static Value r_expovariate(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = {"self", "lambd", NULL};
    Value out[2];
    if (vm_parse_args(vm, "expovariate", a, n, k, names, 2, 1, out) < 0) return VNULL;
    double l;
    if (vm_to_double(vm, out[1], &l) < 0) return VNULL;
    double u = mt_random(&rself(a[0])->mt);
    if (l == 0.0) return vm_raise(vm, vm->e_ZeroDivisionError, "float division by zero");
    return float_new(vm, -log(1.0 - u) / l);
}

/* getstate() = (3, (625 ints: the 624 state words and the index), gauss_next) */
static Value r_getstate(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "getstate", n - 1, k, 0, 0) < 0) return VNULL;
    Rand *r = rself(a[0]);
    Value st = tuple_new(vm, MT_N + 1);
    if (!st) return VNULL;
    for (int i = 0; i < MT_N; i++) as_tuple(st)->items[i] = v_from_int(r->mt.state[i]);
    as_tuple(st)->items[MT_N] = v_from_int(r->mt.index);
    return tuple_pack(vm, 3, v_from_int(3), st, r->gauss_next ? r->gauss_next : vm->none);
}

static Value r_setstate(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "setstate", n - 1, k, 1, 1) < 0) return VNULL;
    Value s = a[1];
    if (!isinst(vm, s, vm->t_tuple) || as_tuple(s)->n != 3)
        return vm_raise(vm, vm->e_TypeError, "state vector must be a tuple");
    Value ver = as_tuple(s)->items[0], st = as_tuple(s)->items[1];
    if (ver != v_from_int(3) && ver != v_from_int(2)) {
        Value rv = vm_repr(vm, ver);
        return rv ? vm_raise(vm, vm->e_ValueError, "state with version %s passed to Random.setstate() of version 3", str_cstr(rv)) : VNULL;
    }
    if (!isinst(vm, st, vm->t_tuple)) return vm_raise(vm, vm->e_TypeError, "state vector must be a tuple");
    if (as_tuple(st)->n != MT_N + 1) return vm_raise(vm, vm->e_ValueError, "state vector is the wrong size");
    MT mt;
    for (int i = 0; i <= MT_N; i++) {
        int64_t x;
        Value iv = int_index(vm, as_tuple(st)->items[i]);
        if (!iv) return VNULL;
        if (!int_to_i64(iv, &x) || x < 0 || x > UINT32_MAX)
            return vm_raise(vm, vm->e_OverflowError, "Python int too large to convert to C unsigned long");
        if (i < MT_N) mt.state[i] = (uint32_t)x;
        else if (x > MT_N) return vm_raise(vm, vm->e_ValueError, "invalid state");
        else mt.index = (int)x;
    }
    Rand *r = rself(a[0]);
    r->mt = mt;
    Value g = as_tuple(s)->items[2];
    r->gauss_next = (g == vm->none || float_is(vm, g)) ? g : vm->none;
    return vm->none;
}

typedef struct { const char *name; NativeFn fn; } Meth;
static const Meth rand_methods[] = {
    {"seed", r_seed}, {"random", r_random}, {"getrandbits", r_getrandbits},
    {"randbytes", r_randbytes}, {"randrange", r_randrange}, {"randint", r_randint},
    {"choice", r_choice}, {"choices", r_choices}, {"shuffle", r_shuffle}, {"sample", r_sample},
    {"uniform", r_uniform}, {"triangular", r_triangular}, {"gauss", r_gauss},
    {"normalvariate", r_normalvariate}, {"lognormvariate", r_lognormvariate},
    {"expovariate", r_expovariate}, {"getstate", r_getstate}, {"setstate", r_setstate},
    {NULL, NULL},
};

Value random_module_init(VM *vm) {
    Value mod = module_new(vm, "random");
    if (!mod) return VNULL;
    Type *t = type_new_builtin(vm, "Random", vm->t_object, sizeof(Rand), TF_BASETYPE);
    t->trace = rand_trace;
    t->module = str_intern_cstr(vm, "random");
    type_add_static(vm, t, "__new__", r_new);
    type_add_method(vm, t, "__init__", r_init);
    for (const Meth *m = rand_methods; m->name; m++) type_add_method(vm, t, m->name, m->fn);
    type_set_attr(vm, t, "VERSION", v_from_int(3));
    module_add(vm, mod, "Random", v_from_obj(t));

    /* the hidden instance behind the module-level functions */
    Rand *inst = gc_alloc(vm, t, sizeof(Rand));
    if (!inst) return VNULL;
    inst->gauss_next = vm->none;
    seed_from_os(vm, &inst->mt);
    for (const Meth *m = rand_methods; m->name; m++)
        module_add(vm, mod, m->name, native_new(vm, m->name, m->fn, v_from_obj(inst)));
    return mod;
}
