/*
 * sharpjit's runtime for exported code: the helpers compiled code calls (exceptions, printing, formatting,
 * a few numeric operations), written against libc and libm only. `sharpjit export` compiles this file with
 * clang-19 for the export's target and links it into the exported module, where every helper becomes internal.
 * No system headers: the few libc declarations are below, so any target compiles without a sysroot.
 * SJ_PREFIX names the exported functions (PREFIX_last_error, PREFIX_last_traceback, PREFIX_clear_error, PREFIX_release).
 */
typedef unsigned long size_t;
typedef long i64;
typedef unsigned long u64;
typedef unsigned __int128 u128;
typedef __int128 i128;

extern void *stdout;
size_t fwrite(const void *, size_t, size_t, void *);
int snprintf(char *, size_t, const char *, ...);
double strtod(const char *, char **);
void *malloc(size_t);
void *aligned_alloc(size_t, size_t);
void *realloc(void *, size_t);
void free(void *);
size_t strlen(const char *);
int strcmp(const char *, const char *);
void *memcpy(void *, const void *, size_t);
void *memset(void *, int, size_t);
void *memmove(void *, const void *, size_t);
char *strchr(const char *, int);
double floor(double);
double fmod(double, double);
double fabs(double);
double sqrt(double);
double ldexp(double, int);
double frexp(double, int *);
double modf(double, double *);
double pow(double, double);
double exp(double);
double log(double);
double atan2(double, double);
double hypot(double, double);
double cos(double);
double sin(double);
double copysign(double, double);

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#ifndef SJ_PREFIX
#define SJ_PREFIX sharpjit
#endif
#define API(name) CAT(SJ_PREFIX, name)
#define EXPORT __attribute__((visibility("default")))

static int is_nan(double x) { return x != x; }
static int is_inf(double x) { return !is_nan(x) && is_nan(x - x); }

/* ------------------------------------------------------------------ exceptions */

typedef struct { const char *fn, *file, *src; i64 line; } frame_t;
static _Thread_local const char *err_type;
static _Thread_local char *err_msg;
static _Thread_local frame_t *frames;
static _Thread_local size_t nframes, capframes;
static _Thread_local char *err_text;

void sj_raise(const char *type, const char *msg)
{
    err_type = type;
    free(err_msg);
    err_msg = 0;
    if (msg) {
        size_t n = strlen(msg);
        err_msg = malloc(n + 1);
        if (err_msg) memcpy(err_msg, msg, n + 1);
    }
    nframes = 0;
}

/* Frames arrive innermost first while the exception propagates. */
void sj_traceback(const char *fn, const char *file, i64 line, const char *src)
{
    if (nframes == capframes) {
        size_t cap = capframes ? capframes * 2 : 16;
        frame_t *f = realloc(frames, cap * sizeof(frame_t));
        if (!f) return;
        frames = f; capframes = cap;
    }
    frame_t fr = { fn, file, src, line };
    frames[nframes++] = fr;
}

/* A recursion guard's recorded call sites, innermost first (see ModuleEmitter.GuardSitesBytes). */
typedef struct { const char *fn, *file; i64 line; const char *src; } site_t;
void sj_recursion_frames(const site_t *const *sites, i64 innermost, i64 outermost, const site_t *repeated)
{
    for (i64 d = innermost; d >= outermost; d--) {
        const site_t *site = repeated ? repeated : sites[d];
        if (site) sj_traceback(site->fn, site->file, site->line, site->src);
    }
}

/* Caught exceptions (except E as e): counted like strings (the count 8 bytes before the pointer). Matching knows the
 * built-in classes; a class the program defines matches itself only. Chaining (context, cause) is not kept. */
typedef struct { const char *type; char *msg; frame_t *frames; size_t n; } caught_t;
static const char *const exc_bases[][2] = {
    {"Exception", "BaseException"}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
    {"ArithmeticError", "Exception"}, {"AssertionError", "Exception"}, {"AttributeError", "Exception"},
    {"LookupError", "Exception"}, {"MemoryError", "Exception"}, {"NameError", "Exception"}, {"OSError", "Exception"},
    {"RuntimeError", "Exception"}, {"StopIteration", "Exception"}, {"SystemError", "Exception"},
    {"TypeError", "Exception"}, {"ValueError", "Exception"}, {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"}, {"IndexError", "LookupError"},
    {"KeyError", "LookupError"}, {"UnboundLocalError", "NameError"}, {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"},
};
static const char *exc_base(const char *c)
{
    for (size_t k = 0; k < sizeof exc_bases / sizeof exc_bases[0]; k++)
        if (!strcmp(exc_bases[k][0], c)) return exc_bases[k][1];
    return strcmp(c, "BaseException") && !strchr(c, '.') ? "Exception" : 0;
}
int sj_exc_matches(const char *cls)
{
    for (const char *c = err_type; c; c = exc_base(c))
        if (!strcmp(c, cls)) return 1;
    return 0;
}
int sj_exc_isinstance(const caught_t *e, const char *cls)
{
    for (const char *c = e ? e->type : 0; c; c = exc_base(c))
        if (!strcmp(c, cls)) return 1;
    return 0;
}
void sj_exc_clear(void) { free(err_msg); err_msg = 0; err_type = 0; nframes = 0; }
caught_t *sj_exc_catch(void)
{
    char *block = malloc(8 + sizeof(caught_t));
    if (!block) { sj_exc_clear(); return 0; }
    *(i64 *)block = 1;
    caught_t *c = (caught_t *)(block + 8);
    c->type = err_type ? err_type : "SystemError"; c->msg = err_msg; err_msg = 0;
    c->n = nframes; c->frames = nframes ? malloc(nframes * sizeof(frame_t)) : 0;
    if (c->frames) memcpy(c->frames, frames, nframes * sizeof(frame_t)); else c->n = 0;
    sj_exc_clear();
    return c;
}
void sj_exc_restore(caught_t *c)
{
    if (!c) return;
    sj_raise(c->type, c->msg);
    for (size_t k = 0; k < c->n; k++) sj_traceback(c->frames[k].fn, c->frames[k].file, c->frames[k].line, c->frames[k].src);
}
void sj_exc_free(caught_t *c)
{
    if (!c) return;
    free(c->msg); free(c->frames); free((char *)c - 8);
}
void sj_exc_context(caught_t *c) { (void)c; }
void sj_exc_cause_caught(caught_t *c) { (void)c; }
void sj_exc_cause_new(const char *type, const char *msg) { (void)type; (void)msg; }
void sj_exc_cause_none(void) {}

typedef struct { char *p; size_t n, cap; } sb_t;

static void sb_put(sb_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) return;
        b->p = p; b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void sb_puts(sb_t *b, const char *s) { sb_put(b, s, strlen(s)); }

static void last_line(sb_t *b)
{
    sb_puts(b, err_type);
    if (err_msg && err_msg[0]) { sb_puts(b, ": "); sb_puts(b, err_msg); }
}

/* "ValueError: message" for the last exception raised on this thread, or NULL when none is pending. */
EXPORT const char *API(_last_error)(void)
{
    if (!err_type) return 0;
    sb_t b = { 0, 0, 0 };
    last_line(&b);
    free(err_text);
    err_text = b.p;
    return err_text;
}

/* The last exception as CPython prints it: "Traceback (most recent call last):" and a frame per compiled call. */
EXPORT const char *API(_last_traceback)(void)
{
    if (!err_type) return 0;
    sb_t b = { 0, 0, 0 };
    sb_puts(&b, "Traceback (most recent call last):\n");
    char line[48];
    size_t repeats = 0;
    const frame_t *last = 0;
    for (size_t k = nframes; k-- > 0;) {
        const frame_t *f = &frames[k];
        if (last && last->line == f->line && !strcmp(last->fn, f->fn) && !strcmp(last->file, f->file)) {
            if (++repeats > 3) continue;
        } else {
            if (repeats > 3) {
                snprintf(line, sizeof line, "  [Previous line repeated %lu more time%s]\n", (u64)(repeats - 3), repeats - 3 == 1 ? "" : "s");
                sb_puts(&b, line);
            }
            repeats = 1;
        }
        last = f;
        sb_puts(&b, "  File \""); sb_puts(&b, f->file);
        snprintf(line, sizeof line, "\", line %ld, in ", f->line);
        sb_puts(&b, line); sb_puts(&b, f->fn); sb_puts(&b, "\n");
        if (f->src && f->src[0]) { sb_puts(&b, "    "); sb_puts(&b, f->src); sb_puts(&b, "\n"); }
    }
    if (repeats > 3) {
        snprintf(line, sizeof line, "  [Previous line repeated %lu more time%s]\n", (u64)(repeats - 3), repeats - 3 == 1 ? "" : "s");
        sb_puts(&b, line);
    }
    last_line(&b);
    sb_puts(&b, "\n");
    free(err_text);
    err_text = b.p;
    return err_text;
}

EXPORT void API(_clear_error)(void)
{
    err_type = 0;
    free(err_msg); err_msg = 0;
    nframes = 0;
}

static int fail(const char *type, const char *msg) { sj_raise(type, msg); return 1; }

/* ------------------------------------------------------------------ text sinks: 0 is stdout, else an sb_t* */

static void out(i64 sink, const char *s, size_t n)
{
    if (sink == 0) fwrite(s, 1, n, stdout);
    else sb_put((sb_t *)sink, s, n);
}
static void outs(i64 sink, const char *s) { out(sink, s, strlen(s)); }

i64 sj_sb_new(void)
{
    sb_t *b = malloc(sizeof(sb_t));
    b->p = 0; b->n = 0; b->cap = 0;
    sb_put(b, "", 0);
    return (i64)b;
}

/* Strings compiled code owns are preceded by a 24-byte header (sharpjit's StrModel): the length in bytes, the hash
   (-1: not computed yet) and the reference count, 1 when made here, -1 for constants, which are never freed. */
static char *new_str(const char *s, size_t n)
{
    i64 *block = malloc(24 + n + 1);
    block[0] = (i64)n;
    block[1] = -1;
    block[2] = 1;
    char *p = (char *)(block + 3);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void sj_str_free(char *p) { free(p - 24); }

char *sj_sb_finish(i64 sink)
{
    sb_t *b = (sb_t *)sink;
    char *p = new_str(b->p, b->n);
    free(b->p);
    free(b);
    return p;
}

/* repr(float): the shortest digits that round-trip, in Python's layout. With dot0, integral values get ".0". */
static void repr_double(double x, char *buf, int dot0)
{
    if (is_nan(x)) { memcpy(buf, "nan", 4); return; }
    if (is_inf(x)) { memcpy(buf, x > 0 ? "inf" : "-inf", x > 0 ? 4 : 5); return; }
    char tmp[40];
    int p;
    for (p = 1; p < 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
        if (strtod(tmp, 0) == x) break;
    }
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
    /* tmp: [-]d[.ddd]e[+-]XX */
    char digits[20];
    int nd = 0, neg = 0, i = 0;
    if (tmp[i] == '-') { neg = 1; i++; }
    for (; tmp[i] && tmp[i] != 'e'; i++) if (tmp[i] != '.') digits[nd++] = tmp[i];
    int e10 = (int)strtod(tmp + i + 1, 0);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    char *o = buf;
    if (neg) *o++ = '-';
    if (e10 < -4 || e10 >= 16) {
        *o++ = digits[0];
        if (nd > 1) { *o++ = '.'; for (int k = 1; k < nd; k++) *o++ = digits[k]; }
        snprintf(o, 8, "e%c%02d", e10 < 0 ? '-' : '+', e10 < 0 ? -e10 : e10);
        return;
    }
    if (e10 < 0) {
        *o++ = '0'; *o++ = '.';
        for (int k = 0; k < -e10 - 1; k++) *o++ = '0';
        for (int k = 0; k < nd; k++) *o++ = digits[k];
    } else {
        for (int k = 0; k <= e10; k++) *o++ = k < nd ? digits[k] : '0';
        if (nd > e10 + 1) { *o++ = '.'; for (int k = e10 + 1; k < nd; k++) *o++ = digits[k]; }
        else if (dot0) { *o++ = '.'; *o++ = '0'; }
    }
    *o = 0;
}

static void repr_complex(double re, double im, char *buf)
{
    char a[40], b[40];
    repr_double(im, b, 0);
    if (re == 0 && copysign(1.0, re) > 0) { snprintf(buf, 90, "%sj", b); return; }
    repr_double(re, a, 0);
    int sign = !(b[0] == '-');
    snprintf(buf, 90, "(%s%s%sj)", a, sign ? "+" : "", b);
}

static void repr_str(i64 sink, const char *s)
{
    int sq = 0, dq = 0;
    for (const char *p = s; *p; p++) { if (*p == '\'') sq = 1; else if (*p == '"') dq = 1; }
    char q = sq && !dq ? '"' : '\'';
    out(sink, &q, 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char e[8];
        if (*p == (unsigned char)q || *p == '\\') { e[0] = '\\'; e[1] = (char)*p; out(sink, e, 2); }
        else if (*p == '\n') outs(sink, "\\n");
        else if (*p == '\r') outs(sink, "\\r");
        else if (*p == '\t') outs(sink, "\\t");
        else if (*p < 0x20 || *p == 0x7f) { snprintf(e, sizeof e, "\\x%02x", *p); outs(sink, e); }
        else out(sink, (const char *)p, 1);
    }
    out(sink, &q, 1);
}

void sj_write_str(i64 sink, const char *s) { if (s) outs(sink, s); }
void sj_write_exc(i64 sink, caught_t *c, i64 repr)
{
    if (!c) return;
    if (!repr) {
        if (c->msg && !strcmp(c->type, "KeyError")) repr_str(sink, c->msg);
        else if (c->msg) outs(sink, c->msg);
        return;
    }
    const char *dot = strchr(c->type, '.'), *name = c->type;
    while (dot) { name = dot + 1; dot = strchr(name, '.'); }
    outs(sink, name); outs(sink, "(");
    if (c->msg) repr_str(sink, c->msg);
    outs(sink, ")");
}
void sj_write_repr_str(i64 sink, const char *s) { repr_str(sink, s ? s : ""); }
void sj_write_i64(i64 sink, i64 v) { char b[32]; snprintf(b, sizeof b, "%ld", v); outs(sink, b); }
void sj_write_u64(i64 sink, i64 v) { char b[32]; snprintf(b, sizeof b, "%lu", (u64)v); outs(sink, b); }
void sj_write_f64(i64 sink, double v) { char b[40]; repr_double(v, b, 1); outs(sink, b); }
void sj_write_c128(i64 sink, double re, double im) { char b[90]; repr_complex(re, im, b); outs(sink, b); }
void sj_write_bool(i64 sink, int v) { outs(sink, v ? "True" : "False"); }
void sj_write_range_step(i64 sink, i64 step) { if (step != 1) { char b[40]; snprintf(b, sizeof b, ", %ld", step); outs(sink, b); } }

/* ------------------------------------------------------------------ the format-spec mini-language */

typedef struct {
    char fill[5]; char align; char sign; int z, alt, zero; long width; char group; long prec; char type;
} spec_t;

static size_t utf8_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

static int parse_spec(const char *s, spec_t *sp)
{
    memset(sp, 0, sizeof *sp);
    sp->fill[0] = ' '; sp->width = -1; sp->prec = -1;
    size_t n = strlen(s), i = 0;
    size_t clen = 1;
    if (n > 0) { unsigned char c0 = (unsigned char)s[0]; clen = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4; }
    if (n > clen && (s[clen] == '<' || s[clen] == '>' || s[clen] == '^' || s[clen] == '=')) {
        memcpy(sp->fill, s, clen); sp->fill[clen] = 0; sp->align = s[clen]; i = clen + 1;
    } else if (n > 0 && (s[0] == '<' || s[0] == '>' || s[0] == '^' || s[0] == '=')) { sp->align = s[0]; i = 1; }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp->sign = s[i++];
    if (i < n && s[i] == 'z') { sp->z = 1; i++; }
    if (i < n && s[i] == '#') { sp->alt = 1; i++; }
    if (i < n && s[i] == '0') {
        sp->zero = 1; i++;
        if (!sp->align) { sp->fill[0] = '0'; sp->fill[1] = 0; sp->align = '='; }
    }
    if (i < n && s[i] >= '0' && s[i] <= '9') { sp->width = 0; while (i < n && s[i] >= '0' && s[i] <= '9') sp->width = sp->width * 10 + (s[i++] - '0'); }
    if (i < n && (s[i] == ',' || s[i] == '_')) sp->group = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (!(i < n && s[i] >= '0' && s[i] <= '9')) return fail("ValueError", "Format specifier missing precision");
        sp->prec = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') sp->prec = sp->prec * 10 + (s[i++] - '0');
    }
    if (n - i > 1) return fail("ValueError", "Invalid format specifier");
    if (i < n) sp->type = s[i];
    return 0;
}

/* Pads body (sign/prefix part first `head` bytes) to the width with fill and alignment. */
static void emit_padded(i64 sink, const spec_t *sp, const char *body, size_t head, char defalign)
{
    size_t n = strlen(body), len = utf8_len(body, n);
    char align = sp->align ? sp->align : defalign;
    size_t pad = sp->width > 0 && (size_t)sp->width > len ? (size_t)sp->width - len : 0;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : align == '=' ? pad : 0, right = pad - left;
    if (align == '=') out(sink, body, head);
    for (size_t k = 0; k < left; k++) outs(sink, sp->fill);
    if (align == '=') out(sink, body + head, n - head); else out(sink, body, n);
    for (size_t k = 0; k < right; k++) outs(sink, sp->fill);
}

/* Groups the leading run of digits of s (every `every` digits, with sep) into out. */
static void group_digits(const char *s, char sep, int every, char *o)
{
    size_t nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9') nd++;
    if (every == 4) { nd = 0; while ((s[nd] >= '0' && s[nd] <= '9') || (s[nd] >= 'a' && s[nd] <= 'f') || (s[nd] >= 'A' && s[nd] <= 'F')) nd++; }
    for (size_t k = 0; k < nd; k++) {
        *o++ = s[k];
        size_t rest = nd - k - 1;
        if (rest > 0 && rest % every == 0) *o++ = sep;
    }
    for (const char *p = s + nd; ; p++) { *o++ = *p; if (!*p) break; }
}

static void finish_number(i64 sink, const spec_t *sp, int negative, const char *prefix, const char *digits)
{
    char body[512], grouped[512];
    const char *d = digits;
    if (sp->group && digits[0] >= '0' && digits[0] <= '9') {
        int every = (sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X') ? 4 : 3;
        group_digits(digits, sp->group, every, grouped);
        d = grouped;
    }
    const char *sign = negative ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
    snprintf(body, sizeof body, "%s%s", sign, prefix);
    size_t head = strlen(body);
    if (sp->align == '=' && sp->zero && sp->group && sp->width > 0 && digits[0] >= '0' && digits[0] <= '9') {
        /* zero padding with grouping pads the digits themselves, separators included: format(1234, '09,') */
        int every = (sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X') ? 4 : 3;
        char raw[512];
        snprintf(raw, sizeof raw, "%s", digits);
        for (int guard = 0; guard < 400; guard++) {
            group_digits(raw, sp->group, every, grouped);
            if ((long)(head + strlen(grouped)) >= sp->width) break;
            memmove(raw + 1, raw, strlen(raw) + 1); raw[0] = '0';
        }
        snprintf(body + head, sizeof body - head, "%s", grouped);
        spec_t s2 = *sp; s2.width = -1;
        emit_padded(sink, &s2, body, head, '>');
        return;
    }
    snprintf(body + head, sizeof body - head, "%s", d);
    emit_padded(sink, sp, body, head, '>');
}

static int format_float_spec(i64 sink, double v, const spec_t *sp0, const char *tname);

static int format_uint(i64 sink, int negative, u64 mag, const spec_t *sp, const char *tname)
{
    char digits[140], msg[120];
    const char *prefix = "";
    int floaty = sp->type == 'e' || sp->type == 'E' || sp->type == 'f' || sp->type == 'F' || sp->type == 'g' || sp->type == 'G' || sp->type == '%';
    if (sp->prec >= 0 && !floaty) return fail("ValueError", "Precision not allowed in integer format specifier");
    switch (sp->type) {
    case 0: case 'd': case 'n': snprintf(digits, sizeof digits, "%lu", mag); break;
    case 'x': snprintf(digits, sizeof digits, "%lx", mag); prefix = sp->alt ? "0x" : ""; break;
    case 'X': snprintf(digits, sizeof digits, "%lX", mag); prefix = sp->alt ? "0X" : ""; break;
    case 'o': snprintf(digits, sizeof digits, "%lo", mag); prefix = sp->alt ? "0o" : ""; break;
    case 'b': {
        int n = 0; char tmp[70];
        do { tmp[n++] = (char)('0' + (mag & 1)); mag >>= 1; } while (mag);
        for (int k = 0; k < n; k++) digits[k] = tmp[n - 1 - k];
        digits[n] = 0; prefix = sp->alt ? "0b" : ""; break;
    }
    case 'c': {
        if (sp->sign) return fail("ValueError", "Sign not allowed with integer format specifier 'c'");
        if (negative || mag > 0x10FFFF) return fail("OverflowError", "%c arg not in range(0x110000)");
        unsigned c = (unsigned)mag; char *o = digits;
        if (c < 0x80) *o++ = (char)c;
        else if (c < 0x800) { *o++ = (char)(0xC0 | (c >> 6)); *o++ = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { *o++ = (char)(0xE0 | (c >> 12)); *o++ = (char)(0x80 | ((c >> 6) & 0x3F)); *o++ = (char)(0x80 | (c & 0x3F)); }
        else { *o++ = (char)(0xF0 | (c >> 18)); *o++ = (char)(0x80 | ((c >> 12) & 0x3F)); *o++ = (char)(0x80 | ((c >> 6) & 0x3F)); *o++ = (char)(0x80 | (c & 0x3F)); }
        *o = 0;
        emit_padded(sink, sp, digits, 0, '<');
        return 0;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = (double)mag;
        return format_float_spec(sink, negative ? -d : d, sp, tname);
    }
    default:
        snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type '%s'", sp->type, tname);
        return fail("ValueError", msg);
    }
    if (sp->group == ',' && (sp->type == 'x' || sp->type == 'X' || sp->type == 'o' || sp->type == 'b')) {
        snprintf(msg, sizeof msg, "Cannot specify ',' with '%c'.", sp->type);
        return fail("ValueError", msg);
    }
    finish_number(sink, sp, negative, prefix, digits);
    return 0;
}

int sj_format_i64(i64 sink, i64 v, const char *spec)
{
    spec_t sp;
    if (!spec[0]) { sj_write_i64(sink, v); return 0; }
    if (parse_spec(spec, &sp)) return 1;
    return format_uint(sink, v < 0, v < 0 ? (u64)0 - (u64)v : (u64)v, &sp, "int");
}

int sj_format_u64(i64 sink, i64 v, const char *spec)
{
    spec_t sp;
    if (!spec[0]) { sj_write_u64(sink, v); return 0; }
    if (parse_spec(spec, &sp)) return 1;
    return format_uint(sink, 0, (u64)v, &sp, "int");
}

int sj_format_bool(i64 sink, int v, const char *spec)
{
    spec_t sp;
    if (!spec[0]) { sj_write_bool(sink, v); return 0; }
    if (parse_spec(spec, &sp)) return 1;
    return format_uint(sink, 0, v ? 1 : 0, &sp, "bool");
}

static int format_float_spec(i64 sink, double v, const spec_t *sp0, const char *tname)
{
    spec_t spv = *sp0, *sp = &spv;
    char digits[600], msg[120];
    int negative = copysign(1.0, v) < 0 && !is_nan(v);
    double a = fabs(v);
    if (sp->z && a == 0) negative = 0;
    if (sp->z && negative && !is_nan(v) && !is_inf(v)) {
        /* z: a value that rounds to negative zero prints as positive zero */
        char t[600]; long p = sp->prec < 0 ? 6 : sp->prec;
        if (sp->type == 'f' || sp->type == 'F' || sp->type == '%') {
            snprintf(t, sizeof t, "%.*f", (int)p, sp->type == '%' ? a * 100 : a);
            int allzero = 1; for (char *q = t; *q; q++) if (*q >= '1' && *q <= '9') allzero = 0;
            if (allzero) negative = 0;
        }
    }
    char type = sp->type;
    const char *suffix = "";
    if (is_nan(v) || is_inf(v)) {
        int upper = type == 'E' || type == 'F' || type == 'G';
        snprintf(digits, sizeof digits, "%s%s", is_nan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), type == '%' ? "%" : "");
        spec_t s2 = *sp; if (s2.align == '=' && s2.zero) { s2.fill[0] = ' '; s2.fill[1] = 0; s2.align = '>'; }
        /* CPython keeps zero padding for inf/nan: format(float('inf'), '010') is '0000000inf' */
        finish_number(sink, sp, negative, "", digits);
        return 0;
    }
    switch (type) {
    case 0:
        if (sp->prec < 0) { repr_double(a, digits, 1); break; }
        {
            /* like 'g', but scientific from exponent p-1 on, and fixed notation keeps a digit after the point */
            long p = sp->prec == 0 ? 1 : sp->prec;
            char tmp[600];
            snprintf(tmp, sizeof tmp, "%.*e", (int)(p - 1), a);
            int e10 = (int)strtod(strchr(tmp, 'e') + 1, 0);
            if (e10 < -4 || e10 >= p - 1) {
                char *e = strchr(tmp, 'e'), mant[600];
                size_t n = (size_t)(e - tmp);
                memcpy(mant, tmp, n); mant[n] = 0;
                if (!sp->alt && strchr(mant, '.')) { while (mant[n - 1] == '0') mant[--n] = 0; if (mant[n - 1] == '.') mant[--n] = 0; }
                snprintf(digits, sizeof digits, "%s%s", mant, e);
            } else {
                snprintf(digits, sizeof digits, "%.*f", (int)(p - 1 - e10), a);
                size_t n = strlen(digits);
                if (!strchr(digits, '.')) { digits[n++] = '.'; digits[n++] = '0'; digits[n] = 0; }
                else if (!sp->alt) { while (digits[n - 1] == '0' && digits[n - 2] != '.') digits[--n] = 0; }
            }
        }
        break;
    case 'e': case 'E': case 'f': case 'F': {
        char fmt[8] = { '%', 0 }; int k = 1;
        if (sp->alt) fmt[k++] = '#';
        fmt[k++] = '.'; fmt[k++] = '*'; fmt[k++] = type; fmt[k] = 0;
        snprintf(digits, sizeof digits, fmt, (int)(sp->prec < 0 ? 6 : sp->prec), a);
        break;
    }
    case 'g': case 'G': case 'n': {
        long p = sp->prec < 0 ? 6 : sp->prec == 0 ? 1 : sp->prec;
        char fmt[8] = { '%', 0 }; int k = 1;
        if (sp->alt) fmt[k++] = '#';
        fmt[k++] = '.'; fmt[k++] = '*'; fmt[k++] = type == 'n' ? 'g' : type; fmt[k] = 0;
        snprintf(digits, sizeof digits, fmt, (int)p, a);
        break;
    }
    case '%':
        snprintf(digits, sizeof digits, sp->alt ? "%#.*f" : "%.*f", (int)(sp->prec < 0 ? 6 : sp->prec), a * 100);
        suffix = "%";
        break;
    default:
        snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type '%s'", type, tname);
        return fail("ValueError", msg);
    }
    if (*suffix) { size_t n = strlen(digits); digits[n] = '%'; digits[n + 1] = 0; }
    finish_number(sink, sp, negative, "", digits);
    return 0;
}

int sj_format_f64(i64 sink, double v, const char *spec)
{
    spec_t sp;
    if (!spec[0]) { sj_write_f64(sink, v); return 0; }
    if (parse_spec(spec, &sp)) return 1;
    if (sp.type == 'd' || sp.type == 'x' || sp.type == 'X' || sp.type == 'o' || sp.type == 'b' || sp.type == 'c' || sp.type == 's') {
        char msg[80]; snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type 'float'", sp.type);
        return fail("ValueError", msg);
    }
    return format_float_spec(sink, v, &sp, "float");
}

int sj_format_c128(i64 sink, double re, double im, const char *spec)
{
    if (spec[0]) return fail("NotImplementedError", "format specs for complex numbers are not available in exported code");
    sj_write_c128(sink, re, im);
    return 0;
}

int sj_format_str(i64 sink, const char *s, const char *spec)
{
    spec_t sp;
    if (!spec[0]) { outs(sink, s); return 0; }
    if (parse_spec(spec, &sp)) return 1;
    if (sp.type && sp.type != 's') {
        char msg[80]; snprintf(msg, sizeof msg, "Unknown format code '%c' for object of type 'str'", sp.type);
        return fail("ValueError", msg);
    }
    if (sp.sign) return fail("ValueError", "Sign not allowed in string format specifier");
    if (sp.alt) return fail("ValueError", "Alternate form (#) not allowed in string format specifier");
    if (sp.align == '=') return fail("ValueError", "'=' alignment not allowed in string format specifier");
    size_t n = strlen(s);
    char *body = malloc(n + 1);
    memcpy(body, s, n + 1);
    if (sp.prec >= 0) {
        size_t chars = 0, k = 0;
        for (; k < n; k++) if (((unsigned char)body[k] & 0xC0) != 0x80 && chars++ == (size_t)sp.prec) break;
        body[k] = 0;
    }
    emit_padded(sink, &sp, body, 0, '<');
    free(body);
    return 0;
}

int sj_format_object(i64 sink, const char *s, const char *spec, const char *type_name)
{
    if (spec[0]) {
        char msg[160]; snprintf(msg, sizeof msg, "unsupported format string passed to %s.__format__", type_name);
        return fail("TypeError", msg);
    }
    outs(sink, s);
    return 0;
}

/* ------------------------------------------------------------------ arrays */

/* An array made by compiled code: a 64-byte header (reference count, byte size) and the data after it, aligned to
   64 bytes, as Runtime/RuntimeArrays.cs lays it out; compiled code counts the references itself. */
enum { ARRAY_HEADER = 64 };

void *sj_array_alloc(i64 nbytes)
{
    if (nbytes < 0 || nbytes > (i64)0x7fffffffffffffc0 - ARRAY_HEADER) { sj_raise("MemoryError", "array is too big"); return 0; }
    i64 *block = aligned_alloc(64, (size_t)(ARRAY_HEADER + ((nbytes + 63) & ~(i64)63)));
    if (!block) {
        /* NumPy's size text: "7.45 GiB" (two decimals at most), "12. B" */
        static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
        double v = (double)nbytes;
        int u = 0;
        while (v >= 1024 && u < 6) { v /= 1024; u++; }
        char size[48], msg[96];
        if (u == 0) snprintf(size, sizeof size, "%ld. B", nbytes);
        else {
            snprintf(size, sizeof size, "%.2f", v);
            size_t n = strlen(size);
            while (size[n - 1] == '0') size[--n] = 0;
            if (size[n - 1] == '.') size[--n] = 0;
            snprintf(size + n, sizeof size - n, " %s", units[u]);
        }
        snprintf(msg, sizeof msg, "Unable to allocate %s for an array", size);
        sj_raise("MemoryError", msg);
        return 0;
    }
    block[0] = 1;
    block[1] = nbytes;
    return block;
}

void sj_array_free(void *meminfo) { free(meminfo); }

/* A returned array's owner is the caller's reference: PREFIX_release drops it (NULL, a view of the caller's memory, is
   left alone). */
EXPORT void API(_release)(void *owner)
{
    if (owner && __atomic_sub_fetch((i64 *)owner, 1, __ATOMIC_ACQ_REL) == 0) sj_array_free(owner);
}

/* A shape as NumPy prints it in its messages: (3,) (3,4) (). */
static void shape_text(sb_t *b, const i64 *shape, i64 n)
{
    char num[24];
    sb_puts(b, "(");
    for (i64 k = 0; k < n; k++) {
        snprintf(num, sizeof num, k ? ",%ld" : "%ld", shape[k]);
        sb_puts(b, num);
    }
    sb_puts(b, n == 1 ? ",)" : ")");
}

static void raise_built(const char *type, sb_t *b)
{
    sj_raise(type, b->p ? b->p : "");
    free(b->p);
}

void sj_index_error(i64 index, i64 axis, i64 size)
{
    char msg[128];
    snprintf(msg, sizeof msg, "index %ld is out of bounds for axis %ld with size %ld", index, axis, size);
    sj_raise("IndexError", msg);
}

void sj_broadcast_error(const i64 *shapes, const i64 *ndims, i64 count)
{
    sb_t b = { 0, 0, 0 };
    sb_puts(&b, "operands could not be broadcast together with shapes ");
    for (i64 k = 0; k < count; k++) {
        shape_text(&b, shapes, ndims[k]);
        sb_puts(&b, " ");
        shapes += ndims[k];
    }
    raise_built("ValueError", &b);
}

static void two_shapes_error(const char *before, const i64 *a, i64 an, const char *middle, const i64 *c, i64 cn)
{
    sb_t b = { 0, 0, 0 };
    sb_puts(&b, before); shape_text(&b, a, an); sb_puts(&b, middle); shape_text(&b, c, cn);
    raise_built("ValueError", &b);
}

void sj_output_shape_error(const i64 *output, i64 outputNdim, const i64 *broadcast, i64 broadcastNdim)
{
    two_shapes_error("non-broadcastable output operand with shape ", output, outputNdim, " doesn't match the broadcast shape ", broadcast, broadcastNdim);
}

void sj_assign_shape_error(const i64 *from, i64 fromNdim, const i64 *to, i64 toNdim)
{
    two_shapes_error("could not broadcast input array from shape ", from, fromNdim, " into shape ", to, toNdim);
}

void sj_index_shape_error(const i64 *from, i64 fromNdim, const i64 *to, i64 toNdim)
{
    two_shapes_error("shape mismatch: value array of shape ", from, fromNdim, " could not be broadcast to indexing result of shape ", to, toNdim);
}

/* ------------------------------------------------------------------ strings */

const char *sj_str_or_empty(const char *s) { return s ? s : ""; }

char *sj_str_concat(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *p = new_str(a, na + nb);
    memcpy(p + na, b, nb + 1);
    return p;
}

int sj_str_cmp(const char *a, const char *b) { int c = strcmp(a, b); return c < 0 ? -1 : c > 0; }
i64 sj_str_len(const char *s) { return (i64)utf8_len(s, strlen(s)); }

/* ------------------------------------------------------------------ integers */

int sj_range_len(i64 start, i64 stop, i64 step, i64 *r)
{
    i128 s = start, t = stop, st = step, n = 0;
    if (st > 0 && s < t) n = (t - s - 1) / st + 1;
    if (st < 0 && s > t) n = (s - t - 1) / -st + 1;
    if (n > (i128)0x7fffffffffffffffLL) return fail("OverflowError", "Python int too large to convert to C ssize_t");
    *r = (i64)n;
    return 0;
}

i64 sj_ipow(i64 b, i64 e)
{
    u64 r = 1, x = (u64)b;
    while (e > 0) { if (e & 1) r *= x; x *= x; e >>= 1; }
    return (i64)r;
}

/* NumPy's sum of a line of floats (its add reduction): chunks of 8192 elements, each summed pairwise
   (loops_utils.h), added in order to a total that starts at 0; with squares, of (x - mean) * (x - mean) (np.var). */
#define SJ_PAIRWISE(T, NAME) \
static T NAME##_term(const char *p, i64 i, i64 stride, int squares, T mean) \
{ \
    T x = *(const T *)(p + i * stride); \
    if (!squares) return x; \
    T d = x - mean; \
    return d * d; \
} \
static T NAME(const char *p, i64 n, i64 stride, int squares, T mean) \
{ \
    if (n < 8) { T res = 0; for (i64 i = 0; i < n; i++) res += NAME##_term(p, i, stride, squares, mean); return res; } \
    if (n <= 128) { \
        T r[8]; i64 i; \
        for (int j = 0; j < 8; j++) r[j] = NAME##_term(p, j, stride, squares, mean); \
        for (i = 8; i < n - n % 8; i += 8) \
            for (int j = 0; j < 8; j++) r[j] += NAME##_term(p, i + j, stride, squares, mean); \
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7])); \
        for (; i < n; i++) res += NAME##_term(p, i, stride, squares, mean); \
        return res; \
    } \
    i64 half = n / 2; half -= half % 8; \
    return NAME(p, half, stride, squares, mean) + NAME(p + half * stride, n - half, stride, squares, mean); \
} \
static double NAME##_chunked(const char *p, i64 n, i64 stride, int squares, T mean) \
{ \
    T total = 0; \
    for (i64 at = 0; at < n; at += 8192) total += NAME(p + at * stride, n - at < 8192 ? n - at : 8192, stride, squares, mean); \
    return total; \
}
SJ_PAIRWISE(double, sj_pairwise_f64)
SJ_PAIRWISE(float, sj_pairwise_f32)

double sj_np_sum_f64(const char *p, i64 n, i64 stride) { return sj_pairwise_f64_chunked(p, n, stride, 0, 0); }
double sj_np_sum_f32(const char *p, i64 n, i64 stride) { return sj_pairwise_f32_chunked(p, n, stride, 0, 0); }
double sj_np_sumsq_f64(const char *p, i64 n, i64 stride, double mean) { return sj_pairwise_f64_chunked(p, n, stride, 1, mean); }
double sj_np_sumsq_f32(const char *p, i64 n, i64 stride, double mean) { return sj_pairwise_f32_chunked(p, n, stride, 1, (float)mean); }

u64 sj_ipow_u64(u64 b, u64 e)
{
    u64 r = 1;
    while (e != 0) { if (e & 1) r *= b; b *= b; e >>= 1; }
    return r;
}

i64 sj_iabs(i64 v) { return v < 0 ? (i64)((u64)0 - (u64)v) : v; }

i64 sj_round_int(i64 v, i64 nd)
{
    if (nd >= 0) return v;
    if (nd < -18) return 0;
    i64 pw = sj_ipow(10, -nd);
    i128 q = (i128)v / pw, r = (i128)v - q * pw;
    if (r < 0) { r += pw; q -= 1; }
    i128 twice = r * 2;
    if (twice > pw || (twice == pw && (q & 1))) q += 1;
    return (i64)(q * pw);
}

int sj_ipowmod(i64 b, i64 e, i64 m, i64 *r)
{
    u64 mod = m < 0 ? (u64)0 - (u64)m : (u64)m;
    if (mod == 1) { *r = 0; return 0; }
    u128 base = (u128)(((i128)b % (i128)mod + (i128)mod) % (i128)mod);
    if (e < 0) {
        /* modular inverse by the extended Euclidean algorithm */
        i128 g = mod, x = 0, x1 = 1, a1 = (i128)base;
        while (a1 != 0) { i128 q = g / a1, t = g - q * a1; g = a1; a1 = t; t = x - q * x1; x = x1; x1 = t; }
        if (g != 1) return fail("ValueError", "base is not invertible for the given modulus");
        base = (u128)(((x % (i128)mod) + (i128)mod) % (i128)mod);
        e = -e;
    }
    u128 res = 1;
    u64 ee = (u64)e;
    while (ee) { if (ee & 1) res = res * base % mod; base = base * base % mod; ee >>= 1; }
    i64 out_ = (i64)res;
    if (m < 0 && out_ != 0) out_ += m;
    *r = out_;
    return 0;
}

/* ------------------------------------------------------------------ floats and complex */

double sj_int_truediv(i64 a, i64 b)
{
    int negative = (a < 0) != (b < 0);
    u128 x = a < 0 ? (u128)((u64)0 - (u64)a) : (u128)(u64)a, y = b < 0 ? (u128)((u64)0 - (u64)b) : (u128)(u64)b;
    if (x == 0) return negative ? -0.0 : 0.0;
    int bx = 0, by = 0;
    for (u128 t = x; t; t >>= 1) bx++;
    for (u128 t = y; t; t >>= 1) by++;
    int shift = 62 - (bx - by); if (shift < 0) shift = 0;
    u128 num = x << shift;
    u64 q = (u64)(num / y);
    if (num % y) q |= 1;
    double d = ldexp((double)q, -shift);
    return negative ? -d : d;
}

double sj_float_floordiv(double vx, double wx)
{
    double mod = fmod(vx, wx), div = (vx - mod) / wx;
    if (mod != 0 && ((wx < 0) != (mod < 0))) div -= 1.0;
    if (div != 0) { double f = floor(div); if (div - f > 0.5) f += 1.0; return f; }
    return copysign(0.0, vx / wx);
}

/* round(x, ndigits): decimal rounding of the exact binary value, half to even (glibc's printf is exact). */
double sj_round_float(double x, i64 nd)
{
    if (is_nan(x) || is_inf(x) || x == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    char buf[400];
    double r;
    if (nd >= 0) { snprintf(buf, sizeof buf, "%.*f", (int)nd, x); r = strtod(buf, 0); }
    else {
        double scale = pow(10.0, (double)-nd);
        /* digits before the point, then round to -nd fewer of them */
        snprintf(buf, sizeof buf, "%.0f", x);
        size_t n = strlen(buf), start = buf[0] == '-' ? 1 : 0, keep = n - start > (size_t)-nd ? n - start - (size_t)-nd : 0;
        if (keep == 0) {
            double half = scale / 2, ax = fabs(x);
            r = ax > half ? scale : 0.0;
            r = copysign(r, x);
        } else {
            snprintf(buf, sizeof buf, "%.*e", (int)keep - 1, x);
            r = strtod(buf, 0);
        }
    }
    if (is_inf(r)) return (void)fail("OverflowError", "rounded value too large to represent"), r;
    return r;
}

int sj_cdiv(double ar, double ai, double br, double bi, double *res)
{
    if (br == 0 && bi == 0) return fail("ZeroDivisionError", "complex division by zero");
    double abr = fabs(br), abi = fabs(bi);
    if (abr >= abi) { double ratio = bi / br, den = br + bi * ratio; res[0] = (ar + ai * ratio) / den; res[1] = (ai - ar * ratio) / den; }
    else if (abi >= abr) { double ratio = br / bi, den = br * ratio + bi; res[0] = (ar * ratio + ai) / den; res[1] = (ai * ratio - ar) / den; }
    else { res[0] = res[1] = 0.0 / 0.0; }
    return 0;
}

int sj_cpow(double ar, double ai, double br, double bi, double *res)
{
    double rr, ri;
    if (bi == 0 && br == floor(br) && fabs(br) <= 100) {
        int n = (int)br, k = n < 0 ? -n : n;
        double xr = 1, xi = 0, pr = ar, pi = ai;
        for (int mask = 1; mask > 0 && k >= mask; mask <<= 1) {
            if (k & mask) { double t = xr * pr - xi * pi; xi = xr * pi + xi * pr; xr = t; }
            double t = pr * pr - pi * pi; pi = 2 * pr * pi; pr = t;
        }
        if (n >= 0) { rr = xr; ri = xi; }
        else {
            if (xr == 0 && xi == 0) return fail("ZeroDivisionError", "0.0 to a negative or complex power");
            double q[2]; sj_cdiv(1, 0, xr, xi, q); rr = q[0]; ri = q[1];
        }
    } else if (br == 0 && bi == 0) { rr = 1; ri = 0; }
    else if (ar == 0 && ai == 0) {
        if (bi != 0 || br < 0) return fail("ZeroDivisionError", "0.0 to a negative or complex power");
        rr = 0; ri = 0;
    } else {
        double vabs = hypot(ar, ai), len = pow(vabs, br), at = atan2(ai, ar), phase = at * br;
        if (bi != 0) { len /= exp(at * bi); phase += bi * log(vabs); }
        rr = len * cos(phase); ri = len * sin(phase);
    }
    if (is_inf(rr) || is_inf(ri)) return fail("OverflowError", "complex exponentiation");
    res[0] = rr; res[1] = ri;
    return 0;
}

void sj_math_frexp(double x, double *m, i64 *e)
{
    if (is_nan(x) || is_inf(x) || x == 0) { *m = x; *e = 0; return; }
    int ee; *m = frexp(x, &ee); *e = ee;
}

/* math.hypot and math.dist: CPython 3.11's vector_norm (sharpjit's Runtime/PyMath.cs has the same port).
   Only `which` 1 (hypot) reaches exported code; the exporter rejects fsum. */
static double vector_norm(double *vec, i64 n, double max, int found_nan)
{
    const double T27 = 134217729.0, DBL_MIN_ = 2.2250738585072014e-308;
    if (is_inf(max)) return max;
    if (found_nan) return __builtin_nan("");
    if (max == 0.0 || n <= 1) return max;
    int max_e; frexp(max, &max_e);
    if (max_e < -1023) {
        for (i64 i = 0; i < n; i++) vec[i] /= DBL_MIN_;
        return DBL_MIN_ * vector_norm(vec, n, max / DBL_MIN_, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, x, t, hi, lo, oldcsum, h;
    for (i64 i = 0; i < n; i++) {
        x = vec[i] * scale;
        t = x * T27; hi = t - (t - x); lo = x - hi;
        x = hi * hi; oldcsum = csum; csum += x; frac1 += (oldcsum - csum) + x;
        x = 2.0 * hi * lo; oldcsum = csum; csum += x; frac2 += (oldcsum - csum) + x;
        frac3 += lo * lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h; t = x * T27; hi = t - (t - x); lo = x - hi;
    x = -hi * hi; oldcsum = csum; csum += x; frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo; oldcsum = csum; csum += x; frac2 += (oldcsum - csum) + x;
    x = -lo * lo; oldcsum = csum; csum += x; frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
}

int sj_math_array(int which, const double *items, i64 n, double *out)
{
    (void)which;
    double small[32], *v = n <= 32 ? small : malloc((size_t)n * sizeof(double)), max = 0.0;
    if (!v) return fail("MemoryError", "");
    int found_nan = 0;
    for (i64 i = 0; i < n; i++) {
        double x = fabs(items[i]);
        v[i] = x; found_nan |= is_nan(x);
        if (x > max) max = x;
    }
    *out = vector_norm(v, n, max, found_nan);
    if (v != small) free(v);
    return 0;
}

void sj_math_modf(double x, double *frac, double *whole)
{
    if (is_inf(x)) { *frac = copysign(0.0, x); *whole = x; return; }
    *frac = modf(x, whole);
}
