/* lexer.h — tokenizer internals shared by the parser files (not a public interface).
 *
 * The lexer turns UTF-8 source into Python tokens on demand: the parser asks for token i and
 * the lexer extends its array up to i. Lazy lexing matters for error priority: like CPython,
 * a tokenizer error is reported only when the parser reaches it. Errors unwind with longjmp
 * to the parser's entry point; everything lives in the parse's Arena, so nothing leaks. */
#ifndef ASPEN_LEXER_H
#define ASPEN_LEXER_H

#include <setjmp.h>
#include <stddef.h>

#include "lang/ast.h"

typedef enum { T_ENDMARKER, T_NAME, T_NUMBER, T_STRING, T_NEWLINE, T_INDENT, T_DEDENT, T_OP } TokType;

/* Operators and delimiters, longest spellings first so the lexer can match greedily. */
#define LEX_OPS(X) \
    X(O_ELLIPSIS, "...") X(O_POWEQ, "**=") X(O_FLOORDIVEQ, "//=") X(O_LSHIFTEQ, "<<=") \
    X(O_RSHIFTEQ, ">>=") \
    X(O_ARROW, "->") X(O_WALRUS, ":=") X(O_EQEQ, "==") X(O_NE, "!=") X(O_LE, "<=") X(O_GE, ">=") \
    X(O_LSHIFT, "<<") X(O_RSHIFT, ">>") X(O_POW, "**") X(O_FLOORDIV, "//") X(O_PLUSEQ, "+=") \
    X(O_MINUSEQ, "-=") X(O_STAREQ, "*=") X(O_SLASHEQ, "/=") X(O_PERCENTEQ, "%=") \
    X(O_AMPEQ, "&=") X(O_PIPEEQ, "|=") X(O_CARETEQ, "^=") X(O_ATEQ, "@=") \
    X(O_LPAR, "(") X(O_RPAR, ")") X(O_LSQB, "[") X(O_RSQB, "]") X(O_LBRACE, "{") \
    X(O_RBRACE, "}") X(O_COLON, ":") X(O_COMMA, ",") X(O_SEMI, ";") X(O_PLUS, "+") \
    X(O_MINUS, "-") X(O_STAR, "*") X(O_SLASH, "/") X(O_PIPE, "|") X(O_AMP, "&") X(O_LT, "<") \
    X(O_GT, ">") X(O_EQ, "=") X(O_DOT, ".") X(O_PERCENT, "%") X(O_TILDE, "~") X(O_CARET, "^") \
    X(O_AT, "@") X(O_BANG, "!")

#define LEX_ENUM(name, text) name,
typedef enum { O_NONE, LEX_OPS(LEX_ENUM) O_COUNT } OpCode;
#undef LEX_ENUM

#define LEX_KEYWORDS(X) \
    X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True") X(KW_AND, "and") X(KW_AS, "as") \
    X(KW_ASSERT, "assert") X(KW_ASYNC, "async") X(KW_AWAIT, "await") X(KW_BREAK, "break") \
    X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def") X(KW_DEL, "del") \
    X(KW_ELIF, "elif") X(KW_ELSE, "else") X(KW_EXCEPT, "except") X(KW_FINALLY, "finally") \
    X(KW_FOR, "for") X(KW_FROM, "from") X(KW_GLOBAL, "global") X(KW_IF, "if") \
    X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is") X(KW_LAMBDA, "lambda") \
    X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not") X(KW_OR, "or") X(KW_PASS, "pass") \
    X(KW_RAISE, "raise") X(KW_RETURN, "return") X(KW_TRY, "try") X(KW_WHILE, "while") \
    X(KW_WITH, "with") X(KW_YIELD, "yield")

#define LEX_ENUM(name, text) name,
typedef enum { KW_NOTKW, LEX_KEYWORDS(LEX_ENUM) KW_COUNT } Keyword;
#undef LEX_ENUM

typedef struct {
    TokType type;
    int op;                 /* OpCode for T_OP, Keyword for T_NAME (KW_NOTKW if an identifier) */
    const char *s;          /* raw text in the source */
    size_t n;
    int line, col;          /* 1-based line, 0-based column in characters */
    int end_line, end_col;
    int level;              /* bracket nesting depth before this token */
} Token;

enum { LEX_MAX_PARENS = 200, LEX_MAX_INDENT = 100 };

typedef struct Lexer {
    Arena *arena;
    const char *src;
    size_t len, pos;
    int line;
    size_t line_start;      /* byte offset of the current line's start */
    SyntaxErr *err;
    jmp_buf *jb;            /* where errors unwind to */

    int indstack[LEX_MAX_INDENT + 1], altstack[LEX_MAX_INDENT + 1], indent;
    int pending;            /* >0 INDENTs to emit, <0 DEDENTs */
    int atbol;
    int cont_line;          /* a backslash continuation happened in this logical line */
    int level;
    char paren[LEX_MAX_PARENS];
    int paren_line[LEX_MAX_PARENS], paren_col[LEX_MAX_PARENS];
    int emitted_any;        /* a non-NEWLINE token exists in the current logical line */
    int done;
    int checking;           /* in lex_check_rest: indentation errors do not count */
    int check_line;         /* in lex_check_rest: the line of the parser's furthest token */
    int first_line, col_base; /* f-string sub-lexers: column offset of their first line */

    Token *toks;
    int ntoks, cap;
} Lexer;

void lex_init(Lexer *L, Arena *a, const char *src, size_t len, SyntaxErr *err, jmp_buf *jb);
/* Token i of the stream, lexing on demand; past ENDMARKER it keeps returning ENDMARKER. */
Token *lex_token(Lexer *L, int i);
/* Lex to the end looking for an error that CPython would report in preference to a parser
 * error at line `err_line`. Unwinds via longjmp if one is found, else returns. */
void lex_check_rest(Lexer *L, int err_line);

/* Raise a SyntaxError-family error: kind, 1-based line, 1-based col, end position. */
_Noreturn void lex_raise(Lexer *L, const char *kind, int line, int col, int end_line, int end_col,
                         const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Helpers shared with the parser. */
int lex_utf8_decode(const unsigned char *s, size_t n, int *cp);   /* bytes used, 0 if invalid */
int lex_char_col(const char *line_start, const char *p);           /* characters in [line_start,p) */
const char *lex_op_text(int op);

#endif
