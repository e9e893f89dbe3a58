/*
 * Runs the embedded examples of every rule of every rule pack (the way
 * LanguageTool runs the examples of its rule files): each `match` example
 * must match the rule's pattern and no `no_match` example may.
 *
 *   pack_examples DATA_DIR      every DATA_DIR/rules/packs/NAME.yaml
 *   pack_examples FILE.yaml...  the given packs
 *
 * Prints one line per failing rule and "N rules, N examples, N failed".
 */
#include "rules/pack.h"

#include <stdio.h>
#include <string.h>

static int run(fl__ruleset *set, size_t *examples)
{
	int failed = 0;

	for (size_t i = 0; i < set->count; i++) {
		char err[FL_ERRMSG_SIZE];
		const fl__rule *r = &set->rules[i];
		*examples += r->ex_match.count + r->ex_no_match.count;
		if (fl__rule_test_examples(r, err, sizeof(err)) < 0) {
			printf("FAIL %s\n", err);
			failed++;
		}
	}
	return failed;
}

int main(int argc, char **argv)
{
	fl__ruleset set = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE];
	size_t examples = 0;
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr,
		        "usage: pack_examples DATA_DIR | FILE.yaml...\n");
		return 2;
	}
	if (argc == 2 && !strstr(argv[1], ".yaml")) {
		if (fl__ruleset_load_all(&set, argv[1], err, sizeof(err)) < 0) {
			printf("FAIL %s\n", err);
			return 1;
		}
	} else {
		for (int a = 1; a < argc; a++)
			if (fl__ruleset_load_file(&set, argv[a], err,
			                          sizeof(err)) < 0) {
				printf("FAIL %s\n", err);
				fl__ruleset_dispose(&set);
				return 1;
			}
	}
	if (set.count == 0) {
		printf("FAIL no rules found\n");
		return 1;
	}
	failed = run(&set, &examples);
	printf("%zu rules, %zu examples, %d failed\n", set.count, examples,
	       failed);
	fl__ruleset_dispose(&set);
	return failed ? 1 : 0;
}
