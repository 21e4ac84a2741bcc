/**
 * @file ipofacts/value.h
 * @brief Exact decimals, precision and qualifiers, intervals, dates, periods
 *        and units: the value types every other layer uses.
 *
 * All types here are small frozen structs passed by pointer; none of the
 * functions allocate, and all may be called from any thread.
 */
#ifndef IPOFACTS_VALUE_H
#define IPOFACTS_VALUE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Exact decimals                                                      */
/* ------------------------------------------------------------------ */

/**
 * @brief An exact decimal number: coefficient x 10^exponent.
 *
 * "3052.3 萬" is 30523000: coefficient 30523, exponent 3. The representation
 * is kept as given: "1.220" is coefficient 1220, exponent -3, and prints back
 * as "1.220". Two decimals with different representations may be equal in
 * value (ipofacts_decimal_cmp() compares values).
 */
typedef struct ipofacts_decimal {
    int64_t coefficient; /**< Signed coefficient, |coefficient| <= IPOFACTS_DECIMAL_COEFFICIENT_MAX. */
    int32_t exponent;    /**< Power of ten, within [IPOFACTS_DECIMAL_EXPONENT_MIN, IPOFACTS_DECIMAL_EXPONENT_MAX]. */
    int32_t reserved;    /**< Zero. */
} ipofacts_decimal;

/** @brief Largest coefficient magnitude: 10^18 - 1 (18 significant digits). */
#define IPOFACTS_DECIMAL_COEFFICIENT_MAX INT64_C(999999999999999999)
/** @brief Smallest exponent of a decimal. */
#define IPOFACTS_DECIMAL_EXPONENT_MIN (-40)
/** @brief Largest exponent of a decimal. */
#define IPOFACTS_DECIMAL_EXPONENT_MAX 40
/** @brief A buffer of this size holds any decimal printed by ipofacts_decimal_format(). */
#define IPOFACTS_DECIMAL_STRING_SIZE 64

/** @brief How ipofacts_decimal_round() rounds. */
typedef enum ipofacts_rounding {
    IPOFACTS_ROUND_HALF_UP = 0,   /**< Half away from zero, as most publications round. */
    IPOFACTS_ROUND_HALF_EVEN = 1, /**< Half to even (banker's rounding). */
    IPOFACTS_ROUND_TRUNCATE = 2,  /**< Toward zero: drop the digits. */
    IPOFACTS_ROUND_FLOOR = 3,     /**< Toward minus infinity. */
    IPOFACTS_ROUND_CEILING = 4    /**< Toward plus infinity. */
} ipofacts_rounding;

/**
 * @brief Parses a decimal from text, exactly.
 *
 * Accepts an optional sign, digits with an optional point, and an optional
 * exponent (`e` or `E`), with no spaces: "-12.50", "3.46e6". Leading zeros
 * do not count toward the 18-digit limit; other digits do, including
 * trailing zeros after the point.
 * @param[out] out  the value
 * @param[in]  text the characters (need not be NUL-terminated)
 * @param[in]  len  number of bytes of @p text to read
 * @return IPOFACTS_OK; IPOFACTS_E_SYNTAX when the text is not a decimal;
 *         IPOFACTS_E_OVERFLOW when it has more than 18 significant digits or
 *         an exponent out of range; IPOFACTS_E_INVALID for NULL pointers.
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_parse(ipofacts_decimal *out, const char *text, size_t len);

/**
 * @brief Prints a decimal in plain notation ("30523000", "-0.125", "1.220").
 *
 * The output parses back to the same coefficient and exponent when the
 * exponent is <= 0; a positive exponent prints as trailing zeros.
 * @param[in]  value the decimal
 * @param[out] buf   where to write, NUL-terminated
 * @param[in]  size  size of @p buf; IPOFACTS_DECIMAL_STRING_SIZE always suffices
 * @return IPOFACTS_OK, IPOFACTS_E_BUFFER when @p buf is too small,
 *         IPOFACTS_E_INVALID for NULL pointers or an out-of-range value.
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_format(const ipofacts_decimal *value, char *buf, size_t size);

/**
 * @brief Makes a decimal from an integer.
 * @param[in] value the integer; its magnitude must not exceed IPOFACTS_DECIMAL_COEFFICIENT_MAX
 * @param[in] exponent power of ten to scale it by
 * @return The decimal value x 10^exponent. Out-of-range input gives zero; use
 *         ipofacts_decimal_parse() when the input is not trusted.
 */
IPOFACTS_API ipofacts_decimal ipofacts_decimal_make(int64_t value, int32_t exponent);

/**
 * @brief Exact sum.
 * @param[out] out a + b
 * @param[in] a first operand
 * @param[in] b second operand
 * @return IPOFACTS_OK, IPOFACTS_E_OVERFLOW when the exact result does not fit,
 *         IPOFACTS_E_INVALID for NULL pointers.
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_add(ipofacts_decimal *out, const ipofacts_decimal *a, const ipofacts_decimal *b);

/**
 * @brief Exact difference.
 * @param[out] out a - b
 * @param[in] a first operand
 * @param[in] b second operand
 * @return IPOFACTS_OK, IPOFACTS_E_OVERFLOW, IPOFACTS_E_INVALID as for ipofacts_decimal_add().
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_sub(ipofacts_decimal *out, const ipofacts_decimal *a, const ipofacts_decimal *b);

/**
 * @brief Exact product.
 * @param[out] out a x b
 * @param[in] a first operand
 * @param[in] b second operand
 * @return IPOFACTS_OK, IPOFACTS_E_OVERFLOW, IPOFACTS_E_INVALID as for ipofacts_decimal_add().
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_mul(ipofacts_decimal *out, const ipofacts_decimal *a, const ipofacts_decimal *b);

/**
 * @brief Compares two decimals by value, exactly, whatever their exponents.
 * @param[in] a first operand
 * @param[in] b second operand
 * @return -1 when a < b, 0 when equal in value, 1 when a > b.
 */
IPOFACTS_API int ipofacts_decimal_cmp(const ipofacts_decimal *a, const ipofacts_decimal *b);

/**
 * @brief Rounds to @p decimals digits after the point (negative: to tens,
 *        hundreds, ...), as XBRL's `decimals`.
 * @param[out] out      the rounded value, with exponent -@p decimals when that fits
 * @param[in]  value    the decimal
 * @param[in]  decimals number of digits after the point to keep
 * @param[in]  mode     how to round
 * @return IPOFACTS_OK, IPOFACTS_E_OVERFLOW, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_decimal_round(ipofacts_decimal *out, const ipofacts_decimal *value,
                                                    int32_t decimals, ipofacts_rounding mode);

/**
 * @brief Removes trailing zeros of the coefficient (1.220 -> 1.22, 3000 -> 3e3).
 * @param[in] value the decimal
 * @return The same value with the smallest coefficient.
 */
IPOFACTS_API ipofacts_decimal ipofacts_decimal_normalize(const ipofacts_decimal *value);

/**
 * @brief The nearest double to a decimal (for display and interval bounds).
 * @param[in] value the decimal
 * @return The value as a double, correctly rounded.
 */
IPOFACTS_API double ipofacts_decimal_to_double(const ipofacts_decimal *value);

/**
 * @brief Sign of a decimal.
 * @param[in] value the decimal
 * @return -1, 0 or 1.
 */
IPOFACTS_API int ipofacts_decimal_sign(const ipofacts_decimal *value);

/* ------------------------------------------------------------------ */
/* Precision, qualifiers, intervals                                    */
/* ------------------------------------------------------------------ */

/** @brief `decimals` of a value known exactly (XBRL "INF"). */
#define IPOFACTS_DECIMALS_INF INT32_MAX

/**
 * @brief What a reported figure says about the true value. The numbers are
 *        part of the ABI.
 */
typedef enum ipofacts_qualifier {
    IPOFACTS_QUALIFIER_EXACT = 0,         /**< The value, rounded to its `decimals`. */
    IPOFACTS_QUALIFIER_APPROXIMATELY = 1, /**< About the value (约, approximately). */
    IPOFACTS_QUALIFIER_AT_LEAST = 2,      /**< The value or more (超过, more than). */
    IPOFACTS_QUALIFIER_AT_MOST = 3,       /**< The value or less (近, 不到, nearly). */
    IPOFACTS_QUALIFIER_RANGE = 4          /**< From the value to an upper value (400 至 550). */
} ipofacts_qualifier;

/**
 * @brief The stable name of a qualifier: "exact", "approximately",
 *        "at_least", "at_most", "range".
 * @param[in] qualifier the qualifier
 * @return A static string, or NULL for an unknown value.
 */
IPOFACTS_API const char *ipofacts_qualifier_name(ipofacts_qualifier qualifier);

/**
 * @brief Looks a qualifier up by its stable name.
 * @param[out] out  the qualifier
 * @param[in]  name one of the names ipofacts_qualifier_name() returns
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND for an unknown name, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_qualifier_from_name(ipofacts_qualifier *out, const char *name);

/** @brief ipofacts_interval::flags: there is no lower bound; ipofacts_interval::lo is meaningless. */
#define IPOFACTS_INTERVAL_NO_LO 1u
/** @brief ipofacts_interval::flags: there is no upper bound; ipofacts_interval::hi is meaningless. */
#define IPOFACTS_INTERVAL_NO_HI 2u

/**
 * @brief A closed interval [lo, hi] of doubles, rounded outward so that it
 *        always contains the exact bounds. A side may be open-ended (flags);
 *        neither bound is ever NaN or infinite.
 */
typedef struct ipofacts_interval {
    double lo;      /**< Lower bound, unless IPOFACTS_INTERVAL_NO_LO is set. */
    double hi;      /**< Upper bound, unless IPOFACTS_INTERVAL_NO_HI is set. */
    uint32_t flags; /**< IPOFACTS_INTERVAL_NO_LO, IPOFACTS_INTERVAL_NO_HI. */
    uint32_t reserved; /**< Zero. */
} ipofacts_interval;

/**
 * @brief The interval of true values a reported figure stands for.
 *
 * With h = 0.5 x 10^-decimals (0 when @p decimals is IPOFACTS_DECIMALS_INF):
 * exact gives [v - h, v + h]; approximately [v - 2h, v + 2h], because "about"
 * figures are often rounded more than once; at least [v - h, no bound];
 * at most [no bound, v + h]; range [v - h, upper + h]. Bounds are rounded
 * outward to doubles. Example: "3052.3 萬" (30523000, decimals -3) stands for
 * [30522500, 30523500].
 * @param[out] out      the interval
 * @param[in]  value    the reported value (the lower end of a range)
 * @param[in]  upper    the upper end of a range; NULL unless @p qualifier is RANGE
 * @param[in]  decimals precision of the figure, as XBRL's `decimals`
 * @param[in]  qualifier what the figure says about the true value
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL pointers, a range without
 *         @p upper or with upper < value, or an unknown qualifier.
 */
IPOFACTS_API ipofacts_status ipofacts_reported_interval(ipofacts_interval *out, const ipofacts_decimal *value,
                                                        const ipofacts_decimal *upper, int32_t decimals,
                                                        ipofacts_qualifier qualifier);

/**
 * @brief The number of decimals a figure's text states: "3052.3" with a
 *        multiplier of 10^4 has decimals -3; "800" x 10^8 has -8.
 *
 * Trailing zeros of an integer count as significant, as the text gives them.
 * @param[in] value the parsed value (its exponent carries the stated digits)
 * @return -exponent of @p value.
 */
IPOFACTS_API int32_t ipofacts_decimal_stated_decimals(const ipofacts_decimal *value);

/* ------------------------------------------------------------------ */
/* Dates and periods                                                   */
/* ------------------------------------------------------------------ */

/** @brief How precisely a date is known. The numbers are part of the ABI. */
typedef enum ipofacts_date_precision {
    IPOFACTS_DATE_UNKNOWN = 0, /**< No date. */
    IPOFACTS_DATE_YEAR = 1,    /**< Only the year ("2022"). */
    IPOFACTS_DATE_MONTH = 2,   /**< Year and month ("2021-12"). */
    IPOFACTS_DATE_DAY = 3      /**< A calendar day ("2026-01-09"). */
} ipofacts_date_precision;

/**
 * @brief A proleptic Gregorian date known to a precision. Fields finer than
 *        the precision are 0.
 */
typedef struct ipofacts_date {
    int32_t year;      /**< Year, 1 to 9999. */
    uint8_t month;     /**< 1-12, or 0 when precision is YEAR. */
    uint8_t day;       /**< 1-31, or 0 when precision is below DAY. */
    uint8_t precision; /**< An ipofacts_date_precision. */
    uint8_t reserved;  /**< Zero. */
} ipofacts_date;

/** @brief A buffer of this size holds any date printed by ipofacts_date_format(). */
#define IPOFACTS_DATE_STRING_SIZE 16

/**
 * @brief Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 * @param[out] out  the date
 * @param[in]  text the characters (need not be NUL-terminated)
 * @param[in]  len  number of bytes of @p text
 * @return IPOFACTS_OK; IPOFACTS_E_SYNTAX for another shape; IPOFACTS_E_DATE for
 *         an impossible date (2025-02-29, month 13); IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_date_parse(ipofacts_date *out, const char *text, size_t len);

/**
 * @brief Prints a date in the form ipofacts_date_parse() reads, to its precision.
 * @param[in]  date the date
 * @param[out] buf  where to write, NUL-terminated
 * @param[in]  size size of @p buf; IPOFACTS_DATE_STRING_SIZE suffices
 * @return IPOFACTS_OK, IPOFACTS_E_BUFFER, IPOFACTS_E_INVALID (NULL, unknown or invalid date).
 */
IPOFACTS_API ipofacts_status ipofacts_date_format(const ipofacts_date *date, char *buf, size_t size);

/**
 * @brief Makes a day-precision date.
 * @param[out] out   the date
 * @param[in]  year  1 to 9999
 * @param[in]  month 1 to 12
 * @param[in]  day   1 to the length of the month
 * @return IPOFACTS_OK or IPOFACTS_E_DATE.
 */
IPOFACTS_API ipofacts_status ipofacts_date_make(ipofacts_date *out, int32_t year, int32_t month, int32_t day);

/**
 * @brief Compares two dates as (year, month, day) tuples; a coarser date
 *        compares as its first day.
 * @param[in] a first date
 * @param[in] b second date
 * @return -1, 0 or 1.
 */
IPOFACTS_API int ipofacts_date_cmp(const ipofacts_date *a, const ipofacts_date *b);

/**
 * @brief Days from 1970-01-01 to a date (a coarser date counts as its first day).
 * @param[out] out  signed number of days
 * @param[in]  date the date
 * @return IPOFACTS_OK, IPOFACTS_E_INVALID for an unknown date.
 */
IPOFACTS_API ipofacts_status ipofacts_date_days(int64_t *out, const ipofacts_date *date);

/**
 * @brief Length of the duration from @p start to @p end inclusive, in whole
 *        calendar months: 2025-01-01 to 2025-09-30 is 9; 2024-01-01 to
 *        2024-12-31 is 12.
 *
 * A period that is not a whole number of months (within 3 days) gives
 * IPOFACTS_E_RANGE and the nearest number of months in @p out.
 * @param[out] out   number of months
 * @param[in]  start first day of the period (day precision)
 * @param[in]  end   last day of the period (day precision)
 * @return IPOFACTS_OK; IPOFACTS_E_DATE when @p end is before @p start;
 *         IPOFACTS_E_RANGE as above; IPOFACTS_E_INVALID for NULL or dates
 *         without day precision.
 */
IPOFACTS_API ipofacts_status ipofacts_months_between(int32_t *out, const ipofacts_date *start, const ipofacts_date *end);

/**
 * @brief Turns a period label into dates, for a fiscal year that ends at the
 *        end of month @p fy_end_month.
 *
 * Labels: "FY2024" (the twelve months ending in fiscal 2024), "9M2025" and
 * "3M2025" (the first N months of fiscal 2025), "H1 2025" / "H2 2025",
 * "Q1 2025" to "Q4 2025", and a date "2025-09-30" for an instant (then
 * @p start is unknown and @p end is the date).
 * @param[out] start first day of the period (precision UNKNOWN for an instant)
 * @param[out] end   last day of the period
 * @param[in]  label the label, NUL-terminated
 * @param[in]  fy_end_month 1-12, usually 12
 * @return IPOFACTS_OK, IPOFACTS_E_SYNTAX for an unknown label, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_period_label_parse(ipofacts_date *start, ipofacts_date *end, const char *label,
                                                         int32_t fy_end_month);

/**
 * @brief The conventional label of a period ("FY2024", "9M2025", "H1 2025",
 *        "Q3 2025"), or the dates "2025-01-01..2025-09-30" when it has none,
 *        or the end date for an instant (@p start unknown).
 * @param[out] buf   where to write, NUL-terminated
 * @param[in]  size  size of @p buf (32 suffices)
 * @param[in]  start first day, or a date of precision UNKNOWN for an instant
 * @param[in]  end   last day
 * @param[in]  fy_end_month 1-12
 * @return IPOFACTS_OK, IPOFACTS_E_BUFFER, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_period_label_format(char *buf, size_t size, const ipofacts_date *start,
                                                          const ipofacts_date *end, int32_t fy_end_month);

/* ------------------------------------------------------------------ */
/* Units                                                               */
/* ------------------------------------------------------------------ */

/** @brief What a unit measures. The numbers are part of the ABI. */
typedef enum ipofacts_unit_kind {
    IPOFACTS_UNIT_INVALID = 0,   /**< Not a unit this library knows. */
    IPOFACTS_UNIT_CURRENCY = 1,  /**< An ISO 4217 code: "USD", "HKD", "CNY". */
    IPOFACTS_UNIT_PURE = 2,      /**< "pure": a ratio; 23.3% is stored as 0.233. */
    IPOFACTS_UNIT_COUNT = 3,     /**< "count", "shares", "users", "customers", "people", "countries",
                                      "languages", "institutions", "investors", "videos", "views", "parameters",
                                      "rank" (a place in a ranking: 第五 is 5; "top five" is at most 5). */
    IPOFACTS_UNIT_MULTIPLE = 4,  /**< "multiple": 1837 倍 oversubscription is 1837. */
    IPOFACTS_UNIT_DURATION = 5,  /**< "days", "months", "years". */
    IPOFACTS_UNIT_PER_SHARE = 6, /**< A currency per share: "HKD/share". */
    IPOFACTS_UNIT_RATE = 7       /**< An exchange rate, quote per base: "CNY/USD" is yuan per dollar. */
} ipofacts_unit_kind;

/**
 * @brief Classifies a unit string.
 * @param[in] unit the unit, NUL-terminated (NULL gives INVALID)
 * @return Its kind; IPOFACTS_UNIT_INVALID for a string that is not a unit.
 */
IPOFACTS_API ipofacts_unit_kind ipofacts_unit_classify(const char *unit);

/**
 * @brief The currency of a monetary unit: "USD" for "USD" and "USD/share";
 *        for a rate "CNY/USD", the quote currency "CNY".
 * @param[out] buf  4 bytes at least; receives the 3-letter code
 * @param[in]  size size of @p buf
 * @param[in]  unit the unit
 * @return IPOFACTS_OK, IPOFACTS_E_UNIT when the unit has no currency,
 *         IPOFACTS_E_BUFFER, IPOFACTS_E_INVALID.
 */
IPOFACTS_API ipofacts_status ipofacts_unit_currency(char *buf, size_t size, const char *unit);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_VALUE_H */
