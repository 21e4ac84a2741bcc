/**
 * @file ipofacts/common.h
 * @brief Versions, statuses, error details and the export macros that every
 *        libipofacts header shares.
 *
 * Every fallible function of the library returns an ::ipofacts_status.
 * Functions that read files or text also fill a caller-provided
 * ::ipofacts_error with the place of the problem (line, column, JSON path,
 * byte offset). There is no hidden global error state, so any number of
 * threads may call the library at once.
 */
#ifndef IPOFACTS_COMMON_H
#define IPOFACTS_COMMON_H

#include <stddef.h>
#include <stdint.h>

/** @brief Major version: changes only on an incompatible ABI change. */
#define IPOFACTS_VERSION_MAJOR 1
/** @brief Minor version: new functions or enum values, compatible. */
#define IPOFACTS_VERSION_MINOR 1
/** @brief Patch version: fixes only. */
#define IPOFACTS_VERSION_PATCH 0
/** @brief The version as one number: major * 10000 + minor * 100 + patch. */
#define IPOFACTS_VERSION_NUMBER \
    (IPOFACTS_VERSION_MAJOR * 10000 + IPOFACTS_VERSION_MINOR * 100 + IPOFACTS_VERSION_PATCH)
/** @brief The version as a string, "major.minor.patch". */
#define IPOFACTS_VERSION_STRING "1.1.0"
/**
 * @brief True when the headers are at least version @p major.@p minor.@p patch.
 * @param major major version to compare with
 * @param minor minor version to compare with
 * @param patch patch version to compare with
 */
#define IPOFACTS_VERSION_CHECK(major, minor, patch) \
    (IPOFACTS_VERSION_NUMBER >= ((major) * 10000 + (minor) * 100 + (patch)))
/** @brief The ABI generation; equal to the SONAME's number. */
#define IPOFACTS_ABI_VERSION 1

/**
 * @brief Marks a public function. Defined empty when the compiler has no
 *        visibility attribute; define it yourself before including the
 *        header to override it (for FFI generators that want plain C).
 */
#ifndef IPOFACTS_API
#if defined(__GNUC__) && __GNUC__ >= 4
#define IPOFACTS_API __attribute__((visibility("default")))
#else
#define IPOFACTS_API
#endif
#endif

/**
 * @brief Marks a function that will be removed at the next major version.
 * @param msg what to use instead
 */
#ifndef IPOFACTS_DEPRECATED
#if defined(__GNUC__) && __GNUC__ >= 5
#define IPOFACTS_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#define IPOFACTS_DEPRECATED(msg)
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Result of every fallible function.
 *
 * The numbers are part of the ABI: they are never renumbered and a retired
 * code keeps its number.
 */
typedef enum ipofacts_status {
    IPOFACTS_OK = 0,                 /**< Success. */
    IPOFACTS_E_NOMEM = 1,            /**< Out of memory. */
    IPOFACTS_E_INVALID = 2,          /**< Invalid argument (a NULL pointer, an unknown enum value). */
    IPOFACTS_E_IO = 3,               /**< A file could not be opened, read, written or renamed. */
    IPOFACTS_E_SYNTAX = 4,           /**< Malformed input: not JSON, not a number, not a date. */
    IPOFACTS_E_SCHEMA = 5,           /**< Well-formed input of the wrong shape: a missing member, a wrong type. */
    IPOFACTS_E_VERSION = 6,          /**< A data format version this library does not read. */
    IPOFACTS_E_UTF8 = 7,             /**< Text that is not valid UTF-8. */
    IPOFACTS_E_DUPLICATE = 8,        /**< Two items with the same id where ids must be unique. */
    IPOFACTS_E_DATE = 9,             /**< An impossible date, or a period that ends before it starts. */
    IPOFACTS_E_UNIT = 10,            /**< A unit this library does not know. */
    IPOFACTS_E_OVERFLOW = 11,        /**< A result beyond the range of an exact decimal. */
    IPOFACTS_E_NOT_FOUND = 12,       /**< No such company, period, fact or member. */
    IPOFACTS_E_NO_AMOUNT = 13,       /**< Text that holds no amount. */
    IPOFACTS_E_TOO_LARGE = 14,       /**< Input beyond a documented limit (size, nesting, length). */
    IPOFACTS_E_RANGE = 15,           /**< A number the input format cannot carry exactly. */
    IPOFACTS_E_BUFFER = 16,          /**< A caller buffer too small for the result. */
    IPOFACTS_E_REFERENCE = 17        /**< A reference to an id that is not defined (a source, a period). */
} ipofacts_status;

/** @brief Size of ipofacts_error::message. */
#define IPOFACTS_ERROR_MESSAGE_SIZE 256
/** @brief Size of ipofacts_error::path. */
#define IPOFACTS_ERROR_PATH_SIZE 160
/** @brief Size of ipofacts_error::file. */
#define IPOFACTS_ERROR_FILE_SIZE 160

/**
 * @brief Where and why a load, import or parse failed.
 *
 * The caller owns it (usually on the stack) and passes it to a function
 * that may fail; the function fills it when it fails and clears it when it
 * succeeds. Fields that do not apply are 0 or empty. The struct's layout is
 * frozen.
 */
typedef struct ipofacts_error {
    ipofacts_status status;                   /**< The status the function returned. */
    uint32_t line;                            /**< 1-based line of the problem, 0 if unknown. */
    uint32_t column;                          /**< 1-based column in characters, 0 if unknown. */
    uint32_t reserved;                        /**< Zero. */
    uint64_t offset;                          /**< 0-based byte offset of the problem. */
    char file[IPOFACTS_ERROR_FILE_SIZE];      /**< File name, empty for a buffer. */
    char path[IPOFACTS_ERROR_PATH_SIZE];      /**< JSON path such as `$.companies[0].facts[3].value`, or empty. */
    char message[IPOFACTS_ERROR_MESSAGE_SIZE]; /**< One line, in English, that says what is wrong. */
} ipofacts_error;

/**
 * @brief Version of the library that is running (not the headers').
 * @return A static string such as "1.1.0"; never NULL.
 * Thread safety: may be called from any thread.
 */
IPOFACTS_API const char *ipofacts_version_string(void);

/**
 * @brief Version of the library that is running, as IPOFACTS_VERSION_NUMBER.
 * @return major * 10000 + minor * 100 + patch.
 */
IPOFACTS_API uint32_t ipofacts_version_number(void);

/**
 * @brief ABI generation of the library that is running.
 * @return IPOFACTS_ABI_VERSION of the build; FFI callers compare it with the
 *         generation they were written for.
 */
IPOFACTS_API uint32_t ipofacts_abi_version(void);

/**
 * @brief Names a status.
 * @param status any value, known or not
 * @return A static, human-readable string; "unknown status" for a value this
 *         version does not know. Never NULL.
 */
IPOFACTS_API const char *ipofacts_status_str(ipofacts_status status);

/**
 * @brief Formats an error as one line: `file:line:column: path: message`.
 *
 * Parts that are unknown are left out.
 * @param[in]  error the error to format
 * @param[out] buf   where to write; always NUL-terminated when @p size > 0
 * @param[in]  size  size of @p buf in bytes
 * @return IPOFACTS_OK, IPOFACTS_E_INVALID when @p error or @p buf is NULL,
 *         IPOFACTS_E_BUFFER when the line was cut to fit.
 */
IPOFACTS_API ipofacts_status ipofacts_error_format(const ipofacts_error *error, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* IPOFACTS_COMMON_H */
