/*
 * Loading a dataset from JSON (docs/data-format.md).
 *
 * One parser reads the text and builds the model as it goes: the readers of
 * this file walk the raw text with a cursor, check the JSON grammar, the
 * nesting and string limits and the UTF-8 of every string as they meet them
 * (outside strings, valid JSON is ASCII), and copy strings straight into the
 * dataset's arena (decoding those that hold escapes). No JSON tree is
 * built. An object is read in two steps: its members are lexed in order
 * (the offset, type and extent of each known member are noted, unknown
 * members are checked and later kept as canonical text), then the known
 * members are read in a fixed order, so a file gives the same result
 * whatever the order of its members.
 *
 * The text is read by a fast pass and, only when that pass refuses it, by a
 * careful pass:
 *
 *  - the fast pass reads it once, in file order, and reads the big arrays
 *    (a company's periods, facts, ...; a fact's citations) where they stand.
 *    It refuses anything unexpected without saying why, including files
 *    that are valid but whose order it cannot follow (a company's facts
 *    before its periods, companies before sources).
 *  - when the fast pass refuses a text, the careful pass reads it again in
 *    the documented order of checks: the raw bytes (size, UTF-8, NUL), then
 *    the whole grammar (nesting, strings), then the model, each object's
 *    member names first, then its unknown members, then its known members
 *    in a fixed order. The careful pass decides, and gives the error with
 *    its place and path. A valid file that the fast pass could not follow
 *    loads here.
 *
 * Both passes share the readers; the careful pass only changes when the
 * arrays of an object are read (after its other members) and reads the top
 * level in its documented order (format, sources, companies, the rest).
 *
 * Nothing here keeps global state.
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <unistr.h>

#include "dataset_internal.h"
#include "internal.h"

#define MAX_DEPTH 64
#define MAX_STRING ((size_t)1 << 20)
#define MAX_INPUT ((uint64_t)2 << 30)
#define LOC_NONE SIZE_MAX
#define ID_MAX 128

/* The fast pass refuses a text with this status and no message; the
 * careful pass then gives the real one. */
#define REFUSED IPOFACTS_E_SYNTAX

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORD_SKIP 1
#else
#define WORD_SKIP 0
#endif

/* ------------------------------------------------------------------ */
/* Loader state                                                        */
/* ------------------------------------------------------------------ */

/* A map from id strings (borrowed, NUL-terminated) to indexes. */
typedef struct idslot {
    const char *key;
    size_t len;
    uint64_t hash;
    size_t value;
} idslot;

typedef struct idmap {
    idslot *slots;
    size_t cap;
    size_t count;
} idmap;

/* Interned short strings (concepts, units, languages), each with a cached
 * classification (the concept of a concept id, the kind of a unit). */
typedef struct islot {
    const char *s;
    size_t len;
    uint64_t hash;
    int aux;
} islot;

#define AUX_UNSET (-1000)

/* A growable array of fixed-size elements, reused across the load. */
typedef struct vec {
    char *data;
    size_t len, cap, size;
} vec;

/* The place of a value: its parent, its member name or index, its offset. */
typedef struct jloc {
    const struct jloc *parent; /* NULL for the top-level value */
    const char *key;           /* member name (NUL-terminated), or NULL */
    size_t key_off;            /* or the member name's opening quote in the text; LOC_NONE */
    size_t index;              /* position among the parent's children */
    size_t off;                /* byte offset of the value */
} jloc;

/* A member this version does not know, met while lexing an object. */
typedef struct unknown_member {
    char *key; /* decoded, malloc'd */
    size_t len;
    size_t index;
    size_t off;
} unknown_member;

/* A top-level member (careful pass). */
typedef struct span {
    size_t key_off; /* the key's opening quote */
    size_t val_off; /* first byte of the value */
} span;

typedef struct loader {
    const char *text;
    const unsigned char *u; /* the same bytes, unsigned */
    size_t len;
    const char *file;
    ipofacts_error *err;
    int careful; /* 0 in the fast pass, 1 in the careful pass */
    ipf_dataset_arena arena;
    ipofacts_dataset *ds;
    islot *interned;
    size_t intern_cap, intern_count;
    idmap sources;                         /* source id -> index */
    idmap companies;                       /* company id -> index */
    idmap periods, members, people, facts; /* of the company being read */
    ipf_json_buf tmp;                      /* decoded strings, canonical text */
    vec unknown;                           /* unknown_member, a stack over nested objects */
    vec v_sources, v_companies, v_people, v_members, v_events, v_periods, v_facts, v_citations, v_related,
        v_strings; /* elements of the array being read, copied to the arena at its end */
    vec v_cextras; /* the unknown members of each citation of v_citations (NULL for none) */
    int any_cextras; /* a citation of v_citations has unknown members */
    /* the fact being read: its citations' unknown members, for its rare part */
    const ipf_extras *const *fact_cextras;
    /* careful pass: the top-level members */
    size_t root_off;
    span *members_span;
    size_t nmembers_span, cap_members_span;
} loader;

static void jloc_init(jloc *l, const jloc *parent, const char *key, size_t index, size_t off)
{
    l->parent = parent;
    l->key = key;
    l->key_off = LOC_NONE;
    l->index = index;
    l->off = off;
}

/* ------------------------------------------------------------------ */
/* Positions and errors                                                */
/* ------------------------------------------------------------------ */

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

static void path_key(char *buf, size_t size, size_t *used, const char *key)
{
    if (plain_key(key)) {
        path_append(buf, size, used, ".", 1);
        path_append(buf, size, used, key, strlen(key));
    } else {
        path_append(buf, size, used, "[\"", 2);
        for (const char *k = key; *k != '\0'; k++) {
            if (*k == '"' || *k == '\\')
                path_append(buf, size, used, "\\", 1);
            path_append(buf, size, used, k, 1);
        }
        path_append(buf, size, used, "\"]", 2);
    }
}

static void path_build(const loader *L, const jloc *l, char *buf, size_t size, size_t *used)
{
    if (l == NULL)
        return;
    if (l->parent == NULL) {
        path_append(buf, size, used, "$", 1);
        return;
    }
    path_build(L, l->parent, buf, size, used);
    if (l->key != NULL) {
        path_key(buf, size, used, l->key);
    } else if (l->key_off != LOC_NONE) {
        ipf_json_buf b = {0};
        ipf_json_decode_string(&b, L->text, L->len, l->key_off);
        ipf_json_buf_append(&b, "", 1);
        if (!b.oom)
            path_key(buf, size, used, b.data);
        free(b.data);
    } else {
        char num[32];
        int k = snprintf(num, sizeof num, "[%zu]", l->index);
        path_append(buf, size, used, num, (size_t)k);
    }
}

/* Line (1-based) and column (1-based, in UTF-8 characters) of an offset. */
static void line_column(const loader *L, size_t off, uint32_t *line, uint32_t *col)
{
    const unsigned char *t = L->u;
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
    path_build(L, l, path, sizeof path, &used);
    uint32_t line, col;
    line_column(L, off, &line, &col);
    ipf_error_setv(L->err, st, L->file, line, col, off, path, fmt, ap);
    return st;
}

/* Reports an error at the value of l. */
static ipofacts_status IPF_PRINTF(4, 5) fail(loader *L, ipofacts_status st, const jloc *l, const char *fmt, ...)
{
    size_t off = l != NULL ? l->off : 0;
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

/* An error of the model: reported by the careful pass; the fast pass only
 * returns the status (its arguments are not even evaluated). */
#define FAIL(L, st, l, ...) ((L)->careful ? fail((L), (st), (l), __VA_ARGS__) : (st))

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
/* Growable arrays, id maps and interned strings                       */
/* ------------------------------------------------------------------ */

static void vec_init(vec *v, size_t size)
{
    v->data = NULL;
    v->len = v->cap = 0;
    v->size = size;
}

/* A new zeroed element at the end; NULL when memory runs out. */
static void *vec_push(vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        if (cap > SIZE_MAX / v->size)
            return NULL;
        char *p = realloc(v->data, cap * v->size);
        if (p == NULL)
            return NULL;
        v->data = p;
        v->cap = cap;
    }
    void *e = v->data + v->len * v->size;
    memset(e, 0, v->size);
    v->len++;
    return e;
}

static void *vec_at(const vec *v, size_t i)
{
    return v->data + i * v->size;
}

/* An arena copy of the elements from index base on (NULL when there are
 * none); *ok 0 when memory runs out. */
static void *vec_to_arena(loader *L, const vec *v, size_t base, int *ok)
{
    *ok = 1;
    size_t n = v->len - base;
    if (n == 0)
        return NULL;
    void *p = ipf_dataset_arena_alloc(&L->arena, n, v->size);
    if (p == NULL) {
        *ok = 0;
        return NULL;
    }
    memcpy(p, v->data + base * v->size, n * v->size);
    return p;
}

/* A hash of s[0, n), eight bytes at a time. */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w = (w << 8) | (unsigned char)s[i];
    h = (h ^ w) * UINT64_C(0xC4CEB9FE1A85EC53);
    return h ^ (h >> 29);
}

static void idmap_free(idmap *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

static void idmap_clear(idmap *m)
{
    if (m->count > 0) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
        m->count = 0;
    }
}

static int idmap_grow(idmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    idslot *slots = calloc(cap, sizeof *slots);
    if (slots == NULL)
        return 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key == NULL)
            continue;
        size_t j = (size_t)m->slots[i].hash & (cap - 1);
        while (slots[j].key != NULL)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 1;
}

/* The slot of the key s[0, n), NULL when absent. */
static const idslot *idmap_get(const idmap *m, const char *s, size_t n)
{
    if (m->count == 0)
        return NULL;
    uint64_t h = hash_bytes(s, n);
    size_t j = (size_t)h & (m->cap - 1);
    while (m->slots[j].key != NULL) {
        const idslot *e = &m->slots[j];
        if (e->hash == h && e->len == n && memcmp(e->key, s, n) == 0)
            return e;
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}

/* Adds key -> value (key NUL-terminated, borrowed). Returns 1 (also for a
 * NULL key, which adds nothing), 0 when the key is already there, -1 when
 * memory runs out. */
static int idmap_put(idmap *m, const char *key, size_t value)
{
    if (key == NULL)
        return 1;
    if ((m->count + 1) * 2 > m->cap && !idmap_grow(m))
        return -1;
    size_t n = strlen(key);
    uint64_t h = hash_bytes(key, n);
    size_t j = (size_t)h & (m->cap - 1);
    while (m->slots[j].key != NULL) {
        const idslot *e = &m->slots[j];
        if (e->hash == h && e->len == n && memcmp(e->key, key, n) == 0)
            return 0;
        j = (j + 1) & (m->cap - 1);
    }
    m->slots[j].key = key;
    m->slots[j].len = n;
    m->slots[j].hash = h;
    m->slots[j].value = value;
    m->count++;
    return 1;
}

/* Every string of the dataset is allocated here. */
static const char *arena_str(loader *L, const char *s, size_t n)
{
    return ipf_dataset_arena_strndup(&L->arena, s, n);
}

/* The interned copy of s[0, n); *aux (when not NULL) receives its cached
 * classification, AUX_UNSET until one is stored. NULL when memory runs out. */
static const char *intern(loader *L, const char *s, size_t n, int **aux)
{
    if ((L->intern_count + 1) * 2 > L->intern_cap) {
        size_t cap = L->intern_cap ? L->intern_cap * 2 : 256;
        islot *t = calloc(cap, sizeof *t);
        if (t == NULL)
            return NULL;
        for (size_t i = 0; i < L->intern_cap; i++) {
            if (L->interned[i].s == NULL)
                continue;
            size_t j = (size_t)L->interned[i].hash & (cap - 1);
            while (t[j].s != NULL)
                j = (j + 1) & (cap - 1);
            t[j] = L->interned[i];
        }
        free(L->interned);
        L->interned = t;
        L->intern_cap = cap;
    }
    uint64_t h = hash_bytes(s, n);
    size_t j = (size_t)h & (L->intern_cap - 1);
    while (L->interned[j].s != NULL) {
        islot *e = &L->interned[j];
        if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0) {
            if (aux != NULL)
                *aux = &e->aux;
            return e->s;
        }
        j = (j + 1) & (L->intern_cap - 1);
    }
    const char *copy = arena_str(L, s, n);
    if (copy == NULL)
        return NULL;
    L->interned[j].s = copy;
    L->interned[j].len = n;
    L->interned[j].hash = h;
    L->interned[j].aux = AUX_UNSET;
    L->intern_count++;
    if (aux != NULL)
        *aux = &L->interned[j].aux;
    return copy;
}

/* ------------------------------------------------------------------ */
/* Lexing                                                              */
/* ------------------------------------------------------------------ */

static size_t skip_ws(const loader *L, size_t pos)
{
    const unsigned char *t = L->u;
    size_t n = L->len;
    while (pos < n) {
        unsigned char c = t[pos];
        if (c > ' ')
            return pos;
        if (c == ' ' || c == '\t' || c == '\r') {
            pos++;
            continue;
        }
        if (c != '\n')
            return pos;
        pos++;
#if WORD_SKIP
        /* The indentation after a line feed, eight spaces at a time. */
        while (pos + 8 <= n) {
            uint64_t w;
            memcpy(&w, t + pos, 8);
            w ^= UINT64_C(0x2020202020202020);
            if (w != 0) {
                pos += (size_t)__builtin_ctzll(w) >> 3;
                break;
            }
            pos += 8;
        }
#endif
    }
    return pos;
}

/* After a member or an element at *pos: 1 with *pos on the next one after a
 * comma, 0 with *pos just past `close` at the end of the container, -1 for
 * anything else (which the fast pass leaves to the careful one). */
static int after_item(const loader *L, size_t *pos, unsigned char close)
{
    size_t p = skip_ws(L, *pos);
    if (p >= L->len)
        return -1;
    if (L->u[p] == ',') {
        *pos = skip_ws(L, p + 1);
        return 1;
    }
    if (L->u[p] != close)
        return -1;
    *pos = p + 1;
    return 0;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
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

/* Length of the well-formed UTF-8 sequence at t[pos] (a byte >= 0x80), 0
 * when it is not one (the rules of u8_check: no overlong forms, no
 * surrogates, nothing above U+10FFFF). */
static size_t utf8_sequence(const unsigned char *t, size_t n, size_t pos)
{
    unsigned c = t[pos];
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return pos + 1 < n && (t[pos + 1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (pos + 2 >= n)
            return 0;
        unsigned c1 = t[pos + 1], c2 = t[pos + 2];
        if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (pos + 3 >= n)
            return 0;
        unsigned c1 = t[pos + 1], c2 = t[pos + 2], c3 = t[pos + 3];
        if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* Lexes the string at t[pos] (a quote): valid escapes, no control
 * character, well-formed UTF-8, at most 1 MiB. *end receives the offset
 * after the closing quote, *esc whether it holds an escape. Returns 0 when
 * it is not such a string. */
static int lex_string(const loader *L, size_t pos, size_t *end, int *esc)
{
    const unsigned char *t = L->u;
    size_t n = L->len, start = pos;
    int e = 0;
    pos++;
    for (;;) {
#if defined(__SSE2__)
        {
            const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(' ');
            while (pos + 16 <= n) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + pos));
                /* Signed comparison: bytes >= 0x80 are below ' ' too. */
                __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                         _mm_cmplt_epi8(v, space));
                unsigned bits = (unsigned)_mm_movemask_epi8(m);
                if (bits != 0) {
                    pos += (size_t)__builtin_ctz(bits);
                    goto special;
                }
                pos += 16;
            }
        }
#endif
        while (pos < n && t[pos] >= 0x20 && t[pos] < 0x80 && t[pos] != '"' && t[pos] != '\\')
            pos++;
        if (pos >= n)
            return 0;
#if defined(__SSE2__)
    special:
#endif
        {
            unsigned char c = t[pos];
            if (c == '"')
                break;
            if (c >= 0x80) {
                size_t k = utf8_sequence(t, n, pos);
                if (k == 0)
                    return 0;
                pos += k;
                continue;
            }
            if (c < 0x20 || pos + 1 >= n)
                return 0;
            /* A backslash. */
            e = 1;
            c = t[pos + 1];
            if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't') {
                pos += 2;
                continue;
            }
            unsigned u, lo;
            if (c != 'u' || !read_hex4(t, n, pos + 2, &u) || u == 0 || (u >= 0xDC00 && u <= 0xDFFF))
                return 0;
            pos += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (!(pos + 1 < n && t[pos] == '\\' && t[pos + 1] == 'u' && read_hex4(t, n, pos + 2, &lo) &&
                      lo >= 0xDC00 && lo <= 0xDFFF))
                    return 0;
                pos += 6;
            }
        }
    }
    pos++;
    if (pos - start - 2 > MAX_STRING)
        return 0;
    *end = pos;
    *esc = e;
    return 1;
}

/* Lexes the JSON number at t[pos]; 0 when it is not one. */
static int lex_number(const loader *L, size_t pos, size_t *end)
{
    const unsigned char *t = L->u;
    size_t n = L->len;
    if (pos < n && t[pos] == '-')
        pos++;
    if (pos >= n)
        return 0;
    if (t[pos] == '0') {
        pos++;
    } else if (is_digit(t[pos])) {
        while (pos < n && is_digit(t[pos]))
            pos++;
    } else {
        return 0;
    }
    if (pos < n && t[pos] == '.') {
        pos++;
        if (pos >= n || !is_digit(t[pos]))
            return 0;
        while (pos < n && is_digit(t[pos]))
            pos++;
    }
    if (pos < n && (t[pos] == 'e' || t[pos] == 'E')) {
        pos++;
        if (pos < n && (t[pos] == '+' || t[pos] == '-'))
            pos++;
        if (pos >= n || !is_digit(t[pos]))
            return 0;
        while (pos < n && is_digit(t[pos]))
            pos++;
    }
    *end = pos;
    return 1;
}

/* Lexes one scalar (string, number, true, false, null) at t[pos]. */
static int lex_scalar(const loader *L, size_t pos, size_t *end)
{
    const unsigned char *t = L->u;
    unsigned char c = t[pos];
    if (c == '"') {
        int esc;
        return lex_string(L, pos, end, &esc);
    }
    if (c == '-' || is_digit(c))
        return lex_number(L, pos, end);
    const char *lit = c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : NULL;
    if (lit == NULL)
        return 0;
    size_t k = strlen(lit);
    if (L->len - pos < k || memcmp(t + pos, lit, k) != 0)
        return 0;
    *end = pos + k;
    return 1;
}

/* Checks the JSON value at t[pos] (grammar, strings, nesting: the value's
 * own containers open at level + 1 and deeper, 64 at most); *end receives
 * the offset after it. Returns 0 when it is not valid. */
static int skip_checked(const loader *L, size_t pos, int level, size_t *end)
{
    const unsigned char *t = L->u;
    size_t n = L->len;
    char stack[MAX_DEPTH + 1];
    int depth = level;
    for (;;) {
        /* A value starts at pos. */
        if (pos >= n)
            return 0;
        unsigned char c = t[pos];
        if (c == '{' || c == '[') {
            if (depth >= MAX_DEPTH)
                return 0;
            stack[depth++] = (char)c;
            pos = skip_ws(L, pos + 1);
            if (pos >= n)
                return 0;
            if (t[pos] == (c == '{' ? '}' : ']')) {
                pos++;
                depth--;
                goto after_value;
            }
            if (c == '[')
                continue;
            goto key;
        }
        if (!lex_scalar(L, pos, &pos))
            return 0;
        goto after_value;

    key:
        {
            int esc;
            if (pos >= n || t[pos] != '"' || !lex_string(L, pos, &pos, &esc))
                return 0;
            pos = skip_ws(L, pos);
            if (pos >= n || t[pos] != ':')
                return 0;
            pos = skip_ws(L, pos + 1);
            continue;
        }

    after_value:
        if (depth == level) {
            *end = pos;
            return 1;
        }
        pos = skip_ws(L, pos);
        if (pos >= n)
            return 0;
        c = t[pos];
        if (c == ',') {
            pos = skip_ws(L, pos + 1);
            if (stack[depth - 1] == '{')
                goto key;
            continue;
        }
        if ((c == '}' && stack[depth - 1] == '{') || (c == ']' && stack[depth - 1] == '[')) {
            pos++;
            depth--;
            goto after_value;
        }
        return 0;
    }
}

static const char *type_name_at(const loader *L, size_t off)
{
    switch (L->text[off]) {
    case '"':
        return "a string";
    case '{':
        return "an object";
    case '[':
        return "an array";
    case 't':
    case 'f':
        return "a boolean";
    case 'n':
        return "null";
    default:
        return "a number";
    }
}

/* ------------------------------------------------------------------ */
/* The careful pass: raw checks and the grammar scan                   */
/* ------------------------------------------------------------------ */

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
    jloc_init(&locs[0], NULL, NULL, 0, L->root_off);
    int have = 1;
    for (int d = 0; d < depth; d++) {
        if (stack[d].type == '{' && stack[d].key_off == LOC_NONE)
            break; /* no member yet: the path ends at the object */
        jloc_init(&locs[have], &locs[have - 1], NULL, stack[d].index, 0);
        if (stack[d].type == '{')
            locs[have].key_off = stack[d].key_off;
        have++;
    }
    va_list ap;
    va_start(ap, fmt);
    fail_v(L, st, off, &locs[have - 1], fmt, ap);
    va_end(ap);
    return st;
}

static int push_span(loader *L)
{
    if (L->nmembers_span == L->cap_members_span) {
        size_t c = L->cap_members_span ? L->cap_members_span * 2 : 16;
        span *p = realloc(L->members_span, c * sizeof *p);
        if (p == NULL)
            return 0;
        L->members_span = p;
        L->cap_members_span = c;
    }
    memset(&L->members_span[L->nmembers_span], 0, sizeof *L->members_span);
    L->nmembers_span++;
    return 1;
}

#define SCAN_EOF(off) scan_fail(L, IPOFACTS_E_SYNTAX, (off), stack, depth, "unexpected end of input")

/* Scans a string at pos (a quote); *end receives the offset after it. */
static ipofacts_status scan_string(loader *L, size_t pos, size_t *end, const sframe *stack, int depth)
{
    const unsigned char *t = L->u;
    size_t n = L->len, start = pos;
    pos++;
    for (;;) {
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

static ipofacts_status scan_number(loader *L, size_t pos, size_t *end, const sframe *stack, int depth)
{
    const unsigned char *t = L->u;
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
    while (pos < L->len) {
        unsigned char c = L->u[pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        pos++;
    }
    return pos;
}

/* Checks the whole text against the JSON grammar, the nesting and string
 * limits, and records where the top-level members start. */
static ipofacts_status scan(loader *L)
{
    const unsigned char *t = L->u;
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
        unsigned char c = t[pos];
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH)
                return scan_fail(L, IPOFACTS_E_TOO_LARGE, pos, stack, depth,
                                 "nesting deeper than %d levels", MAX_DEPTH);
            stack[depth].type = (char)c;
            stack[depth].index = 0;
            stack[depth].key_off = LOC_NONE;
            depth++;
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
            if (!push_span(L))
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

/* Refuses invalid UTF-8 and NUL bytes. */
static ipofacts_status check_bytes(loader *L)
{
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
/* Strings of the text                                                 */
/* ------------------------------------------------------------------ */

/* A string of the text: its bytes when it has no escape, else decoded. */
typedef struct sview {
    const char *s;
    size_t n;
} sview;

/* The content of the valid string at off (a quote) ending before end; an
 * escaped one is decoded into L->tmp (valid until the next use of it).
 * Returns 0 when memory runs out. */
static int string_view(loader *L, size_t off, size_t end, int esc, sview *out)
{
    if (!esc) {
        out->s = L->text + off + 1;
        out->n = end - off - 2;
        return 1;
    }
    L->tmp.len = 0;
    ipf_json_decode_string(&L->tmp, L->text, L->len, off);
    ipf_json_buf_append(&L->tmp, "", 1);
    if (L->tmp.oom)
        return 0;
    out->s = L->tmp.data;
    out->n = L->tmp.len - 1;
    return 1;
}

/* A malloc'd, NUL-terminated, decoded copy of the valid string at off. */
static char *string_copy(const loader *L, size_t off, size_t *len)
{
    ipf_json_buf b = {0};
    ipf_json_decode_string(&b, L->text, L->len, off);
    ipf_json_buf_append(&b, "", 1);
    if (b.oom) {
        free(b.data);
        return NULL;
    }
    *len = b.len - 1;
    return b.data;
}

/* A NUL-terminated copy of a view for a message, in L->tmp. */
static const char *view_text(loader *L, sview v)
{
    if (v.s == L->tmp.data)
        return v.s; /* decoded there already, NUL-terminated */
    L->tmp.len = 0;
    ipf_json_buf_append(&L->tmp, v.s, v.n);
    ipf_json_buf_append(&L->tmp, "", 1);
    return L->tmp.oom ? "" : L->tmp.data;
}

/* ------------------------------------------------------------------ */
/* Duplicate member names                                              */
/* ------------------------------------------------------------------ */

typedef struct keyidx {
    const char *key;
    size_t len;
    size_t index;
} keyidx;

static int keyidx_cmp(const void *a, const void *b)
{
    const keyidx *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->key, y->key, n);
    if (c != 0)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Index (in k) of the first key, in order, that repeats an earlier one;
 * LOC_NONE when all differ, LOC_NONE - 1 when memory runs out. k[i].index
 * must be i. */
static size_t first_duplicate(keyidx *k, size_t n)
{
    if (n < 2)
        return LOC_NONE;
    if (n <= 32) {
        for (size_t i = 1; i < n; i++)
            for (size_t j = 0; j < i; j++)
                if (k[i].len == k[j].len && memcmp(k[i].key, k[j].key, k[i].len) == 0)
                    return i;
        return LOC_NONE;
    }
    keyidx *s = malloc(n * sizeof *s);
    if (s == NULL)
        return LOC_NONE - 1;
    memcpy(s, k, n * sizeof *s);
    qsort(s, n, sizeof *s, keyidx_cmp);
    size_t best = LOC_NONE;
    for (size_t i = 1; i < n; i++)
        if (s[i].len == s[i - 1].len && memcmp(s[i].key, s[i - 1].key, s[i].len) == 0 && s[i].index < best)
            best = s[i].index;
    free(s);
    return best;
}

/* The members of a valid object at off: key offsets, value offsets and
 * decoded names (malloc'd). */
typedef struct members {
    size_t n;
    size_t *key_off, *val_off;
    char **names;
    keyidx *keys;
} members;

static void members_free(members *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->names[i]);
    free(m->key_off);
    free(m->val_off);
    free(m->names);
    free(m->keys);
    memset(m, 0, sizeof *m);
}

static int members_collect(const loader *L, size_t off, members *m)
{
    memset(m, 0, sizeof *m);
    size_t cap = 0, pos = ipf_json_skip_ws(L->text, L->len, off + 1);
    if (pos < L->len && L->text[pos] == '}')
        return 1;
    while (pos < L->len) {
        if (m->n == cap) {
            size_t c = cap ? cap * 2 : 8;
            size_t *k = realloc(m->key_off, c * sizeof *k);
            if (k != NULL)
                m->key_off = k;
            size_t *v = realloc(m->val_off, c * sizeof *v);
            if (v != NULL)
                m->val_off = v;
            char **s = realloc(m->names, c * sizeof *s);
            if (s != NULL)
                m->names = s;
            keyidx *x = realloc(m->keys, c * sizeof *x);
            if (x != NULL)
                m->keys = x;
            if (k == NULL || v == NULL || s == NULL || x == NULL)
                return 0;
            cap = c;
        }
        size_t i = m->n;
        m->key_off[i] = pos;
        size_t len = 0;
        m->names[i] = string_copy(L, pos, &len);
        if (m->names[i] == NULL)
            return 0;
        m->n++;
        m->keys[i].key = m->names[i];
        m->keys[i].len = len;
        m->keys[i].index = i;
        pos = ipf_json_skip_ws(L->text, L->len, ipf_json_skip_string(L->text, L->len, pos));
        pos = ipf_json_skip_ws(L->text, L->len, pos + 1); /* the colon */
        m->val_off[i] = pos;
        pos = ipf_json_skip_ws(L->text, L->len, ipf_json_skip_value(L->text, L->len, pos));
        if (pos >= L->len || L->text[pos] != ',')
            break;
        pos = ipf_json_skip_ws(L->text, L->len, pos + 1);
    }
    return 1;
}

/* Checks every object inside the valid value at loc->off (an unknown
 * member) for duplicate members: an object's own members first, then its
 * children in order. */
static ipofacts_status check_deep(loader *L, const jloc *loc)
{
    const char *t = L->text;
    size_t off = loc->off;
    ipofacts_status st = IPOFACTS_OK;
    if (t[off] == '{') {
        members m;
        if (!members_collect(L, off, &m)) {
            members_free(&m);
            return nomem(L);
        }
        size_t d = first_duplicate(m.keys, m.n);
        if (d == LOC_NONE - 1) {
            st = nomem(L);
        } else if (d < m.n) {
            jloc cl;
            jloc_init(&cl, loc, m.names[d], d, m.val_off[d]);
            st = FAIL(L, IPOFACTS_E_DUPLICATE, &cl, "duplicate member \"%s\" in an object", CLIP(m.names[d]));
        } else {
            for (size_t i = 0; i < m.n && st == IPOFACTS_OK; i++) {
                if (t[m.val_off[i]] != '{' && t[m.val_off[i]] != '[')
                    continue;
                jloc cl;
                jloc_init(&cl, loc, m.names[i], i, m.val_off[i]);
                st = check_deep(L, &cl);
            }
        }
        members_free(&m);
        return st;
    }
    if (t[off] == '[') {
        size_t pos = ipf_json_skip_ws(t, L->len, off + 1);
        for (size_t i = 0; pos < L->len && t[pos] != ']'; i++) {
            if (t[pos] == '{' || t[pos] == '[') {
                jloc cl;
                jloc_init(&cl, loc, NULL, i, pos);
                if ((st = check_deep(L, &cl)) != IPOFACTS_OK)
                    return st;
            }
            pos = ipf_json_skip_ws(t, L->len, ipf_json_skip_value(t, L->len, pos));
            if (pos >= L->len || t[pos] != ',')
                break;
            pos = ipf_json_skip_ws(t, L->len, pos + 1);
        }
    }
    return IPOFACTS_OK;
}

/* Canonical text of one unknown member whose value starts at off. */
static ipofacts_status keep_member(loader *L, const char *key, size_t klen, size_t off, const char **text,
                                   size_t *len)
{
    L->tmp.len = 0;
    ipf_json_buf_string(&L->tmp, key, klen);
    ipf_json_buf_append(&L->tmp, ": ", 2);
    ipf_json_canonical_value(&L->tmp, L->text, L->len, off, 0);
    if (L->tmp.oom)
        return nomem(L);
    const char *p = arena_str(L, L->tmp.data, L->tmp.len);
    if (p == NULL)
        return nomem(L);
    *text = p;
    *len = L->tmp.len;
    return IPOFACTS_OK;
}

/* Drops the unknown members above base, freeing their names. */
static void unknown_pop(loader *L, size_t base)
{
    for (size_t i = base; i < L->unknown.len; i++)
        free(((unknown_member *)vec_at(&L->unknown, i))->key);
    L->unknown.len = base;
}

/*
 * The unknown members from base on (of the object at loc, whose first
 * duplicate known member, if any, is member dup_index with value dup_off):
 * refuses the first duplicate name, then checks each unknown value deeply
 * and keeps it as canonical text in *extras (NULL when there are none).
 */
static ipofacts_status finish_members(loader *L, const jloc *loc, size_t base, size_t dup_index, size_t dup_off,
                                      const char *dup_name, const ipf_extras **extras)
{
    size_t nu = L->unknown.len - base;
    *extras = NULL;
    if (nu > 0) {
        keyidx small[16];
        keyidx *k = nu <= 16 ? small : malloc(nu * sizeof *k);
        if (k == NULL)
            return nomem(L);
        for (size_t i = 0; i < nu; i++) {
            const unknown_member *u = vec_at(&L->unknown, base + i);
            k[i].key = u->key;
            k[i].len = u->len;
            k[i].index = i;
        }
        size_t d = first_duplicate(k, nu);
        if (k != small)
            free(k);
        if (d == LOC_NONE - 1)
            return nomem(L);
        if (d != LOC_NONE) {
            const unknown_member *u = vec_at(&L->unknown, base + d);
            if (u->index < dup_index) {
                dup_index = u->index;
                dup_off = u->off;
                dup_name = u->key;
            }
        }
    }
    if (dup_index != LOC_NONE) {
        jloc cl;
        jloc_init(&cl, loc, dup_name, dup_index, dup_off);
        return FAIL(L, IPOFACTS_E_DUPLICATE, &cl, "duplicate member \"%s\" in an object", CLIP(dup_name));
    }
    if (nu == 0)
        return IPOFACTS_OK;
    ipf_extras *e = ipf_dataset_arena_alloc(&L->arena, 1, sizeof *e + nu * sizeof e->items[0]);
    if (e == NULL)
        return nomem(L);
    ipofacts_status st;
    for (size_t i = 0; i < nu; i++) {
        const unknown_member *u = vec_at(&L->unknown, base + i);
        jloc cl;
        jloc_init(&cl, loc, u->key, u->index, u->off);
        if ((st = check_deep(L, &cl)) != IPOFACTS_OK ||
            (st = keep_member(L, u->key, u->len, u->off, &e->items[e->count].text, &e->items[e->count].len)) !=
                IPOFACTS_OK)
            return st;
        e->count++;
    }
    *extras = e;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

#define MAX_KNOWN 16

typedef struct mname {
    const char *s;
    size_t n;
} mname;

#define MN(x) {(x), sizeof(x) - 1}

/* The known members of an object kind. */
typedef struct objspec {
    const mname *names;
    size_t count;
    uint32_t arrays; /* members the fast pass reads where they stand (when arrays) */
} objspec;

/* The known members of an object, by their position in the spec. */
typedef struct objr {
    uint32_t present; /* bit k: member k given (null included) */
    uint32_t done;    /* bit k: read already, where it stood */
    size_t off[MAX_KNOWN];  /* value offset */
    size_t end[MAX_KNOWN];  /* strings: offset after the closing quote */
    size_t idx[MAX_KNOWN];  /* child index */
    uint8_t esc[MAX_KNOWN]; /* strings: holds an escape */
    jloc loc[MAX_KNOWN];    /* locations, made on demand by mloc() */
} objr;

/* Reads an array member where it stands (fast pass); *end receives the
 * offset after it. */
typedef ipofacts_status (*array_reader)(loader *L, void *ctx, size_t k, jloc *loc, size_t *end);

static int same_name(const mname *m, const char *s, size_t n)
{
    if (m->n != n || (n > 0 && m->s[0] != s[0]))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (m->s[i] != s[i])
            return 0;
    return 1;
}

/* The index of the name s[0, n) in the spec, LOC_NONE when unknown; the
 * search starts at *hint, the member after the last one found, as members
 * mostly come in the documented order. */
static size_t match_name(const objspec *sp, const char *s, size_t n, size_t *hint)
{
    size_t count = sp->count, h = *hint < count ? *hint : 0;
    for (size_t i = 0; i < count; i++) {
        size_t k = h + i < count ? h + i : h + i - count;
        if (same_name(&sp->names[k], s, n)) {
            *hint = k + 1;
            return k;
        }
    }
    return LOC_NONE;
}

/*
 * Reads the object at loc->off (a '{'), nesting level `level`: lexes every
 * member, noting the known ones in r, refuses duplicate names, checks and
 * keeps the unknown ones in *extras. In the fast pass, the members of
 * sp->arrays whose value is an array are read at once with `reader`.
 * *end receives the offset after the object.
 */
/* Records a member this version does not know (its decoded name, its place
 * among the object's members, its value's offset), to be kept as canonical
 * text once the object is read. */
static ipofacts_status push_unknown(loader *L, sview key, size_t index, size_t voff)
{
    unknown_member *u = vec_push(&L->unknown);
    if (u == NULL)
        return nomem(L);
    u->index = index;
    u->off = voff;
    u->key = malloc(key.n + 1);
    if (u->key == NULL)
        return nomem(L);
    memcpy(u->key, key.s, key.n);
    u->key[key.n] = '\0';
    u->len = key.n;
    return IPOFACTS_OK;
}

static ipofacts_status read_object(loader *L, const jloc *loc, int level, const objspec *sp, objr *r,
                                   const ipf_extras **extras, array_reader reader, void *ctx, size_t *end)
{
    const unsigned char *t = L->u;
    size_t n = L->len;
    size_t pos = skip_ws(L, loc->off + 1);
    size_t base = L->unknown.len, dup_index = LOC_NONE, dup_off = 0, hint = 0;
    const char *dup_name = NULL;
    ipofacts_status st;
    r->present = 0;
    r->done = 0;
    *extras = NULL;
    if (pos < n && t[pos] == '}') {
        *end = pos + 1;
        return IPOFACTS_OK;
    }
    for (size_t i = 0;; i++) {
        size_t key_off = pos, kend;
        int kesc;
        if (pos >= n || t[pos] != '"' || !lex_string(L, pos, &kend, &kesc))
            return REFUSED;
        sview kv;
        if (!string_view(L, key_off, kend, kesc, &kv))
            return nomem(L);
        size_t k = match_name(sp, kv.s, kv.n, &hint);
        pos = skip_ws(L, kend);
        if (pos >= n || t[pos] != ':')
            return REFUSED;
        /* The one space of the canonical form after the colon, or any blanks. */
        size_t voff = pos = pos + 2 < n && t[pos + 1] == ' ' && t[pos + 2] > ' ' ? pos + 2 : skip_ws(L, pos + 1);
        if (pos >= n)
            return REFUSED;
        if (k != LOC_NONE) {
            uint32_t bit = (uint32_t)1 << k;
            int dup = (r->present & bit) != 0;
            if (dup) {
                if (!L->careful)
                    return REFUSED;
                if (dup_index == LOC_NONE) {
                    dup_index = i;
                    dup_off = voff;
                    dup_name = sp->names[k].s;
                }
            } else {
                r->present |= bit;
                r->off[k] = voff;
                r->end[k] = voff;
                r->esc[k] = 0;
                r->idx[k] = i;
            }
            if (t[voff] == '"') {
                int vesc;
                if (!lex_string(L, voff, &pos, &vesc))
                    return REFUSED;
                if (!dup) {
                    r->end[k] = pos;
                    r->esc[k] = (uint8_t)vesc;
                }
            } else if (!L->careful && (sp->arrays & bit) && t[voff] == '[') {
                jloc ml;
                jloc_init(&ml, loc, sp->names[k].s, i, voff);
                if ((st = reader(L, ctx, k, &ml, &pos)) != IPOFACTS_OK)
                    return st;
                r->done |= bit;
            } else if (!skip_checked(L, voff, level, &pos)) {
                return REFUSED;
            }
        } else {
            if ((st = push_unknown(L, kv, i, voff)) != IPOFACTS_OK)
                return st;
            if (!skip_checked(L, voff, level, &pos))
                return REFUSED;
        }
        int more = after_item(L, &pos, '}');
        if (more < 0)
            return REFUSED;
        if (more)
            continue;
        *end = pos;
        break;
    }
    if (L->unknown.len == base && dup_index == LOC_NONE)
        return IPOFACTS_OK;
    st = finish_members(L, loc, base, dup_index, dup_off, dup_name, extras);
    unknown_pop(L, base);
    return st;
}

/* The location of known member k of an object read into r. */
static jloc *mloc(objr *r, const jloc *parent, size_t k, const mname *names)
{
    jloc_init(&r->loc[k], parent, names[k].s, r->idx[k], r->off[k]);
    return &r->loc[k];
}

/* Whether member k is given and not null. */
static int given(const loader *L, const objr *r, size_t k)
{
    return (r->present & ((uint32_t)1 << k)) && L->text[r->off[k]] != 'n';
}

static int is_string(const loader *L, const objr *r, size_t k)
{
    return L->text[r->off[k]] == '"';
}

static ipofacts_status missing(loader *L, const jloc *loc, const char *name, const char *what)
{
    return FAIL(L, IPOFACTS_E_SCHEMA, loc, "missing member \"%s\" (%s)", name, what);
}

/* The content of string member k. */
static int member_view(loader *L, const objr *r, size_t k, sview *out)
{
    return string_view(L, r->off[k], r->end[k], r->esc[k], out);
}

/* A string member as an arena copy (interned when asked); NULL when absent. */
static ipofacts_status get_string(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int required,
                                  int interned, const char **out)
{
    *out = NULL;
    if (!given(L, r, k))
        return required ? missing(L, oloc, names[k].s, "a string") : IPOFACTS_OK;
    if (!is_string(L, r, k))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, names), "\"%s\" must be a string, not %s", names[k].s,
                    type_name_at(L, r->off[k]));
    sview v;
    if (!member_view(L, r, k, &v))
        return nomem(L);
    const char *s = interned ? intern(L, v.s, v.n, NULL) : arena_str(L, v.s, v.n);
    if (s == NULL)
        return nomem(L);
    *out = s;
    return IPOFACTS_OK;
}

static int valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n] != '\0'; n++) {
        unsigned char c = (unsigned char)s[n];
        if (!((unsigned char)((c | 0x20) - 'a') < 26 || (unsigned char)(c - '0') < 10 || c == '_' || c == '.' ||
              c == ':' || c == '-'))
            return 0;
    }
    return n >= 1 && n <= ID_MAX;
}

static ipofacts_status get_id(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int required,
                              const char **out)
{
    ipofacts_status st = get_string(L, oloc, r, k, names, required, 0, out);
    if (st != IPOFACTS_OK || *out == NULL)
        return st;
    if (!valid_id(*out))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, names),
                    "invalid id \"%s\": use 1 to 128 of the characters A-Z a-z 0-9 _ . : -", CLIP(*out));
    return IPOFACTS_OK;
}

static ipofacts_status get_date(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int required,
                                ipofacts_date *out)
{
    memset(out, 0, sizeof *out);
    const char *name = names[k].s;
    if (!given(L, r, k))
        return required ? missing(L, oloc, name, "a date") : IPOFACTS_OK;
    if (!is_string(L, r, k))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, names),
                    "\"%s\" must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not %s", name,
                    type_name_at(L, r->off[k]));
    sview v;
    if (!member_view(L, r, k, &v))
        return nomem(L);
    ipofacts_status st = ipofacts_date_parse(out, v.s, v.n);
    if (st == IPOFACTS_E_DATE)
        return FAIL(L, st, mloc(r, oloc, k, names), "impossible date \"%s\"", CLIP(view_text(L, v)));
    if (st != IPOFACTS_OK)
        return FAIL(L, IPOFACTS_E_SYNTAX, mloc(r, oloc, k, names),
                    "\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", CLIP(view_text(L, v)));
    return IPOFACTS_OK;
}

/* The value of the valid JSON number at off as a double, as strtod reads it
 * in the "C" locale. Returns 0 when memory runs out. */
static int number_value(const loader *L, size_t off, double *out)
{
    size_t end;
    if (!lex_number(L, off, &end))
        return 0;
    const char *s = L->text + off;
    size_t n = end - off, i = s[0] == '-';
    if (n - i <= 15) {
        int64_t v = 0;
        size_t j = i;
        while (j < n && is_digit((unsigned char)s[j]))
            v = v * 10 + (s[j++] - '0');
        if (j == n) {
            *out = i ? -(double)v : (double)v;
            return 1;
        }
    }
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (buf == NULL)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (c == (locale_t)0) {
        if (buf != small)
            free(buf);
        return 0;
    }
    locale_t old = uselocale(c);
    *out = strtod(buf, NULL);
    uselocale(old);
    freelocale(c);
    if (buf != small)
        free(buf);
    return 1;
}

static ipofacts_status get_int(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int32_t lo,
                               int32_t hi, int32_t *out, int *present)
{
    *present = 0;
    if (!given(L, r, k))
        return IPOFACTS_OK;
    unsigned char c = L->u[r->off[k]];
    double v = 0;
    int number = c == '-' || is_digit(c);
    if (number && !number_value(L, r->off[k], &v))
        return nomem(L);
    if (!number || !(v >= lo && v <= hi) || v != (double)(int32_t)v)
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, names), "\"%s\" must be an integer from %ld to %ld",
                    names[k].s, (long)lo, (long)hi);
    *out = (int32_t)v;
    *present = 1;
    return IPOFACTS_OK;
}

/* An object lang -> string (or scheme -> string), in order. */
static ipofacts_status get_pairs(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int required,
                                 const ipf_pair **out, size_t *count)
{
    const char *name = names[k].s;
    *out = NULL;
    *count = 0;
    if (!given(L, r, k))
        return required ? missing(L, oloc, name, "an object of strings") : IPOFACTS_OK;
    jloc *loc = mloc(r, oloc, k, names);
    if (L->text[r->off[k]] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, loc, "\"%s\" must be an object of strings, not %s", name,
                    type_name_at(L, r->off[k]));
    /* The object was checked when its parent was lexed. */
    members m;
    ipofacts_status st = IPOFACTS_OK;
    if (!members_collect(L, r->off[k], &m)) {
        members_free(&m);
        return nomem(L);
    }
    size_t d = first_duplicate(m.keys, m.n), nn = 0;
    if (d == LOC_NONE - 1) {
        st = nomem(L);
        goto done;
    }
    if (d < m.n) {
        jloc cl;
        jloc_init(&cl, loc, m.names[d], d, m.val_off[d]);
        st = FAIL(L, IPOFACTS_E_DUPLICATE, &cl, "duplicate member \"%s\" in an object", CLIP(m.names[d]));
        goto done;
    }
    for (size_t i = 0; i < m.n; i++) {
        char c = L->text[m.val_off[i]];
        if (c == 'n')
            continue;
        jloc cl;
        jloc_init(&cl, loc, m.names[i], i, m.val_off[i]);
        if (c != '"') {
            st = FAIL(L, IPOFACTS_E_SCHEMA, &cl, "\"%s\" must be a string, not %s", CLIP(m.names[i]),
                      type_name_at(L, m.val_off[i]));
            goto done;
        }
        if (m.keys[i].len == 0) {
            st = FAIL(L, IPOFACTS_E_SCHEMA, &cl, "an empty member name in \"%s\"", name);
            goto done;
        }
        nn++;
    }
    if (nn == 0) {
        if (required)
            st = FAIL(L, IPOFACTS_E_SCHEMA, loc, "\"%s\" needs at least one entry", name);
        goto done;
    }
    ipf_pair *p = ipf_dataset_arena_alloc(&L->arena, nn, sizeof *p);
    if (p == NULL) {
        st = nomem(L);
        goto done;
    }
    nn = 0;
    for (size_t i = 0; i < m.n; i++) {
        if (L->text[m.val_off[i]] == 'n')
            continue;
        sview v;
        size_t vend = ipf_json_skip_string(L->text, L->len, m.val_off[i]);
        int esc = memchr(L->text + m.val_off[i], '\\', vend - m.val_off[i]) != NULL;
        p[nn].key = intern(L, m.keys[i].key, m.keys[i].len, NULL);
        if (p[nn].key == NULL || !string_view(L, m.val_off[i], vend, esc, &v) ||
            (p[nn].value = arena_str(L, v.s, v.n)) == NULL) {
            st = nomem(L);
            goto done;
        }
        nn++;
    }
    *out = p;
    *count = nn;
done:
    members_free(&m);
    return st;
}

/* An array member not read yet: its location in *aloc, NULL when absent
 * (or null). */
static ipofacts_status get_array(loader *L, const jloc *oloc, objr *r, size_t k, const mname *names, int required,
                                 jloc **aloc)
{
    *aloc = NULL;
    if (!given(L, r, k))
        return required ? missing(L, oloc, names[k].s, "an array") : IPOFACTS_OK;
    *aloc = mloc(r, oloc, k, names);
    if (L->text[r->off[k]] != '[')
        return FAIL(L, IPOFACTS_E_SCHEMA, *aloc, "\"%s\" must be an array, not %s", names[k].s,
                    type_name_at(L, r->off[k]));
    return IPOFACTS_OK;
}

/*
 * Walks the elements of the array at loc->off (a '['): calls `element` for
 * each with its location and the offset of the value, which must set *end
 * after it.
 */
typedef ipofacts_status (*element_reader)(loader *L, void *ctx, const jloc *el, size_t *end);

static ipofacts_status read_array(loader *L, const jloc *loc, element_reader element, void *ctx, size_t *end)
{
    const unsigned char *t = L->u;
    size_t n = L->len;
    size_t pos = skip_ws(L, loc->off + 1);
    ipofacts_status st;
    if (pos < n && t[pos] == ']') {
        *end = pos + 1;
        return IPOFACTS_OK;
    }
    for (size_t i = 0;; i++) {
        if (pos >= n)
            return REFUSED;
        jloc el;
        jloc_init(&el, loc, NULL, i, pos);
        if ((st = element(L, ctx, &el, &pos)) != IPOFACTS_OK)
            return st;
        int more = after_item(L, &pos, ']');
        if (more < 0)
            return REFUSED;
        if (!more) {
            *end = pos;
            return IPOFACTS_OK;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Citations                                                           */
/* ------------------------------------------------------------------ */

enum { CI_SOURCE, CI_TEXT, CI_N };
static const mname citation_names[CI_N] = {MN("source"), MN("text")};
static const objspec citation_spec = {citation_names, CI_N, 0};

typedef struct citations_ctx {
    int level;          /* of the array */
    uint32_t best_rank; /* the lowest rank so far */
} citations_ctx;

static ipofacts_status read_citation(loader *L, void *vctx, const jloc *el, size_t *end)
{
    citations_ctx *ctx = vctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a citation must be an object {\"source\": ..., \"text\": ...}, not %s",
                    type_name_at(L, el->off));
    ipf_citation *cit = vec_push(&L->v_citations);
    const ipf_extras **cx = vec_push(&L->v_cextras);
    if (cit == NULL || cx == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    if ((st = read_object(L, el, ctx->level + 1, &citation_spec, &r, cx, NULL, NULL, end)) != IPOFACTS_OK)
        return st;
    if (*cx != NULL)
        L->any_cextras = 1;
    if (!given(L, &r, CI_SOURCE))
        return missing(L, el, "source", "a source id");
    if (!is_string(L, &r, CI_SOURCE))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, CI_SOURCE, citation_names), "\"source\" must be a string, not %s",
                    type_name_at(L, r.off[CI_SOURCE]));
    sview v;
    if (!member_view(L, &r, CI_SOURCE, &v))
        return nomem(L);
    const idslot *src = idmap_get(&L->sources, v.s, v.n);
    if (src == NULL)
        return FAIL(L, IPOFACTS_E_REFERENCE, mloc(&r, el, CI_SOURCE, citation_names), "no source has the id \"%s\"",
                    CLIP(view_text(L, v)));
    const ipofacts_source *s = &L->ds->sources[src->value];
    cit->source = s;
    if ((st = get_string(L, el, &r, CI_TEXT, citation_names, 0, 0, &cit->text)) != IPOFACTS_OK)
        return st;
    if (s->rank < ctx->best_rank)
        ctx->best_rank = s->rank;
    return IPOFACTS_OK;
}

/* The citations array at loc->off, nesting level `level`: the citations in
 * *out and *count, their unknown members in *extras (NULL when no citation
 * has any). */
static ipofacts_status read_citations(loader *L, const jloc *loc, int level, size_t *end, const ipf_citation **out,
                                      size_t *count, const ipf_extras *const **extras, uint32_t *best_rank)
{
    citations_ctx ctx = {level, UINT32_MAX};
    L->v_citations.len = 0;
    L->v_cextras.len = 0;
    L->any_cextras = 0;
    ipofacts_status st = read_array(L, loc, read_citation, &ctx, end);
    if (st != IPOFACTS_OK)
        return st;
    int ok;
    *out = vec_to_arena(L, &L->v_citations, 0, &ok);
    if (!ok)
        return nomem(L);
    *extras = NULL;
    if (L->any_cextras) {
        *extras = vec_to_arena(L, &L->v_cextras, 0, &ok);
        if (!ok)
            return nomem(L);
    }
    *count = L->v_citations.len;
    if (best_rank != NULL)
        *best_rank = ctx.best_rank;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

enum { SO_ID, SO_PUBLISHER, SO_TITLE, SO_AUTHOR, SO_DATE, SO_DOCUMENT, SO_LANGUAGE, SO_URL, SO_RANK, SO_N };
static const mname source_names[SO_N] = {MN("id"),       MN("publisher"), MN("title"), MN("author"), MN("date"),
                                         MN("document"), MN("language"),  MN("url"),   MN("rank")};
static const objspec source_spec = {source_names, SO_N, 0};

static ipofacts_status read_source(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a source must be an object, not %s", type_name_at(L, el->off));
    size_t i = L->v_sources.len;
    ipofacts_source *x = vec_push(&L->v_sources);
    if (x == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    x->index = i;
    if ((st = read_object(L, el, 3, &source_spec, &r, &x->extras, NULL, NULL, end)) != IPOFACTS_OK ||
        (st = get_id(L, el, &r, SO_ID, source_names, 1, &x->id)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_PUBLISHER, source_names, 0, 1, &x->publisher)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_TITLE, source_names, 0, 0, &x->title)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_AUTHOR, source_names, 0, 0, &x->author)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, SO_DATE, source_names, 0, &x->date)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_DOCUMENT, source_names, 0, 0, &x->document)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_LANGUAGE, source_names, 0, 1, &x->language)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, SO_URL, source_names, 0, 0, &x->url)) != IPOFACTS_OK)
        return st;
    int32_t rank = 2;
    int has_rank;
    if ((st = get_int(L, el, &r, SO_RANK, source_names, 1, 1000000, &rank, &has_rank)) != IPOFACTS_OK)
        return st;
    x->rank = (uint32_t)rank;
    x->has_rank = (uint8_t)has_rank;
    int put = idmap_put(&L->sources, x->id, i);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, SO_ID, source_names), "duplicate source id \"%s\"",
                    CLIP(x->id));
    return IPOFACTS_OK;
}

/* The sources array at loc->off (a '['). */
static ipofacts_status read_sources(loader *L, const jloc *loc, size_t *end)
{
    L->v_sources.len = 0;
    ipofacts_status st = read_array(L, loc, read_source, NULL, end);
    if (st != IPOFACTS_OK)
        return st;
    int ok;
    L->ds->sources = vec_to_arena(L, &L->v_sources, 0, &ok);
    if (!ok)
        return nomem(L);
    L->ds->source_count = L->v_sources.len;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* People, members, events, periods                                    */
/* ------------------------------------------------------------------ */

enum { PE_ID, PE_NAMES, PE_ROLE, PE_BORN, PE_SOURCES, PE_N };
static const mname person_names[PE_N] = {MN("id"), MN("names"), MN("role"), MN("born"), MN("sources")};
static const objspec person_spec = {person_names, PE_N, 0};

static ipofacts_status read_person(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a person must be an object, not %s", type_name_at(L, el->off));
    size_t i = L->v_people.len;
    ipofacts_person *x = vec_push(&L->v_people);
    if (x == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    jloc *sloc;
    if ((st = read_object(L, el, 5, &person_spec, &r, &x->extras, NULL, NULL, end)) != IPOFACTS_OK ||
        (st = get_id(L, el, &r, PE_ID, person_names, 1, &x->id)) != IPOFACTS_OK ||
        (st = get_pairs(L, el, &r, PE_NAMES, person_names, 1, &x->names, &x->name_count)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, PE_ROLE, person_names, 0, 0, &x->role)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, PE_BORN, person_names, 0, &x->born)) != IPOFACTS_OK ||
        (st = get_array(L, el, &r, PE_SOURCES, person_names, 0, &sloc)) != IPOFACTS_OK)
        return st;
    size_t aend;
    if (sloc != NULL &&
        (st = read_citations(L, sloc, 6, &aend, &x->citations, &x->citation_count, &x->citation_extras, NULL)) !=
            IPOFACTS_OK)
        return st;
    int put = idmap_put(&L->people, x->id, i);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, PE_ID, person_names), "duplicate person id \"%s\"",
                    CLIP(x->id));
    return IPOFACTS_OK;
}

enum { ME_ID, ME_KIND, ME_NAMES, ME_DATE, ME_RELATED, ME_N };
static const mname member_names[ME_N] = {MN("id"), MN("kind"), MN("names"), MN("date"), MN("related")};
static const objspec member_spec = {member_names, ME_N, 0};

/* Where a member's "related" array is, for the check of its ids. */
typedef struct related_at {
    size_t index; /* of the "related" member in its object */
    size_t off;   /* of the array */
} related_at;

static ipofacts_status read_related_id(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '"')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a related member must be a member id string, not %s",
                    type_name_at(L, el->off));
    int esc;
    sview v;
    const char **id = vec_push(&L->v_strings);
    if (id == NULL)
        return nomem(L);
    if (!lex_string(L, el->off, end, &esc))
        return REFUSED;
    if (!string_view(L, el->off, *end, esc, &v) || (*id = arena_str(L, v.s, v.n)) == NULL)
        return nomem(L);
    return IPOFACTS_OK;
}

static ipofacts_status read_member(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a member must be an object, not %s", type_name_at(L, el->off));
    size_t i = L->v_members.len;
    ipofacts_member *x = vec_push(&L->v_members);
    related_at *ra = vec_push(&L->v_related);
    if (x == NULL || ra == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    const char *kind;
    if ((st = read_object(L, el, 5, &member_spec, &r, &x->extras, NULL, NULL, end)) != IPOFACTS_OK ||
        (st = get_id(L, el, &r, ME_ID, member_names, 1, &x->id)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, ME_KIND, member_names, 1, 1, &kind)) != IPOFACTS_OK)
        return st;
    if (!ipf_dataset_member_kind_from_name(kind, &x->kind))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, ME_KIND, member_names),
                    "unknown member kind \"%s\" (segment, region, shareholder, investor, round, customer, other)",
                    CLIP(kind));
    jloc *rloc;
    if ((st = get_pairs(L, el, &r, ME_NAMES, member_names, 0, &x->names, &x->name_count)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, ME_DATE, member_names, 0, &x->date)) != IPOFACTS_OK ||
        (st = get_array(L, el, &r, ME_RELATED, member_names, 0, &rloc)) != IPOFACTS_OK)
        return st;
    if (rloc != NULL) {
        size_t aend;
        L->v_strings.len = 0;
        if ((st = read_array(L, rloc, read_related_id, NULL, &aend)) != IPOFACTS_OK)
            return st;
        int ok;
        x->related = vec_to_arena(L, &L->v_strings, 0, &ok);
        if (!ok)
            return nomem(L);
        x->related_count = L->v_strings.len;
        ra->index = r.idx[ME_RELATED];
        ra->off = r.off[ME_RELATED];
    }
    int put = idmap_put(&L->members, x->id, i);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, ME_ID, member_names), "duplicate member id \"%s\"",
                    CLIP(x->id));
    return IPOFACTS_OK;
}

/* Related ids must name members of the same company. */
static ipofacts_status check_related(loader *L, const jloc *loc)
{
    for (size_t i = 0; i < L->v_members.len; i++) {
        const ipofacts_member *m = vec_at(&L->v_members, i);
        const related_at *ra = vec_at(&L->v_related, i);
        for (size_t j = 0; j < m->related_count; j++) {
            const char *id = m->related[j];
            if (idmap_get(&L->members, id, strlen(id)) != NULL)
                continue;
            if (!L->careful)
                return REFUSED;
            /* The place of element j of the "related" array. */
            size_t p = skip_ws(L, ra->off + 1);
            for (size_t k = 0; k < j; k++)
                p = skip_ws(L, skip_ws(L, ipf_json_skip_value(L->text, L->len, p)) + 1);
            jloc el, rl, il;
            jloc_init(&el, loc, NULL, i, LOC_NONE);
            jloc_init(&rl, &el, "related", ra->index, ra->off);
            jloc_init(&il, &rl, NULL, j, p);
            return fail(L, IPOFACTS_E_REFERENCE, &il, "no member of this company has the id \"%s\"", CLIP(id));
        }
    }
    return IPOFACTS_OK;
}

enum { EV_KIND, EV_DATE, EV_NOTE, EV_SOURCES, EV_N };
static const mname event_names[EV_N] = {MN("kind"), MN("date"), MN("note"), MN("sources")};
static const objspec event_spec = {event_names, EV_N, 0};

static ipofacts_status read_event(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "an event must be an object, not %s", type_name_at(L, el->off));
    ipofacts_event *x = vec_push(&L->v_events);
    if (x == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    jloc *sloc;
    if ((st = read_object(L, el, 5, &event_spec, &r, &x->extras, NULL, NULL, end)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, EV_KIND, event_names, 1, 1, &x->kind)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, EV_DATE, event_names, 1, &x->date)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, EV_NOTE, event_names, 0, 0, &x->note)) != IPOFACTS_OK ||
        (st = get_array(L, el, &r, EV_SOURCES, event_names, 0, &sloc)) != IPOFACTS_OK)
        return st;
    size_t aend;
    if (sloc != NULL &&
        (st = read_citations(L, sloc, 6, &aend, &x->citations, &x->citation_count, &x->citation_extras, NULL)) !=
            IPOFACTS_OK)
        return st;
    return IPOFACTS_OK;
}

enum { PD_ID, PD_LABEL, PD_START, PD_END, PD_INSTANT, PD_N };
static const mname period_names[PD_N] = {MN("id"), MN("label"), MN("start"), MN("end"), MN("instant")};
static const objspec period_spec = {period_names, PD_N, 0};

static ipofacts_status need_day(loader *L, const jloc *oloc, objr *r, size_t k, const ipofacts_date *d)
{
    if (d->precision != IPOFACTS_DATE_DAY)
        return FAIL(L, IPOFACTS_E_DATE, mloc(r, oloc, k, period_names),
                    "\"%s\" of a period must be a full date YYYY-MM-DD", period_names[k].s);
    return IPOFACTS_OK;
}

static ipofacts_status read_period(loader *L, void *ctx, const jloc *el, size_t *end)
{
    (void)ctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a period must be an object, not %s", type_name_at(L, el->off));
    size_t i = L->v_periods.len;
    ipofacts_period *x = vec_push(&L->v_periods);
    if (x == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    x->index = i;
    ipofacts_date start, end_date, instant;
    if ((st = read_object(L, el, 5, &period_spec, &r, &x->extras, NULL, NULL, end)) != IPOFACTS_OK ||
        (st = get_id(L, el, &r, PD_ID, period_names, 1, &x->id)) != IPOFACTS_OK ||
        (st = get_string(L, el, &r, PD_LABEL, period_names, 0, 0, &x->label)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, PD_START, period_names, 0, &start)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, PD_END, period_names, 0, &end_date)) != IPOFACTS_OK ||
        (st = get_date(L, el, &r, PD_INSTANT, period_names, 0, &instant)) != IPOFACTS_OK)
        return st;
    int has_start = given(L, &r, PD_START), has_end = given(L, &r, PD_END), has_instant = given(L, &r, PD_INSTANT);
    if (has_instant) {
        if (has_start || has_end)
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, PD_INSTANT, period_names),
                        "a period has either \"instant\" or \"start\" and \"end\", not both");
        if ((st = need_day(L, el, &r, PD_INSTANT, &instant)) != IPOFACTS_OK)
            return st;
        x->is_instant = 1;
        x->end = instant;
        x->months = 0;
    } else {
        if (!has_start || !has_end)
            return FAIL(L, IPOFACTS_E_SCHEMA, el, "%s",
                        has_start ? "missing member \"end\": a duration needs \"start\" and \"end\""
                        : has_end ? "missing member \"start\": a duration needs \"start\" and \"end\""
                                  : "a period needs \"start\" and \"end\", or \"instant\"");
        if ((st = need_day(L, el, &r, PD_START, &start)) != IPOFACTS_OK ||
            (st = need_day(L, el, &r, PD_END, &end_date)) != IPOFACTS_OK)
            return st;
        int32_t months = 0;
        st = ipofacts_months_between(&months, &start, &end_date);
        if (st == IPOFACTS_E_DATE) {
            char a[IPOFACTS_DATE_STRING_SIZE], b[IPOFACTS_DATE_STRING_SIZE];
            ipofacts_date_format(&start, a, sizeof a);
            ipofacts_date_format(&end_date, b, sizeof b);
            return FAIL(L, IPOFACTS_E_DATE, mloc(&r, el, PD_END, period_names),
                        "period \"%s\" ends (%s) before it starts (%s)", CLIP(x->id), b, a);
        }
        if (st != IPOFACTS_OK && st != IPOFACTS_E_RANGE)
            return FAIL(L, st, el, "period \"%s\" has dates that cannot be used", CLIP(x->id));
        x->start = start;
        x->end = end_date;
        x->months = months;
    }
    int put = idmap_put(&L->periods, x->id, i);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, PD_ID, period_names), "duplicate period id \"%s\"",
                    CLIP(x->id));
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Facts                                                               */
/* ------------------------------------------------------------------ */

enum { FA_ID, FA_CONCEPT, FA_PERIOD, FA_SEGMENT, FA_UNIT, FA_VALUE, FA_UPPER, FA_DECIMALS, FA_QUALIFIER, FA_NOTE,
       FA_SOURCES, FA_N };
static const mname fact_names[FA_N] = {MN("id"),    MN("concept"),  MN("period"),    MN("segment"),
                                       MN("unit"),  MN("value"),    MN("upper"),     MN("decimals"),
                                       MN("qualifier"), MN("note"), MN("sources")};
static const objspec fact_spec = {fact_names, FA_N, (uint32_t)1 << FA_SOURCES};

/* A fact's citations into the fact; their unknown members wait in
 * L->fact_cextras for the fact's rare part. */
static ipofacts_status fact_citations(loader *L, const jloc *loc, size_t *end, ipofacts_fact *x)
{
    size_t n;
    ipofacts_status st = read_citations(L, loc, 6, end, &x->citations, &n, &L->fact_cextras, &x->best_rank);
    if (st != IPOFACTS_OK)
        return st;
    if (n > UINT32_MAX)
        return FAIL(L, IPOFACTS_E_SCHEMA, loc, "a fact has more than 4294967295 sources");
    x->citation_count = (uint32_t)n;
    return IPOFACTS_OK;
}

static ipofacts_status get_decimal(loader *L, const jloc *oloc, objr *r, size_t k, ipofacts_decimal *out)
{
    const char *name = fact_names[k].s;
    unsigned char c = L->u[r->off[k]];
    if (c == '-' || is_digit(c))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, fact_names),
                    "\"%s\" must be a decimal in a string (\"30523000\"), not a JSON number, so no digit is lost",
                    name);
    if (c != '"')
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(r, oloc, k, fact_names), "\"%s\" must be a decimal string, not %s", name,
                    type_name_at(L, r->off[k]));
    sview v;
    if (!member_view(L, r, k, &v))
        return nomem(L);
    ipofacts_status st = ipofacts_decimal_parse(out, v.s, v.n);
    if (st == IPOFACTS_E_OVERFLOW)
        return FAIL(L, st, mloc(r, oloc, k, fact_names),
                    "\"%s\" has more than 18 significant digits or an exponent out of range", CLIP(view_text(L, v)));
    if (st != IPOFACTS_OK)
        return FAIL(L, IPOFACTS_E_SYNTAX, mloc(r, oloc, k, fact_names), "\"%s\" is not a decimal number",
                    CLIP(view_text(L, v)));
    return IPOFACTS_OK;
}

static int qualifier_of(sview v, ipofacts_qualifier *out)
{
    const char *name;
    for (int i = 0; (name = ipofacts_qualifier_name((ipofacts_qualifier)i)) != NULL; i++) {
        if (strlen(name) == v.n && memcmp(name, v.s, v.n) == 0) {
            *out = (ipofacts_qualifier)i;
            return 1;
        }
    }
    return 0;
}

/* Reads a fact's citations where they stand (the fast pass). */
static ipofacts_status fact_sources(loader *L, void *vctx, size_t k, jloc *loc, size_t *end)
{
    (void)k;
    return fact_citations(L, loc, end, vctx);
}

static ipofacts_status read_fact(loader *L, void *vctx, const jloc *el, size_t *end)
{
    ipofacts_company *c = vctx;
    if (L->text[el->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, el, "a fact must be an object, not %s", type_name_at(L, el->off));
    size_t i = L->v_facts.len;
    ipofacts_fact *x = vec_push(&L->v_facts);
    if (x == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    /* The members few facts have, stored apart (ipf_dataset_fact_set_rare). */
    const ipf_extras *extras;
    ipofacts_decimal upper;
    int has_upper = 0;
    int *aux;
    L->fact_cextras = NULL;
    if ((st = read_object(L, el, 5, &fact_spec, &r, &extras, fact_sources, x, end)) != IPOFACTS_OK)
        return st;
    if ((st = get_id(L, el, &r, FA_ID, fact_names, 0, &x->id)) != IPOFACTS_OK)
        return st;

    /* The concept, interned, its enum value cached with it. */
    if (!given(L, &r, FA_CONCEPT))
        return missing(L, el, "concept", "a string");
    if (!is_string(L, &r, FA_CONCEPT))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_CONCEPT, fact_names), "\"concept\" must be a string, not %s",
                    type_name_at(L, r.off[FA_CONCEPT]));
    sview v;
    if (!member_view(L, &r, FA_CONCEPT, &v) || (x->concept_id = intern(L, v.s, v.n, &aux)) == NULL)
        return nomem(L);
    if (x->concept_id[0] == '\0')
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_CONCEPT, fact_names), "\"concept\" must not be empty");
    if (*aux == AUX_UNSET)
        *aux = (int)ipofacts_concept_from_id(x->concept_id);
    x->concept = (uint16_t)*aux;

    if (!given(L, &r, FA_PERIOD))
        return missing(L, el, "period", "a period id");
    if (!is_string(L, &r, FA_PERIOD))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_PERIOD, fact_names), "\"period\" must be a string, not %s",
                    type_name_at(L, r.off[FA_PERIOD]));
    if (!member_view(L, &r, FA_PERIOD, &v))
        return nomem(L);
    const idslot *ps = idmap_get(&L->periods, v.s, v.n);
    if (ps == NULL)
        return FAIL(L, IPOFACTS_E_REFERENCE, mloc(&r, el, FA_PERIOD, fact_names),
                    "no period of company \"%s\" has the id \"%s\"", CLIP(c->id), CLIP(view_text(L, v)));
    x->period = &c->periods[ps->value];

    if (given(L, &r, FA_SEGMENT)) {
        if (!is_string(L, &r, FA_SEGMENT))
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_SEGMENT, fact_names),
                        "\"segment\" must be a member id string, not %s", type_name_at(L, r.off[FA_SEGMENT]));
        if (!member_view(L, &r, FA_SEGMENT, &v))
            return nomem(L);
        const idslot *ms = idmap_get(&L->members, v.s, v.n);
        if (ms == NULL)
            return FAIL(L, IPOFACTS_E_REFERENCE, mloc(&r, el, FA_SEGMENT, fact_names),
                        "no member of company \"%s\" has the id \"%s\"", CLIP(c->id), CLIP(view_text(L, v)));
        x->segment = ms->key; /* the member's id */
    }

    /* The unit, interned, its kind cached with it. */
    if (!given(L, &r, FA_UNIT))
        return missing(L, el, "unit", "a string");
    if (!is_string(L, &r, FA_UNIT))
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_UNIT, fact_names), "\"unit\" must be a string, not %s",
                    type_name_at(L, r.off[FA_UNIT]));
    if (!member_view(L, &r, FA_UNIT, &v) || (x->unit = intern(L, v.s, v.n, &aux)) == NULL)
        return nomem(L);
    if (*aux == AUX_UNSET)
        *aux = (int)ipofacts_unit_classify(x->unit);
    if (*aux == (int)IPOFACTS_UNIT_INVALID)
        return FAIL(L, IPOFACTS_E_UNIT, mloc(&r, el, FA_UNIT, fact_names), "unknown unit \"%s\"", CLIP(x->unit));

    if (!given(L, &r, FA_VALUE))
        return missing(L, el, "value", "a decimal string");
    if ((st = get_decimal(L, el, &r, FA_VALUE, &x->value)) != IPOFACTS_OK)
        return st;

    if (!given(L, &r, FA_DECIMALS))
        return missing(L, el, "decimals", "an integer or \"INF\"");
    if (is_string(L, &r, FA_DECIMALS)) {
        if (!member_view(L, &r, FA_DECIMALS, &v))
            return nomem(L);
        if (!(v.n == 3 && memcmp(v.s, "INF", 3) == 0))
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_DECIMALS, fact_names),
                        "\"decimals\" must be an integer or \"INF\", not \"%s\"", CLIP(view_text(L, v)));
        x->decimals = IPOFACTS_DECIMALS_INF;
    } else {
        int32_t d = 0;
        int present;
        if ((st = get_int(L, el, &r, FA_DECIMALS, fact_names, IPOFACTS_DECIMAL_EXPONENT_MIN,
                          IPOFACTS_DECIMAL_EXPONENT_MAX, &d, &present)) != IPOFACTS_OK)
            return st;
        x->decimals = d;
    }

    ipofacts_qualifier q = IPOFACTS_QUALIFIER_EXACT;
    if (given(L, &r, FA_QUALIFIER)) {
        if (!is_string(L, &r, FA_QUALIFIER))
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_QUALIFIER, fact_names),
                        "\"qualifier\" must be a string, not %s", type_name_at(L, r.off[FA_QUALIFIER]));
        if (!member_view(L, &r, FA_QUALIFIER, &v))
            return nomem(L);
        if (!qualifier_of(v, &q))
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_QUALIFIER, fact_names),
                        "unknown qualifier \"%s\" (exact, approximately, at_least, at_most, range)",
                        CLIP(view_text(L, v)));
        x->flags |= IPF_FACT_HAS_QUALIFIER;
    }
    x->qualifier = (uint8_t)q;

    if (given(L, &r, FA_UPPER)) {
        if (q != IPOFACTS_QUALIFIER_RANGE)
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_UPPER, fact_names),
                        "\"upper\" is allowed only with the qualifier \"range\"");
        if ((st = get_decimal(L, el, &r, FA_UPPER, &upper)) != IPOFACTS_OK)
            return st;
        if (ipofacts_decimal_cmp(&upper, &x->value) < 0)
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_UPPER, fact_names),
                        "\"upper\" is below \"value\" in a range");
        has_upper = 1;
    } else if (q == IPOFACTS_QUALIFIER_RANGE) {
        return missing(L, el, "upper", "the upper end of a range");
    }

    const char *note;
    if ((st = get_string(L, el, &r, FA_NOTE, fact_names, 0, 0, &note)) != IPOFACTS_OK)
        return st;

    jloc *sloc;
    if (r.done & ((uint32_t)1 << FA_SOURCES)) {
        if (x->citation_count == 0)
            return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, el, FA_SOURCES, fact_names), "a fact needs at least one source");
    } else {
        if ((st = get_array(L, el, &r, FA_SOURCES, fact_names, 1, &sloc)) != IPOFACTS_OK)
            return st;
        if (sloc == NULL)
            return missing(L, el, "sources", "an array");
        size_t pos = skip_ws(L, sloc->off + 1);
        if (pos < L->len && L->text[pos] == ']')
            return FAIL(L, IPOFACTS_E_SCHEMA, sloc, "a fact needs at least one source");
        size_t aend;
        if ((st = fact_citations(L, sloc, &aend, x)) != IPOFACTS_OK)
            return st;
    }
    if (ipf_dataset_fact_set_rare(&L->arena, x, has_upper ? &upper : NULL, note, extras, L->fact_cextras) !=
        IPOFACTS_OK)
        return nomem(L);

    if (x->id != NULL) {
        int put = idmap_put(&L->facts, x->id, i);
        if (put < 0)
            return nomem(L);
        if (put == 0)
            return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, el, FA_ID, fact_names), "duplicate fact id \"%s\"",
                        CLIP(x->id));
    }
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Companies                                                           */
/* ------------------------------------------------------------------ */

enum { CO_ID, CO_NAMES, CO_EXCHANGE, CO_TICKER, CO_IDENTIFIERS, CO_FOUNDED, CO_LISTED, CO_CURRENCY,
       CO_FISCAL_YEAR_END, CO_PEOPLE, CO_MEMBERS, CO_EVENTS, CO_PERIODS, CO_FACTS, CO_N };
static const mname company_names[CO_N] = {
    MN("id"),       MN("names"),           MN("exchange"), MN("ticker"),  MN("identifiers"),
    MN("founded"),  MN("listed"),          MN("currency"), MN("fiscal_year_end"), MN("people"),
    MN("members"),  MN("events"),          MN("periods"),  MN("facts")};
static const objspec company_spec = {company_names, CO_N,
                                     ((uint32_t)1 << CO_PEOPLE) | ((uint32_t)1 << CO_MEMBERS) |
                                         ((uint32_t)1 << CO_EVENTS) | ((uint32_t)1 << CO_PERIODS) |
                                         ((uint32_t)1 << CO_FACTS)};

/* Reads one of a company's arrays at loc->off (a '['). */
static ipofacts_status company_array(loader *L, void *vctx, size_t k, jloc *loc, size_t *end)
{
    ipofacts_company *c = vctx;
    ipofacts_status st;
    int ok = 1;
    switch (k) {
    case CO_PEOPLE:
        L->v_people.len = 0;
        if ((st = read_array(L, loc, read_person, c, end)) != IPOFACTS_OK)
            return st;
        c->people = vec_to_arena(L, &L->v_people, 0, &ok);
        c->person_count = L->v_people.len;
        break;
    case CO_MEMBERS:
        L->v_members.len = 0;
        L->v_related.len = 0;
        if ((st = read_array(L, loc, read_member, c, end)) != IPOFACTS_OK ||
            (st = check_related(L, loc)) != IPOFACTS_OK)
            return st;
        c->members = vec_to_arena(L, &L->v_members, 0, &ok);
        c->member_count = L->v_members.len;
        break;
    case CO_EVENTS:
        L->v_events.len = 0;
        if ((st = read_array(L, loc, read_event, c, end)) != IPOFACTS_OK)
            return st;
        c->events = vec_to_arena(L, &L->v_events, 0, &ok);
        c->event_count = L->v_events.len;
        break;
    case CO_PERIODS:
        L->v_periods.len = 0;
        if ((st = read_array(L, loc, read_period, c, end)) != IPOFACTS_OK)
            return st;
        c->periods = vec_to_arena(L, &L->v_periods, 0, &ok);
        c->period_count = L->v_periods.len;
        break;
    default:
        L->v_facts.len = 0;
        if ((st = read_array(L, loc, read_fact, c, end)) != IPOFACTS_OK)
            return st;
        c->facts = vec_to_arena(L, &L->v_facts, 0, &ok);
        c->fact_count = L->v_facts.len;
        break;
    }
    return ok ? IPOFACTS_OK : nomem(L);
}

static ipofacts_status read_company(loader *L, void *ctx, const jloc *loc, size_t *end)
{
    (void)ctx;
    if (L->text[loc->off] != '{')
        return FAIL(L, IPOFACTS_E_SCHEMA, loc, "a company must be an object, not %s", type_name_at(L, loc->off));
    ipofacts_company *c = vec_push(&L->v_companies);
    if (c == NULL)
        return nomem(L);
    objr r;
    ipofacts_status st;
    idmap_clear(&L->periods);
    idmap_clear(&L->members);
    idmap_clear(&L->people);
    idmap_clear(&L->facts);
    if ((st = read_object(L, loc, 3, &company_spec, &r, &c->extras, company_array, c, end)) != IPOFACTS_OK ||
        (st = get_id(L, loc, &r, CO_ID, company_names, 1, &c->id)) != IPOFACTS_OK ||
        (st = get_pairs(L, loc, &r, CO_NAMES, company_names, 1, &c->names, &c->name_count)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_EXCHANGE, company_names, 0, 1, &c->exchange)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_TICKER, company_names, 0, 0, &c->ticker)) != IPOFACTS_OK ||
        (st = get_pairs(L, loc, &r, CO_IDENTIFIERS, company_names, 0, &c->identifiers, &c->identifier_count)) !=
            IPOFACTS_OK ||
        (st = get_date(L, loc, &r, CO_FOUNDED, company_names, 0, &c->founded)) != IPOFACTS_OK ||
        (st = get_date(L, loc, &r, CO_LISTED, company_names, 0, &c->listed)) != IPOFACTS_OK ||
        (st = get_string(L, loc, &r, CO_CURRENCY, company_names, 0, 1, &c->currency)) != IPOFACTS_OK)
        return st;
    int put = idmap_put(&L->companies, c->id, L->v_companies.len - 1);
    if (put < 0)
        return nomem(L);
    if (put == 0)
        return FAIL(L, IPOFACTS_E_DUPLICATE, mloc(&r, loc, CO_ID, company_names), "duplicate company id \"%s\"",
                    CLIP(c->id));
    if (c->ticker != NULL && c->ticker[0] == '\0')
        return FAIL(L, IPOFACTS_E_SCHEMA, mloc(&r, loc, CO_TICKER, company_names), "\"ticker\" must not be empty");
    if (c->currency != NULL && ipofacts_unit_classify(c->currency) != IPOFACTS_UNIT_CURRENCY)
        return FAIL(L, IPOFACTS_E_UNIT, mloc(&r, loc, CO_CURRENCY, company_names),
                    "\"%s\" is not an ISO 4217 currency code", CLIP(c->currency));
    int32_t fye = 12;
    int has_fye;
    if ((st = get_int(L, loc, &r, CO_FISCAL_YEAR_END, company_names, 1, 12, &fye, &has_fye)) != IPOFACTS_OK)
        return st;
    c->fiscal_year_end = fye;
    c->has_fiscal_year_end = (uint8_t)has_fye;

    /* The arrays not read where they stood, in their order. */
    static const size_t arrays[] = {CO_PEOPLE, CO_MEMBERS, CO_EVENTS, CO_PERIODS, CO_FACTS};
    for (size_t a = 0; a < sizeof arrays / sizeof arrays[0]; a++) {
        size_t k = arrays[a], aend;
        jloc *aloc;
        if (r.done & ((uint32_t)1 << k))
            continue;
        if ((st = get_array(L, loc, &r, k, company_names, 0, &aloc)) != IPOFACTS_OK ||
            (aloc != NULL && (st = company_array(L, c, k, aloc, &aend)) != IPOFACTS_OK))
            return st;
    }
    return IPOFACTS_OK;
}

/* The companies array at loc->off (a '['): read, then copied to the arena,
 * and the back pointers of their periods and facts set. */
static ipofacts_status read_companies(loader *L, const jloc *loc, size_t *end)
{
    L->v_companies.len = 0;
    ipofacts_status st = read_array(L, loc, read_company, NULL, end);
    if (st != IPOFACTS_OK)
        return st;
    int ok;
    ipofacts_company *cs = vec_to_arena(L, &L->v_companies, 0, &ok);
    if (!ok)
        return nomem(L);
    L->ds->companies = cs;
    L->ds->company_count = L->v_companies.len;
    for (size_t i = 0; i < L->v_companies.len; i++) {
        ipofacts_company *c = &cs[i];
        c->dataset = L->ds;
        c->index = i;
        for (size_t j = 0; j < c->period_count; j++)
            ((ipofacts_period *)c->periods)[j].company = c;
    }
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* The top level                                                       */
/* ------------------------------------------------------------------ */

enum { TOP_FORMAT, TOP_SOURCES, TOP_COMPANIES, TOP_N };
static const mname top_names[TOP_N] = {MN("format"), MN("sources"), MN("companies")};
static const objspec top_spec = {top_names, TOP_N, 0};

/* The fast pass over the whole text: the top-level members in file order,
 * the sources before the companies. */
static ipofacts_status fast_root(loader *L)
{
    const unsigned char *t = L->u;
    size_t n = L->len, pos = 0, hint = 0;
    uint32_t seen = 0;
    ipofacts_status st;
    if (n >= 3 && t[0] == 0xEF && t[1] == 0xBB && t[2] == 0xBF)
        pos = 3;
    pos = skip_ws(L, pos);
    if (pos >= n || t[pos] != '{')
        return REFUSED;
    jloc root;
    jloc_init(&root, NULL, NULL, 0, pos);
    pos = skip_ws(L, pos + 1);
    for (size_t i = 0;; i++) {
        size_t key_off = pos, kend;
        int esc;
        sview v;
        if (pos >= n || t[pos] != '"' || !lex_string(L, pos, &kend, &esc))
            return REFUSED;
        if (!string_view(L, key_off, kend, esc, &v))
            return nomem(L);
        size_t k = match_name(&top_spec, v.s, v.n, &hint);
        pos = skip_ws(L, kend);
        if (pos >= n || t[pos] != ':')
            return REFUSED;
        size_t voff = pos = skip_ws(L, pos + 1);
        if (pos >= n)
            return REFUSED;
        if (k != LOC_NONE) {
            uint32_t bit = (uint32_t)1 << k;
            if (seen & bit)
                return REFUSED;
            seen |= bit;
            jloc ml;
            jloc_init(&ml, &root, top_names[k].s, i, voff);
            if (k == TOP_FORMAT) {
                if (t[voff] != '"' || !lex_string(L, voff, &pos, &esc))
                    return REFUSED;
                if (!string_view(L, voff, pos, esc, &v))
                    return nomem(L);
                if (v.n != strlen(IPOFACTS_DATASET_FORMAT) || memcmp(v.s, IPOFACTS_DATASET_FORMAT, v.n) != 0)
                    return REFUSED;
            } else if (t[voff] != '[') {
                return REFUSED;
            } else if (k == TOP_SOURCES) {
                if ((st = read_sources(L, &ml, &pos)) != IPOFACTS_OK)
                    return st;
            } else {
                if (!(seen & ((uint32_t)1 << TOP_SOURCES)))
                    return REFUSED; /* the citations need the sources */
                if ((st = read_companies(L, &ml, &pos)) != IPOFACTS_OK)
                    return st;
            }
        } else {
            if ((st = push_unknown(L, v, i, voff)) != IPOFACTS_OK)
                return st;
            if (!skip_checked(L, voff, 1, &pos))
                return REFUSED;
        }
        int more = after_item(L, &pos, '}');
        if (more < 0)
            return REFUSED;
        if (more)
            continue;
        pos = skip_ws(L, pos);
        break;
    }
    if (pos != n || seen != ((uint32_t)1 << TOP_N) - 1)
        return REFUSED;
    st = finish_members(L, &root, 0, LOC_NONE, 0, NULL, &L->ds->extras);
    unknown_pop(L, 0);
    return st;
}

/* The careful pass over the top level, after the scan: the member names,
 * the format, the sources, the companies, then the unknown members. */
static ipofacts_status careful_root(loader *L)
{
    ipofacts_status st;
    jloc root;
    jloc_init(&root, NULL, NULL, 0, L->root_off);
    if (L->text[L->root_off] != '{')
        return fail(L, IPOFACTS_E_SCHEMA, &root, "the top level must be a JSON object");

    size_t n = L->nmembers_span, end;
    char **names = calloc(n ? n : 1, sizeof *names);
    keyidx *keys = calloc(n ? n : 1, sizeof *keys);
    jloc *locs = calloc(n ? n : 1, sizeof *locs);
    if (names == NULL || keys == NULL || locs == NULL) {
        st = nomem(L);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        names[i] = string_copy(L, L->members_span[i].key_off, &len);
        if (names[i] == NULL) {
            st = nomem(L);
            goto done;
        }
        keys[i].key = names[i];
        keys[i].len = len;
        keys[i].index = i;
        jloc_init(&locs[i], &root, names[i], i, L->members_span[i].val_off);
    }
    size_t d = first_duplicate(keys, n);
    if (d == LOC_NONE - 1) {
        st = nomem(L);
        goto done;
    }
    if (d != LOC_NONE) {
        st = fail(L, IPOFACTS_E_DUPLICATE, &locs[d], "duplicate member \"%s\" in an object", CLIP(names[d]));
        goto done;
    }
    size_t at[TOP_N] = {LOC_NONE, LOC_NONE, LOC_NONE}, unknown = 0;
    for (size_t i = 0; i < n; i++) {
        size_t hint = 0, k = match_name(&top_spec, keys[i].key, keys[i].len, &hint);
        if (k == LOC_NONE)
            unknown++;
        else
            at[k] = i;
    }

    /* The format first: nothing else means anything in another version. */
    size_t fmt = at[TOP_FORMAT], src = at[TOP_SOURCES], comp = at[TOP_COMPANIES];
    if (fmt == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"format\" (\"%s\")", IPOFACTS_DATASET_FORMAT);
        goto done;
    }
    if (L->text[locs[fmt].off] != '"') {
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[fmt], "\"format\" must be the string \"%s\"", IPOFACTS_DATASET_FORMAT);
        goto done;
    }
    {
        size_t len;
        char *f = string_copy(L, locs[fmt].off, &len);
        if (f == NULL) {
            st = nomem(L);
            goto done;
        }
        int ok = strcmp(f, IPOFACTS_DATASET_FORMAT) == 0;
        if (!ok)
            fail(L, IPOFACTS_E_VERSION, &locs[fmt], "unknown format \"%s\"; this library reads \"%s\"", CLIP(f),
                 IPOFACTS_DATASET_FORMAT);
        free(f);
        if (!ok) {
            st = IPOFACTS_E_VERSION;
            goto done;
        }
    }

    if (src == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"sources\" (an array, may be empty)");
        goto done;
    }
    if (L->text[locs[src].off] != '[') {
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[src], "\"sources\" must be an array, not %s",
                  type_name_at(L, locs[src].off));
        goto done;
    }
    if ((st = read_sources(L, &locs[src], &end)) != IPOFACTS_OK)
        goto done;

    if (comp == LOC_NONE) {
        st = fail(L, IPOFACTS_E_SCHEMA, &root, "missing member \"companies\" (an array, may be empty)");
        goto done;
    }
    if (L->text[locs[comp].off] != '[') {
        st = fail(L, IPOFACTS_E_SCHEMA, &locs[comp], "\"companies\" must be an array, not %s",
                  type_name_at(L, locs[comp].off));
        goto done;
    }
    if ((st = read_companies(L, &locs[comp], &end)) != IPOFACTS_OK)
        goto done;

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
            if ((st = check_deep(L, &locs[i])) != IPOFACTS_OK ||
                (st = keep_member(L, names[i], keys[i].len, locs[i].off, &e->items[e->count].text,
                                  &e->items[e->count].len)) != IPOFACTS_OK)
                goto done;
            e->count++;
        }
        L->ds->extras = e;
    }
    st = IPOFACTS_OK;
done:
    if (names != NULL)
        for (size_t i = 0; i < n; i++)
            free(names[i]);
    free(names);
    free(keys);
    free(locs);
    return st;
}

static vec *loader_vecs(loader *L, size_t i)
{
    vec *all[] = {&L->unknown, &L->v_sources, &L->v_companies, &L->v_people, &L->v_members, &L->v_events,
                  &L->v_periods, &L->v_facts, &L->v_citations, &L->v_related, &L->v_strings, &L->v_cextras};
    return i < sizeof all / sizeof all[0] ? all[i] : NULL;
}

static void loader_init(loader *L, const char *data, size_t len, const char *file, ipofacts_error *error)
{
    memset(L, 0, sizeof *L);
    L->text = data;
    L->u = (const unsigned char *)data;
    L->len = len;
    L->file = file;
    L->err = error;
    vec_init(&L->unknown, sizeof(unknown_member));
    vec_init(&L->v_sources, sizeof(ipofacts_source));
    vec_init(&L->v_companies, sizeof(ipofacts_company));
    vec_init(&L->v_people, sizeof(ipofacts_person));
    vec_init(&L->v_members, sizeof(ipofacts_member));
    vec_init(&L->v_events, sizeof(ipofacts_event));
    vec_init(&L->v_periods, sizeof(ipofacts_period));
    vec_init(&L->v_facts, sizeof(ipofacts_fact));
    vec_init(&L->v_citations, sizeof(ipf_citation));
    vec_init(&L->v_related, sizeof(related_at));
    vec_init(&L->v_strings, sizeof(const char *));
    vec_init(&L->v_cextras, sizeof(const ipf_extras *));
}

/* Forgets everything the fast pass built, for the careful pass. */
static void loader_reset(loader *L)
{
    unknown_pop(L, 0);
    for (size_t i = 0; loader_vecs(L, i) != NULL; i++)
        loader_vecs(L, i)->len = 0;
    ipf_dataset_arena_free(&L->arena);
    L->ds = NULL;
    free(L->interned);
    L->interned = NULL;
    L->intern_cap = L->intern_count = 0;
    idmap_clear(&L->sources);
    idmap_clear(&L->companies);
    idmap_clear(&L->periods);
    idmap_clear(&L->members);
    idmap_clear(&L->people);
    idmap_clear(&L->facts);
}

static void loader_free(loader *L)
{
    unknown_pop(L, 0);
    for (size_t i = 0; loader_vecs(L, i) != NULL; i++)
        free(loader_vecs(L, i)->data);
    free(L->interned);
    idmap_free(&L->sources);
    idmap_free(&L->companies);
    idmap_free(&L->periods);
    idmap_free(&L->members);
    idmap_free(&L->people);
    idmap_free(&L->facts);
    free(L->tmp.data);
    free(L->members_span);
}

static ipofacts_status load(ipofacts_dataset **out, const char *data, size_t len, const char *file,
                            ipofacts_error *error)
{
    if ((uint64_t)len > MAX_INPUT) {
        ipf_error_set(error, IPOFACTS_E_TOO_LARGE, file, 0, 0, 0, NULL, "the input is larger than 2 GiB (%zu bytes)",
                      len);
        return IPOFACTS_E_TOO_LARGE;
    }
    loader L;
    loader_init(&L, data, len, file, error);
    ipofacts_status st;
    L.ds = ipf_dataset_arena_alloc(&L.arena, 1, sizeof *L.ds);
    st = L.ds == NULL ? nomem(&L) : fast_root(&L);
    if (st != IPOFACTS_OK && st != IPOFACTS_E_NOMEM) {
        /* The careful pass decides, and says why. */
        loader_reset(&L);
        L.careful = 1;
        st = check_bytes(&L);
        if (st == IPOFACTS_OK)
            st = scan(&L);
        if (st == IPOFACTS_OK) {
            L.ds = ipf_dataset_arena_alloc(&L.arena, 1, sizeof *L.ds);
            st = L.ds == NULL ? nomem(&L) : careful_root(&L);
        }
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
    loader_free(&L);
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
