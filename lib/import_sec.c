/*
 * Import of SEC EDGAR companyfacts JSON (ipofacts/import.h).
 *
 * The file is walked once with the validating scanner of import_json.h, so
 * the whole document is never held as a tree: each record is a small object
 * whose members are located by the scanner and whose `val` is read as the
 * correctly rounded double. Records of mapped concepts are kept in a compact array; the
 * input text is released before the dataset is built. The dataset is then
 * written as a document of our format (docs/data-format.md) with cJSON and
 * loaded with ipofacts_dataset_load_buffer(), so it obeys every rule of a
 * dataset file. docs/import-sec.md describes the rules implemented here.
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include <unistr.h>

#include "ipofacts/import.h"
#include "import_json.h"
#include "internal.h"

/* Longest entityName accepted, in bytes. */
#define SEC_NAME_MAX 4096
/* Longest form type ("10-K", "20-F/A", "S-1/A"), in bytes. */
#define SEC_FORM_MAX 32
/* Coarsest precision the importer infers: millions (see docs/import-sec.md). */
#define SEC_DECIMALS_MIN (-6)

/* Durations classified by their length in days (both ends included). */
static const struct {
    int32_t months, min_days, max_days;
} sec_lengths[] = {
    {3, 77, 119},   /* a quarter */
    {6, 160, 200},  /* a half year, six months to date */
    {9, 238, 287},  /* nine months to date */
    {12, 350, 379}, /* a fiscal year, 52/53-week years included */
};

/* ------------------------------------------------------------------ */
/* A set of strings with a number each                                 */
/* ------------------------------------------------------------------ */

typedef struct strset {
    char **keys;
    uint32_t *vals;
    size_t cap; /* a power of two, or 0 */
    size_t count;
} strset;

static uint64_t str_hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static int strset_grow(strset *set)
{
    size_t cap = set->cap ? set->cap * 2 : 16;
    char **keys = calloc(cap, sizeof *keys);
    uint32_t *vals = calloc(cap, sizeof *vals);
    if (keys == NULL || vals == NULL) {
        free(keys);
        free(vals);
        return -1;
    }
    for (size_t i = 0; i < set->cap; i++) {
        if (set->keys[i] == NULL)
            continue;
        size_t j = (size_t)str_hash(set->keys[i], strlen(set->keys[i])) & (cap - 1);
        while (keys[j] != NULL)
            j = (j + 1) & (cap - 1);
        keys[j] = set->keys[i];
        vals[j] = set->vals[i];
    }
    free(set->keys);
    free(set->vals);
    set->keys = keys;
    set->vals = vals;
    set->cap = cap;
    return 0;
}

/* Looks key[0..n) up: returns 1 and its number in *val when present; else
 * adds it with number `val_new` and returns 0; -1 when memory runs out. */
static int strset_put(strset *set, const char *key, size_t n, uint32_t val_new, uint32_t *val)
{
    if ((set->count + 1) * 2 > set->cap && strset_grow(set) != 0)
        return -1;
    size_t j = (size_t)str_hash(key, n) & (set->cap - 1);
    while (set->keys[j] != NULL) {
        if (strlen(set->keys[j]) == n && memcmp(set->keys[j], key, n) == 0) {
            if (val)
                *val = set->vals[j];
            return 1;
        }
        j = (j + 1) & (set->cap - 1);
    }
    char *copy = ipf_strndup(key, n);
    if (copy == NULL)
        return -1;
    set->keys[j] = copy;
    set->vals[j] = val_new;
    set->count++;
    if (val)
        *val = val_new;
    return 0;
}

static void strset_free(strset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->keys[i]);
    free(set->keys);
    free(set->vals);
    memset(set, 0, sizeof *set);
}

/* ------------------------------------------------------------------ */
/* The import context                                                  */
/* ------------------------------------------------------------------ */

typedef struct sec_filing {
    char accn[21];
    char form[SEC_FORM_MAX + 1];
    ipofacts_date filed;
    int used;
} sec_filing;

typedef struct sec_rec {
    ipofacts_date start; /* precision UNKNOWN for an instant */
    ipofacts_date end;
    ipofacts_decimal value;
    int32_t start_days; /* INT32_MIN for an instant */
    int32_t end_days;
    int32_t decimals;
    uint32_t row;     /* row of the mapping table */
    uint32_t concept; /* first mapping row of the same concept of ours: orders concepts */
    uint32_t unit;   /* index of ctx->units */
    uint32_t filing; /* index of ctx->filings */
    uint32_t text;   /* offset of the value as filed in ctx->pool */
    uint32_t period; /* index of the period, set when periods are built */
    uint32_t seq;    /* order in the file */
} sec_rec;

typedef struct sec_period {
    ipofacts_date start, end; /* start UNKNOWN for an instant */
    ipofacts_date nstart, nend; /* nominal whole-month dates of a classified duration */
    int32_t start_days, end_days;
    int32_t months; /* 3, 6, 9, 12 for a classified duration, else 0 */
    size_t nrecs;
    char id[64];
    char label[64];
} sec_period;

typedef struct sec_ctx {
    ipf_json_scan s;
    const char *file;
    ipofacts_error *error;
    ipofacts_sec_import_summary sum;

    /* Where the walk is, for the JSON path of an error. */
    const char *loc_top;
    const char *loc_tax; /* decoded names, which may hold a NUL (an error) */
    const char *loc_concept;
    const char *loc_unit;
    size_t loc_tax_len, loc_concept_len, loc_unit_len;
    long loc_index; /* -1 when not in a units list */

    /* The company. */
    char cik[11];
    int have_cik, have_name, have_facts;
    char *name;

    /* The mapping table. */
    ipofacts_sec_mapping *map;
    uint32_t *concept_ord; /* per row: the first row of the same concept */
    size_t nmap;

    /* Filings, by accession number. */
    sec_filing *filings;
    size_t nfilings, capfilings;
    strset accns;

    /* Units of ours ("USD", "shares", "USD/share"). */
    char (*units)[16];
    size_t nunits, capunits;

    /* Records of mapped concepts. */
    sec_rec *recs;
    size_t nrecs, caprecs;
    char *pool;
    size_t poollen, poolcap;

    /* Built from the records. */
    sec_period *periods;
    size_t nperiods;
    int32_t fy_end;
} sec_ctx;

static void ctx_free(sec_ctx *c)
{
    free(c->name);
    free(c->map);
    free(c->concept_ord);
    free(c->filings);
    strset_free(&c->accns);
    free(c->units);
    free(c->recs);
    free(c->pool);
    free(c->periods);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

static int is_ident(const char *k, size_t n)
{
    if (n == 0 || !((*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') || *k == '_'))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = k[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
            return 0;
    }
    return 1;
}

static void path_add(char *buf, size_t size, size_t *n, const char *text)
{
    size_t len = strlen(text);
    if (*n + len >= size)
        len = *n + 1 < size ? size - *n - 1 : 0;
    memcpy(buf + *n, text, len);
    *n += len;
    buf[*n] = '\0';
}

/* Appends `.key`, or `["key"]` with JSON escapes when key[0..len) is not an identifier. */
static void path_key(char *buf, size_t size, size_t *n, const char *key, size_t len)
{
    if (is_ident(key, len)) {
        path_add(buf, size, n, ".");
        size_t k = *n + len < size ? len : (*n + 1 < size ? size - *n - 1 : 0);
        memcpy(buf + *n, key, k);
        *n += k;
        buf[*n] = '\0';
        return;
    }
    path_add(buf, size, n, "[\"");
    for (size_t i = 0; i < len; i++) {
        char one[8];
        char ch = key[i];
        if (ch == '"' || ch == '\\') {
            one[0] = '\\';
            one[1] = ch;
            one[2] = '\0';
        } else if ((unsigned char)ch < 0x20) {
            snprintf(one, sizeof one, "\\u%04x", (unsigned)(unsigned char)ch);
        } else {
            one[0] = ch;
            one[1] = '\0';
        }
        path_add(buf, size, n, one);
    }
    path_add(buf, size, n, "\"]");
}

/* The JSON path of the walk's place, with `member` appended when not NULL. */
static void ctx_path(const sec_ctx *c, const char *member, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    path_add(buf, size, &n, "$");
    if (c->loc_top)
        path_key(buf, size, &n, c->loc_top, strlen(c->loc_top));
    if (c->loc_tax)
        path_key(buf, size, &n, c->loc_tax, c->loc_tax_len);
    if (c->loc_concept)
        path_key(buf, size, &n, c->loc_concept, c->loc_concept_len);
    if (c->loc_unit) {
        path_key(buf, size, &n, "units", 5);
        path_key(buf, size, &n, c->loc_unit, c->loc_unit_len);
    }
    if (c->loc_index >= 0) {
        char idx[32];
        snprintf(idx, sizeof idx, "[%ld]", c->loc_index);
        path_add(buf, size, &n, idx);
    }
    if (member)
        path_key(buf, size, &n, member, strlen(member));
}

static ipofacts_status ctx_fail(sec_ctx *c, ipofacts_status st, size_t offset, const char *member, const char *fmt,
                                ...) IPF_PRINTF(5, 6);

static ipofacts_status ctx_fail(sec_ctx *c, ipofacts_status st, size_t offset, const char *member, const char *fmt,
                                ...)
{
    char path[IPOFACTS_ERROR_PATH_SIZE * 2];
    uint32_t line = 0, col = 0;
    ctx_path(c, member, path, sizeof path);
    if (c->s.text != NULL)
        ipf_json_position(c->s.text, c->s.len, offset, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    ipf_error_setv(c->error, st, c->file, line, col, offset, path, fmt, ap);
    va_end(ap);
    return st;
}

/* Reports the error the scanner recorded. */
static ipofacts_status scan_fail(sec_ctx *c)
{
    return ctx_fail(c, c->s.err_status, c->s.err_pos, NULL, "%s", c->s.err_msg);
}

static ipofacts_status nomem(sec_ctx *c)
{
    ipf_error_set(c->error, IPOFACTS_E_NOMEM, c->file, 0, 0, 0, NULL, "out of memory");
    return IPOFACTS_E_NOMEM;
}

/* What kind of JSON value starts with byte ch. */
static const char *kind_name(int ch)
{
    switch (ch) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return "a number";
    }
}

/* ------------------------------------------------------------------ */
/* Small readers                                                       */
/* ------------------------------------------------------------------ */

/* Validates the value at pos (at `depth`) and leaves pos after it. */
static ipofacts_status skip_value(sec_ctx *c, unsigned depth, size_t *begin, size_t *end)
{
    /* The bounds are set on every path: where the value starts when the
     * scan fails. */
    size_t b = c->s.pos;
    size_t e = b;
    int failed = ipf_json_value(&c->s, depth, &b, &e) != 0;
    if (begin)
        *begin = b;
    if (end)
        *end = e;
    return failed ? scan_fail(c) : IPOFACTS_OK;
}

/* A malloc'd decoded copy of the string token text[b..e), its length in
 * *len; NULL when memory runs out. */
static char *token_dup(const sec_ctx *c, size_t b, size_t e, size_t *len, int *has_nul)
{
    char *out = malloc(e - b);
    if (out == NULL)
        return NULL;
    long n = ipf_json_decode(c->s.text + b, e - b, out, e - b, has_nul);
    if (n < 0) {
        free(out); /* cannot happen: decoding never lengthens a token */
        return NULL;
    }
    *len = (size_t)n;
    return out;
}

/* Whether the key token text[b..e) decodes to `want`. */
static int key_is(const sec_ctx *c, size_t b, size_t e, int escaped, const char *want)
{
    size_t n = strlen(want);
    if (!escaped)
        return e - b == n + 2 && memcmp(c->s.text + b + 1, want, n) == 0;
    char buf[64];
    int has_nul;
    long len = ipf_json_decode(c->s.text + b, e - b, buf, sizeof buf, &has_nul);
    return len == (long)n && memcmp(buf, want, n) == 0;
}

/* Expects an object at pos; when the value is something else, validates it
 * and reports `what` as being of the wrong kind. */
static ipofacts_status open_object(sec_ctx *c, unsigned depth, const char *member, const char *what)
{
    int ch = ipf_json_peek(&c->s);
    if (ch == '{') {
        c->s.pos++;
        return IPOFACTS_OK;
    }
    size_t b;
    ipofacts_status st = skip_value(c, depth, &b, NULL);
    if (st != IPOFACTS_OK)
        return st;
    return ctx_fail(c, IPOFACTS_E_SCHEMA, b, member, "%s is %s, not an object", what, kind_name(ch));
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

/* The shortest decimal text that reads back as d ("%.{1..17}g"), in the C
 * locale the caller set. */
static void shortest_text(char *buf, size_t size, double d)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, size, "%.*g", p, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

/* Whether a decimal has no fractional part. */
static int decimal_is_integer(const ipofacts_decimal *d)
{
    int64_t coef = d->coefficient;
    for (int32_t e = d->exponent; e < 0; e++) {
        if (coef % 10 != 0)
            return 0;
        coef /= 10;
    }
    return 1;
}

/* 2^53 as a decimal. */
static const ipofacts_decimal two_pow_53 = {INT64_C(9007199254740992), 0, 0};

/*
 * Reads the number token text[b..e) of `val`: the double a JSON reader
 * would make of it (the correctly rounded one; not cJSON's parser, which
 * writes a global error record and so cannot run in two threads at once),
 * the shortest decimal that round-trips gives the value, and the token
 * itself proves that no digit was lost.
 */
static ipofacts_status read_val(sec_ctx *c, size_t b, size_t e, ipofacts_decimal *value)
{
    const char *tok = c->s.text + b;
    size_t n = e - b;
    int shown = n > 40 ? 40 : (int)n;
    const char *more = n > 40 ? "..." : "";
    ipofacts_decimal exact;
    if (ipofacts_decimal_parse(&exact, tok, n) != IPOFACTS_OK) {
        if (memchr(tok, '.', n) == NULL && memchr(tok, 'e', n) == NULL && memchr(tok, 'E', n) == NULL)
            return ctx_fail(c, IPOFACTS_E_RANGE, b, "val",
                            "val %.*s%s is an integer beyond 2^53 in magnitude: a double cannot carry it exactly",
                            shown, tok, more);
        return ctx_fail(c, IPOFACTS_E_RANGE, b, "val",
                        "val %.*s%s has more digits, or a larger exponent, than the importer carries exactly",
                        shown, tok, more);
    }
    if (decimal_is_integer(&exact)) {
        ipofacts_decimal mag = exact;
        if (mag.coefficient < 0)
            mag.coefficient = -mag.coefficient;
        if (ipofacts_decimal_cmp(&mag, &two_pow_53) > 0)
            return ctx_fail(c, IPOFACTS_E_RANGE, b, "val",
                            "val %.*s%s is an integer beyond 2^53 in magnitude: a double cannot carry it exactly",
                            shown, tok, more);
    }

    double d = ipofacts_decimal_to_double(&exact);
    if (!isfinite(d))
        return ctx_fail(c, IPOFACTS_E_RANGE, b, "val", "val %.*s%s is beyond the range of a double", shown, tok,
                        more);
    char text[40];
    shortest_text(text, sizeof text, d);
    ipofacts_decimal shortest;
    if (ipofacts_decimal_parse(&shortest, text, strlen(text)) != IPOFACTS_OK ||
        ipofacts_decimal_cmp(&shortest, &exact) != 0)
        return ctx_fail(c, IPOFACTS_E_RANGE, b, "val",
                        "val %.*s%s has more significant digits than a double carries exactly (it reads as %s)",
                        shown, tok, more, text);
    *value = shortest;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Records                                                             */
/* ------------------------------------------------------------------ */

enum { M_START, M_END, M_VAL, M_ACCN, M_FORM, M_FILED, M_COUNT };
static const char *const member_names[M_COUNT] = {"start", "end", "val", "accn", "form", "filed"};

typedef struct span {
    size_t b, e;
    int present;
    int escaped;
} span;

/* Reads a date member (YYYY-MM-DD). */
static ipofacts_status read_date(sec_ctx *c, const span *sp, const char *member, ipofacts_date *out)
{
    int ch = (unsigned char)c->s.text[sp->b];
    if (ch != '"')
        return ctx_fail(c, IPOFACTS_E_SCHEMA, sp->b, member, "%s is %s, not a date string", member, kind_name(ch));
    char buf[16];
    int has_nul;
    long n = ipf_json_decode(c->s.text + sp->b, sp->e - sp->b, buf, sizeof buf, &has_nul);
    if (n < 0 || has_nul)
        return ctx_fail(c, IPOFACTS_E_SYNTAX, sp->b, member, "%s is not a date of the form YYYY-MM-DD", member);
    ipofacts_status st = ipofacts_date_parse(out, buf, (size_t)n);
    if (st == IPOFACTS_OK && (n != 10 || out->precision != IPOFACTS_DATE_DAY))
        st = IPOFACTS_E_SYNTAX;
    if (st == IPOFACTS_E_DATE)
        return ctx_fail(c, st, sp->b, member, "%s \"%s\" is not a day of the calendar", member, buf);
    if (st != IPOFACTS_OK)
        return ctx_fail(c, IPOFACTS_E_SYNTAX, sp->b, member, "%s \"%s\" is not a date of the form YYYY-MM-DD", member,
                        buf);
    return IPOFACTS_OK;
}

static int accn_valid(const char *a, size_t n)
{
    if (n != 20)
        return 0;
    for (size_t i = 0; i < 20; i++) {
        if (i == 10 || i == 13) {
            if (a[i] != '-')
                return 0;
        } else if (a[i] < '0' || a[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static ipofacts_status read_string_member(sec_ctx *c, const span *sp, const char *member, char *buf, size_t size,
                                          long *len)
{
    int ch = (unsigned char)c->s.text[sp->b];
    if (ch != '"')
        return ctx_fail(c, IPOFACTS_E_SCHEMA, sp->b, member, "%s is %s, not a string", member, kind_name(ch));
    int has_nul;
    *len = ipf_json_decode(c->s.text + sp->b, sp->e - sp->b, buf, size, &has_nul);
    if (*len < 0)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, sp->b, member, "%s is longer than %zu bytes", member, size - 1);
    if (has_nul)
        return ctx_fail(c, IPOFACTS_E_UTF8, sp->b, member, "%s holds a NUL character", member);
    if (u8_check((const uint8_t *)buf, (size_t)*len) != NULL)
        return ctx_fail(c, IPOFACTS_E_UTF8, sp->b, member, "%s is not valid UTF-8", member);
    return IPOFACTS_OK;
}

/* Our unit for an SEC unit: "USD" stays, "USD/shares" becomes "USD/share",
 * "shares" and "pure" stay; NULL for any other unit. */
static int sec_unit(const char *u, char out[16])
{
    size_t n = strlen(u);
    int cur = n >= 3 && u[0] >= 'A' && u[0] <= 'Z' && u[1] >= 'A' && u[1] <= 'Z' && u[2] >= 'A' && u[2] <= 'Z';
    if (cur && n == 3) {
        memcpy(out, u, 4);
        return 1;
    }
    if (cur && strcmp(u + 3, "/shares") == 0) {
        memcpy(out, u, 3);
        memcpy(out + 3, "/share", 7);
        return 1;
    }
    if (strcmp(u, "shares") == 0 || strcmp(u, "pure") == 0) {
        memcpy(out, u, n + 1);
        return 1;
    }
    return 0;
}

static int push_text(sec_ctx *c, const char *t, size_t n, uint32_t *off)
{
    if (c->poollen + n + 1 > c->poolcap) {
        size_t cap = c->poolcap ? c->poolcap * 2 : 4096;
        while (cap < c->poollen + n + 1)
            cap *= 2;
        char *p = realloc(c->pool, cap);
        if (p == NULL)
            return -1;
        c->pool = p;
        c->poolcap = cap;
    }
    *off = (uint32_t)c->poollen;
    memcpy(c->pool + c->poollen, t, n);
    c->pool[c->poollen + n] = '\0';
    c->poollen += n + 1;
    return 0;
}

static ipofacts_status intern_filing(sec_ctx *c, const char *accn, const char *form, const ipofacts_date *filed,
                                     uint32_t *index)
{
    uint32_t idx;
    int r = strset_put(&c->accns, accn, 20, (uint32_t)c->nfilings, &idx);
    if (r < 0)
        return nomem(c);
    if (r == 0) {
        if (c->nfilings == c->capfilings) {
            size_t cap = c->capfilings ? c->capfilings * 2 : 64;
            sec_filing *f = realloc(c->filings, cap * sizeof *f);
            if (f == NULL)
                return nomem(c);
            c->filings = f;
            c->capfilings = cap;
        }
        sec_filing *f = &c->filings[c->nfilings++];
        memset(f, 0, sizeof *f);
        memcpy(f->accn, accn, 21);
        snprintf(f->form, sizeof f->form, "%s", form);
        f->filed = *filed;
    }
    *index = idx;
    return IPOFACTS_OK;
}

/*
 * One record of a units list: `row` is the mapping row of the concept (-1
 * when unmapped), `unit` the index of our unit (-1 when the SEC unit is not
 * one we know).
 */
static ipofacts_status parse_record(sec_ctx *c, long row, long unit)
{
    ipf_json_scan *s = &c->s;
    size_t rec_pos = s->pos;
    ipofacts_status st = open_object(c, 6, NULL, "a record");
    if (st != IPOFACTS_OK)
        return st;
    span m[M_COUNT];
    memset(m, 0, sizeof m);
    int first = 1, r;
    size_t kb, ke;
    int esc;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        int which = -1;
        for (int i = 0; i < M_COUNT; i++)
            if (key_is(c, kb, ke, esc, member_names[i]))
                which = i;
        size_t vb, ve;
        st = skip_value(c, 7, &vb, &ve);
        if (st != IPOFACTS_OK)
            return st;
        if (which < 0)
            continue; /* fy, fp, frame and others describe the filing: not used */
        if (m[which].present)
            return ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, member_names[which], "the record gives \"%s\" twice",
                            member_names[which]);
        m[which].present = 1;
        m[which].b = vb;
        m[which].e = ve;
    }
    if (r < 0)
        return scan_fail(c);

    for (int i = M_END; i < M_COUNT; i++)
        if (!m[i].present || c->s.text[m[i].b] == 'n')
            return ctx_fail(c, IPOFACTS_E_SCHEMA, m[i].present ? m[i].b : rec_pos, member_names[i],
                            "the record has no \"%s\"", member_names[i]);

    /* Dates. */
    ipofacts_date start = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0}, end, filed;
    int has_start = m[M_START].present && c->s.text[m[M_START].b] != 'n';
    if (has_start && (st = read_date(c, &m[M_START], "start", &start)) != IPOFACTS_OK)
        return st;
    if ((st = read_date(c, &m[M_END], "end", &end)) != IPOFACTS_OK)
        return st;
    if (has_start && ipofacts_date_cmp(&end, &start) < 0) {
        char ds[IPOFACTS_DATE_STRING_SIZE], de[IPOFACTS_DATE_STRING_SIZE];
        ipofacts_date_format(&start, ds, sizeof ds);
        ipofacts_date_format(&end, de, sizeof de);
        return ctx_fail(c, IPOFACTS_E_DATE, m[M_END].b, "end", "the period ends (%s) before it starts (%s)", de, ds);
    }
    if ((st = read_date(c, &m[M_FILED], "filed", &filed)) != IPOFACTS_OK)
        return st;

    /* Filing. */
    char accn[24], form[SEC_FORM_MAX + 1];
    long n;
    if ((st = read_string_member(c, &m[M_ACCN], "accn", accn, sizeof accn, &n)) != IPOFACTS_OK)
        return st;
    if (!accn_valid(accn, (size_t)n))
        return ctx_fail(c, IPOFACTS_E_SCHEMA, m[M_ACCN].b, "accn",
                        "accn \"%s\" is not an accession number (NNNNNNNNNN-NN-NNNNNN)", accn);
    if ((st = read_string_member(c, &m[M_FORM], "form", form, sizeof form, &n)) != IPOFACTS_OK)
        return st;
    if (n == 0)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, m[M_FORM].b, "form", "form is empty");
    for (long i = 0; i < n; i++)
        if ((unsigned char)form[i] < 0x20 || form[i] == 0x7f)
            return ctx_fail(c, IPOFACTS_E_SCHEMA, m[M_FORM].b, "form", "form holds a control character");

    /* Value. */
    int vch = (unsigned char)c->s.text[m[M_VAL].b];
    if (vch != '-' && (vch < '0' || vch > '9'))
        return ctx_fail(c, IPOFACTS_E_SCHEMA, m[M_VAL].b, "val", "val is %s, not a number", kind_name(vch));
    ipofacts_decimal value;
    if ((st = read_val(c, m[M_VAL].b, m[M_VAL].e, &value)) != IPOFACTS_OK)
        return st;

    /* Keep it, or count why not. */
    c->sum.records++;
    if (row < 0) {
        c->sum.skipped_unmapped++;
        return IPOFACTS_OK;
    }
    const ipofacts_sec_mapping *mr = &c->map[row];
    if (unit < 0 || (uint32_t)ipofacts_unit_classify(c->units[unit]) != mr->unit_kind) {
        c->sum.skipped_unit++;
        return IPOFACTS_OK;
    }
    if ((mr->period_kind == IPOFACTS_SEC_DURATION) != has_start) {
        c->sum.skipped_period++;
        return IPOFACTS_OK;
    }
    if (c->nrecs == c->caprecs) {
        size_t cap = c->caprecs ? c->caprecs + c->caprecs / 2 : 256;
        sec_rec *p = realloc(c->recs, cap * sizeof *p);
        if (p == NULL)
            return nomem(c);
        c->recs = p;
        c->caprecs = cap;
    }
    sec_rec *rec = &c->recs[c->nrecs];
    memset(rec, 0, sizeof *rec);
    rec->start = start;
    rec->end = end;
    rec->value = value;
    int64_t days;
    ipofacts_date_days(&days, &end);
    rec->end_days = (int32_t)days;
    rec->start_days = INT32_MIN;
    if (has_start) {
        ipofacts_date_days(&days, &start);
        rec->start_days = (int32_t)days;
    }
    int32_t dec = ipofacts_decimal_stated_decimals(&value);
    if (value.coefficient == 0)
        dec = 0;
    rec->decimals = dec < SEC_DECIMALS_MIN ? SEC_DECIMALS_MIN : dec;
    rec->row = (uint32_t)row;
    rec->concept = c->concept_ord[row];
    rec->unit = (uint32_t)unit;
    rec->seq = (uint32_t)c->nrecs;
    if ((st = intern_filing(c, accn, form, &filed, &rec->filing)) != IPOFACTS_OK)
        return st;
    if (push_text(c, c->s.text + m[M_VAL].b, m[M_VAL].e - m[M_VAL].b, &rec->text) != 0)
        return nomem(c);
    c->nrecs++;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Units, concepts, taxonomies                                         */
/* ------------------------------------------------------------------ */

static long intern_unit(sec_ctx *c, const char *sec)
{
    char ours[16];
    if (!sec_unit(sec, ours))
        return -1;
    for (size_t i = 0; i < c->nunits; i++)
        if (strcmp(c->units[i], ours) == 0)
            return (long)i;
    if (c->nunits == c->capunits) {
        size_t cap = c->capunits ? c->capunits * 2 : 8;
        char(*u)[16] = realloc(c->units, cap * sizeof *u);
        if (u == NULL)
            return -2;
        c->units = u;
        c->capunits = cap;
    }
    memcpy(c->units[c->nunits], ours, sizeof ours);
    return (long)c->nunits++;
}

static ipofacts_status parse_units(sec_ctx *c, long row)
{
    ipf_json_scan *s = &c->s;
    size_t units_pos = s->pos;
    ipofacts_status st = open_object(c, 4, NULL, "units");
    if (st != IPOFACTS_OK)
        return st;
    strset seen = {0};
    int first = 1, r;
    size_t kb, ke;
    int esc;
    size_t count = 0;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        int has_nul;
        size_t klen;
        char *key = token_dup(c, kb, ke, &klen, &has_nul);
        if (key == NULL) {
            st = nomem(c);
            break;
        }
        c->loc_unit = key;
        c->loc_unit_len = klen;
        int dup = has_nul ? 0 : strset_put(&seen, key, strlen(key), 0, NULL);
        if (has_nul) {
            st = ctx_fail(c, IPOFACTS_E_UTF8, kb, NULL, "the unit's name holds a NUL character");
        } else if (dup != 0) {
            st = dup < 0 ? nomem(c) : ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the unit is given twice");
        } else if (ipf_json_peek(s) != '[') {
            int ch = ipf_json_peek(s);
            size_t b;
            st = skip_value(c, 5, &b, NULL);
            if (st == IPOFACTS_OK)
                st = ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "the unit's records are %s, not an array",
                              kind_name(ch));
        } else {
            long unit = intern_unit(c, key);
            if (unit == -2) {
                st = nomem(c);
            } else {
                s->pos++;
                int efirst = 1, er;
                c->loc_index = 0;
                while ((er = ipf_json_element(s, &efirst)) == 1) {
                    st = parse_record(c, row, unit);
                    if (st != IPOFACTS_OK)
                        break;
                    c->loc_index++;
                }
                if (st == IPOFACTS_OK && er < 0)
                    st = scan_fail(c);
                c->loc_index = -1;
            }
        }
        c->loc_unit = NULL;
        free(key);
        count++;
        if (st != IPOFACTS_OK)
            break;
    }
    strset_free(&seen);
    if (st != IPOFACTS_OK)
        return st;
    if (r < 0)
        return scan_fail(c);
    if (count == 0)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, units_pos, "units", "the concept has no units");
    return IPOFACTS_OK;
}

static long find_row(const sec_ctx *c, const char *tax, const char *concept)
{
    for (size_t i = 0; i < c->nmap; i++)
        if (strcmp(c->map[i].taxonomy, tax) == 0 && strcmp(c->map[i].sec_concept, concept) == 0)
            return (long)i;
    return -1;
}

static ipofacts_status parse_concept(sec_ctx *c, long row)
{
    ipf_json_scan *s = &c->s;
    size_t concept_pos = s->pos;
    ipofacts_status st = open_object(c, 3, NULL, "the concept");
    if (st != IPOFACTS_OK)
        return st;
    int first = 1, r, have_units = 0;
    size_t kb, ke;
    int esc;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        if (key_is(c, kb, ke, esc, "units")) {
            if (have_units)
                return ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, "units", "the concept gives \"units\" twice");
            have_units = 1;
            st = parse_units(c, row);
        } else {
            st = skip_value(c, 4, NULL, NULL); /* label, description */
        }
        if (st != IPOFACTS_OK)
            return st;
    }
    if (r < 0)
        return scan_fail(c);
    if (!have_units)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, concept_pos, NULL, "the concept has no \"units\"");
    return IPOFACTS_OK;
}

static ipofacts_status parse_taxonomy(sec_ctx *c)
{
    ipf_json_scan *s = &c->s;
    ipofacts_status st = open_object(c, 2, NULL, "the taxonomy");
    if (st != IPOFACTS_OK)
        return st;
    strset seen = {0};
    int first = 1, r;
    size_t kb, ke;
    int esc;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        int has_nul;
        size_t klen;
        char *key = token_dup(c, kb, ke, &klen, &has_nul);
        if (key == NULL) {
            st = nomem(c);
            break;
        }
        c->loc_concept = key;
        c->loc_concept_len = klen;
        int dup = has_nul ? 0 : strset_put(&seen, key, strlen(key), 0, NULL);
        if (has_nul) {
            st = ctx_fail(c, IPOFACTS_E_UTF8, kb, NULL, "the concept's name holds a NUL character");
        } else if (dup != 0) {
            st = dup < 0 ? nomem(c) : ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the concept is given twice");
        } else {
            long row = find_row(c, c->loc_tax, key);
            c->sum.concepts++;
            if (row >= 0)
                c->sum.concepts_mapped++;
            st = parse_concept(c, row);
        }
        c->loc_concept = NULL;
        free(key);
        if (st != IPOFACTS_OK)
            break;
    }
    strset_free(&seen);
    if (st != IPOFACTS_OK)
        return st;
    if (r < 0)
        return scan_fail(c);
    return IPOFACTS_OK;
}

static ipofacts_status parse_facts(sec_ctx *c)
{
    ipf_json_scan *s = &c->s;
    ipofacts_status st = open_object(c, 1, NULL, "facts");
    if (st != IPOFACTS_OK)
        return st;
    strset seen = {0};
    int first = 1, r;
    size_t kb, ke;
    int esc;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        int has_nul;
        size_t klen;
        char *key = token_dup(c, kb, ke, &klen, &has_nul);
        if (key == NULL) {
            st = nomem(c);
            break;
        }
        c->loc_tax = key;
        c->loc_tax_len = klen;
        int dup = has_nul ? 0 : strset_put(&seen, key, strlen(key), 0, NULL);
        if (has_nul)
            st = ctx_fail(c, IPOFACTS_E_UTF8, kb, NULL, "the taxonomy's name holds a NUL character");
        else if (dup != 0)
            st = dup < 0 ? nomem(c) : ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the taxonomy is given twice");
        else
            st = parse_taxonomy(c);
        c->loc_tax = NULL;
        free(key);
        if (st != IPOFACTS_OK)
            break;
    }
    strset_free(&seen);
    if (st != IPOFACTS_OK)
        return st;
    if (r < 0)
        return scan_fail(c);
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

static ipofacts_status parse_cik(sec_ctx *c)
{
    ipf_json_scan *s = &c->s;
    int ch = ipf_json_peek(s);
    size_t b, e;
    ipofacts_status st = skip_value(c, 1, &b, &e);
    if (st != IPOFACTS_OK)
        return st;
    char digits[16];
    size_t n = 0;
    if (ch == '"') {
        int has_nul;
        long len = ipf_json_decode(s->text + b, e - b, digits, sizeof digits, &has_nul);
        n = len < 0 ? sizeof digits : (size_t)len;
    } else if (ch == '-' || (ch >= '0' && ch <= '9')) {
        n = e - b;
        if (n < sizeof digits)
            memcpy(digits, s->text + b, n);
    } else {
        return ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "cik is %s, not a string or a number", kind_name(ch));
    }
    int ok = n >= 1 && n <= 10;
    for (size_t i = 0; ok && i < n; i++)
        if (digits[i] < '0' || digits[i] > '9')
            ok = 0;
    int nonzero = 0;
    for (size_t i = 0; ok && i < n; i++)
        if (digits[i] != '0')
            nonzero = 1;
    if (!ok || !nonzero)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "cik is not a central index key (1 to 10 digits, not zero)");
    memset(c->cik, '0', 10);
    memcpy(c->cik + 10 - n, digits, n);
    c->cik[10] = '\0';
    return IPOFACTS_OK;
}

static ipofacts_status parse_name(sec_ctx *c)
{
    ipf_json_scan *s = &c->s;
    int ch = ipf_json_peek(s);
    size_t b, e;
    ipofacts_status st = skip_value(c, 1, &b, &e);
    if (st != IPOFACTS_OK)
        return st;
    if (ch != '"')
        return ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "entityName is %s, not a string", kind_name(ch));
    if (e - b > SEC_NAME_MAX * 6 + 2)
        return ctx_fail(c, IPOFACTS_E_TOO_LARGE, b, NULL, "entityName is longer than %d bytes", SEC_NAME_MAX);
    int has_nul;
    size_t len;
    char *name = token_dup(c, b, e, &len, &has_nul);
    if (name == NULL)
        return nomem(c);
    if (has_nul) {
        free(name);
        return ctx_fail(c, IPOFACTS_E_UTF8, b, NULL, "entityName holds a NUL character");
    }
    if (u8_check((const uint8_t *)name, len) != NULL) {
        free(name);
        return ctx_fail(c, IPOFACTS_E_UTF8, b, NULL, "entityName is not valid UTF-8");
    }
    if (len > SEC_NAME_MAX) {
        free(name);
        return ctx_fail(c, IPOFACTS_E_TOO_LARGE, b, NULL, "entityName is longer than %d bytes", SEC_NAME_MAX);
    }
    size_t blank = 0;
    while (blank < len && (name[blank] == ' ' || name[blank] == '\t' || name[blank] == '\n' || name[blank] == '\r'))
        blank++;
    if (blank == len) {
        free(name);
        return ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "entityName is empty");
    }
    c->name = name;
    return IPOFACTS_OK;
}

static ipofacts_status parse_document(sec_ctx *c)
{
    ipf_json_scan *s = &c->s;
    int ch = ipf_json_peek(s);
    if (ch < 0)
        return ctx_fail(c, IPOFACTS_E_SYNTAX, s->pos, NULL, "the text is empty: no JSON document");
    size_t root = s->pos;
    if (ch != '{') {
        size_t b;
        ipofacts_status st = skip_value(c, 0, &b, NULL);
        if (st != IPOFACTS_OK)
            return st;
        return ctx_fail(c, IPOFACTS_E_SCHEMA, b, NULL, "the document is %s, not an object", kind_name(ch));
    }
    s->pos++;
    int first = 1, r;
    size_t kb, ke;
    int esc;
    while ((r = ipf_json_member(s, &first, &kb, &ke, &esc)) == 1) {
        ipofacts_status st;
        if (key_is(c, kb, ke, esc, "cik")) {
            c->loc_top = "cik";
            if (c->have_cik)
                return ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the document gives \"cik\" twice");
            c->have_cik = 1;
            st = parse_cik(c);
        } else if (key_is(c, kb, ke, esc, "entityName")) {
            c->loc_top = "entityName";
            if (c->have_name)
                return ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the document gives \"entityName\" twice");
            c->have_name = 1;
            st = parse_name(c);
        } else if (key_is(c, kb, ke, esc, "facts")) {
            c->loc_top = "facts";
            if (c->have_facts)
                return ctx_fail(c, IPOFACTS_E_DUPLICATE, kb, NULL, "the document gives \"facts\" twice");
            c->have_facts = 1;
            st = parse_facts(c);
        } else {
            st = skip_value(c, 1, NULL, NULL);
        }
        if (st != IPOFACTS_OK)
            return st;
        c->loc_top = NULL;
    }
    if (r < 0)
        return scan_fail(c);
    if (ipf_json_peek(s) >= 0)
        return ctx_fail(c, IPOFACTS_E_SYNTAX, s->pos, NULL, "text after the end of the JSON document");
    if (!c->have_cik)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, root, "cik", "the document has no \"cik\"");
    if (!c->have_name)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, root, "entityName", "the document has no \"entityName\"");
    if (!c->have_facts)
        return ctx_fail(c, IPOFACTS_E_SCHEMA, root, "facts", "the document has no \"facts\"");
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Periods                                                             */
/* ------------------------------------------------------------------ */

static int month_length(int32_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return len[m - 1];
}


static int cmp_i32(int32_t a, int32_t b)
{
    return a < b ? -1 : a > b;
}

static int cmp_u32(uint32_t a, uint32_t b)
{
    return a < b ? -1 : a > b;
}

/* Orders records by period (by end; at one end, durations before instants
 * and longer durations first), then concept, mapping row, unit, value,
 * filing, and order in the file. */
static int cmp_rec(const void *pa, const void *pb)
{
    const sec_rec *a = pa, *b = pb;
    int r;
    if ((r = cmp_i32(a->end_days, b->end_days)) != 0)
        return r;
    int ai = a->start_days == INT32_MIN, bi = b->start_days == INT32_MIN;
    if (ai != bi)
        return ai - bi;
    if ((r = cmp_i32(a->start_days, b->start_days)) != 0)
        return r;
    if ((r = cmp_u32(a->concept, b->concept)) != 0)
        return r;
    if ((r = cmp_u32(a->row, b->row)) != 0)
        return r;
    if ((r = cmp_u32(a->unit, b->unit)) != 0)
        return r;
    if ((r = ipofacts_decimal_cmp(&a->value, &b->value)) != 0)
        return r;
    if ((r = cmp_u32(a->filing, b->filing)) != 0)
        return r;
    return cmp_u32(a->seq, b->seq);
}

static int same_period(const sec_rec *a, const sec_rec *b)
{
    return a->end_days == b->end_days && a->start_days == b->start_days;
}

/* Whole-month dates a classified duration stands for: it ends at the end
 * of the month its last day falls in (of the month before when that day is
 * before the 15th, as for a 52/53-week year ending on 2 October) and starts
 * `months` months earlier. Returns 0 when the dates fall outside years 1-9999. */
static int nominal_dates(sec_period *p)
{
    int32_t y = p->end.year;
    int m = p->end.month;
    if (p->end.day < 15) {
        if (--m == 0) {
            m = 12;
            y--;
        }
    }
    if (y < 1 || ipofacts_date_make(&p->nend, y, m, month_length(y, m)) != IPOFACTS_OK)
        return 0;
    int64_t idx = (int64_t)y * 12 + (m - 1) - (p->months - 1);
    if (idx < 12)
        return 0;
    return ipofacts_date_make(&p->nstart, (int32_t)(idx / 12), (int32_t)(idx % 12) + 1, 1) == IPOFACTS_OK;
}

static void date_range_label(const sec_period *p, char *buf, size_t size)
{
    char ds[IPOFACTS_DATE_STRING_SIZE], de[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date_format(&p->end, de, sizeof de);
    if (p->start.precision == IPOFACTS_DATE_UNKNOWN) {
        snprintf(buf, size, "%s", de);
        return;
    }
    ipofacts_date_format(&p->start, ds, sizeof ds);
    snprintf(buf, size, "%s..%s", ds, de);
}

static int period_exact_nominal(const sec_period *p)
{
    return p->months > 0 && ipofacts_date_cmp(&p->start, &p->nstart) == 0 &&
           ipofacts_date_cmp(&p->end, &p->nend) == 0;
}

typedef struct label_ref {
    const char *label;
    size_t index;
} label_ref;

static int cmp_label_ref(const void *pa, const void *pb)
{
    const label_ref *a = pa, *b = pb;
    int r = strcmp(a->label, b->label);
    if (r != 0)
        return r;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int id_char(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           ch == '.' || ch == ':' || ch == '-';
}

/*
 * Sorts the records by period, makes one period per distinct (start, end),
 * classifies durations by length, finds the fiscal year end and labels the
 * periods with labels unique in the company.
 */
static ipofacts_status build_periods(sec_ctx *c)
{
    if (c->nrecs == 0)
        return IPOFACTS_OK;
    qsort(c->recs, c->nrecs, sizeof *c->recs, cmp_rec);
    size_t np = 0;
    for (size_t i = 0; i < c->nrecs; i++)
        if (i == 0 || !same_period(&c->recs[i - 1], &c->recs[i]))
            np++;
    c->periods = calloc(np, sizeof *c->periods);
    if (c->periods == NULL)
        return nomem(c);
    size_t k = 0;
    for (size_t i = 0; i < c->nrecs; i++) {
        if (i > 0 && !same_period(&c->recs[i - 1], &c->recs[i]))
            k++;
        sec_period *p = &c->periods[k];
        if (p->nrecs == 0) {
            p->start = c->recs[i].start;
            p->end = c->recs[i].end;
            p->start_days = c->recs[i].start_days;
            p->end_days = c->recs[i].end_days;
        }
        p->nrecs++;
        c->recs[i].period = (uint32_t)k;
    }
    c->nperiods = np;

    /* Classify durations by their length in days. */
    for (size_t i = 0; i < np; i++) {
        sec_period *p = &c->periods[i];
        if (p->start_days == INT32_MIN)
            continue;
        int32_t days = p->end_days - p->start_days + 1;
        for (size_t j = 0; j < sizeof sec_lengths / sizeof sec_lengths[0]; j++)
            if (days >= sec_lengths[j].min_days && days <= sec_lengths[j].max_days)
                p->months = sec_lengths[j].months;
        if (p->months > 0 && !nominal_dates(p))
            p->months = 0;
    }

    /* The fiscal year ends in the month most annual periods end in (the
     * latest one's month on a tie); 12 when there is no annual period. */
    size_t count[13] = {0};
    int32_t last[13] = {0};
    for (size_t i = 0; i < np; i++) {
        const sec_period *p = &c->periods[i];
        if (p->months != 12)
            continue;
        count[p->nend.month]++;
        last[p->nend.month] = p->end_days;
    }
    c->fy_end = 12;
    size_t best = 0;
    for (int m = 1; m <= 12; m++) {
        if (count[m] > best || (count[m] == best && best > 0 && last[m] > last[c->fy_end])) {
            best = count[m];
            c->fy_end = m;
        }
    }

    /* Labels: the conventional one for the nominal dates. */
    ipofacts_date unknown = {0, 0, 0, IPOFACTS_DATE_UNKNOWN, 0};
    for (size_t i = 0; i < np; i++) {
        sec_period *p = &c->periods[i];
        ipofacts_status st;
        if (p->start_days == INT32_MIN)
            st = ipofacts_period_label_format(p->label, sizeof p->label, &unknown, &p->end, c->fy_end);
        else if (p->months > 0)
            st = ipofacts_period_label_format(p->label, sizeof p->label, &p->nstart, &p->nend, c->fy_end);
        else
            st = ipofacts_period_label_format(p->label, sizeof p->label, &p->start, &p->end, c->fy_end);
        if (st != IPOFACTS_OK)
            date_range_label(p, p->label, sizeof p->label);
    }

    /* Two periods with one label (FY2024 as 2024-01-01..2024-12-31 and as
     * 2024-01-02..2024-12-31): the one whose dates are the nominal ones, else
     * the one with more records, else the earlier keeps the label; the
     * others are labelled by their dates. */
    label_ref *refs = malloc(np * sizeof *refs);
    if (refs == NULL)
        return nomem(c);
    for (size_t i = 0; i < np; i++) {
        refs[i].label = c->periods[i].label;
        refs[i].index = i;
    }
    qsort(refs, np, sizeof *refs, cmp_label_ref);
    for (size_t i = 0; i < np;) {
        size_t j = i + 1;
        while (j < np && strcmp(refs[j].label, refs[i].label) == 0)
            j++;
        if (j - i > 1) {
            size_t win = refs[i].index;
            for (size_t q = i + 1; q < j; q++) {
                const sec_period *a = &c->periods[refs[q].index], *w = &c->periods[win];
                int ea = period_exact_nominal(a), ew = period_exact_nominal(w);
                if (ea > ew || (ea == ew && a->nrecs > w->nrecs))
                    win = refs[q].index;
            }
            for (size_t q = i; q < j; q++)
                if (refs[q].index != win)
                    date_range_label(&c->periods[refs[q].index], c->periods[refs[q].index].label,
                                     sizeof c->periods[refs[q].index].label);
        }
        i = j;
    }
    free(refs);

    /* Ids: the label with characters an id cannot hold made '_' ("Q3 2024"
     * becomes "Q3_2024"). */
    for (size_t i = 0; i < np; i++) {
        sec_period *p = &c->periods[i];
        size_t n = strlen(p->label);
        for (size_t j = 0; j < n; j++)
            p->id[j] = id_char(p->label[j]) ? p->label[j] : '_';
        p->id[n] = '\0';
    }
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* The dataset document                                                */
/* ------------------------------------------------------------------ */

/* A subgroup: the records of one group (period, SEC concept, unit) that
 * report one value. */
typedef struct sec_sub {
    size_t first, count; /* range of ctx->recs */
    uint32_t latest;     /* filing with the latest filed date */
} sec_sub;

/* Whether filing a was filed later than filing b (ties: the larger accession number). */
static int filed_later(const sec_ctx *c, uint32_t a, uint32_t b)
{
    int r = ipofacts_date_cmp(&c->filings[a].filed, &c->filings[b].filed);
    if (r != 0)
        return r > 0;
    return strcmp(c->filings[a].accn, c->filings[b].accn) > 0;
}

static int is_amendment(const char *form)
{
    size_t n = strlen(form);
    return n >= 2 && form[n - 2] == '/' && form[n - 1] == 'A';
}

/* A source of a fact: the filing and the value's text in it. */
typedef struct cite {
    ipofacts_date filed;
    const char *accn;
    uint32_t filing;
    uint32_t text;
} cite;

static int cmp_cite(const void *pa, const void *pb)
{
    const cite *a = pa, *b = pb;
    int r = ipofacts_date_cmp(&a->filed, &b->filed);
    if (r != 0)
        return r;
    return strcmp(a->accn, b->accn);
}

typedef struct sub_ref {
    ipofacts_date filed;
    const char *accn;
    size_t index;
} sub_ref;

/* Latest first. */
static int cmp_sub_ref(const void *pa, const void *pb)
{
    const sub_ref *a = pa, *b = pb;
    int r = ipofacts_date_cmp(&b->filed, &a->filed);
    if (r != 0)
        return r;
    r = strcmp(b->accn, a->accn);
    if (r != 0)
        return r;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The company id: the entity name in lower case, runs of other characters
 * made '-' ("Logistic Properties of the Americas" gives
 * "logistic-properties-of-the-americas"); "cik-" and the CIK when the name
 * has no ASCII letter or digit. */
static void company_id(const sec_ctx *c, char *buf, size_t size)
{
    size_t n = 0;
    int dash = 0;
    for (const char *p = c->name; *p && n + 2 < size && n < 64; p++) {
        char ch = *p;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (dash && n > 0)
                buf[n++] = '-';
            buf[n++] = ch;
            dash = 0;
        } else {
            dash = 1;
        }
    }
    buf[n] = '\0';
    if (n == 0)
        snprintf(buf, size, "cik-%s", c->cik);
}

/* cJSON_Add* return NULL when memory runs out. */
#define ADD(call)          \
    do {                   \
        if ((call) == NULL) \
            goto oom;      \
    } while (0)

static cJSON *source_json(const sec_ctx *c, const sec_filing *f)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;
    char title[96], date[IPOFACTS_DATE_STRING_SIZE], url[128];
    ipofacts_date_format(&f->filed, date, sizeof date);
    snprintf(title, sizeof title, "%s filed %s%s", f->form, date, is_amendment(f->form) ? " (amendment)" : "");
    /* EDGAR's folder of the filing: the CIK without leading zeros and the
     * accession number without dashes. */
    const char *cik = c->cik;
    while (*cik == '0' && cik[1] != '\0')
        cik++;
    char plain[21];
    size_t n = 0;
    for (const char *a = f->accn; *a; a++)
        if (*a != '-')
            plain[n++] = *a;
    plain[n] = '\0';
    snprintf(url, sizeof url, "https://www.sec.gov/Archives/edgar/data/%s/%s/", cik, plain);
    ADD(cJSON_AddStringToObject(o, "id", f->accn));
    ADD(cJSON_AddStringToObject(o, "publisher", "SEC EDGAR"));
    ADD(cJSON_AddStringToObject(o, "title", title));
    ADD(cJSON_AddStringToObject(o, "date", date));
    ADD(cJSON_AddStringToObject(o, "document", f->accn));
    ADD(cJSON_AddStringToObject(o, "language", "en"));
    ADD(cJSON_AddStringToObject(o, "url", url));
    ADD(cJSON_AddNumberToObject(o, "rank", 1));
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

static cJSON *period_json(const sec_period *p)
{
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;
    char ds[IPOFACTS_DATE_STRING_SIZE], de[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date_format(&p->end, de, sizeof de);
    ADD(cJSON_AddStringToObject(o, "id", p->id));
    if (strcmp(p->id, p->label) != 0)
        ADD(cJSON_AddStringToObject(o, "label", p->label));
    if (p->start.precision == IPOFACTS_DATE_UNKNOWN) {
        ADD(cJSON_AddStringToObject(o, "instant", de));
    } else {
        ipofacts_date_format(&p->start, ds, sizeof ds);
        ADD(cJSON_AddStringToObject(o, "start", ds));
        ADD(cJSON_AddStringToObject(o, "end", de));
    }
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

/* Everything one fact needs to be written. */
typedef struct fact_out {
    const sec_rec *first; /* a record of the value */
    size_t nrecs;
    int32_t decimals;
    size_t nsubs;         /* values reported for the figure */
    int preferred;        /* the latest filing's value of a restated figure */
    const sec_filing *latest; /* the latest filing of the figure (of all values) */
    const sec_filing *own_latest; /* the latest filing of this value */
} fact_out;

static cJSON *fact_json(sec_ctx *c, const fact_out *fo, strset *ids, cite *cites)
{
    const sec_rec *r0 = fo->first;
    const ipofacts_sec_mapping *row = &c->map[r0->row];
    const sec_period *p = &c->periods[r0->period];
    cJSON *o = cJSON_CreateObject();
    if (o == NULL)
        return NULL;

    char id[192];
    snprintf(id, sizeof id, "%s.%s", row->concept_id, p->id);
    size_t base = strlen(id);
    for (uint32_t k = 2;; k++) {
        int r = strset_put(ids, id, strlen(id), 0, NULL);
        if (r < 0)
            goto oom;
        if (r == 0)
            break;
        snprintf(id + base, sizeof id - base, ".%u", k);
    }

    char value[IPOFACTS_DECIMAL_STRING_SIZE];
    if (ipofacts_decimal_format(&r0->value, value, sizeof value) != IPOFACTS_OK)
        goto oom; /* cannot happen: the value came from a parse */

    char note[512];
    char filed[IPOFACTS_DATE_STRING_SIZE];
    ipofacts_date_format(&fo->latest->filed, filed, sizeof filed);
    if (fo->nsubs <= 1) {
        snprintf(note, sizeof note, "%s:%s", row->taxonomy, row->sec_concept);
    } else if (fo->preferred) {
        snprintf(note, sizeof note, "%s:%s; restated; latest filing %s (%s %s%s)", row->taxonomy, row->sec_concept,
                 filed, fo->latest->form, fo->latest->accn, is_amendment(fo->latest->form) ? ", an amendment" : "");
    } else {
        char own[IPOFACTS_DATE_STRING_SIZE];
        ipofacts_date_format(&fo->own_latest->filed, own, sizeof own);
        snprintf(note, sizeof note, "%s:%s; as reported until %s, superseded by the filing of %s (%s %s)",
                 row->taxonomy, row->sec_concept, own, filed, fo->latest->form, fo->latest->accn);
    }

    ADD(cJSON_AddStringToObject(o, "id", id));
    ADD(cJSON_AddStringToObject(o, "concept", row->concept_id));
    ADD(cJSON_AddStringToObject(o, "period", p->id));
    ADD(cJSON_AddStringToObject(o, "unit", c->units[r0->unit]));
    ADD(cJSON_AddStringToObject(o, "value", value));
    ADD(cJSON_AddNumberToObject(o, "decimals", fo->decimals));
    ADD(cJSON_AddStringToObject(o, "note", note));

    /* One source per filing, oldest first; the text is the value as filed. */
    size_t nc = 0;
    for (size_t i = 0; i < fo->nrecs; i++) {
        const sec_rec *r = &fo->first[i];
        if (i > 0 && r->filing == fo->first[i - 1].filing)
            continue; /* the records are sorted by filing within a value */
        cites[nc].filed = c->filings[r->filing].filed;
        cites[nc].accn = c->filings[r->filing].accn;
        cites[nc].filing = r->filing;
        cites[nc].text = r->text;
        nc++;
    }
    qsort(cites, nc, sizeof *cites, cmp_cite);
    cJSON *arr = cJSON_AddArrayToObject(o, "sources");
    if (arr == NULL)
        goto oom;
    for (size_t i = 0; i < nc; i++) {
        cJSON *s = cJSON_CreateObject();
        if (s == NULL)
            goto oom;
        cJSON_AddItemToArray(arr, s);
        ADD(cJSON_AddStringToObject(s, "source", cites[i].accn));
        ADD(cJSON_AddStringToObject(s, "text", c->pool + cites[i].text));
        c->filings[cites[i].filing].used = 1;
    }
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

/*
 * Groups the records into facts and writes the dataset document. Within a
 * period and concept of ours only the first mapping row that reports it is
 * kept (the others are alternates). Within (period, SEC concept, unit), one
 * fact per value, with a source per filing; when the filings disagree, the
 * value of the latest filing comes first, so that file order prefers it.
 */
static ipofacts_status build_document(sec_ctx *c, cJSON **doc)
{
    cJSON *root = NULL, *facts = NULL;
    sec_sub *subs = NULL;
    sub_ref *order = NULL;
    cite *cites = NULL;
    strset ids = {0};
    struct {
        char unit[16];
        size_t n;
    } *curcount = NULL;

    subs = malloc((c->nrecs ? c->nrecs : 1) * sizeof *subs);
    order = malloc((c->nrecs ? c->nrecs : 1) * sizeof *order);
    cites = malloc((c->nrecs ? c->nrecs : 1) * sizeof *cites);
    curcount = calloc(c->nunits ? c->nunits : 1, sizeof *curcount);
    root = cJSON_CreateObject();
    facts = cJSON_CreateArray();
    if (subs == NULL || order == NULL || cites == NULL || curcount == NULL || root == NULL || facts == NULL)
        goto oom;

    for (size_t i = 0; i < c->nrecs;) {
        /* A block: one period and one concept of ours. */
        size_t j = i;
        while (j < c->nrecs && c->recs[j].period == c->recs[i].period && c->recs[j].concept == c->recs[i].concept)
            j++;
        uint32_t best = c->recs[i].row; /* rows of a concept are in priority order */
        size_t kept_end = i;
        while (kept_end < j && c->recs[kept_end].row == best)
            kept_end++;
        c->sum.skipped_alternate += j - kept_end;

        /* Groups by unit within the kept rows. */
        for (size_t g = i; g < kept_end;) {
            size_t h = g;
            while (h < kept_end && c->recs[h].unit == c->recs[g].unit)
                h++;
            /* Values within the group. */
            size_t nsubs = 0;
            int32_t min_dec = INT32_MAX;
            uint32_t latest = c->recs[g].filing;
            for (size_t v = g; v < h;) {
                size_t w = v;
                sec_sub *sb = &subs[nsubs];
                sb->first = v;
                sb->latest = c->recs[v].filing;
                /* recs[v] itself opens the run of equal values: w passes it. */
                do {
                    if (filed_later(c, c->recs[w].filing, sb->latest))
                        sb->latest = c->recs[w].filing;
                    if (c->recs[w].decimals < min_dec)
                        min_dec = c->recs[w].decimals;
                    w++;
                } while (w < h && ipofacts_decimal_cmp(&c->recs[w].value, &c->recs[v].value) == 0);
                sb->count = w - v;
                if (filed_later(c, sb->latest, latest))
                    latest = sb->latest;
                order[nsubs].filed = c->filings[sb->latest].filed;
                order[nsubs].accn = c->filings[sb->latest].accn;
                order[nsubs].index = nsubs;
                nsubs++;
                v = w;
            }
            if (nsubs > 1) { /* one value is in order already */
                qsort(order, nsubs, sizeof *order, cmp_sub_ref);
                c->sum.restated += nsubs - 1;
            }
            for (size_t q = 0; q < nsubs; q++) {
                const sec_sub *sb = &subs[order[q].index];
                fact_out fo;
                fo.first = &c->recs[sb->first];
                fo.nrecs = sb->count;
                fo.decimals = nsubs > 1 ? min_dec : fo.first->decimals;
                fo.nsubs = nsubs;
                fo.preferred = q == 0;
                fo.latest = &c->filings[latest];
                fo.own_latest = &c->filings[sb->latest];
                cJSON *f = fact_json(c, &fo, &ids, cites);
                if (f == NULL)
                    goto oom;
                cJSON_AddItemToArray(facts, f);
                c->sum.facts++;
                c->sum.records_imported += sb->count;
                c->sum.merged += sb->count - 1;
                curcount[fo.first->unit].n++;
            }
            g = h;
        }
        i = j;
    }

    /* Reporting currency: the currency most facts are in. */
    const char *currency = NULL;
    size_t most = 0;
    for (size_t u = 0; u < c->nunits; u++) {
        if (ipofacts_unit_classify(c->units[u]) != IPOFACTS_UNIT_CURRENCY)
            continue;
        if (curcount[u].n > most || (curcount[u].n == most && most > 0 && strcmp(c->units[u], currency) < 0)) {
            most = curcount[u].n;
            currency = c->units[u];
        }
    }

    /* Sources: the filings cited, oldest first. */
    size_t nused = 0;
    for (size_t i = 0; i < c->nfilings; i++) {
        if (!c->filings[i].used)
            continue;
        cites[nused].filed = c->filings[i].filed;
        cites[nused].accn = c->filings[i].accn;
        cites[nused].filing = (uint32_t)i;
        nused++;
    }
    qsort(cites, nused, sizeof *cites, cmp_cite);

    ADD(cJSON_AddStringToObject(root, "format", IPOFACTS_DATASET_FORMAT));
    cJSON *sources = cJSON_AddArrayToObject(root, "sources");
    if (sources == NULL)
        goto oom;
    for (size_t i = 0; i < nused; i++) {
        cJSON *s = source_json(c, &c->filings[cites[i].filing]);
        if (s == NULL)
            goto oom;
        cJSON_AddItemToArray(sources, s);
    }
    cJSON *companies = cJSON_AddArrayToObject(root, "companies");
    if (companies == NULL)
        goto oom;
    cJSON *co = cJSON_CreateObject();
    if (co == NULL)
        goto oom;
    cJSON_AddItemToArray(companies, co);
    char cid[80];
    company_id(c, cid, sizeof cid);
    ADD(cJSON_AddStringToObject(co, "id", cid));
    cJSON *names = cJSON_AddObjectToObject(co, "names");
    if (names == NULL)
        goto oom;
    ADD(cJSON_AddStringToObject(names, "en", c->name));
    cJSON *idents = cJSON_AddObjectToObject(co, "identifiers");
    if (idents == NULL)
        goto oom;
    ADD(cJSON_AddStringToObject(idents, "cik", c->cik));
    if (currency != NULL)
        ADD(cJSON_AddStringToObject(co, "currency", currency));
    ADD(cJSON_AddNumberToObject(co, "fiscal_year_end", c->fy_end));
    cJSON *periods = cJSON_AddArrayToObject(co, "periods");
    if (periods == NULL)
        goto oom;
    for (size_t i = 0; i < c->nperiods; i++) {
        cJSON *p = period_json(&c->periods[i]);
        if (p == NULL)
            goto oom;
        cJSON_AddItemToArray(periods, p);
    }
    cJSON_AddItemToObject(co, "facts", facts);
    facts = NULL;
    c->sum.periods = c->nperiods;
    c->sum.sources = nused;

    free(subs);
    free(order);
    free(cites);
    free(curcount);
    strset_free(&ids);
    *doc = root;
    return IPOFACTS_OK;
oom:
    free(subs);
    free(order);
    free(cites);
    free(curcount);
    strset_free(&ids);
    cJSON_Delete(facts);
    cJSON_Delete(root);
    return nomem(c);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

static ipofacts_status ctx_init(sec_ctx *c, const char *file, ipofacts_error *error)
{
    memset(c, 0, sizeof *c);
    c->file = file;
    c->error = error;
    c->loc_index = -1;
    c->fy_end = 12;
    c->nmap = ipofacts_sec_mapping_count();
    c->map = calloc(c->nmap, sizeof *c->map);
    c->concept_ord = calloc(c->nmap, sizeof *c->concept_ord);
    if (c->map == NULL || c->concept_ord == NULL)
        return nomem(c);
    for (size_t i = 0; i < c->nmap; i++) {
        ipofacts_sec_mapping_get(&c->map[i], i);
        c->concept_ord[i] = (uint32_t)i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(c->map[j].concept_id, c->map[i].concept_id) == 0) {
                c->concept_ord[i] = c->concept_ord[j];
                break;
            }
    }
    return IPOFACTS_OK;
}

/*
 * Imports text[0..len). When `owned` is not NULL it is the malloc'd text,
 * freed as soon as the walk is over so that it is not held while the
 * dataset is built.
 */
static ipofacts_status import_text(ipofacts_dataset **out, const char *text, size_t len, char *owned,
                                   const char *file, ipofacts_sec_import_summary *summary, ipofacts_error *error)
{
    sec_ctx c;
    ipofacts_status st = ctx_init(&c, file, error);
    if (st != IPOFACTS_OK) {
        free(owned);
        ctx_free(&c);
        return st;
    }
    locale_t cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    if (cloc == (locale_t)0) {
        free(owned);
        st = nomem(&c);
        ctx_free(&c);
        return st;
    }
    locale_t old = uselocale(cloc);

    ipf_json_init(&c.s, text, len);
    st = parse_document(&c);
    free(owned);
    c.s.text = NULL; /* no positions from here on */
    if (st == IPOFACTS_OK)
        st = build_periods(&c);
    cJSON *doc = NULL;
    if (st == IPOFACTS_OK)
        st = build_document(&c, &doc);
    char *json = NULL;
    if (st == IPOFACTS_OK) {
        /* The records are no longer needed: release them before printing. */
        free(c.recs);
        c.recs = NULL;
        free(c.pool);
        c.pool = NULL;
        json = cJSON_PrintUnformatted(doc);
        cJSON_Delete(doc);
        if (json == NULL)
            st = nomem(&c);
    }
    uselocale(old);
    freelocale(cloc);

    if (st == IPOFACTS_OK) {
        ipofacts_error lerr;
        st = ipofacts_dataset_load_buffer(out, json, strlen(json), &lerr);
        if (st != IPOFACTS_OK)
            ipf_error_set(error, st, file, 0, 0, 0, lerr.path, "the dataset made from the file does not load: %s",
                          lerr.message);
    }
    cJSON_free(json);
    if (st == IPOFACTS_OK) {
        if (summary)
            *summary = c.sum;
        ipf_error_clear(error);
    }
    ctx_free(&c);
    return st;
}

static void start(ipofacts_dataset **out, ipofacts_sec_import_summary *summary, ipofacts_error *error)
{
    if (out)
        *out = NULL;
    if (summary)
        memset(summary, 0, sizeof *summary);
    ipf_error_clear(error);
}

IPOFACTS_API ipofacts_status ipofacts_dataset_import_sec_companyfacts_buffer(ipofacts_dataset **out, const char *data,
                                                                            size_t len,
                                                                            ipofacts_sec_import_summary *summary,
                                                                            ipofacts_error *error)
{
    start(out, summary, error);
    if (out == NULL || (data == NULL && len > 0)) {
        ipf_error_set(error, IPOFACTS_E_INVALID, NULL, 0, 0, 0, NULL, "%s is NULL", out == NULL ? "out" : "data");
        return IPOFACTS_E_INVALID;
    }
    if ((uint64_t)len > IPOFACTS_SEC_MAX_INPUT) {
        ipf_error_set(error, IPOFACTS_E_TOO_LARGE, NULL, 0, 0, 0, NULL,
                      "the input has %zu bytes, more than the limit of %llu", len,
                      (unsigned long long)IPOFACTS_SEC_MAX_INPUT);
        return IPOFACTS_E_TOO_LARGE;
    }
    return import_text(out, data == NULL ? "" : data, len, NULL, NULL, summary, error);
}

/* Reads a whole file of at most IPOFACTS_SEC_MAX_INPUT bytes. */
static ipofacts_status read_file(const char *path, char **out, size_t *len, ipofacts_error *error)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot open the file: %s", strerror(errno));
        return IPOFACTS_E_IO;
    }
    struct stat sb;
    size_t cap = 1 << 16;
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode)) {
        if ((uint64_t)sb.st_size > IPOFACTS_SEC_MAX_INPUT) {
            fclose(f);
            ipf_error_set(error, IPOFACTS_E_TOO_LARGE, path, 0, 0, 0, NULL,
                          "the file has %lld bytes, more than the limit of %llu", (long long)sb.st_size,
                          (unsigned long long)IPOFACTS_SEC_MAX_INPUT);
            return IPOFACTS_E_TOO_LARGE;
        }
        cap = (size_t)sb.st_size + 1;
    }
    char *buf = malloc(cap);
    size_t n = 0;
    if (buf == NULL) {
        fclose(f);
        ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory");
        return IPOFACTS_E_NOMEM;
    }
    for (;;) {
        if (n == cap) {
            if ((uint64_t)cap > IPOFACTS_SEC_MAX_INPUT) {
                free(buf);
                fclose(f);
                ipf_error_set(error, IPOFACTS_E_TOO_LARGE, path, 0, 0, 0, NULL,
                              "the file is larger than the limit of %llu bytes",
                              (unsigned long long)IPOFACTS_SEC_MAX_INPUT);
                return IPOFACTS_E_TOO_LARGE;
            }
            size_t ncap = cap * 2;
            if ((uint64_t)ncap > IPOFACTS_SEC_MAX_INPUT + 1)
                ncap = (size_t)IPOFACTS_SEC_MAX_INPUT + 1;
            char *p = realloc(buf, ncap);
            if (p == NULL) {
                free(buf);
                fclose(f);
                ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory");
                return IPOFACTS_E_NOMEM;
            }
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int err = errno;
                free(buf);
                fclose(f);
                ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot read the file: %s",
                              strerror(err));
                return IPOFACTS_E_IO;
            }
            break;
        }
    }
    fclose(f);
    *out = buf;
    *len = n;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_dataset_import_sec_companyfacts_file(ipofacts_dataset **out, const char *path,
                                                                          ipofacts_sec_import_summary *summary,
                                                                          ipofacts_error *error)
{
    start(out, summary, error);
    if (out == NULL || path == NULL) {
        ipf_error_set(error, IPOFACTS_E_INVALID, NULL, 0, 0, 0, NULL, "%s is NULL", out == NULL ? "out" : "path");
        return IPOFACTS_E_INVALID;
    }
    char *text = NULL;
    size_t len = 0;
    ipofacts_status st = read_file(path, &text, &len, error);
    if (st != IPOFACTS_OK)
        return st;
    return import_text(out, text, len, text, path, summary, error);
}
