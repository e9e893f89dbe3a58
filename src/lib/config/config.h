/*
 * Project configuration (.fidelint.yaml) and the rule policy of a run.
 */
#ifndef FL_CONFIG_CONFIG_H
#define FL_CONFIG_CONFIG_H

#include "../common.h"

/* Whether a finding of rule is reported under o's select, ignore and
 * severity; *severity is changed when o re-levels it. */
bool fl__policy_keep(const fl_check_options *o, const char *rule,
                     fl_severity *severity);

/* Drops and re-levels the findings of res as o says. */
void fl__policy_apply(fl_result *res, const fl_check_options *o);

#endif
