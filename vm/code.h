/* code.h — code objects (compiled functions), function objects, frames and generators. */
#ifndef ASPEN_CODE_H
#define ASPEN_CODE_H

#include "vm/object.h"

enum {
    CO_VARARGS = 1 << 0,
    CO_VARKEYWORDS = 1 << 1,
    CO_GENERATOR = 1 << 2,
    CO_COROUTINE = 1 << 3,
    CO_ASYNC_GENERATOR = 1 << 4,
    CO_NEWLOCALS = 1 << 5,      /* function scope: locals are slots */
    CO_CLASSBODY = 1 << 6,      /* class body: names live in the namespace dict */
    CO_NESTED = 1 << 7,
    CO_SIMPLE = 1 << 8,         /* plain positional parameters, no cells, not a generator: inline calls */
    CO_EXC_SLOT = 1 << 9,       /* a generator that can suspend while handling an exception: its
                                 * frame has one more slot, for that exception (D13) */
};

/* One row of the exception table: an exception raised by an instruction in [start, end)
 * unwinds the value stack to `depth` items and jumps to `target`. Rows are ordered innermost
 * first, so the first row that covers an instruction wins. */
typedef struct { uint32_t start, end, target, depth; } ExcEntry;

/* Inline cache of an attribute instruction: valid while `type` and the global type epoch are
 * unchanged. `descr` is the class attribute found (VNULL: none), `kind` says how to use it. */
typedef struct AttrCache { struct Type *type; uint64_t epoch; Value descr; int kind; int32_t hint; uint64_t epoch2; uint64_t pad[3]; } AttrCache;
/* LOAD_GLOBAL reuses it: type = the globals dict, epoch/epoch2 = globals/builtins versions. */
enum { AC_NONE, AC_INSTANCE, AC_METHOD };

typedef struct Code {
    Obj head;
    uint32_t *code;
    int32_t ncode;
    int32_t *lines;           /* source line of each instruction */
    uint32_t *positions;      /* column range of each instruction: col | end_col << 16 (0xffff: spans lines) */
    Value *consts; int32_t nconsts;
    Value *names; int32_t nnames;      /* interned str: globals, attributes, imports */
    ExcEntry *exc; int32_t nexc;
    int32_t argcount, posonlyargcount, kwonlyargcount;
    int32_t nlocals;          /* slots: args, then other locals, then cells, then free vars */
    int32_t ncells, nfree;
    int32_t *cell2arg;        /* for each cell: the arg slot it wraps, or -1 */
    int32_t stacksize;
    int32_t flags;
    int32_t firstline;
    Value varnames;           /* tuple of str: names of all nlocals slots */
    Value name, qualname, filename;
    struct AttrCache *caches; /* per-instruction inline caches (NULL until first use) */
} Code;

typedef struct Func {
    Obj head;
    Code *code;
    Dict *globals;
    Value defaults;           /* tuple or VNULL */
    Value kwdefaults;         /* dict or VNULL */
    Value closure;            /* tuple of cells or VNULL */
    Value name, qualname, doc, module;
    Dict *dict;               /* function attributes (__dict__), lazily created */
    Value annotations;        /* dict or VNULL */
} Func;

/* An activation record. Frames of plain calls live in the VM's frame array with their slots on
 * the VM's value stack; a generator owns its slots on the heap and its Frame record is copied
 * into the array while it runs. */
typedef struct Frame {
    Code *code;
    Func *func;
    Dict *globals;
    Dict *locals_dict;        /* module / class body namespace, else NULL */
    Value *slots;             /* nlocals slots, then the value stack */
    Value *sp;
    uint32_t *ip;
    struct Gen *gen;          /* the generator that owns this frame, if any */
    int32_t entry;            /* nonzero: return from the interpreter loop when this frame ends */
    Value handled;            /* exception being handled on entry (for generators) */
    Value *saved_top;         /* vm->sp_top before this frame was pushed */
} Frame;

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED };
enum { GK_GENERATOR, GK_COROUTINE, GK_ASYNCGEN };

typedef struct Gen {
    /* The flags live in the header's aux word: 100,000s of suspended coroutines must stay
     * small (D13). The anonymous struct spells out Obj's layout. */
    union {
        Obj head;
        struct {
            struct Type *head_type_; uint32_t head_gc_;
            uint8_t state, kind;
            uint8_t awaited;          /* coroutine: has been awaited/started (for the never-awaited warning) */
            uint8_t running_async;    /* async generator: an asend/athrow is in flight */
        };
    };
    /* The saved frame, compactly (100,000s of coroutines may be suspended at once): code and
     * globals are the function's, the slots are ours; ip and sp are offsets. gen_load_frame
     * and gen_save_frame convert to and from the frame array's full record. */
    Func *func;
    uint32_t ip_off;          /* saved ip - code */
    uint32_t sp_off;          /* saved sp - slots (0 once closed) */
    struct Gen *awaiter;      /* the generator whose await/yield from last delegated to this one */
    Value slots[];            /* locals + value stack (+ the exception being handled: CO_EXC_SLOT) */
} Gen;

_Static_assert(sizeof(Gen) == 40, "a suspended coroutine's header");
static inline Code *gen_code(const Gen *g) { return g->func->code; }
/* locals + the value stack; the compiler's stack size is exact (no headroom, D13) */
static inline int32_t code_gen_slots(const Code *c) { return c->nlocals + c->stacksize + ((c->flags & CO_EXC_SLOT) != 0); }
static inline int32_t gen_nslots(const Gen *g) { return code_gen_slots(g->func->code); }
/* The exception its frame is handling while suspended (sys.exc_info), or VNULL. Only code with
 * an except handler can have one: the others have no slot for it. */
static inline Value gen_exc_state(const Gen *g) {
    const Code *c = g->func->code;
    return (c->flags & CO_EXC_SLOT) ? g->slots[c->nlocals + c->stacksize] : VNULL;
}
/* Sanitizer builds check the claim above at every suspension. */
#ifdef ASPEN_CHECK_STACK
#define check_no_exc_slot(vm, g) do { \
        if (!(gen_code(g)->flags & CO_EXC_SLOT) && (vm)->handled && (vm)->handled != (vm)->none) abort(); } while (0)
#else
#define check_no_exc_slot(vm, g) ((void)0)
#endif
static inline void gen_set_exc_state(Gen *g, Value v) {
    const Code *c = g->func->code;
    if (c->flags & CO_EXC_SLOT) g->slots[c->nlocals + c->stacksize] = v;
}
static inline uint32_t *gen_ip(const Gen *g) { return g->func->code->code + g->ip_off; }
/* The top of the saved value stack (the delegate of a suspended await), or VNULL. */
static inline Value gen_tos(const Gen *g) { return g->sp_off > (uint32_t)g->func->code->nlocals ? g->slots[g->sp_off - 1] : VNULL; }
static inline void gen_load_frame(Gen *g, Frame *fr) {
    Code *c = g->func->code;
    fr->code = c; fr->func = g->func; fr->globals = g->func->globals; fr->locals_dict = NULL;
    fr->slots = g->slots; fr->sp = g->slots + g->sp_off; fr->ip = c->code + g->ip_off; fr->gen = g;
}
static inline void gen_save_frame(Gen *g, const Frame *fr) {
    g->ip_off = (uint32_t)(fr->ip - fr->code->code);
    g->sp_off = (uint32_t)(fr->sp - g->slots);
}

/* __name__/__qualname__ are the function's: a generator keeps its function alive anyway, so
 * copying the two names into every generator (there can be 100,000s of suspended
 * coroutines) would only cost memory. They are read-only on generators here. */
static inline Value gen_name(const Gen *g) { return g->func->name; }
static inline Value gen_qualname(const Gen *g) { return g->func->qualname; }

#endif
