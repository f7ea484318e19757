/* fuzz_parse.c — libFuzzer target: parse arbitrary bytes as a module and as an expression,
 * dump any tree, free the arena. Any crash, leak or UB here is a parser bug.
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -I. lang/[a-z]*.c tests/fuzz/fuzz_parse.c */
#include <stddef.h>
#include <stdint.h>

#include "lang/ast.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    SyntaxErr err;
    Arena *a = arena_new();
    Node *m = parse_module(a, (const char *)data, size, "<fuzz>", &err);
    if (m) (void)ast_dump_str(a, m);
    arena_free(a);
    a = arena_new();
    Node *e = parse_expression(a, (const char *)data, size, "<fuzz>", &err);
    if (e) (void)ast_dump_str(a, e);
    arena_free(a);
    return 0;
}
