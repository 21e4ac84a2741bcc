/* Internal: the bytes of data/builtin.json, generated at build time. */
#ifndef IPOFACTS_LIB_BUILTIN_H
#define IPOFACTS_LIB_BUILTIN_H
#include <stddef.h>
extern const unsigned char ipf_builtin_json[];
extern const size_t ipf_builtin_json_len;
#endif
