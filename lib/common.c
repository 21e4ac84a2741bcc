/*
 * Versions, status names, error details and small shared helpers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "ipofacts/common.h"

IPOFACTS_API const char *ipofacts_version_string(void)
{
    return IPOFACTS_VERSION_STRING;
}

IPOFACTS_API uint32_t ipofacts_version_number(void)
{
    return (uint32_t)IPOFACTS_VERSION_NUMBER;
}

IPOFACTS_API uint32_t ipofacts_abi_version(void)
{
    return (uint32_t)IPOFACTS_ABI_VERSION;
}

IPOFACTS_API const char *ipofacts_status_str(ipofacts_status status)
{
    switch (status) {
    case IPOFACTS_OK: return "success";
    case IPOFACTS_E_NOMEM: return "out of memory";
    case IPOFACTS_E_INVALID: return "invalid argument";
    case IPOFACTS_E_IO: return "input/output error";
    case IPOFACTS_E_SYNTAX: return "syntax error";
    case IPOFACTS_E_SCHEMA: return "schema error";
    case IPOFACTS_E_VERSION: return "unsupported format version";
    case IPOFACTS_E_UTF8: return "invalid UTF-8";
    case IPOFACTS_E_DUPLICATE: return "duplicate id";
    case IPOFACTS_E_DATE: return "invalid date";
    case IPOFACTS_E_UNIT: return "unknown unit";
    case IPOFACTS_E_OVERFLOW: return "decimal overflow";
    case IPOFACTS_E_NOT_FOUND: return "not found";
    case IPOFACTS_E_NO_AMOUNT: return "no amount in text";
    case IPOFACTS_E_TOO_LARGE: return "input too large";
    case IPOFACTS_E_RANGE: return "value out of range";
    case IPOFACTS_E_BUFFER: return "buffer too small";
    case IPOFACTS_E_REFERENCE: return "undefined reference";
    }
    return "unknown status";
}

/* Length of the longest prefix of s (of length n) that does not end inside
 * a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t n)
{
    size_t i = n;
    size_t back = 0;
    /* Walk back over continuation bytes (10xxxxxx), at most three. */
    while (i > 0 && back < 3 && ((unsigned char)s[i - 1] & 0xC0u) == 0x80u) {
        i--;
        back++;
    }
    if (i == 0)
        return n;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need;
    if (lead < 0x80u)
        return n; /* ASCII: the cut is after a complete character */
    else if ((lead & 0xE0u) == 0xC0u)
        need = 1;
    else if ((lead & 0xF0u) == 0xE0u)
        need = 2;
    else if ((lead & 0xF8u) == 0xF0u)
        need = 3;
    else
        return n; /* not UTF-8: cut where asked */
    if (back >= need)
        return n; /* the last sequence is complete */
    return i - 1; /* drop the incomplete sequence */
}

int ipf_copy_utf8(char *dst, size_t size, const char *src)
{
    if (dst == NULL || size == 0)
        return src == NULL || src[0] == '\0';
    if (src == NULL) {
        dst[0] = '\0';
        return 1;
    }
    size_t len = strlen(src);
    if (len < size) {
        memcpy(dst, src, len + 1);
        return 1;
    }
    size_t n = utf8_cut(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
    return 0;
}

void ipf_error_clear(ipofacts_error *e)
{
    if (e != NULL)
        memset(e, 0, sizeof *e);
}

void ipf_error_setv(ipofacts_error *e, ipofacts_status st, const char *file, uint32_t line, uint32_t col,
                    uint64_t offset, const char *path, const char *fmt, va_list ap)
{
    if (e == NULL)
        return;
    memset(e, 0, sizeof *e);
    e->status = st;
    e->line = line;
    e->column = col;
    e->offset = offset;
    ipf_copy_utf8(e->file, sizeof e->file, file);
    ipf_copy_utf8(e->path, sizeof e->path, path);
    if (fmt != NULL) {
        int n = vsnprintf(e->message, sizeof e->message, fmt, ap);
        if (n < 0) {
            e->message[0] = '\0';
        } else if ((size_t)n >= sizeof e->message) {
            size_t keep = utf8_cut(e->message, sizeof e->message - 1);
            e->message[keep] = '\0';
        }
    }
}

void ipf_error_set(ipofacts_error *e, ipofacts_status st, const char *file, uint32_t line, uint32_t col,
                   uint64_t offset, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ipf_error_setv(e, st, file, line, col, offset, path, fmt, ap);
    va_end(ap);
}

char *ipf_strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p != NULL)
        memcpy(p, s, n + 1);
    return p;
}

char *ipf_strndup(const char *s, size_t n)
{
    if (s == NULL)
        return NULL;
    size_t len = 0;
    while (len < n && s[len] != '\0')
        len++;
    char *p = malloc(len + 1);
    if (p != NULL) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

/* Appends src (at most max bytes of it, stopping at a NUL) to the line being
 * built in buf; *used counts the bytes the whole line needs. */
static void append(char *buf, size_t size, size_t *used, const char *src, size_t max)
{
    size_t len = 0;
    while (len < max && src[len] != '\0')
        len++;
    if (*used < size) {
        size_t room = size - 1 - *used;
        size_t n = len < room ? len : room;
        memcpy(buf + *used, src, n);
    }
    *used += len;
}

IPOFACTS_API ipofacts_status ipofacts_error_format(const ipofacts_error *error, char *buf, size_t size)
{
    if (error == NULL || buf == NULL)
        return IPOFACTS_E_INVALID;
    if (size == 0)
        return IPOFACTS_E_BUFFER;

    size_t used = 0;
    char num[32];
    int have_place = 0;
    if (error->file[0] != '\0') {
        append(buf, size, &used, error->file, sizeof error->file);
        have_place = 1;
    }
    if (error->line > 0) {
        snprintf(num, sizeof num, "%s%lu", have_place ? ":" : "", (unsigned long)error->line);
        append(buf, size, &used, num, sizeof num);
        if (error->column > 0) {
            snprintf(num, sizeof num, ":%lu", (unsigned long)error->column);
            append(buf, size, &used, num, sizeof num);
        }
        have_place = 1;
    }
    if (have_place)
        append(buf, size, &used, ": ", 2);
    if (error->path[0] != '\0') {
        append(buf, size, &used, error->path, sizeof error->path);
        append(buf, size, &used, ": ", 2);
    }
    if (error->message[0] != '\0')
        append(buf, size, &used, error->message, sizeof error->message);
    else
        append(buf, size, &used, ipofacts_status_str(error->status), SIZE_MAX);

    if (used < size) {
        buf[used] = '\0';
        return IPOFACTS_OK;
    }
    /* Cut: keep whole UTF-8 characters only. */
    size_t keep = utf8_cut(buf, size - 1);
    buf[keep] = '\0';
    return IPOFACTS_E_BUFFER;
}
