/*
 * The built-in dataset: data/builtin.json, compiled into the library as
 * bytes (cmake/embed.cmake) and loaded like any other dataset.
 */
#include "builtin.h"
#include "ipofacts/dataset.h"

IPOFACTS_API ipofacts_status ipofacts_dataset_open_builtin(ipofacts_dataset **out)
{
    if (out == NULL)
        return IPOFACTS_E_INVALID;
    /* The built-in text is checked by the tests, so in a released library
     * the only failure left is a lack of memory. */
    return ipofacts_dataset_load_buffer(out, (const char *)ipf_builtin_json, ipf_builtin_json_len, NULL);
}
