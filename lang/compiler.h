/* compiler.h — AST -> code objects. */
#ifndef ASPEN_COMPILER_H
#define ASPEN_COMPILER_H

#include "lang/ast.h"
#include "vm/vm.h"

enum { COMPILE_EXEC = 0, COMPILE_EVAL = 1, COMPILE_SINGLE = 2 };

/* Compile a parsed module into a code object. Returns VNULL and fills *err on a compile-time
 * SyntaxError. `mode` COMPILE_SINGLE prints expression statements (the REPL). */
Value compile_module(VM *vm, Arena *arena, Node *module, const char *filename, int mode, SyntaxErr *err);

#endif
