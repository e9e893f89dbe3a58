/*
 * libFuzzer target: the facts loader (YAML via libyaml, schema checks,
 * language tags, forbid patterns compiled by PCRE2).
 *
 * Each input is a facts file for fl_facts_load_buffer. When it loads, the
 * target reads it back through every accessor, checks that a second load
 * into the same facts is refused (FL_EINVAL), and then uses the facts for
 * one check: a short document made of a fixed sentence and each entity's
 * name and renderings, in a language chosen by the input's length, so that
 * the per-language fact indexes and the name checks see fuzzed facts too.
 * When it fails, the facts must stay empty and carry a message.
 */
#include "fuzz.h"

#include <string.h>

static fl_checker *checker;

static const char *const sentence[] = {
    "قالت الشركة إن الفريق الجديد بدأ العمل في 2025.",
    "החברה אמרה כי הצוות החדש התחיל לעבוד ב-2025.",
    "A empresa disse que a nova equipe começou em 2025.",
    "L'entreprise a dit que la nouvelle équipe a commencé en 2025.",
    "Das Unternehmen sagte, das neue Team habe 2025 begonnen.",
    "The company said the new team started work in 2025.",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_facts");
	return 0;
}

/* Appends s and a separator to buf (cap bytes), while it fits. */
static void add(char *buf, size_t cap, size_t *len, const char *s,
                const char *sep)
{
	size_t n = strlen(s), m = strlen(sep);
	if (*len + n + m + 1 > cap)
		return;
	memcpy(buf + *len, s, n);
	memcpy(buf + *len + n, sep, m);
	*len += n + m;
	buf[*len] = '\0';
}

static void use(const fl_facts *facts, size_t size)
{
	static const char *const read_langs[] = {"ar", "he", "pt", "pt-BR",
	                                         "fr", "de", "en", "xx"};
	const char *lang = fl_fuzz_langs[size % 6];
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	fl_result *res = NULL;
	char doc[4096];
	size_t len = 0, n = fl_facts_entity_count(facts);
	fl_entity_info info;
	int rc;

	doc[0] = '\0';
	add(doc, sizeof(doc), &len, sentence[size % 6], "\n");
	if (fl_facts_story(facts))
		fl_fuzz_touch(fl_facts_story(facts));
	if (fl_facts_source_lang(facts))
		fl_fuzz_touch(fl_facts_source_lang(facts));
	(void)fl_facts_number_count(facts);
	(void)fl_facts_term_count(facts);
	for (size_t i = 0; i < n; i++) {
		EXPECT(fl_facts_entity(&info, facts, i) == 0);
		EXPECT(info.name != NULL);
		fl_fuzz_touch(info.name);
		fl_fuzz_touch(fl_entity_kind_name(info.kind));
		add(doc, sizeof(doc), &len, info.name, " ");
		for (size_t a = 0; a < info.alias_count; a++) {
			fl_fuzz_touch(info.aliases[a]);
			add(doc, sizeof(doc), &len, info.aliases[a], " ");
		}
		for (size_t l = 0; l < sizeof(read_langs) / sizeof(*read_langs);
		     l++) {
			const char *const *r = NULL;
			size_t rn = 0;
			EXPECT(fl_facts_entity_renderings(&r, &rn, facts, i,
			                                  read_langs[l]) == 0);
			for (size_t k = 0; k < rn; k++) {
				fl_fuzz_touch(r[k]);
				if (strcmp(read_langs[l], lang) == 0)
					add(doc, sizeof(doc), &len, r[k], ", ");
			}
		}
		add(doc, sizeof(doc), &len, "", "\n");
	}
	EXPECT(fl_facts_entity(&info, facts, n) == FL_EINVAL);

	o.lang = lang;
	o.partial = (size & 8) != 0;
	fl_checker_set_facts(checker, facts);
	rc = fl_check_buffer(&res, checker, "fuzz.txt", doc, len, &o);
	EXPECT((rc == 0) == (res != NULL));
	if (rc == 0)
		fl_fuzz_inspect(res);
	fl_result_free(res);
	/* The next facts may get the same address: forget these first. */
	fl_checker_set_facts(checker, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_facts *facts = NULL;
	int rc;

	EXPECT(fl_facts_new(&facts) == 0);
	rc = fl_facts_load_buffer(facts, "fuzz.yaml", (const char *)data, size);
	if (rc == 0) {
		EXPECT(fl_facts_load_buffer(facts, "again.yaml",
		                            (const char *)data,
		                            size) == FL_EINVAL);
		use(facts, size);
	} else {
		const char *msg = fl_facts_error(facts);
		EXPECT(rc == FL_EPARSE || rc == FL_EENCODING ||
		       rc == FL_ELIMIT || rc == FL_ENOMEM);
		EXPECT(msg != NULL && *msg);
		EXPECT(fl_facts_entity_count(facts) == 0);
		EXPECT(fl_facts_number_count(facts) == 0);
		EXPECT(fl_facts_term_count(facts) == 0);
	}
	fl_facts_free(facts);
	return 0;
}
