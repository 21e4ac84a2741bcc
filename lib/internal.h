/*
 * Internal helpers shared by the modules of libipofacts: error reporting and
 * string duplication. Not installed; nothing here is exported.
 */
#ifndef IPOFACTS_LIB_INTERNAL_H
#define IPOFACTS_LIB_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "ipofacts/common.h"

#if defined(__GNUC__)
#define IPF_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define IPF_PRINTF(fmt_index, first_arg)
#endif

/*
 * Fills *e (when e is not NULL): every field is cleared first, then status,
 * line, column, offset are stored, file and path are copied (NULL means
 * empty), and the message is formatted from fmt. Text that does not fit is
 * cut at a UTF-8 character boundary, so the fields stay valid UTF-8 when the
 * input is.
 */
void ipf_error_set(ipofacts_error *e, ipofacts_status st, const char *file, uint32_t line, uint32_t col,
                   uint64_t offset, const char *path, const char *fmt, ...) IPF_PRINTF(8, 9);

/* The same with a va_list. */
void ipf_error_setv(ipofacts_error *e, ipofacts_status st, const char *file, uint32_t line, uint32_t col,
                    uint64_t offset, const char *path, const char *fmt, va_list ap) IPF_PRINTF(8, 0);

/* Clears every field of *e (status IPOFACTS_OK); e may be NULL. */
void ipf_error_clear(ipofacts_error *e);

/*
 * Copies the NUL-terminated src into dst of the given size, cutting it at a
 * UTF-8 character boundary when it does not fit. dst is always
 * NUL-terminated when size > 0. Returns 1 when all of src was copied, 0 when
 * it was cut.
 */
int ipf_copy_utf8(char *dst, size_t size, const char *src);

/* A malloc'd copy of s; NULL when s is NULL or memory runs out. */
char *ipf_strdup(const char *s);

/*
 * A malloc'd, NUL-terminated copy of the first n bytes of s (fewer when s
 * has a NUL before); NULL when s is NULL or memory runs out.
 */
char *ipf_strndup(const char *s, size_t n);

#endif /* IPOFACTS_LIB_INTERNAL_H */
