/*
 * Internal: a validating JSON scanner over raw text, for the importers.
 *
 * It builds no tree: it steps over tokens and values and knows where each
 * one starts and ends, so an importer can walk a large document keeping only
 * what it needs, hand small pieces to cJSON, and report every error with its
 * byte offset, line and column. It accepts exactly RFC 8259 JSON (no leading
 * zeros, no trailing commas, no comments) and limits nesting to
 * IPF_JSON_MAX_DEPTH. Not installed; nothing here is exported.
 */
#ifndef IPOFACTS_LIB_IMPORT_JSON_H
#define IPOFACTS_LIB_IMPORT_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "ipofacts/common.h"

/* Deepest nesting of arrays and objects the scanner accepts. */
#define IPF_JSON_MAX_DEPTH 64

typedef struct ipf_json_scan {
    const char *text; /* the document */
    size_t len;       /* its length in bytes */
    size_t pos;       /* next byte to read */
    /* Set when a function fails: */
    ipofacts_status err_status; /* IPOFACTS_E_SYNTAX or IPOFACTS_E_TOO_LARGE */
    size_t err_pos;             /* byte offset of the problem */
    const char *err_msg;        /* static English text */
} ipf_json_scan;

/* Starts scanning text[0..len). */
void ipf_json_init(ipf_json_scan *s, const char *text, size_t len);

/* Skips white space; returns the next byte, or -1 at the end of the text. */
int ipf_json_peek(ipf_json_scan *s);

/*
 * Reads a string token at pos (after white space). On success *begin and
 * *end delimit the token with its quotes, *escaped tells whether it holds a
 * backslash, pos is after the closing quote, and 0 is returned; otherwise -1
 * with the error set.
 */
int ipf_json_string(ipf_json_scan *s, size_t *begin, size_t *end, int *escaped);

/* Reads and validates one value of any kind (after white space) at nesting
 * depth `depth` (the number of containers around it). On success *begin and
 * *end delimit it and 0 is returned; otherwise -1 with the error set. */
int ipf_json_value(ipf_json_scan *s, unsigned depth, size_t *begin, size_t *end);

/* Expects byte c (after white space) and steps over it; -1 with the error set
 * (message `msg`) when another byte or the end comes. */
int ipf_json_expect(ipf_json_scan *s, char c, const char *msg);

/*
 * Members of an object and elements of an array. Call with *first = 1 right
 * after the opening bracket was consumed. ipf_json_member() returns 1 with
 * the key token in *kb..*ke (quotes included) and pos at the value, 0 after
 * consuming the closing brace, -1 on error. ipf_json_element() returns 1
 * with pos at the next element, 0 after the closing bracket, -1 on error.
 */
int ipf_json_member(ipf_json_scan *s, int *first, size_t *kb, size_t *ke, int *escaped);
int ipf_json_element(ipf_json_scan *s, int *first);

/*
 * Decodes the string token tok[0..n) (with its quotes) into out (size
 * bytes, NUL-terminated). Returns the decoded length, or -1 when it does not
 * fit. *has_nul is set when the text holds U+0000 (escaped). Escapes are
 * decoded to UTF-8, surrogate pairs joined; a lone surrogate becomes U+FFFD.
 * The token must have been validated by ipf_json_string().
 */
long ipf_json_decode(const char *tok, size_t n, char *out, size_t size, int *has_nul);

/* 1-based line and column (in UTF-8 characters) of byte `offset` of text. */
void ipf_json_position(const char *text, size_t len, size_t offset, uint32_t *line, uint32_t *column);

#endif /* IPOFACTS_LIB_IMPORT_JSON_H */
