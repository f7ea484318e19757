/* object.h — layouts of the core heap objects and the Type that describes each of them.
 *
 * Protocol dispatch is uniform: operators, len(), iteration, repr and friends look up the
 * dunder method in the receiver's type (its MRO), whether the type is built in or defined by a
 * script. Built-in types register their dunders as native functions, so `int.__add__` and a
 * user's `__add__` are found the same way; the interpreter keeps C fast paths for the common
 * built-in cases in front of that lookup. */
#ifndef ASPEN_OBJECT_H
#define ASPEN_OBJECT_H

#include "vm/value.h"


typedef struct VM VM;
typedef struct GC GC;
typedef struct Dict Dict;

/* A native function: args[0..nargs) are positional, followed by one value per name in
 * `kwnames` (a tuple of str, or VNULL when there are no keyword arguments). For methods,
 * args[0] is self. Returns the result, or VNULL with an exception set. */
typedef Value (*NativeFn)(VM *vm, Value *args, int nargs, Value kwnames);

enum {
    TF_HEAPTYPE = 1 << 0,     /* defined by a class statement */
    TF_BASETYPE = 1 << 1,     /* may be subclassed */
    TF_EXCEPTION = 1 << 2,    /* BaseException or a subclass */
    TF_HAS_GETATTR = 1 << 3,  /* defines __getattr__ (fallback lookup) */
    TF_ABSTRACT_NEW = 1 << 4, /* cannot be instantiated directly */
    TF_VARSIZE = 1 << 5,      /* items inline after the header (tuple, str, bytes): no fixed dict slot */
    TF_VARDICT = 1 << 6,      /* subclass of a TF_VARSIZE type: the dict slot follows the items */
};

typedef struct Type {
    Obj head;
    const char *name;         /* C string; for heap types points into `name_v` */
    Value name_v;             /* str */
    Value qualname;           /* str */
    Value module;             /* str or VNULL */
    struct Type *base;        /* first base (tp_base) */
    Value bases;              /* tuple of types */
    Value mro;                /* tuple of types, self first */
    Dict *dict;               /* attributes */
    uint32_t flags;
    uint32_t size;            /* instance size in bytes (0 = not instantiable by object.__new__) */
    int32_t dictoffset;       /* byte offset of the instance's Dict* slot, 0 = none */
    uint32_t version;         /* bumped when the dict of this type or a base changes */
    void (*trace)(GC *gc, Obj *o);    /* mark the object's references; NULL = none */
    void (*finalize)(Obj *o);         /* release malloc'd parts; NULL = none */
    /* Called for each unreachable object before any object of that collection is freed (and
     * for every live object when the VM is freed), so it may still read what the object
     * references. It must not allocate GC memory or run script code; it may write to stderr
     * (the "coroutine ... was never awaited" warnings are given here). */
    void (*on_collect)(VM *vm, Obj *o);
    /* A coroutine, or a C awaitable standing for one, never started: its qualname, and from
     * then on it counts as reported; NULL otherwise. Usually paired with on_collect =
     * vm_warn_unawaited_on_collect (warn.c). Must not allocate. */
    const char *(*take_unawaited)(VM *vm, Obj *o);
    /* C awaitables that are their own await iterator (asyncio futures): one step of the await
     * without method lookups or StopIteration. Returns the value to yield (*done false), the
     * final result (*done true), or VNULL with an exception. Not inherited by subclasses. */
    Value (*am_send)(VM *vm, Value it, Value sent, bool *done);
    /* The solid built-in type whose layout instances use (self for built-ins). */
    struct Type *layout;
} Type;

typedef struct Str {
    Obj head;                 /* head.aux: STR_HASHED | STR_INTERNED */
    int64_t len;              /* bytes */
    int64_t cplen;            /* code points (== len when ASCII) */
    int64_t hash;
    char data[];              /* UTF-8, NUL-terminated; a 40-byte header keeps short strings
                                 in the 48- and 56-byte size classes */
} Str;
enum { STR_HASHED = 1, STR_INTERNED = 2 };
static inline bool str_is_interned(const Str *s) { return (s->head.aux & STR_INTERNED) != 0; }

typedef struct { Obj head; double v; } Float;
typedef struct { Obj head; int64_t n; Value items[]; } Tuple;
typedef struct { Obj head; int64_t n, cap; Value *items; } List;
typedef struct { Obj head; int64_t n; uint8_t *data; } Bytes;          /* bytes */
typedef struct { Obj head; int64_t n, cap; uint8_t *data; } ByteArray;
typedef struct { Obj head; Value v; } Cell;
typedef struct { Obj head; Dict *dict; Value name; } Module;
typedef struct { Obj head; Value func; Value self; } BoundMethod;
typedef struct { Obj head; int64_t start, stop, step, len; } Range;
typedef struct { Obj head; Value start, stop, step; } Slice;
typedef struct { Obj head; Value fget, fset, fdel, doc, name; } Property;
typedef struct { Obj head; Value func; } StaticMethod;   /* also classmethod */
typedef struct { Obj head; Type *type; Value obj; Type *objtype; } Super;

enum { NF_METHOD = 1, NF_NEW_AWAITABLE = 2 };
typedef struct NativeFunc {
    Obj head;
    NativeFn fn;
    const char *name;
    Value self;               /* bound receiver (module or object) or VNULL */
    Type *owner;              /* for methods of built-in types: for error messages */
    int flags;                /* NF_METHOD: args[0] is self; NF_NEW_AWAITABLE: returns a new one */
} NativeFunc;

/* Exception objects (BaseException and every subclass share this layout). */
typedef struct {
    Obj head;
    Value args;               /* tuple */
    Value cause, context;     /* exception or VNULL */
    Value traceback;          /* Traceback chain or VNULL */
    Value notes;              /* list or VNULL */
    uint8_t suppress_context;
    Dict *dict;               /* extra attributes (value, errno, exceptions ...) */
} ExcObj;

/* A traceback entry: one frame the exception passed through, innermost last. */
typedef struct Traceback {
    Obj head;
    Value next;               /* Traceback or VNULL (towards the raise point) */
    struct Code *code;
    int line;
    uint32_t pos;             /* the instruction's column range (Code.positions), 0 if unknown */
} Traceback;

/* Instances of classes defined by scripts whose layout is plain object. */
typedef struct { Obj head; Dict *dict; } Instance;

static inline Type *v_type(VM *vm, Value v);

#endif
