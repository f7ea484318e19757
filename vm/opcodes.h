/* opcodes.h — the one table of Aspen's bytecode.
 *
 * An instruction is 32 bits: opcode in the low 8, argument in the high 24. Each entry:
 * X(name, stack effect when the arg is known at compile time (or 99 = computed by
 * op_stack_effect), meaning). The dispatcher, the disassembler and the compiler's stack depth
 * bookkeeping are all generated from this list. Jump arguments are absolute instruction
 * indices. */
#ifndef ASPEN_OPCODES_H
#define ASPEN_OPCODES_H

#define ASPEN_OPCODES(X) \
    X(NOP, 0, "do nothing") \
    X(POP_TOP, -1, "discard TOS") \
    X(COPY, 1, "push a copy of the arg-th item (1 = TOS)") \
    X(SWAP, 0, "swap TOS with the arg-th item") \
    X(LOAD_CONST, 1, "push consts[arg]") \
    X(LOAD_FAST, 1, "push local arg; UnboundLocalError if unset") \
    X(STORE_FAST, -1, "pop into local arg") \
    X(DELETE_FAST, 0, "unset local arg") \
    X(MAKE_CELL, 0, "wrap local arg in a fresh cell") \
    X(LOAD_DEREF, 1, "push the contents of the cell in slot arg") \
    X(STORE_DEREF, -1, "pop into the cell in slot arg") \
    X(DELETE_DEREF, 0, "empty the cell in slot arg") \
    X(LOAD_CLOSURE, 1, "push the cell in slot arg itself") \
    X(LOAD_CLASSDEREF, 1, "class body: namespace first, then the cell in slot arg>>8 named names[arg&255]") \
    X(LOAD_GLOBAL, 1, "push global/builtin names[arg]") \
    X(STORE_GLOBAL, -1, "pop into global names[arg]") \
    X(DELETE_GLOBAL, 0, "delete global names[arg]") \
    X(LOAD_NAME, 1, "push names[arg] from locals dict, globals, builtins") \
    X(STORE_NAME, -1, "pop into the locals dict") \
    X(DELETE_NAME, 0, "delete from the locals dict") \
    X(LOAD_ATTR, 0, "replace TOS by TOS.names[arg]") \
    X(STORE_ATTR, -2, "TOS.names[arg] = TOS1") \
    X(DELETE_ATTR, -1, "del TOS.names[arg]") \
    X(LOAD_METHOD, 1, "replace TOS by (method, self) or (NULL, attr)") \
    X(CALL, 99, "call TOS[-arg-1] with arg positional args") \
    X(CALL_METHOD, 99, "call after LOAD_METHOD with arg args") \
    X(CALL_KW, 99, "call with arg args; TOS is the tuple of keyword names") \
    X(CALL_EX, 99, "call TOS2(*TOS1, **TOS) (arg&1: TOS is the kwargs dict, else absent)") \
    X(BINARY_OP, -1, "TOS = TOS1 <op arg> TOS") \
    X(UNARY_NEGATIVE, 0, "-TOS") \
    X(UNARY_POSITIVE, 0, "+TOS") \
    X(UNARY_NOT, 0, "not TOS") \
    X(UNARY_INVERT, 0, "~TOS") \
    X(COMPARE_OP, -1, "TOS = TOS1 <cmp arg> TOS") \
    X(IS_OP, -1, "TOS1 is TOS (arg=1: is not)") \
    X(CONTAINS_OP, -1, "TOS1 in TOS (arg=1: not in)") \
    X(BINARY_SUBSCR, -1, "TOS1[TOS]") \
    X(STORE_SUBSCR, -3, "TOS1[TOS] = TOS2") \
    X(DELETE_SUBSCR, -2, "del TOS1[TOS]") \
    X(BUILD_SLICE, 99, "slice of arg (2 or 3) items") \
    X(BUILD_TUPLE, 99, "tuple of arg items") \
    X(BUILD_LIST, 99, "list of arg items") \
    X(BUILD_SET, 99, "set of arg items") \
    X(BUILD_MAP, 99, "dict of arg key/value pairs") \
    X(LIST_APPEND, -1, "stack[-arg].append(TOS)") \
    X(SET_ADD, -1, "stack[-arg].add(TOS)") \
    X(MAP_ADD, -2, "stack[-arg][TOS1] = TOS") \
    X(LIST_EXTEND, -1, "stack[-arg].extend(TOS)") \
    X(SET_UPDATE, -1, "stack[-arg].update(TOS)") \
    X(DICT_UPDATE, -1, "stack[-arg].update(TOS) (display **)") \
    X(DICT_MERGE, -1, "stack[-arg].update(TOS), duplicate keys are errors (call **)") \
    X(LIST_TO_TUPLE, 0, "tuple(TOS)") \
    X(UNPACK_SEQUENCE, 99, "unpack TOS into arg items") \
    X(UNPACK_EX, 99, "starred unpack: arg&0xff before, arg>>8 after") \
    X(GET_ITER, 0, "iter(TOS)") \
    X(FOR_ITER, 99, "push next(TOS) or pop TOS and jump to arg") \
    X(JUMP, 0, "jump to arg") \
    X(POP_JUMP_IF_FALSE, -1, "pop; jump if falsy") \
    X(POP_JUMP_IF_TRUE, -1, "pop; jump if truthy") \
    X(JUMP_IF_FALSE_OR_POP, 99, "jump keeping TOS if falsy, else pop") \
    X(JUMP_IF_TRUE_OR_POP, 99, "jump keeping TOS if truthy, else pop") \
    X(RETURN_VALUE, -1, "return TOS") \
    X(MAKE_FUNCTION, 99, "function from code, qualname; arg flags 1 defaults, 2 kwdefaults, 4 closure, 8 annotations") \
    X(RAISE_VARARGS, 99, "raise (arg 0: re-raise, 1: TOS, 2: TOS1 from TOS)") \
    X(RERAISE, -1, "re-raise TOS keeping its traceback") \
    X(PUSH_EXC_INFO, 1, "handler entry: push the previously handled exception below TOS") \
    X(POP_EXCEPT, -1, "handler exit: restore the handled exception from TOS") \
    X(CHECK_EXC_MATCH, 0, "TOS = isinstance-match(TOS1, TOS)") \
    X(CHECK_EG_MATCH, 0, "except*: split group TOS1 by TOS -> rest, match") \
    X(PREP_RERAISE_STAR, -1, "except*: combine raised and unhandled parts") \
    X(BEFORE_WITH, 1, "enter context manager TOS: push __exit__ bound, then __enter__()") \
    X(BEFORE_ASYNC_WITH, 1, "push __aexit__ bound, then awaitable __aenter__()") \
    X(WITH_EXCEPT_START, 1, "call __exit__ (at stack[-4]) with the exception TOS") \
    X(LOAD_ASSERTION_ERROR, 1, "push AssertionError") \
    X(FORMAT_VALUE, 99, "f-string field: arg&3 conversion (0 none,1 str,2 repr,3 ascii), arg&4 spec on TOS") \
    X(BUILD_STRING, 99, "concatenate arg strings") \
    X(YIELD_VALUE, 0, "yield TOS; TOS becomes the sent value") \
    X(GET_YIELD_FROM_ITER, 0, "iter for yield from") \
    X(SEND, 0, "delegate: send TOS into TOS1; on return pop and push the value, jump to arg") \
    X(GET_AWAITABLE, 0, "awaitable iterator for TOS (arg: 0 await, 1 aenter, 2 aexit)") \
    X(GET_AITER, 0, "TOS.__aiter__()") \
    X(GET_ANEXT, 1, "push awaitable of TOS.__anext__()") \
    X(END_ASYNC_FOR, -2, "StopAsyncIteration ends async for; anything else re-raised") \
    X(ASYNC_GEN_WRAP, 0, "mark a value yielded by an async generator") \
    X(IMPORT_NAME, -1, "import names[arg] (TOS1 level, TOS fromlist)") \
    X(IMPORT_FROM, 1, "push TOS.names[arg] (ImportError if missing)") \
    X(IMPORT_STAR, -1, "from TOS import *") \
    X(PRINT_EXPR, -1, "REPL: print repr of TOS unless None, set _") \
    X(SETUP_ANNOTATIONS, 0, "ensure __annotations__ exists in the namespace") \
    X(RETURN_GENERATOR, 0, "(unused)") \
    X(LOAD_BUILD_CLASS, 1, "push __build_class__") \
    X(LOAD_FAST_ATTR, 1, "run time only: LOAD_FAST arg fused with the LOAD_ATTR that follows it") \
    X(LOAD_FAST_METHOD, 2, "run time only: LOAD_FAST arg fused with the LOAD_METHOD that follows it") \
    X(LOAD_FAST_STORE_ATTR, -1, "run time only: LOAD_FAST arg fused with the STORE_ATTR that follows it") \
    X(COPY_ATTR, 1, "run time only: COPY 1 fused with the LOAD_ATTR that follows it") \
    X(SWAP_STORE_ATTR, -2, "run time only: SWAP 2 fused with the STORE_ATTR that follows it")

typedef enum {
#define X(name, eff, doc) OP_##name,
    ASPEN_OPCODES(X)
#undef X
    OP__COUNT
} Opcode;

extern const char *const op_names[];
extern const signed char op_effects[];

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(i) ((i) & 0xff)
#define INSTR_ARG(i) ((i) >> 8)

/* BINARY_OP arguments: the ast BinOpKind value, plus NB_INPLACE for augmented assignment. */
#define NB_INPLACE 16

#endif
