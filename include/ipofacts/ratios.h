/**
 * @file ipofacts/ratios.h
 * @brief Period-aware ratios with intervals: growth, CAGR, margins, R&D
 *        intensity, shares, customer concentration, burn and runway,
 *        trailing twelve months, first-day return, implied share count,
 *        market capitalisation and price-to-sales, plus the interval
 *        arithmetic they are built on.
 *
 * Every computation gives an ::ipofacts_ratio: a value, the interval
 * [lo, hi] of values the inputs allow (propagated from each input's
 * precision and qualifier, rounded outward) and an ::ipofacts_ratio_status.
 * A ratio that cannot honestly be computed says so in its status; its
 * numbers are then 0. No ratio is ever infinite or NaN.
 *
 * The library offers each ratio twice:
 * - on values: ipofacts_ratio_growth(), ipofacts_ratio_gross_margin(), ...
 *   take operands that are themselves ::ipofacts_ratio values, made from a
 *   fact (ipofacts_ratio_input_fact()), from a decimal
 *   (ipofacts_ratio_input()) or from an earlier result;
 * - on a company and a period: ipofacts_company_ratio() picks the preferred
 *   facts of the dataset (ipofacts_period_find_fact()), finds the
 *   comparable periods and rates, and returns an ::ipofacts_derived that
 *   can explain itself (inputs, their sources, the formula, the arithmetic).
 *   ipofacts_company_ratios() and ipofacts_dataset_ratios() give every
 *   ratio of every period at once.
 *
 * Value types here are frozen; value-level functions do not allocate and
 * may be called from any thread. Company-level functions only read the
 * dataset, which is immutable, so they may run in any number of threads at
 * once; the objects they return belong to the caller.
 */
#ifndef IPOFACTS_RATIOS_H
#define IPOFACTS_RATIOS_H

#include "common.h"
#include "value.h"
#include "dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Ratio results                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief Why a ratio has, or has not, a value. The numbers are part of the
 *        ABI; new statuses are appended.
 */
typedef enum ipofacts_ratio_status {
    IPOFACTS_RATIO_OK = 0,                         /**< Computed: value and interval are meaningful. */
    IPOFACTS_RATIO_ZERO_DENOMINATOR = 1,           /**< A denominator or base is zero. */
    IPOFACTS_RATIO_NEGATIVE_BASE = 2,              /**< A base that must be positive is negative (a loss as the
                                                        base of a growth rate, negative revenue). */
    IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO = 3, /**< A denominator's interval contains zero although its
                                                        value does not: the quotient is unbounded. */
    IPOFACTS_RATIO_PERIOD_MISMATCH = 4,            /**< Periods of different lengths (9 months against 12). */
    IPOFACTS_RATIO_CURRENCY_MISMATCH = 5,          /**< Amounts in different currencies and no exchange rate. */
    IPOFACTS_RATIO_NOT_BURNING = 6,                /**< The flow is not an outflow: there is no burn, no runway. */
    IPOFACTS_RATIO_MISSING_INPUT = 7,              /**< An input is not in the dataset (or is NULL). */
    IPOFACTS_RATIO_OVERFLOW = 8,                   /**< A result beyond the range of a double. */
    IPOFACTS_RATIO_UNBOUNDED = 9,                  /**< Open-ended inputs leave the result with no bound at all. */
    IPOFACTS_RATIO_UNIT_MISMATCH = 10,             /**< An input in a unit the ratio cannot use (shares where an
                                                        amount is needed, "HKD/USD" for a CNY amount). */
    IPOFACTS_RATIO_INVALID_INPUT = 11              /**< An input that cannot be: NaN, an empty interval, a
                                                        non-positive number of months, negative cash. */
} ipofacts_ratio_status;

/**
 * @brief The stable name of a ratio status ("ok", "zero_denominator",
 *        "negative_base", "denominator_straddles_zero", "period_mismatch",
 *        "currency_mismatch", "not_burning", "missing_input", "overflow",
 *        "unbounded", "unit_mismatch", "invalid_input").
 * @param[in] status the status
 * @return A static string; "unknown" for a value this version does not know.
 */
IPOFACTS_API const char *ipofacts_ratio_status_name(ipofacts_ratio_status status);

/**
 * @brief What a ratio was computed from, when there is a choice. The
 *        numbers are part of the ABI.
 */
typedef enum ipofacts_ratio_basis {
    IPOFACTS_BASIS_DEFAULT = 0,             /**< The only way (or, in options, "choose for me"). */
    IPOFACTS_BASIS_OPERATING_CASH_FLOW = 1, /**< Burn from operating cash flow: cash burn. */
    IPOFACTS_BASIS_FREE_CASH_FLOW = 2,      /**< Burn from operating cash flow less capital expenditure: cash burn. */
    IPOFACTS_BASIS_NET_INCOME = 3,          /**< Burn from net income: a proxy, a loss is not a cash outflow. */
    IPOFACTS_BASIS_ADJUSTED_NET_INCOME = 4, /**< Burn from adjusted (non-GAAP) net income: a proxy. */
    IPOFACTS_BASIS_GROSS_PROFIT = 5,        /**< Gross margin from reported gross profit. */
    IPOFACTS_BASIS_REVENUE_LESS_COST = 6,   /**< Gross margin from revenue less cost of sales. */
    IPOFACTS_BASIS_REPORTED_PRIOR = 7,      /**< Growth or TTM from a reported prior period. */
    IPOFACTS_BASIS_IMPLIED_PRIOR = 8,       /**< Growth or TTM from a prior period implied by a reported growth rate. */
    IPOFACTS_BASIS_TTM = 9,                 /**< Price-to-sales on trailing-twelve-month revenue. */
    IPOFACTS_BASIS_FISCAL_YEAR = 10,        /**< Price-to-sales on the latest fiscal year's revenue. */
    IPOFACTS_BASIS_CUSTOMER_REVENUE = 11    /**< Concentration from the revenue of each customer. */
} ipofacts_ratio_basis;

/**
 * @brief The stable name of a basis ("default", "operating_cash_flow",
 *        "free_cash_flow", "net_income", "adjusted_net_income",
 *        "gross_profit", "revenue_less_cost", "reported_prior",
 *        "implied_prior", "ttm", "fiscal_year", "customer_revenue").
 * @param[in] basis the basis
 * @return A static string; "unknown" for a value this version does not know.
 */
IPOFACTS_API const char *ipofacts_ratio_basis_name(ipofacts_ratio_basis basis);

/**
 * @brief Looks a basis up by its stable name.
 * @param[out] out  the basis
 * @param[in]  name a name ipofacts_ratio_basis_name() returns
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_basis_from_name(ipofacts_ratio_basis *out, const char *name);

/** @brief ipofacts_ratio::flags: the value is a reported figure (an input made from a fact). */
#define IPOFACTS_RATIO_FLAG_REPORTED 1u
/** @brief ipofacts_ratio::flags: the value was computed by the library; never a reported figure. */
#define IPOFACTS_RATIO_FLAG_DERIVED 2u
/** @brief ipofacts_ratio::flags: the basis is a proxy (a burn from net income is not cash). */
#define IPOFACTS_RATIO_FLAG_PROXY 4u
/** @brief ipofacts_ratio::flags: flows were scaled to twelve months before comparing. */
#define IPOFACTS_RATIO_FLAG_ANNUALISED 8u
/** @brief ipofacts_ratio::flags: an input was implied (a prior period from a growth rate). */
#define IPOFACTS_RATIO_FLAG_IMPLIED 16u
/** @brief ipofacts_ratio::flags: an amount was converted at an exchange rate. */
#define IPOFACTS_RATIO_FLAG_CONVERTED 32u

/** @brief Size of ipofacts_ratio::unit. */
#define IPOFACTS_RATIO_UNIT_SIZE 16

/**
 * @brief A computed ratio or amount, or an operand of a computation.
 *
 * When @c status is not IPOFACTS_RATIO_OK, @c value, @c interval.lo and
 * @c interval.hi are 0 and @c interval.flags is 0. When it is OK, @c value
 * lies in @c interval, and the exact result for any true inputs inside the
 * input intervals lies in @c interval; a side of the interval may be
 * open-ended (IPOFACTS_INTERVAL_NO_LO, IPOFACTS_INTERVAL_NO_HI) when an
 * input was ("more than 37 months"). Values are never NaN or infinite.
 *
 * Pure ratios are fractions (0.233 for 23.3%). @c unit names what the
 * number counts: "pure", "months", "multiple", "shares", a currency ("USD"),
 * a currency per month ("USD/month") or per share ("HKD/share"), or a rate
 * ("HKD/USD"). The layout is frozen.
 */
typedef struct ipofacts_ratio {
    double value;                        /**< The value computed from the inputs' stated values. */
    ipofacts_interval interval;          /**< Every value the inputs' precision allows. */
    ipofacts_ratio_status status;        /**< IPOFACTS_RATIO_OK, or why there is no value. */
    ipofacts_ratio_basis basis;          /**< What it was computed from, when there is a choice. */
    uint32_t flags;                      /**< IPOFACTS_RATIO_FLAG_* bits. */
    uint32_t reserved0;                  /**< Zero. */
    char unit[IPOFACTS_RATIO_UNIT_SIZE]; /**< NUL-terminated unit; empty when status is not OK and no unit applies. */
    uint64_t reserved[4];                /**< Zero. */
} ipofacts_ratio;

/* ------------------------------------------------------------------ */
/* Interval arithmetic                                                 */
/* ------------------------------------------------------------------ */

/**
 * @brief Sum of two intervals, rounded outward.
 *
 * Open-ended sides stay open-ended. Bounds are rounded outward only when
 * the double result is inexact, so exact bounds stay exact.
 * @param[out] out a + b
 * @param[in]  a   first operand
 * @param[in]  b   second operand
 * @return IPOFACTS_RATIO_OK; IPOFACTS_RATIO_OVERFLOW when a finite bound
 *         overflows; IPOFACTS_RATIO_INVALID_INPUT for NULL pointers, NaN or
 *         infinite bounds, or lo > hi. On failure @p out is all zero.
 */
IPOFACTS_API ipofacts_ratio_status ipofacts_interval_add(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b);

/**
 * @brief Difference of two intervals: [a.lo - b.hi, a.hi - b.lo], rounded outward.
 * @param[out] out a - b
 * @param[in]  a   first operand
 * @param[in]  b   second operand
 * @return As ipofacts_interval_add().
 */
IPOFACTS_API ipofacts_ratio_status ipofacts_interval_sub(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b);

/**
 * @brief Product of two intervals (the hull of the four bound products),
 *        rounded outward. Zero times an open-ended side is zero.
 * @param[out] out a x b
 * @param[in]  a   first operand
 * @param[in]  b   second operand
 * @return As ipofacts_interval_add().
 */
IPOFACTS_API ipofacts_ratio_status ipofacts_interval_mul(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b);

/**
 * @brief Quotient of two intervals, rounded outward.
 *
 * A divisor that contains zero makes the quotient unbounded (or undefined),
 * which is a status, not an interval.
 * @param[out] out a / b
 * @param[in]  a   dividend
 * @param[in]  b   divisor
 * @return IPOFACTS_RATIO_OK; IPOFACTS_RATIO_ZERO_DENOMINATOR when @p b is
 *         [0, 0]; IPOFACTS_RATIO_DENOMINATOR_STRADDLES_ZERO when @p b
 *         contains zero otherwise (an open-ended side counts as reaching
 *         past zero when the other bound is on the other side);
 *         IPOFACTS_RATIO_OVERFLOW; IPOFACTS_RATIO_INVALID_INPUT as for
 *         ipofacts_interval_add(). On failure @p out is all zero.
 */
IPOFACTS_API ipofacts_ratio_status ipofacts_interval_div(ipofacts_interval *out, const ipofacts_interval *a,
                                                         const ipofacts_interval *b);

/**
 * @brief Whether a number lies in an interval (open-ended sides included).
 * @param[in] interval the interval
 * @param[in] x        the number
 * @return 1 when lo <= x <= hi, 0 otherwise or for NULL or NaN.
 */
IPOFACTS_API int ipofacts_interval_contains(const ipofacts_interval *interval, double x);

/**
 * @brief Whether two closed intervals share at least one point. Intervals
 *        that only touch ([1, 2] and [2, 3]) overlap.
 * @param[in] a first interval
 * @param[in] b second interval
 * @return 1 when they overlap, 0 when they do not or for NULL.
 */
IPOFACTS_API int ipofacts_interval_overlaps(const ipofacts_interval *a, const ipofacts_interval *b);

/* ------------------------------------------------------------------ */
/* Operands                                                            */
/* ------------------------------------------------------------------ */

/**
 * @brief Makes an operand from a stated figure: its value, the interval of
 *        true values it stands for (ipofacts_reported_interval()) and its unit.
 *
 * A range ("7.75-7.85") takes its midpoint as its value.
 * @param[out] out       the operand, flagged IPOFACTS_RATIO_FLAG_REPORTED
 * @param[in]  value     the stated value (the lower end of a range)
 * @param[in]  upper     the upper end of a range; NULL unless @p qualifier is RANGE
 * @param[in]  decimals  precision, as XBRL's decimals (IPOFACTS_DECIMALS_INF when exact)
 * @param[in]  qualifier what the figure says about the true value
 * @param[in]  unit      its unit ("USD", "pure", "HKD/share", "HKD/USD", "USD/month"), at most 15 bytes
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL pointers, a bad range or
 *         qualifier; IPOFACTS_E_UNIT for a unit that is neither one of
 *         ipofacts_unit_classify() nor a currency per month, or does not fit.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_input(ipofacts_ratio *out, const ipofacts_decimal *value,
                                                  const ipofacts_decimal *upper, int32_t decimals,
                                                  ipofacts_qualifier qualifier, const char *unit);

/**
 * @brief Makes an operand from a reported fact (its value, interval and unit).
 * A range ("400 至 550") takes the midpoint as its value; a figure with an
 * open side ("超過 37 個月") takes the stated bound.
 * @param[out] out  the operand, flagged IPOFACTS_RATIO_FLAG_REPORTED
 * @param[in]  fact the fact (borrowed; not kept)
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL; IPOFACTS_E_UNIT when the
 *         fact's unit does not fit in ipofacts_ratio::unit.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_input_fact(ipofacts_ratio *out, const ipofacts_fact *fact);

/**
 * @brief Makes an operand from plain numbers, for callers that have no
 *        decimal (a value and the interval it may lie in).
 * @param[out] out      the operand
 * @param[in]  value    the value
 * @param[in]  interval the interval of true values; must contain @p value
 * @param[in]  unit     its unit, at most 15 bytes
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL pointers, NaN or infinite
 *         numbers, or a value outside the interval; IPOFACTS_E_UNIT.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_input_interval(ipofacts_ratio *out, double value,
                                                           const ipofacts_interval *interval, const char *unit);

/* ------------------------------------------------------------------ */
/* Ratios on values                                                    */
/* ------------------------------------------------------------------ */
/*
 * Every function below fills *out and returns IPOFACTS_OK when it could
 * look at its operands (whatever the ratio's own status), and
 * IPOFACTS_E_INVALID (with *out untouched) only when @p out is NULL. A NULL
 * operand gives status IPOFACTS_RATIO_MISSING_INPUT; an operand whose own
 * status is not OK passes that status on. Amounts must share a currency:
 * otherwise the status is IPOFACTS_RATIO_CURRENCY_MISMATCH.
 */

/** @brief Option of ipofacts_ratio_growth() and ipofacts_ratio_options: scale flows of
 *         different lengths to twelve months before comparing them. */
#define IPOFACTS_RATIO_ANNUALISE 1u

/**
 * @brief Year-over-year growth: current / prior - 1.
 *
 * Both flows must cover the same number of months (9 months against 9),
 * unless @p flags has IPOFACTS_RATIO_ANNUALISE, which scales each to twelve
 * months first. Two instants (months 0) compare as they are. A prior that
 * is zero or negative is refused: a loss narrowing from -100 to -50 is not
 * "-50% growth".
 * @param[out] out            growth as a fraction (7.822 for 782.2%), unit "pure"
 * @param[in]  current        the later value
 * @param[in]  current_months length of the current period (0 for an instant)
 * @param[in]  prior          the earlier value
 * @param[in]  prior_months   length of the prior period (0 for an instant)
 * @param[in]  flags          0 or IPOFACTS_RATIO_ANNUALISE
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR, NEGATIVE_BASE, DENOMINATOR_STRADDLES_ZERO,
 *         PERIOD_MISMATCH, CURRENCY_MISMATCH, UNIT_MISMATCH, MISSING_INPUT,
 *         INVALID_INPUT (negative months, an instant against a duration),
 *         OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_growth(ipofacts_ratio *out, const ipofacts_ratio *current,
                                                   int32_t current_months, const ipofacts_ratio *prior,
                                                   int32_t prior_months, uint32_t flags);

/**
 * @brief Compound annual growth rate: (last / first)^(1 / years) - 1.
 * @param[out] out   the rate as a fraction, unit "pure"
 * @param[in]  first the earlier value (must be positive)
 * @param[in]  last  the later value (must not be negative)
 * @param[in]  years years between them, more than 0
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR, NEGATIVE_BASE (a first value, or a last value,
 *         below zero), DENOMINATOR_STRADDLES_ZERO, CURRENCY_MISMATCH,
 *         UNIT_MISMATCH, MISSING_INPUT, INVALID_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_cagr(ipofacts_ratio *out, const ipofacts_ratio *first,
                                                 const ipofacts_ratio *last, double years);

/**
 * @brief Gross margin from revenue and cost of sales: 1 - cost / revenue.
 *
 * Written this way revenue appears once, so the interval is exact (up to
 * outward rounding) rather than widened by using revenue twice.
 * @param[out] out           the margin as a fraction, unit "pure", basis REVENUE_LESS_COST
 * @param[in]  revenue       revenue (must be positive)
 * @param[in]  cost_of_sales cost of sales, positive as reported
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR, NEGATIVE_BASE, DENOMINATOR_STRADDLES_ZERO,
 *         CURRENCY_MISMATCH, UNIT_MISMATCH, MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_gross_margin(ipofacts_ratio *out, const ipofacts_ratio *revenue,
                                                         const ipofacts_ratio *cost_of_sales);

/**
 * @brief Gross profit: revenue - cost of sales.
 * @param[out] out           the gross profit, in the inputs' currency
 * @param[in]  revenue       revenue
 * @param[in]  cost_of_sales cost of sales, positive as reported
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         CURRENCY_MISMATCH, UNIT_MISMATCH, INVALID_INPUT (a negative cost),
 *         MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_gross_profit(ipofacts_ratio *out, const ipofacts_ratio *revenue,
                                                         const ipofacts_ratio *cost_of_sales);

/**
 * @brief Gross margin from gross profit: gross profit / revenue.
 * @param[out] out          the margin, unit "pure", basis GROSS_PROFIT
 * @param[in]  gross_profit gross profit (negative for a gross loss)
 * @param[in]  revenue      revenue (must be positive)
 * @return As ipofacts_ratio_gross_margin().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_gross_margin_from_profit(ipofacts_ratio *out,
                                                                     const ipofacts_ratio *gross_profit,
                                                                     const ipofacts_ratio *revenue);

/**
 * @brief Net margin: net income / revenue (negative for a loss).
 * @param[out] out        the margin, unit "pure"
 * @param[in]  net_income net income, negative for a loss
 * @param[in]  revenue    revenue (must be positive)
 * @return As ipofacts_ratio_gross_margin().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_net_margin(ipofacts_ratio *out, const ipofacts_ratio *net_income,
                                                       const ipofacts_ratio *revenue);

/**
 * @brief Adjusted net margin: adjusted (non-GAAP) net income / revenue.
 * @param[out] out                 the margin, unit "pure"
 * @param[in]  adjusted_net_income adjusted net income, negative for a loss
 * @param[in]  revenue             revenue (must be positive)
 * @return As ipofacts_ratio_gross_margin().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_adjusted_net_margin(ipofacts_ratio *out,
                                                                const ipofacts_ratio *adjusted_net_income,
                                                                const ipofacts_ratio *revenue);

/**
 * @brief R&D intensity: R&D expense / revenue (3.374 for 337.4%).
 * @param[out] out        the intensity, unit "pure"
 * @param[in]  rd_expense R&D expense, positive as reported
 * @param[in]  revenue    revenue (must be positive)
 * @return As ipofacts_ratio_gross_margin().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_rd_intensity(ipofacts_ratio *out, const ipofacts_ratio *rd_expense,
                                                         const ipofacts_ratio *revenue);

/**
 * @brief A part's share of a whole: segment revenue / revenue.
 * @param[out] out   the share, unit "pure"
 * @param[in]  part  the segment's revenue (must not be negative)
 * @param[in]  whole the company's revenue (must be positive)
 * @return As ipofacts_ratio_gross_margin(), and INVALID_INPUT when the
 *         part's value is negative.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_share(ipofacts_ratio *out, const ipofacts_ratio *part,
                                                  const ipofacts_ratio *whole);

/**
 * @brief Customer concentration: the revenue of the @p top largest
 *        customers / revenue (top 1, top 5).
 *
 * The sum of the n largest values is non-decreasing in every value, so its
 * interval is the sum of the n largest lower bounds to the sum of the n
 * largest upper bounds, whatever the order of the true values.
 * @param[out] out       the share, unit "pure", basis CUSTOMER_REVENUE
 * @param[in]  customers revenue of each known customer (any order)
 * @param[in]  count     number of @p customers (at least @p top)
 * @param[in]  top       how many of the largest to add, at least 1
 * @param[in]  revenue   the company's revenue (must be positive)
 * @return IPOFACTS_OK, IPOFACTS_E_INVALID for a NULL @p out,
 *         IPOFACTS_E_NOMEM. Ratio statuses: as ipofacts_ratio_share();
 *         MISSING_INPUT when fewer
 *         than @p top customers are given or @p customers is NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_concentration(ipofacts_ratio *out, const ipofacts_ratio *customers,
                                                          size_t count, size_t top, const ipofacts_ratio *revenue);

/**
 * @brief Monthly burn: the outflow of a period divided by its months.
 *
 * The basis is the caller's and is carried in the result. On the cash
 * bases (OPERATING_CASH_FLOW, FREE_CASH_FLOW) @p flow is the operating cash
 * flow, and for FREE_CASH_FLOW @p capex (positive) is subtracted; on the
 * proxy bases (NET_INCOME, ADJUSTED_NET_INCOME) @p flow is the income, and
 * the result is flagged IPOFACTS_RATIO_FLAG_PROXY: a loss is not a cash
 * outflow. The burn is -(flow - capex) / months, positive when burning.
 * @param[out] out    the burn per month, unit "<currency>/month"
 * @param[in]  flow   the cash flow or income of the period (negative = outflow or loss)
 * @param[in]  capex  capital expenditure for FREE_CASH_FLOW, else NULL
 * @param[in]  months the period's length, at least 1
 * @param[in]  basis  one of the four burn bases
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         NOT_BURNING (the flow's value is not an outflow), MISSING_INPUT
 *         (@p flow, or @p capex on FREE_CASH_FLOW), INVALID_INPUT (months
 *         below 1, a basis that is not a burn basis), CURRENCY_MISMATCH,
 *         UNIT_MISMATCH, OVERFLOW, UNBOUNDED. The interval may reach zero
 *         or below when the flow's does: then the company may not be burning.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_monthly_burn(ipofacts_ratio *out, const ipofacts_ratio *flow,
                                                         const ipofacts_ratio *capex, int32_t months,
                                                         ipofacts_ratio_basis basis);

/**
 * @brief Cash runway in months: cash / monthly burn.
 *
 * The burn's basis and flags carry over. When the burn's interval reaches
 * zero or below (the company may not be burning) the runway has no upper
 * bound: the interval is open-ended above, the value still cash / burn.
 * @param[out] out  months of runway, unit "months"
 * @param[in]  cash cash at the start of the runway (not negative)
 * @param[in]  burn a result of ipofacts_ratio_monthly_burn(), unit "<currency>/month"
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         NOT_BURNING (the burn's value is zero or less), MISSING_INPUT,
 *         INVALID_INPUT (negative cash), CURRENCY_MISMATCH, UNIT_MISMATCH,
 *         OVERFLOW, UNBOUNDED, or the burn's own status.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_runway(ipofacts_ratio *out, const ipofacts_ratio *cash,
                                                   const ipofacts_ratio *burn);

/**
 * @brief Trailing twelve months: fiscal year + year to date - prior year to date.
 * @param[out] out          the TTM amount, in the inputs' unit, basis REPORTED_PRIOR
 * @param[in]  fiscal_year  the last full fiscal year (12 months)
 * @param[in]  fy_months    its length; must be 12
 * @param[in]  ytd          the year to date of the next fiscal year
 * @param[in]  ytd_months   its length, 1 to 11
 * @param[in]  prior_ytd    the same months one year earlier
 * @param[in]  prior_months its length; must equal @p ytd_months
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         PERIOD_MISMATCH, CURRENCY_MISMATCH, UNIT_MISMATCH, MISSING_INPUT,
 *         OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_ttm(ipofacts_ratio *out, const ipofacts_ratio *fiscal_year,
                                                int32_t fy_months, const ipofacts_ratio *ytd, int32_t ytd_months,
                                                const ipofacts_ratio *prior_ytd, int32_t prior_months);

/**
 * @brief The prior period's value implied by a current value and its
 *        reported growth: current / (1 + growth).
 *
 * The growth rate's interval carries over: 53437000 with growth 174.7%
 * (decimals 3) gives 19451765 within [53436500 / 2.7475, 53437500 / 2.7465].
 * @param[out] out     the implied prior value, flagged IPOFACTS_RATIO_FLAG_IMPLIED
 * @param[in]  current the current value
 * @param[in]  growth  the reported growth, unit "pure"
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR (growth of -100%), NEGATIVE_BASE (growth below
 *         -100%), DENOMINATOR_STRADDLES_ZERO, UNIT_MISMATCH, MISSING_INPUT,
 *         OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_implied_prior(ipofacts_ratio *out, const ipofacts_ratio *current,
                                                          const ipofacts_ratio *growth);

/**
 * @brief Trailing twelve months with the prior year to date implied by the
 *        year to date's reported growth: FY + YTD - YTD / (1 + g), computed
 *        as FY + YTD x g / (1 + g) so that the year to date is used once
 *        and the interval is tight.
 * @param[out] out         the TTM amount, basis IMPLIED_PRIOR, flagged IPOFACTS_RATIO_FLAG_IMPLIED
 * @param[in]  fiscal_year the last full fiscal year
 * @param[in]  fy_months   its length; must be 12
 * @param[in]  ytd         the year to date
 * @param[in]  ytd_months  its length, 1 to 11
 * @param[in]  growth      the year to date's reported growth over the same months a year earlier
 * @return As ipofacts_ratio_ttm(), and the statuses of ipofacts_ratio_implied_prior().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_ttm_from_growth(ipofacts_ratio *out, const ipofacts_ratio *fiscal_year,
                                                            int32_t fy_months, const ipofacts_ratio *ytd,
                                                            int32_t ytd_months, const ipofacts_ratio *growth);

/**
 * @brief First-day return: price / offer price - 1 (235.4 against 165 is 42.67%).
 * @param[out] out         the return as a fraction, unit "pure"
 * @param[in]  price       the opening (or closing) price, "<currency>/share"
 * @param[in]  offer_price the offer price, same unit
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR, NEGATIVE_BASE, DENOMINATOR_STRADDLES_ZERO,
 *         CURRENCY_MISMATCH, UNIT_MISMATCH, MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_first_day_return(ipofacts_ratio *out, const ipofacts_ratio *price,
                                                             const ipofacts_ratio *offer_price);

/**
 * @brief Implied share count: market capitalisation / price per share.
 * @param[out] out        the number of shares, unit "shares"
 * @param[in]  market_cap market capitalisation, a currency
 * @param[in]  price      price per share, "<same currency>/share"
 * @return As ipofacts_ratio_first_day_return().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_implied_shares(ipofacts_ratio *out, const ipofacts_ratio *market_cap,
                                                           const ipofacts_ratio *price);

/**
 * @brief Converts an amount at an exchange rate.
 *
 * A rate "Q/B" is Q per one B ("HKD/USD" 7.8: 7.8 HKD per dollar). An
 * amount in B is multiplied by it, an amount in Q divided; the rate's
 * interval (the HKD peg band 7.75-7.85) carries over. Amounts per share and
 * per month convert the same way.
 * @param[out] out      the amount in @p currency, flagged IPOFACTS_RATIO_FLAG_CONVERTED
 * @param[in]  amount   the amount
 * @param[in]  rate     the exchange rate, unit "Q/B" with the amount's currency as Q or B
 * @param[in]  currency the currency to convert to (the rate's other side)
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         CURRENCY_MISMATCH (the rate is not between the two currencies),
 *         UNIT_MISMATCH (the amount has no currency or the rate is not a
 *         rate), ZERO_DENOMINATOR, NEGATIVE_BASE (a negative rate),
 *         DENOMINATOR_STRADDLES_ZERO, MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_convert(ipofacts_ratio *out, const ipofacts_ratio *amount,
                                                    const ipofacts_ratio *rate, const char *currency);

/**
 * @brief Price-to-sales: market capitalisation / revenue (TTM or fiscal year).
 *
 * When the two are in different currencies, @p rate (between exactly those
 * two) converts the market capitalisation into the revenue's currency;
 * without it the ratio is refused.
 * @param[out] out        the multiple, unit "multiple"
 * @param[in]  market_cap market capitalisation
 * @param[in]  revenue    twelve months of revenue (must be positive)
 * @param[in]  rate       exchange rate between the currencies, or NULL
 * @return As ipofacts_ratio_first_day_return(), and the statuses of
 *         ipofacts_ratio_convert().
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_price_to_sales(ipofacts_ratio *out, const ipofacts_ratio *market_cap,
                                                           const ipofacts_ratio *revenue, const ipofacts_ratio *rate);

/**
 * @brief The exchange rate implied by a conversion: quote amount / base
 *        amount ("5343.7 萬美元 (约合 3.7 亿元人民币)" gives 6.92 CNY/USD).
 * @param[out] out   the rate, unit "<quote>/<base>"
 * @param[in]  quote the converted amount (of the same sign as @p base: a converted loss is negative in both)
 * @param[in]  base  the amount it converts, in another currency (not zero)
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         ZERO_DENOMINATOR, NEGATIVE_BASE, DENOMINATOR_STRADDLES_ZERO,
 *         UNIT_MISMATCH (not two amounts in different currencies),
 *         INVALID_INPUT, MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_implied_rate(ipofacts_ratio *out, const ipofacts_ratio *quote,
                                                         const ipofacts_ratio *base);

/**
 * @brief Value of a holding: ownership stake x market capitalisation.
 * @param[out] out        the value, in the market capitalisation's currency
 * @param[in]  stake      the holder's stake, unit "pure" (0.1061 for 10.61%), 0 to 1
 * @param[in]  market_cap market capitalisation, a currency
 * @return IPOFACTS_OK or IPOFACTS_E_INVALID. Ratio statuses: OK,
 *         UNIT_MISMATCH, INVALID_INPUT (a stake below 0 or above 1),
 *         MISSING_INPUT, OVERFLOW, UNBOUNDED.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_holding_value(ipofacts_ratio *out, const ipofacts_ratio *stake,
                                                          const ipofacts_ratio *market_cap);

/* ------------------------------------------------------------------ */
/* Ratios on a company                                                 */
/* ------------------------------------------------------------------ */

/** @brief Which ratio ipofacts_company_ratio() computes. The numbers are part of the ABI. */
typedef enum ipofacts_ratio_kind {
    IPOFACTS_RATIO_KIND_GROWTH = 1,              /**< Year-over-year growth of a concept (default revenue). */
    IPOFACTS_RATIO_KIND_CAGR = 2,                /**< CAGR of a concept from a base period (default: the earliest
                                                      of the same length and fiscal alignment). */
    IPOFACTS_RATIO_KIND_GROSS_MARGIN = 3,        /**< Gross margin, from gross profit or revenue less cost. */
    IPOFACTS_RATIO_KIND_NET_MARGIN = 4,          /**< Net income / revenue. */
    IPOFACTS_RATIO_KIND_ADJUSTED_NET_MARGIN = 5, /**< Adjusted net income / revenue. */
    IPOFACTS_RATIO_KIND_RD_INTENSITY = 6,        /**< R&D expense / revenue. */
    IPOFACTS_RATIO_KIND_SEGMENT_SHARE = 7,       /**< A segment's revenue / revenue (segment required). */
    IPOFACTS_RATIO_KIND_TOP1_CUSTOMER_SHARE = 8, /**< The largest customer's revenue / revenue. */
    IPOFACTS_RATIO_KIND_TOP5_CUSTOMER_SHARE = 9, /**< The five largest customers' revenue / revenue. */
    IPOFACTS_RATIO_KIND_MONTHLY_BURN = 10,       /**< Outflow per month on a basis (a duration period). */
    IPOFACTS_RATIO_KIND_RUNWAY = 11,             /**< Cash at an instant / the burn of the duration ending then. */
    IPOFACTS_RATIO_KIND_TTM = 12,                /**< Trailing twelve months of a concept ending with a period. */
    IPOFACTS_RATIO_KIND_FIRST_DAY_RETURN = 13,   /**< Opening price / offer price - 1. */
    IPOFACTS_RATIO_KIND_IMPLIED_SHARES = 14,     /**< Market capitalisation / opening price. */
    IPOFACTS_RATIO_KIND_MARKET_CAP = 15,         /**< Market capitalisation in another currency (default: the
                                                      reporting currency). */
    IPOFACTS_RATIO_KIND_PRICE_TO_SALES = 16,     /**< Market capitalisation / TTM (or fiscal-year) revenue. */
    IPOFACTS_RATIO_KIND_HOLDING_VALUE = 17,      /**< A holder's stake (segment) x market capitalisation. */
    IPOFACTS_RATIO_KIND_IMPLIED_RATE = 18,       /**< The exchange rate an article used: an amount converted
                                                      ("约合 3.7 亿元人民币") over the amount it converts. */
    IPOFACTS_RATIO_KIND_GROSS_PROFIT = 19        /**< Revenue less cost of sales (an amount). */
} ipofacts_ratio_kind;

/** @brief One past the largest ratio kind of this version. */
#define IPOFACTS_RATIO_KIND_COUNT 20

/**
 * @brief The stable name of a ratio kind ("growth", "cagr",
 *        "gross_margin", "net_margin", "adjusted_net_margin",
 *        "rd_intensity", "segment_share", "top1_customer_share",
 *        "top5_customer_share", "monthly_burn", "runway", "ttm",
 *        "first_day_return", "implied_shares", "market_cap",
 *        "price_to_sales", "holding_value", "implied_rate", "gross_profit").
 * @param[in] kind the kind
 * @return A static string, or NULL for an unknown value.
 */
IPOFACTS_API const char *ipofacts_ratio_kind_name(ipofacts_ratio_kind kind);

/**
 * @brief Looks a ratio kind up by its stable name.
 * @param[out] out  the kind
 * @param[in]  name a name ipofacts_ratio_kind_name() returns
 * @return IPOFACTS_OK, IPOFACTS_E_NOT_FOUND, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_kind_from_name(ipofacts_ratio_kind *out, const char *name);

/**
 * @brief The concept id of the reported figure a ratio kind corresponds to
 *        ("gross_margin" for GROSS_MARGIN, "revenue_growth" for the growth
 *        of revenue), so a computed ratio can be set beside the reported one.
 * @param[in] kind       the kind
 * @param[in] concept_id for GROWTH: the concept grown ("revenue",
 *                       "segment_revenue"); ignored otherwise; NULL means "revenue"
 * @return A static string, or NULL when no concept reports that ratio.
 */
IPOFACTS_API const char *ipofacts_ratio_kind_reported_concept(ipofacts_ratio_kind kind, const char *concept_id);

/** @brief The version of ::ipofacts_ratio_options this header describes. */
#define IPOFACTS_RATIO_OPTIONS_VERSION 1

/**
 * @brief Choices for ipofacts_company_ratio(). Start from
 *        IPOFACTS_RATIO_OPTIONS_INIT or ipofacts_ratio_options_init(); every
 *        member left at its initial value means "the default". Pointers are
 *        borrowed for the duration of the call only.
 */
typedef struct ipofacts_ratio_options {
    uint32_t version;                    /**< IPOFACTS_RATIO_OPTIONS_VERSION. */
    uint32_t flags;                      /**< 0 or IPOFACTS_RATIO_ANNUALISE. */
    ipofacts_ratio_basis basis;          /**< Burn and runway: the burn basis (default NET_INCOME).
                                              Gross margin: GROSS_PROFIT or REVENUE_LESS_COST (default:
                                              gross profit when reported, else revenue less cost). */
    uint32_t reserved0;                  /**< Zero. */
    const char *concept_id;              /**< GROWTH, CAGR, TTM: the concept (default "revenue"). */
    const char *segment;                 /**< SEGMENT_SHARE: the segment; HOLDING_VALUE: the holder;
                                              GROWTH, CAGR, TTM: the segment of the concept (default none). */
    const char *cash_concept_id;         /**< RUNWAY: "cash" (default) or "cash_and_investments". */
    const char *currency;                /**< MARKET_CAP: the currency to convert to (default: the
                                              company's reporting currency, else "USD"). IMPLIED_RATE:
                                              the currency converted from (default: the reporting
                                              currency). */
    const ipofacts_period *base_period;  /**< GROWTH, CAGR: compare with this period instead of the one
                                              found; RUNWAY: take the burn from this duration. */
    const ipofacts_fact *rate;           /**< MARKET_CAP, PRICE_TO_SALES: the exchange-rate fact to use
                                              (default: the dataset's rate for the currency pair whose
                                              date is nearest). */
    const ipofacts_fact *fact;           /**< The reported figure to start from instead of the preferred
                                              one: the market capitalisation of IMPLIED_SHARES, MARKET_CAP,
                                              PRICE_TO_SALES and HOLDING_VALUE (a company may report several
                                              in one day: at the opening, at the close); the converted
                                              amount of IMPLIED_RATE. */
    uint64_t reserved[4];                /**< Zero. */
} ipofacts_ratio_options;

/** @brief Initial value of an ::ipofacts_ratio_options: every choice at its default. */
#define IPOFACTS_RATIO_OPTIONS_INIT {IPOFACTS_RATIO_OPTIONS_VERSION, 0, IPOFACTS_BASIS_DEFAULT, 0, NULL, NULL, \
                                     NULL, NULL, NULL, NULL, NULL, {0, 0, 0, 0}}

/**
 * @brief Sets @p options to IPOFACTS_RATIO_OPTIONS_INIT (for FFI callers).
 * @param[out] options the options
 * @param[in]  version IPOFACTS_RATIO_OPTIONS_VERSION
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL or a version this library does not know.
 */
IPOFACTS_API ipofacts_status ipofacts_ratio_options_init(ipofacts_ratio_options *options, uint32_t version);

/**
 * @brief A ratio computed from a dataset, with everything needed to explain
 *        it. Opaque; owned by the caller, freed with ipofacts_derived_free().
 *        It borrows from the dataset, which must outlive it.
 */
typedef struct ipofacts_derived ipofacts_derived;

/**
 * @brief Computes one ratio of a company for a period from the preferred
 *        facts of the dataset.
 *
 * @p period is a duration for flow ratios (growth, margins, intensity,
 * shares, burn, TTM), an instant for RUNWAY (the cash date), and the period
 * of the prices or market capitalisation for FIRST_DAY_RETURN,
 * IMPLIED_SHARES, MARKET_CAP, PRICE_TO_SALES and HOLDING_VALUE. GROWTH
 * compares with the period of the same length ending twelve months earlier
 * (FY2024 with FY2023, 9M2025 with 9M2024), matched within 7 days so that
 * 52/53-week fiscal years compare: a period whose start and end are each
 * within 7 days of the dates twelve months earlier and whose length is within
 * 7 days of @p period's matches, the exact one first, then the closest; a
 * period of another length ending then is refused (PERIOD_MISMATCH) unless
 * the options ask to annualise. TTM of a year to date (9M2025) adds the
 * fiscal year before it and subtracts the same months a year earlier, each
 * matched the same way; when those are not reported but the year to
 * date's growth is, the prior year to date is implied from it and carries
 * its interval. RUNWAY divides the cash at the instant by the burn of the
 * shortest duration ending on that day. PRICE_TO_SALES takes the TTM revenue
 * of the latest reported period before the market capitalisation's date
 * (or, failing that, the latest fiscal year), converting currencies at the
 * dataset's exchange-rate facts (through USD when there is no direct rate).
 * A ratio that cannot be computed is still returned, with its status.
 * @param[out] out     the derivation; free it with ipofacts_derived_free()
 * @param[in]  company the company
 * @param[in]  kind    which ratio
 * @param[in]  period  a period of @p company
 * @param[in]  options choices, or NULL for the defaults
 * @return IPOFACTS_OK (look at the ratio's status); IPOFACTS_E_INVALID for
 *         NULL pointers, an unknown kind or options version, a period of
 *         another company, a segment-less SEGMENT_SHARE or HOLDING_VALUE;
 *         IPOFACTS_E_NOMEM.
 */
IPOFACTS_API ipofacts_status ipofacts_company_ratio(ipofacts_derived **out, const ipofacts_company *company,
                                                    ipofacts_ratio_kind kind, const ipofacts_period *period,
                                                    const ipofacts_ratio_options *options);

/**
 * @brief Frees a derivation and its nested derivations.
 * @param[in] derived the derivation; NULL is allowed
 */
IPOFACTS_API void ipofacts_derived_free(ipofacts_derived *derived);

/**
 * @brief The computed ratio.
 * @param[in] derived the derivation
 * @return Borrowed; valid until ipofacts_derived_free(). NULL for NULL.
 */
IPOFACTS_API const ipofacts_ratio *ipofacts_derived_ratio(const ipofacts_derived *derived);

/**
 * @brief Which ratio a derivation computes.
 * @param[in] derived the derivation
 * @return The kind, or 0 for NULL.
 */
IPOFACTS_API ipofacts_ratio_kind ipofacts_derived_kind(const ipofacts_derived *derived);

/**
 * @brief The company of a derivation.
 * @param[in] derived the derivation
 * @return Borrowed company.
 */
IPOFACTS_API const ipofacts_company *ipofacts_derived_company(const ipofacts_derived *derived);

/**
 * @brief The period a derivation was asked for.
 * @param[in] derived the derivation
 * @return Borrowed period.
 */
IPOFACTS_API const ipofacts_period *ipofacts_derived_period(const ipofacts_derived *derived);

/**
 * @brief First day of what the ratio covers (a TTM's first day is not the
 *        period's); precision UNKNOWN for an instant.
 * @param[in] derived the derivation
 * @return The date.
 */
IPOFACTS_API ipofacts_date ipofacts_derived_start(const ipofacts_derived *derived);

/**
 * @brief Last day of what the ratio covers, or its instant.
 * @param[in] derived the derivation
 * @return The date.
 */
IPOFACTS_API ipofacts_date ipofacts_derived_end(const ipofacts_derived *derived);

/**
 * @brief A label for what the ratio covers: the period's label ("FY2024"),
 *        or "TTM to 2025-09-30".
 * @param[in] derived the derivation
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_derived_label(const ipofacts_derived *derived);

/**
 * @brief The concept a GROWTH, CAGR or TTM is of ("revenue"), or NULL.
 * @param[in] derived the derivation
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_derived_concept_id(const ipofacts_derived *derived);

/**
 * @brief The segment or holder a ratio is about, or NULL.
 * @param[in] derived the derivation
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_derived_segment(const ipofacts_derived *derived);

/**
 * @brief The formula in words ("1 - cost_of_sales / revenue").
 * @param[in] derived the derivation
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_derived_formula(const ipofacts_derived *derived);

/**
 * @brief The formula with the inputs' values and the result
 *        ("1 - 4314000 / 3460000 = -0.246821"), or the reason it could not be
 *        computed ("no cost_of_sales for FY2023").
 * @param[in] derived the derivation
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_derived_arithmetic(const ipofacts_derived *derived);

/**
 * @brief Number of inputs of a derivation (found or looked for).
 * @param[in] derived the derivation
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_derived_input_count(const ipofacts_derived *derived);

/**
 * @brief The role of an input in the formula ("revenue", "prior",
 *        "cost_of_sales", "rate", "burn").
 * @param[in] derived the derivation
 * @param[in] index   0 to count - 1
 * @return Borrowed string, or NULL when out of range.
 */
IPOFACTS_API const char *ipofacts_derived_input_role(const ipofacts_derived *derived, size_t index);

/**
 * @brief The value of an input as an operand (status MISSING_INPUT when it
 *        was looked for and not found).
 * @param[in] derived the derivation
 * @param[in] index   0 to count - 1
 * @return Borrowed, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_ratio *ipofacts_derived_input_value(const ipofacts_derived *derived, size_t index);

/**
 * @brief The reported fact an input is, or NULL when the input is itself
 *        derived (or missing).
 * @param[in] derived the derivation
 * @param[in] index   0 to count - 1
 * @return Borrowed fact, or NULL.
 */
IPOFACTS_API const ipofacts_fact *ipofacts_derived_input_fact(const ipofacts_derived *derived, size_t index);

/**
 * @brief The derivation of an input that is itself derived (a TTM inside a
 *        price-to-sales, a burn inside a runway), or NULL for a reported one.
 * @param[in] derived the derivation
 * @param[in] index   0 to count - 1
 * @return Borrowed; valid as long as @p derived.
 */
IPOFACTS_API const ipofacts_derived *ipofacts_derived_input_derived(const ipofacts_derived *derived, size_t index);

/**
 * @brief Explains a derivation in a few lines of text: the result (marked
 *        derived) with its interval and status, the formula, the arithmetic,
 *        and each input with its value, unit, precision, period and sources
 *        (id and literal text); derived inputs are explained in turn,
 *        indented.
 * @param[out] out     a NUL-terminated UTF-8 string; free it with ipofacts_string_free()
 * @param[in]  derived the derivation
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_derived_explain(char **out, const ipofacts_derived *derived);

/**
 * @brief Every ratio of a company or dataset. Opaque; owned by the caller,
 *        freed with ipofacts_ratio_set_free(); borrows from the dataset.
 */
typedef struct ipofacts_ratio_set ipofacts_ratio_set;

/**
 * @brief Computes every ratio of a company: each kind for each period where
 *        its inputs are reported, each burn basis, each cash concept, each
 *        segment and holder, each market capitalisation of a day. Ratios
 *        whose inputs are missing are left out, except a runway whose cash
 *        is reported (every burn basis of it is listed, a missing one with
 *        status MISSING_INPUT); ratios refused for another reason (a
 *        negative base, not burning, periods of different lengths) are kept
 *        with their status.
 * @param[out] out     the set; free it with ipofacts_ratio_set_free()
 * @param[in]  company the company
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_company_ratios(ipofacts_ratio_set **out, const ipofacts_company *company);

/**
 * @brief ipofacts_company_ratios() for every company of a dataset, in order.
 * @param[out] out     the set; free it with ipofacts_ratio_set_free()
 * @param[in]  dataset the dataset
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_ratios(ipofacts_ratio_set **out, const ipofacts_dataset *dataset);

/**
 * @brief Number of ratios in a set.
 * @param[in] set the set
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_ratio_set_count(const ipofacts_ratio_set *set);

/**
 * @brief The ratio at @p index: companies in dataset order, then kinds in
 *        enum order, then periods in file order.
 * @param[in] set   the set
 * @param[in] index 0 to count - 1
 * @return Borrowed; valid until ipofacts_ratio_set_free(). NULL when out of range.
 */
IPOFACTS_API const ipofacts_derived *ipofacts_ratio_set_at(const ipofacts_ratio_set *set, size_t index);

/**
 * @brief Frees a set and every derivation in it.
 * @param[in] set the set; NULL is allowed
 */
IPOFACTS_API void ipofacts_ratio_set_free(ipofacts_ratio_set *set);

/* ------------------------------------------------------------------ */
/* Values only (since 1.1)                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief Computes one ratio of a company for a period, values only: the
 *        same rules, inputs and result as ipofacts_company_ratio() without
 *        the derivation object and its text.
 *
 * @p out is bit for bit the ::ipofacts_ratio that
 * ipofacts_derived_ratio() gives for a derivation of the same arguments.
 * No text is written and nothing outlives the call; memory is allocated
 * (and freed) within it only for the working arrays of a customer
 * concentration and for a ratio of more than a dozen inputs.
 *
 * Thread safety: reads the dataset only; may run in any number of threads
 * at once. @p out belongs to the caller. Since 1.1.
 * @param[out] out     the ratio (look at its status); all zero on failure
 * @param[in]  company the company
 * @param[in]  kind    which ratio
 * @param[in]  period  a period of @p company
 * @param[in]  options choices, or NULL for the defaults; borrowed for the call
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID as ipofacts_company_ratio();
 *         IPOFACTS_E_NOMEM.
 */
IPOFACTS_API ipofacts_status ipofacts_company_ratio_value(ipofacts_ratio *out, const ipofacts_company *company,
                                                          ipofacts_ratio_kind kind, const ipofacts_period *period,
                                                          const ipofacts_ratio_options *options);

/**
 * @brief One row of an ::ipofacts_ratio_table: which ratio of what, with
 *        the options it was computed with, and its value. The layout is
 *        frozen; pointers borrow from the dataset (or are static strings of
 *        the library) and stay valid as long as the dataset.
 *
 * ipofacts_company_ratio() of @c company, @c kind and @c period with
 * options whose @c basis, @c concept_id, @c cash_concept_id, @c segment and
 * @c fact are the row's gives a derivation whose ratio equals @c ratio.
 */
typedef struct ipofacts_ratio_row {
    const ipofacts_company *company; /**< The company. */
    const ipofacts_period *period;   /**< The period the ratio is of. */
    ipofacts_ratio_kind kind;        /**< Which ratio. */
    ipofacts_ratio_basis basis;      /**< The basis asked for (burn, runway), else IPOFACTS_BASIS_DEFAULT. */
    const char *concept_id;          /**< GROWTH, CAGR: the concept; NULL for the default ("revenue"). */
    const char *cash_concept_id;     /**< RUNWAY: the cash concept; NULL otherwise. */
    const char *segment;             /**< The segment or holder, or NULL. */
    const ipofacts_fact *fact;       /**< The reported figure started from (a market capitalisation, a
                                          converted amount), or NULL. */
    ipofacts_ratio ratio;            /**< The ratio. */
    uint64_t reserved[2];            /**< Zero. */
} ipofacts_ratio_row;

/**
 * @brief Every ratio of a company or dataset as values only: an array of
 *        ::ipofacts_ratio_row. Opaque; owned by the caller, freed with
 *        ipofacts_ratio_table_free(); borrows from the dataset. Since 1.1.
 */
typedef struct ipofacts_ratio_table ipofacts_ratio_table;

/**
 * @brief Computes every ratio of every company of a dataset, values only:
 *        the ratios ipofacts_dataset_ratios() gives, in the same order and
 *        with identical results, as one array of rows.
 *
 * Look-ups (the preferred fact of a concept in a period, the comparable
 * periods, the exchange rates) are made once per company and shared by
 * its ratios; no text is written.
 *
 * Thread safety: reads the dataset only; may run in any number of threads
 * at once. Since 1.1.
 * @param[out] out        the table; free it with ipofacts_ratio_table_free()
 * @param[in]  dataset    the dataset
 * @param[in]  kinds      the kinds wanted (any order; repeats ignored), or
 *                        NULL for every kind; rows still come in the order
 *                        of ipofacts_dataset_ratios() (companies, kinds in
 *                        enum order, periods)
 * @param[in]  kind_count the number of @p kinds; 0 with NULL @p kinds
 * @return IPOFACTS_OK; IPOFACTS_E_INVALID for NULL pointers, an unknown
 *         kind, or NULL @p kinds with a nonzero count; IPOFACTS_E_NOMEM.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_ratio_table(ipofacts_ratio_table **out, const ipofacts_dataset *dataset,
                                                          const ipofacts_ratio_kind *kinds, size_t kind_count);

/**
 * @brief ipofacts_dataset_ratio_table() for one company: the ratios
 *        ipofacts_company_ratios() gives, values only. Since 1.1.
 *
 * Thread safety: as ipofacts_dataset_ratio_table().
 * @param[out] out        the table; free it with ipofacts_ratio_table_free()
 * @param[in]  company    the company
 * @param[in]  kinds      the kinds wanted, or NULL for every kind
 * @param[in]  kind_count the number of @p kinds; 0 with NULL @p kinds
 * @return As ipofacts_dataset_ratio_table().
 */
IPOFACTS_API ipofacts_status ipofacts_company_ratio_table(ipofacts_ratio_table **out, const ipofacts_company *company,
                                                          const ipofacts_ratio_kind *kinds, size_t kind_count);

/**
 * @brief Number of rows of a table.
 * @param[in] table the table
 * @return The count (0 for NULL). Since 1.1.
 */
IPOFACTS_API size_t ipofacts_ratio_table_count(const ipofacts_ratio_table *table);

/**
 * @brief The rows of a table, contiguous: ipofacts_ratio_table_count()
 *        of them. Thread safety: the table is not changed after it is
 *        made; any number of threads may read it. Since 1.1.
 * @param[in] table the table
 * @return Borrowed; valid until ipofacts_ratio_table_free(). NULL for NULL
 *         or an empty table.
 */
IPOFACTS_API const ipofacts_ratio_row *ipofacts_ratio_table_rows(const ipofacts_ratio_table *table);

/**
 * @brief The row at @p index.
 * @param[in] table the table
 * @param[in] index 0 to count - 1
 * @return Borrowed; valid until ipofacts_ratio_table_free(). NULL when out
 *         of range. Since 1.1.
 */
IPOFACTS_API const ipofacts_ratio_row *ipofacts_ratio_table_at(const ipofacts_ratio_table *table, size_t index);

/**
 * @brief sizeof(::ipofacts_ratio_row) in this library, for FFI callers
 *        that read the rows as bytes.
 * @return The size in bytes. Since 1.1.
 */
IPOFACTS_API size_t ipofacts_ratio_row_size(void);

/**
 * @brief Frees a table.
 * @param[in] table the table; NULL is allowed. Since 1.1.
 */
IPOFACTS_API void ipofacts_ratio_table_free(ipofacts_ratio_table *table);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_RATIOS_H */
