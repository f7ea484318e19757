/* lexer.c — Python 3.11 tokenizer: indentation, brackets, numbers, strings, operators.
 *
 * Mirrors CPython's tokenizer closely where it shows: which errors it raises, and at which
 * column (SyntaxError.offset), because Aspen must print what CPython prints. String tokens
 * are returned raw (prefix and quotes included); the parser decodes them. */
#include "lang/lexer.h"
#include "vm/unicode_db.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define OP_TEXT(name, text) text,
static const char *const op_texts[] = { "", LEX_OPS(OP_TEXT) };
#undef OP_TEXT
#define KW_TEXT(name, text) text,
static const char *const kw_texts[] = { "", LEX_KEYWORDS(KW_TEXT) };
#undef KW_TEXT

const char *lex_op_text(int op) { return op > 0 && op < O_COUNT ? op_texts[op] : "?"; }

void lex_raise(Lexer *L, const char *kind, int line, int col, int end_line, int end_col,
               const char *fmt, ...) {
    SyntaxErr *e = L->err;
    e->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->line = line;
    e->col = col;
    e->end_line = end_line;
    e->end_col = end_col;
    longjmp(*L->jb, 1);
}

int lex_utf8_decode(const unsigned char *s, size_t n, int *cp) {
    if (n == 0) return 0;
    unsigned c = s[0];
    if (c < 0x80) { *cp = (int)c; return 1; }
    int len; unsigned min;
    if ((c & 0xE0) == 0xC0) { len = 2; c &= 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; c &= 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; c &= 0x07; min = 0x10000; }
    else return 0;
    if ((size_t)len > n) return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    *cp = (int)c;
    return len;
}

int lex_char_col(const char *line_start, const char *p) {
    int n = 0;
    for (const char *q = line_start; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80) n++;
    return n;
}

void lex_init(Lexer *L, Arena *a, const char *src, size_t len, SyntaxErr *err, jmp_buf *jb) {
    memset(L, 0, sizeof *L);
    L->arena = a;
    L->src = src;
    L->len = len;
    L->line = 1;
    L->err = err;
    L->jb = jb;
    L->atbol = 1;
    L->cap = 256;
    L->toks = arena_alloc(a, sizeof(Token) * (size_t)L->cap);
}

/* ---- small helpers ---- */

static int peekc(Lexer *L, size_t off) {
    size_t i = L->pos + off;
    return i < L->len ? (unsigned char)L->src[i] : -1;
}

static int col_at(Lexer *L, size_t pos) {
    int base = L->line == L->first_line ? L->col_base : 0;
    return base + lex_char_col(L->src + L->line_start, L->src + pos);
}

/* 1-based CPython-style offset for an error whose cursor is at byte `pos` of the current line. */
_Noreturn static void err_at(Lexer *L, size_t pos, const char *fmt, const char *arg) {
    int c = col_at(L, pos);
    lex_raise(L, "SyntaxError", L->line, c, L->line, c, fmt, arg);
}

static void newline_seen(Lexer *L) {
    L->line++;
    L->line_start = L->pos;
}

static int is_id_start_ascii(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_id_ascii(int c) { return is_id_start_ascii(c) || (c >= '0' && c <= '9'); }
static int is_potential_id(int c) { return is_id_ascii(c) || c >= 128; }

/* CPython's tokenizer rule (_PyUnicode_ScanIdentifier): XID_Start or '_', then XID_Continue.
 * These properties are closed under NFKC, so checking the raw text is enough. */
static int cp_is_identifier(int cp, int first) {
    if (cp < 128) return first ? is_id_start_ascii(cp) : is_id_ascii(cp);
    return (uc_record((uint32_t)cp)->flags & (first ? UC_XID_START : UC_XID_CONTINUE)) != 0;
}

static Token *push(Lexer *L) {
    if (L->ntoks == L->cap) {
        int ncap = L->cap * 2;
        Token *nt = arena_alloc(L->arena, sizeof(Token) * (size_t)ncap);
        memcpy(nt, L->toks, sizeof(Token) * (size_t)L->ntoks);
        L->toks = nt;
        L->cap = ncap;
    }
    Token *t = &L->toks[L->ntoks++];
    memset(t, 0, sizeof *t);
    return t;
}

static void finish(Lexer *L, Token *t, TokType type, size_t start, int line, int col) {
    t->type = type;
    t->s = L->src + start;
    t->n = L->pos - start;
    t->line = line;
    t->col = col;
    t->end_line = L->line;
    t->end_col = col_at(L, L->pos);
    t->level = L->level;
}

/* ---- indentation ---- */

/* CPython reports these only when the parser reaches them, never from its after-error
 * re-tokenization; longjmp value 2 tells lex_check_rest's caller to keep the old error. */
static void soft(Lexer *L) {
    if (L->checking) longjmp(*L->jb, 2);
}

_Noreturn static void tab_error(Lexer *L) {
    soft(L);
    lex_raise(L, "TabError", L->line, 1, L->line, 0,
              "inconsistent use of tabs and spaces in indentation");
}

_Noreturn static void dedent_error(Lexer *L) {
    soft(L);
    size_t e = L->pos;
    while (e < L->len && L->src[e] != '\n') e++;
    int c = col_at(L, e) + 1;
    lex_raise(L, "IndentationError", L->line, c, L->line, -1,
              "unindent does not match any outer indentation level");
}

static void continuation(Lexer *L) {
    /* at a backslash: it must end the line */
    size_t bs = L->pos;
    L->pos++;
    if (L->pos >= L->len || L->src[L->pos] != '\n') soft(L);
    if (L->pos >= L->len) {
        int c = col_at(L, bs) + 2;
        lex_raise(L, "SyntaxError", L->line, c, L->line, -1, "unexpected EOF while parsing");
    }
    if (L->src[L->pos] != '\n') {
        int c = col_at(L, bs) + 2;
        lex_raise(L, "SyntaxError", L->line, c, L->line, 0,
                  "unexpected character after line continuation character");
    }
    L->pos++;
    newline_seen(L);
    L->cont_line = 1;
}

static void indentation(Lexer *L) {
    int col = 0, altcol = 0, cont_col = 0;
    L->atbol = 0;
    for (;;) {
        int c = peekc(L, 0);
        if (c == ' ') { col++; altcol++; }
        else if (c == '\t') { col = (col / 8 + 1) * 8; altcol++; }
        else if (c == '\f') { col = altcol = 0; }
        else if (c == '\\') {
            cont_col = cont_col ? cont_col : col;
            continuation(L);
            continue;
        } else break;
        L->pos++;
    }
    int c = peekc(L, 0);
    if (c == '#' || c == '\n' || c == '\r' || c == -1 || L->level > 0) return;
    if (cont_col) { col = cont_col; altcol = cont_col; }
    int *ind = L->indstack, *alt = L->altstack;
    if (col == ind[L->indent]) {
        if (altcol != alt[L->indent]) tab_error(L);
    } else if (col > ind[L->indent]) {
        if (L->indent + 1 >= LEX_MAX_INDENT)
            lex_raise(L, "IndentationError", L->line, 1, L->line, 0, "too many levels of indentation");
        if (altcol <= alt[L->indent]) tab_error(L);
        L->pending++;
        L->indent++;
        ind[L->indent] = col;
        alt[L->indent] = altcol;
    } else {
        while (L->indent > 0 && col < ind[L->indent]) {
            L->pending--;
            L->indent--;
        }
        if (col != ind[L->indent]) dedent_error(L);
        if (altcol != alt[L->indent]) tab_error(L);
    }
}

/* ---- numbers ---- */

/* CPython: a number glued to an identifier is an error, except before the keywords that
 * can legally follow a number (`1if x else y`). */
static void end_of_number(Lexer *L, const char *kind) {
    int c = peekc(L, 0);
    if (c < 0 || !is_potential_id(c)) return;
    static const char *const kws[] = { "and", "else", "for", "if", "in", "is", "or", "not" };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if (L->pos + n <= L->len && memcmp(L->src + L->pos, kws[i], n) == 0) return;
    }
    err_at(L, L->pos, "invalid %s literal", kind);
}

/* Digits of `base` with single underscores between them; returns how many digits. */
static int digits(Lexer *L, int base, const char *kind) {
    int n = 0;
    for (;;) {
        int c = peekc(L, 0);
        int ok = base == 16 ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
                            : (c >= '0' && c < '0' + base);
        if (ok) { L->pos++; n++; continue; }
        if (c == '_' && n > 0) {
            int d = peekc(L, 1);
            int okd = base == 16 ? ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'))
                                 : (d >= '0' && d < '0' + base);
            if (!okd) {
                if (base < 10 && d >= '0' && d <= '9') {
                    char dig[2] = { (char)d, 0 };
                    L->pos += 2;
                    char msg[64];
                    snprintf(msg, sizeof msg, "invalid digit '%%s' in %s literal", kind);
                    err_at(L, L->pos, msg, dig);
                }
                L->pos++;
                err_at(L, L->pos, "invalid %s literal", kind);
            }
            L->pos++;
            continue;
        }
        if (base < 10 && c >= '0' && c <= '9') {
            char dig[2] = { (char)c, 0 };
            L->pos++;
            char msg[64];
            snprintf(msg, sizeof msg, "invalid digit '%%s' in %s literal", kind);
            err_at(L, L->pos, msg, dig);
        }
        return n;
    }
}

static void exponent_and_imag(Lexer *L, size_t start) {
    int c = peekc(L, 0);
    if (c == 'e' || c == 'E') {
        size_t save = L->pos;
        L->pos++;
        c = peekc(L, 0);
        if (c == '+' || c == '-') {
            L->pos++;
            c = peekc(L, 0);
            if (!(c >= '0' && c <= '9')) err_at(L, L->pos, "invalid %s literal", "decimal");
        } else if (!(c >= '0' && c <= '9')) {
            /* not an exponent: the number ends before the 'e' if `else` follows (`1else`) */
            L->pos = save;
            end_of_number(L, "decimal");
            return;
        }
        digits(L, 10, "decimal");
    }
    c = peekc(L, 0);
    if (c == 'j' || c == 'J') L->pos++;
    (void)start;
}

static void lex_number(Lexer *L, size_t start) {
    int c = peekc(L, 0);
    if (c == '0') {
        int x = peekc(L, 1);
        int base = 0; const char *kind = NULL;
        if (x == 'x' || x == 'X') { base = 16; kind = "hexadecimal"; }
        else if (x == 'o' || x == 'O') { base = 8; kind = "octal"; }
        else if (x == 'b' || x == 'B') { base = 2; kind = "binary"; }
        if (base) {
            L->pos += 2;
            if (peekc(L, 0) == '_') L->pos++;
            if (digits(L, base, kind) == 0) {
                if (peekc(L, 0) >= 0 && is_potential_id(peekc(L, 0))) end_of_number(L, kind);
                err_at(L, L->pos, "invalid %s literal", kind);
            }
            end_of_number(L, kind);
            return;
        }
    }
    if (c != '.') {
        /* decimal integer part; leading zeros only allowed if all zeros or a float follows */
        int leading_zero = c == '0';
        digits(L, 10, "decimal");
        size_t int_end = L->pos;
        int n = peekc(L, 0);
        if (n == '.' ) {
            L->pos++;
            if (peekc(L, 0) >= '0' && peekc(L, 0) <= '9') digits(L, 10, "decimal");
            exponent_and_imag(L, start);
        } else if (n == 'e' || n == 'E' || n == 'j' || n == 'J') {
            exponent_and_imag(L, start);
        } else if (leading_zero) {
            for (size_t i = start; i < int_end; i++) {
                if (L->src[i] != '0' && L->src[i] != '_') {
                    int c0 = col_at(L, start) + 1;
                    size_t z = start;
                    while (z < int_end && (L->src[z] == '0' || L->src[z] == '_')) z++;
                    lex_raise(L, "SyntaxError", L->line, c0, L->line, col_at(L, z) + 1,
                              "leading zeros in decimal integer literals are not permitted; "
                              "use an 0o prefix for octal integers");
                }
            }
        }
    } else {
        L->pos++;   /* the '.' of `.5` */
        digits(L, 10, "decimal");
        exponent_and_imag(L, start);
    }
    end_of_number(L, "decimal");
}

/* ---- strings ---- */

static void lex_string(Lexer *L, size_t start, int line, int col) {
    int q = peekc(L, 0);
    int triple = peekc(L, 1) == q && peekc(L, 2) == q;
    L->pos += triple ? 3 : 1;
    for (;;) {
        int c = peekc(L, 0);
        if (c < 0) {
            int detected = L->line - (L->len > 0 && L->src[L->len - 1] == '\n' ? 1 : 0);
            if (detected < line) detected = line;
            if (triple)
                lex_raise(L, "SyntaxError", line, col + 1, line, col + 1,
                          "unterminated triple-quoted string literal (detected at line %d)", detected);
            lex_raise(L, "SyntaxError", line, col + 1, line, col + 1,
                      "unterminated string literal (detected at line %d)", detected);
        }
        if (c == '\n') {
            if (!triple)
                lex_raise(L, "SyntaxError", line, col + 1, line, col + 1,
                          "unterminated string literal (detected at line %d)", L->line);
            L->pos++;
            newline_seen(L);
            continue;
        }
        if (c == '\\') {
            L->pos++;
            if (peekc(L, 0) == '\n') { L->pos++; newline_seen(L); }
            else if (peekc(L, 0) >= 0) L->pos++;
            continue;
        }
        L->pos++;
        if (c == q) {
            if (!triple) return;
            if (peekc(L, 0) == q && peekc(L, 1) == q) { L->pos += 2; return; }
        }
    }
}

static int string_prefix(const char *s, size_t n) {
    if (n == 0 || n > 2) return 0;
    int r = 0, b = 0, f = 0, u = 0;
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case 'r': case 'R': r++; break;
        case 'b': case 'B': b++; break;
        case 'f': case 'F': f++; break;
        case 'u': case 'U': u++; break;
        default: return 0;
        }
    }
    if (r > 1 || b > 1 || f > 1 || u > 1) return 0;
    if (u && n > 1) return 0;
    if (b && f) return 0;
    return 1;
}

/* ---- brackets ---- */

static void open_paren(Lexer *L, int c, size_t at) {
    if (L->level >= LEX_MAX_PARENS) err_at(L, at + 1, "%s", "too many nested parentheses");
    L->paren[L->level] = (char)c;
    L->paren_line[L->level] = L->line;
    L->paren_col[L->level] = col_at(L, at);
    L->level++;
}

static void close_paren(Lexer *L, int c, size_t at) {
    char cs[2] = { (char)c, 0 };
    if (L->level == 0) err_at(L, at + 1, "unmatched '%s'", cs);
    L->level--;
    int o = L->paren[L->level];
    int want = o == '(' ? ')' : o == '[' ? ']' : '}';
    if (c != want) {
        int ccol = col_at(L, at) + 1;
        if (L->paren_line[L->level] != L->line)
            lex_raise(L, "SyntaxError", L->line, ccol, L->line, ccol,
                      "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                      c, o, L->paren_line[L->level]);
        lex_raise(L, "SyntaxError", L->line, ccol, L->line, ccol,
                  "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
    }
}

_Noreturn static void never_closed(Lexer *L) {
    int i = L->level - 1;
    lex_raise(L, "SyntaxError", L->paren_line[i], L->paren_col[i] + 1, L->paren_line[i], 0,
              "'%c' was never closed", L->paren[i]);
}

/* ---- the scanner ---- */

static void bad_char(Lexer *L, size_t at) {
    int cp = 0;
    int n = lex_utf8_decode((const unsigned char *)L->src + at, L->len - at, &cp);
    if (n == 0) err_at(L, at + 1, "%s", "invalid character in identifier");
    if (cp < 128) {
        if (cp < 32 || cp == 127) {
            int c = col_at(L, at) + 1;
            lex_raise(L, "SyntaxError", L->line, c, L->line, c,
                      "invalid non-printable character U+%04X", cp);
        }
        return;   /* '$', '?', '`': the parser reports invalid syntax */
    }
    int c = col_at(L, at) + 1;
    if (!(uc_record((uint32_t)cp)->flags & UC_PRINTABLE))
        lex_raise(L, "SyntaxError", L->line, c, L->line, c,
                  "invalid non-printable character U+%04X", cp);
    lex_raise(L, "SyntaxError", L->line, c, L->line, c, "invalid character '%.*s' (U+%04X)", n,
              L->src + at, cp);
}

static void lex_name(Lexer *L, size_t start) {
    int first = 1;
    for (;;) {
        int c = peekc(L, 0);
        if (c < 0) break;
        if (c < 128) {
            if (!(first ? is_id_start_ascii(c) : is_id_ascii(c))) break;
            L->pos++;
        } else {
            int cp = 0;
            int n = lex_utf8_decode((const unsigned char *)L->src + L->pos, L->len - L->pos, &cp);
            if (n == 0 || !cp_is_identifier(cp, first)) {
                if (first || n == 0 || cp >= 128) bad_char(L, L->pos);
                break;
            }
            L->pos += (size_t)n;
        }
        first = 0;
    }
    (void)start;
}

static int keyword_of(const char *s, size_t n) {
    for (int k = 1; k < KW_COUNT; k++)
        if (strlen(kw_texts[k]) == n && memcmp(kw_texts[k], s, n) == 0) return k;
    return KW_NOTKW;
}

static void lex_one(Lexer *L) {
    for (;;) {
        if (L->atbol) indentation(L);
        if (L->pending) {
            Token *t = push(L);
            int c = col_at(L, L->pos);
            if (L->pending > 0) {
                L->pending--;
                finish(L, t, T_INDENT, L->pos, L->line, c > 0 ? c - 1 : 0);
            } else {
                L->pending++;
                finish(L, t, T_DEDENT, L->pos, L->line, c);
            }
            return;
        }
        int c = peekc(L, 0);
        while (c == ' ' || c == '\t' || c == '\f') { L->pos++; c = peekc(L, 0); }
        if (c == '#') {
            while (L->pos < L->len && L->src[L->pos] != '\n') L->pos++;
            c = peekc(L, 0);
        }
        size_t start = L->pos;
        int line = L->line, col = col_at(L, start);
        if (c < 0) {
            if (L->level > 0) {
                /* after a parser error, only a bracket opened before the error's line wins */
                if (!L->checking || L->paren_line[L->level - 1] < L->check_line) never_closed(L);
                L->done = 1;
                return;
            }
            Token *t = push(L);
            if (L->emitted_any) {
                L->emitted_any = 0;
                finish(L, t, T_NEWLINE, start, line, col);
            } else if (L->indent > 0) {
                L->indent--;
                finish(L, t, T_DEDENT, start, line, col);
            } else {
                finish(L, t, T_ENDMARKER, start, line, col);
                L->done = 1;
            }
            return;
        }
        if (c == '\n') {
            L->pos++;
            if (L->level > 0 || !L->emitted_any) {
                newline_seen(L);
                if (L->level == 0) L->atbol = 1;
                continue;
            }
            Token *t = push(L);
            finish(L, t, T_NEWLINE, start, line, col);
            t->end_line = line;
            t->end_col = col + 1;
            newline_seen(L);
            L->atbol = 1;
            L->emitted_any = 0;
            L->cont_line = 0;
            return;
        }
        if (c == '\\') { continuation(L); continue; }
        if (c == 0) {
            lex_raise(L, "SyntaxError", L->line, 0, L->line, 0, "source code cannot contain null bytes");
        }

        L->emitted_any = 1;
        Token *t;
        if (is_id_start_ascii(c) || c >= 128) {
            lex_name(L, start);
            size_t n = L->pos - start;
            int q = peekc(L, 0);
            if ((q == '"' || q == '\'') && string_prefix(L->src + start, n)) {
                lex_string(L, start, line, col);
                t = push(L);
                finish(L, t, T_STRING, start, line, col);
                return;
            }
            t = push(L);
            finish(L, t, T_NAME, start, line, col);
            t->op = keyword_of(t->s, t->n);
            return;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && peekc(L, 1) >= '0' && peekc(L, 1) <= '9')) {
            lex_number(L, start);
            t = push(L);
            finish(L, t, T_NUMBER, start, line, col);
            return;
        }
        if (c == '"' || c == '\'') {
            lex_string(L, start, line, col);
            t = push(L);
            finish(L, t, T_STRING, start, line, col);
            return;
        }
        int op = O_NONE;
        for (int k = 1; k < O_COUNT; k++) {
            size_t n = strlen(op_texts[k]);
            if (start + n <= L->len && memcmp(L->src + start, op_texts[k], n) == 0) { op = k; break; }
        }
        if (op == O_NONE) {
            bad_char(L, start);
            /* a stray ASCII char: hand the parser a token it cannot accept */
            L->pos++;
            t = push(L);
            finish(L, t, T_OP, start, line, col);
            t->op = O_NONE;
            return;
        }
        if (op == O_LPAR || op == O_LSQB || op == O_LBRACE) open_paren(L, c, start);
        else if (op == O_RPAR || op == O_RSQB || op == O_RBRACE) close_paren(L, c, start);
        L->pos += strlen(op_texts[op]);
        t = push(L);
        finish(L, t, T_OP, start, line, col);
        t->op = op;
        if (op == O_LPAR || op == O_LSQB || op == O_LBRACE) t->level--;
        return;
    }
}

Token *lex_token(Lexer *L, int i) {
    while (i >= L->ntoks) {
        if (L->done) return &L->toks[L->ntoks - 1];
        lex_one(L);
    }
    return &L->toks[i];
}

void lex_check_rest(Lexer *L, int err_line) {
    /* CPython re-tokenizes the rest of the file after a parser error; a tokenizer error
     * found there wins, and an unclosed bracket wins if it was opened on an earlier line. */
    L->check_line = err_line;
    while (!L->done) lex_one(L);
}
