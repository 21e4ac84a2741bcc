/*
 * A small SVG writer: markup in memory, XML escaping, text width estimates
 * for wrapping, and an atomic write to a file. See svg.h.
 */
#include "svg.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void svg_init(svg_buf *b)
{
    memset(b, 0, sizeof *b);
}

void svg_free(svg_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

/* Makes room for n more bytes and a NUL. 0, or -1 (and failed set). */
static int reserve(svg_buf *b, size_t n)
{
    size_t need, cap;
    char *p;
    if (b->failed)
        return -1;
    if (n > SIZE_MAX / 2 - b->len - 1) {
        b->failed = 1;
        return -1;
    }
    need = b->len + n + 1;
    if (need <= b->cap)
        return 0;
    cap = b->cap != 0 ? b->cap : 4096;
    while (cap < need)
        cap *= 2;
    p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

static void append(svg_buf *b, const char *s, size_t n)
{
    if (reserve(b, n) != 0)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void svg_printf(svg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[256];

    if (b->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        append(b, small, (size_t)n);
        return;
    }
    if (reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Decodes one UTF-8 character of s (n bytes available). Sets *len to its
 * length; a malformed sequence is one byte and decodes as U+FFFD. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    uint32_t c = s[0], min;
    size_t need, i;
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        c &= 0x07;
        min = 0x10000;
    } else {
        *len = 1;
        return 0xFFFD;
    }
    if (need > n) {
        *len = 1;
        return 0xFFFD;
    }
    for (i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *len = 1;
        return 0xFFFD;
    }
    *len = need;
    return c;
}

void svg_text_n(svg_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;

    if (s == NULL)
        return;
    while (i < n) {
        const char *rep = NULL;
        size_t clen = 1;
        uint32_t c = u[i];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&apos;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                rep = "\xEF\xBF\xBD";
            } else if (c >= 0x80) {
                c = decode(u + i, n - i, &clen);
                /* U+FFFE, U+FFFF and malformed bytes are not XML characters. */
                if (c == 0xFFFE || c == 0xFFFF || (c == 0xFFFD && clen == 1))
                    rep = "\xEF\xBF\xBD";
            }
            break;
        }
        if (rep != NULL) {
            append(b, s + i - run, run);
            run = 0;
            append(b, rep, strlen(rep));
            i += clen;
        } else {
            run += clen;
            i += clen;
        }
    }
    append(b, s + n - run, run);
}

void svg_text(svg_buf *b, const char *s)
{
    if (s != NULL)
        svg_text_n(b, s, strlen(s));
}

void svg_textf(svg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    char small[512], *big;

    if (b->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        svg_text_n(b, small, (size_t)n);
        return;
    }
    big = malloc((size_t)n + 1);
    if (big == NULL) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    svg_text_n(b, big, (size_t)n);
    free(big);
}

/* ------------------------------------------------------------------ */
/* Width estimates and wrapping                                        */
/* ------------------------------------------------------------------ */

static int is_wide(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

/* Closing punctuation a line must not start with, and opening punctuation
 * it must not end with (the simplest rules of CJK line breaking). */
static int no_break_before(uint32_t c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF09: case 0xFF1A: case 0xFF1B:
    case 0xFF01: case 0xFF1F: case 0x300D: case 0x300F: case 0x3011: case 0x201D: case 0x2019:
    case 0x300B: case 0x3009:
        return 1;
    default:
        return 0;
    }
}

static int no_break_after(uint32_t c)
{
    switch (c) {
    case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x201C: case 0x2018: case 0x300A:
    case 0x3008:
        return 1;
    default:
        return 0;
    }
}

static double char_em(uint32_t c)
{
    if (is_wide(c))
        return 1.0;
    if (c == ' ')
        return 0.28;
    if (c == 'i' || c == 'j' || c == 'l' || c == '.' || c == ',' || c == ':' || c == ';' || c == '\'' ||
        c == '|' || c == '!' || c == '(' || c == ')' || c == '[' || c == ']')
        return 0.36;
    if (c == 'm' || c == 'w' || c == 'M' || c == 'W' || c == '%' || c == '@')
        return 0.86;
    if (c >= 'a' && c <= 'z')
        return 0.54;
    if (c >= 'A' && c <= 'Z')
        return 0.66;
    if (c >= '0' && c <= '9')
        return 0.58;
    return 0.62;
}

double svg_text_width(const char *s, size_t n, double font_size)
{
    const unsigned char *u = (const unsigned char *)s;
    double em = 0;
    size_t i = 0, clen;
    if (s == NULL)
        return 0;
    while (i < n) {
        em += char_em(decode(u + i, n - i, &clen));
        i += clen;
    }
    return em * font_size;
}

size_t svg_wrap(const char *s, double font_size, double width, size_t *next)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, brk = 0, brk_next = 0, clen, end;
    uint32_t prev = 0;
    double w = 0;

    while (i < n) {
        uint32_t c = decode(u + i, n - i, &clen);
        double cw = char_em(c) * font_size;
        if (c == ' ' || c == '\t' || c == '\n') {
            size_t j = i;
            if (c == '\n' && i > 0) {
                /* A newline ends the line here. */
                end = i;
                while (end > 0 && s[end - 1] == ' ')
                    end--;
                *next = i + 1;
                return end;
            }
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (i > 0) {
                brk = i;
                brk_next = j;
            }
            w += cw * (double)(j - i);
            i = j;
            prev = ' ';
            continue;
        }
        if (i > 0 && (is_wide(c) || is_wide(prev)) && !no_break_before(c) && !no_break_after(prev)) {
            brk = i;
            brk_next = i;
        }
        if (i > 0 && w + cw > width) {
            if (brk > 0) {
                end = brk;
            } else {
                end = i;
                brk_next = i;
            }
            while (end > 0 && s[end - 1] == ' ')
                end--;
            *next = brk_next;
            return end;
        }
        w += cw;
        i += clen;
        prev = c;
    }
    end = n;
    while (end > 0 && s[end - 1] == ' ')
        end--;
    *next = n;
    return end;
}

/* ------------------------------------------------------------------ */
/* Writing the file                                                    */
/* ------------------------------------------------------------------ */

int svg_write_file(const svg_buf *b, const char *path)
{
    static const char suffix[] = ".tmpXXXXXX";
    size_t n = strlen(path), off = 0;
    char *tmp;
    int fd, saved;
    mode_t mask;

    if (b->failed) {
        errno = ENOMEM;
        return -1;
    }
    tmp = malloc(n + sizeof suffix);
    if (tmp == NULL)
        return -1;
    memcpy(tmp, path, n);
    memcpy(tmp + n, suffix, sizeof suffix);
    fd = mkstemp(tmp);
    if (fd < 0) {
        saved = errno;
        free(tmp);
        errno = saved;
        return -1;
    }
    /* mkstemp() makes the file private; give it the mode a new file gets. */
    mask = umask(0);
    umask(mask);
    if (fchmod(fd, (mode_t)(0666 & ~mask)) != 0)
        goto fail;
    while (off < b->len) {
        ssize_t w = write(fd, b->data + off, b->len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0)
        goto fail;
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0)
        goto fail;
    free(tmp);
    return 0;

fail:
    saved = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    errno = saved;
    return -1;
}
