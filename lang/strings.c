/* strings.c — string literals: prefixes, escape decoding, implicit concatenation, and
 * f-strings with CPython 3.11's semantics (the replacement fields are scanned here and
 * their expressions parsed by a sub-parser, as 3.11's fstring_find_expr does). */
#include <stdio.h>
#include <string.h>

#include "lang/parser_internal.h"
#include "lang/unicode_names.h"

typedef struct { char *s; size_t n, cap; } Buf;

static void b_put(Parser *p, Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *ns = arena_alloc(p->a, cap);
        if (b->n) memcpy(ns, b->s, b->n);
        b->s = ns;
        b->cap = cap;
    }
    if (n) memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void b_byte(Parser *p, Buf *b, int c) {
    char ch = (char)c;
    b_put(p, b, &ch, 1);
}

/* UTF-8, letting lone surrogates through (Python str may hold them). */
static void b_cp(Parser *p, Buf *b, unsigned cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    b_put(p, b, u, n);
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Offset `at` of body s as CPython 3.11's escape decoder counts it: the parser first
 * rewrites each non-ASCII character as a 10-byte \UXXXXXXXX (and a backslash before one
 * as \u005c), so error positions are in that rewritten text. */
static size_t esc_pos(const char *s, size_t at) {
    size_t pos = 0;
    for (size_t i = 0; i < at;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < at && ((unsigned char)s[i + 1] & 0x80)) { pos += 6; i++; continue; }
        if (c < 0x80) { pos++; i++; continue; }
        pos += 10;
        i++;
        while (i < at && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return pos;
}

/* Decode the backslash escapes of a non-raw literal body into `out`. */
static void decode_escapes(Parser *p, Buf *out, const char *s, size_t n, int is_bytes, Token *t) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\\') j++;
        b_put(p, out, s + i, j - i);
        if (j >= n) break;
        i = j + 1;
        if (i >= n) { b_byte(p, out, '\\'); break; }
        int c = (unsigned char)s[i++];
        switch (c) {
        case '\n': break;
        case '\\': b_byte(p, out, '\\'); break;
        case '\'': b_byte(p, out, '\''); break;
        case '"': b_byte(p, out, '"'); break;
        case 'a': b_byte(p, out, 7); break;
        case 'b': b_byte(p, out, 8); break;
        case 'f': b_byte(p, out, 12); break;
        case 'n': b_byte(p, out, 10); break;
        case 'r': b_byte(p, out, 13); break;
        case 't': b_byte(p, out, 9); break;
        case 'v': b_byte(p, out, 11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (unsigned)(s[i++] - '0');
            if (is_bytes) b_byte(p, out, (int)(v & 0xFF));
            else b_cp(p, out, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (is_bytes && c != 'x') { b_byte(p, out, '\\'); b_byte(p, out, c); break; }
            unsigned v = 0;
            int k = 0;
            for (; k < digits && i < n && hexval((unsigned char)s[i]) >= 0; k++) v = v * 16 + (unsigned)hexval((unsigned char)s[i++]);
            if (k < digits) {
                size_t pos = esc_pos(s, j);
                if (is_bytes)
                    p_error(p, "SyntaxError", p_peek(p, 0)->line, p_peek(p, 0)->col + 1, p_peek(p, 0)->line, p_peek(p, 0)->col + 1,
                            "(value error) invalid \\x escape at position %zu", pos);
                p_error(p, "SyntaxError", p_peek(p, 0)->line, p_peek(p, 0)->col + 1, p_peek(p, 0)->line, p_peek(p, 0)->col + 1,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: truncated \\%s escape", pos, pos + 1 + (size_t)k,
                        c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
            }
            if (is_bytes) b_byte(p, out, (int)v);
            else if (v > 0x10FFFF)
                p_error(p, "SyntaxError", p_peek(p, 0)->line, p_peek(p, 0)->col + 1, p_peek(p, 0)->line, p_peek(p, 0)->col + 1,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: illegal Unicode character", esc_pos(s, j), esc_pos(s, j) + 9);
            else b_cp(p, out, v);
            break;
        }
        case 'N': {
            if (is_bytes) { b_byte(p, out, '\\'); i--; break; }   /* bytes keep \N as is */
            const char *msg = "malformed \\N character escape";
            size_t stop = i;   /* CPython reports bytes j..stop-1 */
            if (i < n && s[i] == '{') {
                size_t start = i + 1, k = start;
                while (k < n && s[k] != '}') k++;
                stop = k;
                if (k < n && k > start) {
                    unsigned cp;
                    stop = k + 1;
                    if (unicode_name_lookup(s + start, k - start, &cp)) {
                        b_cp(p, out, cp);
                        i = k + 1;
                        break;
                    }
                    msg = "unknown Unicode character name";
                }
            }
            p_error(p, "SyntaxError", p_peek(p, 0)->line, p_peek(p, 0)->col + 1, p_peek(p, 0)->line, p_peek(p, 0)->col + 1,
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                    esc_pos(s, j), esc_pos(s, stop) - 1, msg);
            break;
        }
        default:
            b_byte(p, out, '\\');
            i--;   /* the character after the backslash is copied as itself */
            break;
        }
    }
}

typedef struct {
    Vec parts;      /* N_CONSTANT and N_FORMATTEDVALUE nodes */
    Buf lit;        /* literal text not yet flushed into parts */
    int have_lit;
    Token *tok;
} JStr;

static void flush_lit(Parser *p, JStr *j) {
    if (!j->lit.n) return;
    Node *c = p_node(p, N_CONSTANT, j->tok);
    c->u.constant.kind = K_STR;
    c->u.constant.str = j->lit.s;
    c->u.constant.len = j->lit.n;
    v_push(p, &j->parts, c);
    memset(&j->lit, 0, sizeof j->lit);
}

static Node *joined(Parser *p, JStr *j, Token *t) {
    flush_lit(p, j);
    Node *n = p_node(p, N_JOINEDSTR, t);
    n->u.seq.elts = v_list(&j->parts);
    return n;
}

typedef struct {
    Token *tok;       /* the STRING token (positions) */
    const char *end;  /* end of the body */
    int raw;
} FCtx;

_Noreturn static void f_error(Parser *p, const char *msg, int c) {
    /* 3.11 reports these at the token after the string (its parser already moved on). */
    Token *t = p_peek(p, 0);
    p_error(p, "SyntaxError", t->line, t->col + 1, t->line, t->col + 1, msg, c);
}

static void where(FCtx *f, const char *at, int *line, int *col) {
    int l = f->tok->line, c = f->tok->col;
    const char *ls = NULL;
    for (const char *q = f->tok->s; q < at; q++)
        if (*q == '\n') { l++; ls = q + 1; }
    if (ls) c = lex_char_col(ls, at);
    else c += lex_char_col(f->tok->s, at);
    *line = l;
    *col = c;
}

static const char *fstring_part(Parser *p, FCtx *f, JStr *j, const char *s, int lvl);

static const char *fstring_field(Parser *p, FCtx *f, JStr *j, const char *s, int lvl) {
    if (lvl >= 2) f_error(p, "f-string: expressions nested too deeply", 0);
    s++;   /* '{' */
    const char *expr_start = s, *end = f->end;
    char stack[200];
    int depth = 0, quote = 0, qtype = 0;
    for (; s < end; s++) {
        int ch = (unsigned char)*s;
        if (ch == '\\') f_error(p, "f-string expression part cannot include a backslash", 0);
        if (quote) {
            if (ch == quote) {
                if (qtype == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) { s += 2; quote = 0; }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) { qtype = 3; s += 2; }
            else qtype = 1;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= 200) f_error(p, "f-string: too many nested parenthesis", 0);
            stack[depth++] = (char)ch;
        } else if (ch == '#') {
            f_error(p, "f-string expression part cannot include '#'", 0);
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                int nx = (unsigned char)s[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && nx == '=') { s++; continue; }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) f_error(p, "f-string: unmatched '%c'", ch);
            int o = stack[--depth];
            if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
                Token *t = p_peek(p, 0);
                p_error(p, "SyntaxError", t->line, t->col + 1, t->line, t->col + 1,
                        "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, o);
            }
        }
    }
    const char *expr_end = s;
    if (quote) f_error(p, "f-string: unterminated string", 0);
    if (depth) f_error(p, "f-string: unmatched '%c'", stack[depth - 1]);
    if (s >= end) f_error(p, "f-string: expecting '}'", 0);
    int blank = 1;
    for (const char *q = expr_start; q < expr_end; q++)
        if (!(*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) { blank = 0; break; }
    if (blank) f_error(p, "f-string: empty expression not allowed", 0);
    int line, col;
    where(f, expr_start, &line, &col);
    Node *value = p_parse_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), line, col);

    Node *fv = p_node(p, N_FORMATTEDVALUE, f->tok);
    fv->u.fmt.value = value;
    fv->u.fmt.conversion = -1;
    int debug = 0;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')) s++;
        if (s >= end) f_error(p, "f-string: expecting '}'", 0);
        b_put(p, &j->lit, expr_start, (size_t)(s - expr_start));
        debug = 1;
    }
    if (*s == '!') {
        s++;
        if (s >= end) f_error(p, "f-string: expecting '}'", 0);
        int conv = (unsigned char)*s++;
        if (conv != 's' && conv != 'r' && conv != 'a')
            f_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 0);
        fv->u.fmt.conversion = conv;
    }
    if (s < end && *s == ':') {
        JStr spec = { .tok = f->tok };
        s = fstring_part(p, f, &spec, s + 1, lvl + 1);
        fv->u.fmt.format_spec = joined(p, &spec, f->tok);
    }
    if (s >= end || *s != '}') f_error(p, "f-string: expecting '}'", 0);
    s++;
    if (debug && fv->u.fmt.format_spec == NULL && fv->u.fmt.conversion == -1) fv->u.fmt.conversion = 'r';
    flush_lit(p, j);
    v_push(p, &j->parts, fv);
    return s;
}

/* Literal text and fields until the end of the body, or a '}' closing a format spec. */
static const char *fstring_part(Parser *p, FCtx *f, JStr *j, const char *s, int lvl) {
    const char *end = f->end;
    while (s < end) {
        const char *q = s;
        while (q < end) {
            if (*q == '\\' && !f->raw && q + 1 < end) {
                if (q[1] == 'N' && q + 2 < end && q[2] == '{') {
                    q += 3;
                    while (q < end && *q != '}') q++;
                    if (q < end) q++;
                } else {
                    /* `\{` is a backslash followed by a field */
                    q += (q[1] == '{' || q[1] == '}') ? 1 : 2;
                }
                continue;
            }
            if (*q == '{' || *q == '}') break;
            q++;
        }
        if (q > s) {
            if (f->raw) b_put(p, &j->lit, s, (size_t)(q - s));
            else decode_escapes(p, &j->lit, s, (size_t)(q - s), 0, f->tok);
        }
        s = q;
        if (s >= end) break;
        if (lvl == 0 && s + 1 < end && s[1] == *s) {
            b_byte(p, &j->lit, *s);
            s += 2;
            continue;
        }
        if (*s == '}') {
            if (lvl == 0) f_error(p, "f-string: single '}' is not allowed", 0);
            return s;
        }
        s = fstring_field(p, f, j, s, lvl);
    }
    return s;
}

/* Parse adjacent string tokens into one N_CONSTANT or N_JOINEDSTR. */
Node *p_strings(Parser *p) {
    Token *first = p_peek(p, 0);
    int count = 0;
    while (p_peek(p, count)->type == T_STRING) count++;
    for (int i = 0; i < count; i++) p_next(p);
    int any_bytes = 0, any_str = 0, any_f = 0;
    for (int i = 0; i < count; i++) {
        Token *t = lex_token(&p->L, p->pos - count + i);
        int b = 0, f = 0;
        for (const char *c = t->s; *c != '\'' && *c != '"'; c++) {
            if (*c == 'b' || *c == 'B') b = 1;
            if (*c == 'f' || *c == 'F') f = 1;
        }
        if (b) any_bytes = 1; else any_str = 1;
        if (f) any_f = 1;
    }
    if (any_bytes && any_str) {
        Token *nx = p_peek(p, 0);
        p_error(p, "SyntaxError", nx->line, nx->col + 1, nx->line, nx->col + 1,
                "cannot mix bytes and nonbytes literals");
    }
    JStr j = { .tok = first };
    for (int i = 0; i < count; i++) {
        Token *t = lex_token(&p->L, p->pos - count + i);
        int raw = 0, f = 0;
        const char *c = t->s;
        for (; *c != '\'' && *c != '"'; c++) {
            if (*c == 'r' || *c == 'R') raw = 1;
            if (*c == 'f' || *c == 'F') f = 1;
        }
        size_t qn = (c[1] == c[0] && c + 2 < t->s + t->n && c[2] == c[0] && (size_t)(t->s + t->n - c) >= 6) ? 3 : 1;
        const char *body = c + qn, *end = t->s + t->n - qn;
        if (any_bytes) {
            for (const char *q = body; q < end; q++)
                if ((unsigned char)*q >= 0x80)
                    p_error(p, "SyntaxError", t->line, t->col + 1, t->end_line, t->end_col + 1,
                            "bytes can only contain ASCII literal characters");
        }
        if (f) {
            FCtx fc = { t, end, raw };
            fstring_part(p, &fc, &j, body, 0);
        } else if (raw) {
            b_put(p, &j.lit, body, (size_t)(end - body));
        } else {
            decode_escapes(p, &j.lit, body, (size_t)(end - body), any_bytes, t);
        }
    }
    Node *n;
    if (any_f) {
        n = joined(p, &j, first);
    } else {
        n = p_node(p, N_CONSTANT, first);
        n->u.constant.kind = any_bytes ? K_BYTES : K_STR;
        n->u.constant.str = j.lit.s ? j.lit.s : "";
        n->u.constant.len = j.lit.n;
    }
    p_end(p, n);
    return n;
}
