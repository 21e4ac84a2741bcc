/**
 * @file ipofacts/import.h
 * @brief Importing foreign formats into a dataset: SEC EDGAR "companyfacts"
 *        JSON, with the mapping table from SEC XBRL concepts to ours.
 *
 * The SEC publishes every filer's XBRL facts as one companyfacts JSON file
 * (`cik`, `entityName`, then `facts` by taxonomy, concept and unit, each a
 * list of records with `start`, `end`, `val`, `accn`, `form`, `filed`). The
 * importer turns such a file into a dataset of one company whose facts use
 * the library's concepts (`revenue`, `net_income`, `cash`, ...), one source
 * per filing, periods classified from their dates, repeated reports merged
 * into one fact with several sources and restatements kept as separate
 * facts. docs/import-sec.md describes the rules, the mapping table and the
 * limits.
 *
 * All functions here may be called from any number of threads at once: they
 * keep no global state.
 */
#ifndef IPOFACTS_IMPORT_H
#define IPOFACTS_IMPORT_H

#include "common.h"
#include "value.h"
#include "dataset.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Largest companyfacts input the importer reads, in bytes (512 MiB). */
#define IPOFACTS_SEC_MAX_INPUT ((uint64_t)512 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* The mapping table                                                   */
/* ------------------------------------------------------------------ */

/** @brief ipofacts_sec_mapping::period_kind of a concept reported over a duration (revenue). */
#define IPOFACTS_SEC_DURATION 1u
/** @brief ipofacts_sec_mapping::period_kind of a concept reported at an instant (cash). */
#define IPOFACTS_SEC_INSTANT 2u

/**
 * @brief One row of the table that maps SEC XBRL concepts to the library's
 *        concepts. The layout is frozen.
 *
 * Several SEC concepts may map to one of ours (`us-gaap:Revenues` and
 * `us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax` both give
 * `revenue`); for each period the importer keeps the records of the one
 * with the smallest @c priority that reports the period and counts the
 * others as alternates (ipofacts_sec_import_summary::skipped_alternate).
 */
typedef struct ipofacts_sec_mapping {
    const char *taxonomy;    /**< "us-gaap", "ifrs-full" or "dei"; static. */
    const char *sec_concept; /**< The SEC concept name, "Revenues"; static. */
    const char *concept_id;  /**< Our concept id, "revenue" (see ipofacts_concept_id()); static. */
    uint32_t priority;       /**< 1 for the first choice among the rows with this concept_id, then 2, 3, ... */
    uint32_t period_kind;    /**< IPOFACTS_SEC_DURATION or IPOFACTS_SEC_INSTANT. */
    uint32_t unit_kind;      /**< The ipofacts_unit_kind the records must have (currency, count, per share). */
    uint32_t reserved;       /**< Zero. */
} ipofacts_sec_mapping;

/**
 * @brief Number of rows of the SEC mapping table.
 * @return The count; rows are numbered 0 to count - 1.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API size_t ipofacts_sec_mapping_count(void);

/**
 * @brief One row of the SEC mapping table, in priority order (the rows of
 *        one of our concepts are consecutive, first choice first).
 * @param[out] out   the row; its strings are static and never freed
 * @param[in]  index 0 to ipofacts_sec_mapping_count() - 1
 * @return IPOFACTS_OK; IPOFACTS_E_NOT_FOUND when @p index is out of range;
 *         IPOFACTS_E_INVALID when @p out is NULL.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_sec_mapping_get(ipofacts_sec_mapping *out, size_t index);

/* ------------------------------------------------------------------ */
/* Importing                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief What an import read, kept and skipped. The layout is frozen; the
 *        reserved counters are zero in this version.
 *
 * Every record of the file is counted once in @c records, and exactly one
 * of: @c records_imported, @c skipped_unmapped, @c skipped_unit,
 * @c skipped_period, @c skipped_alternate.
 */
typedef struct ipofacts_sec_import_summary {
    uint64_t records;           /**< Records read (entries of every `units` list of every concept). */
    uint64_t records_imported;  /**< Records that became a fact or another source of one. */
    uint64_t facts;             /**< Facts in the dataset. */
    uint64_t merged;            /**< Of the imported records, those that only added a source to a fact an
                                     earlier-read record with the same value made (the same figure filed again). */
    uint64_t restated;          /**< Facts that are an earlier value of a figure a later filing reported differently. */
    uint64_t periods;           /**< Periods in the dataset. */
    uint64_t sources;           /**< Sources (filings) in the dataset. */
    uint64_t concepts;          /**< SEC concepts in the file. */
    uint64_t concepts_mapped;   /**< Of them, those the mapping table covers. */
    uint64_t skipped_unmapped;  /**< Records of concepts the mapping table does not cover. */
    uint64_t skipped_unit;      /**< Records in a unit the importer does not know, or not of the concept's kind. */
    uint64_t skipped_period;    /**< Records with an instant where the concept wants a duration, or the reverse. */
    uint64_t skipped_alternate; /**< Records of an alternate concept for a period a preferred one reports. */
    uint64_t reserved[7];       /**< Zero. */
} ipofacts_sec_import_summary;

/**
 * @brief Imports an SEC EDGAR companyfacts JSON file as a dataset of one
 *        company.
 *
 * The dataset holds the company (id made from the entity name, English
 * name, the CIK as identifier `cik`, currency, fiscal year end taken from
 * the annual periods), one source per filing that reported an imported
 * fact, the periods, and the facts of the concepts the mapping table covers
 * (ipofacts_sec_mapping_get()). Values are exact; their `decimals` is the
 * number of digits the value shows (docs/import-sec.md explains why).
 * Either the whole file imports or nothing does: on failure @p out is NULL.
 * @param[out] out     the dataset; free it with ipofacts_dataset_free()
 * @param[in]  path    file name; at most IPOFACTS_SEC_MAX_INPUT bytes
 * @param[out] summary what was read, kept and skipped; may be NULL. Filled
 *                     on success, zeroed on failure.
 * @param[out] error   where and why the import failed (line, column and byte
 *                     offset in the file, JSON path such as
 *                     `$.facts["us-gaap"].Revenues.units.USD[3].val`); may be NULL
 * @return IPOFACTS_OK; IPOFACTS_E_IO when the file cannot be read;
 *         IPOFACTS_E_SYNTAX for text that is not JSON (a truncated file) or a
 *         date that is not YYYY-MM-DD; IPOFACTS_E_SCHEMA for a member that is
 *         missing or of the wrong type (a concept without units, a `val` that
 *         is a string, no `cik`); IPOFACTS_E_DATE for an impossible date or an
 *         `end` before `start`; IPOFACTS_E_RANGE for a `val` the input cannot
 *         carry exactly (an integer beyond 2^53 in magnitude, more digits than a
 *         double holds); IPOFACTS_E_DUPLICATE for a member given twice;
 *         IPOFACTS_E_UTF8 for a name that is not valid UTF-8 or holds a NUL;
 *         IPOFACTS_E_TOO_LARGE for a file over IPOFACTS_SEC_MAX_INPUT, nesting
 *         deeper than 64 or an over-long name; IPOFACTS_E_NOMEM;
 *         IPOFACTS_E_INVALID when @p out or @p path is NULL.
 * Ownership: the caller owns the dataset. Thread safety: may be called from
 * any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_import_sec_companyfacts_file(ipofacts_dataset **out, const char *path,
                                                                          ipofacts_sec_import_summary *summary,
                                                                          ipofacts_error *error);

/**
 * @brief Imports SEC EDGAR companyfacts JSON text held in memory, as
 *        ipofacts_dataset_import_sec_companyfacts_file() does.
 * @param[out] out     the dataset; free it with ipofacts_dataset_free()
 * @param[in]  data    the JSON text (need not be NUL-terminated); not kept
 * @param[in]  len     number of bytes; at most IPOFACTS_SEC_MAX_INPUT
 * @param[out] summary what was read, kept and skipped; may be NULL
 * @param[out] error   where and why the import failed; may be NULL
 * @return As ipofacts_dataset_import_sec_companyfacts_file(), except
 *         IPOFACTS_E_IO; IPOFACTS_E_INVALID when @p out is NULL, or @p data
 *         is NULL with @p len > 0.
 * Ownership: the caller owns the dataset; @p data stays the caller's.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API ipofacts_status ipofacts_dataset_import_sec_companyfacts_buffer(ipofacts_dataset **out, const char *data,
                                                                            size_t len,
                                                                            ipofacts_sec_import_summary *summary,
                                                                            ipofacts_error *error);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_IMPORT_H */
