/*
 * placeholder.missing and placeholder.extra: the codes of a segment's
 * original (printf and brace placeholders, XLIFF inline codes), compared
 * by key with the codes of its translation.
 */
#ifndef FL_CHECKS_PLACEHOLDERS_H
#define FL_CHECKS_PLACEHOLDERS_H

#include "../common.h"

/*
 * Adds to res a finding for every code key of seg's source that its
 * target has fewer times (placeholder.missing, at the target's start) and
 * every one the target has more times (placeholder.extra, on the code).
 * Returns 0 or FL_ENOMEM.
 */
int fl__placeholders_check(fl_result *res, const fl_segment *seg);

#endif
