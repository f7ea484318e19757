/* test_lexer.c — the tokenizer of lang/lexer.h, driven directly (no parser): token kinds,
 * text and positions, INDENT/DEDENT bookkeeping, line joining, every number and string form,
 * and the tokenizer's own errors.
 *
 * Expected token streams come from CPython 3.11's tokenize module (COMMENT and NL dropped, as
 * the C tokenizer does); expected errors from compile() in CPython 3.11 (SyntaxError type,
 * msg, lineno, offset). Never from Aspen. */
#include <criterion/criterion.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/lexer.h"

/* One line per token: "KIND text line:col-end_line:end_col" for tokens with text, the start
 * for NEWLINE (its end at EOF differs by design between tokenize and the C tokenizer), the
 * line for INDENT/DEDENT (tokenize puts INDENT at column 0, the C tokenizer at the text). */
static void render(const Token *t, char *out, size_t cap) {
    static const char *const kinds[] = { "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE",
                                         "INDENT", "DEDENT", "OP" };
    size_t n = strlen(out);
    switch (t->type) {
    case T_NEWLINE: snprintf(out + n, cap - n, "NEWLINE %d:%d\n", t->line, t->col); break;
    case T_INDENT: case T_DEDENT: snprintf(out + n, cap - n, "%s %d\n", kinds[t->type], t->line); break;
    case T_ENDMARKER: snprintf(out + n, cap - n, "ENDMARKER\n"); break;
    default:
        snprintf(out + n, cap - n, "%s %.*s %d:%d-%d:%d\n", kinds[t->type], (int)t->n, t->s,
                 t->line, t->col, t->end_line, t->end_col);
    }
}

typedef struct {
    Arena *arena;
    Lexer L;
    SyntaxErr err;
    jmp_buf jb;
    char text[8192];
    int failed;
} Run;

/* Lexes all of `src`; on a tokenizer error r->failed is set and r->err filled. */
static void lex_all(Run *r, const char *src) {
    memset(r, 0, sizeof *r);
    r->arena = arena_new();
    lex_init(&r->L, r->arena, src, strlen(src), &r->err, &r->jb);
    if (setjmp(r->jb)) { r->failed = 1; return; }
    for (int i = 0;; i++) {
        Token *t = lex_token(&r->L, i);
        render(t, r->text, sizeof r->text);
        if (t->type == T_ENDMARKER) break;
    }
}

static void run_free(Run *r) { arena_free(r->arena); }

typedef struct { const char *name, *src, *want; } StreamCase;

static const StreamCase streams[] = {
    { "indent_dedent", "if a:\n    b\n    if c:\n        d\ne\n",
      "NAME if 1:0-1:2\nNAME a 1:3-1:4\nOP : 1:4-1:5\nNEWLINE 1:5\nINDENT 2\nNAME b 2:4-2:5\nNEWLINE 2:5\nNAME if 3:4-3:6\nNAME c 3:7-3:8\nOP : 3:8-3:9\nNEWLINE 3:9\nINDENT 4\nNAME d 4:8-4:9\nNEWLINE 4:9\nDEDENT 5\nDEDENT 5\nNAME e 5:0-5:1\nNEWLINE 5:1\nENDMARKER\n" },
    { "dedent_several_at_eof", "def f():\n  if x:\n    while y:\n      z\n",
      "NAME def 1:0-1:3\nNAME f 1:4-1:5\nOP ( 1:5-1:6\nOP ) 1:6-1:7\nOP : 1:7-1:8\nNEWLINE 1:8\nINDENT 2\nNAME if 2:2-2:4\nNAME x 2:5-2:6\nOP : 2:6-2:7\nNEWLINE 2:7\nINDENT 3\nNAME while 3:4-3:9\nNAME y 3:10-3:11\nOP : 3:11-3:12\nNEWLINE 3:12\nINDENT 4\nNAME z 4:6-4:7\nNEWLINE 4:7\nDEDENT 5\nDEDENT 5\nDEDENT 5\nENDMARKER\n" },
    { "blank_and_comment_lines_do_not_indent", "if a:\n\n        # deep comment\n    b\n  \n    c\n",
      "NAME if 1:0-1:2\nNAME a 1:3-1:4\nOP : 1:4-1:5\nNEWLINE 1:5\nINDENT 4\nNAME b 4:4-4:5\nNEWLINE 4:5\nNAME c 6:4-6:5\nNEWLINE 6:5\nDEDENT 7\nENDMARKER\n" },
    { "tabs_consistent", "if a:\n\tb\n\tif c:\n\t\td\n",
      "NAME if 1:0-1:2\nNAME a 1:3-1:4\nOP : 1:4-1:5\nNEWLINE 1:5\nINDENT 2\nNAME b 2:1-2:2\nNEWLINE 2:2\nNAME if 3:1-3:3\nNAME c 3:4-3:5\nOP : 3:5-3:6\nNEWLINE 3:6\nINDENT 4\nNAME d 4:2-4:3\nNEWLINE 4:3\nDEDENT 5\nDEDENT 5\nENDMARKER\n" },
    { "implicit_joining", "x = (1,\n     2,\n  3)\ny = [\n]\n",
      "NAME x 1:0-1:1\nOP = 1:2-1:3\nOP ( 1:4-1:5\nNUMBER 1 1:5-1:6\nOP , 1:6-1:7\nNUMBER 2 2:5-2:6\nOP , 2:6-2:7\nNUMBER 3 3:2-3:3\nOP ) 3:3-3:4\nNEWLINE 3:4\nNAME y 4:0-4:1\nOP = 4:2-4:3\nOP [ 4:4-4:5\nOP ] 5:0-5:1\nNEWLINE 5:1\nENDMARKER\n" },
    { "backslash_joining", "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
      "NAME x 1:0-1:1\nOP = 1:2-1:3\nNUMBER 1 1:4-1:5\nOP + 1:6-1:7\nNUMBER 2 2:4-2:5\nNEWLINE 2:5\nNAME if 3:0-3:2\nNAME a 3:3-3:4\nNAME and 3:5-3:8\nNAME b 4:3-4:4\nOP : 4:4-4:5\nNEWLINE 4:5\nINDENT 5\nNAME pass 5:4-5:8\nNEWLINE 5:8\nDEDENT 6\nENDMARKER\n" },
    { "comments", "# head\nx = 1  # tail\n# only\n",
      "NAME x 2:0-2:1\nOP = 2:2-2:3\nNUMBER 1 2:4-2:5\nNEWLINE 2:13\nENDMARKER\n" },
    { "no_trailing_newline", "x = 1",
      "NAME x 1:0-1:1\nOP = 1:2-1:3\nNUMBER 1 1:4-1:5\nNEWLINE 1:5\nENDMARKER\n" },
    { "ints", "0 00 0_0 7 1_000_000 0x1F 0XfF_ff 0o17 0O1_7 0b101 0B1_0 0x_1 0o_7 0b_1\n",
      "NUMBER 0 1:0-1:1\nNUMBER 00 1:2-1:4\nNUMBER 0_0 1:5-1:8\nNUMBER 7 1:9-1:10\nNUMBER 1_000_000 1:11-1:20\nNUMBER 0x1F 1:21-1:25\nNUMBER 0XfF_ff 1:26-1:33\nNUMBER 0o17 1:34-1:38\nNUMBER 0O1_7 1:39-1:44\nNUMBER 0b101 1:45-1:50\nNUMBER 0B1_0 1:51-1:56\nNUMBER 0x_1 1:57-1:61\nNUMBER 0o_7 1:62-1:66\nNUMBER 0b_1 1:67-1:71\nNEWLINE 1:71\nENDMARKER\n" },
    { "floats", "1. .5 1.5 1e10 1E-5 1.5e+3 1_0.0_1 0e0 09.5 1_0e1_0 3j 1.5J\n",
      "NUMBER 1. 1:0-1:2\nNUMBER .5 1:3-1:5\nNUMBER 1.5 1:6-1:9\nNUMBER 1e10 1:10-1:14\nNUMBER 1E-5 1:15-1:19\nNUMBER 1.5e+3 1:20-1:26\nNUMBER 1_0.0_1 1:27-1:34\nNUMBER 0e0 1:35-1:38\nNUMBER 09.5 1:39-1:43\nNUMBER 1_0e1_0 1:44-1:51\nNUMBER 3j 1:52-1:54\nNUMBER 1.5J 1:55-1:59\nNEWLINE 1:59\nENDMARKER\n" },
    { "number_then_keyword", "1if x else 2\n0x1for\n",
      "NUMBER 1 1:0-1:1\nNAME if 1:1-1:3\nNAME x 1:4-1:5\nNAME else 1:6-1:10\nNUMBER 2 1:11-1:12\nNEWLINE 1:12\nNUMBER 0x1f 2:0-2:4\nNAME or 2:4-2:6\nNEWLINE 2:6\nENDMARKER\n" },
    { "string_prefixes", "'a' \"b\" r'\\n' R\"x\" b'y' B'z' rb'\\d' Rb\"e\" bR'f' BR'g' f'{x}' F\"y\" rf'{z}' fR\"w\" u'u' U\"v\"\n",
      "STRING 'a' 1:0-1:3\nSTRING \"b\" 1:4-1:7\nSTRING r'\\n' 1:8-1:13\nSTRING R\"x\" 1:14-1:18\nSTRING b'y' 1:19-1:23\nSTRING B'z' 1:24-1:28\nSTRING rb'\\d' 1:29-1:35\nSTRING Rb\"e\" 1:36-1:41\nSTRING bR'f' 1:42-1:47\nSTRING BR'g' 1:48-1:53\nSTRING f'{x}' 1:54-1:60\nSTRING F\"y\" 1:61-1:65\nSTRING rf'{z}' 1:66-1:73\nSTRING fR\"w\" 1:74-1:79\nSTRING u'u' 1:80-1:84\nSTRING U\"v\" 1:85-1:89\nNEWLINE 1:89\nENDMARKER\n" },
    { "triple_quotes", "s = '''a\nb''' + \"\"\"c\n\"d\"\n\"\"\"\nt = 1\n",
      "NAME s 1:0-1:1\nOP = 1:2-1:3\nSTRING '''a\nb''' 1:4-2:4\nOP + 2:5-2:6\nSTRING \"\"\"c\n\"d\"\n\"\"\" 2:7-4:3\nNEWLINE 4:3\nNAME t 5:0-5:1\nOP = 5:2-5:3\nNUMBER 1 5:4-5:5\nNEWLINE 5:5\nENDMARKER\n" },
    { "string_escapes_and_continuation", "s = 'a\\'b' \"c\\\"d\" 'e\\\nf'\n",
      "NAME s 1:0-1:1\nOP = 1:2-1:3\nSTRING 'a\\'b' 1:4-1:10\nSTRING \"c\\\"d\" 1:11-1:17\nSTRING 'e\\\nf' 1:18-2:2\nNEWLINE 2:2\nENDMARKER\n" },
    { "operators_longest_match", "a**=b//=c>>=d<<=e->f:=g==h!=i<=j>=k<<l>>m**n//o...\n",
      "NAME a 1:0-1:1\nOP **= 1:1-1:4\nNAME b 1:4-1:5\nOP //= 1:5-1:8\nNAME c 1:8-1:9\nOP >>= 1:9-1:12\nNAME d 1:12-1:13\nOP <<= 1:13-1:16\nNAME e 1:16-1:17\nOP -> 1:17-1:19\nNAME f 1:19-1:20\nOP := 1:20-1:22\nNAME g 1:22-1:23\nOP == 1:23-1:25\nNAME h 1:25-1:26\nOP != 1:26-1:28\nNAME i 1:28-1:29\nOP <= 1:29-1:31\nNAME j 1:31-1:32\nOP >= 1:32-1:34\nNAME k 1:34-1:35\nOP << 1:35-1:37\nNAME l 1:37-1:38\nOP >> 1:38-1:40\nNAME m 1:40-1:41\nOP ** 1:41-1:43\nNAME n 1:43-1:44\nOP // 1:44-1:46\nNAME o 1:46-1:47\nOP ... 1:47-1:50\nNEWLINE 1:50\nENDMARKER\n" },
    { "non_ascii_columns", "café = 'éé' + naïve\n",
      "NAME café 1:0-1:4\nOP = 1:5-1:6\nSTRING 'éé' 1:7-1:11\nOP + 1:12-1:13\nNAME naïve 1:14-1:19\nNEWLINE 1:19\nENDMARKER\n" },
    { "keywords_and_soft", "async def f(): await g()\nmatch = type = 1\n",
      "NAME async 1:0-1:5\nNAME def 1:6-1:9\nNAME f 1:10-1:11\nOP ( 1:11-1:12\nOP ) 1:12-1:13\nOP : 1:13-1:14\nNAME await 1:15-1:20\nNAME g 1:21-1:22\nOP ( 1:22-1:23\nOP ) 1:23-1:24\nNEWLINE 1:24\nNAME match 2:0-2:5\nOP = 2:6-2:7\nNAME type 2:8-2:12\nOP = 2:13-2:14\nNUMBER 1 2:15-2:16\nNEWLINE 2:16\nENDMARKER\n" },
    { "fstring_nested_quotes", "f\"{d['k']}\" f'{x!r:>{w}}'\n",
      "STRING f\"{d['k']}\" 1:0-1:11\nSTRING f'{x!r:>{w}}' 1:12-1:25\nNEWLINE 1:25\nENDMARKER\n" },
    /* CPython's tokenizer reads `1else` as 1 and else (tokenize module and compile()
     * agree; 3.11 only warns). */
    { "number_then_else", "x = 1if 1else 2\n",
      "NAME x 1:0-1:1\nOP = 1:2-1:3\nNUMBER 1 1:4-1:5\nNAME if 1:5-1:7\nNUMBER 1 1:8-1:9\nNAME else 1:9-1:13\nNUMBER 2 1:14-1:15\nNEWLINE 1:15\nENDMARKER\n" },
    /* U+00B7 MIDDLE DOT is XID_Continue: compile("a\u00b7b = 1").co_names == ('a\u00b7b',).
     * (The tokenize module's regex disagrees; the C tokenizer is the reference.) */
    { "middle_dot_in_identifier", "a\u00b7b = 1\n",
      "NAME a\u00b7b 1:0-1:3\nOP = 1:4-1:5\nNUMBER 1 1:6-1:7\nNEWLINE 1:7\nENDMARKER\n" },
};

static void check_stream(const char *name) {
    const StreamCase *c = NULL;
    for (size_t i = 0; i < sizeof streams / sizeof streams[0]; i++)
        if (strcmp(streams[i].name, name) == 0) c = &streams[i];
    cr_assert_not_null(c, "no case %s", name);
    Run *r = malloc(sizeof *r);
    lex_all(r, c->src);
    cr_expect_not(r->failed, "%s: unexpected %s: %s (%d:%d)", name, r->err.kind, r->err.msg,
                  r->err.line, r->err.col);
    cr_expect_str_eq(r->text, c->want, "%s: source:\n%s", name, c->src);
    run_free(r);
    free(r);
}

Test(lexer, indent_dedent) { check_stream("indent_dedent"); }
Test(lexer, dedent_several_at_eof) { check_stream("dedent_several_at_eof"); }
Test(lexer, blank_and_comment_lines_do_not_indent) { check_stream("blank_and_comment_lines_do_not_indent"); }
Test(lexer, tabs_consistent) { check_stream("tabs_consistent"); }
Test(lexer, implicit_joining) { check_stream("implicit_joining"); }
Test(lexer, backslash_joining) { check_stream("backslash_joining"); }
Test(lexer, comments) { check_stream("comments"); }
Test(lexer, no_trailing_newline) { check_stream("no_trailing_newline"); }
Test(lexer, ints) { check_stream("ints"); }
Test(lexer, floats) { check_stream("floats"); }
Test(lexer, number_then_keyword) { check_stream("number_then_keyword"); }
Test(lexer, string_prefixes) { check_stream("string_prefixes"); }
Test(lexer, triple_quotes) { check_stream("triple_quotes"); }
Test(lexer, string_escapes_and_continuation) { check_stream("string_escapes_and_continuation"); }
Test(lexer, operators_longest_match) { check_stream("operators_longest_match"); }
Test(lexer, non_ascii_columns) { check_stream("non_ascii_columns"); }
Test(lexer, keywords_and_soft) { check_stream("keywords_and_soft"); }
Test(lexer, fstring_nested_quotes) { check_stream("fstring_nested_quotes"); }

/* `1else`: the 'e' starts `else`, not an exponent (Aspen once said "invalid decimal literal"). */
Test(lexer, number_then_else) { check_stream("number_then_else"); }
/* Identifier characters are XID_Start / XID_Continue, as in CPython's tokenizer. */
Test(lexer, middle_dot_in_identifier) { check_stream("middle_dot_in_identifier"); }

typedef struct { const char *src, *kind, *msg; int line, col; } ErrorCase;

static void check_errors(const ErrorCase *cases, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const ErrorCase *c = &cases[i];
        Run *r = malloc(sizeof *r);
        lex_all(r, c->src);
        cr_expect(r->failed, "no error for:\n%s", c->src);
        if (r->failed) {
            cr_expect_str_eq(r->err.kind, c->kind, "source:\n%s", c->src);
            cr_expect_str_eq(r->err.msg, c->msg, "source:\n%s", c->src);
            cr_expect_eq(r->err.line, c->line, "line for:\n%s", c->src);
            cr_expect_eq(r->err.col, c->col, "offset for:\n%s", c->src);
        }
        run_free(r);
        free(r);
    }
}

static const ErrorCase indentation_errors[] = {
    { "if x:\n\tpass\n        pass\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1 },
    { "if x:\n        pass\n\tpass\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1 },
    { "if x:\n    if y:\n        pass\n  pass\n", "IndentationError", "unindent does not match any outer indentation level", 4, 7 },
    { "if x:\n  pass\n pass\n", "IndentationError", "unindent does not match any outer indentation level", 3, 6 },
};
Test(lexer_errors, indentation) { check_errors(indentation_errors, sizeof indentation_errors / sizeof indentation_errors[0]); }

static const ErrorCase int_literals_errors[] = {
    { "x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 6 },
    { "x = 0o\n", "SyntaxError", "invalid octal literal", 1, 6 },
    { "x = 0b\n", "SyntaxError", "invalid binary literal", 1, 6 },
    { "x = 0x_\n", "SyntaxError", "invalid hexadecimal literal", 1, 7 },
    { "x = 0o_\n", "SyntaxError", "invalid octal literal", 1, 7 },
    { "x = 0xfg\n", "SyntaxError", "invalid hexadecimal literal", 1, 7 },
    { "x = 1__0\n", "SyntaxError", "invalid decimal literal", 1, 6 },
    { "x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 6 },
    { "x = 1_000_\n", "SyntaxError", "invalid decimal literal", 1, 10 },
    { "x = 0b2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7 },
    { "x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 7 },
    { "x = 0b1_2\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 9 },
    { "x = 0b12\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 8 },
    { "x = 012\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5 },
    { "x = 00_7\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5 },
    { "x = 0_7\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5 },
};
Test(lexer_errors, int_literals) { check_errors(int_literals_errors, sizeof int_literals_errors / sizeof int_literals_errors[0]); }

static const ErrorCase float_literals_errors[] = {
    { "x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5 },
    { "x = 1e+\n", "SyntaxError", "invalid decimal literal", 1, 7 },
    { "x = 1.e\n", "SyntaxError", "invalid decimal literal", 1, 6 },
    { "x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5 },
    { "x = 5ab\n", "SyntaxError", "invalid decimal literal", 1, 5 },
};
Test(lexer_errors, float_literals) { check_errors(float_literals_errors, sizeof float_literals_errors / sizeof float_literals_errors[0]); }

static const ErrorCase strings_errors[] = {
    { "x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5 },
    { "x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5 },
    { "x = '''abc\n\ndef\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5 },
    { "s = b'x\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5 },
};
Test(lexer_errors, strings) { check_errors(strings_errors, sizeof strings_errors / sizeof strings_errors[0]); }

static const ErrorCase joining_and_characters_errors[] = {
    { "x = 1 \\ 2\n", "SyntaxError", "unexpected character after line continuation character", 1, 8 },
    { "x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8 },
    { "x = €\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5 },
};
Test(lexer_errors, joining_and_characters) { check_errors(joining_and_characters_errors, sizeof joining_and_characters_errors / sizeof joining_and_characters_errors[0]); }

static const ErrorCase brackets_errors[] = {
    { "x = (1,\n 2]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 3 },
    { "x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6 },
    { "x = (1,\n2\n", "SyntaxError", "'(' was never closed", 1, 5 },
    { "x = [\n", "SyntaxError", "'[' was never closed", 1, 5 },
};
Test(lexer_errors, brackets) { check_errors(brackets_errors, sizeof brackets_errors / sizeof brackets_errors[0]); }

/* ---- properties of the token array itself ---- */

/* Like CPython, a tokenizer error is raised only when the parser asks for the token. */
Test(lexer, lexing_is_lazy) {
    Run *r = malloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->arena = arena_new();
    const char *src = "x = 1\ny = 0b2\n";
    lex_init(&r->L, r->arena, src, strlen(src), &r->err, &r->jb);
    if (setjmp(r->jb)) r->failed = 1;
    if (!r->failed) {
        for (int i = 0; i < 4; i++) cr_expect_neq(lex_token(&r->L, i)->type, T_ENDMARKER);
        cr_expect_eq(lex_token(&r->L, 3)->type, T_NEWLINE);
        cr_expect_not(r->failed);
        lex_token(&r->L, 6);   /* the number: raises */
        cr_expect_fail("0b2 lexed without an error");
    }
    cr_expect_str_eq(r->err.msg, "invalid digit '2' in binary literal");
    cr_expect_eq(r->err.line, 2);
    run_free(r);
    free(r);
}

Test(lexer, endmarker_repeats) {
    Run *r = malloc(sizeof *r);
    lex_all(r, "x\n");
    cr_assert_not(r->failed);
    Token *end = lex_token(&r->L, 2);
    cr_expect_eq(end->type, T_ENDMARKER);
    cr_expect_eq(lex_token(&r->L, 50), end);
    cr_expect_eq(lex_token(&r->L, 3), end);
    run_free(r);
    free(r);
}

Test(lexer, keyword_and_operator_codes) {
    Run *r = malloc(sizeof *r);
    lex_all(r, "if match**=None ... lambda_ :=\n");
    cr_assert_not(r->failed);
    Token *t = r->L.toks;
    cr_expect_eq(t[0].type, T_NAME); cr_expect_eq(t[0].op, KW_IF);
    cr_expect_eq(t[1].type, T_NAME); cr_expect_eq(t[1].op, KW_NOTKW);   /* soft keyword */
    cr_expect_eq(t[2].type, T_OP); cr_expect_eq(t[2].op, O_POWEQ);
    cr_expect_eq(t[3].op, KW_NONE);
    cr_expect_eq(t[4].op, O_ELLIPSIS);
    cr_expect_eq(t[5].op, KW_NOTKW);
    cr_expect_eq(t[6].op, O_WALRUS);
    cr_expect_str_eq(lex_op_text(O_WALRUS), ":=");
    run_free(r);
    free(r);
}

/* `level` is the bracket depth before the token; an opening bracket reports the depth
 * outside itself, so matching brackets carry equal levels. */
Test(lexer, bracket_levels) {
    Run *r = malloc(sizeof *r);
    lex_all(r, "f(a[1], {b})\n");
    cr_assert_not(r->failed);
    static const int want[] = { 0, 0, 1, 1, 2, 1, 1, 1, 2, 1, 0 };   /* f ( a [ 1 ] , { b } ) */
    for (int i = 0; i < 11; i++) cr_expect_eq(r->L.toks[i].level, want[i], "token %d", i);
    run_free(r);
    free(r);
}

static char *nested_ifs(int n) {
    size_t cap = (size_t)n * (size_t)(n + 8) + 64, len = 0;
    char *s = malloc(cap);
    for (int i = 0; i <= n; i++) {
        memset(s + len, ' ', (size_t)i);
        len += (size_t)i;
        len += (size_t)sprintf(s + len, i < n ? "if x:\n" : "pass\n");
    }
    return s;
}

/* CPython 3.11: 99 nested blocks compile; 100 raise IndentationError "too many levels of
 * indentation" at line 101, offset 1. */
Test(lexer, indentation_depth_limit) {
    Run *r = malloc(sizeof *r);
    char *ok = nested_ifs(99), *bad = nested_ifs(100);
    lex_all(r, ok);
    cr_expect_not(r->failed, "%s", r->err.msg);
    run_free(r);
    lex_all(r, bad);
    cr_expect(r->failed);
    cr_expect_str_eq(r->err.kind, "IndentationError");
    cr_expect_str_eq(r->err.msg, "too many levels of indentation");
    cr_expect_eq(r->err.line, 101);
    cr_expect_eq(r->err.col, 1);
    run_free(r);
    free(ok); free(bad); free(r);
}

/* CPython 3.11: 200 nested parentheses tokenize; 201 give "too many nested parentheses"
 * at offset 201. */
Test(lexer, bracket_depth_limit) {
    Run *r = malloc(sizeof *r);
    char src[512];
    memset(src, '(', 200); memset(src + 200, ')', 200); src[400] = 0;
    lex_all(r, src);
    cr_expect_not(r->failed, "%s", r->err.msg);
    run_free(r);
    memset(src, '(', 201); memset(src + 201, ')', 201); src[402] = 0;
    lex_all(r, src);
    cr_expect(r->failed);
    cr_expect_str_eq(r->err.msg, "too many nested parentheses");
    cr_expect_eq(r->err.line, 1);
    cr_expect_eq(r->err.col, 201);
    run_free(r);
    free(r);
}
