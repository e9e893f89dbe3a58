/*
 * The rule catalogue behind fl_checker_rules: the built-in rules' table
 * (builtin.c) and lists made of it and of the rule packs (list.c).
 */
#ifndef FL_RULES_RULES_H
#define FL_RULES_RULES_H

#include "../common.h"

/* The built-in rules, in the order the checks run; static, *count of
 * them. Their descriptions live here and nowhere else. */
const fl_rule_info *fl__builtin_rules(size_t *count);

/*
 * Builds a rule list: built-in rules and the packs of data_dir for
 * canonical tag (NULL: every pack). *out: caller frees with
 * fl_rule_list_free. err gets the message. Returns 0 or a negative code.
 */
int fl__rule_list_build(fl_rule_list **out, const char *data_dir,
                        const char *tag, char *err, size_t errlen);

#endif
