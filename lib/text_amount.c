/*
 * The amount finder of the text layer: NFKC normalisation with an offset
 * map, and the grammar of amounts in Chinese and English prose (numbers,
 * multipliers, currencies, percentages, multiples, counts, ranks,
 * qualifiers, ranges and conversions). docs/text.md describes the grammar.
 *
 * The finder works on the normalised copy, so full-width digits and
 * punctuation read as ASCII; every offset it produces is a normalised
 * offset that the callers map back to the original text.
 */
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>
#include <unistr.h>

#include "text_internal.h"

/* ------------------------------------------------------------------ */
/* Normalisation                                                       */
/* ------------------------------------------------------------------ */

/* Characters that NFKC leaves alone, so the common cases skip u8_normalize. */
static int nfkc_invariant(ucs4_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0x3001 && c <= 0x3002) || (c >= 0x300C && c <= 0x300F) || (c >= 0x201C && c <= 0x201D);
}

typedef struct nbuf {
    char *s;
    uint32_t *map;
    size_t n;
    size_t cap;
} nbuf;

static int nbuf_push(nbuf *b, const uint8_t *bytes, size_t k, size_t orig)
{
    if (b->n + k + 1 > b->cap) {
        size_t cap = b->cap * 2;
        while (cap < b->n + k + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (s == NULL)
            return 0;
        b->s = s;
        uint32_t *map = realloc(b->map, cap * sizeof *map);
        if (map == NULL)
            return 0;
        b->map = map;
        b->cap = cap;
    }
    for (size_t i = 0; i < k; i++) {
        b->s[b->n] = (char)bytes[i];
        b->map[b->n] = (uint32_t)orig;
        b->n++;
    }
    return 1;
}

ipofacts_status ipf_text_normalize(ipf_norm *out, const char *text, size_t len)
{
    nbuf b;
    memset(out, 0, sizeof *out);
    b.cap = len + 16;
    b.n = 0;
    b.s = malloc(b.cap);
    b.map = malloc(b.cap * sizeof *b.map);
    if (b.s == NULL || b.map == NULL) {
        free(b.s);
        free(b.map);
        return IPOFACTS_E_NOMEM;
    }
    const uint8_t *u = (const uint8_t *)text;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            if (!nbuf_push(&b, u + i, 1, i))
                goto nomem;
            i++;
            continue;
        }
        ucs4_t uc;
        int k = u8_mbtouc_unsafe(&uc, u + i, len - i);
        if (k <= 0)
            k = 1;
        if (nfkc_invariant(uc)) {
            if (!nbuf_push(&b, u + i, (size_t)k, i))
                goto nomem;
        } else if (uc == 0x2212 || uc == 0x2010 || uc == 0x2011 || uc == 0x207B || uc == 0x208B) {
            /* minus sign and hyphens read as the ASCII hyphen-minus */
            if (!nbuf_push(&b, (const uint8_t *)"-", 1, i))
                goto nomem;
        } else {
            uint8_t small[64];
            size_t rlen = sizeof small;
            uint8_t *r = u8_normalize(UNINORM_NFKC, u + i, (size_t)k, small, &rlen);
            if (r == NULL)
                goto nomem;
            int ok = nbuf_push(&b, r, rlen, i);
            if (r != small)
                free(r);
            if (!ok)
                goto nomem;
        }
        i += (size_t)k;
    }
    b.s[b.n] = '\0';
    b.map[b.n] = (uint32_t)len;
    out->s = b.s;
    out->n = b.n;
    out->map = b.map;
    out->orig = text;
    out->olen = len;
    return IPOFACTS_OK;
nomem:
    free(b.s);
    free(b.map);
    return IPOFACTS_E_NOMEM;
}

void ipf_text_norm_free(ipf_norm *nt)
{
    if (nt == NULL)
        return;
    free(nt->s);
    free(nt->map);
    memset(nt, 0, sizeof *nt);
}

size_t ipf_text_orig_start(const ipf_norm *nt, size_t npos)
{
    if (npos > nt->n)
        npos = nt->n;
    return nt->map[npos];
}

size_t ipf_text_orig_end(const ipf_norm *nt, size_t nend)
{
    if (nend == 0)
        return nt->map[0];
    if (nend > nt->n)
        nend = nt->n;
    uint32_t last = nt->map[nend - 1];
    size_t j = nend;
    while (j < nt->n && nt->map[j] == last)
        j++;
    return nt->map[j];
}

/* ------------------------------------------------------------------ */
/* Matching helpers on the normalised text                            */
/* ------------------------------------------------------------------ */

static int at(const ipf_norm *t, size_t i)
{
    return i < t->n ? (unsigned char)t->s[i] : 0;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
    return is_digit(c) || is_alpha(c);
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static size_t skip_ws(const ipf_norm *t, size_t pos)
{
    while (pos < t->n && (t->s[pos] == ' ' || t->s[pos] == '\t'))
        pos++;
    return pos;
}

static size_t skip_ws_back(const ipf_norm *t, size_t floor, size_t pos)
{
    while (pos > floor && (t->s[pos - 1] == ' ' || t->s[pos - 1] == '\t'))
        pos--;
    return pos;
}

/* Length of the literal w at pos, or 0. */
static size_t lit(const ipf_norm *t, size_t pos, const char *w)
{
    size_t k = strlen(w);
    if (pos > t->n || t->n - pos < k)
        return 0;
    return memcmp(t->s + pos, w, k) == 0 ? k : 0;
}

/* Length of the literal w ending at pos, not reaching below floor, or 0. */
static size_t lit_back(const ipf_norm *t, size_t floor, size_t pos, const char *w)
{
    size_t k = strlen(w);
    if (pos < floor || pos - floor < k)
        return 0;
    return memcmp(t->s + pos - k, w, k) == 0 ? k : 0;
}

/* The ASCII word w at pos, compared without case, not followed by a letter. */
static size_t word(const ipf_norm *t, size_t pos, const char *w)
{
    size_t k = strlen(w);
    if (pos > t->n || t->n - pos < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)t->s[pos + i]) != lower((unsigned char)w[i]))
            return 0;
    if (is_alpha((unsigned char)w[k - 1]) && is_alpha(at(t, pos + k)))
        return 0;
    return k;
}

/* The ASCII word w ending at pos, without case, not preceded by a letter. */
static size_t word_back(const ipf_norm *t, size_t floor, size_t pos, const char *w)
{
    size_t k = strlen(w);
    if (pos < floor || pos - floor < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)t->s[pos - k + i]) != lower((unsigned char)w[i]))
            return 0;
    if (is_alpha((unsigned char)w[0]) && pos - k > 0 && is_alpha(at(t, pos - k - 1)))
        return 0;
    return k;
}

/* ------------------------------------------------------------------ */
/* Word tables                                                         */
/* ------------------------------------------------------------------ */

/* ISO 4217 codes in current use, sorted. */
static const char iso_codes[][4] = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
    "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNH",
    "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD",
    "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD",
    "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU",
    "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
    "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF",
    "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL"};

/* Codes that are also English words: not read as currencies. */
static const char ambiguous_codes[][4] = {"ALL", "BOB", "CUP", "GEL", "MAD", "PEN", "SOS", "TOP"};

/* The 3-letter ISO code at s (exactly three capitals), or NULL. */
static const char *iso_code(const char *s)
{
    for (size_t i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return NULL;
    for (size_t i = 0; i < sizeof ambiguous_codes / sizeof ambiguous_codes[0]; i++)
        if (memcmp(s, ambiguous_codes[i], 3) == 0)
            return NULL;
    size_t lo = 0, hi = sizeof iso_codes / sizeof iso_codes[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = memcmp(iso_codes[mid], s, 3);
        if (c == 0)
            return iso_codes[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

typedef struct word_entry {
    const char *text; /* UTF-8, normalised form */
    const char *unit; /* currency code, unit name, or NULL */
    int value;        /* qualifier, exponent, ... by table */
    int kind;         /* table-specific */
    int ascii;        /* 1: an ASCII word, matched without case and at word boundaries */
} word_entry;

/* Qualifier words before a number. value: qualifier; kind: IPF_PREFIX_*. */
static const word_entry qualifier_prefixes[] = {
    {"约合", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_STRICT, 0},
    {"約合", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_STRICT, 0},
    {"折合", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_STRICT, 0},
    {"相当于", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_STRICT, 0},
    {"相當於", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_STRICT, 0},
    {"约", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"約", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"大约", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"大約", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"约为", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"約為", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"约有", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"約有", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"约达", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"約達", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"大概", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"approximately", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"approx.", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"approx", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"about", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"around", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"roughly", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"circa", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 1},
    {"~", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, IPF_PREFIX_LOOSE, 0},
    {"超过", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"超过了", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"超過了", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"超過", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"超", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"超出", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"逾", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"多于", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"多於", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"大于", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"大於", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"高于", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"高於", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"不少于", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"不少於", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"不低于", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"不低於", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"至少", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"起码", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"起碼", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"突破", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"破", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"冲破", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"沖破", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"刚过", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"剛過", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 0},
    {"more than", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"over", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"above", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"at least", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"in excess of", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"upwards of", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"exceeding", NULL, IPOFACTS_QUALIFIER_AT_LEAST, IPF_PREFIX_OTHER, 1},
    {"近", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"将近", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"將近", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"接近", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"不到", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"不足", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"不超过", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"不超過", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"低于", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"低於", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"少于", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"少於", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"小于", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"小於", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"至多", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"最多", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"不及", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 0},
    {"nearly", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"almost", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"close to", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"less than", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"fewer than", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"no more than", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"under", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"below", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"up to", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
    {"at most", NULL, IPOFACTS_QUALIFIER_AT_MOST, IPF_PREFIX_OTHER, 1},
};

/* A one-character qualifier preceded by one of these is part of another
 * word (节约 "save", 最近 "recent", 赶超 "overtake"), not a qualifier. */
static const struct {
    const char *qualifier;
    const char *before[12];
} qualifier_exclusions[] = {
    {"约", {"节", "制", "预", "契", "公", "签", "条", "婚", "隐", "简", "规", NULL}},
    {"約", {"節", "制", "預", "契", "公", "簽", "條", "婚", "隱", "簡", "規", NULL}},
    {"近", {"最", "附", "靠", "亲", "親", "临", "臨", "贴", "貼", NULL}},
    {"超", {"赶", "趕", "高", NULL}},
};

/* Currency symbols and words before a number. */
static const word_entry currency_prefixes[] = {
    {"US$", "USD", 0, 0, 0},     {"HK$", "HKD", 0, 0, 0},     {"NT$", "TWD", 0, 0, 0},
    {"NZ$", "NZD", 0, 0, 0},     {"CA$", "CAD", 0, 0, 0},     {"C$", "CAD", 0, 0, 0},
    {"A$", "AUD", 0, 0, 0},      {"AU$", "AUD", 0, 0, 0},     {"S$", "SGD", 0, 0, 0},
    {"SG$", "SGD", 0, 0, 0},     {"R$", "BRL", 0, 0, 0},      {"MOP$", "MOP", 0, 0, 0},
    {"MX$", "MXN", 0, 0, 0},     {"JP¥", "JPY", 0, 0, 0},     {"CN¥", "CNY", 0, 0, 0},
    {"RMB¥", "CNY", 0, 0, 0},    {"$", "USD", 0, 0, 0},       {"¥", "CNY", 0, 0, 0},
    {"€", "EUR", 0, 0, 0},       {"£", "GBP", 0, 0, 0},       {"₩", "KRW", 0, 0, 0},
    {"₹", "INR", 0, 0, 0},       {"₽", "RUB", 0, 0, 0},       {"人民币", "CNY", 0, 0, 0},
    {"人民幣", "CNY", 0, 0, 0},  {"港币", "HKD", 0, 0, 0},    {"港幣", "HKD", 0, 0, 0},
    {"港元", "HKD", 0, 0, 0},    {"美元", "USD", 0, 0, 0},    {"美金", "USD", 0, 0, 0},
    {"RMB", "CNY", 0, 0, 1},
};

/* Currency words after a number or multiplier. */
static const word_entry currency_suffixes[] = {
    {"元人民币", "CNY", 0, 0, 0}, {"元人民幣", "CNY", 0, 0, 0}, {"人民币", "CNY", 0, 0, 0},
    {"人民幣", "CNY", 0, 0, 0},   {"美元", "USD", 0, 0, 0},     {"美金", "USD", 0, 0, 0},
    {"港元", "HKD", 0, 0, 0},     {"港币", "HKD", 0, 0, 0},     {"港幣", "HKD", 0, 0, 0},
    {"港圆", "HKD", 0, 0, 0},     {"港圓", "HKD", 0, 0, 0},     {"日元", "JPY", 0, 0, 0},
    {"日圆", "JPY", 0, 0, 0},     {"日圓", "JPY", 0, 0, 0},     {"欧元", "EUR", 0, 0, 0},
    {"歐元", "EUR", 0, 0, 0},     {"英镑", "GBP", 0, 0, 0},     {"英鎊", "GBP", 0, 0, 0},
    {"韩元", "KRW", 0, 0, 0},     {"韓元", "KRW", 0, 0, 0},     {"新加坡元", "SGD", 0, 0, 0},
    {"新元", "SGD", 0, 0, 0},     {"新台币", "TWD", 0, 0, 0},   {"新臺幣", "TWD", 0, 0, 0},
    {"新台幣", "TWD", 0, 0, 0},   {"台币", "TWD", 0, 0, 0},     {"台幣", "TWD", 0, 0, 0},
    {"澳元", "AUD", 0, 0, 0},     {"澳门元", "MOP", 0, 0, 0},   {"澳門元", "MOP", 0, 0, 0},
    {"澳门币", "MOP", 0, 0, 0},   {"澳門幣", "MOP", 0, 0, 0},   {"加元", "CAD", 0, 0, 0},
    {"加拿大元", "CAD", 0, 0, 0}, {"瑞士法郎", "CHF", 0, 0, 0}, {"瑞郎", "CHF", 0, 0, 0},
    {"卢布", "RUB", 0, 0, 0},     {"盧布", "RUB", 0, 0, 0},     {"印度卢比", "INR", 0, 0, 0},
    {"印度盧比", "INR", 0, 0, 0}, {"泰铢", "THB", 0, 0, 0},     {"泰銖", "THB", 0, 0, 0},
    {"块钱", "CNY", 0, 0, 0},     {"塊錢", "CNY", 0, 0, 0},     {"元", "CNY", 0, 0, 0},
    {"RMB", "CNY", 0, 0, 1},      {"US dollars", "USD", 0, 0, 1}, {"U.S. dollars", "USD", 0, 0, 1},
    {"Hong Kong dollars", "HKD", 0, 0, 1}, {"HK dollars", "HKD", 0, 0, 1}, {"dollars", "USD", 0, 0, 1},
    {"dollar", "USD", 0, 0, 1},   {"yuan", "CNY", 0, 0, 1},     {"renminbi", "CNY", 0, 0, 1},
    {"euros", "EUR", 0, 0, 1},    {"euro", "EUR", 0, 0, 1},     {"yen", "JPY", 0, 0, 1},
};

/* What follows a currency to make a price per share. */
static const word_entry per_share_suffixes[] = {
    {"/股", NULL, 0, 0, 0},     {"每股", NULL, 0, 0, 0},      {"/ 股", NULL, 0, 0, 0},
    {"/share", NULL, 0, 0, 1},  {"/ share", NULL, 0, 0, 1},  {"per share", NULL, 0, 0, 1},
    {"a share", NULL, 0, 0, 1},
};

/* Percentages. value: power of ten to scale by; kind: 1 for percentage points. */
static const word_entry percent_suffixes[] = {
    {"%", NULL, -2, 0, 0},          {"‰", NULL, -3, 0, 0},
    {"个百分点", NULL, -2, 1, 0},   {"個百分點", NULL, -2, 1, 0},
    {"百分点", NULL, -2, 1, 0},     {"百分點", NULL, -2, 1, 0},
    {"percentage points", NULL, -2, 1, 1}, {"percentage point", NULL, -2, 1, 1},
    {"percent", NULL, -2, 0, 1},    {"per cent", NULL, -2, 0, 1},
    {"pct", NULL, -2, 0, 1},
    {"成", NULL, -1, 2, 0},
};

/* Multiples. */
static const word_entry multiple_suffixes[] = {
    {"倍", NULL, 0, 0, 0},
    {"×", NULL, 0, 0, 0},
    {"times", NULL, 0, 0, 1},
    {"-fold", NULL, 0, 0, 1},
};

/* Counters and nouns after a number: what is counted. kind 1: a duration
 * unit; kind 2: 年, which is a year (not an amount) in date contexts. */
static const word_entry count_suffixes[] = {
    {"名个人用户", "users", 0, 0, 0},   {"名個人用戶", "users", 0, 0, 0},
    {"个人用户", "users", 0, 0, 0},     {"個人用戶", "users", 0, 0, 0},
    {"名用户", "users", 0, 0, 0},       {"名用戶", "users", 0, 0, 0},
    {"位用户", "users", 0, 0, 0},       {"位用戶", "users", 0, 0, 0},
    {"个用户", "users", 0, 0, 0},       {"個用戶", "users", 0, 0, 0},
    {"用户", "users", 0, 0, 0},         {"用戶", "users", 0, 0, 0},
    {"名员工", "people", 0, 0, 0},      {"名員工", "people", 0, 0, 0},
    {"员工", "people", 0, 0, 0},        {"員工", "people", 0, 0, 0},
    {"名雇员", "people", 0, 0, 0},      {"名僱員", "people", 0, 0, 0},
    {"名", "people", 0, 0, 0},          {"人", "people", 0, 0, 0},
    {"位", "people", 0, 0, 0},
    {"家企业客户", "customers", 0, 0, 0}, {"家企業客戶", "customers", 0, 0, 0},
    {"个企业客户", "customers", 0, 0, 0}, {"個企業客戶", "customers", 0, 0, 0},
    {"企业客户", "customers", 0, 0, 0},   {"企業客戶", "customers", 0, 0, 0},
    {"名客户", "customers", 0, 0, 0},     {"名客戶", "customers", 0, 0, 0},
    {"家客户", "customers", 0, 0, 0},     {"家客戶", "customers", 0, 0, 0},
    {"个客户", "customers", 0, 0, 0},     {"個客戶", "customers", 0, 0, 0},
    {"客户", "customers", 0, 0, 0},       {"客戶", "customers", 0, 0, 0},
    {"个国家及地区", "countries", 0, 0, 0}, {"個國家及地區", "countries", 0, 0, 0},
    {"个国家和地区", "countries", 0, 0, 0}, {"個國家和地區", "countries", 0, 0, 0},
    {"个国家", "countries", 0, 0, 0},     {"個國家", "countries", 0, 0, 0},
    {"国家", "countries", 0, 0, 0},       {"國家", "countries", 0, 0, 0},
    {"种语言", "languages", 0, 0, 0},     {"種語言", "languages", 0, 0, 0},
    {"门语言", "languages", 0, 0, 0},     {"門語言", "languages", 0, 0, 0},
    {"语言", "languages", 0, 0, 0},       {"語言", "languages", 0, 0, 0},
    {"家机构", "institutions", 0, 0, 0},  {"家機構", "institutions", 0, 0, 0},
    {"机构", "institutions", 0, 0, 0},    {"機構", "institutions", 0, 0, 0},
    {"名投资者", "investors", 0, 0, 0},   {"名投資者", "investors", 0, 0, 0},
    {"家投资者", "investors", 0, 0, 0},   {"家投資者", "investors", 0, 0, 0},
    {"位投资者", "investors", 0, 0, 0},   {"位投資者", "investors", 0, 0, 0},
    {"家基石投资者", "investors", 0, 0, 0}, {"家基石投資者", "investors", 0, 0, 0},
    {"投资者", "investors", 0, 0, 0},     {"投資者", "investors", 0, 0, 0},
    {"个视频", "videos", 0, 0, 0},        {"個視頻", "videos", 0, 0, 0},
    {"条视频", "videos", 0, 0, 0},        {"條視頻", "videos", 0, 0, 0},
    {"段视频", "videos", 0, 0, 0},        {"段視頻", "videos", 0, 0, 0},
    {"视频", "videos", 0, 0, 0},          {"視頻", "videos", 0, 0, 0},
    {"次播放", "views", 0, 0, 0},         {"次观看", "views", 0, 0, 0},
    {"次觀看", "views", 0, 0, 0},
    {"个参数", "parameters", 0, 0, 0},    {"個參數", "parameters", 0, 0, 0},
    {"参数", "parameters", 0, 0, 0},      {"參數", "parameters", 0, 0, 0},
    {"股", "shares", 0, 0, 0},
    {"个月", "months", 0, 1, 0},          {"個月", "months", 0, 1, 0},
    {"天", "days", 0, 1, 0},
    {"年", "years", 0, 2, 0},
    {"岁", "years", 0, 1, 0},             {"歲", "years", 0, 1, 0},
    {"周岁", "years", 0, 1, 0},           {"週歲", "years", 0, 1, 0},
    {"个", "count", 0, 0, 0},             {"個", "count", 0, 0, 0},
    {"家", "count", 0, 0, 0},             {"种", "count", 0, 0, 0},
    {"種", "count", 0, 0, 0},             {"款", "count", 0, 0, 0},
    {"项", "count", 0, 0, 0},             {"項", "count", 0, 0, 0},
    {"条", "count", 0, 0, 0},             {"條", "count", 0, 0, 0},
    {"次", "count", 0, 0, 0},             {"件", "count", 0, 0, 0},
    {"笔", "count", 0, 0, 0},             {"筆", "count", 0, 0, 0},
    {"层", "count", 0, 0, 0},             {"層", "count", 0, 0, 0},
    {"大", "count", 0, 0, 0},
    {"总分", "count", 0, 0, 0},           {"總分", "count", 0, 0, 0},
    {"users", "users", 0, 0, 1},          {"user", "users", 0, 0, 1},
    {"people", "people", 0, 0, 1},        {"persons", "people", 0, 0, 1},
    {"employees", "people", 0, 0, 1},     {"staff", "people", 0, 0, 1},
    {"customers", "customers", 0, 0, 1},  {"clients", "customers", 0, 0, 1},
    {"countries", "countries", 0, 0, 1},  {"languages", "languages", 0, 0, 1},
    {"institutions", "institutions", 0, 0, 1}, {"investors", "investors", 0, 0, 1},
    {"videos", "videos", 0, 0, 1},        {"views", "views", 0, 0, 1},
    {"parameters", "parameters", 0, 0, 1}, {"shares", "shares", 0, 0, 1},
    {"months", "months", 0, 1, 1},        {"month", "months", 0, 1, 1},
    {"days", "days", 0, 1, 1},            {"day", "days", 0, 1, 1},
    {"years", "years", 0, 1, 1},          {"year", "years", 0, 1, 1},
};

/* Words after a counter word that make it something else (股东 is a
 * shareholder, not shares; 天使 is an angel round, not days). */
static const struct {
    const char *counter;
    const char *next[28];
} count_exclusions[] = {
    {"股", {"东", "東", "价", "價", "权", "權", NULL}},
    {"天", {"使", NULL}},
    {"名", {"义", "義", "单", "單", NULL}},
    {"人", {"民", NULL}},
    {"家", {"族", "庭", NULL}},
    {"条", {"件", NULL}},
    {"次", {"日", "元", NULL}},
    {"层", {"面", NULL}},
    {"層", {"面", NULL}},
    {"大", {"于", "於", "约", "約", "幅", "概", "致", "多", "部", "量", "型", "学", "學", "会", "會",
            "小", "厂", "廠", "家", NULL}},
    {"成", {"为", "為", "立", "本", "功", "长", "長", "交", "员", "員", "果", "熟", "都", "型",
            "品", "绩", "績", "就", "效", "年", "人", "分", "份", "形", "了", NULL}},
};

/* Qualifier words after the figure. */
static const word_entry qualifier_suffixes[] = {
    {"以上", NULL, IPOFACTS_QUALIFIER_AT_LEAST, 0, 0},      {"左右", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, 0, 0},
    {"上下", NULL, IPOFACTS_QUALIFIER_APPROXIMATELY, 0, 0}, {"以下", NULL, IPOFACTS_QUALIFIER_AT_MOST, 0, 0},
    {"以内", NULL, IPOFACTS_QUALIFIER_AT_MOST, 0, 0},       {"以內", NULL, IPOFACTS_QUALIFIER_AT_MOST, 0, 0},
    {"出头", NULL, IPOFACTS_QUALIFIER_AT_LEAST, 0, 0},      {"出頭", NULL, IPOFACTS_QUALIFIER_AT_LEAST, 0, 0},
    {"or more", NULL, IPOFACTS_QUALIFIER_AT_LEAST, 0, 1},   {"or less", NULL, IPOFACTS_QUALIFIER_AT_MOST, 0, 1},
    {"plus", NULL, IPOFACTS_QUALIFIER_AT_LEAST, 0, 1},
};

/* What follows 年 when the number is a year ("2025 年初", "25年底"). */
static const char *const year_followers[] = {"初", "底", "末", "中", "度", "前", "后", "後", "以来", "以來",
                                             "起", "开", "開", "的", "第", "上", "下", "年"};

/* Range separators. */
static const word_entry range_separators[] = {
    {"-", NULL, 0, 0, 0}, {"–", NULL, 0, 0, 0}, {"—", NULL, 0, 0, 0}, {"~", NULL, 0, 0, 0},
    {"〜", NULL, 0, 0, 0}, {"至", NULL, 0, 0, 0}, {"到", NULL, 0, 0, 0}, {"to", NULL, 0, 0, 1},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The longest entry of a table at pos (forward). */
static const word_entry *match_forward(const ipf_norm *t, size_t pos, const word_entry *table, size_t count,
                                       size_t *len)
{
    const word_entry *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < count; i++) {
        size_t k = table[i].ascii ? word(t, pos, table[i].text) : lit(t, pos, table[i].text);
        if (k > best_len) {
            best_len = k;
            best = &table[i];
        }
    }
    *len = best_len;
    return best;
}

/* The longest entry of a table ending at pos (backward), not below floor. */
static const word_entry *match_backward(const ipf_norm *t, size_t floor, size_t pos, const word_entry *table,
                                        size_t count, size_t *len)
{
    const word_entry *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < count; i++) {
        size_t k = table[i].ascii ? word_back(t, floor, pos, table[i].text)
                                  : lit_back(t, floor, pos, table[i].text);
        if (k > best_len) {
            best_len = k;
            best = &table[i];
        }
    }
    *len = best_len;
    return best;
}

/* ------------------------------------------------------------------ */
/* Numbers and multipliers                                            */
/* ------------------------------------------------------------------ */

typedef struct number {
    int64_t coef;
    int32_t exp;
    int overflow;
    int is_integer;  /* no point */
    int int_digits;  /* digits before the point */
    int separators;  /* thousands separators were read */
    size_t end;
} number;

/* A comma at i that may be a thousands separator: an ASCII comma, or a
 * full-width one between full-width digits. */
static int separator_ok(const ipf_norm *t, size_t i)
{
    size_t o = t->map[i];
    if ((unsigned char)t->orig[o] == ',')
        return 1;
    if (i > 0 && (unsigned char)t->orig[t->map[i - 1]] >= 0x80)
        return 1;
    return 0;
}

static void add_digit(number *nb, int d, int *sig)
{
    if (nb->coef == 0 && d == 0)
        return;
    if (*sig >= 18) {
        nb->overflow = 1;
        return;
    }
    nb->coef = nb->coef * 10 + d;
    (*sig)++;
}

/* Reads digits with optional thousands separators and a decimal point. */
static void read_number(const ipf_norm *t, size_t pos, number *nb)
{
    size_t i = pos;
    int sig = 0;
    int run = 0;
    memset(nb, 0, sizeof *nb);
    nb->is_integer = 1;
    while (is_digit(at(t, i))) {
        add_digit(nb, at(t, i) - '0', &sig);
        i++;
        run++;
    }
    nb->int_digits = run;
    if (run <= 3) {
        while (at(t, i) == ',' && separator_ok(t, i) && is_digit(at(t, i + 1)) && is_digit(at(t, i + 2)) &&
               is_digit(at(t, i + 3)) && !is_digit(at(t, i + 4))) {
            for (size_t j = 1; j <= 3; j++)
                add_digit(nb, at(t, i + j) - '0', &sig);
            i += 4;
            nb->int_digits += 3;
            nb->separators = 1;
        }
    }
    if (at(t, i) == '.' && is_digit(at(t, i + 1))) {
        nb->is_integer = 0;
        i++;
        while (is_digit(at(t, i))) {
            add_digit(nb, at(t, i) - '0', &sig);
            nb->exp--;
            i++;
        }
    }
    nb->end = i;
}

/* A Chinese multiplier group (十 百 千, then 万, then 亿): its length and
 * power of ten, or 0. */
static size_t read_cn_multiplier(const ipf_norm *t, size_t pos, int32_t *e)
{
    size_t i = pos, k;
    int32_t x = 0;
    int any = 0;
    if ((k = lit(t, i, "十")) != 0) {
        x += 1;
        i += k;
        any = 1;
    } else if ((k = lit(t, i, "百")) != 0) {
        if (lit(t, i + k, "分"))
            return 0; /* 百分点, 百分之 */
        x += 2;
        i += k;
        any = 1;
    } else if ((k = lit(t, i, "千")) != 0) {
        x += 3;
        i += k;
        any = 1;
    }
    if ((k = lit(t, i, "万")) != 0 || (k = lit(t, i, "萬")) != 0) {
        x += 4;
        i += k;
        any = 1;
    }
    if ((k = lit(t, i, "亿")) != 0 || (k = lit(t, i, "億")) != 0) {
        x += 8;
        i += k;
        any = 1;
    }
    if (!any)
        return 0;
    *e = x;
    return i - pos;
}

/* An English multiplier after a number: words after optional spaces, single
 * letters (k, m, b) only right after the digits. Sets *end. */
static int read_en_multiplier(const ipf_norm *t, size_t pos, int32_t *e, size_t *end)
{
    static const struct {
        const char *w;
        int32_t e;
    } words[] = {{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}, {"mln", 6}, {"mn", 6},
                 {"bln", 9},      {"bn", 9},      {"tn", 12},     {"trn", 12}};
    size_t p = skip_ws(t, pos);
    for (size_t i = 0; i < COUNT_OF(words); i++) {
        size_t k = word(t, p, words[i].w);
        if (k != 0) {
            *e = words[i].e;
            *end = p + k;
            return 1;
        }
    }
    int c = at(t, pos);
    if ((c == 'k' || c == 'K' || c == 'm' || c == 'M' || c == 'b' || c == 'B') && !is_alnum(at(t, pos + 1))) {
        *e = (c == 'k' || c == 'K') ? 3 : (c == 'm' || c == 'M') ? 6 : 9;
        *end = pos + 1;
        return 1;
    }
    return 0;
}

static int digit_count(int64_t v)
{
    int n = 1;
    if (v < 0)
        v = -v;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

/* c x 10^(e - target) into *out, exactly, when it fits in 18 digits. */
static int rescale(int64_t c, int32_t e, int32_t target, int64_t *out)
{
    while (e > target) {
        if (c > IPOFACTS_DECIMAL_COEFFICIENT_MAX / 10 || c < -(IPOFACTS_DECIMAL_COEFFICIENT_MAX / 10))
            return 0;
        c *= 10;
        e--;
    }
    if (e != target)
        return 0;
    *out = c;
    return 1;
}


/* ------------------------------------------------------------------ */
/* Chinese numerals                                                    */
/* ------------------------------------------------------------------ */

/* How the number of an amount is written. */
enum { NK_ARABIC = 0, NK_CHINESE, NK_VAGUE, NK_MAGNITUDE };

/* The value of the Chinese digit at pos (〇 零 一 二 两 三 ... 九), or -1. */
static int cn_digit_at(const ipf_norm *t, size_t pos)
{
    static const struct {
        const char *s;
        int v;
    } digits[] = {{"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"兩", 2}, {"三", 3},
                  {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
    for (size_t i = 0; i < COUNT_OF(digits); i++)
        if (lit(t, pos, digits[i].s))
            return digits[i].v;
    return -1;
}

/* The power of ten of 十, 百, 千 at pos, or -1 (百 of 百分之 / 百分点 is not one). */
static int cn_small_unit_at(const ipf_norm *t, size_t pos)
{
    if (lit(t, pos, "十"))
        return 1;
    if (lit(t, pos, "百"))
        return lit(t, pos + 3, "分") ? -1 : 2;
    if (lit(t, pos, "千"))
        return 3;
    return -1;
}

/* The power of ten of 万 / 萬 (4) or 亿 / 億 (8) at pos, or -1. */
static int cn_big_unit_at(const ipf_norm *t, size_t pos)
{
    if (lit(t, pos, "万") || lit(t, pos, "萬"))
        return 4;
    if (lit(t, pos, "亿") || lit(t, pos, "億"))
        return 8;
    return -1;
}

/* True when a Chinese numeral may start at pos: a digit other than zero, or
 * 十 百 千. */
static int cn_number_start(const ipf_norm *t, size_t pos)
{
    int d = cn_digit_at(t, pos);
    return d > 0 || cn_small_unit_at(t, pos) > 0;
}

static uint64_t pow10_u64(int e)
{
    uint64_t v = 1;
    while (e-- > 0)
        v *= 10;
    return v;
}

/* value x 10^e added to *acc, with the 18-digit limit; 0 on overflow. */
static int cn_add(uint64_t *acc, uint64_t value, int e)
{
    const uint64_t limit = (uint64_t)IPOFACTS_DECIMAL_COEFFICIENT_MAX;
    if (e > 18)
        return value == 0;
    uint64_t p = pow10_u64(e);
    if (value != 0 && value > limit / p)
        return 0;
    uint64_t v = value * p;
    if (*acc > limit - v)
        return 0;
    *acc += v;
    return 1;
}

/*
 * Reads a Chinese numeral at pos: a string of three digits or more (二〇二三) or a
 * positional numeral (三千五百万, 一百零五, 十五, 一万二, 两亿). The number's
 * exponent is that of its least significant stated unit, so "五百万" is
 * 5 x 10^6 (decimals -6) as "500万" would be 500 x 10^4. "一" alone is not a
 * number (it is mostly the article "a") unless allow_one is set. Returns 0
 * when there is no numeral at pos.
 */
static int read_cn_number(const ipf_norm *t, size_t pos, int allow_one, number *nb, int *has_big, int *implicit_one)
{
    size_t i = pos;
    int n = 0;
    uint64_t ds = 0;

    memset(nb, 0, sizeof *nb);
    nb->is_integer = 1;
    *has_big = 0;
    *implicit_one = 0;
    for (int d; (d = cn_digit_at(t, i)) >= 0; i += 3, n++)
        if (n < 18)
            ds = ds * 10 + (uint64_t)d;
        else
            nb->overflow = 1;
    /* three digits or more (一一 is "one by one", not eleven) */
    if (n >= 3 && cn_small_unit_at(t, i) < 0 && cn_big_unit_at(t, i) < 0) {
        nb->coef = (int64_t)ds;
        nb->int_digits = n;
        nb->end = i;
        return 1;
    }

    uint64_t total = 0, section = 0;
    int pending = -1, zero = 0, tokens = 0, last_unit = 0, after_big = 0, overflow = 0;
    int min_e = 64, sec_min = 64;
    i = pos;
    for (;;) {
        int d = cn_digit_at(t, i), u;
        if (d >= 0) {
            if (pending >= 0)
                break;
            if (d == 0) {
                if (tokens == 0)
                    return 0;
                zero = 1;
            } else {
                pending = d;
            }
            i += 3;
            tokens++;
            after_big = 0;
            continue;
        }
        if ((u = cn_small_unit_at(t, i)) > 0) {
            if (pending < 0 && tokens == 0)
                *implicit_one = 1;
            if (!cn_add(&section, pending < 0 ? 1 : (uint64_t)pending, u))
                overflow = 1;
            if (u < sec_min)
                sec_min = u;
            pending = -1;
            zero = 0;
            last_unit = u;
            i += 3;
            tokens++;
            after_big = 0;
            continue;
        }
        if ((u = cn_big_unit_at(t, i)) > 0) {
            if (tokens == 0)
                return 0;
            if (pending >= 0) {
                int e = (last_unit > 0 && !zero) ? last_unit - 1 : 0;
                if (!cn_add(&section, (uint64_t)pending, e))
                    overflow = 1;
                if (e < sec_min)
                    sec_min = e;
                pending = -1;
            }
            if (section == 0 && after_big) {
                /* 万亿: the 亿 scales everything read so far */
                uint64_t scaled = 0;
                if (!cn_add(&scaled, total, u))
                    overflow = 1;
                total = scaled;
                min_e += u;
            } else if (section == 0) {
                break;
            } else {
                if (!cn_add(&total, section, u))
                    overflow = 1;
                if (sec_min + u < min_e)
                    min_e = sec_min + u;
            }
            section = 0;
            sec_min = 64;
            *has_big = 1;
            last_unit = u;
            zero = 0;
            after_big = 1;
            i += 3;
            tokens++;
            continue;
        }
        break;
    }
    if (pending >= 0) {
        /* 三千五 is 3500 and 一万二 is 12000: a last digit counts in the next lower unit */
        int e = (last_unit > 0 && !zero) ? last_unit - 1 : 0;
        if (!cn_add(&section, (uint64_t)pending, e))
            overflow = 1;
        if (e < sec_min)
            sec_min = e;
    }
    if (!cn_add(&total, section, 0))
        overflow = 1;
    if (sec_min < min_e)
        min_e = sec_min;
    if (tokens == 0 || (total == 0 && !overflow))
        return 0;
    if (!allow_one && tokens == 1 && total == 1)
        return 0;
    if (min_e > 18)
        min_e = 0;
    nb->overflow = overflow;
    nb->coef = overflow ? 0 : (int64_t)(total / pow10_u64(min_e));
    nb->exp = min_e;
    nb->int_digits = overflow ? 19 : digit_count((int64_t)total);
    nb->end = i;
    return 1;
}

/* "数千万", "數十", "几亿": several of a unit. Sets the number to the unit. */
static int read_vague(const ipf_norm *t, size_t pos, number *nb, int *has_big)
{
    int32_t e;
    size_t k;
    if (!lit(t, pos, "数") && !lit(t, pos, "數") && !lit(t, pos, "几") && !lit(t, pos, "幾"))
        return 0;
    if ((k = read_cn_multiplier(t, pos + 3, &e)) == 0)
        return 0;
    memset(nb, 0, sizeof *nb);
    nb->coef = 1;
    nb->exp = e;
    nb->is_integer = 1;
    nb->int_digits = 1;
    nb->end = pos + 3 + k;
    *has_big = e >= 4;
    return 1;
}

/* ------------------------------------------------------------------ */
/* One side of an amount                                               */
/* ------------------------------------------------------------------ */

enum { K_NONE = 0, K_CURRENCY, K_PURE, K_MULTIPLE, K_COUNT, K_RANK };

typedef struct side {
    size_t a, b;         /* span, prefixes and suffixes included */
    size_t num_a, num_b; /* the digits (the first number of a mixed form) */
    int64_t coef;        /* the number; for a mixed form, multipliers folded in */
    int32_t exp;
    int overflow;
    int has_mult;
    int32_t mult;
    int32_t scale; /* -2 for a percentage */
    int kind;
    char unit[IPOFACTS_AMOUNT_UNIT_SIZE];
    int per_share;
    int prefix_currency;
    int q_set;
    ipofacts_qualifier q;
    int prefix; /* IPF_PREFIX_* of the qualifier word before the number */
    int negative;
    uint32_t flags;
    ipofacts_decimal value; /* after finish_side() */
    int value_ok;
    int skip_date; /* R_SKIP because the number is a date or a year */
    int folded;    /* the multipliers are folded into coef and exp (Chinese numerals) */
} side;

enum { R_AMOUNT, R_BARE, R_SKIP };

/* End of an identifier-like run (letters, digits, '.', '-', '_') from pos. */
static size_t skip_token(const ipf_norm *t, size_t pos)
{
    size_t i = pos;
    for (;;) {
        int c = at(t, i);
        if (is_alnum(c) || c == '_')
            i++;
        else if ((c == '.' || c == '-' || c == '/' || c == ':') && is_alnum(at(t, i + 1)))
            i++;
        else
            break;
    }
    return i;
}

static int excluded_qualifier(const ipf_norm *t, size_t start, const word_entry *q)
{
    for (size_t i = 0; i < COUNT_OF(qualifier_exclusions); i++) {
        if (strcmp(qualifier_exclusions[i].qualifier, q->text) != 0)
            continue;
        for (size_t j = 0; qualifier_exclusions[i].before[j] != NULL; j++)
            if (lit_back(t, 0, start, qualifier_exclusions[i].before[j]))
                return 1;
    }
    return 0;
}

static int excluded_counter(const ipf_norm *t, size_t after, const word_entry *c)
{
    for (size_t i = 0; i < COUNT_OF(count_exclusions); i++) {
        if (strcmp(count_exclusions[i].counter, c->text) != 0)
            continue;
        for (size_t j = 0; count_exclusions[i].next[j] != NULL; j++)
            if (lit(t, after, count_exclusions[i].next[j]))
                return 1;
    }
    return 0;
}

static void set_unit(side *sd, const char *unit)
{
    size_t k = strlen(unit);
    if (k >= sizeof sd->unit)
        k = sizeof sd->unit - 1;
    memcpy(sd->unit, unit, k);
    sd->unit[k] = '\0';
}

/* Reads the prefixes before the digit at d (sign, currency, 每股, 百分之,
 * a qualifier word), not below floor. Returns 0, or -1 when the number is an
 * ordinal (第 3, 前 9 个月, top 5). */
static int read_prefixes(const ipf_norm *t, size_t floor, size_t d, side *sd)
{
    size_t a = d, k;
    int got_cur = 0, got_ps = 0, got_pct = 0, got_sign = 0, matched = 0;

    if (a > floor) {
        int c = at(t, a - 1);
        if ((c == '-' || c == '+') && (a - 1 == 0 || !is_alnum(at(t, a - 2)))) {
            sd->negative = (c == '-');
            got_sign = 1;
            a--;
        } else if ((k = lit_back(t, floor, a, "负")) != 0 || (k = lit_back(t, floor, a, "負")) != 0) {
            sd->negative = 1;
            got_sign = 1;
            a -= k;
        }
    }
    for (;;) {
        size_t q = skip_ws_back(t, floor, a);
        const word_entry *w;
        if (!got_cur) {
            w = match_backward(t, floor, q, currency_prefixes, COUNT_OF(currency_prefixes), &k);
            /* A dollar sign after letters that are not a known prefix ("XY$") is not a currency. */
            if (w != NULL && strcmp(w->text, "$") == 0 && q - k > 0 && is_alpha(at(t, q - k - 1)))
                w = NULL;
            if (w == NULL && q >= floor + 3 && q >= 3 && (q - 3 == 0 || !is_alpha(at(t, q - 4))) &&
                iso_code(t->s + q - 3) != NULL && q - 3 >= floor) {
                const char *code = iso_code(t->s + q - 3);
                set_unit(sd, code);
                sd->kind = K_CURRENCY;
                sd->prefix_currency = 1;
                got_cur = matched = 1;
                a = q - 3;
                continue;
            }
            if (w != NULL) {
                set_unit(sd, w->unit);
                sd->kind = K_CURRENCY;
                sd->prefix_currency = 1;
                got_cur = matched = 1;
                a = q - k;
                /* "-US$5": a sign before the currency */
                if (!got_sign && a > floor && at(t, a - 1) == '-' && (a - 1 == 0 || !is_alnum(at(t, a - 2)))) {
                    sd->negative = 1;
                    got_sign = 1;
                    a--;
                }
                continue;
            }
        }
        if (!got_ps && (k = lit_back(t, floor, q, "每股")) != 0) {
            sd->per_share = 1;
            got_ps = matched = 1;
            a = q - k;
            continue;
        }
        if (!got_pct && !got_cur && (k = lit_back(t, floor, q, "百分之")) != 0) {
            sd->kind = K_PURE;
            sd->scale = -2;
            sd->flags |= IPOFACTS_AMOUNT_PERCENT;
            set_unit(sd, "pure");
            got_pct = matched = 1;
            a = q - k;
            continue;
        }
        if (!matched && !got_sign) {
            static const char *const ordinals[] = {"第", "前", "初", "周", "週", "星期", "礼拜", "禮拜", "#"};
            for (size_t i = 0; i < COUNT_OF(ordinals); i++)
                if (lit_back(t, floor, q, ordinals[i]))
                    return -1;
            if (word_back(t, floor, q, "top") || word_back(t, floor, q, "no."))
                return -1;
        }
        w = match_backward(t, floor, q, qualifier_prefixes, COUNT_OF(qualifier_prefixes), &k);
        if (w != NULL && !excluded_qualifier(t, q - k, w)) {
            sd->q_set = 1;
            sd->q = (ipofacts_qualifier)w->value;
            sd->prefix = w->kind;
            a = q - k;
        }
        break;
    }
    sd->a = a;
    return 0;
}

/* Reads 多, 余, 餘 or '+' (at least) at pos; returns the new position. */
static size_t read_more(const ipf_norm *t, size_t pos, int allow_space, int *got)
{
    size_t p = allow_space ? skip_ws(t, pos) : pos;
    size_t k;
    if ((k = lit(t, p, "多")) != 0 || (k = lit(t, p, "余")) != 0 || (k = lit(t, p, "餘")) != 0) {
        *got = 1;
        return p + k;
    }
    if (at(t, pos) == '+' && !is_digit(at(t, pos + 1))) {
        *got = 1;
        return pos + 1;
    }
    return pos;
}

/* Reads the unit after the number and multiplier, from pos. Returns the end. */
static size_t read_unit(const ipf_norm *t, size_t pos, size_t digits_end, side *sd, int allow_years)
{
    size_t p = skip_ws(t, pos), k;
    const word_entry *w;

    if (sd->kind == K_PURE)
        return pos; /* 百分之 before the number */
    if (sd->kind != K_CURRENCY) {
        w = match_forward(t, p, percent_suffixes, COUNT_OF(percent_suffixes), &k);
        if (w != NULL && !excluded_counter(t, p + k, w)) {
            sd->kind = K_PURE;
            sd->scale = w->value;
            if (w->kind == 0)
                sd->flags |= IPOFACTS_AMOUNT_PERCENT;
            else if (w->kind == 1)
                sd->flags |= IPOFACTS_AMOUNT_POINTS;
            set_unit(sd, "pure");
            return p + k;
        }
        w = match_forward(t, p, multiple_suffixes, COUNT_OF(multiple_suffixes), &k);
        if (w != NULL) {
            sd->kind = K_MULTIPLE;
            set_unit(sd, "multiple");
            return p + k;
        }
        if (pos == digits_end && (at(t, pos) == 'x' || at(t, pos) == 'X') && !is_alnum(at(t, pos + 1))) {
            sd->kind = K_MULTIPLE;
            set_unit(sd, "multiple");
            return pos + 1;
        }
    }
    size_t end = pos;
    w = match_forward(t, p, currency_suffixes, COUNT_OF(currency_suffixes), &k);
    const char *code = NULL;
    if (w != NULL) {
        code = w->unit;
    } else if (is_alpha(at(t, p)) && (p == 0 || !is_alpha(at(t, p - 1))) && p + 3 <= t->n &&
               !is_alpha(at(t, p + 3)) && iso_code(t->s + p) != NULL) {
        code = iso_code(t->s + p);
        k = 3;
    }
    if (code != NULL) {
        if (sd->kind == K_CURRENCY) {
            /* A prefix currency: the suffix must agree, or it is not part of the figure. */
            if (strcmp(sd->unit, code) == 0)
                end = p + k;
        } else {
            sd->kind = K_CURRENCY;
            set_unit(sd, code);
            end = p + k;
        }
    }
    if (sd->kind == K_CURRENCY) {
        size_t q = skip_ws(t, end);
        w = match_forward(t, q, per_share_suffixes, COUNT_OF(per_share_suffixes), &k);
        if (w != NULL) {
            sd->per_share = 1;
            end = q + k;
        }
        return end;
    }
    w = match_forward(t, p, count_suffixes, COUNT_OF(count_suffixes), &k);
    if (w != NULL && !excluded_counter(t, p + k, w) && (w->kind != 2 || allow_years)) {
        sd->kind = K_COUNT;
        set_unit(sd, w->unit);
        return p + k;
    }
    return pos;
}

/* Computes sd->value and checks its range. */
static int finish_side(side *sd)
{
    int64_t e = (int64_t)sd->exp + sd->scale + (sd->has_mult ? sd->mult : 0);
    sd->value_ok = 0;
    if (sd->overflow || e < IPOFACTS_DECIMAL_EXPONENT_MIN || e > IPOFACTS_DECIMAL_EXPONENT_MAX)
        return 0;
    sd->value.coefficient = sd->negative ? -sd->coef : sd->coef;
    sd->value.exponent = (int32_t)e;
    sd->value.reserved = 0;
    sd->value_ok = 1;
    return 1;
}

static int side_is_amount(const side *sd)
{
    return sd->kind != K_NONE || sd->has_mult;
}

/* A fraction "X分之Y" after the denominator that ends at p: Y / X rounded
 * to three decimals (the interval of decimals 3 holds the exact value). */
static int read_fraction(const ipf_norm *t, size_t p, const number *den, side *sd, size_t *end)
{
    size_t k = lit(t, p, "分之");
    number num;
    int hb, io;
    if (k == 0 || den->overflow || den->exp < 0 || den->exp > 18)
        return 0;
    p += k;
    if (is_digit(at(t, p))) {
        read_number(t, p, &num);
        if (!num.is_integer || num.overflow || num.separators)
            return 0;
    } else if (!read_cn_number(t, p, 1, &num, &hb, &io) || num.overflow || num.exp != 0) {
        return 0;
    }
    uint64_t d = (uint64_t)den->coef;
    for (int32_t i = 0; i < den->exp; i++) {
        if (d > UINT64_C(100000000000000))
            return 0;
        d *= 10;
    }
    uint64_t n = (uint64_t)num.coef;
    if (d == 0 || n > UINT64_C(1000000000000))
        return 0;
    uint64_t v = (n * 1000 * 2 + d) / (2 * d); /* half up */
    if (v > (uint64_t)IPOFACTS_DECIMAL_COEFFICIENT_MAX)
        return 0;
    sd->coef = (int64_t)v;
    sd->exp = -3;
    sd->kind = K_PURE;
    sd->folded = 1;
    set_unit(sd, "pure");
    *end = num.end;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Ranks                                                               */
/* ------------------------------------------------------------------ */

/* Words that make an ordinal later in their clause a rank: "全球第五",
 * "開源第一", "排名第二", "位居全球大語言模型第五", "在多個榜單中位列全球前三". */
static const char *const rank_contexts[] = {
    "全球", "全国", "全國", "世界", "国内", "國內", "国际", "國際", "亚洲", "亞洲", "开源", "開源", "闭源",
    "閉源", "行业", "行業", "业内", "業內", "排名", "排行", "排在", "排", "位列", "位居", "名列", "列",
    "居",   "登顶", "登頂", "跻身", "躋身", "进入", "進入", "夺得", "奪得", "榜单", "榜單", "榜"};

/* How far before 第 / 前 a rank context word may stand, in characters. */
#define RANK_CONTEXT_CHARS 20

/* Clause ends (normalised: "，" is ","): a rank context does not reach across them. */
static const char *const rank_clause_stops[] = {"。", ",", ";", ":", "!", "?", "\n", "\r"};

/* What may follow a rank: punctuation, a bracket, a quote, 的. */
static const char *const rank_ends[] = {"、", "。", ",", ".", ";", ":", "!", "?", ")", "(", "\"", "'",
                                        "”", "’", "」", "』", "》", "的", "\n", "\r"};

/* Words a rank may end with: 第三名, 前十位, 前十强. */
static const char *const rank_suffixes[] = {"名", "位", "强", "強"};

/* Characters before 前 that make it "before" or "now", not "top": 目前,
 * 此前, 之前, 以前, 提前, 年前 ... ("目前三家" is not "top three"). */
static const char *const rank_not_top[] = {"目", "当", "當", "此", "之", "以", "先", "提", "日",
                                           "年", "月", "天", "空", "事", "眼", "面", "跟", "向"};

static int lit_any(const ipf_norm *t, size_t pos, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (lit(t, pos, words[i]))
            return 1;
    return 0;
}

/* A rank context word ends at m or earlier in the same clause, at most
 * RANK_CONTEXT_CHARS characters before m. */
static int rank_context(const ipf_norm *t, size_t m)
{
    size_t p = m;
    for (int chars = 0; chars <= RANK_CONTEXT_CHARS; chars++) {
        for (size_t i = 0; i < COUNT_OF(rank_contexts); i++)
            if (lit_back(t, 0, p, rank_contexts[i]))
                return 1;
        if (p == 0)
            return 0;
        size_t c = p - 1;
        while (c > 0 && ((unsigned char)t->s[c] & 0xC0u) == 0x80u)
            c--;
        if (lit_any(t, c, rank_clause_stops, COUNT_OF(rank_clause_stops)))
            return 0;
        p = c;
    }
    return 0;
}

/*
 * A rank at the number nb that starts at d: 第 (exact) or 前 (top N: at
 * most N) right before it, spaces allowed; a rank context earlier in its
 * clause; a whole number from 1; then a rank end, possibly after 名, 位 or
 * 强. "登頂全球第一。" is rank 1, "位列全球前三；" rank 3 or better, "第一天",
 * "前三季度", "2025 年前 9 個月", "第一梯隊" are not ranks. Fills sd (span
 * from 第 / 前 to the number or its suffix) and returns 1, or returns 0.
 */
static int read_rank(const ipf_norm *t, size_t floor, size_t d, const number *nb, side *sd)
{
    size_t q = skip_ws_back(t, floor, d), k, m, end, p;
    ipofacts_qualifier qual;
    int64_t v;

    if ((k = lit_back(t, floor, q, "第")) != 0) {
        qual = IPOFACTS_QUALIFIER_EXACT;
    } else if ((k = lit_back(t, floor, q, "前")) != 0) {
        qual = IPOFACTS_QUALIFIER_AT_MOST;
        for (size_t i = 0; i < COUNT_OF(rank_not_top); i++)
            if (lit_back(t, 0, q - k, rank_not_top[i]))
                return 0;
    } else {
        return 0;
    }
    m = q - k;
    if (nb->overflow || !nb->is_integer || nb->separators || nb->coef <= 0 || nb->exp < 0 ||
        !rescale(nb->coef, nb->exp, 0, &v))
        return 0;
    end = nb->end;
    p = skip_ws(t, end);
    for (size_t i = 0; i < COUNT_OF(rank_suffixes); i++) {
        if ((k = lit(t, p, rank_suffixes[i])) != 0) {
            end = p + k;
            p = skip_ws(t, end);
            break;
        }
    }
    if (p < t->n && !lit_any(t, p, rank_ends, COUNT_OF(rank_ends)))
        return 0;
    if (!rank_context(t, m))
        return 0;
    sd->coef = v;
    sd->exp = 0;
    sd->overflow = 0;
    sd->has_mult = 0;
    sd->mult = 0;
    sd->scale = 0;
    sd->kind = K_RANK;
    set_unit(sd, "rank");
    sd->q_set = 1;
    sd->q = qual;
    sd->prefix = IPF_PREFIX_NONE;
    sd->negative = 0;
    sd->flags = IPOFACTS_AMOUNT_RANK;
    sd->folded = 1;
    sd->num_b = nb->end;
    sd->a = m;
    sd->b = end;
    return finish_side(sd);
}

/*
 * Reads one side of an amount whose number starts at d, written as nk says.
 * after_sep: d follows a range separator (so the character before it is not
 * an identifier). Returns R_AMOUNT, R_BARE (a number with no unit:
 * sd->num_b is its end) or R_SKIP (a date, an ordinal, an identifier:
 * *skip_to is where to go on).
 */
static int parse_side(const ipf_norm *t, size_t d, int nk, size_t floor, int after_sep, side *sd, size_t *skip_to)
{
    number nb;
    size_t p, k;
    int has_big = 0, implicit_one = 0, fraction = 0;

    memset(sd, 0, sizeof *sd);
    sd->num_a = d;
    sd->q = IPOFACTS_QUALIFIER_EXACT;

    if (nk == NK_ARABIC) {
        /* Identifiers: M2, abab1, GPT-3.5, Speech02, 2026.01.09, 1/3, 11:51. */
        if (!after_sep && d > 0) {
            int c = at(t, d - 1);
            if (is_alpha(c) || c == '_') {
                size_t l = d;
                while (l > 0 && is_alpha(at(t, l - 1)))
                    l--;
                int code = d - l == 3 && (iso_code(t->s + l) != NULL || memcmp(t->s + l, "RMB", 3) == 0);
                if (!code || (l > 0 && is_alnum(at(t, l - 1)))) {
                    *skip_to = skip_token(t, d);
                    return R_SKIP;
                }
            } else if ((c == '.' || c == '/' || c == ':') && d >= 2 && is_digit(at(t, d - 2))) {
                *skip_to = skip_token(t, d);
                return R_SKIP;
            } else if (c == '-' && d >= 2 && is_alnum(at(t, d - 2))) {
                *skip_to = skip_token(t, d);
                return R_SKIP;
            }
        }
        read_number(t, d, &nb);
        p = nb.end;
        /* Dotted, slashed and timed runs: 2026.01.09, 1.2.3, 2026/1/9, 11:51. */
        if ((at(t, p) == '.' || at(t, p) == '/' || at(t, p) == ':') && is_digit(at(t, p + 1))) {
            *skip_to = skip_token(t, p);
            return R_SKIP;
        }
        /* ISO dates: 2021-11-03, 2025-09. */
        if (nb.is_integer && !nb.separators && nb.int_digits == 4 && at(t, p) == '-' && is_digit(at(t, p + 1))) {
            size_t q = p + 1;
            int n = 0;
            while (is_digit(at(t, q))) {
                q++;
                n++;
            }
            if (n >= 1 && n <= 2) {
                *skip_to = skip_token(t, p);
                sd->skip_date = 1;
                return R_SKIP;
            }
        }
    } else if (nk == NK_CHINESE) {
        if (!read_cn_number(t, d, 0, &nb, &has_big, &implicit_one)) {
            /* "一" alone is a number only in a rank: 開源第一 */
            if (read_cn_number(t, d, 1, &nb, &has_big, &implicit_one) && read_rank(t, floor, d, &nb, sd))
                return R_AMOUNT;
            *skip_to = d + 3;
            return R_SKIP;
        }
        sd->folded = 1;
    } else if (nk == NK_VAGUE) {
        if (!read_vague(t, d, &nb, &has_big)) {
            *skip_to = d + 3;
            return R_SKIP;
        }
        sd->folded = 1;
        sd->q_set = 1;
        sd->q = IPOFACTS_QUALIFIER_AT_LEAST;
    } else {
        /* 萬億參數: a bare 万 / 亿 before what it counts, "of the order of" */
        int32_t e;
        const word_entry *w;
        k = read_cn_multiplier(t, d, &e);
        if (k == 0 || e < 4 || cn_big_unit_at(t, d) < 0) {
            *skip_to = d + 3;
            return R_SKIP;
        }
        w = match_forward(t, d + k, count_suffixes, COUNT_OF(count_suffixes), &p);
        if (w == NULL || w->ascii || w->kind != 0 || strlen(w->text) < 6 || strcmp(w->unit, "count") == 0) {
            *skip_to = d + k;
            return R_SKIP;
        }
        memset(&nb, 0, sizeof nb);
        nb.coef = 1;
        nb.exp = e;
        nb.is_integer = 1;
        nb.int_digits = 1;
        nb.end = d + k;
        has_big = 1;
        sd->folded = 1;
        sd->q_set = 1;
        sd->q = IPOFACTS_QUALIFIER_APPROXIMATELY;
    }
    sd->num_b = nb.end;
    sd->coef = nb.coef;
    sd->exp = nb.exp;
    sd->overflow = nb.overflow;
    sd->has_mult = has_big;
    p = nb.end;

    /* Fractions: 三分之一, 3分之1. */
    if (nk == NK_ARABIC || nk == NK_CHINESE) {
        size_t fend;
        if (read_fraction(t, p, &nb, sd, &fend)) {
            fraction = 1;
            sd->has_mult = 0;
            p = sd->num_b = fend;
        }
    }

    /* Dates: 2023 年, 25年9月, 9 月, 21日, 9号. */
    int allow_years = 0;
    if (!fraction && (nk == NK_ARABIC || nk == NK_CHINESE)) {
        size_t w = skip_ws(t, p);
        if ((k = lit(t, w, "年")) != 0) {
            size_t after = skip_ws(t, w + k);
            int date = nb.is_integer && nb.int_digits == 4 && !nb.separators && nb.exp == 0;
            if (is_digit(at(t, after)) || cn_digit_at(t, after) > 0)
                date = 1;
            for (size_t i = 0; !date && nb.int_digits >= 2 && i < COUNT_OF(year_followers); i++)
                if (lit(t, after, year_followers[i]))
                    date = 1;
            if (date) {
                *skip_to = w + k;
                sd->skip_date = 1;
                return R_SKIP;
            }
            allow_years = 1;
        }
        if (lit(t, w, "月") || lit(t, w, "号") || lit(t, w, "號") ||
            (lit(t, w, "日") && !lit(t, w, "日元") && !lit(t, w, "日圆") && !lit(t, w, "日圓"))) {
            *skip_to = w + 3;
            sd->skip_date = 1;
            return R_SKIP;
        }
    }

    /* Ranks: 全球第五, 開源第一, 全球前三; other ordinals are skipped below. */
    if (!fraction && (nk == NK_ARABIC || nk == NK_CHINESE) && read_rank(t, floor, d, &nb, sd))
        return R_AMOUNT;

    if (read_prefixes(t, floor, d, sd) < 0) {
        *skip_to = p;
        return R_SKIP;
    }

    int more = 0;
    if (!fraction && (nk == NK_ARABIC || nk == NK_CHINESE)) {
        /* 多, 余, + right after the number ("70多倍", "100余家", "40+ 种语言"). */
        p = read_more(t, p, 1, &more);
    }

    /* Multiplier, and mixed forms (2亿4千万, 1万2千). */
    int32_t e;
    size_t w = skip_ws(t, p);
    if (nk != NK_ARABIC || fraction) {
        /* Chinese numerals carry their multipliers */
    } else if ((k = read_cn_multiplier(t, w, &e)) != 0) {
        sd->has_mult = 1;
        sd->mult = e;
        p = w + k;
        int32_t last = e;
        while (!more && is_digit(at(t, p))) {
            number n2;
            int32_t e2;
            read_number(t, p, &n2);
            if (!n2.is_integer || n2.separators || n2.overflow || n2.coef == 0)
                break;
            size_t k2 = read_cn_multiplier(t, n2.end, &e2);
            if (k2 == 0 || e2 >= last || digit_count(n2.coef) + e2 > last)
                break;
            /* fold: total = coef x 10^(exp + mult) + n2 x 10^e2 */
            int64_t c1, c2;
            int32_t e1 = sd->exp + sd->mult;
            int32_t target = e1 < e2 ? e1 : e2;
            if (!sd->overflow && rescale(sd->coef, e1, target, &c1) && rescale(n2.coef, e2, target, &c2) &&
                c1 + c2 <= IPOFACTS_DECIMAL_COEFFICIENT_MAX) {
                sd->coef = c1 + c2;
                sd->exp = target;
            } else {
                sd->overflow = 1;
            }
            sd->mult = 0;
            sd->flags |= IPOFACTS_AMOUNT_MIXED;
            last = e2;
            p = n2.end + k2;
        }
    } else if (read_en_multiplier(t, p, &e, &w)) {
        sd->has_mult = 1;
        sd->mult = e;
        p = w;
    }
    if (sd->has_mult && !more && !fraction)
        p = read_more(t, p, 0, &more);

    /* Unit. */
    if (!fraction)
        p = read_unit(t, p, nb.end, sd, allow_years);
    if (!side_is_amount(sd) || (implicit_one && sd->kind == K_NONE)) {
        sd->b = sd->num_b;
        return R_BARE;
    }
    if (sd->kind == K_NONE) {
        sd->kind = K_COUNT;
        set_unit(sd, "count");
    }
    if (sd->kind == K_CURRENCY && sd->per_share) {
        char u[IPOFACTS_AMOUNT_UNIT_SIZE];
        memcpy(u, sd->unit, 3);
        memcpy(u + 3, "/share", 7);
        set_unit(sd, u);
    }

    /* Qualifier words after the figure. */
    {
        size_t q = skip_ws(t, p);
        const word_entry *qw = match_forward(t, q, qualifier_suffixes, COUNT_OF(qualifier_suffixes), &k);
        if (qw != NULL) {
            if (!sd->q_set) {
                sd->q_set = 1;
                sd->q = (ipofacts_qualifier)qw->value;
            }
            p = q + k;
        } else if (!more) {
            p = read_more(t, p, 0, &more);
        }
    }
    if (more && !sd->q_set) {
        sd->q_set = 1;
        sd->q = IPOFACTS_QUALIFIER_AT_LEAST;
    }
    sd->b = p;
    return R_AMOUNT;
}

/* ------------------------------------------------------------------ */
/* Recognising an amount at a digit                                    */
/* ------------------------------------------------------------------ */

typedef struct found_tok {
    ipofacts_amount amount;
    int prefix;
    int explicit_q;
    size_t a, b;
} found_tok;

static void side_to_amount(const side *lo, const side *hi, found_tok *out)
{
    ipofacts_amount *am = &out->amount;
    memset(out, 0, sizeof *out);
    am->value = lo->value;
    am->upper = hi != NULL ? hi->value : lo->value;
    int32_t dl = -lo->value.exponent;
    am->decimals = dl;
    if (hi != NULL) {
        int32_t dh = -hi->value.exponent;
        am->decimals = dl > dh ? dl : dh;
        am->qualifier = IPOFACTS_QUALIFIER_RANGE;
    } else {
        am->qualifier = lo->q_set ? lo->q : IPOFACTS_QUALIFIER_EXACT;
    }
    am->conversion_of = -1;
    am->converted_to = -1;
    memcpy(am->unit, lo->unit, sizeof am->unit);
    am->flags = lo->flags | (hi != NULL ? hi->flags : 0);
    out->prefix = lo->prefix;
    out->explicit_q = hi != NULL || lo->q_set;
    out->a = lo->a;
    out->b = hi != NULL ? hi->b : lo->b;
    am->start = out->a;
    am->end = out->b;
}

/* Merges a range's two sides; 0 when they do not make a range. */
static int merge_range(side *lo_in, side *hi_in, side *lo, side *hi)
{
    *lo = *lo_in;
    *hi = *hi_in;
    if (lo->flags & IPOFACTS_AMOUNT_MIXED || hi->flags & IPOFACTS_AMOUNT_MIXED || lo->folded || hi->folded)
        return 0;
    if (!lo->has_mult && hi->has_mult) {
        lo->has_mult = 1;
        lo->mult = hi->mult;
    } else if (lo->has_mult && !hi->has_mult) {
        return 0;
    }
    /* a count made only by a multiplier ("400 亿") carries no unit of its own */
    int lo_u = lo->kind != K_NONE && !(lo->kind == K_COUNT && strcmp(lo->unit, "count") == 0);
    int hi_u = hi->kind != K_NONE && !(hi->kind == K_COUNT && strcmp(hi->unit, "count") == 0);
    if (lo_u && hi_u) {
        if (lo->kind != hi->kind || strcmp(lo->unit, hi->unit) != 0 || lo->scale != hi->scale ||
            lo->per_share != hi->per_share)
            return 0;
    } else if (!lo_u && hi_u) {
        lo->kind = hi->kind;
        memcpy(lo->unit, hi->unit, sizeof lo->unit);
        lo->scale = hi->scale;
        lo->per_share = hi->per_share;
        lo->flags |= hi->flags & (IPOFACTS_AMOUNT_PERCENT | IPOFACTS_AMOUNT_POINTS);
    } else if (lo_u && !hi_u) {
        if (!hi->has_mult)
            return 0;
        hi->kind = lo->kind;
        memcpy(hi->unit, lo->unit, sizeof hi->unit);
        hi->scale = lo->scale;
        hi->per_share = lo->per_share;
    } else {
        if (!hi->has_mult)
            return 0;
        lo->kind = hi->kind = K_COUNT;
        set_unit(lo, "count");
        set_unit(hi, "count");
    }
    if (!finish_side(lo) || !finish_side(hi))
        return 1; /* overflow: reported by the caller */
    if (ipofacts_decimal_cmp(&lo->value, &hi->value) > 0)
        return 0;
    return 1;
}

enum { REC_AMOUNT, REC_SKIP, REC_OVERFLOW };

static int recognize(const ipf_norm *t, size_t d, int nk, size_t floor, int strict, found_tok *out,
                     size_t *skip_to, size_t *error_pos, int *bare)
{
    side lo;
    size_t lo_skip = d + 1;
    *bare = 0;
    int r = parse_side(t, d, nk, floor, 0, &lo, &lo_skip);
    if (r == R_SKIP) {
        *skip_to = lo_skip;
        return REC_SKIP;
    }
    if (strict && lo.overflow) {
        *error_pos = d;
        return REC_OVERFLOW;
    }

    /* A range: "400 至 550 亿美元", "50%~60%", "9.99美元到199.99美元", "US$400-550 billion". */
    size_t p = skip_ws(t, r == R_BARE ? lo.num_b : lo.b), k;
    const word_entry *sep = match_forward(t, p, range_separators, COUNT_OF(range_separators), &k);
    if (sep != NULL && lo.kind != K_RANK) {
        size_t after = p + k;
        size_t p2 = skip_ws(t, after);
        size_t dd = p2;
        while (dd < t->n && dd - p2 <= 8 && !is_digit(at(t, dd)) && !cn_number_start(t, dd) && at(t, dd) != '\n')
            dd++;
        if (dd < t->n && (is_digit(at(t, dd)) || cn_number_start(t, dd))) {
            side hi, mlo, mhi;
            size_t hi_skip = dd + 1;
            int hr = parse_side(t, dd, is_digit(at(t, dd)) ? NK_ARABIC : NK_CHINESE, after, 1, &hi, &hi_skip);
            if (hr == R_SKIP && r == R_BARE && hi.skip_date && dd == p2 && hi_skip > dd) {
                /* "2021-2022年": a range of years */
                *skip_to = hi_skip;
                return REC_SKIP;
            }
            if (hr != R_SKIP && hi.kind != K_RANK && hi.a == p2 && !(hr == R_BARE && r == R_BARE) &&
                merge_range(&lo, &hi, &mlo, &mhi)) {
                if (mlo.overflow || mhi.overflow || !mlo.value_ok || !mhi.value_ok) {
                    *error_pos = mlo.overflow || !mlo.value_ok ? d : dd;
                    return REC_OVERFLOW;
                }
                side_to_amount(&mlo, &mhi, out);
                return REC_AMOUNT;
            }
        }
    }
    if (r == R_BARE) {
        *bare = 1;
        *skip_to = lo.num_b;
        return REC_SKIP;
    }
    if (!finish_side(&lo)) {
        *error_pos = d;
        return REC_OVERFLOW;
    }
    side_to_amount(&lo, NULL, out);
    return REC_AMOUNT;
}

/* ------------------------------------------------------------------ */
/* The finder                                                          */
/* ------------------------------------------------------------------ */

static int list_push(ipf_found_list *list, const found_tok *tok)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        ipf_found *v = realloc(list->v, cap * sizeof *v);
        if (v == NULL)
            return 0;
        list->v = v;
        list->cap = cap;
    }
    list->v[list->n].amount = tok->amount;
    list->v[list->n].prefix = tok->prefix;
    list->v[list->n].explicit_q = tok->explicit_q;
    list->n++;
    return 1;
}

void ipf_found_list_free(ipf_found_list *list)
{
    if (list == NULL)
        return;
    free(list->v);
    memset(list, 0, sizeof *list);
}

static int is_money(const ipofacts_amount *a)
{
    return a->unit[0] != '\0' && a->unit[3] == '\0' && iso_code(a->unit) != NULL;
}

/* Links each amount to the next when the next restates it in another
 * currency: "A（约合 B）", "A (B)", "A，约合 B". */
static void link_conversions(const ipf_norm *t, ipf_found_list *list, size_t first)
{
    for (size_t j = first + 1; j < list->n; j++) {
        ipf_found *fa = &list->v[j - 1];
        ipf_found *fb = &list->v[j];
        ipofacts_amount *a = &fa->amount, *b = &fb->amount;
        if (!is_money(a) || !is_money(b) || strcmp(a->unit, b->unit) == 0 || a->converted_to >= 0)
            continue;
        size_t p = skip_ws(t, a->end);
        int link = 0;
        if (at(t, p) == '(') {
            p = skip_ws(t, p + 1);
            if (p == b->start && at(t, skip_ws(t, b->end)) == ')')
                link = 1;
        } else {
            if (at(t, p) == ',')
                p = skip_ws(t, p + 1);
            if (p == b->start && fb->prefix == IPF_PREFIX_STRICT)
                link = 1;
        }
        if (!link)
            continue;
        a->converted_to = (int32_t)(j - first);
        b->conversion_of = (int32_t)(j - 1 - first);
        b->flags |= IPOFACTS_AMOUNT_CONVERSION;
        if (fb->prefix != IPF_PREFIX_OTHER && b->qualifier != IPOFACTS_QUALIFIER_RANGE)
            b->qualifier = a->qualifier == IPOFACTS_QUALIFIER_RANGE ? IPOFACTS_QUALIFIER_EXACT : a->qualifier;
    }
}

/* A qualifier word before the first figure of a list separated by 、 holds
 * for the figures that follow with none of their own and the same unit:
 * "分別約為 19.2%、69.8%、73.1%" are all approximately. */
static void distribute_qualifiers(const ipf_norm *t, ipf_found_list *list, size_t first)
{
    for (size_t j = first + 1; j < list->n; j++) {
        ipf_found *fa = &list->v[j - 1];
        ipf_found *fb = &list->v[j];
        if (!fa->explicit_q || fa->prefix == IPF_PREFIX_NONE || fa->prefix == IPF_PREFIX_STRICT ||
            fb->explicit_q || fa->amount.qualifier == IPOFACTS_QUALIFIER_RANGE ||
            strcmp(fa->amount.unit, fb->amount.unit) != 0 || (fa->amount.flags & IPOFACTS_AMOUNT_CONVERSION))
            continue;
        size_t p = skip_ws(t, fa->amount.end);
        size_t k = lit(t, p, "、");
        if (k == 0 || skip_ws(t, p + k) != fb->amount.start)
            continue;
        fb->amount.qualifier = fa->amount.qualifier;
        fb->prefix = fa->prefix;
        fb->explicit_q = 1;
    }
}

/* True for the characters a Chinese-numeral amount may start with: the
 * digits, 十 百 千, 万 萬 亿 億, 数 數 几 幾. A fast filter for the scan loop. */
static int cn_trigger(const ipf_norm *t, size_t i)
{
    if (i + 3 > t->n)
        return 0;
    const unsigned char *u = (const unsigned char *)t->s + i;
    if ((u[0] & 0xF0u) != 0xE0u)
        return 0;
    unsigned cp = ((unsigned)(u[0] & 0x0Fu) << 12) | ((unsigned)(u[1] & 0x3Fu) << 6) | (unsigned)(u[2] & 0x3Fu);
    switch (cp) {
    case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E24: case 0x5169: case 0x4E09: case 0x56DB:
    case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343:
    case 0x4E07: case 0x842C: case 0x4EBF: case 0x5104: case 0x6570: case 0x6578: case 0x51E0: case 0x5E7E:
        return 1;
    default:
        return 0;
    }
}

ipofacts_status ipf_text_find(const ipf_norm *nt, size_t max, int strict, ipf_found_list *out,
                              ipf_find_diag *diag)
{
    size_t i = 0, floor = 0, first = out->n, count = 0;
    memset(diag, 0, sizeof *diag);
    while (i < nt->n) {
        int c = at(nt, i), nk;
        if (is_digit(c)) {
            nk = NK_ARABIC;
        } else if (c >= 0xE0 && c < 0xF0) {
            if (!cn_trigger(nt, i)) {
                i += 3;
                continue;
            }
            if (lit(nt, i, "百分之")) {
                i += 9; /* a prefix of the number that follows */
                continue;
            }
            if (cn_number_start(nt, i))
                nk = NK_CHINESE;
            else if ((lit(nt, i, "数") || lit(nt, i, "數") || lit(nt, i, "几") || lit(nt, i, "幾")) &&
                     (cn_small_unit_at(nt, i + 3) > 0 || cn_big_unit_at(nt, i + 3) > 0))
                nk = NK_VAGUE;
            else if (cn_big_unit_at(nt, i) > 0)
                nk = NK_MAGNITUDE;
            else {
                i += 3;
                continue;
            }
        } else {
            i++;
            continue;
        }
        found_tok tok;
        size_t skip_to = i + 1, error_pos = i;
        int bare = 0;
        int r = recognize(nt, i, nk, floor, strict, &tok, &skip_to, &error_pos, &bare);
        if (r == REC_OVERFLOW) {
            diag->error_pos = error_pos;
            return IPOFACTS_E_OVERFLOW;
        }
        if (r == REC_AMOUNT) {
            if (!list_push(out, &tok))
                return IPOFACTS_E_NOMEM;
            count++;
            floor = tok.b;
            i = tok.b > i ? tok.b : i + 1;
            if (max != 0 && count >= max)
                break;
            continue;
        }
        if (!diag->have_bare_number) {
            diag->have_bare_number = 1;
            diag->bare_number_pos = i;
            diag->bare_number_end = skip_to > i ? skip_to : i + 1;
        }
        i = skip_to > i ? skip_to : i + 1;
        while (i < nt->n && is_digit(at(nt, i)) && i > 0 && is_digit(at(nt, i - 1)))
            i++;
        while (i < nt->n && ((unsigned char)nt->s[i] & 0xC0u) == 0x80u)
            i++;
    }
    link_conversions(nt, out, first);
    distribute_qualifiers(nt, out, first);
    return IPOFACTS_OK;
}

int ipf_text_find_bare_unit(const ipf_norm *nt, size_t *pos, size_t *end)
{
    static const word_entry units[] = {
        {"亿", NULL, 0, 0, 0},      {"億", NULL, 0, 0, 0},      {"万", NULL, 0, 0, 0},
        {"萬", NULL, 0, 0, 0},      {"美元", NULL, 0, 0, 0},    {"港元", NULL, 0, 0, 0},
        {"港币", NULL, 0, 0, 0},    {"港幣", NULL, 0, 0, 0},    {"人民币", NULL, 0, 0, 0},
        {"人民幣", NULL, 0, 0, 0},  {"元", NULL, 0, 0, 0},      {"倍", NULL, 0, 0, 0},
        {"%", NULL, 0, 0, 0},       {"$", NULL, 0, 0, 0},       {"¥", NULL, 0, 0, 0},
        {"€", NULL, 0, 0, 0},       {"£", NULL, 0, 0, 0},       {"thousand", NULL, 0, 0, 1},
        {"million", NULL, 0, 0, 1}, {"billion", NULL, 0, 0, 1}, {"trillion", NULL, 0, 0, 1},
    };
    for (size_t i = 0; i < nt->n; i++) {
        if (((unsigned char)nt->s[i] & 0xC0u) == 0x80u)
            continue;
        if (is_alpha(at(nt, i)) && i > 0 && is_alpha(at(nt, i - 1)))
            continue;
        size_t k;
        const word_entry *w = match_forward(nt, i, units, COUNT_OF(units), &k);
        if (w != NULL) {
            *pos = i;
            *end = i + k;
            return 1;
        }
    }
    return 0;
}
