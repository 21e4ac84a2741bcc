/**
 * @file ipofacts/text.h
 * @brief Amounts in Chinese and English text: the amount parser, the
 *        scanner that finds every figure of an article, implied exchange
 *        rates, and the display width of UTF-8 text.
 *
 * The parser turns prose such as "2.44 億美元", "约合12亿元人民币",
 * "超过 15 亿美元" or "HK$5.54 billion" into an exact ::ipofacts_amount: an
 * exact decimal value, a unit, the precision the text states (`decimals`,
 * as XBRL: "3052.3 萬" has decimals -3), a qualifier and the byte span of
 * the figure in the caller's text. docs/text.md gives the grammar.
 *
 * Text is UTF-8. It is checked with libunistring and each character is
 * normalised on its own to NFKC, so full-width digits and punctuation
 * ("３０５２．３萬美元") read as their ASCII forms; spans always refer to the
 * caller's original bytes, never to the normalised copy.
 *
 * None of these functions keep hidden state: all may be called from any
 * thread at once. A scan result (::ipofacts_scan) is immutable once made and
 * may be read by several threads at once.
 */
#ifndef IPOFACTS_TEXT_H
#define IPOFACTS_TEXT_H

#include "common.h"
#include "value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Display width                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief Width of UTF-8 text in terminal columns.
 *
 * Measured with libunistring's u8_width() for the "UTF-8" encoding: a CJK
 * character takes two columns, an ASCII letter one, a combining mark none;
 * control characters count as zero. "稀宇科技" is 8 columns, "MiniMax 稀宇"
 * 12.
 * @param[out] out  the width in columns
 * @param[in]  text the characters (need not be NUL-terminated)
 * @param[in]  len  number of bytes of @p text
 * @return IPOFACTS_OK; IPOFACTS_E_UTF8 when @p text is not valid UTF-8;
 *         IPOFACTS_E_INVALID when @p out is NULL or @p text is NULL with a
 *         non-zero @p len.
 */
IPOFACTS_API ipofacts_status ipofacts_text_width(size_t *out, const char *text, size_t len);

/**
 * @brief Byte length of the longest prefix of @p text, ending at a
 *        character boundary, whose width is at most @p max_width columns.
 *
 * The prefix never ends inside a UTF-8 sequence, and zero-width characters
 * (combining marks) that follow the last character that fits stay with it.
 * Truncating "稀宇科技" to 5 columns gives 6 bytes ("稀宇", 4 columns).
 * @param[out] out       number of bytes of the prefix
 * @param[in]  text      the characters (need not be NUL-terminated)
 * @param[in]  len       number of bytes of @p text
 * @param[in]  max_width the widest the prefix may be, in columns
 * @return IPOFACTS_OK; IPOFACTS_E_UTF8 when @p text is not valid UTF-8;
 *         IPOFACTS_E_INVALID when @p out is NULL or @p text is NULL with a
 *         non-zero @p len.
 */
IPOFACTS_API ipofacts_status ipofacts_text_truncate(size_t *out, const char *text, size_t len, size_t max_width);

/* ------------------------------------------------------------------ */
/* Amounts                                                             */
/* ------------------------------------------------------------------ */

/** @brief Size of ipofacts_amount::unit, NUL included. */
#define IPOFACTS_AMOUNT_UNIT_SIZE 16

/** @brief The most bytes ipofacts_parse_amount() reads: 1 MiB. */
#define IPOFACTS_PARSE_MAX_BYTES ((size_t)1 << 20)

/** @brief The most bytes ipofacts_scan_text() reads: 64 MiB. */
#define IPOFACTS_SCAN_MAX_BYTES ((size_t)64 << 20)

/** @brief Characters of context ipofacts_scan_context() keeps on each side of a figure. */
#define IPOFACTS_SCAN_CONTEXT_CHARS 20

/** @brief ipofacts_amount::flags: the text states the figure as a percentage ("23.3%"). */
#define IPOFACTS_AMOUNT_PERCENT 1u
/** @brief ipofacts_amount::flags: the text states percentage points ("50 个百分点"). */
#define IPOFACTS_AMOUNT_POINTS 2u
/** @brief ipofacts_amount::flags: the figure restates another amount in another currency ("约合12亿元人民币"). */
#define IPOFACTS_AMOUNT_CONVERSION 4u
/** @brief ipofacts_amount::flags: the figure combines several numbers ("2亿4千万", "1万2千"). */
#define IPOFACTS_AMOUNT_MIXED 8u
/**
 * @brief ipofacts_amount::flags: the figure is a rank, unit "rank": "全球第五"
 *        is rank 5 (exact), "全球前三" rank 3 or better (at_most).
 *
 * An ordinal is a rank only in a rank context (全球, 开源, 位列, 排名, ...
 * earlier in its clause) and when a rank end follows it (punctuation, the
 * end of the line, 名, 位, 强, 的): "第一天", "前三季度" and "第一梯队" are
 * not ranks. docs/text.md gives the grammar.
 */
#define IPOFACTS_AMOUNT_RANK 16u

/**
 * @brief One amount read from text. A small frozen struct: its layout never
 *        changes.
 *
 * The value is exact and keeps the digits the text states: "3052.3 萬美元"
 * is coefficient 30523, exponent 3 (30523000) with decimals -3; "23.3%" is
 * the pure fraction 0.233 with decimals 3.
 *
 * Units: an ISO 4217 code ("USD", "HKD", "CNY"; a bare 元 is "CNY"), a
 * price per share ("HKD/share"), "pure" (percentages), "multiple" (倍, x),
 * a count ("count", or a finer count unit when the text names what is
 * counted: "users", "people", "customers", "countries", "languages",
 * "institutions", "investors", "videos", "views", "parameters", "shares"),
 * a duration ("days", "months", "years"), or a rank ("rank": "第五" is 5,
 * "前三" at most 3; flag IPOFACTS_AMOUNT_RANK). A number with a multiplier
 * but no currency ("2005 万") is a count, never money.
 */
typedef struct ipofacts_amount {
    ipofacts_decimal value;        /**< The value; for a range, its lower end. */
    ipofacts_decimal upper;        /**< The upper end of a range; equal to @c value otherwise. */
    int32_t decimals;              /**< Precision the text states, as XBRL's decimals (-3 for "3052.3 萬"). */
    ipofacts_qualifier qualifier;  /**< Exact, approximately, at least, at most or range. */
    int32_t conversion_of;         /**< Index of the amount this one restates in another currency, or -1. */
    int32_t converted_to;          /**< Index of the amount that restates this one in another currency, or -1. */
    size_t start;                  /**< Byte offset in the caller's text where the figure starts. */
    size_t end;                    /**< Byte offset one past the figure's last byte. */
    char unit[IPOFACTS_AMOUNT_UNIT_SIZE]; /**< The unit, NUL-terminated ("USD", "HKD/share", "pure", "rank"). */
    uint32_t flags;                /**< IPOFACTS_AMOUNT_PERCENT, _POINTS, _CONVERSION, _MIXED, _RANK. */
    uint32_t reserved;             /**< Zero. */
} ipofacts_amount;

/**
 * @brief Parses the first amount of a text.
 *
 * Leading words that are not amounts are skipped, and so are dates, years
 * ("2023 年", "9 月", "12月21日"), ordinals that are not ranks ("第1",
 * "前 9 個月", "第一天") and numbers with no unit; the first figure that is
 * an amount is returned. A rank ("位列全球第五", "全球前三") is an amount of
 * unit "rank" (IPOFACTS_AMOUNT_RANK). When it is
 * followed by its conversion into another currency ("1.7亿美元（约合12亿元人民币）"),
 * @c out->converted_to is 1; use ipofacts_parse_amount_conversion() to get
 * that second amount.
 * @param[out] out   the amount; cleared on failure
 * @param[in]  text  UTF-8 text (need not be NUL-terminated)
 * @param[in]  len   number of bytes of @p text, at most IPOFACTS_PARSE_MAX_BYTES
 * @param[out] error where and why parsing failed (byte offset, line, column,
 *                   message); may be NULL
 * @return IPOFACTS_OK; IPOFACTS_E_NO_AMOUNT when the text holds no amount
 *         (the offset is that of a unit with no number, of a number with no
 *         unit, or of the first character that is not a space);
 *         IPOFACTS_E_UTF8 with the offset of the first invalid byte;
 *         IPOFACTS_E_OVERFLOW for a number of more than 18 significant
 *         digits or beyond the exponent range of ::ipofacts_decimal;
 *         IPOFACTS_E_TOO_LARGE when @p len exceeds IPOFACTS_PARSE_MAX_BYTES;
 *         IPOFACTS_E_NOMEM; IPOFACTS_E_INVALID for NULL pointers.
 * Ownership: nothing is allocated for the caller. Thread safety: may be
 * called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_parse_amount(ipofacts_amount *out, const char *text, size_t len,
                                                   ipofacts_error *error);

/**
 * @brief Parses the first amount of a text and, when the text restates it
 *        in another currency, that conversion too.
 *
 * "1.7亿美元（约合12亿元人民币）" gives @p out = 170000000 USD (decimals -7,
 * converted_to 1) and @p conversion = 1200000000 CNY (decimals -8,
 * conversion_of 0, flag IPOFACTS_AMOUNT_CONVERSION). Pass both to
 * ipofacts_amount_implied_rate() for the exchange rate they imply.
 * @param[out] out        the first amount; cleared on failure
 * @param[out] conversion its conversion; when there is none, cleared with an
 *                        empty unit and conversion_of -1 (and
 *                        @c out->converted_to is -1). May be NULL.
 * @param[in]  text  UTF-8 text (need not be NUL-terminated)
 * @param[in]  len   number of bytes of @p text, at most IPOFACTS_PARSE_MAX_BYTES
 * @param[out] error where and why parsing failed; may be NULL
 * @return As ipofacts_parse_amount().
 * Ownership: nothing is allocated for the caller. Thread safety: may be
 * called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_parse_amount_conversion(ipofacts_amount *out, ipofacts_amount *conversion,
                                                              const char *text, size_t len, ipofacts_error *error);

/**
 * @brief The interval of true values an amount stands for, from its value,
 *        upper end, decimals and qualifier (ipofacts_reported_interval()).
 * @param[out] out    the interval
 * @param[in]  amount the amount
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL pointers or an amount
 *         whose fields are inconsistent.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_amount_interval(ipofacts_interval *out, const ipofacts_amount *amount);

/**
 * @brief The exchange rate implied by an amount and its conversion: units
 *        of @p to's currency per unit of @p from's.
 *
 * Both figures are rounded as their text states them, so each stands for
 * its rounding interval ([v - h, v + h] with h = 0.5 x 10^-decimals,
 * whatever its qualifier: a conversion restates the figure as printed), and
 * the rate lies in [to.lo / from.hi, to.hi / from.lo], rounded outward. For
 * ranges, the rates from the lower ends and from the upper ends are
 * intersected. "3100万美元（约合2.2亿元人民币）": USD [30.5e6, 31.5e6], CNY
 * [215e6, 225e6], so CNY/USD lies in [6.8254, 7.3771] (around 7.0968).
 * @param[out] out  the rate interval (its unit is ipofacts_amount_rate_unit())
 * @param[in]  from the amount that is converted (USD above)
 * @param[in]  to   its conversion (CNY above)
 * @return IPOFACTS_OK; IPOFACTS_E_UNIT when either amount is not money, or
 *         both are in the same currency; IPOFACTS_E_RANGE when @p from's
 *         interval reaches zero or below, or @p to's does, or the lower and
 *         upper ends of ranges imply rates that cannot agree;
 *         IPOFACTS_E_INVALID for NULL pointers or inconsistent amounts.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_amount_implied_rate(ipofacts_interval *out, const ipofacts_amount *from,
                                                          const ipofacts_amount *to);

/**
 * @brief The unit of the rate ipofacts_amount_implied_rate() gives: "CNY/USD"
 *        for @p from in USD and @p to in CNY.
 * @param[out] buf  where to write, NUL-terminated; 8 bytes suffice
 * @param[in]  size size of @p buf
 * @param[in]  from the amount that is converted
 * @param[in]  to   its conversion
 * @return IPOFACTS_OK; IPOFACTS_E_UNIT when either is not money or both are
 *         in the same currency; IPOFACTS_E_BUFFER; IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_amount_rate_unit(char *buf, size_t size, const ipofacts_amount *from,
                                                       const ipofacts_amount *to);

/* ------------------------------------------------------------------ */
/* Scanner                                                             */
/* ------------------------------------------------------------------ */

/** @brief Every amount of a text, in text order. Opaque; owned by the caller. */
typedef struct ipofacts_scan ipofacts_scan;

/**
 * @brief Finds every amount of a text, with its byte span and the words
 *        around it.
 *
 * The figures are those ipofacts_parse_amount() reads, in order of their
 * start; a conversion ("（约合2.2亿元人民币）") is its own amount, linked to
 * the one it restates by ipofacts_amount::conversion_of and
 * ipofacts_amount::converted_to (indexes into this scan). Ranks
 * ("登頂全球第一", "開源第一", "全球前三") are amounts of unit "rank". Dates,
 * years, other ordinals ("第一天", "前三季度") and numbers with no unit are
 * not amounts and are skipped (docs/text.md). Text is read in pieces of at most 1 MiB that end at a
 * line break; a line longer than that is cut at a sentence end (。), a space
 * or, failing both, a character boundary.
 * @param[out] out   the scan; free it with ipofacts_scan_free(). NULL on failure.
 * @param[in]  text  UTF-8 text (need not be NUL-terminated)
 * @param[in]  len   number of bytes, at most IPOFACTS_SCAN_MAX_BYTES
 * @param[out] error where and why scanning failed; may be NULL
 * @return IPOFACTS_OK (also when no amount is found: the count is then 0);
 *         IPOFACTS_E_UTF8 with the offset of the first invalid byte;
 *         IPOFACTS_E_OVERFLOW for an amount whose number has more than 18
 *         significant digits (a long number with no unit, such as an id, is
 *         skipped instead); IPOFACTS_E_TOO_LARGE when @p len exceeds
 *         IPOFACTS_SCAN_MAX_BYTES; IPOFACTS_E_NOMEM; IPOFACTS_E_INVALID for
 *         NULL pointers.
 * Ownership: the caller owns the scan. Thread safety: may be called from any
 * thread.
 */
IPOFACTS_API ipofacts_status ipofacts_scan_text(ipofacts_scan **out, const char *text, size_t len,
                                                ipofacts_error *error);

/**
 * @brief Number of amounts a scan found.
 * @param[in] scan the scan
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_scan_count(const ipofacts_scan *scan);

/**
 * @brief The amount at @p index.
 * @param[in] scan  the scan
 * @param[in] index 0 to count - 1
 * @return The amount, borrowed from @p scan until ipofacts_scan_free(); NULL
 *         when @p index is out of range or @p scan is NULL.
 */
IPOFACTS_API const ipofacts_amount *ipofacts_scan_amount(const ipofacts_scan *scan, size_t index);

/**
 * @brief The literal text of the amount at @p index: the bytes of its span.
 * @param[in] scan  the scan
 * @param[in] index 0 to count - 1
 * @return A NUL-terminated UTF-8 string borrowed from @p scan until
 *         ipofacts_scan_free(); NULL when @p index is out of range.
 */
IPOFACTS_API const char *ipofacts_scan_literal(const ipofacts_scan *scan, size_t index);

/**
 * @brief The words around the amount at @p index: up to
 *        IPOFACTS_SCAN_CONTEXT_CHARS characters before it, the figure, and
 *        up to as many after it, within its line, cut at character
 *        boundaries; tabs and carriage returns become spaces.
 * @param[in] scan  the scan
 * @param[in] index 0 to count - 1
 * @return A NUL-terminated UTF-8 string borrowed from @p scan until
 *         ipofacts_scan_free(); NULL when @p index is out of range.
 */
IPOFACTS_API const char *ipofacts_scan_context(const ipofacts_scan *scan, size_t index);

/**
 * @brief Frees a scan and every amount and string borrowed from it.
 * @param[in] scan the scan; NULL is allowed
 */
IPOFACTS_API void ipofacts_scan_free(ipofacts_scan *scan);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_TEXT_H */
