/*
 * Writing a dataset as JSON in the canonical form of docs/data-format.md,
 * byte by byte (no JSON library is involved, so the layout is exactly the
 * documented one), and the raw-text JSON helpers the loader shares.
 *
 * Saving to a file is atomic: a temporary file in the target's directory is
 * written, synced and renamed over the target, then the directory is synced.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dataset_internal.h"
#include "internal.h"

/* ------------------------------------------------------------------ */
/* Buffer                                                              */
/* ------------------------------------------------------------------ */

void ipf_json_buf_append(ipf_json_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (n > SIZE_MAX - b->len - 1) {
        b->oom = 1;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) {
            if (cap > SIZE_MAX / 2) {
                cap = b->len + n + 1;
                break;
            }
            cap *= 2;
        }
        char *p = realloc(b->data, cap);
        if (p == NULL) {
            b->oom = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void ipf_json_buf_puts(ipf_json_buf *b, const char *s)
{
    ipf_json_buf_append(b, s, strlen(s));
}

void ipf_json_buf_indent(ipf_json_buf *b, unsigned indent)
{
    static const char spaces[] = "                                ";
    while (indent > 0) {
        unsigned k = indent < sizeof spaces - 1 ? indent : (unsigned)(sizeof spaces - 1);
        ipf_json_buf_append(b, spaces, k);
        indent -= k;
    }
}

/* Appends the canonical escape of code point cp (a quote, a backslash or a
 * control character) or cp itself in UTF-8. */
static void put_code_point(ipf_json_buf *b, unsigned long cp)
{
    char tmp[8];
    size_t n = 0;
    switch (cp) {
    case '"':
        ipf_json_buf_append(b, "\\\"", 2);
        return;
    case '\\':
        ipf_json_buf_append(b, "\\\\", 2);
        return;
    case '\b':
        ipf_json_buf_append(b, "\\b", 2);
        return;
    case '\f':
        ipf_json_buf_append(b, "\\f", 2);
        return;
    case '\n':
        ipf_json_buf_append(b, "\\n", 2);
        return;
    case '\r':
        ipf_json_buf_append(b, "\\r", 2);
        return;
    case '\t':
        ipf_json_buf_append(b, "\\t", 2);
        return;
    default:
        break;
    }
    if (cp < 0x20) {
        snprintf(tmp, sizeof tmp, "\\u%04lx", cp);
        ipf_json_buf_append(b, tmp, 6);
        return;
    }
    if (cp < 0x80) {
        tmp[n++] = (char)cp;
    } else if (cp < 0x800) {
        tmp[n++] = (char)(0xC0 | (cp >> 6));
        tmp[n++] = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        tmp[n++] = (char)(0xE0 | (cp >> 12));
        tmp[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[n++] = (char)(0x80 | (cp & 0x3F));
    } else {
        tmp[n++] = (char)(0xF0 | (cp >> 18));
        tmp[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[n++] = (char)(0x80 | (cp & 0x3F));
    }
    ipf_json_buf_append(b, tmp, n);
}

void ipf_json_buf_string(ipf_json_buf *b, const char *s, size_t n)
{
    ipf_json_buf_append(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        ipf_json_buf_append(b, s + run, i - run);
        put_code_point(b, c);
        run = i + 1;
    }
    ipf_json_buf_append(b, s + run, n - run);
    ipf_json_buf_append(b, "\"", 1);
}

/* ------------------------------------------------------------------ */
/* Raw JSON text (already checked by the loader's scanner)             */
/* ------------------------------------------------------------------ */

size_t ipf_json_skip_ws(const char *text, size_t len, size_t pos)
{
    while (pos < len && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
        pos++;
    return pos;
}

size_t ipf_json_skip_string(const char *text, size_t len, size_t pos)
{
    pos++; /* the opening quote */
    while (pos < len) {
        char c = text[pos];
        if (c == '"')
            return pos + 1;
        pos += c == '\\' ? 2 : 1;
    }
    return len;
}

size_t ipf_json_skip_value(const char *text, size_t len, size_t pos)
{
    if (pos >= len)
        return len;
    char c = text[pos];
    if (c == '"')
        return ipf_json_skip_string(text, len, pos);
    if (c == '{' || c == '[') {
        /* Count brackets, skipping strings; the text is valid JSON. */
        size_t depth = 0;
        while (pos < len) {
            c = text[pos];
            if (c == '"') {
                pos = ipf_json_skip_string(text, len, pos);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return pos + 1;
            }
            pos++;
        }
        return len;
    }
    /* A number or a literal. */
    while (pos < len) {
        c = text[pos];
        if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
            break;
        pos++;
    }
    return pos;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 0;
}

static unsigned long hex4(const char *p)
{
    return (unsigned long)(hexval(p[0]) << 12 | hexval(p[1]) << 8 | hexval(p[2]) << 4 | hexval(p[3]));
}

/*
 * Walks the string at text[pos]; raw runs and decoded escapes go to b, as
 * canonical escapes when canonical is set, else as plain UTF-8.
 */
static size_t walk_string(ipf_json_buf *b, const char *text, size_t len, size_t pos, int canonical)
{
    pos++;
    size_t run = pos;
    while (pos < len && text[pos] != '"') {
        if (text[pos] != '\\') {
            pos++;
            continue;
        }
        ipf_json_buf_append(b, text + run, pos - run);
        if (pos + 1 >= len)
            return len;
        char e = text[pos + 1];
        unsigned long cp;
        size_t used = 2;
        switch (e) {
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u':
            if (pos + 6 > len)
                return len;
            cp = hex4(text + pos + 2);
            used = 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && pos + 12 <= len && text[pos + 6] == '\\' && text[pos + 7] == 'u') {
                unsigned long lo = hex4(text + pos + 8);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                used = 12;
            }
            break;
        default: /* '"', '\\', '/' */
            cp = (unsigned char)e;
            break;
        }
        if (canonical) {
            put_code_point(b, cp);
        } else {
            /* Plain UTF-8: encode through a temporary canonical escape-free path. */
            char tmp[4];
            size_t n = 0;
            if (cp < 0x80) {
                tmp[n++] = (char)cp;
            } else if (cp < 0x800) {
                tmp[n++] = (char)(0xC0 | (cp >> 6));
                tmp[n++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                tmp[n++] = (char)(0xE0 | (cp >> 12));
                tmp[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                tmp[n++] = (char)(0x80 | (cp & 0x3F));
            } else {
                tmp[n++] = (char)(0xF0 | (cp >> 18));
                tmp[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                tmp[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                tmp[n++] = (char)(0x80 | (cp & 0x3F));
            }
            ipf_json_buf_append(b, tmp, n);
        }
        pos += used;
        run = pos;
    }
    if (pos > len)
        pos = len;
    ipf_json_buf_append(b, text + run, pos - run);
    return pos < len ? pos + 1 : len;
}

size_t ipf_json_decode_string(ipf_json_buf *b, const char *text, size_t len, size_t pos)
{
    return walk_string(b, text, len, pos, 0);
}

static size_t canonical_string(ipf_json_buf *b, const char *text, size_t len, size_t pos)
{
    ipf_json_buf_append(b, "\"", 1);
    pos = walk_string(b, text, len, pos, 1);
    ipf_json_buf_append(b, "\"", 1);
    return pos;
}

size_t ipf_json_canonical_value(ipf_json_buf *b, const char *text, size_t len, size_t pos, unsigned indent)
{
    if (pos >= len)
        return len;
    char c = text[pos];
    if (c == '"')
        return canonical_string(b, text, len, pos);
    if (c == '{') {
        size_t p = ipf_json_skip_ws(text, len, pos + 1);
        if (p < len && text[p] == '}') {
            ipf_json_buf_append(b, "{}", 2);
            return p + 1;
        }
        ipf_json_buf_append(b, "{", 1);
        int first = 1;
        while (p < len) {
            ipf_json_buf_append(b, first ? "\n" : ",\n", first ? 1 : 2);
            first = 0;
            ipf_json_buf_indent(b, indent + 2);
            p = canonical_string(b, text, len, p);
            p = ipf_json_skip_ws(text, len, p);
            p = ipf_json_skip_ws(text, len, p + 1); /* the colon */
            ipf_json_buf_append(b, ": ", 2);
            p = ipf_json_canonical_value(b, text, len, p, indent + 2);
            p = ipf_json_skip_ws(text, len, p);
            if (p < len && text[p] == ',') {
                p = ipf_json_skip_ws(text, len, p + 1);
                continue;
            }
            break;
        }
        ipf_json_buf_append(b, "\n", 1);
        ipf_json_buf_indent(b, indent);
        ipf_json_buf_append(b, "}", 1);
        return p < len ? p + 1 : len;
    }
    if (c == '[') {
        size_t p = ipf_json_skip_ws(text, len, pos + 1);
        if (p < len && text[p] == ']') {
            ipf_json_buf_append(b, "[]", 2);
            return p + 1;
        }
        /* Scalars only: one line; else one element per line. */
        int flat = 1;
        for (size_t q = p; q < len;) {
            if (text[q] == '{' || text[q] == '[') {
                flat = 0;
                break;
            }
            q = ipf_json_skip_ws(text, len, ipf_json_skip_value(text, len, q));
            if (q >= len || text[q] != ',')
                break;
            q = ipf_json_skip_ws(text, len, q + 1);
        }
        ipf_json_buf_append(b, "[", 1);
        int first = 1;
        while (p < len) {
            if (flat) {
                if (!first)
                    ipf_json_buf_append(b, ", ", 2);
            } else {
                ipf_json_buf_append(b, first ? "\n" : ",\n", first ? 1 : 2);
                ipf_json_buf_indent(b, indent + 2);
            }
            first = 0;
            p = ipf_json_canonical_value(b, text, len, p, indent + 2);
            p = ipf_json_skip_ws(text, len, p);
            if (p < len && text[p] == ',') {
                p = ipf_json_skip_ws(text, len, p + 1);
                continue;
            }
            break;
        }
        if (!flat) {
            ipf_json_buf_append(b, "\n", 1);
            ipf_json_buf_indent(b, indent);
        }
        ipf_json_buf_append(b, "]", 1);
        return p < len ? p + 1 : len;
    }
    /* A number (copied as written) or a literal. */
    size_t end = ipf_json_skip_value(text, len, pos);
    ipf_json_buf_append(b, text + pos, end - pos);
    return end;
}

/* ------------------------------------------------------------------ */
/* The canonical writer                                                */
/* ------------------------------------------------------------------ */

/* Starts a member of an object whose members are indented by indent. */
static void member(ipf_json_buf *b, unsigned indent, int *first, const char *key)
{
    ipf_json_buf_append(b, *first ? "\n" : ",\n", *first ? 1 : 2);
    *first = 0;
    ipf_json_buf_indent(b, indent);
    ipf_json_buf_string(b, key, strlen(key));
    ipf_json_buf_append(b, ": ", 2);
}

static void close_object(ipf_json_buf *b, unsigned indent, int first)
{
    if (!first) {
        ipf_json_buf_append(b, "\n", 1);
        ipf_json_buf_indent(b, indent);
    }
    ipf_json_buf_append(b, "}", 1);
}

static void put_str(ipf_json_buf *b, const char *s)
{
    ipf_json_buf_string(b, s, strlen(s));
}

static void str_member(ipf_json_buf *b, unsigned indent, int *first, const char *key, const char *value)
{
    if (value == NULL)
        return;
    member(b, indent, first, key);
    put_str(b, value);
}

static void date_member(ipf_json_buf *b, unsigned indent, int *first, const char *key, const ipofacts_date *d)
{
    char tmp[IPOFACTS_DATE_STRING_SIZE];
    if (d->precision == IPOFACTS_DATE_UNKNOWN || ipofacts_date_format(d, tmp, sizeof tmp) != IPOFACTS_OK)
        return;
    member(b, indent, first, key);
    put_str(b, tmp);
}

static void int_member(ipf_json_buf *b, unsigned indent, int *first, const char *key, long value)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%ld", value);
    member(b, indent, first, key);
    ipf_json_buf_append(b, tmp, (size_t)n);
}

static void decimal_member(ipf_json_buf *b, unsigned indent, int *first, const char *key, const ipofacts_decimal *d)
{
    char tmp[IPOFACTS_DECIMAL_STRING_SIZE];
    if (ipofacts_decimal_format(d, tmp, sizeof tmp) != IPOFACTS_OK) {
        b->oom = 1; /* cannot happen for a loaded value; fail rather than write a wrong digit */
        return;
    }
    member(b, indent, first, key);
    put_str(b, tmp);
}

/* Writes the unknown members kept for an object, re-indented. */
static void extras(ipf_json_buf *b, unsigned indent, int *first, const ipf_extras *e)
{
    if (e == NULL)
        return;
    for (size_t i = 0; i < e->count; i++) {
        ipf_json_buf_append(b, *first ? "\n" : ",\n", *first ? 1 : 2);
        *first = 0;
        ipf_json_buf_indent(b, indent);
        const char *s = e->items[i].text, *end = s + e->items[i].len;
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            if (nl == NULL) {
                ipf_json_buf_append(b, s, (size_t)(end - s));
                break;
            }
            ipf_json_buf_append(b, s, (size_t)(nl - s) + 1);
            ipf_json_buf_indent(b, indent);
            s = nl + 1;
        }
    }
}

static void pairs_member(ipf_json_buf *b, unsigned indent, int *first, const char *key, const ipf_pair *p, size_t n)
{
    if (n == 0)
        return;
    member(b, indent, first, key);
    ipf_json_buf_append(b, "{", 1);
    int f = 1;
    for (size_t i = 0; i < n; i++)
        str_member(b, indent + 2, &f, p[i].key, p[i].value);
    close_object(b, indent, f);
}

/* Opens an array of objects as a member; elements via element(). */
static void array_open(ipf_json_buf *b, unsigned indent, int *first, const char *key)
{
    member(b, indent, first, key);
    ipf_json_buf_append(b, "[", 1);
}

static void element(ipf_json_buf *b, unsigned indent, size_t i)
{
    ipf_json_buf_append(b, i == 0 ? "\n" : ",\n", i == 0 ? 1 : 2);
    ipf_json_buf_indent(b, indent);
}

static void array_close(ipf_json_buf *b, unsigned indent, size_t count)
{
    if (count > 0) {
        ipf_json_buf_append(b, "\n", 1);
        ipf_json_buf_indent(b, indent);
    }
    ipf_json_buf_append(b, "]", 1);
}

/* The citations c[0, n), with the unknown members of each (ce: n entries,
 * or NULL when none has any). */
static void citations_member(ipf_json_buf *b, unsigned indent, int *first, const ipf_citation *c, size_t n,
                             const ipf_extras *const *ce, int always)
{
    if (n == 0 && !always)
        return;
    array_open(b, indent, first, "sources");
    for (size_t i = 0; i < n; i++) {
        element(b, indent + 2, i);
        ipf_json_buf_append(b, "{", 1);
        int f = 1;
        str_member(b, indent + 4, &f, "source", c[i].source->id);
        str_member(b, indent + 4, &f, "text", c[i].text);
        extras(b, indent + 4, &f, ce != NULL ? ce[i] : NULL);
        close_object(b, indent + 2, f);
    }
    array_close(b, indent, n);
}

static void write_source(ipf_json_buf *b, unsigned indent, const ipofacts_source *s)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "id", s->id);
    str_member(b, indent + 2, &f, "publisher", s->publisher);
    str_member(b, indent + 2, &f, "title", s->title);
    str_member(b, indent + 2, &f, "author", s->author);
    date_member(b, indent + 2, &f, "date", &s->date);
    str_member(b, indent + 2, &f, "document", s->document);
    str_member(b, indent + 2, &f, "language", s->language);
    str_member(b, indent + 2, &f, "url", s->url);
    if (s->has_rank)
        int_member(b, indent + 2, &f, "rank", (long)s->rank);
    extras(b, indent + 2, &f, s->extras);
    close_object(b, indent, f);
}

static void write_person(ipf_json_buf *b, unsigned indent, const ipofacts_person *p)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "id", p->id);
    pairs_member(b, indent + 2, &f, "names", p->names, p->name_count);
    str_member(b, indent + 2, &f, "role", p->role);
    date_member(b, indent + 2, &f, "born", &p->born);
    citations_member(b, indent + 2, &f, p->citations, p->citation_count, p->citation_extras, 0);
    extras(b, indent + 2, &f, p->extras);
    close_object(b, indent, f);
}

static void write_member(ipf_json_buf *b, unsigned indent, const ipofacts_member *m)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "id", m->id);
    str_member(b, indent + 2, &f, "kind", ipf_dataset_member_kind_name(m->kind));
    pairs_member(b, indent + 2, &f, "names", m->names, m->name_count);
    date_member(b, indent + 2, &f, "date", &m->date);
    if (m->related_count > 0) {
        member(b, indent + 2, &f, "related");
        ipf_json_buf_append(b, "[", 1);
        for (size_t i = 0; i < m->related_count; i++) {
            if (i > 0)
                ipf_json_buf_append(b, ", ", 2);
            put_str(b, m->related[i]);
        }
        ipf_json_buf_append(b, "]", 1);
    }
    extras(b, indent + 2, &f, m->extras);
    close_object(b, indent, f);
}

static void write_event(ipf_json_buf *b, unsigned indent, const ipofacts_event *e)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "kind", e->kind);
    date_member(b, indent + 2, &f, "date", &e->date);
    str_member(b, indent + 2, &f, "note", e->note);
    citations_member(b, indent + 2, &f, e->citations, e->citation_count, e->citation_extras, 0);
    extras(b, indent + 2, &f, e->extras);
    close_object(b, indent, f);
}

static void write_period(ipf_json_buf *b, unsigned indent, const ipofacts_period *p)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "id", p->id);
    str_member(b, indent + 2, &f, "label", p->label);
    if (p->is_instant) {
        date_member(b, indent + 2, &f, "instant", &p->end);
    } else {
        date_member(b, indent + 2, &f, "start", &p->start);
        date_member(b, indent + 2, &f, "end", &p->end);
    }
    extras(b, indent + 2, &f, p->extras);
    close_object(b, indent, f);
}

static void write_fact(ipf_json_buf *b, unsigned indent, const ipofacts_fact *x)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, indent + 2, &f, "id", x->id);
    str_member(b, indent + 2, &f, "concept", x->concept_id);
    str_member(b, indent + 2, &f, "period", x->period->id);
    str_member(b, indent + 2, &f, "segment", x->segment);
    str_member(b, indent + 2, &f, "unit", x->unit);
    decimal_member(b, indent + 2, &f, "value", &x->value);
    const ipofacts_decimal *upper = ipf_fact_upper(x);
    if (upper != NULL)
        decimal_member(b, indent + 2, &f, "upper", upper);
    if (x->decimals == IPOFACTS_DECIMALS_INF)
        str_member(b, indent + 2, &f, "decimals", "INF");
    else
        int_member(b, indent + 2, &f, "decimals", (long)x->decimals);
    if (x->flags & IPF_FACT_HAS_QUALIFIER)
        str_member(b, indent + 2, &f, "qualifier", ipofacts_qualifier_name((ipofacts_qualifier)x->qualifier));
    str_member(b, indent + 2, &f, "note", ipf_fact_note(x));
    citations_member(b, indent + 2, &f, x->citations, x->citation_count, ipf_fact_citation_extras(x), 1);
    extras(b, indent + 2, &f, ipf_fact_extras(x));
    close_object(b, indent, f);
}

static void write_company(ipf_json_buf *b, unsigned indent, const ipofacts_company *c)
{
    int f = 1;
    unsigned in = indent + 2;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, in, &f, "id", c->id);
    pairs_member(b, in, &f, "names", c->names, c->name_count);
    str_member(b, in, &f, "exchange", c->exchange);
    str_member(b, in, &f, "ticker", c->ticker);
    pairs_member(b, in, &f, "identifiers", c->identifiers, c->identifier_count);
    date_member(b, in, &f, "founded", &c->founded);
    date_member(b, in, &f, "listed", &c->listed);
    str_member(b, in, &f, "currency", c->currency);
    if (c->has_fiscal_year_end)
        int_member(b, in, &f, "fiscal_year_end", (long)c->fiscal_year_end);
    /* The company's lists, each omitted when empty. */
#define WRITE_LIST(key, items, count, writer)          \
    do {                                               \
        if ((count) > 0) {                             \
            array_open(b, in, &f, key);                \
            for (size_t i = 0; i < (count); i++) {     \
                element(b, in + 2, i);                 \
                writer(b, in + 2, &(items)[i]);        \
            }                                          \
            array_close(b, in, count);                 \
        }                                              \
    } while (0)
    WRITE_LIST("people", c->people, c->person_count, write_person);
    WRITE_LIST("members", c->members, c->member_count, write_member);
    WRITE_LIST("events", c->events, c->event_count, write_event);
    WRITE_LIST("periods", c->periods, c->period_count, write_period);
    WRITE_LIST("facts", c->facts, c->fact_count, write_fact);
#undef WRITE_LIST
    extras(b, in, &f, c->extras);
    close_object(b, indent, f);
}

static void write_dataset(ipf_json_buf *b, const ipofacts_dataset *ds)
{
    int f = 1;
    ipf_json_buf_append(b, "{", 1);
    str_member(b, 2, &f, "format", IPOFACTS_DATASET_FORMAT);
    array_open(b, 2, &f, "sources");
    for (size_t i = 0; i < ds->source_count; i++) {
        element(b, 4, i);
        write_source(b, 4, &ds->sources[i]);
    }
    array_close(b, 2, ds->source_count);
    array_open(b, 2, &f, "companies");
    for (size_t i = 0; i < ds->company_count; i++) {
        element(b, 4, i);
        write_company(b, 4, &ds->companies[i]);
    }
    array_close(b, 2, ds->company_count);
    extras(b, 2, &f, ds->extras);
    close_object(b, 0, f);
    ipf_json_buf_append(b, "\n", 1);
}

IPOFACTS_API ipofacts_status ipofacts_dataset_save_buffer(char **out, size_t *len, const ipofacts_dataset *dataset)
{
    if (out != NULL)
        *out = NULL;
    if (len != NULL)
        *len = 0;
    if (out == NULL || dataset == NULL)
        return IPOFACTS_E_INVALID;
    ipf_json_buf b = {0};
    write_dataset(&b, dataset);
    if (b.oom) {
        free(b.data);
        return IPOFACTS_E_NOMEM;
    }
    *out = b.data;
    if (len != NULL)
        *len = b.len;
    return IPOFACTS_OK;
}

IPOFACTS_API void ipofacts_string_free(char *s)
{
    free(s);
}

/* ------------------------------------------------------------------ */
/* Atomic save                                                         */
/* ------------------------------------------------------------------ */

/* The process umask, read without changing it (umask(2) would race with
 * other threads); 022 when /proc is not there. */
static mode_t current_umask(void)
{
    mode_t mask = 022;
    FILE *f = fopen("/proc/self/status", "re");
    if (f == NULL)
        return mask;
    char line[256];
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "Umask:", 6) == 0) {
            mask = (mode_t)strtoul(line + 6, NULL, 8);
            break;
        }
    }
    fclose(f);
    return mask & 0777;
}

static ipofacts_status io_error(ipofacts_error *error, const char *path, const char *what, int err)
{
    ipf_error_set(error, IPOFACTS_E_IO, path, 0, 0, 0, NULL, "cannot save %s: %s: %s", path, what, strerror(err));
    return IPOFACTS_E_IO;
}

IPOFACTS_API ipofacts_status ipofacts_dataset_save_file(const ipofacts_dataset *dataset, const char *path,
                                                        ipofacts_error *error)
{
    if (dataset == NULL || path == NULL || path[0] == '\0') {
        ipf_error_set(error, IPOFACTS_E_INVALID, path, 0, 0, 0, NULL,
                      dataset == NULL ? "no dataset to save (NULL)" : "no file name");
        return IPOFACTS_E_INVALID;
    }
    ipf_json_buf b = {0};
    write_dataset(&b, dataset);
    if (b.oom) {
        free(b.data);
        ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory writing %s", path);
        return IPOFACTS_E_NOMEM;
    }

    /* The temporary file: ".<name>.XXXXXX" next to the target. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) : 0;
    const char *base = slash != NULL ? slash + 1 : path;
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    char *dir = malloc(dirlen + 2);
    if (tmp == NULL || dir == NULL) {
        free(tmp);
        free(dir);
        free(b.data);
        ipf_error_set(error, IPOFACTS_E_NOMEM, path, 0, 0, 0, NULL, "out of memory writing %s", path);
        return IPOFACTS_E_NOMEM;
    }
    if (slash != NULL) {
        memcpy(dir, path, dirlen);
        dir[dirlen] = '\0';
        if (dirlen == 0)
            strcpy(dir, "/");
        snprintf(tmp, n + 16, "%.*s/.%s.XXXXXX", (int)dirlen, path, base);
    } else {
        strcpy(dir, ".");
        snprintf(tmp, n + 16, ".%s.XXXXXX", base);
    }

    ipofacts_status st = IPOFACTS_OK;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = io_error(error, path, "cannot create a temporary file", errno);
        goto out;
    }
    if (fchmod(fd, 0644 & ~current_umask()) != 0) {
        st = io_error(error, path, "cannot set the file mode", errno);
        goto fail_open;
    }
    for (size_t done = 0; done < b.len;) {
        ssize_t k = write(fd, b.data + done, b.len - done);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            st = io_error(error, path, "write failed", errno);
            goto fail_open;
        }
        done += (size_t)k;
    }
    if (fsync(fd) != 0) {
        st = io_error(error, path, "fsync failed", errno);
        goto fail_open;
    }
    if (close(fd) != 0) {
        st = io_error(error, path, "close failed", errno);
        goto fail_closed;
    }
    if (rename(tmp, path) != 0) {
        st = io_error(error, path, "cannot rename the temporary file over it", errno);
        goto fail_closed;
    }
    {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0 || fsync(dfd) != 0) {
            int e = errno;
            if (dfd >= 0)
                close(dfd);
            st = io_error(error, path, "cannot sync its directory", e);
            goto out;
        }
        close(dfd);
    }
    ipf_error_clear(error);
    goto out;

fail_open:
    close(fd);
fail_closed:
    unlink(tmp);
out:
    free(tmp);
    free(dir);
    free(b.data);
    return st;
}
