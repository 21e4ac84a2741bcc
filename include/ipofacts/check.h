/**
 * @file ipofacts/check.h
 * @brief Consistency check: every reported ratio, growth rate, share and
 *        holding value against the one computed from its parts, and every
 *        report of a figure against the other reports of it.
 *
 * The check is rounding-aware, so it lists only what the arithmetic
 * supports:
 * - two reports of the same concept, period, segment and unit conflict only
 *   when their intervals (ipofacts_fact_interval(): the stated precision and
 *   qualifier) cannot overlap; intervals that touch overlap;
 * - a reported ratio is consistent when some value of the computed interval
 *   rounds to it (its interval meets the computed one); when none rounds to
 *   it but some truncates to it (cutting the digits: 0.32681 to 32.6%), that
 *   is its own, weaker finding (IPOFACTS_FINDING_RATIO_TRUNCATED);
 * - market values move during a trading day, so reports of a market
 *   capitalisation on the same day are not compared with each other.
 *
 * The result is an owned list of findings; each names its kind and
 * severity, the facts and sources involved and gives a one-line explanation
 * with the arithmetic. The dataset is only read: any number of checks may
 * run at once.
 */
#ifndef IPOFACTS_CHECK_H
#define IPOFACTS_CHECK_H

#include "common.h"
#include "value.h"
#include "dataset.h"
#include "ratios.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What a finding is about. The numbers are part of the ABI; new kinds are appended. */
typedef enum ipofacts_finding_kind {
    IPOFACTS_FINDING_REPORT_CONFLICT = 1,        /**< Two reports of one figure whose intervals cannot overlap. */
    IPOFACTS_FINDING_RATIO_MISMATCH = 2,         /**< A reported ratio or growth rate that no value of the
                                                      computed interval rounds or truncates to. */
    IPOFACTS_FINDING_RATIO_TRUNCATED = 3,        /**< A reported ratio, share or value that some computed value
                                                      truncates to but none rounds to (weaker). */
    IPOFACTS_FINDING_SHARE_MISMATCH = 4,         /**< A reported share of revenue (a segment's, the largest
                                                      customers') that its parts do not give. */
    IPOFACTS_FINDING_HOLDING_VALUE_MISMATCH = 5, /**< A reported holding value that stake x market
                                                      capitalisation does not give. */
    IPOFACTS_FINDING_RUNWAY_CLAIM = 6,           /**< A reported cash runway that holds on no burn basis
                                                      (inconsistent) or only on some (a warning). */
    IPOFACTS_FINDING_AMOUNT_MISMATCH = 7,        /**< A reported amount that its parts do not give (gross
                                                      profit against revenue less cost of sales). */
    IPOFACTS_FINDING_PART_EXCEEDS_WHOLE = 8,     /**< A segment's revenue larger than the company's. */
    IPOFACTS_FINDING_CONVERSION_MISMATCH = 9     /**< Two currency conversions in one source at rates that
                                                      cannot be the same rate. */
} ipofacts_finding_kind;

/**
 * @brief The stable name of a finding kind ("report_conflict",
 *        "ratio_mismatch", "ratio_truncated", "share_mismatch",
 *        "holding_value_mismatch", "runway_claim", "amount_mismatch",
 *        "part_exceeds_whole", "conversion_mismatch").
 * @param[in] kind the kind
 * @return A static string, or NULL for an unknown value.
 */
IPOFACTS_API const char *ipofacts_finding_kind_name(ipofacts_finding_kind kind);

/** @brief How serious a finding is. The numbers are part of the ABI. */
typedef enum ipofacts_severity {
    IPOFACTS_SEVERITY_WARNING = 1,     /**< Weaker: explained by truncation, or true on some basis only. */
    IPOFACTS_SEVERITY_INCONSISTENT = 2 /**< The figures cannot all be right. */
} ipofacts_severity;

/**
 * @brief The stable name of a severity ("warning", "inconsistent").
 * @param[in] severity the severity
 * @return A static string, or NULL for an unknown value.
 */
IPOFACTS_API const char *ipofacts_severity_name(ipofacts_severity severity);

/** @brief The findings of a check. Opaque; owned by the caller, freed with ipofacts_findings_free(). */
typedef struct ipofacts_findings ipofacts_findings;
/** @brief One finding. Opaque; borrowed from its ipofacts_findings. */
typedef struct ipofacts_finding ipofacts_finding;

/**
 * @brief Checks every company of a dataset.
 * @param[out] out     the findings (possibly none); free them with ipofacts_findings_free()
 * @param[in]  dataset the dataset; it must outlive the findings, which borrow its facts
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_check_dataset(ipofacts_findings **out, const ipofacts_dataset *dataset);

/**
 * @brief Checks one company.
 * @param[out] out     the findings (possibly none); free them with ipofacts_findings_free()
 * @param[in]  company the company; its dataset must outlive the findings
 * @return IPOFACTS_OK, IPOFACTS_E_NOMEM, IPOFACTS_E_INVALID for NULL.
 */
IPOFACTS_API ipofacts_status ipofacts_check_company(ipofacts_findings **out, const ipofacts_company *company);

/**
 * @brief Frees findings and everything borrowed from them.
 * @param[in] findings the findings; NULL is allowed
 */
IPOFACTS_API void ipofacts_findings_free(ipofacts_findings *findings);

/**
 * @brief Number of findings.
 * @param[in] findings the findings
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_findings_count(const ipofacts_findings *findings);

/**
 * @brief Number of findings at least as serious as @p severity.
 * @param[in] findings the findings
 * @param[in] severity the least severity to count
 * @return The count (0 for NULL).
 */
IPOFACTS_API size_t ipofacts_findings_count_severity(const ipofacts_findings *findings, ipofacts_severity severity);

/**
 * @brief The finding at @p index: companies in dataset order, then kinds in
 *        enum order, then the order of the first fact in the file.
 * @param[in] findings the findings
 * @param[in] index    0 to count - 1
 * @return Borrowed; valid until ipofacts_findings_free(). NULL when out of range.
 */
IPOFACTS_API const ipofacts_finding *ipofacts_findings_at(const ipofacts_findings *findings, size_t index);

/**
 * @brief Kind of a finding.
 * @param[in] finding the finding
 * @return The kind, or 0 for NULL.
 */
IPOFACTS_API ipofacts_finding_kind ipofacts_finding_kind_of(const ipofacts_finding *finding);

/**
 * @brief Severity of a finding.
 * @param[in] finding the finding
 * @return The severity, or 0 for NULL.
 */
IPOFACTS_API ipofacts_severity ipofacts_finding_severity(const ipofacts_finding *finding);

/**
 * @brief The company a finding is about.
 * @param[in] finding the finding
 * @return Borrowed company.
 */
IPOFACTS_API const ipofacts_company *ipofacts_finding_company(const ipofacts_finding *finding);

/**
 * @brief The concept of the reported figure a finding is about ("revenue",
 *        "gross_margin", "holding_value").
 * @param[in] finding the finding
 * @return Borrowed string.
 */
IPOFACTS_API const char *ipofacts_finding_concept_id(const ipofacts_finding *finding);

/**
 * @brief The segment (or holder) of the figure, or NULL.
 * @param[in] finding the finding
 * @return Borrowed string, or NULL.
 */
IPOFACTS_API const char *ipofacts_finding_segment(const ipofacts_finding *finding);

/**
 * @brief The period of the figure.
 * @param[in] finding the finding
 * @return Borrowed period.
 */
IPOFACTS_API const ipofacts_period *ipofacts_finding_period(const ipofacts_finding *finding);

/**
 * @brief Number of reported facts involved: the reports compared, or the
 *        report first and then the facts it was recomputed from.
 * @param[in] finding the finding
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_finding_fact_count(const ipofacts_finding *finding);

/**
 * @brief A fact involved in a finding (its sources and literal texts are
 *        reached through dataset.h).
 * @param[in] finding the finding
 * @param[in] index   0 to count - 1
 * @return Borrowed fact, or NULL when out of range.
 */
IPOFACTS_API const ipofacts_fact *ipofacts_finding_fact(const ipofacts_finding *finding, size_t index);

/**
 * @brief Number of computations a finding compares with (one for a ratio,
 *        one per burn basis and cash concept for a runway claim, none for a
 *        conflict between reports).
 * @param[in] finding the finding
 * @return The count.
 */
IPOFACTS_API size_t ipofacts_finding_derived_count(const ipofacts_finding *finding);

/**
 * @brief A computation a finding compares with; explain it with
 *        ipofacts_derived_explain().
 * @param[in] finding the finding
 * @param[in] index   0 to count - 1
 * @return Borrowed; valid until ipofacts_findings_free(). NULL when out of range.
 */
IPOFACTS_API const ipofacts_derived *ipofacts_finding_derived(const ipofacts_finding *finding, size_t index);

/**
 * @brief One line in English that says what is wrong, with the values, the
 *        sources and the arithmetic: "revenue FY2023: 3460000 USD
 *        [3455000, 3465000] (shzqb-202512 "346 萬美元") and 3500000 USD
 *        [3495000, 3505000] (jdcj-202512 "350 萬美元") cannot both hold:
 *        3465000 < 3495000".
 * @param[in] finding the finding
 * @return Borrowed UTF-8 string.
 */
IPOFACTS_API const char *ipofacts_finding_message(const ipofacts_finding *finding);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_CHECK_H */
