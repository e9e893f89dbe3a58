/*
 * What a project's .fidelint.yaml says of each file checked: the nearest
 * configuration above the file (loaded once), the settings of the file,
 * and the facts it names (loaded, or extracted from the original it names,
 * once per path). The command line's options win over these (check.c).
 */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	char *path;
	fl_config *cfg; /* NULL: failed to load (said once) */
} config_entry;

typedef struct {
	char *key; /* "facts\nsource" */
	fl_facts *facts;
} facts_entry;

struct cli_project {
	fl_checker *checker;
	void (*on_accept)(void *); /* cli_project_on_accept */
	void *on_accept_ctx;
	bool max_languages_given; /* --max-languages: configs do not set it */
	config_entry *configs;
	size_t config_count, config_cap;
	facts_entry *facts;
	size_t facts_count, facts_cap;
};

void cli_project_max_languages_given(cli_project *p)
{
	p->max_languages_given = true;
}

int cli_project_new(cli_project **out, fl_checker *checker)
{
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return -1;
	(*out)->checker = checker;
	return 0;
}

void cli_project_free(cli_project *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->config_count; i++) {
		free(p->configs[i].path);
		fl_config_free(p->configs[i].cfg);
	}
	for (size_t i = 0; i < p->facts_count; i++) {
		free(p->facts[i].key);
		fl_facts_free(p->facts[i].facts);
	}
	free(p->configs);
	free(p->facts);
	free(p);
}

/* Grows an array of n elements of size to hold one more. */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	void *w;
	size_t c;
	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 8;
	if (!(w = realloc(*v, c * size)))
		return -1;
	*v = w;
	*cap = c;
	return 0;
}

/* The configuration at path, loaded on first use; NULL after printing why
 * it cannot be loaded (once). */
static fl_config *config_at(cli_project *p, const char *path, bool *bad)
{
	config_entry *e;
	int error;

	*bad = false;
	for (size_t i = 0; i < p->config_count; i++)
		if (strcmp(p->configs[i].path, path) == 0) {
			*bad = !p->configs[i].cfg;
			return p->configs[i].cfg;
		}
	if (grow((void **)&p->configs, &p->config_cap, p->config_count,
	         sizeof(*p->configs)) < 0)
		return NULL;
	e = &p->configs[p->config_count];
	memset(e, 0, sizeof(*e));
	if (!(e->path = strdup(path)))
		return NULL;
	p->config_count++;
	if ((error = fl_config_load_file(&e->cfg, path)) < 0) {
		cli_print_failure(path, fl_config_error(e->cfg), error);
		fl_config_free(e->cfg);
		e->cfg = NULL;
		*bad = true;
		return NULL;
	}
	/* its bound on loaded languages, unless the command line gave one */
	{
		size_t max;
		if (!p->max_languages_given &&
		    fl_config_max_languages(&max, e->cfg))
			fl_checker_set_max_languages(p->checker, max);
	}
	/* its words are accepted from now on */
	if (fl_config_accept_count(e->cfg) > 0 && p->on_accept)
		p->on_accept(p->on_accept_ctx);
	for (size_t i = 0; i < fl_config_accept_count(e->cfg); i++)
		if (fl_checker_accept_word(p->checker,
		                           fl_config_accept(e->cfg, i)) < 0) {
			cli_print_failure(path, fl_checker_error(p->checker),
			                  FL_EINVAL);
			*bad = true;
			return NULL;
		}
	return e->cfg;
}

int cli_load_facts(fl_facts **out, fl_checker *checker, const char *facts,
                   const char *source, const char *source_lang)
{
	fl_facts *f = NULL, *src = NULL;
	char *yaml = NULL;
	size_t len;
	int error, status = CLI_FAILURE;

	*out = NULL;
	if (facts && ((error = fl_facts_new(&f)) < 0 ||
	              (error = fl_facts_load_file(f, facts)) < 0)) {
		cli_print_failure(facts, f ? fl_facts_error(f) : NULL, error);
		goto cleanup;
	}
	if (source) {
		if ((error = fl_extract_input_file(&yaml, &len, checker, source,
		                                   fl_input_from_path(source),
		                                   source_lang)) < 0) {
			cli_print_failure(source, fl_checker_error(checker),
			                  error);
			goto cleanup;
		}
		if ((error = fl_facts_new(&src)) < 0 ||
		    (error = fl_facts_load_buffer(src, source, yaml, len)) <
		        0) {
			cli_print_failure(
			    source, src ? fl_facts_error(src) : NULL, error);
			goto cleanup;
		}
		/* with a facts file too, both merged: the file wins */
		if (f && (error = fl_facts_merge(f, src)) < 0) {
			cli_print_failure(source, fl_facts_error(f), error);
			goto cleanup;
		}
		if (!f) {
			f = src;
			src = NULL;
		}
	}
	*out = f;
	f = NULL;
	status = 0;
cleanup:
	fl_facts_free(f);
	fl_facts_free(src);
	free(yaml);
	return status;
}

/* The facts of a facts file and/or an original (either may be NULL),
 * loaded once; NULL after printing why not. */
static const fl_facts *facts_for(cli_project *p, const char *facts,
                                 const char *source, const char *source_lang)
{
	facts_entry *e;
	fl_facts *f = NULL;
	char *key;
	size_t n =
	    strlen(facts ? facts : "") + strlen(source ? source : "") + 2;

	if (!(key = malloc(n)))
		return NULL;
	snprintf(key, n, "%s\n%s", facts ? facts : "", source ? source : "");
	for (size_t i = 0; i < p->facts_count; i++)
		if (strcmp(p->facts[i].key, key) == 0) {
			free(key);
			return p->facts[i].facts;
		}
	if (cli_load_facts(&f, p->checker, facts, source, source_lang) != 0)
		goto fail;
	if (grow((void **)&p->facts, &p->facts_cap, p->facts_count,
	         sizeof(*p->facts)) < 0)
		goto fail;
	e = &p->facts[p->facts_count++];
	e->key = key;
	e->facts = f;
	return f;
fail:
	free(key);
	fl_facts_free(f);
	return NULL;
}

int cli_project_plan(cli_plan *plan, cli_project *p, const char *file)
{
	char *path = NULL;
	fl_config *cfg;
	bool bad;

	memset(plan, 0, sizeof(*plan));
	plan->settings.partial = -1;
	if (fl_config_find(&path, file) < 0)
		return -1;
	if (!path)
		return 0;
	cfg = config_at(p, path, &bad);
	free(path);
	if (!cfg)
		return -1;
	if (fl_config_settings(&plan->settings, cfg, file) < 0)
		return -1;
	if (plan->settings.facts || plan->settings.source) {
		plan->facts =
		    facts_for(p, plan->settings.facts, plan->settings.source,
		              plan->settings.source_lang);
		if (!plan->facts) {
			cli_plan_dispose(plan);
			return -1;
		}
	}
	return 0;
}

void cli_plan_dispose(cli_plan *plan)
{
	fl_file_settings_dispose(&plan->settings);
	memset(plan, 0, sizeof(*plan));
	plan->settings.partial = -1;
}

void cli_project_on_accept(cli_project *p, void (*fn)(void *), void *ctx)
{
	p->on_accept = fn;
	p->on_accept_ctx = ctx;
}
