/*
 * The rule catalogue behind fl_checker_rules: lists made of the registry
 * of checks (checks/registry.c) and of the rule packs (list.c).
 */
#ifndef FL_RULES_RULES_H
#define FL_RULES_RULES_H

#include "../common.h"

/*
 * Builds a rule list: the rules of the registry of checks, in the order
 * the checks run (descriptions: each check file's descriptor), and the
 * packs of data_dir for canonical tag (NULL: every pack); data_dir NULL:
 * the registry's rules only (no file is read). *out: caller frees
 * with fl_rule_list_free. err gets the message. Returns 0 or a negative code.
 */
int fl__rule_list_build(fl_rule_list **out, const char *data_dir,
                        const char *tag, char *err, size_t errlen);

#endif
