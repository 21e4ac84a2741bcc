/*
 * Internal interface of the text layer (lib/text.c, lib/text_amount.c):
 * the NFKC-normalised copy of a text with its offset map, and the amount
 * finder both the parser and the scanner use. Not installed; nothing here
 * is exported.
 */
#ifndef IPOFACTS_LIB_TEXT_INTERNAL_H
#define IPOFACTS_LIB_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ipofacts/text.h"

/*
 * A text normalised character by character to NFKC. Byte i of s was
 * produced by the original character that starts at byte map[i] of the
 * original; map[n] is the original's length. The map is non-decreasing.
 */
typedef struct ipf_norm {
    char *s;          /* normalised text, NUL-terminated */
    size_t n;         /* its length in bytes */
    uint32_t *map;    /* n + 1 entries */
    const char *orig; /* the original text (borrowed) */
    size_t olen;      /* its length */
} ipf_norm;

/*
 * Normalises text (valid UTF-8, at most UINT32_MAX / 2 bytes) into *out.
 * Returns IPOFACTS_OK or IPOFACTS_E_NOMEM (then *out is empty).
 */
ipofacts_status ipf_text_normalize(ipf_norm *out, const char *text, size_t len);

/* Frees what ipf_text_normalize() allocated; nt may be empty. */
void ipf_text_norm_free(ipf_norm *nt);

/* Original offset of the character that produced normalised byte npos. */
size_t ipf_text_orig_start(const ipf_norm *nt, size_t npos);

/* Original offset one past the character that produced normalised byte
 * nend - 1 (nend > 0), i.e. the end of a normalised span in the original. */
size_t ipf_text_orig_end(const ipf_norm *nt, size_t nend);

/* How the figure's nearest prefix word reads, for conversions. */
enum {
    IPF_PREFIX_NONE = 0,   /* no qualifier word */
    IPF_PREFIX_LOOSE = 1,  /* 约, 約, about: a conversion marker inside brackets */
    IPF_PREFIX_STRICT = 2, /* 约合, 約合, 折合, 相当于: a conversion marker anywhere */
    IPF_PREFIX_OTHER = 3   /* 超过, 近, more than ... */
};

/* One amount the finder found. Offsets in amount.start/end are normalised
 * offsets until the caller maps them with ipf_text_orig_start/_end. */
typedef struct ipf_found {
    ipofacts_amount amount;
    int prefix;     /* IPF_PREFIX_* */
    int explicit_q; /* the qualifier comes from a word of the figure's own */
} ipf_found;

typedef struct ipf_found_list {
    ipf_found *v;
    size_t n;
    size_t cap;
} ipf_found_list;

/* Where the finder stopped and why, for the parser's error message. */
typedef struct ipf_find_diag {
    size_t error_pos;      /* normalised offset of an overflowing number */
    int have_bare_number;  /* a number with no unit was seen */
    size_t bare_number_pos;
    size_t bare_number_end;
} ipf_find_diag;

/*
 * Finds the amounts of nt in text order and links conversions (indexes
 * relative to the list). max: stop once that many amounts are found (0: no
 * limit). strict: a number beyond the decimal range is an error even when
 * it has no unit (the parser), not only when it is an amount (the scanner).
 * Returns IPOFACTS_OK, IPOFACTS_E_OVERFLOW (diag->error_pos set) or
 * IPOFACTS_E_NOMEM. Appends to *out.
 */
ipofacts_status ipf_text_find(const ipf_norm *nt, size_t max, int strict, ipf_found_list *out,
                              ipf_find_diag *diag);

/* Frees the list's storage. */
void ipf_found_list_free(ipf_found_list *list);

/*
 * The first place in nt (normalised offset) where a unit or multiplier
 * stands with no number (亿, 美元, %, 倍, billion): 1 and *pos, *end set, or 0.
 */
int ipf_text_find_bare_unit(const ipf_norm *nt, size_t *pos, size_t *end);

#endif /* IPOFACTS_LIB_TEXT_INTERNAL_H */
