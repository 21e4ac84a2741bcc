/*
 * A small writer of SVG documents for the ipofacts program (internal, not
 * installed): markup is built in memory, text is XML-escaped, text width is
 * estimated for wrapping (East Asian wide characters count as one em), and
 * the document is written to its file atomically.
 */
#ifndef IPOFACTS_SVG_H
#define IPOFACTS_SVG_H

#include <stddef.h>

/* A growing buffer of markup. After an allocation failure, failed is set
 * and later writes do nothing. */
typedef struct svg_buf {
    char *data;
    size_t len;
    size_t cap;
    int failed;
} svg_buf;

void svg_init(svg_buf *b);
void svg_free(svg_buf *b);

/* Appends markup as printf formats it (not escaped: only for markup the
 * program writes itself and for numbers). */
void svg_printf(svg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends UTF-8 text escaped for XML character data and attribute values:
 * & < > " ' become entities; control characters that XML 1.0 forbids become
 * U+FFFD; tab, newline and carriage return are kept. NULL appends nothing. */
void svg_text(svg_buf *b, const char *s);
/* The same for the first n bytes of s. */
void svg_text_n(svg_buf *b, const char *s, size_t n);
/* Formats as printf does, then appends the result escaped as svg_text(). */
void svg_textf(svg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Estimated width in pixels of UTF-8 text in a proportional sans-serif font
 * of font_size pixels: wide and fullwidth characters take one em, Latin
 * letters and digits a little over half an em. The estimate errs on the
 * wide side so that wrapped lines fit. */
double svg_text_width(const char *s, size_t n, double font_size);

/* Splits text into lines of at most width pixels. Returns the byte length
 * of the first line of s (without trailing spaces) and sets *next to the
 * offset where the following line starts (spaces skipped); *next == strlen(s)
 * after the last line. Lines break after spaces and around wide characters;
 * a word longer than a line is cut at a character boundary. */
size_t svg_wrap(const char *s, double font_size, double width, size_t *next);

/* Writes the buffer to path atomically: a temporary file in the same
 * directory is written, flushed to disk and renamed over path, so path
 * never holds a part of the document. Returns 0, or -1 with errno set (the
 * temporary file is removed). */
int svg_write_file(const svg_buf *b, const char *path);

#endif
