/* fileio.c — open() and the file objects it returns: text files (TextIOWrapper: UTF-8,
 * universal newlines on read) and binary files (BufferedReader / BufferedWriter /
 * BufferedRandom, or FileIO when buffering=0). All share one layout over a C FILE*, opened
 * with open(2) so that CPython's checks (a directory is IsADirectoryError, 'x' mode is O_EXCL)
 * and errno-based exceptions come out the same. The types are per VM: open() carries them as
 * its bound `self` (a tuple), instances carry their own type. */
#include "vm/vm.h"
#include "vm/interp.h"
#include "vm/containers.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void fileio_init(VM *vm, Value m);

enum { ERR_STRICT, ERR_REPLACE, ERR_IGNORE };
enum { NL_UNIVERSAL, NL_NONE, NL_LF, NL_CR, NL_CRLF };   /* newline=None, '', '\n', '\r', '\r\n' */
enum { OP_NONE, OP_READ, OP_WRITE };
/* Indices into open()'s tuple of types. */
enum { T_TEXT, T_BREADER, T_BWRITER, T_BRANDOM, T_FILEIO, T_UNSUPPORTED, T_COUNT };

typedef struct {
    Obj head;
    FILE *fp;
    Value name;          /* as given: str, bytes or int */
    Value mode;          /* str, as the mode attribute reports it */
    Value encoding;      /* str (text only) */
    Value unsupported;   /* io.UnsupportedOperation, for "not readable" and friends */
    uint8_t readable, writable, binary, closed, closefd, errors, newline, last_op;
} File;

static void file_trace(GC *gc, Obj *o) {
    File *f = (File *)o;
    gc_mark(gc, f->name); gc_mark(gc, f->mode); gc_mark(gc, f->encoding); gc_mark(gc, f->unsupported);
}
/* An unclosed file is flushed and closed when collected (or when the VM ends), as CPython's
 * finaliser does. */
static void file_finalize(Obj *o) {
    File *f = (File *)o;
    if (f->fp && !f->closed) {
        if (f->closefd) fclose(f->fp); else fflush(f->fp);
    }
    f->fp = NULL;
    f->closed = 1;
}

/* ---- errors ---- */

static Value raise_errno(VM *vm, int err, Value filename) {
    Type *t = vm->e_OSError;
    switch (err) {
    case ENOENT: t = vm->e_FileNotFoundError; break;
    case EISDIR: t = vm->e_IsADirectoryError; break;
    case ENOTDIR: t = vm->e_NotADirectoryError; break;
    case EACCES: case EPERM: t = vm->e_PermissionError; break;
    case EEXIST: t = vm->e_FileExistsError; break;
    case EINTR: t = vm->e_InterruptedError; break;
    case EAGAIN: t = vm->e_BlockingIOError; break;
    case EPIPE: t = vm->e_BrokenPipeError; break;
    }
    Value args[3] = { v_from_int(err), str_from_cstr(vm, strerror(err)), filename };
    Value e = exc_new(vm, t, args, filename ? 3 : 2);
    if (!e) return VNULL;
    ((ExcObj *)e)->args = tuple_pack(vm, 2, args[0], args[1]);   /* CPython keeps 2 args */
    return vm_raise_value(vm, e);
}

static Value raise_unsupported(VM *vm, File *f, const char *msg) {
    Value s = str_from_cstr(vm, msg);
    Value e = exc_new(vm, (Type *)f->unsupported, &s, 1);
    return e ? vm_raise_value(vm, e) : VNULL;
}

/* Closed-file errors differ by operation and file kind in CPython: `binmsg` is the binary
 * files' message for this operation (NULL: the generic one); `plain` selects the generic
 * message without the final period (fileno, isatty, readable ...). */
static File *check_open_msg(VM *vm, Value self, const char *binmsg, bool plain) {
    File *f = (File *)self;
    if (!f->closed) return f;
    if (f->binary && binmsg) vm_raise(vm, vm->e_ValueError, "%s", binmsg);
    else vm_raise(vm, vm->e_ValueError, plain ? "I/O operation on closed file" : "I/O operation on closed file.");
    return NULL;
}
static File *check_open(VM *vm, Value self) { return check_open_msg(vm, self, NULL, false); }
static File *check_plain(VM *vm, Value self) { return check_open_msg(vm, self, NULL, true); }
/* Binary files report an unsupported direction before a closed file; text files after. */
static File *check_readable(VM *vm, Value self, const char *binmsg) {
    File *f = (File *)self;
    if (f->binary && !f->readable) { raise_unsupported(vm, f, "read"); return NULL; }
    if (!(f = check_open_msg(vm, self, binmsg, false))) return NULL;
    if (!f->readable) { raise_unsupported(vm, f, "not readable"); return NULL; }
    if (f->last_op == OP_WRITE) fflush(f->fp);   /* stdio needs a flush between directions */
    f->last_op = OP_READ;
    return f;
}
static File *check_writable(VM *vm, Value self, const char *binmsg) {
    File *f = (File *)self;
    if (f->binary && !f->writable) { raise_unsupported(vm, f, "write"); return NULL; }
    if (!(f = check_open_msg(vm, self, binmsg, false))) return NULL;
    if (!f->writable) { raise_unsupported(vm, f, "not writable"); return NULL; }
    if (f->last_op == OP_READ) fseek(f->fp, 0, SEEK_CUR);
    f->last_op = OP_WRITE;
    return f;
}

/* An optional size argument: None or absent means -1 (everything). */
static int size_arg(VM *vm, Value *a, int n, Value k, const char *fname, int64_t *out) {
    if (vm_check_args(vm, fname, n - 1, k, 0, 1) < 0) return -1;
    *out = -1;
    if (n < 2 || a[1] == vm->none) return 0;
    if (isinst(vm, a[1], vm->t_float) || !(int_check(vm, a[1]) || type_lookup(vm, type_of(vm, a[1]), vm->s___index__))) {
        vm_raise(vm, vm->e_TypeError, "argument should be integer or None, not '%s'", type_name(vm, a[1]));
        return -1;
    }
    return vm_index(vm, a[1], out);
}

/* ---- text reading: UTF-8 decoding with newline translation ---- */

/* Reads one character's bytes into sb, translating newlines per f->newline. Returns 1 when a
 * character was appended (or skipped under errors='ignore': 2), 0 at EOF, -1 on a decode
 * error (raised). *was_nl is set when the character ends a line. */
static int text_getc(VM *vm, File *f, StrBuf *sb, bool *was_nl) {
    int c = getc_unlocked(f->fp);
    *was_nl = false;
    if (c == EOF) return 0;
    if (c == '\r') {
        if (f->newline == NL_UNIVERSAL || f->newline == NL_NONE || f->newline == NL_CRLF) {
            int d = getc_unlocked(f->fp);
            if (d == '\n') {
                if (f->newline == NL_UNIVERSAL) sb_addc(sb, '\n');
                else sb_add(sb, "\r\n", 2);
                *was_nl = true;
                return 1;
            }
            if (d != EOF) ungetc(d, f->fp);
            sb_addc(sb, f->newline == NL_UNIVERSAL ? '\n' : '\r');
            *was_nl = f->newline != NL_CRLF;
            return 1;
        }
        sb_addc(sb, '\r');
        *was_nl = f->newline == NL_CR;
        return 1;
    }
    if (c < 0x80) {
        sb_addc(sb, (char)c);
        *was_nl = c == '\n' && f->newline != NL_CR && f->newline != NL_CRLF;
        return 1;
    }
    int need = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
    if (c > 0xF4) need = -1;
    char buf[4] = { (char)c };
    int got = 1;
    const char *reason = "invalid start byte";
    if (need > 0) {
        for (; got <= need; got++) {
            int d = getc_unlocked(f->fp);
            if (d == EOF || (d & 0xC0) != 0x80) {
                if (d != EOF) ungetc(d, f->fp);
                reason = d == EOF ? "unexpected end of data" : "invalid continuation byte";
                break;
            }
            buf[got] = (char)d;
        }
        if (got == need + 1) {
            uint32_t cp; int l;
            cp = utf8_decode(buf, &l);
            bool bad = (need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))
                       || (cp >= 0xD800 && cp <= 0xDFFF);
            if (!bad) { sb_add(sb, buf, (size_t)got); return 1; }
            reason = "invalid continuation byte";
        }
    }
    if (f->errors == ERR_REPLACE) { sb_add(sb, "\xEF\xBF\xBD", 3); return 1; }
    if (f->errors == ERR_IGNORE) return 2;
    vm_raise(vm, vm->e_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %lld: %s",
             c, (long long)sb->len, reason);
    return -1;
}

/* Reads up to `limit` characters (-1: no limit), stopping after a line end when `line`. */
static Value text_read(VM *vm, File *f, int64_t limit, bool line) {
    StrBuf sb; sb_init(&sb);
    int64_t count = 0;
    bool nl = false;
    flockfile(f->fp);
    while (limit < 0 || count < limit) {
        int r = text_getc(vm, f, &sb, &nl);
        if (r <= 0) {
            if (r < 0) { funlockfile(f->fp); sb_free(&sb); return VNULL; }
            break;
        }
        if (r == 1) count++;
        if (line && nl) break;
    }
    funlockfile(f->fp);
    if (ferror(f->fp)) { int e = errno; clearerr(f->fp); sb_free(&sb); return raise_errno(vm, e, VNULL); }
    Value s = str_new(vm, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

/* Reads up to `limit` bytes (-1: all), stopping after b'\n' when `line`. */
static Value bin_read(VM *vm, File *f, int64_t limit, bool line) {
    StrBuf sb; sb_init(&sb);
    if (line) {
        int c;
        flockfile(f->fp);
        while ((limit < 0 || (int64_t)sb.len < limit) && (c = getc_unlocked(f->fp)) != EOF) {
            sb_addc(&sb, (char)c);
            if (c == '\n') break;
        }
        funlockfile(f->fp);
    } else {
        char buf[65536];
        while (limit < 0 || (int64_t)sb.len < limit) {
            size_t want = limit < 0 || limit - (int64_t)sb.len > (int64_t)sizeof buf ? sizeof buf : (size_t)(limit - (int64_t)sb.len);
            size_t got = fread(buf, 1, want, f->fp);
            sb_add(&sb, buf, got);
            if (got < want) break;
        }
    }
    if (ferror(f->fp)) { int e = errno; clearerr(f->fp); sb_free(&sb); return raise_errno(vm, e, VNULL); }
    Value b = bytes_new(vm, (const uint8_t *)(sb.data ? sb.data : ""), (int64_t)sb.len);
    sb_free(&sb);
    return b;
}

static Value f_read(VM *vm, Value *a, int n, Value k) {
    int64_t size;
    if (size_arg(vm, a, n, k, "read", &size) < 0) return VNULL;
    File *f = check_readable(vm, a[0], "read of closed file");
    if (!f) return VNULL;
    return f->binary ? bin_read(vm, f, size, false) : text_read(vm, f, size, false);
}
static Value f_readline(VM *vm, Value *a, int n, Value k) {
    int64_t size;
    if (size_arg(vm, a, n, k, "readline", &size) < 0) return VNULL;
    File *f = check_readable(vm, a[0], "readline of closed file");
    if (!f) return VNULL;
    return f->binary ? bin_read(vm, f, size, true) : text_read(vm, f, size, true);
}
static Value f_readlines(VM *vm, Value *a, int n, Value k) {
    int64_t hint;
    if (size_arg(vm, a, n, k, "readlines", &hint) < 0) return VNULL;
    File *f = check_readable(vm, a[0], NULL);
    if (!f) return VNULL;
    Value l = list_new(vm, 0);
    int64_t total = 0;
    for (;;) {
        Value s = f->binary ? bin_read(vm, f, -1, true) : text_read(vm, f, -1, true);
        if (!s) return VNULL;
        int64_t len = f->binary ? ((Bytes *)s)->n : as_str(s)->cplen;
        if (len == 0) break;
        list_append(vm, l, s);
        total += len;
        if (hint > 0 && total >= hint) break;
    }
    return l;
}
static Value f_iter(VM *vm, Value *a, int n, Value k) { return check_open(vm, a[0]) ? a[0] : VNULL; }
static Value f_next(VM *vm, Value *a, int n, Value k) {
    File *f = check_readable(vm, a[0], "readline of closed file");
    if (!f) return VNULL;
    Value s = f->binary ? bin_read(vm, f, -1, true) : text_read(vm, f, -1, true);
    if (!s) return VNULL;
    if ((f->binary ? ((Bytes *)s)->n : as_str(s)->len) == 0) return vm_raise_value(vm, exc_new(vm, vm->e_StopIteration, NULL, 0));
    return s;
}

/* ---- writing ---- */

static int write_bytes(VM *vm, File *f, const char *p, size_t n) {
    if (n && fwrite(p, 1, n, f->fp) != n) { int e = errno; clearerr(f->fp); raise_errno(vm, e, VNULL); return -1; }
    return 0;
}

/* Writes str s with newline translation ('\n' -> '\r' or '\r\n' when asked). */
static int text_write(VM *vm, File *f, Value s) {
    Str *str = as_str(s);
    if (f->newline != NL_CR && f->newline != NL_CRLF) return write_bytes(vm, f, str->data, (size_t)str->len);
    const char *nl = f->newline == NL_CR ? "\r" : "\r\n";
    const char *p = str->data, *end = p + str->len;
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q) return write_bytes(vm, f, p, (size_t)(end - p));
        if (write_bytes(vm, f, p, (size_t)(q - p)) < 0 || write_bytes(vm, f, nl, strlen(nl)) < 0) return -1;
        p = q + 1;
    }
    return 0;
}

static Value write_one(VM *vm, File *f, Value v) {
    if (f->binary) {
        const uint8_t *d; int64_t len;
        if (isinst(vm, v, vm->t_bytes)) { d = ((Bytes *)v)->data; len = ((Bytes *)v)->n; }
        else if (isinst(vm, v, vm->t_bytearray)) { d = ((ByteArray *)v)->data; len = ((ByteArray *)v)->n; }
        else return vm_raise(vm, vm->e_TypeError, "a bytes-like object is required, not '%s'", type_name(vm, v));
        if (write_bytes(vm, f, (const char *)d, (size_t)len) < 0) return VNULL;
        return int_from_i64(vm, len);
    }
    if (!isinst(vm, v, vm->t_str)) return vm_raise(vm, vm->e_TypeError, "write() argument must be str, not %s", type_name(vm, v));
    if (text_write(vm, f, v) < 0) return VNULL;
    if (f->fp == stdout || f->fp == stderr) fflush(f->fp);
    return int_from_i64(vm, as_str(v)->cplen);
}

static Value f_write(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "write", n - 1, k, 1, 1) < 0) return VNULL;
    File *f = check_writable(vm, a[0], "write to closed file");
    return f ? write_one(vm, f, a[1]) : VNULL;
}
static Value f_writelines(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "writelines", n - 1, k, 1, 1) < 0) return VNULL;
    File *f = check_writable(vm, a[0], NULL);
    if (!f) return VNULL;
    Value it = vm_iter(vm, a[1]), item;
    if (!it) return VNULL;
    while ((item = vm_next(vm, it)))
        if (!write_one(vm, f, item)) return VNULL;
    return vm->exc ? VNULL : vm->none;
}

/* ---- positioning, state ---- */

static Value f_flush(VM *vm, Value *a, int n, Value k) {
    File *f = check_open_msg(vm, a[0], "flush of closed file", false);
    if (!f) return VNULL;
    if (f->writable && fflush(f->fp) != 0) return raise_errno(vm, errno, VNULL);
    return vm->none;
}
static Value f_close(VM *vm, Value *a, int n, Value k) {
    File *f = (File *)a[0];
    if (f->closed) return vm->none;
    f->closed = 1;
    int r = f->closefd ? fclose(f->fp) : fflush(f->fp);
    f->fp = NULL;
    if (r != 0) return raise_errno(vm, errno, VNULL);
    return vm->none;
}
static Value f_seek(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "seek", n - 1, k, 1, 2) < 0) return VNULL;
    File *f = check_open_msg(vm, a[0], "seek of closed file", false);
    if (!f) return VNULL;
    if (isinst(vm, a[1], vm->t_float))
        return vm_raise(vm, vm->e_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t off, whence = 0;
    if (vm_index(vm, a[1], &off) < 0 || (n > 2 && vm_index(vm, a[2], &whence) < 0)) return VNULL;
    if (whence < 0 || whence > 2) {
        if (f->binary) return vm_raise(vm, vm->e_ValueError, "whence value %lld unsupported", (long long)whence);
        return vm_raise(vm, vm->e_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    }
    if (!f->binary && whence == 1 && off != 0) return raise_unsupported(vm, f, "can't do nonzero cur-relative seeks");
    if (!f->binary && whence == 2 && off != 0) return raise_unsupported(vm, f, "can't do nonzero end-relative seeks");
    if (!f->binary && off < 0) return vm_raise(vm, vm->e_ValueError, "negative seek position %lld", (long long)off);
    if (fseeko(f->fp, (off_t)off, (int)whence) != 0) return raise_errno(vm, errno, VNULL);
    f->last_op = OP_NONE;
    return int_from_i64(vm, (int64_t)ftello(f->fp));
}
static Value f_tell(VM *vm, Value *a, int n, Value k) {
    File *f = check_open_msg(vm, a[0], "I/O operation on closed file", false);
    if (!f) return VNULL;
    off_t p = ftello(f->fp);
    if (p < 0) return raise_errno(vm, errno, VNULL);
    return int_from_i64(vm, (int64_t)p);
}
static Value f_truncate(VM *vm, Value *a, int n, Value k) {
    if (vm_check_args(vm, "truncate", n - 1, k, 0, 1) < 0) return VNULL;
    File *f = check_writable(vm, a[0], "truncate of closed file");
    if (!f) return VNULL;
    fflush(f->fp);
    int64_t size = ftello(f->fp);
    if (n > 1 && a[1] != vm->none && vm_index(vm, a[1], &size) < 0) return VNULL;
    if (ftruncate(fileno(f->fp), (off_t)size) != 0) return raise_errno(vm, errno, VNULL);
    return int_from_i64(vm, size);
}
static Value f_fileno(VM *vm, Value *a, int n, Value k) {
    File *f = check_plain(vm, a[0]);
    return f ? v_from_int(fileno(f->fp)) : VNULL;
}
static Value f_isatty(VM *vm, Value *a, int n, Value k) {
    File *f = check_plain(vm, a[0]);
    return f ? vm_bool(vm, isatty(fileno(f->fp))) : VNULL;
}
static Value f_readable(VM *vm, Value *a, int n, Value k) { File *f = check_plain(vm, a[0]); return f ? vm_bool(vm, f->readable) : VNULL; }
static Value f_writable(VM *vm, Value *a, int n, Value k) { File *f = check_plain(vm, a[0]); return f ? vm_bool(vm, f->writable) : VNULL; }
static Value f_seekable(VM *vm, Value *a, int n, Value k) {
    File *f = check_plain(vm, a[0]);
    return f ? vm_bool(vm, lseek(fileno(f->fp), 0, SEEK_CUR) >= 0) : VNULL;
}
static Value f_enter(VM *vm, Value *a, int n, Value k) { return check_open(vm, a[0]) ? a[0] : VNULL; }
static Value f_exit(VM *vm, Value *a, int n, Value k) { return f_close(vm, a, 1, VNULL); }
static Value f_closed(VM *vm, Value *a, int n, Value k) { return vm_bool(vm, ((File *)a[0])->closed); }
static Value f_name(VM *vm, Value *a, int n, Value k) { return ((File *)a[0])->name; }
static Value f_mode(VM *vm, Value *a, int n, Value k) { return ((File *)a[0])->mode; }
static Value f_encoding(VM *vm, Value *a, int n, Value k) { return ((File *)a[0])->encoding; }
static Value f_errors(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "strict", "replace", "ignore" };
    return str_from_cstr(vm, names[((File *)a[0])->errors]);
}
static Value f_repr(VM *vm, Value *a, int n, Value k) {
    File *f = (File *)a[0];
    Type *t = type_of(vm, a[0]);
    if (f->closed && !f->binary) return str_printf(vm, "<_io.%s name=%s>", t->name, "<closed>");
    Value nr = vm_repr(vm, f->name);
    if (!nr) return VNULL;
    if (!f->binary)
        return str_printf(vm, "<_io.%s name=%s mode='%s' encoding='%s'>", t->name, str_cstr(nr),
                          str_cstr(f->mode), str_cstr(f->encoding));
    if (!strcmp(t->name, "FileIO"))
        return str_printf(vm, "<_io.FileIO name=%s mode='%s' closefd=%s>", str_cstr(nr), str_cstr(f->mode), f->closefd ? "True" : "False");
    return str_printf(vm, "<_io.%s name=%s>", t->name, str_cstr(nr));
}

/* ---- open() ---- */

typedef struct { int flags; bool r, w, bin, plus; char kind; } ModeInfo;

static int parse_mode(VM *vm, Value modev, ModeInfo *mi) {
    const char *mode = str_cstr(modev);
    bool seen[128] = { 0 };
    int kinds = 0, text = 0;
    memset(mi, 0, sizeof *mi);
    for (const char *p = mode; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 128 || !strchr("rwxabt+", c) || seen[c]) {
            vm_raise(vm, vm->e_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        seen[c] = true;
        if (strchr("rwxa", c)) { kinds++; mi->kind = (char)c; }
        if (c == 'b') mi->bin = true;
        if (c == 't') text = 1;
        if (c == '+') mi->plus = true;
    }
    if (text && mi->bin) { vm_raise(vm, vm->e_ValueError, "can't have text and binary mode at once"); return -1; }
    if (kinds > 1) { vm_raise(vm, vm->e_ValueError, "must have exactly one of create/read/write/append mode"); return -1; }
    if (kinds == 0) { vm_raise(vm, vm->e_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus"); return -1; }
    mi->r = mi->kind == 'r' || mi->plus;
    mi->w = mi->kind != 'r' || mi->plus;
    mi->flags = (mi->r && mi->w ? O_RDWR : mi->w ? O_WRONLY : O_RDONLY) | O_CLOEXEC;
    if (mi->kind == 'w') mi->flags |= O_CREAT | O_TRUNC;
    if (mi->kind == 'a') mi->flags |= O_CREAT | O_APPEND;
    if (mi->kind == 'x') mi->flags |= O_CREAT | O_EXCL;
    return 0;
}

/* The file argument: a path (str, bytes, os.PathLike) or a file descriptor (int). */
static Value file_arg(VM *vm, Value file, const char **path, int *fd) {
    *path = NULL; *fd = -1;
    if (isinst(vm, file, vm->t_str)) { *path = str_cstr(file); return file; }
    if (isinst(vm, file, vm->t_bytes)) { *path = (const char *)((Bytes *)file)->data; return file; }
    if (int_check(vm, file) || (isinst(vm, file, vm->t_int))) {
        int64_t i;
        if (vm_index(vm, file, &i) < 0) return VNULL;
        if (i < 0) return vm_raise(vm, vm->e_ValueError, "negative file descriptor");
        *fd = (int)i;
        return file;
    }
    bool found;
    Value p = vm_call_dunder(vm, file, vm->s___fspath__, NULL, 0, &found);
    if (found) {
        if (!p) return VNULL;
        if (isinst(vm, p, vm->t_str) || isinst(vm, p, vm->t_bytes)) return file_arg(vm, p, path, fd) ? file : VNULL;
        return vm_raise(vm, vm->e_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                        type_name(vm, file), type_name(vm, p));
    }
    return vm_raise(vm, vm->e_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(vm, file));
}

static bool utf8_name(const char *e) {
    char low[16]; size_t i;
    for (i = 0; e[i] && i < sizeof low - 1; i++) low[i] = (char)(e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i]);
    if (e[i]) return false;
    low[i] = 0;
    return !strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "utf_8") || !strcmp(low, "u8");
}

/* Checks open()'s text-only arguments; fills f's errors/newline/encoding. */
static int text_options(VM *vm, File *f, bool bin, Value enc, Value errs, Value nl) {
    const char *what[3] = { "an encoding", "an errors", "a newline" };
    Value vals[3] = { enc, errs, nl };
    for (int i = 0; i < 3; i++) {
        if (!vals[i] || vals[i] == vm->none) continue;
        if (!isinst(vm, vals[i], vm->t_str)) {
            static const char *const pn[3] = { "encoding", "errors", "newline" };
            vm_raise(vm, vm->e_TypeError, "open() argument '%s' must be str or None, not %s", pn[i], type_name(vm, vals[i]));
            return -1;
        }
        if (bin) { vm_raise(vm, vm->e_ValueError, "binary mode doesn't take %s argument", what[i]); return -1; }
    }
    if (bin) return 0;
    if (enc && enc != vm->none && !utf8_name(str_cstr(enc))) {
        vm_raise(vm, vm->e_LookupError, "unknown encoding: %s", str_cstr(enc));
        return -1;
    }
    f->encoding = enc && enc != vm->none ? enc : str_from_cstr(vm, "UTF-8");
    if (errs && errs != vm->none) {
        const char *e = str_cstr(errs);
        if (!strcmp(e, "replace")) f->errors = ERR_REPLACE;
        else if (!strcmp(e, "ignore")) f->errors = ERR_IGNORE;
        else if (strcmp(e, "strict")) { vm_raise(vm, vm->e_LookupError, "unknown error handler name '%s'", e); return -1; }
    }
    f->newline = NL_UNIVERSAL;
    if (nl && nl != vm->none) {
        const char *s = str_cstr(nl);
        if (!*s) f->newline = NL_NONE;
        else if (!strcmp(s, "\n")) f->newline = NL_LF;
        else if (!strcmp(s, "\r")) f->newline = NL_CR;
        else if (!strcmp(s, "\r\n")) f->newline = NL_CRLF;
        else {
            vm_raise(vm, vm->e_ValueError, "illegal newline value: %s", s);
            return -1;
        }
    }
    return 0;
}

static Value bi_open(VM *vm, Value *a, int n, Value k) {
    static const char *const names[] = { "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL };
    Value types = a[0];
    Value o[8];
    if (vm_parse_args(vm, "open", a + 1, n - 1, k, names, 1, 0, o) < 0) return VNULL;
    Value modev = o[1] ? o[1] : vm->small_strs['r'];
    if (!isinst(vm, modev, vm->t_str))
        return vm_raise(vm, vm->e_TypeError, "open() argument 'mode' must be str, not %s", type_name(vm, modev));
    int64_t buffering = -1;
    if (o[2] && vm_index(vm, o[2], &buffering) < 0) return VNULL;
    const char *path; int fd;
    Value name = file_arg(vm, o[0], &path, &fd);
    if (!name) return VNULL;
    ModeInfo mi;
    if (parse_mode(vm, modev, &mi) < 0) return VNULL;
    Tuple *tt = as_tuple(types);
    File tmp; memset(&tmp, 0, sizeof tmp);
    if (text_options(vm, &tmp, mi.bin, o[3], o[4], o[5]) < 0) return VNULL;
    if (buffering == 0 && !mi.bin) return vm_raise(vm, vm->e_ValueError, "can't have unbuffered text I/O");
    bool closefd = !o[6] || vm_truthy(vm, o[6]) == 1;
    if (path && !closefd) return vm_raise(vm, vm->e_ValueError, "Cannot use closefd=False with file name");
    if (path) {
        if (strlen(path) != (size_t)(isinst(vm, o[0], vm->t_bytes) ? ((Bytes *)o[0])->n : as_str(name)->len))
            return vm_raise(vm, vm->e_ValueError, "embedded null byte");
        do fd = open(path, mi.flags, 0666); while (fd < 0 && errno == EINTR);
        if (fd < 0) return raise_errno(vm, errno, name);
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (path) close(fd);
        return raise_errno(vm, EISDIR, name);
    }
    const char *cmode = mi.kind == 'a' ? (mi.r ? "a+" : "a") : mi.r && mi.w ? "r+" : mi.w ? "w" : "r";
    FILE *fp = fdopen(fd, cmode);
    if (!fp) { int e = errno; if (path) close(fd); return raise_errno(vm, e, name); }
    int ti = !mi.bin ? T_TEXT : buffering == 0 ? T_FILEIO : mi.r && mi.w ? T_BRANDOM : mi.w ? T_BWRITER : T_BREADER;
    File *f = gc_alloc(vm, (Type *)tt->items[ti], sizeof(File));
    if (!f) { fclose(fp); return VNULL; }
    f->fp = fp;
    f->name = name;
    f->unsupported = tt->items[T_UNSUPPORTED];
    f->readable = mi.r; f->writable = mi.w; f->binary = mi.bin; f->closefd = closefd;
    f->encoding = tmp.encoding ? tmp.encoding : vm->none;
    f->errors = tmp.errors; f->newline = tmp.newline;
    if (mi.bin) {   /* FileIO's mode string: x/a kept, else 'r' when readable, then b, + */
        char kind = mi.kind == 'x' || mi.kind == 'a' ? mi.kind : mi.r ? 'r' : 'w';
        char m[4] = { kind, 'b', mi.plus ? '+' : 0, 0 };
        f->mode = str_from_cstr(vm, m);
    } else {
        f->mode = modev;
    }
    if (buffering == 0 || buffering == 1) setvbuf(fp, NULL, buffering == 0 ? _IONBF : _IOLBF, 0);
    if (mi.kind == 'a') fseek(fp, 0, SEEK_END);
    return v_from_obj(f);
}

static Type *file_type(VM *vm, const char *name) {
    Type *t = type_new_builtin(vm, name, vm->t_object, sizeof(File), TF_BASETYPE);
    t->trace = file_trace;
    t->finalize = file_finalize;
    t->module = str_intern_cstr(vm, "_io");
    type_add_method(vm, t, "read", f_read);
    type_add_method(vm, t, "readline", f_readline);
    type_add_method(vm, t, "readlines", f_readlines);
    type_add_method(vm, t, "write", f_write);
    type_add_method(vm, t, "writelines", f_writelines);
    type_add_method(vm, t, "flush", f_flush);
    type_add_method(vm, t, "close", f_close);
    type_add_method(vm, t, "seek", f_seek);
    type_add_method(vm, t, "tell", f_tell);
    type_add_method(vm, t, "truncate", f_truncate);
    type_add_method(vm, t, "fileno", f_fileno);
    type_add_method(vm, t, "isatty", f_isatty);
    type_add_method(vm, t, "readable", f_readable);
    type_add_method(vm, t, "writable", f_writable);
    type_add_method(vm, t, "seekable", f_seekable);
    type_add_method(vm, t, "__iter__", f_iter);
    type_add_method(vm, t, "__next__", f_next);
    type_add_method(vm, t, "__enter__", f_enter);
    type_add_method(vm, t, "__exit__", f_exit);
    type_add_method(vm, t, "__repr__", f_repr);
    type_add_property(vm, t, "closed", f_closed, NULL);
    type_add_property(vm, t, "name", f_name, NULL);
    type_add_property(vm, t, "mode", f_mode, NULL);
    if (!strcmp(name, "TextIOWrapper")) {
        type_add_property(vm, t, "encoding", f_encoding, NULL);
        type_add_property(vm, t, "errors", f_errors, NULL);
    }
    return t;
}

/* io.UnsupportedOperation derives from both OSError and ValueError, as in CPython. The core
 * currently refuses that pair ("instance lay-out conflict"); then it derives from OSError only. */
static Value unsupported_type(VM *vm) {
    Dict *ns = dict_new(vm);
    dict_set(vm, ns, vm->s___module__, str_intern_cstr(vm, "io"));
    Value bases = tuple_pack(vm, 2, v_from_obj(vm->e_OSError), v_from_obj(vm->e_ValueError));
    Value t = type_new_heap(vm, vm->t_type, str_intern_cstr(vm, "UnsupportedOperation"), bases, ns);
    if (!t) {
        vm_clear_exc(vm);
        bases = tuple_pack(vm, 1, v_from_obj(vm->e_OSError));
        t = type_new_heap(vm, vm->t_type, str_intern_cstr(vm, "UnsupportedOperation"), bases, ns);
        if (!t) { vm_clear_exc(vm); return v_from_obj(vm->e_OSError); }
    }
    return t;
}

void fileio_init(VM *vm, Value m) {
    Value types = tuple_new(vm, T_COUNT);
    Tuple *tt = as_tuple(types);
    tt->items[T_TEXT] = v_from_obj(file_type(vm, "TextIOWrapper"));
    tt->items[T_BREADER] = v_from_obj(file_type(vm, "BufferedReader"));
    tt->items[T_BWRITER] = v_from_obj(file_type(vm, "BufferedWriter"));
    tt->items[T_BRANDOM] = v_from_obj(file_type(vm, "BufferedRandom"));
    tt->items[T_FILEIO] = v_from_obj(file_type(vm, "FileIO"));
    tt->items[T_UNSUPPORTED] = unsupported_type(vm);
    module_add(vm, m, "open", native_new(vm, "open", bi_open, types));
}
