/* dis.c — a bytecode listing a learner can read: line, offset, opcode, argument and its meaning. */
#include "vm/vm.h"
#include "vm/opcodes.h"

const char *const op_names[] = {
#define X(name, eff, doc) #name,
    ASPEN_OPCODES(X)
#undef X
};
const signed char op_effects[] = {
#define X(name, eff, doc) eff,
    ASPEN_OPCODES(X)
#undef X
};

void code_disassemble(VM *vm, Code *c, FILE *out) {
    fprintf(out, "Disassembly of <code %s, file \"%s\", line %d>:\n", str_cstr(c->qualname), str_cstr(c->filename), c->firstline);
    int last = -1;
    for (int i = 0; i < c->ncode; i++) {
        uint32_t ins = c->code[i];
        int op = INSTR_OP(ins), arg = INSTR_ARG(ins);
        if (c->lines[i] != last) { fprintf(out, "%s%4d", i ? "\n" : "", c->lines[i]); last = c->lines[i]; }
        else fputs("    ", out);
        fprintf(out, " %6d %-22s %5d", i, op_names[op], arg);
        Value v = VNULL;
        if (op == OP_LOAD_CONST) v = c->consts[arg];
        else if (op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL || op == OP_LOAD_NAME || op == OP_STORE_NAME ||
                 op == OP_LOAD_ATTR || op == OP_STORE_ATTR || op == OP_LOAD_METHOD || op == OP_IMPORT_NAME ||
                 op == OP_IMPORT_FROM || op == OP_DELETE_NAME || op == OP_DELETE_GLOBAL || op == OP_DELETE_ATTR)
            v = c->names[arg];
        else if (op == OP_LOAD_FAST || op == OP_STORE_FAST || op == OP_DELETE_FAST || op == OP_LOAD_DEREF ||
                 op == OP_STORE_DEREF || op == OP_LOAD_CLOSURE)
            v = as_tuple(c->varnames)->items[arg];
        if (v) {
            Value r = type_of(vm, v) == vm->t_code ? str_printf(vm, "<code %s>", str_cstr(((Code *)v)->qualname)) : vm_repr(vm, v);
            if (r) fprintf(out, " (%s)", str_cstr(r)); else vm_clear_exc(vm);
        }
        fputc('\n', out);
    }
    for (int i = 0; i < c->nexc; i++) {
        if (i == 0) fputs("ExceptionTable:\n", out);
        fprintf(out, "  %d to %d -> %d [%d]\n", c->exc[i].start, c->exc[i].end, c->exc[i].target, c->exc[i].depth);
    }
    for (int i = 0; i < c->nconsts; i++)
        if (type_of(vm, c->consts[i]) == vm->t_code) { fputc('\n', out); code_disassemble(vm, (Code *)c->consts[i], out); }
}
