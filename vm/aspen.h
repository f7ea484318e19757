/* aspen.h — the one public header for embedding Aspen in a C program.
 *
 * An embedder includes only this file and links libaspen (static or shared) with
 * `-lm -lpthread -lffi`. Everything an embedder can do goes through the functions below;
 * the VM's internals (vm/vm.h) are not part of the contract and may change.
 *
 * The model, in one paragraph: create a VM with asp_new(), run source with asp_run_string()
 * or asp_run_file(), and move values between C and scripts through numbered *slots*. Slots
 * are the only way C sees script values: C never holds a pointer to a script object, so the
 * collector can never free something C still uses. Native functions receive their arguments
 * in slots 1..argc and leave their result in slot 0. Errors are results, never longjmp and
 * never abort: a function that can fail returns an AspResult, and the text of the exception
 * is available from asp_error_message().
 *
 * Threads: a VM belongs to the thread that uses it; call asp_* functions for one VM from one
 * thread at a time. Separate VMs share nothing and may run on separate threads.
 *
 * Strings crossing the API are UTF-8. Unless a comment says otherwise, a `const char *`
 * argument is only read during the call (Aspen copies what it keeps), and a `const char *`
 * result is owned by the VM.
 *
 * See docs/embedding.md for a guide and examples/embed/host.c for a complete host. */
#ifndef ASPEN_H
#define ASPEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------
 * Types
 * ---------------------------------------------------------------------------------------- */

/* A virtual machine: one interpreter with its own heap, modules and event loop. Opaque. Two
 * VMs in one process share no state at all. */
typedef struct AspVM AspVM;

/* The outcome of anything that runs script code or may fail. */
typedef enum AspResult {
    ASP_OK = 0,         /* success */
    ASP_ERROR,          /* an exception escaped: see asp_error_type() / asp_error_message() */
    ASP_SYNTAX_ERROR,   /* the source did not compile (SyntaxError, IndentationError, TabError) */
    ASP_NOMEM,          /* the memory limit (or the machine's memory) was exhausted: MemoryError */
    ASP_BUDGET,         /* the step budget ran out before the script finished */
} AspResult;

/* What a slot holds, as reported by asp_get_slot_type(). bool is reported as ASP_TYPE_BOOL
 * even though it is a subclass of int in the language. */
typedef enum AspType {
    ASP_TYPE_NONE,
    ASP_TYPE_BOOL,
    ASP_TYPE_INT,
    ASP_TYPE_FLOAT,
    ASP_TYPE_STRING,
    ASP_TYPE_LIST,
    ASP_TYPE_TUPLE,
    ASP_TYPE_DICT,
    ASP_TYPE_OTHER,     /* anything else: functions, instances, modules, futures ... */
} AspType;

/* Creation options. Zero-initialise it (`AspConfig cfg = {0};`) and set what you need; an
 * all-zero config (or a NULL pointer) means: no limits, every module importable, sys.argv ==
 * [''], an empty module search path, the real clock. asp_new() copies everything it needs,
 * so the config and the arrays it points to may be freed once asp_new() returns. */
typedef struct AspConfig {
    /* Upper bound in bytes of the VM's object heap; 0 = unlimited. An allocation beyond it
     * first triggers a collection, and if that does not free enough, raises MemoryError in the
     * script (which the script may catch; if it escapes, the host sees ASP_NOMEM). The limit
     * includes the heap the VM itself needs after start-up (about 1-2 MiB); asp_new() returns
     * NULL if the limit is below that. */
    size_t memory_limit;
    /* Number of bytecode instructions (counted at calls and loop back-edges) that one
     * top-level entry may execute: asp_run_string(), asp_run_file(), asp_call(),
     * asp_call_slot() and asp_loop_run_once() each start with a fresh budget. 0 = unlimited.
     * Running out raises RuntimeError("step budget exhausted") in the script and the entry
     * returns ASP_BUDGET. */
    uint64_t step_budget;
    /* NULL-terminated list of module names scripts may import (a dotted import is checked by
     * its first component: allowing "asyncio" allows "asyncio.locks"). NULL = everything is
     * allowed. Modules defined with asp_define_module() are always allowed. Importing anything
     * else raises ModuleNotFoundError ("import of 'os' is not allowed"). */
    const char *const *allowed_modules;
    /* sys.argv: argc strings. argc == 0 gives [''] as CPython does for an embedded program. */
    int argc;
    const char *const *argv;
    /* NULL-terminated list of directories searched for `import name` (name.as or
     * name/__init__.as): sys.path. NULL = no directories (only built-in modules). */
    const char *const *module_path;
    /* Nonzero: the event loop runs on a virtual clock (sleeps complete at once, while
     * loop.time() and time.monotonic() advance exactly as if they had waited). */
    int virtual_time;
} AspConfig;

/* A native function. Its arguments are in slots 1..argc; it stores its result in slot 0
 * (which holds None on entry, so a function that stores nothing returns None). To raise an
 * exception, call asp_raise() and return. Keyword arguments are refused with TypeError before
 * the function is called. The slots are valid only until the function returns. */
typedef void (*AspNativeFn)(AspVM *vm, int argc);

/* One entry of a native module: a function the script sees as `module.name`. A table of them
 * ends with an entry whose name is NULL. */
typedef struct AspModuleDef {
    const char *name;
    AspNativeFn fn;
} AspModuleDef;

/* A persistent reference to a script value, for C code that must keep a value beyond the
 * current slots (a future to complete later, a callback to call from a timer). The value
 * stays alive until asp_release_handle() or asp_free(). Opaque. */
typedef struct AspHandle AspHandle;

/* ------------------------------------------------------------------------------------------
 * The VM
 * ---------------------------------------------------------------------------------------- */

/* Creates a VM configured by `cfg` (NULL = defaults). Returns NULL if memory runs out or the
 * memory limit is too small to start. The caller owns the VM and frees it with asp_free().
 * The VM has a module `__main__` that asp_run_string() and asp_run_file() run in. */
AspVM *asp_new(const AspConfig *cfg);

/* Frees the VM and everything it owns, including handles not yet released. Flushes the
 * scripts' sys.stdout / sys.stderr first. NULL is a no-op. Must not be called from inside a
 * native function of the same VM. */
void asp_free(AspVM *vm);

/* ------------------------------------------------------------------------------------------
 * Running code
 * ---------------------------------------------------------------------------------------- */

/* Compiles `src` (NUL-terminated UTF-8 source) and runs it as the body of module __main__.
 * Globals persist between calls, like lines typed at a REPL. `filename` is what tracebacks
 * show (NULL = "<string>"). Returns ASP_OK, or ASP_SYNTAX_ERROR if it did not compile (nothing
 * ran), or ASP_ERROR / ASP_NOMEM / ASP_BUDGET if it raised. The script's sys.stdout and
 * sys.stderr are flushed before returning. */
AspResult asp_run_string(AspVM *vm, const char *src, const char *filename);

/* Reads the file at `path` and runs it like asp_run_string() with that file name; __file__ is
 * set to `path`. A file that cannot be read gives ASP_ERROR with FileNotFoundError. */
AspResult asp_run_file(AspVM *vm, const char *path);

/* After a call returned something other than ASP_OK: the exception's class name
 * ("ValueError", "SyntaxError", "MemoryError", "RuntimeError" for a spent budget ...) and the
 * full report exactly as the `aspen` command prints it on stderr (traceback, chained
 * exceptions, "SyntaxError: ..." with the caret line). Both are "" when the last call
 * succeeded. The strings are owned by the VM and valid until the next call that runs code. */
const char *asp_error_type(AspVM *vm);
const char *asp_error_message(AspVM *vm);

/* Inside a native function, after a nested asp_call() failed: the exception is still pending
 * and will propagate into the script when the native returns. asp_clear_error() swallows it
 * (the native handled the failure). Outside natives it only clears the saved error text. */
void asp_clear_error(AspVM *vm);

/* ------------------------------------------------------------------------------------------
 * Slots
 *
 * Slots are a small array of values owned by the VM; they are what C reads and writes. At the
 * top level the host has its own slots, which keep their values between calls. Inside a
 * native function, the slots are that call's own (0 = result, 1..argc = arguments); the
 * caller's slots are untouched. Values held in slots are never collected.
 *
 * A slot index must be below asp_slot_count(); an index out of range is a programming error
 * that the setters and getters ignore (a getter returns its default).
 * ---------------------------------------------------------------------------------------- */

/* Makes sure at least `n` slots exist in the current slot frame; new slots hold None.
 * Returns ASP_OK or ASP_NOMEM. */
AspResult asp_ensure_slots(AspVM *vm, int n);

/* Number of slots in the current frame (argc + 1 on entry to a native). */
int asp_slot_count(AspVM *vm);

/* Store a C value into a slot. The string setters copy the bytes; they must be valid UTF-8
 * (invalid UTF-8 stores None and returns ASP_ERROR with UnicodeDecodeError). On allocation
 * failure the slot holds None and the result is ASP_NOMEM; inside a native, the MemoryError is
 * then pending and raised when the native returns. */
void asp_set_slot_none(AspVM *vm, int slot);
void asp_set_slot_bool(AspVM *vm, int slot, bool value);
AspResult asp_set_slot_int(AspVM *vm, int slot, int64_t value);
AspResult asp_set_slot_float(AspVM *vm, int slot, double value);
AspResult asp_set_slot_string(AspVM *vm, int slot, const char *utf8);
AspResult asp_set_slot_string_len(AspVM *vm, int slot, const char *utf8, size_t len);
/* Copies the value in slot `src` into slot `dst` (the same object, not a copy of it). */
void asp_copy_slot(AspVM *vm, int dst, int src);

/* Read a slot. Each getter returns a default when the slot holds another type: check with
 * asp_get_slot_type() first where that matters. */
AspType asp_get_slot_type(AspVM *vm, int slot);
/* int or bool; an int beyond int64 is clamped to INT64_MIN / INT64_MAX; else 0. */
int64_t asp_get_slot_int(AspVM *vm, int slot);
/* float, int or bool converted to double; else 0.0. */
double asp_get_slot_float(AspVM *vm, int slot);
/* The value's truth (None, 0, "", empty containers are false; bool(x) for instances, whose
 * __bool__/__len__ may run script code; if that raises, the error is dropped and false
 * returned). */
bool asp_get_slot_bool(AspVM *vm, int slot);
/* str: its NUL-terminated UTF-8 bytes, and the byte length in *len if len is not NULL;
 * else NULL. The pointer stays valid while the string is in any slot (or otherwise
 * reachable) — copy it before overwriting the slot. */
const char *asp_get_slot_string(AspVM *vm, int slot, size_t *len);
/* Replaces the slot's value by str(value), as print() would show it (may run __str__).
 * Returns ASP_OK, or the failure of __str__ (the slot is then unchanged). */
AspResult asp_slot_to_string(AspVM *vm, int slot);

/* ------------------------------------------------------------------------------------------
 * Lists and dicts
 * ---------------------------------------------------------------------------------------- */

/* Store a new empty list / dict in `slot`. ASP_OK or ASP_NOMEM. */
AspResult asp_set_slot_new_list(AspVM *vm, int slot);
AspResult asp_set_slot_new_dict(AspVM *vm, int slot);
/* Appends the value in `elem_slot` to the list in `list_slot`. ASP_ERROR (TypeError) if
 * list_slot does not hold a list; ASP_NOMEM if it cannot grow. */
AspResult asp_list_append(AspVM *vm, int list_slot, int elem_slot);
/* Number of items of the list or tuple in `slot`; -1 if it holds neither. */
int64_t asp_list_count(AspVM *vm, int slot);
/* Stores item `index` (negative counts from the end) of the list or tuple in `list_slot` into
 * `dst_slot`. ASP_ERROR (IndexError / TypeError) if there is no such item. */
AspResult asp_list_get(AspVM *vm, int list_slot, int64_t index, int dst_slot);
/* d[key] = value for the dict in `dict_slot`. ASP_ERROR if the key is unhashable (TypeError)
 * or dict_slot is not a dict; ASP_NOMEM if the dict cannot grow. */
AspResult asp_dict_set(AspVM *vm, int dict_slot, int key_slot, int value_slot);
/* Stores d[key] into `dst_slot`. ASP_ERROR with KeyError if the key is absent. */
AspResult asp_dict_get(AspVM *vm, int dict_slot, int key_slot, int dst_slot);

/* ------------------------------------------------------------------------------------------
 * Globals and calls
 * ---------------------------------------------------------------------------------------- */

/* Stores the global `name` of the module `module` (NULL = "__main__"; the module must have
 * been imported or defined) into `slot`. ASP_ERROR with NameError / ModuleNotFoundError if
 * absent (the error text is in asp_error_message()). */
AspResult asp_get_global(AspVM *vm, const char *module, const char *name, int slot);
/* Sets `module.name` (NULL module = "__main__") to the value in `slot`, creating the global
 * if needed. ASP_ERROR if the module does not exist; ASP_NOMEM on allocation failure. */
AspResult asp_set_global(AspVM *vm, const char *module, const char *name, int slot);

/* Calls a script callable with the arguments in slots 1..argc and stores its result in slot
 * 0. `callable` names a global of __main__ ("handler") or of a loaded module ("mod.func").
 * asp_call_slot() calls the value in slot 0 instead. The slots must exist
 * (asp_ensure_slots(vm, argc + 1)). At the top level each call starts a fresh step budget.
 * Returns ASP_OK, or ASP_ERROR / ASP_NOMEM / ASP_BUDGET if it raised (slot 0 then holds
 * None). Inside a native function the exception stays pending (see asp_clear_error()). */
AspResult asp_call(AspVM *vm, const char *callable, int argc);
AspResult asp_call_slot(AspVM *vm, int argc);

/* ------------------------------------------------------------------------------------------
 * Native functions and modules
 * ---------------------------------------------------------------------------------------- */

/* Defines (or extends) the module `name` with the functions in `defs` (ended by a NULL
 * name) so that `import name` in a script finds it. The strings in `defs` are copied.
 * Returns ASP_OK, or ASP_NOMEM. A module name that shadows a built-in one (math, ...) wins
 * for this VM. */
AspResult asp_define_module(AspVM *vm, const char *name, const AspModuleDef *defs);

/* From inside a native function: raise the built-in exception class `type_name`
 * ("ValueError", "TypeError", ...; NULL or an unknown name gives RuntimeError) with
 * `message`. The native should return right after; the script sees the exception at the
 * call. The exception's traceback points at the script line that made the call. Called
 * outside any native, it only sets asp_error_type() / asp_error_message(). */
void asp_raise(AspVM *vm, const char *type_name, const char *message);

/* ------------------------------------------------------------------------------------------
 * Handles
 * ---------------------------------------------------------------------------------------- */

/* Returns a handle to the value in `slot`, or NULL if memory runs out. */
AspHandle *asp_new_handle(AspVM *vm, int slot);
/* Stores the handle's value into `slot`. */
void asp_set_slot_handle(AspVM *vm, int slot, AspHandle *handle);
/* Releases the handle (NULL is a no-op); the value may then be collected. */
void asp_release_handle(AspVM *vm, AspHandle *handle);

/* ------------------------------------------------------------------------------------------
 * The event loop, from the host
 *
 * The asyncio event loop of a VM is C on epoll. A host with its own main loop can drive it:
 * register asp_loop_fd() with its own poller, and call asp_loop_run_once() when it is
 * readable or a timer may be due.
 * ---------------------------------------------------------------------------------------- */

/* Runs one iteration of the VM's event loop: waits up to `timeout_ms` milliseconds (0 = do
 * not wait, -1 = until something is ready) for I/O or the next timer, then runs every callback
 * and task step that is ready. Returns ASP_OK, or ASP_ERROR if there is no event loop (no
 * script has created one) or it is not available in this build, or the error of a callback
 * that raised. */
AspResult asp_loop_run_once(AspVM *vm, int timeout_ms);

/* The loop's epoll file descriptor, readable when the loop has something to do; -1 if the VM
 * has no event loop. The fd belongs to the VM: do not close it. */
int asp_loop_fd(AspVM *vm);

/* Native async functions: a native stores a new asyncio.Future in `slot` with
 * asp_future_new(), keeps it with asp_new_handle(), returns it (the script awaits it), and
 * later completes it with asp_future_set_result() / asp_future_set_exception() — from the
 * VM's thread, e.g. between asp_loop_run_once() calls or inside another native. The future
 * belongs to the running event loop (or the current one if none runs). ASP_ERROR if asyncio
 * is not available or the future is already done (InvalidStateError). */
AspResult asp_future_new(AspVM *vm, int slot);
AspResult asp_future_set_result(AspVM *vm, int future_slot, int value_slot);
AspResult asp_future_set_exception(AspVM *vm, int future_slot, const char *type_name,
                                   const char *message);

#ifdef __cplusplus
}
#endif

#endif
