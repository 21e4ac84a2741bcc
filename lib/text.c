/*
 * The text layer's public functions: display width and truncation, the
 * amount parser, implied exchange rates and the scanner. The grammar
 * itself lives in text_amount.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "internal.h"
#include "text_internal.h"

/* ------------------------------------------------------------------ */
/* Display width                                                       */
/* ------------------------------------------------------------------ */

/* u8_width() counts in an int: measure long texts in slices cut at
 * character boundaries. */
#define WIDTH_SLICE ((size_t)1 << 24)

IPOFACTS_API ipofacts_status ipofacts_text_width(size_t *out, const char *text, size_t len)
{
    if (out == NULL || (text == NULL && len != 0))
        return IPOFACTS_E_INVALID;
    *out = 0;
    if (len == 0)
        return IPOFACTS_OK;
    const uint8_t *s = (const uint8_t *)text;
    if (u8_check(s, len) != NULL)
        return IPOFACTS_E_UTF8;
    size_t total = 0, i = 0;
    while (i < len) {
        size_t n = len - i;
        if (n > WIDTH_SLICE) {
            n = WIDTH_SLICE;
            while (n > 0 && (s[i + n] & 0xC0u) == 0x80u)
                n--;
        }
        int w = u8_width(s + i, n, "UTF-8");
        if (w > 0)
            total += (size_t)w;
        i += n;
    }
    *out = total;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_text_truncate(size_t *out, const char *text, size_t len, size_t max_width)
{
    if (out == NULL || (text == NULL && len != 0))
        return IPOFACTS_E_INVALID;
    *out = 0;
    if (len == 0)
        return IPOFACTS_OK;
    const uint8_t *s = (const uint8_t *)text;
    if (u8_check(s, len) != NULL)
        return IPOFACTS_E_UTF8;
    size_t width = 0, i = 0;
    while (i < len) {
        ucs4_t uc;
        int k = u8_mbtouc_unsafe(&uc, s + i, len - i);
        if (k <= 0)
            break;
        int w = uc_width(uc, "UTF-8");
        size_t cw = w > 0 ? (size_t)w : 0;
        if (width + cw > max_width)
            break;
        width += cw;
        i += (size_t)k;
    }
    *out = i;
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/* 1-based line and column (in characters) of a byte offset of valid UTF-8. */
static void line_column(const char *text, size_t offset, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1, c = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0u) != 0x80u) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* Copies up to max bytes of text starting at offset for a message, cut at a
 * character boundary, control characters as spaces. */
static void excerpt(char *buf, size_t size, const char *text, size_t len, size_t offset, size_t max)
{
    size_t n = len - offset;
    if (n > max)
        n = max;
    while (n > 0 && offset + n < len && ((unsigned char)text[offset + n] & 0xC0u) == 0x80u)
        n--;
    if (n >= size)
        n = size - 1;
    while (n > 0 && offset + n < len && ((unsigned char)text[offset + n] & 0xC0u) == 0x80u)
        n--;
    for (size_t i = 0; i < n; i++) {
        char ch = text[offset + i];
        buf[i] = ((unsigned char)ch < 0x20) ? ' ' : ch;
    }
    buf[n] = '\0';
}

/* Checks the common preconditions of parse and scan. */
static ipofacts_status check_text(const char *text, size_t len, size_t limit, ipofacts_error *error)
{
    if (len > limit) {
        ipf_error_set(error, IPOFACTS_E_TOO_LARGE, NULL, 0, 0, limit, NULL,
                      "text of %zu bytes is longer than the limit of %zu bytes", len, limit);
        return IPOFACTS_E_TOO_LARGE;
    }
    const uint8_t *bad = u8_check((const uint8_t *)text, len);
    if (bad != NULL) {
        size_t off = (size_t)(bad - (const uint8_t *)text);
        uint32_t line, col;
        line_column(text, off, &line, &col);
        ipf_error_set(error, IPOFACTS_E_UTF8, NULL, line, col, off, NULL,
                      "invalid UTF-8 at byte offset %zu (byte 0x%02X)", off, (unsigned)*bad);
        return IPOFACTS_E_UTF8;
    }
    return IPOFACTS_OK;
}

static void overflow_error(ipofacts_error *error, const ipf_norm *nt, size_t npos, size_t base)
{
    size_t off = ipf_text_orig_start(nt, npos);
    uint32_t line, col;
    char num[48];
    size_t e = off;
    while (e < nt->olen && e - off < 40) {
        unsigned char c = (unsigned char)nt->orig[e];
        if ((c >= '0' && c <= '9') || c == '.' || c == ',')
            e++;
        else
            break;
    }
    excerpt(num, sizeof num, nt->orig, nt->olen, off, e > off ? e - off : 8);
    line_column(nt->orig, off, &line, &col);
    ipf_error_set(error, IPOFACTS_E_OVERFLOW, NULL, line, col, base + off, NULL,
                  "number \"%s\" at byte offset %zu is beyond the range of an exact decimal "
                  "(at most 18 significant digits)",
                  num, base + off);
}

/* ------------------------------------------------------------------ */
/* Parser                                                              */
/* ------------------------------------------------------------------ */

static void clear_amount(ipofacts_amount *a)
{
    memset(a, 0, sizeof *a);
    a->conversion_of = -1;
    a->converted_to = -1;
}

static void map_span(const ipf_norm *nt, ipofacts_amount *a, size_t base)
{
    size_t s = a->start, e = a->end;
    a->start = base + ipf_text_orig_start(nt, s);
    a->end = base + ipf_text_orig_end(nt, e);
}

static ipofacts_status no_amount_error(ipofacts_error *error, const ipf_norm *nt, const ipf_find_diag *diag)
{
    size_t upos = 0, uend = 0;
    int have_unit = ipf_text_find_bare_unit(nt, &upos, &uend);
    size_t off;
    char what[64];
    uint32_t line, col;

    if (have_unit && (!diag->have_bare_number || upos < diag->bare_number_pos)) {
        off = ipf_text_orig_start(nt, upos);
        size_t oend = ipf_text_orig_end(nt, uend);
        excerpt(what, sizeof what, nt->orig, nt->olen, off, oend - off);
        line_column(nt->orig, off, &line, &col);
        ipf_error_set(error, IPOFACTS_E_NO_AMOUNT, NULL, line, col, off, NULL,
                      "no amount: unit \"%s\" at byte offset %zu has no number", what, off);
    } else if (diag->have_bare_number) {
        off = ipf_text_orig_start(nt, diag->bare_number_pos);
        size_t oend = ipf_text_orig_end(nt, diag->bare_number_end);
        excerpt(what, sizeof what, nt->orig, nt->olen, off, oend - off);
        line_column(nt->orig, off, &line, &col);
        ipf_error_set(error, IPOFACTS_E_NO_AMOUNT, NULL, line, col, off, NULL,
                      "no amount: \"%s\" at byte offset %zu is a number without a unit, a date or an ordinal",
                      what, off);
    } else {
        off = 0;
        while (off < nt->olen && (nt->orig[off] == ' ' || nt->orig[off] == '\t' || nt->orig[off] == '\n' ||
                                  nt->orig[off] == '\r'))
            off++;
        line_column(nt->orig, off, &line, &col);
        ipf_error_set(error, IPOFACTS_E_NO_AMOUNT, NULL, line, col, off, NULL,
                      "no amount: no number at byte offset %zu", off);
    }
    return IPOFACTS_E_NO_AMOUNT;
}

IPOFACTS_API ipofacts_status ipofacts_parse_amount_conversion(ipofacts_amount *out, ipofacts_amount *conversion,
                                                              const char *text, size_t len, ipofacts_error *error)
{
    if (out != NULL)
        clear_amount(out);
    if (conversion != NULL)
        clear_amount(conversion);
    if (out == NULL || (text == NULL && len != 0)) {
        ipf_error_set(error, IPOFACTS_E_INVALID, NULL, 0, 0, 0, NULL, "NULL argument");
        return IPOFACTS_E_INVALID;
    }
    if (text == NULL)
        text = "";
    ipofacts_status st = check_text(text, len, IPOFACTS_PARSE_MAX_BYTES, error);
    if (st != IPOFACTS_OK)
        return st;

    ipf_norm nt;
    st = ipf_text_normalize(&nt, text, len);
    if (st != IPOFACTS_OK) {
        ipf_error_set(error, st, NULL, 0, 0, 0, NULL, "out of memory");
        return st;
    }
    ipf_found_list list = {NULL, 0, 0};
    ipf_find_diag diag;
    st = ipf_text_find(&nt, 2, 1, &list, &diag);
    if (st == IPOFACTS_E_OVERFLOW) {
        overflow_error(error, &nt, diag.error_pos, 0);
    } else if (st != IPOFACTS_OK) {
        ipf_error_set(error, st, NULL, 0, 0, 0, NULL, "out of memory");
    } else if (list.n == 0) {
        st = no_amount_error(error, &nt, &diag);
    } else {
        ipofacts_amount first = list.v[0].amount;
        map_span(&nt, &first, 0);
        if (first.converted_to == 1 && list.n > 1) {
            if (conversion != NULL) {
                *conversion = list.v[1].amount;
                map_span(&nt, conversion, 0);
            }
        } else {
            first.converted_to = -1;
        }
        *out = first;
        ipf_error_clear(error);
    }
    ipf_found_list_free(&list);
    ipf_text_norm_free(&nt);
    return st;
}

IPOFACTS_API ipofacts_status ipofacts_parse_amount(ipofacts_amount *out, const char *text, size_t len,
                                                   ipofacts_error *error)
{
    return ipofacts_parse_amount_conversion(out, NULL, text, len, error);
}

/* ------------------------------------------------------------------ */
/* Intervals and rates                                                 */
/* ------------------------------------------------------------------ */

static int amount_consistent(const ipofacts_amount *a)
{
    if ((int)a->qualifier < 0 || (int)a->qualifier > (int)IPOFACTS_QUALIFIER_RANGE)
        return 0;
    if (a->qualifier == IPOFACTS_QUALIFIER_RANGE && ipofacts_decimal_cmp(&a->value, &a->upper) > 0)
        return 0;
    return 1;
}

IPOFACTS_API ipofacts_status ipofacts_amount_interval(ipofacts_interval *out, const ipofacts_amount *amount)
{
    if (out == NULL || amount == NULL || !amount_consistent(amount))
        return IPOFACTS_E_INVALID;
    return ipofacts_reported_interval(out, &amount->value,
                                      amount->qualifier == IPOFACTS_QUALIFIER_RANGE ? &amount->upper : NULL,
                                      amount->decimals, amount->qualifier);
}

/* The currency of a plain monetary amount, or NULL. */
static const char *money_code(const ipofacts_amount *a)
{
    if (memchr(a->unit, '\0', sizeof a->unit) == NULL)
        return NULL;
    if (ipofacts_unit_classify(a->unit) != IPOFACTS_UNIT_CURRENCY)
        return NULL;
    return a->unit;
}

/* Rounding intervals of the ends of a figure as printed. */
static ipofacts_status printed_interval(ipofacts_interval *lo_end, ipofacts_interval *hi_end,
                                        const ipofacts_amount *a)
{
    ipofacts_status st = ipofacts_reported_interval(lo_end, &a->value, NULL, a->decimals,
                                                    IPOFACTS_QUALIFIER_EXACT);
    if (st != IPOFACTS_OK)
        return st;
    if (a->qualifier == IPOFACTS_QUALIFIER_RANGE)
        return ipofacts_reported_interval(hi_end, &a->upper, NULL, a->decimals, IPOFACTS_QUALIFIER_EXACT);
    *hi_end = *lo_end;
    return IPOFACTS_OK;
}

/* [to.lo / from.hi, to.hi / from.lo], rounded outward; both positive. */
static int divide(ipofacts_interval *out, const ipofacts_interval *to, const ipofacts_interval *from)
{
    if (from->flags != 0 || to->flags != 0 || !(from->lo > 0.0) || !(to->lo > 0.0))
        return 0;
    double lo = to->lo / from->hi;
    double hi = to->hi / from->lo;
    if (!isfinite(lo) || !isfinite(hi))
        return 0;
    out->lo = nextafter(lo, 0.0);
    out->hi = nextafter(hi, HUGE_VAL);
    if (!isfinite(out->hi))
        return 0;
    out->flags = 0;
    out->reserved = 0;
    return 1;
}

IPOFACTS_API ipofacts_status ipofacts_amount_implied_rate(ipofacts_interval *out, const ipofacts_amount *from,
                                                          const ipofacts_amount *to)
{
    if (out == NULL || from == NULL || to == NULL)
        return IPOFACTS_E_INVALID;
    memset(out, 0, sizeof *out);
    if (!amount_consistent(from) || !amount_consistent(to))
        return IPOFACTS_E_INVALID;
    const char *cf = money_code(from), *ct = money_code(to);
    if (cf == NULL || ct == NULL || strcmp(cf, ct) == 0)
        return IPOFACTS_E_UNIT;
    ipofacts_interval fl, fh, tl, th, r1, r2;
    ipofacts_status st = printed_interval(&fl, &fh, from);
    if (st == IPOFACTS_OK)
        st = printed_interval(&tl, &th, to);
    if (st != IPOFACTS_OK)
        return IPOFACTS_E_INVALID;
    int from_range = from->qualifier == IPOFACTS_QUALIFIER_RANGE;
    int to_range = to->qualifier == IPOFACTS_QUALIFIER_RANGE;
    if (from_range && to_range) {
        /* each end converts at the same rate */
        if (!divide(&r1, &tl, &fl) || !divide(&r2, &th, &fh))
            return IPOFACTS_E_RANGE;
        r1.lo = r1.lo > r2.lo ? r1.lo : r2.lo;
        r1.hi = r1.hi < r2.hi ? r1.hi : r2.hi;
        if (r1.lo > r1.hi)
            return IPOFACTS_E_RANGE;
    } else {
        /* one figure stands for the whole of the other's range */
        ipofacts_interval f = fl, t = tl;
        f.hi = fh.hi;
        t.hi = th.hi;
        if (!divide(&r1, &t, &f))
            return IPOFACTS_E_RANGE;
    }
    *out = r1;
    return IPOFACTS_OK;
}

IPOFACTS_API ipofacts_status ipofacts_amount_rate_unit(char *buf, size_t size, const ipofacts_amount *from,
                                                       const ipofacts_amount *to)
{
    if (buf == NULL || from == NULL || to == NULL)
        return IPOFACTS_E_INVALID;
    if (size > 0)
        buf[0] = '\0';
    const char *cf = money_code(from), *ct = money_code(to);
    if (cf == NULL || ct == NULL || strcmp(cf, ct) == 0)
        return IPOFACTS_E_UNIT;
    if (size < 8)
        return IPOFACTS_E_BUFFER;
    memcpy(buf, ct, 3);
    buf[3] = '/';
    memcpy(buf + 4, cf, 3);
    buf[7] = '\0';
    return IPOFACTS_OK;
}

/* ------------------------------------------------------------------ */
/* Scanner                                                             */
/* ------------------------------------------------------------------ */

/* A line longer than this is cut into pieces (docs/text.md). */
#define SCAN_PIECE ((size_t)1 << 20)

struct ipofacts_scan {
    ipofacts_amount *amounts;
    size_t count;
    size_t cap;
    size_t *literal; /* offsets into strings */
    size_t *context;
    char *strings;
    size_t strings_len;
    size_t strings_cap;
};

IPOFACTS_API void ipofacts_scan_free(ipofacts_scan *scan)
{
    if (scan == NULL)
        return;
    free(scan->amounts);
    free(scan->literal);
    free(scan->context);
    free(scan->strings);
    free(scan);
}

IPOFACTS_API size_t ipofacts_scan_count(const ipofacts_scan *scan)
{
    return scan != NULL ? scan->count : 0;
}

IPOFACTS_API const ipofacts_amount *ipofacts_scan_amount(const ipofacts_scan *scan, size_t index)
{
    if (scan == NULL || index >= scan->count)
        return NULL;
    return &scan->amounts[index];
}

IPOFACTS_API const char *ipofacts_scan_literal(const ipofacts_scan *scan, size_t index)
{
    if (scan == NULL || index >= scan->count)
        return NULL;
    return scan->strings + scan->literal[index];
}

IPOFACTS_API const char *ipofacts_scan_context(const ipofacts_scan *scan, size_t index)
{
    if (scan == NULL || index >= scan->count)
        return NULL;
    return scan->strings + scan->context[index];
}

static int scan_reserve(ipofacts_scan *sc, size_t more)
{
    if (sc->count + more <= sc->cap)
        return 1;
    size_t cap = sc->cap ? sc->cap : 32;
    while (cap < sc->count + more)
        cap *= 2;
    ipofacts_amount *a = realloc(sc->amounts, cap * sizeof *a);
    if (a == NULL)
        return 0;
    sc->amounts = a;
    size_t *l = realloc(sc->literal, cap * sizeof *l);
    if (l == NULL)
        return 0;
    sc->literal = l;
    size_t *c = realloc(sc->context, cap * sizeof *c);
    if (c == NULL)
        return 0;
    sc->context = c;
    sc->cap = cap;
    return 1;
}

/* Appends bytes (control characters as spaces) and a NUL; returns the
 * offset of the string, or (size_t)-1 when memory runs out. */
static size_t scan_string(ipofacts_scan *sc, const char *a, size_t na, const char *b, size_t nb, const char *c,
                          size_t nc)
{
    size_t need = na + nb + nc + 1;
    if (sc->strings == NULL || sc->strings_len + need > sc->strings_cap) {
        size_t cap = sc->strings_cap ? sc->strings_cap : 4096;
        while (cap < sc->strings_len + need)
            cap *= 2;
        char *s = realloc(sc->strings, cap);
        if (s == NULL)
            return (size_t)-1;
        sc->strings = s;
        sc->strings_cap = cap;
    }
    size_t at = sc->strings_len;
    char *d = sc->strings + at;
    const char *parts[3] = {a, b, c};
    size_t lens[3] = {na, nb, nc};
    for (int p = 0; p < 3; p++)
        for (size_t i = 0; i < lens[p]; i++) {
            char ch = parts[p][i];
            *d++ = ((unsigned char)ch < 0x20 || ch == 0x7F) ? ' ' : ch;
        }
    *d = '\0';
    sc->strings_len += need;
    return at;
}

/* Start of the context before offset start: up to n characters, not past a
 * line break. */
static size_t context_start(const char *text, size_t start, size_t n)
{
    size_t i = start, chars = 0;
    while (i > 0 && chars < n) {
        size_t j = i - 1;
        while (j > 0 && ((unsigned char)text[j] & 0xC0u) == 0x80u)
            j--;
        if (text[j] == '\n')
            break;
        i = j;
        chars++;
    }
    return i;
}

/* End of the context after offset end. */
static size_t context_end(const char *text, size_t len, size_t end, size_t n)
{
    size_t i = end, chars = 0;
    while (i < len && chars < n) {
        if (text[i] == '\n')
            break;
        int k = u8_mblen((const uint8_t *)text + i, len - i);
        if (k <= 0)
            k = 1;
        i += (size_t)k;
        chars++;
    }
    return i;
}

/* Where the piece that starts at from ends: after a line break when one is
 * close enough, else after a sentence end or a space, else at a character
 * boundary. */
static size_t piece_end(const char *text, size_t len, size_t from)
{
    if (len - from <= SCAN_PIECE)
        return len;
    size_t limit = from + SCAN_PIECE;
    for (size_t i = limit; i > from; i--)
        if (text[i - 1] == '\n')
            return i;
    for (size_t i = limit; i >= from + 3; i--)
        if (memcmp(text + i - 3, "\xE3\x80\x82", 3) == 0) /* 。 */
            return i;
    for (size_t i = limit; i > from; i--)
        if (text[i - 1] == ' ')
            return i;
    size_t i = limit;
    while (i > from && ((unsigned char)text[i] & 0xC0u) == 0x80u)
        i--;
    return i > from ? i : limit;
}

IPOFACTS_API ipofacts_status ipofacts_scan_text(ipofacts_scan **out, const char *text, size_t len,
                                                ipofacts_error *error)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL || (text == NULL && len != 0)) {
        ipf_error_set(error, IPOFACTS_E_INVALID, NULL, 0, 0, 0, NULL, "NULL argument");
        return IPOFACTS_E_INVALID;
    }
    if (text == NULL)
        text = "";
    ipofacts_status st = check_text(text, len, IPOFACTS_SCAN_MAX_BYTES, error);
    if (st != IPOFACTS_OK)
        return st;
    ipofacts_scan *sc = calloc(1, sizeof *sc);
    if (sc == NULL) {
        ipf_error_set(error, IPOFACTS_E_NOMEM, NULL, 0, 0, 0, NULL, "out of memory");
        return IPOFACTS_E_NOMEM;
    }
    size_t from = 0;
    while (from < len && st == IPOFACTS_OK) {
        size_t to = piece_end(text, len, from);
        ipf_norm nt;
        ipf_found_list list = {NULL, 0, 0};
        ipf_find_diag diag;
        st = ipf_text_normalize(&nt, text + from, to - from);
        if (st != IPOFACTS_OK)
            break;
        st = ipf_text_find(&nt, 0, 0, &list, &diag);
        if (st == IPOFACTS_E_OVERFLOW) {
            overflow_error(error, &nt, diag.error_pos, from);
            /* the error's line and column are those within the piece; make them global */
            if (error != NULL)
                line_column(text, (size_t)error->offset, &error->line, &error->column);
        } else if (st == IPOFACTS_OK && !scan_reserve(sc, list.n)) {
            st = IPOFACTS_E_NOMEM;
        }
        if (st == IPOFACTS_OK) {
            size_t base = sc->count;
            for (size_t i = 0; i < list.n && st == IPOFACTS_OK; i++) {
                ipofacts_amount a = list.v[i].amount;
                map_span(&nt, &a, from);
                if (a.conversion_of >= 0)
                    a.conversion_of += (int32_t)base;
                if (a.converted_to >= 0)
                    a.converted_to += (int32_t)base;
                size_t cs = context_start(text, a.start, IPOFACTS_SCAN_CONTEXT_CHARS);
                size_t ce = context_end(text, len, a.end, IPOFACTS_SCAN_CONTEXT_CHARS);
                size_t lo = scan_string(sc, text + a.start, a.end - a.start, NULL, 0, NULL, 0);
                size_t co = lo == (size_t)-1 ? lo
                                             : scan_string(sc, text + cs, a.start - cs, text + a.start,
                                                           a.end - a.start, text + a.end, ce - a.end);
                if (lo == (size_t)-1 || co == (size_t)-1) {
                    st = IPOFACTS_E_NOMEM;
                    break;
                }
                sc->amounts[sc->count] = a;
                sc->literal[sc->count] = lo;
                sc->context[sc->count] = co;
                sc->count++;
            }
        }
        ipf_found_list_free(&list);
        ipf_text_norm_free(&nt);
        from = to;
    }
    if (st != IPOFACTS_OK) {
        if (st == IPOFACTS_E_NOMEM)
            ipf_error_set(error, st, NULL, 0, 0, 0, NULL, "out of memory");
        ipofacts_scan_free(sc);
        return st;
    }
    ipf_error_clear(error);
    *out = sc;
    return IPOFACTS_OK;
}
