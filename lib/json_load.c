/*
 * Loading a dataset from JSON (docs/data-format.md).
 *
 * The text goes through three steps:
 *  1. checks of the raw bytes: size, UTF-8 (libunistring), no NUL;
 *  2. a strict scan of the JSON grammar with an explicit stack (so nesting
 *     deeper than 64 levels is refused before any recursive parser runs),
 *     which also records where the top-level members and the elements of
 *     top-level arrays start and end;
 *  3. cJSON builds a tree of each top-level member, and of each company
 *     separately, from which the model is built.
 *
 * cJSON keeps no positions, so the place of a semantic error (or of a member
 * this version does not know, which is kept as canonical text) is found
 * again in the raw text: every value being read has a jloc that knows its
 * parent and its index among the parent's children, and jloc_offset() walks
 * the raw text from the nearest place already known. Siblings are visited
 * in order, so a cursor per container keeps that walk linear.
 *
 * Nothing here keeps global state: cJSON's hooks are left alone, its error
 * pointer is not used, and its parser (which writes that pointer) runs under
 * a lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <unistr.h>

#include "dataset_internal.h"
#include "internal.h"

#define MAX_DEPTH 64
#define MAX_STRING ((size_t)1 << 20)
#define MAX_INPUT ((uint64_t)2 << 30)
#define LOC_NONE SIZE_MAX
#define ID_MAX 128

/* ------------------------------------------------------------------ */
/* Loader state                                                        */
/* ------------------------------------------------------------------ */

/* A map from id strings to objects, open addressing; keys are borrowed. */
typedef struct idmap {
    const char **keys;
    const void **values;
    size_t cap;
    size_t count;
} idmap;

typedef struct jloc {
    struct jloc *parent; /* NULL for the top-level value */
    const char *key;     /* member name when the parent is an object, else NULL */
    size_t index;        /* position among the parent's children */
    size_t off;          /* byte offset of the value, LOC_NONE until found */
    size_t cur_index;    /* cursor over the children: child cur_index starts at cur_pos */
    size_t cur_pos;
} jloc;

/* Where a top-level member or an element of a top-level array lies. */
typedef struct span {
    size_t key_off;  /* the key's opening quote (members only) */
    size_t val_off;  /* first byte of the value */
    size_t val_end;  /* one past its last byte */
    size_t first;    /* members only: first element span of an array value */
    size_t count;    /* members only: number of element spans */
} span;

typedef struct loader {
    const char *text;
    size_t len;
    const char *file;
    ipofacts_error *err;
    ipf_dataset_arena arena;
    ipofacts_dataset *ds;
    /* interned short strings (concepts, units, languages) */
    const char **interned;
    size_t intern_cap, intern_count;
    idmap sources;   /* source id -> ipofacts_source */
    idmap companies; /* company id -> ipofacts_company */
    idmap periods, members, people, facts; /* of the company being read */
    ipf_json_buf tmp;
    /* scan results */
    size_t root_off;
    span *members_span;
    size_t nmembers_span, cap_members_span;
    span *elems;
    size_t nelems, cap_elems;
} loader;

static void jloc_init(jloc *l, jloc *parent, const char *key, size_t index, size_t off)
{
    l->parent = parent;
    l->key = key;
    l->index = index;
    l->off = off;
    l->cur_index = LOC_NONE;
    l->cur_pos = 0;
}

/* ------------------------------------------------------------------ */
/* Positions and errors                                                */
/* ------------------------------------------------------------------ */

static size_t jloc_offset(loader *L, jloc *l)
{
    if (l->off != LOC_NONE)
        return l->off;
    if (l->parent == NULL)
        return 0;
    const char *t = L->text;
    size_t n = L->len;
    jloc *p = l->parent;
    size_t poff = jloc_offset(L, p);
    int is_object = poff < n && t[poff] == '{';
    size_t i, pos;
    if (p->cur_index != LOC_NONE && p->cur_index <= l->index) {
        i = p->cur_index;
        pos = p->cur_pos;
    } else {
        i = 0;
        pos = ipf_json_skip_ws(t, n, poff + 1);
    }
    while (i < l->index && pos < n) {
        if (is_object) {
            pos = ipf_json_skip_ws(t, n, ipf_json_skip_string(t, n, pos));
            pos = ipf_json_skip_ws(t, n, pos + 1); /* the colon */
        }
        pos = ipf_json_skip_ws(t, n, ipf_json_skip_value(t, n, pos));
        pos = ipf_json_skip_ws(t, n, pos + 1); /* the comma */
        i++;
    }
    p->cur_index = i;
    p->cur_pos = pos;
    if (is_object && pos < n) {
        pos = ipf_json_skip_ws(t, n, ipf_json_skip_string(t, n, pos));
        pos = ipf_json_skip_ws(t, n, pos + 1);
    }
    l->off = pos < n ? pos : n;
    return l->off;
}

static void path_append(char *buf, size_t size, size_t *used, const char *s, size_t n)
{
    if (*used + 1 >= size)
        return;
    size_t room = size - 1 - *used;
    if (n > room)
        n = room;
    memcpy(buf + *used, s, n);
    *used += n;
    buf[*used] = '\0';
}

static int plain_key(const char *k)
{
    if (*k == '\0')
        return 0;
    for (; *k != '\0'; k++) {
        char c = *k;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

static void path_build(const jloc *l, char *buf, size_t size, size_t *used)
{
    if (l == NULL)
        return;
    if (l->parent == NULL) {
        path_append(buf, size, used, "$", 1);
        return;
    }
    path_build(l->parent, buf, size, used);
    if (l->key != NULL) {
        if (plain_key(l->key)) {
            path_append(buf, size, used, ".", 1);
            path_append(buf, size, used, l->key, strlen(l->key));
        } else {
            path_append(buf, size, used, "[\"", 2);
            for (const char *k = l->key; *k != '\0'; k++) {
                if (*k == '"' || *k == '\\')
                    path_append(buf, size, used, "\\", 1);
                path_append(buf, size, used, k, 1);
            }
            path_append(buf, size, used, "\"]", 2);
        }
    } else {
        char num[32];
        int k = snprintf(num, sizeof num, "[%zu]", l->index);
        path_append(buf, size, used, num, (size_t)k);
    }
}

/* Line (1-based) and column (1-based, in UTF-8 characters) of an offset. */
static void line_column(const loader *L, size_t off, uint32_t *line, uint32_t *col)
{
    const unsigned char *t = (const unsigned char *)L->text;
    if (off > L->len)
        off = L->len;
    uint64_t ln = 1;
    size_t start = 0;
    const unsigned char *p = t, *end = t + off;
    while (p < end) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            break;
        ln++;
        start = (size_t)(nl - t) + 1;
        p = nl + 1;
    }
    if (start == 0 && L->len >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF && off >= 3)
        start = 3; /* the byte order mark is not a character of the line */
    uint64_t c = 1;
    for (size_t i = start; i < off; i++)
        if ((t[i] & 0xC0) != 0x80)
            c++;
    *line = ln > UINT32_MAX ? UINT32_MAX : (uint32_t)ln;
    *col = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

static ipofacts_status fail_v(loader *L, ipofacts_status st, size_t off, const jloc *l, const char *fmt, va_list ap)
{
    char path[512];
    size_t used = 0;
    path[0] = '\0';
    path_build(l, path, sizeof path, &used);
    uint32_t line, col;
    line_column(L, off, &line, &col);
    ipf_error_setv(L->err, st, L->file, line, col, off, path, fmt, ap);
    return st;
}

/* Reports an error at the value of l. */
static ipofacts_status IPF_PRINTF(4, 5) fail(loader *L, ipofacts_status st, jloc *l, const char *fmt, ...)
{
    size_t off = l != NULL ? jloc_offset(L, l) : 0;
    va_list ap;
    va_start(ap, fmt);
    fail_v(L, st, off, l, fmt, ap);
    va_end(ap);
    return st;
}

/* Reports an error at a byte offset, with the path known so far. */
static ipofacts_status IPF_PRINTF(5, 6) fail_at(loader *L, ipofacts_status st, size_t off, const jloc *l,
                                                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fail_v(L, st, off, l, fmt, ap);
    va_end(ap);
    return st;
}

static ipofacts_status nomem(loader *L)
{
    ipf_error_set(L->err, IPOFACTS_E_NOMEM, L->file, 0, 0, 0, NULL, "out of memory");
    return IPOFACTS_E_NOMEM;
}

/* Text from the input shortened for a message: at most 60 bytes, cut at a
 * character boundary and marked with "...". */
static const char *clip(const char *s, char *buf)
{
    size_t n = strlen(s);
    if (n <= 60)
        return s;
    size_t k = 56;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(buf, s, k);
    memcpy(buf + k, "...", 4);
    return buf;
}

#define CLIP(s) clip((s), (char[64]){0})

/* ------------------------------------------------------------------ */
/* Id maps and interned strings                                        */
/* ------------------------------------------------------------------ */

static uint64_t hash_str(const char *s)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static void idmap_free(idmap *m)
{
    free(m->keys);
    free((void *)m->values);
    memset(m, 0, sizeof *m);
}

static void idmap_clear(idmap *m)
{
    if (m->count > 0) {
        memset(m->keys, 0, m->cap * sizeof *m->keys);
        m->count = 0;
    }
}

static int idmap_grow(idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    const void **values = calloc(cap, sizeof *values);
    if (keys == NULL || values == NULL) {
        free(keys);
        free((void *)values);
        return 0;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == NULL)
            continue;
        size_t j = (size_t)hash_str(m->keys[i]) & (cap - 1);
        while (keys[j] != NULL)
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    free(m->keys);
    free((void *)m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
    return 1;
}

static const void *idmap_get(const idmap *m, const char *key)
{
    if (m->count == 0)
        return NULL;
    size_t j = (size_t)hash_str(key) & (m->cap - 1);
    while (m->keys[j] != NULL) {
        if (strcmp(m->keys[j], key) == 0)
            return m->values[j];
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}

/* Adds key -> value. Returns 1, 0 when the key is already there, -1 when
 * memory runs out. */
static int idmap_put(idmap *m, const char *key, const void *value)
{
    if ((m->count + 1) * 2 > m->cap && !idmap_grow(m))
        return -1;
    size_t j = (size_t)hash_str(key) & (m->cap - 1);
    while (m->keys[j] != NULL) {
        if (strcmp(m->keys[j], key) == 0)
            return 0;
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->values[j] = value;
    m->count++;
    return 1;
}

static const char *intern(loader *L, const char *s)
{
    if ((L->intern_count + 1) * 2 > L->intern_cap) {
        size_t cap = L->intern_cap ? L->intern_cap * 2 : 256;
        const char **t = calloc(cap, sizeof *t);
        if (t == NULL)
            return NULL;
        for (size_t i = 0; i < L->intern_cap; i++) {
            if (L->interned[i] == NULL)
                continue;
            size_t j = (size_t)hash_str(L->interned[i]) & (cap - 1);
            while (t[j] != NULL)
                j = (j + 1) & (cap - 1);
            t[j] = L->interned[i];
        }
        free(L->interned);
        L->interned = t;
        L->intern_cap = cap;
    }
    size_t j = (size_t)hash_str(s) & (L->intern_cap - 1);
    while (L->interned[j] != NULL) {
        if (strcmp(L->interned[j], s) == 0)
            return L->interned[j];
        j = (j + 1) & (L->intern_cap - 1);
    }
    const char *copy = ipf_dataset_arena_strndup(&L->arena, s, strlen(s));
    if (copy == NULL)
        return NULL;
    L->interned[j] = copy;
    L->intern_count++;
    return copy;
}

/* ------------------------------------------------------------------ */
/* Step 1 and 2: raw checks and the grammar scan                       */
/* ------------------------------------------------------------------ */

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int read_hex4(const unsigned char *t, size_t n, size_t pos, unsigned *out)
{
    if (pos + 4 > n)
        return 0;
    unsigned v = 0;
    for (size_t i = 0; i < 4; i++) {
        int h = hex_value(t[pos + i]);
        if (h < 0)
            return 0;
        v = v * 16 + (unsigned)h;
    }
    *out = v;
    return 1;
}

typedef struct sframe {
    char type;      /* '{' or '[' */
    size_t index;   /* current child */
    size_t key_off; /* objects: offset of the current key */
} sframe;

/* A jloc chain for the scanner's stack, to name the place of a syntax error. */
static ipofacts_status scan_fail(loader *L, ipofacts_status st, size_t off, const sframe *stack, int depth,
                                 const char *fmt, ...) IPF_PRINTF(6, 7);

static ipofacts_status scan_fail(loader *L, ipofacts_status st, size_t off, const sframe *stack, int depth,
                                 const char *fmt, ...)
{
    jloc locs[MAX_DEPTH + 1];
    char *keys[MAX_DEPTH + 1];
    int nk = 0;
    jloc_init(&locs[0], NULL, NULL, 0, L->root_off);
    int have = 1;
    for (int d = 0; d < depth; d++) {
        const char *key = NULL;
        if (stack[d].type == '{') {
            if (stack[d].key_off == LOC_NONE)
                break; /* no member yet: the path ends at the object */
            ipf_json_buf b = {0};
            ipf_json_decode_string(&b, L->text, L->len, stack[d].key_off);
            ipf_json_buf_append(&b, "", 1);
            if (b.oom) {
                free(b.data);
                break;
            }
            keys[nk++] = b.data;
            key = b.data;
        }
        jloc_init(&locs[have], &locs[have - 1], key, stack[d].index, 0);
        have++;
    }
    va_list ap;
    va_start(ap, fmt);
    fail_v(L, st, off, &locs[have - 1], fmt, ap);
    va_end(ap);
    for (int i = 0; i < nk; i++)
        free(keys[i]);
    return st;
}

static int push_span(span **arr, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        span *p = realloc(*arr, c * sizeof *p);
        if (p == NULL)
            return 0;
        *arr = p;
        *cap = c;
    }
    memset(&(*arr)[*n], 0, sizeof **arr);
    (*n)++;
    return 1;
}

#define SCAN_EOF(off) scan_fail(L, IPOFACTS_E_SYNTAX, (off), stack, depth, "unexpected end of input")

/* Scans a string at pos (a quote); *end receives the offset after it. */
static ipofacts_status scan_string(loader *L, size_t pos, size_t *end, const sframe *stack, int depth)
{
    const unsigned char *t = (const unsigned char *)L->text;
    size_t n = L->len, start = pos;
    pos++;
    for (;;) {
        /* Fast path over plain bytes. */
        while (pos < n && t[pos] != '"' && t[pos] != '\\' && t[pos] >= 0x20)
            pos++;
        if (pos >= n)
            return SCAN_EOF(n);
        unsigned char c = t[pos];
        if (c == '"')
            break;
        if (c < 0x20)
            return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth,
                             "control character U+%04X inside a string (write it as an escape)", c);
        /* A backslash. */
        size_t esc = pos;
        if (pos + 1 >= n)
            return SCAN_EOF(n);
        c = t[pos + 1];
        if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') {
            pos += 2;
            continue;
        }
        if (c != 'u')
            return scan_fail(L, IPOFACTS_E_SYNTAX, esc, stack, depth, "invalid escape sequence in a string");
        unsigned u;
        if (!read_hex4(t, n, pos + 2, &u))
            return pos + 6 > n ? SCAN_EOF(n)
                               : scan_fail(L, IPOFACTS_E_SYNTAX, esc, stack, depth,
                                           "\\u must be followed by four hexadecimal digits");
        pos += 6;
        if (u == 0)
            return scan_fail(L, IPOFACTS_E_UTF8, esc, stack, depth, "a string holds a NUL character (\\u0000)");
        if (u >= 0xDC00 && u <= 0xDFFF)
            return scan_fail(L, IPOFACTS_E_SYNTAX, esc, stack, depth, "lone low surrogate \\u%04X in a string", u);
        if (u >= 0xD800 && u <= 0xDBFF) {
            unsigned lo;
            if (pos + 1 < n && t[pos] == '\\' && t[pos + 1] == 'u' && read_hex4(t, n, pos + 2, &lo) && lo >= 0xDC00 &&
                lo <= 0xDFFF) {
                pos += 6;
            } else {
                return scan_fail(L, IPOFACTS_E_SYNTAX, esc, stack, depth,
                                 "high surrogate \\u%04X not followed by a low surrogate", u);
            }
        }
    }
    pos++;
    if (pos - start - 2 > MAX_STRING)
        return scan_fail(L, IPOFACTS_E_TOO_LARGE, start, stack, depth, "a string is longer than 1 MiB");
    *end = pos;
    return IPOFACTS_OK;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static ipofacts_status scan_number(loader *L, size_t pos, size_t *end, const sframe *stack, int depth)
{
    const unsigned char *t = (const unsigned char *)L->text;
    size_t n = L->len, start = pos;
    if (t[pos] == '-')
        pos++;
    if (pos >= n)
        return SCAN_EOF(n);
    if (t[pos] == '0') {
        pos++;
    } else if (is_digit(t[pos])) {
        while (pos < n && is_digit(t[pos]))
            pos++;
    } else {
        return scan_fail(L, IPOFACTS_E_SYNTAX, start, stack, depth, "invalid number");
    }
    if (pos < n && t[pos] == '.') {
        pos++;
        if (pos >= n)
            return SCAN_EOF(n);
        if (!is_digit(t[pos]))
            return scan_fail(L, IPOFACTS_E_SYNTAX, start, stack, depth, "invalid number: a digit must follow the point");
        while (pos < n && is_digit(t[pos]))
            pos++;
    }
    if (pos < n && (t[pos] == 'e' || t[pos] == 'E')) {
        pos++;
        if (pos < n && (t[pos] == '+' || t[pos] == '-'))
            pos++;
        if (pos >= n)
            return SCAN_EOF(n);
        if (!is_digit(t[pos]))
            return scan_fail(L, IPOFACTS_E_SYNTAX, start, stack, depth, "invalid number: a digit must follow the exponent");
        while (pos < n && is_digit(t[pos]))
            pos++;
    }
    *end = pos;
    return IPOFACTS_OK;
}

static size_t skip_ws_raw(const loader *L, size_t pos)
{
    while (pos < L->len && is_ws((unsigned char)L->text[pos]))
        pos++;
    return pos;
}

/* Checks the whole text against the JSON grammar, the nesting and string
 * limits, and records the spans of the top-level members and of the
 * elements of top-level arrays. */
static ipofacts_status scan(loader *L)
{
    const unsigned char *t = (const unsigned char *)L->text;
    size_t n = L->len;
    sframe stack[MAX_DEPTH];
    int depth = 0;
    size_t pos = 0;
    ipofacts_status st;
    if (n >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF)
        pos = 3;
    pos = skip_ws_raw(L, pos);
    L->root_off = pos;
    if (pos >= n)
        return scan_fail(L, IPOFACTS_E_SYNTAX, pos, NULL, 0,
                         n == 0 ? "the input is empty" : "the input holds no JSON value");
    for (;;) {
        /* A value starts at pos. */
        if (pos >= n)
            return SCAN_EOF(n);
        if (depth == 1 && stack[0].type == '{')
            L->members_span[L->nmembers_span - 1].val_off = pos;
        if (depth == 2 && stack[0].type == '{' && stack[1].type == '[') {
            if (!push_span(&L->elems, &L->nelems, &L->cap_elems))
                return nomem(L);
            L->elems[L->nelems - 1].val_off = pos;
        }
        unsigned char c = t[pos];
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH)
                return scan_fail(L, IPOFACTS_E_TOO_LARGE, pos, stack, depth,
                                 "nesting deeper than %d levels", MAX_DEPTH);
            stack[depth].type = (char)c;
            stack[depth].index = 0;
            stack[depth].key_off = LOC_NONE;
            depth++;
            if (depth == 2 && stack[0].type == '{' && c == '[') {
                L->members_span[L->nmembers_span - 1].first = L->nelems;
            }
            pos = skip_ws_raw(L, pos + 1);
            if (pos >= n)
                return SCAN_EOF(n);
            if (t[pos] == (c == '{' ? '}' : ']')) {
                pos++;
                depth--;
                goto after_value;
            }
            if (c == '[')
                continue;
            /* An object's first member name: fall through to key. */
        } else if (c == '"') {
            if ((st = scan_string(L, pos, &pos, stack, depth)) != IPOFACTS_OK)
                return st;
            goto after_value;
        } else if (c == '-' || is_digit(c)) {
            if ((st = scan_number(L, pos, &pos, stack, depth)) != IPOFACTS_OK)
                return st;
            goto after_value;
        } else if (c == 't' || c == 'f' || c == 'n') {
            const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
            size_t k = strlen(lit);
            for (size_t i = 0; i < k; i++) {
                if (pos + i >= n)
                    return SCAN_EOF(n);
                if (t[pos + i] != (unsigned char)lit[i])
                    return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth, "invalid literal (expected %s)", lit);
            }
            pos += k;
            goto after_value;
        } else {
            return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth, "expected a JSON value");
        }

    key:
        /* A member name starts at pos, in the object on top of the stack. */
        if (pos >= n)
            return SCAN_EOF(n);
        if (t[pos] != '"')
            return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth, "expected a member name in double quotes");
        stack[depth - 1].key_off = pos;
        if (depth == 1) {
            if (!push_span(&L->members_span, &L->nmembers_span, &L->cap_members_span))
                return nomem(L);
            L->members_span[L->nmembers_span - 1].key_off = pos;
        }
        if ((st = scan_string(L, pos, &pos, stack, depth)) != IPOFACTS_OK)
            return st;
        pos = skip_ws_raw(L, pos);
        if (pos >= n)
            return SCAN_EOF(n);
        if (t[pos] != ':')
            return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth, "expected ':' after a member name");
        pos = skip_ws_raw(L, pos + 1);
        continue;

    after_value:
        /* A value ended at pos; it sits in the container at depth - 1. */
        if (depth == 1 && stack[0].type == '{') {
            span *m = &L->members_span[L->nmembers_span - 1];
            m->val_end = pos;
            if (t[m->val_off] == '[')
                m->count = L->nelems - m->first;
        }
        if (depth == 2 && stack[0].type == '{' && stack[1].type == '[')
            L->elems[L->nelems - 1].val_end = pos;
        if (depth == 0) {
            pos = skip_ws_raw(L, pos);
            if (pos < n)
                return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, 0, "unexpected text after the top-level value");
            return IPOFACTS_OK;
        }
        pos = skip_ws_raw(L, pos);
        if (pos >= n)
            return SCAN_EOF(n);
        c = t[pos];
        sframe *top = &stack[depth - 1];
        if (c == ',') {
            top->index++;
            top->key_off = LOC_NONE;
            pos = skip_ws_raw(L, pos + 1);
            if (top->type == '{')
                goto key;
            continue;
        }
        if ((c == '}' && top->type == '{') || (c == ']' && top->type == '[')) {
            pos++;
            depth--;
            goto after_value;
        }
        return scan_fail(L, IPOFACTS_E_SYNTAX, pos, stack, depth,
                         top->type == '{' ? "expected ',' or '}' after a member" : "expected ',' or ']' after an element");
    }
    /* The key label is reached only by goto from inside the loop. */
}

/* Refuses input over the size limit, invalid UTF-8 and NUL bytes. */
static ipofacts_status check_bytes(loader *L)
{
    if ((uint64_t)L->len > MAX_INPUT) {
        ipf_error_set(L->err, IPOFACTS_E_TOO_LARGE, L->file, 0, 0, 0, NULL,
                      "the input is larger than 2 GiB (%zu bytes)", L->len);
        return IPOFACTS_E_TOO_LARGE;
    }
    const uint8_t *bad = u8_check((const uint8_t *)L->text, L->len);
    const char *nul = memchr(L->text, '\0', bad != NULL ? (size_t)((const char *)bad - L->text) : L->len);
    if (nul != NULL)
        return fail_at(L, IPOFACTS_E_UTF8, (size_t)(nul - L->text), NULL, "the text holds a NUL byte");
    if (bad != NULL)
        return fail_at(L, IPOFACTS_E_UTF8, (size_t)((const char *)bad - L->text), NULL,
                       "invalid UTF-8 (byte 0x%02X)", (unsigned)*bad);
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Step 3: reading objects                                             */
/* ------------------------------------------------------------------ */

#define MAX_KNOWN 16

/* The known members of an object, by their position in a name table. */
typedef struct objr {
    const cJSON *v[MAX_KNOWN];  /* NULL when absent or null */
    size_t idx[MAX_KNOWN];      /* child index, when present */
    jloc loc[MAX_KNOWN];        /* locations, made on demand by mloc() */
} objr;

typedef struct keyidx {
    const char *key;
    size_t index;
} keyidx;

static int keyidx_cmp(const void *a, const void *b)
{
    const keyidx *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Index of the first key (in order) that repeats an earlier one, LOC_NONE
 * when all differ, LOC_NONE - 1 when memory runs out. */
static size_t first_duplicate(const char *const *keys, size_t n)
{
    if (n < 2)
        return LOC_NONE;
    if (n <= 32) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (strcmp(keys[i], keys[j]) == 0)
                    return i;
        return LOC_NONE;
    }
    keyidx *k = malloc(n * sizeof *k);
    if (k == NULL)
        return LOC_NONE - 1;
    for (size_t i = 0; i < n; i++) {
        k[i].key = keys[i];
        k[i].index = i;
    }
    qsort(k, n, sizeof *k, keyidx_cmp);
    size_t best = LOC_NONE;
    for (size_t i = 1; i < n; i++)
        if (strcmp(k[i].key, k[i - 1].key) == 0 && k[i].index < best)
            best = k[i].index;
    free(k);
    return best;
}

static size_t child_count(const cJSON *v)
{
    size_t n = 0;
    for (const cJSON *c = v->child; c != NULL; c = c->next)
        n++;
    return n;
}

/* Refuses an object with two members of the same name. */
static ipofacts_status check_duplicate_keys(loader *L, jloc *loc, const cJSON *obj)
{
    size_t n = child_count(obj);
    if (n < 2)
        return IPOFACTS_OK;
    const char *small[32];
    const char **keys = n <= 32 ? small : malloc(n * sizeof *keys);
    if (keys == NULL)
        return nomem(L);
    size_t i = 0;
    for (const cJSON *c = obj->child; c != NULL && i < n; c = c->next)
        keys[i++] = c->string;
    size_t d = first_duplicate(keys, n);
    if (keys != small)
        free(keys);
    if (d == LOC_NONE)
        return IPOFACTS_OK;
    if (d == LOC_NONE - 1)
        return nomem(L);
    /* The member at index d; d < n, the number of members counted above. */
    const cJSON *c = obj->child;
    for (i = 0; i < d && c != NULL; i++)
        c = c->next;
    if (c == NULL)
        return fail(L, IPOFACTS_E_DUPLICATE, loc, "duplicate member in an object");
    jloc cl;
    jloc_init(&cl, loc, c->string, d, LOC_NONE);
    return fail(L, IPOFACTS_E_DUPLICATE, &cl, "duplicate member \"%s\" in an object", CLIP(c->string));
}

/* Checks every object inside an unknown value for duplicate members. */
static ipofacts_status check_deep(loader *L, jloc *loc, const cJSON *v)
{
    ipofacts_status st;
    if (cJSON_IsObject(v) && (st = check_duplicate_keys(L, loc, v)) != IPOFACTS_OK)
        return st;
    if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
        size_t i = 0;
        for (const cJSON *c = v->child; c != NULL; c = c->next, i++) {
            if (!cJSON_IsObject(c) && !cJSON_IsArray(c))
                continue;
            jloc cl;
            jloc_init(&cl, loc, cJSON_IsObject(v) ? c->string : NULL, i, LOC_NONE);
            if ((st = check_deep(L, &cl, c)) != IPOFACTS_OK)
                return st;
        }
    }
    return IPOFACTS_OK;
}

/* Canonical text of one unknown member whose value starts at off. */
static ipofacts_status keep_member(loader *L, const char *key, size_t off, const char **text, size_t *len)
{
    L->tmp.len = 0;
    ipf_json_buf_string(&L->tmp, key, strlen(key));
    ipf_json_buf_append(&L->tmp, ": ", 2);
    ipf_json_canonical_value(&L->tmp, L->text, L->len, off, 0);
    if (L->tmp.oom)
        return nomem(L);
    char *p = ipf_dataset_arena_strndup(&L->arena, L->tmp.data, L->tmp.len);
    if (p == NULL)
        return nomem(L);
    *text = p;
    *len = L->tmp.len;
    return IPOFACTS_OK;
}

/*
 * Reads an object: refuses duplicate members, sorts the known ones into r by
 * the name table, and keeps the others, in order, as canonical text.
 */
static ipofacts_status read_object(loader *L, jloc *loc, const cJSON *obj, const char *const *names, size_t nnames,
                                   objr *r, const ipf_extras **extras)
{
    ipofacts_status st;
    if ((st = check_duplicate_keys(L, loc, obj)) != IPOFACTS_OK)
        return st;
    for (size_t k = 0; k < nnames; k++) {
        r->v[k] = NULL;
        r->idx[k] = LOC_NONE;
    }
    size_t unknown = 0, i = 0;
    for (const cJSON *c = obj->child; c != NULL; c = c->next, i++) {
        size_t k = 0;
        while (k < nnames && strcmp(c->string, names[k]) != 0)
            k++;
        if (k == nnames) {
            unknown++;
            continue;
        }
        r->idx[k] = i;
        if (!cJSON_IsNull(c))
            r->v[k] = c;
    }
    *extras = NULL;
    if (unknown == 0)
        return IPOFACTS_OK;
    ipf_extras *e = ipf_dataset_arena_alloc(&L->arena, 1, sizeof *e + unknown * sizeof e->items[0]);
    if (e == NULL)
        return nomem(L);
    i = 0;
    for (const cJSON *c = obj->child; c != NULL; c = c->next, i++) {
        size_t k = 0;
        while (k < nnames && strcmp(c->string, names[k]) != 0)
            k++;
        if (k < nnames)
            continue;
        jloc cl;
        jloc_init(&cl, loc, c->string, i, LOC_NONE);
        if ((st = check_deep(L, &cl, c)) != IPOFACTS_OK)
            return st;
        size_t off = jloc_offset(L, &cl);
        if ((st = keep_member(L, c->string, off, &e->items[e->count].text, &e->items[e->count].len)) != IPOFACTS_OK)
            return st;
        e->count++;
    }
    *extras = e;
    return IPOFACTS_OK;
}

/* The location of known member k of an object read into r. */
static jloc *mloc(objr *r, jloc *parent, size_t k, const char *name)
{
    jloc_init(&r->loc[k], parent, name, r->idx[k], LOC_NONE);
    return &r->loc[k];
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "null";
}

static ipofacts_status missing(loader *L, jloc *loc, const char *name, const char *what)
{
    return fail(L, IPOFACTS_E_SCHEMA, loc, "missing member \"%s\" (%s)", name, what);
}

/* A string member as an arena copy (interned when asked); NULL when absent. */
static ipofacts_status get_string(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int required,
                                  int interned, const char **out)
{
    const cJSON *v = r->v[k];
    *out = NULL;
    if (v == NULL)
        return required ? missing(L, oloc, name, "a string") : IPOFACTS_OK;
    if (!cJSON_IsString(v))
        return fail(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, name), "\"%s\" must be a string, not %s", name,
                    type_name(v));
    const char *s = interned ? intern(L, v->valuestring)
                             : ipf_dataset_arena_strndup(&L->arena, v->valuestring, strlen(v->valuestring));
    if (s == NULL)
        return nomem(L);
    *out = s;
    return IPOFACTS_OK;
}

static int valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n] != '\0'; n++) {
        char c = s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == ':' || c == '-'))
            return 0;
    }
    return n >= 1 && n <= ID_MAX;
}

static ipofacts_status get_id(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int required,
                              const char **out)
{
    ipofacts_status st = get_string(L, oloc, r, k, name, required, 0, out);
    if (st != IPOFACTS_OK || *out == NULL)
        return st;
    if (!valid_id(*out))
        return fail(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, name),
                    "invalid id \"%s\": use 1 to 128 of the characters A-Z a-z 0-9 _ . : -", CLIP(*out));
    return IPOFACTS_OK;
}

static ipofacts_status get_date(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int required,
                                ipofacts_date *out)
{
    const cJSON *v = r->v[k];
    memset(out, 0, sizeof *out);
    if (v == NULL)
        return required ? missing(L, oloc, name, "a date") : IPOFACTS_OK;
    if (!cJSON_IsString(v))
        return fail(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, name),
                    "\"%s\" must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not %s", name, type_name(v));
    ipofacts_status st = ipofacts_date_parse(out, v->valuestring, strlen(v->valuestring));
    if (st == IPOFACTS_E_DATE)
        return fail(L, st, mloc(r, oloc, k, name), "impossible date \"%s\"", CLIP(v->valuestring));
    if (st != IPOFACTS_OK)
        return fail(L, IPOFACTS_E_SYNTAX, mloc(r, oloc, k, name),
                    "\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", CLIP(v->valuestring));
    return IPOFACTS_OK;
}

static ipofacts_status get_int(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int32_t lo, int32_t hi,
                               int32_t *out, int *present)
{
    const cJSON *v = r->v[k];
    *present = 0;
    if (v == NULL)
        return IPOFACTS_OK;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo && v->valuedouble <= hi) ||
        v->valuedouble != (double)(int32_t)v->valuedouble)
        return fail(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, name), "\"%s\" must be an integer from %ld to %ld",
                    name, (long)lo, (long)hi);
    *out = (int32_t)v->valuedouble;
    *present = 1;
    return IPOFACTS_OK;
}

/* An object lang -> string (or scheme -> string), in order. */
static ipofacts_status get_pairs(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int required,
                                 const ipf_pair **out, size_t *count)
{
    const cJSON *v = r->v[k];
    *out = NULL;
    *count = 0;
    if (v == NULL)
        return required ? missing(L, oloc, name, "an object of strings") : IPOFACTS_OK;
    jloc *loc = mloc(r, oloc, k, name);
    if (!cJSON_IsObject(v))
        return fail(L, IPOFACTS_E_SCHEMA, loc, "\"%s\" must be an object of strings, not %s", name, type_name(v));
    ipofacts_status st = check_duplicate_keys(L, loc, v);
    if (st != IPOFACTS_OK)
        return st;
    size_t n = 0, i = 0;
    for (const cJSON *c = v->child; c != NULL; c = c->next, i++) {
        jloc cl;
        if (cJSON_IsNull(c))
            continue;
        if (!cJSON_IsString(c)) {
            jloc_init(&cl, loc, c->string, i, LOC_NONE);
            return fail(L, IPOFACTS_E_SCHEMA, &cl, "\"%s\" must be a string, not %s", CLIP(c->string), type_name(c));
        }
        if (c->string[0] == '\0') {
            jloc_init(&cl, loc, c->string, i, LOC_NONE);
            return fail(L, IPOFACTS_E_SCHEMA, &cl, "an empty member name in \"%s\"", name);
        }
        n++;
    }
    if (n == 0)
        return required ? fail(L, IPOFACTS_E_SCHEMA, loc, "\"%s\" needs at least one entry", name) : IPOFACTS_OK;
    ipf_pair *p = ipf_dataset_arena_alloc(&L->arena, n, sizeof *p);
    if (p == NULL)
        return nomem(L);
    n = 0;
    for (const cJSON *c = v->child; c != NULL; c = c->next) {
        if (cJSON_IsNull(c))
            continue;
        p[n].key = intern(L, c->string);
        p[n].value = ipf_dataset_arena_strndup(&L->arena, c->valuestring, strlen(c->valuestring));
        if (p[n].key == NULL || p[n].value == NULL)
            return nomem(L);
        n++;
    }
    *out = p;
    *count = n;
    return IPOFACTS_OK;
}

/* An optional array member; *arr NULL when absent. */
static ipofacts_status get_array(loader *L, jloc *oloc, objr *r, size_t k, const char *name, int required,
                                 const cJSON **arr, jloc **loc)
{
    const cJSON *v = r->v[k];
    *arr = NULL;
    *loc = NULL;
    if (v == NULL)
        return required ? missing(L, oloc, name, "an array") : IPOFACTS_OK;
    *loc = mloc(r, oloc, k, name);
    if (!cJSON_IsArray(v))
        return fail(L, IPOFACTS_E_SCHEMA, *loc, "\"%s\" must be an array, not %s", name, type_name(v));
    *arr = v;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Citations                                                           */
/* ------------------------------------------------------------------ */

enum { CI_SOURCE, CI_TEXT, CI_N };
static const char *const citation_names[CI_N] = {"source", "text"};

/* Reads an array of citations into *out and *count, their unknown members
 * into *extras (NULL when no citation has any). */
static ipofacts_status read_citations(loader *L, jloc *loc, const cJSON *arr, const ipf_citation **out,
                                      size_t *count, const ipf_extras *const **extras, uint32_t *best_rank)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    const ipf_extras **ce = NULL;
    *out = NULL;
    *count = 0;
    *extras = NULL;
    if (best_rank != NULL)
        *best_rank = UINT32_MAX;
    if (n == 0)
        return IPOFACTS_OK;
    ipf_citation *cit = ipf_dataset_arena_alloc(&L->arena, n, sizeof *cit);
    if (cit == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el,
                        "a citation must be an object {\"source\": ..., \"text\": ...}, not %s", type_name(e));
        objr r;
        const ipf_extras *cx;
        if ((st = read_object(L, &el, e, citation_names, CI_N, &r, &cx)) != IPOFACTS_OK)
            return st;
        if (cx != NULL) {
            if (ce == NULL && (ce = ipf_dataset_arena_alloc(&L->arena, n, sizeof *ce)) == NULL)
                return nomem(L);
            ce[i] = cx;
        }
        const cJSON *sv = r.v[CI_SOURCE];
        if (sv == NULL)
            return missing(L, &el, "source", "a source id");
        if (!cJSON_IsString(sv))
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, &el, CI_SOURCE, "source"), "\"source\" must be a string, not %s",
                        type_name(sv));
        const ipofacts_source *src = idmap_get(&L->sources, sv->valuestring);
        if (src == NULL)
            return fail(L, IPOFACTS_E_REFERENCE, mloc(&r, &el, CI_SOURCE, "source"),
                        "no source has the id \"%s\"", CLIP(sv->valuestring));
        cit[i].source = src;
        if ((st = get_string(L, &el, &r, CI_TEXT, "text", 0, 0, &cit[i].text)) != IPOFACTS_OK)
            return st;
        if (best_rank != NULL && src->rank < *best_rank)
            *best_rank = src->rank;
    }
    *out = cit;
    *count = n;
    *extras = ce;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

enum { SO_ID, SO_PUBLISHER, SO_TITLE, SO_AUTHOR, SO_DATE, SO_DOCUMENT, SO_LANGUAGE, SO_URL, SO_RANK, SO_N };
static const char *const source_names[SO_N] = {"id",       "publisher", "title", "author", "date",
                                                "document", "language",  "url",   "rank"};

static ipofacts_status read_sources(loader *L, jloc *loc, const cJSON *arr)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    ipofacts_source *s = NULL;
    if (n > 0 && (s = ipf_dataset_arena_alloc(&L->arena, n, sizeof *s)) == NULL)
        return nomem(L);
    L->ds->sources = s;
    L->ds->source_count = n;
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "a source must be an object, not %s", type_name(e));
        objr r;
        ipofacts_source *x = &s[i];
        x->index = i;
        if ((st = read_object(L, &el, e, source_names, SO_N, &r, &x->extras)) != IPOFACTS_OK ||
            (st = get_id(L, &el, &r, SO_ID, "id", 1, &x->id)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_PUBLISHER, "publisher", 0, 1, &x->publisher)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_TITLE, "title", 0, 0, &x->title)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_AUTHOR, "author", 0, 0, &x->author)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, SO_DATE, "date", 0, &x->date)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_DOCUMENT, "document", 0, 0, &x->document)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_LANGUAGE, "language", 0, 1, &x->language)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, SO_URL, "url", 0, 0, &x->url)) != IPOFACTS_OK)
            return st;
        int32_t rank = 2;
        int has_rank;
        if ((st = get_int(L, &el, &r, SO_RANK, "rank", 1, 1000000, &rank, &has_rank)) != IPOFACTS_OK)
            return st;
        x->rank = (uint32_t)rank;
        x->has_rank = (uint8_t)has_rank;
        int put = idmap_put(&L->sources, x->id, x);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, &el, SO_ID, "id"), "duplicate source id \"%s\"", CLIP(x->id));
    }
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Companies                                                           */
/* ------------------------------------------------------------------ */

enum { PE_ID, PE_NAMES, PE_ROLE, PE_BORN, PE_SOURCES, PE_N };
static const char *const person_names[PE_N] = {"id", "names", "role", "born", "sources"};

static ipofacts_status read_people(loader *L, jloc *loc, const cJSON *arr, ipofacts_company *c)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0)
        return IPOFACTS_OK;
    ipofacts_person *p = ipf_dataset_arena_alloc(&L->arena, n, sizeof *p);
    if (p == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "a person must be an object, not %s", type_name(e));
        objr r;
        ipofacts_person *x = &p[i];
        const cJSON *srcs;
        jloc *sloc;
        if ((st = read_object(L, &el, e, person_names, PE_N, &r, &x->extras)) != IPOFACTS_OK ||
            (st = get_id(L, &el, &r, PE_ID, "id", 1, &x->id)) != IPOFACTS_OK ||
            (st = get_pairs(L, &el, &r, PE_NAMES, "names", 1, &x->names, &x->name_count)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, PE_ROLE, "role", 0, 0, &x->role)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, PE_BORN, "born", 0, &x->born)) != IPOFACTS_OK ||
            (st = get_array(L, &el, &r, PE_SOURCES, "sources", 0, &srcs, &sloc)) != IPOFACTS_OK)
            return st;
        if (srcs != NULL &&
            (st = read_citations(L, sloc, srcs, &x->citations, &x->citation_count, &x->citation_extras, NULL)) !=
                IPOFACTS_OK)
            return st;
        int put = idmap_put(&L->people, x->id, x);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, &el, PE_ID, "id"), "duplicate person id \"%s\"", CLIP(x->id));
    }
    c->people = p;
    c->person_count = n;
    return IPOFACTS_OK;
}

enum { ME_ID, ME_KIND, ME_NAMES, ME_DATE, ME_RELATED, ME_N };
static const char *const member_names[ME_N] = {"id", "kind", "names", "date", "related"};

static ipofacts_status read_members(loader *L, jloc *loc, const cJSON *arr, ipofacts_company *c)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0)
        return IPOFACTS_OK;
    ipofacts_member *m = ipf_dataset_arena_alloc(&L->arena, n, sizeof *m);
    if (m == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    /* First pass: every member and its id. */
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "a member must be an object, not %s", type_name(e));
        objr r;
        ipofacts_member *x = &m[i];
        const char *kind;
        if ((st = read_object(L, &el, e, member_names, ME_N, &r, &x->extras)) != IPOFACTS_OK ||
            (st = get_id(L, &el, &r, ME_ID, "id", 1, &x->id)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, ME_KIND, "kind", 1, 1, &kind)) != IPOFACTS_OK)
            return st;
        if (!ipf_dataset_member_kind_from_name(kind, &x->kind))
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, &el, ME_KIND, "kind"),
                        "unknown member kind \"%s\" (segment, region, shareholder, investor, round, customer, other)",
                        CLIP(kind));
        const cJSON *rel;
        jloc *rloc;
        if ((st = get_pairs(L, &el, &r, ME_NAMES, "names", 0, &x->names, &x->name_count)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, ME_DATE, "date", 0, &x->date)) != IPOFACTS_OK ||
            (st = get_array(L, &el, &r, ME_RELATED, "related", 0, &rel, &rloc)) != IPOFACTS_OK)
            return st;
        if (rel != NULL) {
            size_t nr = (size_t)cJSON_GetArraySize(rel), j = 0;
            const char **ids = nr > 0 ? ipf_dataset_arena_alloc(&L->arena, nr, sizeof *ids) : NULL;
            if (nr > 0 && ids == NULL)
                return nomem(L);
            for (const cJSON *re = rel->child; re != NULL && j < nr; re = re->next, j++) {
                if (!cJSON_IsString(re)) {
                    jloc rl;
                    jloc_init(&rl, rloc, NULL, j, LOC_NONE);
                    return fail(L, IPOFACTS_E_SCHEMA, &rl, "a related member must be a member id string, not %s",
                                type_name(re));
                }
                if ((ids[j] = ipf_dataset_arena_strndup(&L->arena, re->valuestring, strlen(re->valuestring))) == NULL)
                    return nomem(L);
            }
            x->related = ids;
            x->related_count = nr;
        }
        int put = idmap_put(&L->members, x->id, x);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, &el, ME_ID, "id"), "duplicate member id \"%s\"", CLIP(x->id));
    }
    /* Second pass: related ids must name members of the same company. */
    for (i = 0; i < n; i++) {
        for (size_t j = 0; j < m[i].related_count; j++) {
            if (idmap_get(&L->members, m[i].related[j]) != NULL)
                continue;
            jloc el, rl, il;
            jloc_init(&el, loc, NULL, i, LOC_NONE);
            const cJSON *e = cJSON_GetArrayItem(arr, (int)i);
            size_t k = 0;
            for (const cJSON *ch = e->child; ch != NULL && strcmp(ch->string, "related") != 0; ch = ch->next)
                k++;
            jloc_init(&rl, &el, "related", k, LOC_NONE);
            jloc_init(&il, &rl, NULL, j, LOC_NONE);
            return fail(L, IPOFACTS_E_REFERENCE, &il, "no member of this company has the id \"%s\"", CLIP(m[i].related[j]));
        }
    }
    c->members = m;
    c->member_count = n;
    return IPOFACTS_OK;
}

enum { EV_KIND, EV_DATE, EV_NOTE, EV_SOURCES, EV_N };
static const char *const event_names[EV_N] = {"kind", "date", "note", "sources"};

static ipofacts_status read_events(loader *L, jloc *loc, const cJSON *arr, ipofacts_company *c)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0)
        return IPOFACTS_OK;
    ipofacts_event *v = ipf_dataset_arena_alloc(&L->arena, n, sizeof *v);
    if (v == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "an event must be an object, not %s", type_name(e));
        objr r;
        ipofacts_event *x = &v[i];
        const cJSON *srcs;
        jloc *sloc;
        if ((st = read_object(L, &el, e, event_names, EV_N, &r, &x->extras)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, EV_KIND, "kind", 1, 1, &x->kind)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, EV_DATE, "date", 1, &x->date)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, EV_NOTE, "note", 0, 0, &x->note)) != IPOFACTS_OK ||
            (st = get_array(L, &el, &r, EV_SOURCES, "sources", 0, &srcs, &sloc)) != IPOFACTS_OK)
            return st;
        if (srcs != NULL &&
            (st = read_citations(L, sloc, srcs, &x->citations, &x->citation_count, &x->citation_extras, NULL)) !=
                IPOFACTS_OK)
            return st;
    }
    c->events = v;
    c->event_count = n;
    return IPOFACTS_OK;
}

enum { PD_ID, PD_LABEL, PD_START, PD_END, PD_INSTANT, PD_N };
static const char *const period_names[PD_N] = {"id", "label", "start", "end", "instant"};

static ipofacts_status need_day(loader *L, jloc *oloc, objr *r, size_t k, const char *name, const ipofacts_date *d)
{
    if (d->precision != IPOFACTS_DATE_DAY)
        return fail(L, IPOFACTS_E_DATE, mloc(r, oloc, k, name), "\"%s\" of a period must be a full date YYYY-MM-DD",
                    name);
    return IPOFACTS_OK;
}

static ipofacts_status read_periods(loader *L, jloc *loc, const cJSON *arr, ipofacts_company *c)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0)
        return IPOFACTS_OK;
    ipofacts_period *p = ipf_dataset_arena_alloc(&L->arena, n, sizeof *p);
    if (p == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "a period must be an object, not %s", type_name(e));
        objr r;
        ipofacts_period *x = &p[i];
        x->company = c;
        x->index = i;
        ipofacts_date start, end, instant;
        if ((st = read_object(L, &el, e, period_names, PD_N, &r, &x->extras)) != IPOFACTS_OK ||
            (st = get_id(L, &el, &r, PD_ID, "id", 1, &x->id)) != IPOFACTS_OK ||
            (st = get_string(L, &el, &r, PD_LABEL, "label", 0, 0, &x->label)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, PD_START, "start", 0, &start)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, PD_END, "end", 0, &end)) != IPOFACTS_OK ||
            (st = get_date(L, &el, &r, PD_INSTANT, "instant", 0, &instant)) != IPOFACTS_OK)
            return st;
        int has_start = r.v[PD_START] != NULL, has_end = r.v[PD_END] != NULL, has_instant = r.v[PD_INSTANT] != NULL;
        if (has_instant) {
            if (has_start || has_end)
                return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, &el, PD_INSTANT, "instant"),
                            "a period has either \"instant\" or \"start\" and \"end\", not both");
            if ((st = need_day(L, &el, &r, PD_INSTANT, "instant", &instant)) != IPOFACTS_OK)
                return st;
            x->is_instant = 1;
            x->end = instant;
            x->months = 0;
        } else {
            if (!has_start || !has_end)
                return fail(L, IPOFACTS_E_SCHEMA, &el,
                            has_start ? "missing member \"end\": a duration needs \"start\" and \"end\""
                            : has_end ? "missing member \"start\": a duration needs \"start\" and \"end\""
                                      : "a period needs \"start\" and \"end\", or \"instant\"");
            if ((st = need_day(L, &el, &r, PD_START, "start", &start)) != IPOFACTS_OK ||
                (st = need_day(L, &el, &r, PD_END, "end", &end)) != IPOFACTS_OK)
                return st;
            int32_t months = 0;
            st = ipofacts_months_between(&months, &start, &end);
            if (st == IPOFACTS_E_DATE) {
                char a[IPOFACTS_DATE_STRING_SIZE], b[IPOFACTS_DATE_STRING_SIZE];
                ipofacts_date_format(&start, a, sizeof a);
                ipofacts_date_format(&end, b, sizeof b);
                return fail(L, IPOFACTS_E_DATE, mloc(&r, &el, PD_END, "end"), "period \"%s\" ends (%s) before it starts (%s)",
                            CLIP(x->id), b, a);
            }
            if (st != IPOFACTS_OK && st != IPOFACTS_E_RANGE)
                return fail(L, st, &el, "period \"%s\" has dates that cannot be used", CLIP(x->id));
            x->start = start;
            x->end = end;
            x->months = months;
        }
        int put = idmap_put(&L->periods, x->id, x);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, &el, PD_ID, "id"), "duplicate period id \"%s\"", CLIP(x->id));
    }
    c->periods = p;
    c->period_count = n;
    return IPOFACTS_OK;
}

enum { FA_ID, FA_CONCEPT, FA_PERIOD, FA_SEGMENT, FA_UNIT, FA_VALUE, FA_UPPER, FA_DECIMALS, FA_QUALIFIER, FA_NOTE,
       FA_SOURCES, FA_N };
static const char *const fact_names[FA_N] = {"id",    "concept",  "period",    "segment", "unit",   "value",
                                             "upper", "decimals", "qualifier", "note",    "sources"};

static ipofacts_status get_decimal(loader *L, jloc *oloc, objr *r, size_t k, const char *name, ipofacts_decimal *out)
{
    const cJSON *v = r->v[k];
    jloc *loc = mloc(r, oloc, k, name);
    if (cJSON_IsNumber(v))
        return fail(L, IPOFACTS_E_SCHEMA, loc,
                    "\"%s\" must be a decimal in a string (\"30523000\"), not a JSON number, so no digit is lost",
                    name);
    if (!cJSON_IsString(v))
        return fail(L, IPOFACTS_E_SCHEMA, loc, "\"%s\" must be a decimal string, not %s", name, type_name(v));
    ipofacts_status st = ipofacts_decimal_parse(out, v->valuestring, strlen(v->valuestring));
    if (st == IPOFACTS_E_OVERFLOW)
        return fail(L, st, loc, "\"%s\" has more than 18 significant digits or an exponent out of range",
                    CLIP(v->valuestring));
    if (st != IPOFACTS_OK)
        return fail(L, IPOFACTS_E_SYNTAX, loc, "\"%s\" is not a decimal number", CLIP(v->valuestring));
    return IPOFACTS_OK;
}

static ipofacts_status read_fact(loader *L, jloc *el, const cJSON *e, ipofacts_company *c, ipofacts_fact *x)
{
    objr r;
    ipofacts_status st;
    const char *period_id, *segment;
    /* The members few facts have, stored apart (ipf_dataset_fact_set_rare). */
    const ipf_extras *extras;
    ipofacts_decimal upper;
    int has_upper = 0;
    const char *note;
    if ((st = read_object(L, el, e, fact_names, FA_N, &r, &extras)) != IPOFACTS_OK ||
        (st = get_id(L, el, &r, FA_ID, "id", 0, &x->id)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, FA_CONCEPT, "concept", 1, 1, &x->concept_id)) != IPOFACTS_OK)
        return st;
    if (x->concept_id[0] == '\0')
        return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_CONCEPT, "concept"), "\"concept\" must not be empty");
    x->concept = (uint16_t)ipofacts_concept_from_id(x->concept_id);

    const cJSON *pv = r.v[FA_PERIOD];
    if (pv == NULL)
        return missing(L, el, "period", "a period id");
    if (!cJSON_IsString(pv))
        return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_PERIOD, "period"), "\"period\" must be a string, not %s",
                    type_name(pv));
    period_id = pv->valuestring;
    x->period = idmap_get(&L->periods, period_id);
    if (x->period == NULL)
        return fail(L, IPOFACTS_E_REFERENCE, mloc(&r, el, FA_PERIOD, "period"),
                    "no period of company \"%s\" has the id \"%s\"", CLIP(c->id), CLIP(period_id));

    const cJSON *sv = r.v[FA_SEGMENT];
    if (sv != NULL) {
        if (!cJSON_IsString(sv))
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_SEGMENT, "segment"),
                        "\"segment\" must be a member id string, not %s", type_name(sv));
        segment = sv->valuestring;
        const ipofacts_member *m = idmap_get(&L->members, segment);
        if (m == NULL)
            return fail(L, IPOFACTS_E_REFERENCE, mloc(&r, el, FA_SEGMENT, "segment"),
                        "no member of company \"%s\" has the id \"%s\"", CLIP(c->id), CLIP(segment));
        x->segment = m->id;
    }

    if ((st = get_string(L, el, &r, FA_UNIT, "unit", 1, 1, &x->unit)) != IPOFACTS_OK)
        return st;
    if (ipofacts_unit_classify(x->unit) == IPOFACTS_UNIT_INVALID)
        return fail(L, IPOFACTS_E_UNIT, mloc(&r, el, FA_UNIT, "unit"), "unknown unit \"%s\"", CLIP(x->unit));

    if (r.v[FA_VALUE] == NULL)
        return missing(L, el, "value", "a decimal string");
    if ((st = get_decimal(L, el, &r, FA_VALUE, "value", &x->value)) != IPOFACTS_OK)
        return st;

    const cJSON *dv = r.v[FA_DECIMALS];
    if (dv == NULL)
        return missing(L, el, "decimals", "an integer or \"INF\"");
    if (cJSON_IsString(dv) && strcmp(dv->valuestring, "INF") == 0) {
        x->decimals = IPOFACTS_DECIMALS_INF;
    } else {
        int32_t d = 0;
        int present;
        if (cJSON_IsString(dv))
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_DECIMALS, "decimals"),
                        "\"decimals\" must be an integer or \"INF\", not \"%s\"", CLIP(dv->valuestring));
        if ((st = get_int(L, el, &r, FA_DECIMALS, "decimals", IPOFACTS_DECIMAL_EXPONENT_MIN,
                          IPOFACTS_DECIMAL_EXPONENT_MAX, &d, &present)) != IPOFACTS_OK)
            return st;
        x->decimals = d;
    }

    ipofacts_qualifier q = IPOFACTS_QUALIFIER_EXACT;
    if (r.v[FA_QUALIFIER] != NULL) {
        if (!cJSON_IsString(r.v[FA_QUALIFIER]))
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_QUALIFIER, "qualifier"),
                        "\"qualifier\" must be a string, not %s", type_name(r.v[FA_QUALIFIER]));
        if (ipofacts_qualifier_from_name(&q, r.v[FA_QUALIFIER]->valuestring) != IPOFACTS_OK)
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_QUALIFIER, "qualifier"),
                        "unknown qualifier \"%s\" (exact, approximately, at_least, at_most, range)",
                        CLIP(r.v[FA_QUALIFIER]->valuestring));
        x->flags |= IPF_FACT_HAS_QUALIFIER;
    }
    x->qualifier = (uint8_t)q;

    if (r.v[FA_UPPER] != NULL) {
        if (q != IPOFACTS_QUALIFIER_RANGE)
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_UPPER, "upper"),
                        "\"upper\" is allowed only with the qualifier \"range\"");
        if ((st = get_decimal(L, el, &r, FA_UPPER, "upper", &upper)) != IPOFACTS_OK)
            return st;
        if (ipofacts_decimal_cmp(&upper, &x->value) < 0)
            return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_UPPER, "upper"),
                        "\"upper\" is below \"value\" in a range");
        has_upper = 1;
    } else if (q == IPOFACTS_QUALIFIER_RANGE) {
        return missing(L, el, "upper", "the upper end of a range");
    }

    if ((st = get_string(L, el, &r, FA_NOTE, "note", 0, 0, &note)) != IPOFACTS_OK)
        return st;

    const cJSON *srcs;
    jloc *sloc;
    if ((st = get_array(L, el, &r, FA_SOURCES, "sources", 1, &srcs, &sloc)) != IPOFACTS_OK)
        return st;
    if (srcs == NULL || cJSON_GetArraySize(srcs) == 0)
        return fail(L, IPOFACTS_E_SCHEMA, sloc, "a fact needs at least one source");
    size_t ncit;
    const ipf_extras *const *cextras;
    if ((st = read_citations(L, sloc, srcs, &x->citations, &ncit, &cextras, &x->best_rank)) != IPOFACTS_OK)
        return st;
    if (ncit > UINT32_MAX)
        return fail(L, IPOFACTS_E_SCHEMA, sloc, "a fact has more than 4294967295 sources");
    x->citation_count = (uint32_t)ncit;
    if (ipf_dataset_fact_set_rare(&L->arena, x, has_upper ? &upper : NULL, note, extras, cextras) != IPOFACTS_OK)
        return nomem(L);

    if (x->id != NULL) {
        int put = idmap_put(&L->facts, x->id, x);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, FA_ID, "id"), "duplicate fact id \"%s\"", CLIP(x->id));
    }
    return IPOFACTS_OK;
}

static ipofacts_status read_facts(loader *L, jloc *loc, const cJSON *arr, ipofacts_company *c)
{
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n == 0)
        return IPOFACTS_OK;
    ipofacts_fact *f = ipf_dataset_arena_alloc(&L->arena, n, sizeof *f);
    if (f == NULL)
        return nomem(L);
    size_t i = 0;
    ipofacts_status st;
    for (const cJSON *e = arr->child; e != NULL && i < n; e = e->next, i++) {
        jloc el;
        jloc_init(&el, loc, NULL, i, LOC_NONE);
        if (!cJSON_IsObject(e))
            return fail(L, IPOFACTS_E_SCHEMA, &el, "a fact must be an object, not %s", type_name(e));
        if ((st = read_fact(L, &el, e, c, &f[i])) != IPOFACTS_OK)
            return st;
    }
    c->facts = f;
    c->fact_count = n;
    return IPOFACTS_OK;
}

enum { CO_ID, CO_NAMES, CO_EXCHANGE, CO_TICKER, CO_IDENTIFIERS, CO_FOUNDED, CO_LISTED, CO_CURRENCY,
       CO_FISCAL_YEAR_END, CO_PEOPLE, CO_MEMBERS, CO_EVENTS, CO_PERIODS, CO_FACTS, CO_N };
static const char *const company_names[CO_N] = {
    "id",       "names",           "exchange", "ticker",  "identifiers", "founded", "listed",
    "currency", "fiscal_year_end", "people",   "members", "events",      "periods", "facts"};

static ipofacts_status read_company(loader *L, jloc *loc, const cJSON *obj, ipofacts_company *c)
{
    objr r;
    ipofacts_status st;
    if (!cJSON_IsObject(obj))
        return fail(L, IPOFACTS_E_SCHEMA, loc, "a company must be an object, not %s", type_name(obj));
    idmap_clear(&L->periods);
    idmap_clear(&L->members);
    idmap_clear(&L->people);
    idmap_clear(&L->facts);
    if ((st = read_object(L, loc, obj, company_names, CO_N, &r, &c->extras)) != IPOFACTS_OK ||
        (st = get_id(L, loc, &r, CO_ID, "id", 1, &c->id)) != IPOFACTS_OK ||
        (st = get_pairs(L, loc, &r, CO_NAMES, "names", 1, &c->names, &c->name_count)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_EXCHANGE, "exchange", 0, 1, &c->exchange)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_TICKER, "ticker", 0, 0, &c->ticker)) != IPOFACTS_OK ||
        (st = get_pairs(L, loc, &r, CO_IDENTIFIERS, "identifiers", 0, &c->identifiers, &c->identifier_count)) !=
            IPOFACTS_OK ||
        (st = get_date(L, loc, &r, CO_FOUNDED, "founded", 0, &c->founded)) != IPOFACTS_OK ||
        (st = get_date(L, loc, &r, CO_LISTED, "listed", 0, &c->listed)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_CURRENCY, "currency", 0, 1, &c->currency)) != IPOFACTS_OK)
        return st;
    int put = idmap_put(&L->companies, c->id, c);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return fail(L, IPOFACTS_E_DUPLICATE, mloc(&r, loc, CO_ID, "id"), "duplicate company id \"%s\"", CLIP(c->id));
    if (c->ticker != NULL && c->ticker[0] == '\0')
        return fail(L, IPOFACTS_E_SCHEMA, mloc(&r, loc, CO_TICKER, "ticker"), "\"ticker\" must not be empty");
    if (c->currency != NULL && ipofacts_unit_classify(c->currency) != IPOFACTS_UNIT_CURRENCY)
        return fail(L, IPOFACTS_E_UNIT, mloc(&r, loc, CO_CURRENCY, "currency"),
                    "\"%s\" is not an ISO 4217 currency code", CLIP(c->currency));
    int32_t fye = 12;
    int has_fye;
    if ((st = get_int(L, loc, &r, CO_FISCAL_YEAR_END, "fiscal_year_end", 1, 12, &fye, &has_fye)) != IPOFACTS_OK)
        return st;
    c->fiscal_year_end = fye;
    c->has_fiscal_year_end = (uint8_t)has_fye;

    const cJSON *arr;
    jloc *aloc;
    if ((st = get_array(L, loc, &r, CO_PEOPLE, "people", 0, &arr, &aloc)) != IPOFACTS_OK ||
        (arr != NULL && (st = read_people(L, aloc, arr, c)) != IPOFACTS_OK))
        return st;
    if ((st = get_array(L, loc, &r, CO_MEMBERS, "members", 0, &arr, &aloc)) != IPOFACTS_OK ||
        (arr != NULL && (st = read_members(L, aloc, arr, c)) != IPOFACTS_OK))
        return st;
    if ((st = get_array(L, loc, &r, CO_EVENTS, "events", 0, &arr, &aloc)) != IPOFACTS_OK ||
        (arr != NULL && (st = read_events(L, aloc, arr, c)) != IPOFACTS_OK))
        return st;
    if ((st = get_array(L, loc, &r, CO_PERIODS, "periods", 0, &arr, &aloc)) != IPOFACTS_OK ||
        (arr != NULL && (st = read_periods(L, aloc, arr, c)) != IPOFACTS_OK))
        return st;
    if ((st = get_array(L, loc, &r, CO_FACTS, "facts", 0, &arr, &aloc)) != IPOFACTS_OK ||
        (arr != NULL && (st = read_facts(L, aloc, arr, c)) != IPOFACTS_OK))
        return st;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* The top level                                                       */
/* ------------------------------------------------------------------ */

/*
 * cJSON_ParseWithLengthOpts() writes cJSON's global error record on every
 * call (even when the caller asks for return_parse_end and never reads the
 * record), so two threads parsing at once would race on it. This lock
 * serialises only those calls; everything else of a load runs in parallel.
 */
static pthread_mutex_t cjson_parse_lock = PTHREAD_MUTEX_INITIALIZER;

/* Parses text[off, end) with cJSON; the scan has checked it. */
static ipofacts_status parse_part(loader *L, size_t off, size_t end, cJSON **out)
{
    const char *stop = NULL;
    pthread_mutex_lock(&cjson_parse_lock);
    *out = cJSON_ParseWithLengthOpts(L->text + off, end - off, &stop, 0);
    pthread_mutex_unlock(&cjson_parse_lock);
    if (*out == NULL) {
        /* The grammar was checked already: the parser ran out of memory. */
        return nomem(L);
    }
    return IPOFACTS_OK;
}

static ipofacts_status load_root(loader *L)
{
    ipofacts_status st;
    jloc root;
    jloc_init(&root, NULL, NULL, 0, L->root_off);
    if (L->text[L->root_off] != '{')
        return fail(L, IPOFACTS_E_SCHEMA, &root, "the top level must be a JSON object");

    size_t n = L->nmembers_span;
    char **keys = calloc(n ? n : 1, sizeof *keys);
    jloc *locs = calloc(n ? n : 1, sizeof *locs);
    cJSON *part = NULL;
    if (keys == NULL || locs == NULL) {
        st = nomem(L);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        ipf_json_buf b = {0};
        ipf_json_decode_string(&b, L->text, L->len, L->members_span[i].key_off);
        ipf_json_buf_append(&b, "", 1);
        if (b.oom) {
            free(b.data);
            st = nomem(L);
            goto done;
        }
        keys[i] = b.data;
        jloc_init(&locs[i], &root, keys[i], i, L->members_span[i].val_off);
    }
    size_t d = first_duplicate((const char *const *)keys, n);
    if (d == LOC_NONE - 1) {
        st = nomem(L);
        goto done;
    }
    if (d != LOC_NONE) {
        st = fail(L, IPOFACTS_E_DUPLICATE, &locs[d], "duplicate member \"%s\" in an object", CLIP(keys[d]));
        goto done;
    }
    size_t fmt = LOC_NONE, src = LOC_NONE, comp = LOC_NONE, unknown = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(keys[i], "format") == 0)
            fmt = i;
        else if (strcmp(keys[i], "sources") == 0)
            src = i;
        else if (strcmp(keys[i], "companies") == 0)
            comp = i;
        else
            unknown++;
    }

    /* The format first: nothing else means anything in another version. */
    if (fmt == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"format\" (\"%s\")", IPOFACTS_DATASET_FORMAT);
        goto done;
    }
    const span *fs = &L->members_span[fmt];
    if (L->text[fs->val_off] != '"') {
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[fmt], "\"format\" must be the string \"%s\"", IPOFACTS_DATASET_FORMAT);
        goto done;
    }
    {
        ipf_json_buf b = {0};
        ipf_json_decode_string(&b, L->text, L->len, fs->val_off);
        ipf_json_buf_append(&b, "", 1);
        if (b.oom) {
            free(b.data);
            st = nomem(L);
            goto done;
        }
        int ok = strcmp(b.data, IPOFACTS_DATASET_FORMAT) == 0;
        if (!ok)
            fail(L, IPOFACTS_E_VERSION, &locs[fmt], "unknown format \"%s\"; this library reads \"%s\"", CLIP(b.data),
                 IPOFACTS_DATASET_FORMAT);
        free(b.data);
        if (!ok) {
            st = IPOFACTS_E_VERSION;
            goto done;
        }
    }

    /* Sources. */
    if (src == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"sources\" (an array, may be empty)");
        goto done;
    }
    if ((st = parse_part(L, L->members_span[src].val_off, L->members_span[src].val_end, &part)) != IPOFACTS_OK)
        goto done;
    if (!cJSON_IsArray(part)) {
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[src], "\"sources\" must be an array, not %s", type_name(part));
        goto done;
    }
    if ((st = read_sources(L, &locs[src], part)) != IPOFACTS_OK)
        goto done;
    cJSON_Delete(part);
    part = NULL;

    /* Companies, one at a time. */
    if (comp == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"companies\" (an array, may be empty)");
        goto done;
    }
    const span *cs = &L->members_span[comp];
    if (L->text[cs->val_off] != '[') {
        if ((st = parse_part(L, cs->val_off, cs->val_end, &part)) != IPOFACTS_OK)
            goto done;
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[comp], "\"companies\" must be an array, not %s", type_name(part));
        goto done;
    }
    if (cs->count > 0) {
        ipofacts_company *c = ipf_dataset_arena_alloc(&L->arena, cs->count, sizeof *c);
        if (c == NULL) {
            st = nomem(L);
            goto done;
        }
        L->ds->companies = c;
        L->ds->company_count = cs->count;
        for (size_t i = 0; i < cs->count; i++) {
            const span *es = &L->elems[cs->first + i];
            if ((st = parse_part(L, es->val_off, es->val_end, &part)) != IPOFACTS_OK)
                goto done;
            jloc cl;
            jloc_init(&cl, &locs[comp], NULL, i, es->val_off);
            c[i].dataset = L->ds;
            c[i].index = i;
            if ((st = read_company(L, &cl, part, &c[i])) != IPOFACTS_OK)
                goto done;
            cJSON_Delete(part);
            part = NULL;
        }
    }

    /* Members of the top level this version does not know. */
    if (unknown > 0) {
        ipf_extras *e = ipf_dataset_arena_alloc(&L->arena, 1, sizeof *e + unknown * sizeof e->items[0]);
        if (e == NULL) {
            st = nomem(L);
            goto done;
        }
        for (size_t i = 0; i < n; i++) {
            if (i == fmt || i == src || i == comp)
                continue;
            const span *s = &L->members_span[i];
            if ((st = parse_part(L, s->val_off, s->val_end, &part)) != IPOFACTS_OK ||
                (st = check_deep(L, &locs[i], part)) != IPOFACTS_OK)
                goto done;
            cJSON_Delete(part);
            part = NULL;
            if ((st = keep_member(L, keys[i], s->val_off, &e->items[e->count].text, &e->items[e->count].len)) !=
                IPOFACTS_OK)
                goto done;
            e->count++;
        }
        L->ds->extras = e;
    }
    st = IPOFACTS_OK;
done:
    cJSON_Delete(part);
    if (keys != NULL)
        for (size_t i = 0; i < n; i++)
            free(keys[i]);
    free(keys);
    free(locs);
    return st;
}

static ipofacts_status load(ipofacts_dataset **out, const char *data, size_t len, const char *file,
                            ipofacts_error *error)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.text = data;
    L.len = len;
    L.file = file;
    L.err = error;
    ipofacts_status st = check_bytes(&L);
    if (st == IPOFACTS_OK)
        st = scan(&L);
    if (st == IPOFACTS_OK) {
        L.ds = ipf_dataset_arena_alloc(&L.arena, 1, sizeof *L.ds);
        st = L.ds == NULL ? nomem(&L) : load_root(&L);
    }
    if (st == IPOFACTS_OK) {
        /* The dataset lives in its own arena: hand the arena over to it,
         * then build the indexes in it. */
        L.ds->arena = L.arena;
        memset(&L.arena, 0, sizeof L.arena);
        if (ipf_dataset_build_indexes(L.ds) != IPOFACTS_OK) {
            st = nomem(&L);
            ipofacts_dataset_free(L.ds);
            L.ds = NULL;
        }
    }
    free(L.interned);
    idmap_free(&L.sources);
    idmap_free(&L.companies);
    idmap_free(&L.periods);
    idmap_free(&L.members);
    idmap_free(&L.people);
    idmap_free(&L.facts);
    free(L.tmp.data);
    free(L.members_span);
    free(L.elems);
    if (st != IPOFACTS_OK) {
        ipf_dataset_arena_free(&L.arena);
        return st;
    }
    *out = L.ds;
    ipf_error_clear(error);
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_dataset_load_buffer(ipofacts_dataset **out, const char *data, size_t len,
                                                          ipofacts_error *error)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL || (data == NULL && len > 0)) {
        ipf_error_set(error, IPOFACTS_E_INVALID, NULL, 0, 0, 0, NULL,
                      out == NULL ? "no place for the dataset (out is NULL)" : "data is NULL");
        return IPOFACTS_E_INVALID;
    }
    return load(out, data != NULL ? data : "", len, NULL, error);
}

IPOFACTS_API ipofacts_status ipofacts_dataset_load_file(ipofacts_dataset **out, const char *path,
                                                        ipofacts_error *error)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL || path == NULL) {
        ipf_error_set(error, IPOFACTS_E_INVALID, path, 0, 0, 0, NULL,
                      out == NULL ? "no place for the dataset (out is NULL)" : "path is NULL");
        return IPOFACTS_E_INVALID;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot open %s: %s", path, strerror(e));
        return IPOFACTS_E_IO;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot read %s: %s", path, strerror(e));
        close(fd);
        return IPOFACTS_E_IO;
    }
    if (!S_ISREG(sb.st_mode)) {
        ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot read %s: %s", path,
                      S_ISDIR(sb.st_mode) ? "it is a directory" : "it is not a regular file");
        close(fd);
        return IPOFACTS_E_IO;
    }
    if ((uint64_t)sb.st_size > MAX_INPUT) {
        ipf_error_set(error, IPOFACTS_E_TOO_LARGE, path, 0, 0, 0, NULL, "%s is larger than 2 GiB", path);
        close(fd);
        return IPOFACTS_E_TOO_LARGE;
    }
    size_t size = (size_t)sb.st_size;
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        close(fd);
        ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory reading %s", path);
        return IPOFACTS_E_NOMEM;
    }
    size_t got = 0;
    for (;;) {
        if (got == size) {
            /* The file may have grown since fstat; read until the end. */
            char probe;
            ssize_t k = read(fd, &probe, 1);
            if (k == 0)
                break;
            if (k < 0 && errno == EINTR)
                continue;
            if (k < 0) {
                int e = errno;
                ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot read %s: %s", path, strerror(e));
                free(buf);
                close(fd);
                return IPOFACTS_E_IO;
            }
            if (size >= MAX_INPUT) {
                ipf_error_set(error, IPOFACTS_E_TOO_LARGE, path, 0, 0, 0, NULL, "%s is larger than 2 GiB", path);
                free(buf);
                close(fd);
                return IPOFACTS_E_TOO_LARGE;
            }
            size_t nsize = size < 4096 ? 8192 : size * 2;
            char *nb = realloc(buf, nsize + 1);
            if (nb == NULL) {
                ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory reading %s", path);
                free(buf);
                close(fd);
                return IPOFACTS_E_NOMEM;
            }
            buf = nb;
            size = nsize;
            buf[got++] = probe;
            continue;
        }
        ssize_t k = read(fd, buf + got, size - got);
        if (k == 0)
            break;
        if (k < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot read %s: %s", path, strerror(e));
            free(buf);
            close(fd);
            return IPOFACTS_E_IO;
        }
        got += (size_t)k;
    }
    close(fd);
    buf[got] = '\0';
    ipofacts_status st = load(out, buf, got, path, error);
    free(buf);
    return st;
}
