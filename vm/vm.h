/* vm.h — the interpreter state and the internal API shared by vm/ and stdlib/.
 *
 * Conventions (DESIGN.md, decision 7): a function returning Value returns VNULL when it raised;
 * a function returning int returns -1 when it raised. The exception lives in vm->exc. */
#ifndef ASPEN_VM_H
#define ASPEN_VM_H

#include <stdio.h>
#include "vm/object.h"
#include "vm/strbuf.h"
#include "vm/code.h"
#include "lang/ast.h"   /* operator enums shared with the compiler */

/* Built-in types, each reachable as vm->t_<name>. */
#define ASPEN_TYPES(X) \
    X(object) X(type) X(int) X(bool) X(float) X(str) X(bytes) X(bytearray) X(tuple) X(list) \
    X(dict) X(set) X(frozenset) X(range) X(slice) X(NoneType) X(NotImplementedType) \
    X(ellipsis) X(function) X(builtin_function_or_method) X(method) X(cell) X(code) \
    X(module) X(generator) X(coroutine) X(async_generator) X(property) X(staticmethod) \
    X(classmethod) X(super) X(traceback) X(list_iterator) X(tuple_iterator) X(str_iterator) \
    X(range_iterator) X(seq_iterator) X(dict_keys) X(dict_values) X(dict_items) \
    X(dict_keyiterator) X(dict_valueiterator) X(dict_itemiterator) X(set_iterator) \
    X(enumerate) X(zip) X(map) X(filter) X(reversed) X(list_reverseiterator) \
    X(callable_iterator) X(bytes_iterator) X(coroutine_wrapper) X(async_generator_asend) \
    X(async_generator_athrow) X(async_generator_wrapped_value) X(frame_stub)

/* Built-in exceptions: X(name, base). Order matters: a base comes before its subclasses. */
#define ASPEN_EXCEPTIONS(X) \
    X(BaseException, object) X(BaseExceptionGroup, BaseException) \
    X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) X(Exception, BaseException) \
    X(CancelledError, BaseException) \
    X(ExceptionGroup, BaseExceptionGroup) \
    X(StopIteration, Exception) X(StopAsyncIteration, Exception) \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) X(AttributeError, Exception) X(BufferError, Exception) \
    X(EOFError, Exception) X(ImportError, Exception) X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) X(IndexError, LookupError) X(KeyError, LookupError) \
    X(MemoryError, Exception) X(NameError, Exception) X(UnboundLocalError, NameError) \
    X(OSError, Exception) X(BlockingIOError, OSError) X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) X(ProcessLookupError, OSError) X(TimeoutError, OSError) \
    X(ReferenceError, Exception) X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError) \
    X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception) \
    X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) X(InvalidStateError, Exception) \
    X(Warning, Exception) X(DeprecationWarning, Warning) X(RuntimeWarning, Warning) \
    X(UserWarning, Warning) X(ResourceWarning, Warning)

/* Interned names the VM uses often: vm->s_<name>. */
#define ASPEN_NAMES(X) \
    X(__init__) X(__new__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__) X(__lt__) \
    X(__le__) X(__gt__) X(__ge__) X(__len__) X(__iter__) X(__next__) X(__getitem__) \
    X(__setitem__) X(__delitem__) X(__contains__) X(__call__) X(__getattr__) \
    X(__getattribute__) X(__setattr__) X(__delattr__) X(__get__) X(__set__) X(__delete__) \
    X(__enter__) X(__exit__) X(__aenter__) X(__aexit__) X(__aiter__) X(__anext__) \
    X(__await__) X(__bool__) X(__format__) X(__name__) X(__qualname__) X(__module__) \
    X(__doc__) X(__dict__) X(__class__) X(__bases__) X(__mro__) X(__main__) X(__builtins__) \
    X(__file__) X(__index__) X(__int__) X(__float__) X(__neg__) X(__pos__) X(__abs__) \
    X(__invert__) X(__round__) X(__reversed__) X(__set_name__) X(__init_subclass__) \
    X(__class_getitem__) X(__base__) X(__missing__) X(__annotations__) X(__all__) X(__traceback__) \
    X(__cause__) X(__context__) X(__qualname_placeholder) X(__slots__) X(__instancecheck__) \
    X(__subclasscheck__) X(__len_hint) X(__path__) X(__spec__) X(__build_class__) \
    X(__classcell__) X(__prepare__) X(__fspath__) X(__trunc__) X(__floor__) X(__ceil__) \
    X(__copy__) X(__del__) X(__sizeof__) X(__weakref__) X(__match_args__) \
    X(args) X(value) X(send) X(throw) X(close) X(keys) X(items) X(values) X(write) \
    X(flush) X(readline) X(append) X(join) X(cancel) X(result) X(exception) X(done) \
    X(add_done_callback) X(code) X(errno) X(strerror) X(filename) X(msg) X(exceptions) \
    X(message) X(lineno) X(offset) X(text) X(end_lineno) X(end_offset) X(name) X(obj) X(stop) \
    X(start) X(step) X(real) X(imag) X(numerator) X(denominator) X(__notes__) \
    X(_asyncio_future_blocking) X(get_loop) X(print_file_and_line) X(__aspen_hidden)

/* Operator dunder tables, indexed by ast BinOpKind (OP_ADD ... OP_FLOORDIV). */
extern const char *const binop_dunder[13], *const binop_rdunder[13], *const binop_idunder[13];
extern const char *const binop_symbol[13];

typedef struct VMConfig {
    size_t memory_limit;      /* bytes; 0 = unlimited */
    uint64_t step_budget;     /* instructions; 0 = unlimited */
    int virtual_time;
    int gc_stress;
} VMConfig;

typedef struct Heap Heap;
#define TYPE_CACHE_SIZE 4096
typedef struct { Type *type; Value name; uint64_t epoch; Value value; } TypeCacheEntry;
typedef struct Loop Loop;

struct VM {
    /* value stack (slots of plain frames) and frame array */
    Value *stack, *stack_end;
    Frame *frames;
    int32_t nframes, maxframes;
    int32_t recursion_limit;
    int32_t c_depth;           /* nested interpreter loops (native -> script calls) */
    int32_t raising;           /* inside vm_raise: building the exception must not re-trip depth checks */
    Value *sp_top;             /* above every live value-stack slot: where C callers push */
    Value *stack_hwm;          /* highest sp_top since the last top-level API entry (see api.c) */
    int32_t yielded;           /* the last entry frame ended by yielding, not returning */
    struct Gen *yield_leaf;    /* the innermost generator of the last yield (see gen_resume_leaf) */

    Value exc;                 /* the exception being raised, or VNULL */
    Value handled;             /* the exception being handled (sys.exc_info()), or VNULL */

    Heap *heap;
    void *stack_base;          /* highest C stack address to scan conservatively */
    int32_t api_depth;

    Dict *builtins;            /* the builtins module's dict */
    Value builtins_mod;
    Dict *modules;             /* sys.modules */
    Dict *interned;            /* str -> str */
    Dict *hidden;              /* the VM's internal registry (types and objects scripts never see) */
    Value main_mod;
    Value sys_mod;
    Value path_list;           /* sys.path */
    Value argv_list;
    Value sys_stdout, sys_stderr, sys_stdin;

#define X(n) Type *t_##n;
    ASPEN_TYPES(X)
#undef X
#define X(n, b) Type *e_##n;
    ASPEN_EXCEPTIONS(X)
#undef X
    Type *e_object;   /* always NULL: lets ASPEN_EXCEPTIONS name `object` as a base */
#define X(n) Value s_##n;
    ASPEN_NAMES(X)
#undef X
    Type *t_stdstream;         /* sys.std* objects (stdlib/sys.c) */
    Type *t_str_ascii_iterator; /* CPython 3.11 names the iterator of an ASCII str differently */
    Value none, true_, false_, notimpl, ellipsis;
    Value object_init, object_new;   /* object.__init__ / object.__new__ natives */
    Value empty_tuple, empty_str;
    Value small_strs[128];     /* one-character ASCII strings */
    Value int_strs[256];       /* str(i) for 0 <= i < 256, made on first use */
    Value binop_names[3][13];  /* interned binop_dunder / rdunder / idunder */

    VMConfig config;
    uint64_t type_epoch;       /* bumped on any change to a type's dict (type.c) */
    TypeCacheEntry type_cache[TYPE_CACHE_SIZE];
    uint64_t steps;
    int32_t int_max_str_digits;
    uint64_t rand_state;
    Loop *loop;                /* the running event loop, if any */
    struct { int started; int64_t virt_ns, wall_at_start, mono_at_start; } clock;  /* vm/clock.c */
    Value asyncio_state;       /* per-VM state of the asyncio module */
    uint8_t at_exit;           /* the VM is being freed: its last collection runs */
    Value warn_registry;       /* dict: warnings already shown ("file:line:text"), as CPython's default filter */
    int interrupt;             /* set by the SIGINT handler */
    uint64_t task_counter;
    const char *progname;
    struct { Value *items; int64_t n, cap; } roots;  /* explicit extra roots (handles) */
    struct { Value *items; int64_t n, cap; } repr_stack;
    struct { Type **items; int64_t n, cap; } builtin_types;   /* every built-in type: GC roots */
    /* embedding: an import filter (vm/api.c) and the API's own state */
    int (*import_check)(VM *vm, const char *name, Dict *importer_globals);
    void *api;
    int budget_spent;          /* the step budget ran out: no handler may catch it */
};

/* ---- types ---- */
static inline Type *type_of(VM *vm, Value v) {
    return v_is_int(v) ? vm->t_int : ((Obj *)v)->type;
}
static inline Type *v_type(VM *vm, Value v) { return type_of(vm, v); }
bool type_is_subtype(Type *a, Type *b);
static inline bool isinst(VM *vm, Value v, Type *t) {
    Type *vt = type_of(vm, v);
    return vt == t || type_is_subtype(vt, t);
}
Value type_lookup(VM *vm, Type *t, Value name);     /* MRO lookup; VNULL if absent, no raise */
Type *type_new_builtin(VM *vm, const char *name, Type *base, size_t size, uint32_t flags);
void type_add_method(VM *vm, Type *t, const char *name, NativeFn fn);
void type_add_static(VM *vm, Type *t, const char *name, NativeFn fn);
void type_add_classmethod(VM *vm, Type *t, const char *name, NativeFn fn);
void type_add_property(VM *vm, Type *t, const char *name, NativeFn getter, NativeFn setter);
void type_set_attr(VM *vm, Type *t, const char *name, Value v);
Value type_call(VM *vm, Type *t, Value *args, int nargs, Value kwnames);
void type_modified(VM *vm, Type *t);
Value type_build_class(VM *vm, Value *args, int nargs, Value kwnames);
Value instance_dict_descr(VM *vm);
Value instance_weakref_descr(VM *vm);
const char *type_name(VM *vm, Value v);             /* type(v).__name__ as C string */

/* ---- allocation / GC ---- */
void *gc_alloc(VM *vm, Type *t, size_t size);       /* zeroed; NULL + MemoryError on failure */
void gc_collect(VM *vm);
void gc_mark(GC *gc, Value v);
void gc_mark_obj(GC *gc, void *o);
void gc_mark_conservative(GC *gc, const Value *p, size_t n);
void gc_mark_array(GC *gc, const Value *items, size_t n);   /* big arrays a slice at a time */
void gc_init(VM *vm);
void gc_free_all(VM *vm);
size_t gc_heap_bytes(VM *vm);
void vm_push_root(VM *vm, Value v);
void vm_pop_roots(VM *vm, int64_t n);

/* ---- errors ---- */
Value vm_raise(VM *vm, Type *t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value vm_raise_value(VM *vm, Value exc);             /* sets cause-free context automatically */
Value vm_raise_str(VM *vm, Type *t, Value msg);
Value vm_nomem(VM *vm);
bool vm_exc_is(VM *vm, Type *t);                     /* is the raised exception a t? */
void vm_clear_exc(VM *vm);
Value exc_new(VM *vm, Type *t, Value *args, int nargs);
Value exc_get_attr(VM *vm, Value exc, Value name);  /* from the exception's dict, VNULL if absent */
void exc_set_attr(VM *vm, Value exc, Value name, Value v);
void exc_add_traceback(VM *vm, Value exc, Code *code, int line);
void exc_add_traceback_at(VM *vm, Value exc, Code *code, uint32_t *ip);   /* line and columns of ip-1 */
void vm_print_exception(VM *vm, Value exc, FILE *out);
Value vm_type_error_args(VM *vm, const char *fname, int min, int max, int given);
void vm_warn(VM *vm, Type *category, const char *msg);

/* ---- calls ---- */
Value vm_call(VM *vm, Value callable, Value *args, int nargs, Value kwnames);
Value vm_call0(VM *vm, Value callable);
Value vm_call1(VM *vm, Value callable, Value a);
Value vm_call2(VM *vm, Value callable, Value a, Value b);
Value vm_call_method(VM *vm, Value self, Value name, Value *args, int nargs);
Value vm_call_method_opt(VM *vm, Value self, Value name, Value *args, int nargs, bool *found);
Value vm_run_code(VM *vm, Code *code, Dict *globals, Dict *locals);
Value native_new(VM *vm, const char *name, NativeFn fn, Value self);
/* Parse arguments CPython-style. names: the parameter names (NULL-terminated), of which the
 * first `npos_only` can only be positional and the first `nrequired` are required. out[i] is
 * VNULL for missing optional ones. Returns -1 with TypeError on bad calls. */
int vm_parse_args(VM *vm, const char *fname, Value *args, int nargs, Value kwnames,
                  const char *const *names, int nrequired, int npos_only, Value *out);
int vm_no_kwargs(VM *vm, const char *fname, Value kwnames);
int vm_check_args(VM *vm, const char *fname, int nargs, Value kwnames, int min, int max);

/* ---- object protocol ---- */
Value vm_repr(VM *vm, Value v);
Value vm_str(VM *vm, Value v);
Value vm_ascii(VM *vm, Value v);
Value vm_format(VM *vm, Value v, Value spec);
int vm_hash(VM *vm, Value v, int64_t *out);
int vm_truthy(VM *vm, Value v);
int vm_eq(VM *vm, Value a, Value b);                 /* 1, 0, -1 error */
Value vm_richcmp(VM *vm, Value a, Value b, int op);  /* op: CmpOpKind CMP_EQ..CMP_GTE */
int vm_richcmp_bool(VM *vm, Value a, Value b, int op);
Value vm_binop(VM *vm, int op, Value a, Value b);    /* op: BinOpKind, | NB_INPLACE */
Value vm_unaryop(VM *vm, int op, Value a);           /* op: UnaryOpKind */
Value vm_getattr(VM *vm, Value obj, Value name);
Value vm_getattr_opt(VM *vm, Value obj, Value name); /* VNULL without exception if missing */
Value vm_getattr_cstr(VM *vm, Value obj, const char *name);
int vm_setattr(VM *vm, Value obj, Value name, Value v);   /* v == VNULL: delete */
Value generic_getattr(VM *vm, Value obj, Value name, bool suppress);
int generic_setattr(VM *vm, Value obj, Value name, Value v);
Value vm_getitem(VM *vm, Value obj, Value key);
int vm_setitem(VM *vm, Value obj, Value key, Value v);    /* v == VNULL: delete */
int vm_contains(VM *vm, Value container, Value item);
Value vm_iter(VM *vm, Value v);
Value vm_next(VM *vm, Value it);        /* VNULL and no exception: exhausted */
Value vm_budget_exhausted(VM *vm);
Value vm_throw_arg(VM *vm, Value *a, int n);   /* throw(typ[, val])'s exception instance (gen.c) */     /* spend the step budget: raises, returns VNULL */
int64_t vm_len(VM *vm, Value v);        /* -1 on error */
Value vm_to_list(VM *vm, Value iterable);
Value vm_to_tuple(VM *vm, Value iterable);
int vm_index(VM *vm, Value v, int64_t *out);   /* __index__ to C int64 (OverflowError) */
bool vm_callable(VM *vm, Value v);
int vm_isinstance(VM *vm, Value obj, Value cls);
int vm_issubclass(VM *vm, Value cls, Value base);
Value vm_dir(VM *vm, Value obj);
int vm_repr_enter(VM *vm, Value v);   /* 1: already in progress (recursive repr) */
void vm_repr_leave(VM *vm, Value v);

/* ---- strings ---- */
Value str_new(VM *vm, const char *s, size_t n);
Value str_from_cstr(VM *vm, const char *s);
Value str_intern(VM *vm, Value s);
Value str_intern_cstr(VM *vm, const char *s);
Value str_printf(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline Str *as_str(Value v) { return (Str *)v; }
static inline const char *str_cstr(Value v) { return ((Str *)v)->data; }
int64_t str_hash_compute(Str *s);
/* cached after the first call (head.aux bit 0) */
static inline int64_t str_hash(Str *s) { return (s->head.aux & 1) ? s->hash : str_hash_compute(s); }
bool str_eq(Str *a, Str *b);
Value str_concat(VM *vm, Value a, Value b);
Value str_from_codepoint(VM *vm, uint32_t cp);
int64_t utf8_cplen(const char *s, size_t n);
bool utf8_valid(const char *s, size_t n);
int utf8_encode(uint32_t cp, char *out);
uint32_t utf8_decode(const char *s, int *len);
Value str_repr(VM *vm, Value s);
Value str_join(VM *vm, Value sep, Value iterable);
Value str_getitem(VM *vm, Value s, Value key);
Value str_mod(VM *vm, Value fmt, Value args);       /* printf-style % */
Value str_format_method(VM *vm, Value fmt, Value *args, int nargs, Value kwnames);
int64_t str_cp_offset(Str *s, int64_t cpidx);       /* byte offset of code point index */

/* ---- numbers ---- */
Value int_from_i64(VM *vm, int64_t i);
Value int_from_big(VM *vm, void *big);              /* normalizes to a small int if it fits */
Value int_from_double(VM *vm, double d);
Value int_parse(VM *vm, const char *s, size_t n, int base, Value orig);  /* ValueError on bad */
Value int_to_str(VM *vm, Value v, int base);
bool int_check(VM *vm, Value v);                    /* int or bool */
int int_to_double(VM *vm, Value v, double *out);
int int_cmp(VM *vm, Value a, Value b);
int64_t int_hash(Value v);
/* hash() of a small int: CPython's value mod 2**61-1, sign kept, -1 -> -2. Small ints lie in
 * [-2**61, 2**61), so one conditional subtraction replaces the division. */
static inline int64_t smallint_hash(int64_t x) {
    uint64_t m = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    if (m >= ((uint64_t)1 << 61) - 1) m -= ((uint64_t)1 << 61) - 1;
    int64_t h = x < 0 ? -(int64_t)m : (int64_t)m;
    return h == -1 ? -2 : h;
}
int int_sign(Value v);
Value int_binop(VM *vm, int op, Value a, Value b);  /* VM-level int arithmetic; NotImplemented if b not int */
Value float_new(VM *vm, double d);
static inline double float_val(Value v) { return ((Float *)v)->v; }
int64_t float_hash(double d);
Value float_binop(VM *vm, int op, Value a, Value b);
Value float_repr(VM *vm, double d);
int vm_to_double(VM *vm, Value v, double *out);      /* int or float (or __float__) */
static inline Value vm_bool(VM *vm, bool b) { return b ? vm->true_ : vm->false_; }

/* ---- containers ---- */
Value tuple_new(VM *vm, int64_t n);                  /* items set to None */
Value tuple_pack(VM *vm, int n, ...);
static inline Tuple *as_tuple(Value v) { return (Tuple *)v; }
Value tuple_repr(VM *vm, Value t);
Value list_new(VM *vm, int64_t cap);
static inline List *as_list(Value v) { return (List *)v; }
int list_append(VM *vm, Value list, Value v);
int list_extend(VM *vm, Value list, Value iterable);
Value list_sort(VM *vm, Value list, Value key, bool reverse);
Value seq_repr(VM *vm, const char *open, const char *close, Value *items, int64_t n);
Value bytes_new(VM *vm, const uint8_t *data, int64_t n);
Value slice_indices(VM *vm, Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step, int64_t *slicelen);

/* ---- dict (vm/dict.c) ---- */
Dict *dict_new(VM *vm);
Value dict_new_v(VM *vm);
int dict_get(VM *vm, Dict *d, Value key, Value *out);     /* 1 found, 0 missing, -1 error */
int dict_set(VM *vm, Dict *d, Value key, Value v);
int dict_del(VM *vm, Dict *d, Value key);                 /* 1 deleted, 0 missing, -1 error */
Value dict_get_str(Dict *d, Value interned);              /* identity lookup for interned keys */
Value dict_get_str_hint(Dict *d, Value interned, int32_t *hint);   /* with an entry-number hint */
int dict_set_str_hint(VM *vm, Dict *d, Value interned, Value v, int32_t *hint);
int dict_set_cstr(VM *vm, Dict *d, const char *key, Value v);
Value dict_get_cstr(VM *vm, Dict *d, const char *key);
int64_t dict_len(Dict *d);
bool dict_next(Dict *d, int64_t *pos, Value *key, Value *value);  /* iteration */
int dict_update(VM *vm, Dict *d, Value other);
Value dict_copy(VM *vm, Dict *d);
/* The leading fields of vm/dict.c's struct Dict, in the same order, so hot paths can read the
 * version and try an entry-number hint inline. Only dict.c and dict_hint_store write them. */
typedef struct { int64_t hash; Value key, value; } DictEntry;
typedef struct { Obj head; uint64_t version; int64_t used, nentries, size; uint32_t *index; DictEntry *entries; } DictHead;
static inline uint64_t dict_version(Dict *d) { return ((DictHead *)d)->version; }
/* An attribute read through a remembered entry number: VNULL when the hint misses. */
static inline Value dict_hint_hit(Dict *d, Value interned, int32_t hint) {
    DictHead *h = (DictHead *)d;
    if (hint >= 0 && hint < h->nentries && h->entries[hint].key == interned) return h->entries[hint].value;
    return VNULL;
}
/* The write twin of dict_hint_hit: replaces the value of an existing key in place, as
 * dict_set would (the version moves on). False when the hint misses. */
static inline bool dict_hint_store(Dict *d, Value interned, int32_t hint, Value v) {
    DictHead *h = (DictHead *)d;
    if ((uint32_t)hint >= (uint64_t)h->nentries || h->entries[hint].key != interned) return false;
    h->entries[hint].value = v;
    h->version++;
    return true;
}
/* True when the interned str is certainly not a key of d: its first probe slot is empty.
 * False means "maybe": ask dict_get_str. (Proving a method is not shadowed by an instance
 * attribute on every call costs a probe, not a lookup.) */
static inline bool dict_str_surely_absent(Dict *d, Value interned) {
    DictHead *h = (DictHead *)d;
    Str *s = (Str *)interned;
    if (!h->size) return true;
    if (!(s->head.aux & 1)) return false;
    return h->index[(uint64_t)s->hash & (uint64_t)(h->size - 1)] == 0;   /* 0: EMPTY (vm/dict.c) */
}
void dict_clear(Dict *d);

/* ---- sets (vm/set.c) ---- */
Value set_new(VM *vm, Type *t);
int set_add(VM *vm, Value set, Value key);
int set_contains(VM *vm, Value set, Value key);
int64_t set_len(Value set);
bool set_next(Value set, int64_t *pos, Value *key);

/* ---- functions, generators, interpreter ---- */
Value func_new(VM *vm, Code *code, Dict *globals, Value qualname);
Value gen_new(VM *vm, Func *f, Value *args_slots, int kind);
Value gen_send(VM *vm, Value gen, Value v, bool *returned);   /* returned: StopIteration-like */
Value vm_handled(VM *vm);
Dict **instance_dict_slot(VM *vm, Value obj);   /* the instance's __dict__ slot, or NULL */
Dict **var_dict_slot(VM *vm, Obj *o);           /* ... of a TF_VARDICT instance */
static inline size_t var_dict_extra(Type *cls) { return (cls->flags & TF_VARDICT) ? 8 + sizeof(Dict *) : 0; }   /* the exception sys.exc_info() reports, or VNULL */
Value gen_throw(VM *vm, Value gen, Value exc);
Value gen_close(VM *vm, Value gen);
Value vm_interpret(VM *vm);                           /* run frames until an entry frame ends */
int vm_push_frame_for_call(VM *vm, Func *f, Value *args, int nargs, Value kwnames, Frame **out);
int vm_bind_args(VM *vm, Func *f, Value *args, int nargs, Value kwnames, Value *slots);
int vm_line_of(Code *c, uint32_t *ip);
char *vm_source_line(const char *filename, int line);   /* malloc'd, with its newline; NULL if unreadable */
/* warn.c: "coroutine ... was never awaited" */
void vm_warn_unawaited_on_collect(VM *vm, Obj *o);
void vm_warn_at(VM *vm, const char *file, int line, const char *category, const char *text);   /* a compile-time warning */
void vm_warn_dropped_awaitable(VM *vm, Value callable, Value r, Code *co, uint32_t *ip);
void native_set_new_awaitable(VM *vm, Dict *d, const char *name);   /* flag d[name] NF_NEW_AWAITABLE */

/* ---- modules ---- */
Value module_new(VM *vm, const char *name);
void module_add(VM *vm, Value mod, const char *name, Value v);
void module_add_fn(VM *vm, Value mod, const char *name, NativeFn fn);
Value vm_import(VM *vm, Value name, Value fromlist, int level, Dict *globals);
Value vm_compile(VM *vm, const char *src, size_t len, const char *filename, int mode);
Value vm_exec_source(VM *vm, const char *src, size_t len, const char *filename, Dict *globals);
Value vm_load_file(VM *vm, const char *path, char **out_src, size_t *out_len);

/* ---- builtins ---- */
void builtins_init(VM *vm);
void exceptions_init(VM *vm);
Value vm_print(VM *vm, Value *args, int nargs, Value sep, Value end, Value file, bool flush);
int vm_write_str(VM *vm, Value file, Value s);

/* ---- code inspection ---- */
void code_disassemble(VM *vm, Code *c, FILE *out);

/* misc helpers */
#define CHECK(x) do { if (!(x)) return VNULL; } while (0)
#define STR(vm, lit) str_intern_cstr(vm, lit)

#endif
