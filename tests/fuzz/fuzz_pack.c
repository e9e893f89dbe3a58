/*
 * libFuzzer target: rule packs (rules/packs/<tag>.yaml): the YAML reader,
 * the pack schema, PCRE2 compilation of each rule's patterns, and the
 * rules' embedded examples run against them.
 *
 * Input: byte 0 chooses the pack's tag (bits 0-5, mod 6: ar he pt fr de
 * en), as its file name would; the rest is the pack, for
 * fl__ruleset_parse (its `pack:` key must say the same). A failure must leave
 * the set empty with a message. A pack that loads is read back: every string of
 * every rule, fl__rule_applies_to for a few tags, and fl__rule_test_examples
 * (0, or FL_ERROR with a message). Parsing the same pack again into the same
 * set must be refused (duplicate rule ids) when it has rules, and leave the set
 * as it was.
 */
#include "fuzz.h"

#include "rules/pack.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	return 0;
}

static void touch_strv(const fl__strv *v)
{
	for (size_t i = 0; i < v->count; i++)
		fl_fuzz_touch(v->items[i]);
}

static void read_back(const fl__ruleset *set)
{
	static const char *const tags[] = {"pt", "pt-BR", "en", "ar", "he"};
	char err[FL_ERRMSG_SIZE];

	for (size_t i = 0; i < set->count; i++) {
		const fl__rule *r = &set->rules[i];
		int rc;
		EXPECT(r->id && r->pattern && r->message && r->re);
		fl_fuzz_touch(r->id);
		fl_fuzz_touch(r->pattern);
		fl_fuzz_touch(r->message);
		if (r->suggestion)
			fl_fuzz_touch(r->suggestion);
		if (r->rationale)
			fl_fuzz_touch(r->rationale);
		if (r->entity_matching)
			EXPECT(r->entity_re != NULL);
		touch_strv(&r->lack_entity);
		touch_strv(&r->have_entity);
		touch_strv(&r->have_term);
		touch_strv(&r->langs);
		touch_strv(&r->ex_match);
		touch_strv(&r->ex_no_match);
		for (size_t t = 0; t < FL_ARRAY_SIZE(tags); t++)
			(void)fl__rule_applies_to(r, tags[t]);
		err[0] = '\0';
		rc = fl__rule_test_examples(r, err, sizeof(err));
		EXPECT(rc == 0 || (rc == FL_ERROR && err[0]));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl__ruleset set = FL__RULESET_INIT;
	char err[FL_ERRMSG_SIZE] = "";
	const char *tag, *text;
	size_t count;
	int rc;

	if (size == 0)
		return 0;
	tag = FL_FUZZ_LANG(data[0]);
	text = (const char *)data + 1;
	rc = fl__ruleset_parse(&set, "fuzz.yaml", tag, text, size - 1, err,
	                       sizeof(err));
	if (rc < 0) {
		EXPECT(rc == FL_EPARSE || rc == FL_EENCODING ||
		       rc == FL_ELIMIT || rc == FL_ENOMEM);
		EXPECT(err[0] != '\0');
		EXPECT(set.count == 0);
		fl__ruleset_dispose(&set);
		return 0;
	}
	read_back(&set);
	count = set.count;
	err[0] = '\0';
	rc = fl__ruleset_parse(&set, "again.yaml", tag, text, size - 1, err,
	                       sizeof(err));
	if (count > 0)
		EXPECT(rc < 0 && err[0] != '\0');
	if (rc < 0)
		EXPECT(set.count == count);
	fl__ruleset_dispose(&set);
	return 0;
}
