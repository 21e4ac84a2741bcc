/**
 * @file ipofacts/ipofacts.h
 * @brief The umbrella header: include this one to use libipofacts.
 *
 * libipofacts holds typed, sourced facts about companies going public and
 * computes the ratios people quote about them, with intervals that say how
 * sure they are. See docs/getting-started.md.
 */
#ifndef IPOFACTS_IPOFACTS_H
#define IPOFACTS_IPOFACTS_H

#include "common.h"
#include "value.h"
#include "dataset.h"
#include "ratios.h"
#include "check.h"
#include "text.h"
#include "import.h"

#endif /* IPOFACTS_IPOFACTS_H */
