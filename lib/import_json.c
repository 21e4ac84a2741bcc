/*
 * A validating JSON scanner that builds no tree (see import_json.h).
 */
#include <string.h>

#include "import_json.h"

static int fail(ipf_json_scan *s, size_t pos, ipofacts_status st, const char *msg)
{
    s->err_status = st;
    s->err_pos = pos;
    s->err_msg = msg;
    return -1;
}

static int fail_syntax(ipf_json_scan *s, size_t pos, const char *msg)
{
    if (pos >= s->len)
        return fail(s, s->len, IPOFACTS_E_SYNTAX, "unexpected end of the text (truncated?)");
    return fail(s, pos, IPOFACTS_E_SYNTAX, msg);
}

void ipf_json_init(ipf_json_scan *s, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = len;
}

int ipf_json_peek(ipf_json_scan *s)
{
    while (s->pos < s->len) {
        char c = s->text[s->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return (unsigned char)c;
        s->pos++;
    }
    return -1;
}

int ipf_json_expect(ipf_json_scan *s, char c, const char *msg)
{
    if (ipf_json_peek(s) != (unsigned char)c)
        return fail_syntax(s, s->pos, msg);
    s->pos++;
    return 0;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int ipf_json_string(ipf_json_scan *s, size_t *begin, size_t *end, int *escaped)
{
    if (ipf_json_peek(s) != '"')
        return fail_syntax(s, s->pos, "expected a string");
    size_t start = s->pos;
    const char *t = s->text;
    size_t i = s->pos + 1;
    int esc = 0;
    for (;;) {
        /* Fast path: plain bytes. */
        while (i < s->len && t[i] != '"' && t[i] != '\\' && (unsigned char)t[i] >= 0x20)
            i++;
        if (i >= s->len)
            return fail_syntax(s, s->len, "");
        if (t[i] == '"')
            break;
        if ((unsigned char)t[i] < 0x20)
            return fail_syntax(s, i, "a control character in a string must be escaped");
        /* A backslash. */
        esc = 1;
        if (i + 1 >= s->len)
            return fail_syntax(s, s->len, "");
        char e = t[i + 1];
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
            i += 2;
        } else if (e == 'u') {
            for (size_t k = 0; k < 4; k++)
                if (i + 2 + k >= s->len || !is_hex(t[i + 2 + k]))
                    return fail_syntax(s, i + 2 + k, "\\u must be followed by four hexadecimal digits");
            i += 6;
        } else {
            return fail_syntax(s, i, "an unknown escape in a string");
        }
    }
    s->pos = i + 1;
    if (begin)
        *begin = start;
    if (end)
        *end = s->pos;
    if (escaped)
        *escaped = esc;
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int scan_number(ipf_json_scan *s)
{
    const char *t = s->text;
    size_t i = s->pos;
    if (i < s->len && t[i] == '-')
        i++;
    if (i >= s->len || !is_digit(t[i]))
        return fail_syntax(s, i, "a number needs a digit here");
    if (t[i] == '0') {
        i++;
        if (i < s->len && is_digit(t[i]))
            return fail_syntax(s, i, "a number must not start with 0");
    } else {
        while (i < s->len && is_digit(t[i]))
            i++;
    }
    if (i < s->len && t[i] == '.') {
        i++;
        if (i >= s->len || !is_digit(t[i]))
            return fail_syntax(s, i, "a number needs a digit after the point");
        while (i < s->len && is_digit(t[i]))
            i++;
    }
    if (i < s->len && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < s->len && (t[i] == '+' || t[i] == '-'))
            i++;
        if (i >= s->len || !is_digit(t[i]))
            return fail_syntax(s, i, "a number needs a digit in its exponent");
        while (i < s->len && is_digit(t[i]))
            i++;
    }
    s->pos = i;
    return 0;
}

static int scan_literal(ipf_json_scan *s, const char *word)
{
    size_t n = strlen(word);
    if (s->len - s->pos < n || memcmp(s->text + s->pos, word, n) != 0) {
        size_t i = s->pos;
        while (i < s->len && i - s->pos < n && s->text[i] == word[i - s->pos])
            i++;
        return fail_syntax(s, i, "not a JSON value");
    }
    s->pos += n;
    return 0;
}

int ipf_json_value(ipf_json_scan *s, unsigned depth, size_t *begin, size_t *end)
{
    char stack[IPF_JSON_MAX_DEPTH];
    unsigned top = 0;
    (void)ipf_json_peek(s); /* skip the whitespace before the value */
    size_t start = s->pos;
    for (;;) {
        /* Here a value is expected. */
        int c = ipf_json_peek(s);
        if (c == '{' || c == '[') {
            if (depth + top + 1 > IPF_JSON_MAX_DEPTH)
                return fail(s, s->pos, IPOFACTS_E_TOO_LARGE, "nesting deeper than 64 levels");
            stack[top++] = (char)c;
            s->pos++;
            int n = ipf_json_peek(s);
            if (c == '{') {
                if (n == '}') {
                    s->pos++;
                    top--;
                    goto after_value;
                }
                goto key;
            }
            if (n == ']') {
                s->pos++;
                top--;
                goto after_value;
            }
            continue;
        } else if (c == '"') {
            if (ipf_json_string(s, NULL, NULL, NULL) != 0)
                return -1;
            goto after_value;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (scan_number(s) != 0)
                return -1;
            goto after_value;
        } else if (c == 't' || c == 'f' || c == 'n') {
            if (scan_literal(s, c == 't' ? "true" : c == 'f' ? "false" : "null") != 0)
                return -1;
            goto after_value;
        } else {
            return fail_syntax(s, s->pos, "expected a JSON value");
        }
    key:
        if (ipf_json_peek(s) != '"')
            return fail_syntax(s, s->pos, "expected a member name in quotes");
        if (ipf_json_string(s, NULL, NULL, NULL) != 0)
            return -1;
        if (ipf_json_expect(s, ':', "expected ':' after the member name") != 0)
            return -1;
        continue;
    after_value:
        for (;;) {
            if (top == 0) {
                if (begin)
                    *begin = start;
                if (end)
                    *end = s->pos;
                return 0;
            }
            c = ipf_json_peek(s);
            if (c == ',') {
                s->pos++;
                if (stack[top - 1] == '{') {
                    if (ipf_json_peek(s) != '"')
                        return fail_syntax(s, s->pos, "expected a member name in quotes");
                    goto key;
                }
                break; /* next element */
            }
            if ((stack[top - 1] == '{' && c == '}') || (stack[top - 1] == '[' && c == ']')) {
                s->pos++;
                top--;
                continue;
            }
            return fail_syntax(s, s->pos,
                               stack[top - 1] == '{' ? "expected ',' or '}' in an object"
                                                     : "expected ',' or ']' in an array");
        }
    }
}

int ipf_json_member(ipf_json_scan *s, int *first, size_t *kb, size_t *ke, int *escaped)
{
    int c = ipf_json_peek(s);
    if (*first) {
        if (c == '}') {
            s->pos++;
            return 0;
        }
        *first = 0;
    } else {
        if (c == '}') {
            s->pos++;
            return 0;
        }
        if (c != ',')
            return fail_syntax(s, s->pos, "expected ',' or '}' in an object");
        s->pos++;
        c = ipf_json_peek(s);
    }
    if (c != '"')
        return fail_syntax(s, s->pos, "expected a member name in quotes");
    if (ipf_json_string(s, kb, ke, escaped) != 0)
        return -1;
    if (ipf_json_expect(s, ':', "expected ':' after the member name") != 0)
        return -1;
    if (ipf_json_peek(s) < 0)
        return fail_syntax(s, s->len, "");
    return 1;
}

int ipf_json_element(ipf_json_scan *s, int *first)
{
    int c = ipf_json_peek(s);
    if (*first) {
        if (c == ']') {
            s->pos++;
            return 0;
        }
        *first = 0;
    } else {
        if (c == ']') {
            s->pos++;
            return 0;
        }
        if (c != ',')
            return fail_syntax(s, s->pos, "expected ',' or ']' in an array");
        s->pos++;
    }
    if (ipf_json_peek(s) < 0)
        return fail_syntax(s, s->len, "");
    return 1;
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static int put_utf8(char *out, size_t size, size_t *o, unsigned cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    if (*o + n >= size)
        return -1;
    memcpy(out + *o, b, n);
    *o += n;
    return 0;
}

long ipf_json_decode(const char *tok, size_t n, char *out, size_t size, int *has_nul)
{
    size_t o = 0;
    *has_nul = 0;
    if (size == 0 || n < 2)
        return -1;
    for (size_t i = 1; i + 1 < n;) {
        char c = tok[i];
        if (c != '\\') {
            if (o + 1 >= size)
                return -1;
            out[o++] = c;
            i++;
            continue;
        }
        char e = tok[i + 1];
        unsigned cp;
        switch (e) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': cp = 0; break;
        default: cp = (unsigned char)e; break;
        }
        if (e != 'u') {
            if (o + 1 >= size)
                return -1;
            out[o++] = (char)cp;
            i += 2;
            continue;
        }
        cp = hex4(tok + i + 2);
        i += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 6 <= n - 1 && tok[i] == '\\' && tok[i + 1] == 'u') {
                unsigned lo = hex4(tok + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                } else {
                    cp = 0xFFFD;
                }
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (cp == 0)
            *has_nul = 1;
        if (put_utf8(out, size, &o, cp) != 0)
            return -1;
    }
    out[o] = '\0';
    return (long)o;
}

void ipf_json_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *column)
{
    if (offset > len)
        offset = len;
    uint64_t ln = 1;
    size_t line_start = 0;
    const char *p = text;
    const char *stop = text + offset;
    while (p < stop) {
        const char *nl = memchr(p, '\n', (size_t)(stop - p));
        if (nl == NULL)
            break;
        ln++;
        line_start = (size_t)(nl - text) + 1;
        p = nl + 1;
    }
    uint64_t col = 1;
    for (size_t i = line_start; i < offset; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            col++;
    *line = ln > UINT32_MAX ? UINT32_MAX : (uint32_t)ln;
    *column = col > UINT32_MAX ? UINT32_MAX : (uint32_t)col;
}
