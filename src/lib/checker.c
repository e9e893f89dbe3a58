/*
 * The checker: owns the language profiles, the ICU text context, the
 * hunspell dictionaries and the facts indexes, all made once and reused
 * for every document; runs the pipeline text -> document -> checks ->
 * result.
 */
/* pthread_mutexattr_settype (recursive lock) */
#define _XOPEN_SOURCE 700

#include "common.h"

#include "checker.h"

#include "checks/checks.h"
#include "config/config.h"
#include "extract/extract.h"
#include "facts/index.h"
#include "lang/bilingual.h"
#include "lang/detect.h"
#include "lang/profile.h"
#include "lang/tag.h"
#include "names/exonyms.h"
#include "result.h"
#include "rules/pack.h"
#include "rules/rules.h"
#include "spell/spell.h"
#include "text/text.h"
#include "util/map.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FL_DEFAULT_DATA_DIR
#define FL_DEFAULT_DATA_DIR "."
#endif
#ifndef FL_INSTALL_DATA_DIR
#define FL_INSTALL_DATA_DIR FL_DEFAULT_DATA_DIR
#endif

/* The data folder when none is named: the source tree the library was
 * built from while it is there (a build tree is used in place), else
 * where `cmake --install` puts the data. */
static const char *default_data_dir(void)
{
	char probe[4096];
	snprintf(probe, sizeof(probe), "%s/dicts", FL_DEFAULT_DATA_DIR);
	return access(probe, R_OK | X_OK) == 0 ? FL_DEFAULT_DATA_DIR
	                                       : FL_INSTALL_DATA_DIR;
}

#define FL_DEFAULT_DICT_PATH                                                   \
	"/usr/share/hunspell:/usr/share/myspell:/usr/share/myspell/dicts"
#define FL_DEFAULT_MAX_FILE ((size_t)64 << 20)
/* The most word verdicts a checker or worker keeps (fl__lex_lookup);
 * past it the cache starts again empty. */
#define FL_VERDICTS_MAX ((size_t)1 << 17)
/* Plain text longer than this is read and checked in windows of about
 * this size, cut at line ends (fl__check_windows). */
#define FL_WINDOW_DEFAULT ((size_t)256 << 10)
/* With FL_CHECK_SPILL, the findings of a document checked in windows
 * are kept in memory up to about this many bytes (fl__result_spill). */
#define FL_SPILL_DEFAULT ((size_t)1 << 20)

/* The most languages a checker keeps loaded unless told otherwise
 * (fl_checker_set_max_languages). */
#define FL_DEFAULT_MAX_LANGUAGES FL_MAX_LANGUAGES_DEFAULT

/* A hunspell dictionary on the root, shared by the languages that use it
 * (a foreign-script dictionary serves several). */
typedef struct speller_ent {
	fl__speller *sp;          /* NULL while it loads */
	size_t refs;              /* the languages holding it, and its loader */
	struct speller_ent *next; /* in a trash list */
} speller_ent;

/* A language on the root: its resources once loaded, and who holds it. */
typedef struct lang_ent {
	fl__lang_res *res; /* NULL while it loads */
	size_t refs;       /* documents and originals holding it, its loader */
	uint64_t used;     /* the root's tick when last taken or given back */
	speller_ent **sps; /* the dictionaries it holds */
	size_t sp_count, sp_cap;
	fl__ruleset *pack;     /* trash: its rule packs */
	fl__extract_data *xd;  /* trash: its extraction data */
	struct lang_ent *next; /* in a trash list */
} lang_ent;

/* What was released under the lock, freed after it is given back. */
typedef struct {
	lang_ent *langs;
	speller_ent *spellers;
} trash;

/*
 * A checker, or a worker of one (root then points to the checker). The
 * loaded resources (spellers, accepted, langs, packs, extract) are the
 * root's, kept in their maps under its lock. A language is loaded outside
 * the lock (its entry says it is loading, and who needs it waits on
 * `loaded`), held by each document or original that uses it, and released
 * when a load would pass max_langs and no one holds it (least recently
 * used first); what it holds is read without the lock. A worker's
 * data_dir, dict_path, profiles and common are borrowed copies of the
 * root's, read only. err, text, verdicts, facts and the indexes of the
 * facts are each checker's or worker's own.
 */
struct fl_checker {
	char err[FL_ERRMSG_SIZE];
	fl_checker *root; /* itself, or the checker a worker was made from */
	pthread_mutex_t lock;  /* root: guards the maps below, recursive */
	pthread_cond_t loaded; /* root: a language or dictionary finished
	                          loading, or failed to (with lock) */
	bool have_cond;
	size_t workers;   /* root: live workers, under lock */
	size_t max_langs; /* root: languages kept loaded (0: no bound) */
	size_t resident;  /* root: languages in langs, loaded or loading */
	uint64_t tick;    /* root: counts takes, for least recently used */
	size_t released;  /* root: languages released so far */
	size_t opened;    /* root: dictionaries read so far */
	char *data_dir;
	char *dict_path;
	size_t max_file_size;
	fl__profile_set profiles;
	fl__text_ctx *text;
	fl_map verdicts; /* word-verdict cache (fl__checker_verdicts) */
	size_t verdicts_accepted; /* the root's accepted_count they know */
	size_t verdicts_released; /* the root's released count they know */
	size_t holds;    /* the languages this checker or worker holds */
	fl_map spellers; /* "name\n extra" -> speller_ent* (0: none) */
	char **accepted; /* fl_checker_accept_word: words every speller knows */
	size_t accepted_count, accepted_cap;
	fl_map langs;   /* profile tag -> lang_ent* (0: none) */
	fl_map indexes; /* tag -> fl__index*, each checker's own (its facts) */
	fl_map common;  /* common-word key -> profile bitmask */
	fl_map packs;   /* profile tag -> fl__ruleset* (rule packs) */
	fl_map extract; /* profile tag -> fl__extract_data* */
	const fl_facts *facts;
	size_t window; /* plain text is checked in windows of about this many
	                  bytes (FL_WINDOW_DEFAULT) */
	size_t spill;  /* FL_CHECK_SPILL: bytes of findings kept in memory
	                  (FL_SPILL_DEFAULT) */
};

static void lang_res_free(fl__lang_res *L)
{
	if (!L)
		return;
	fl__keylist_dispose(&L->prefixes);
	fl__keylist_dispose(&L->suffixes);
	fl__keylist_dispose(&L->articles);
	fl__numlang_free(L->num);
	fl__bilex_free(L->bilex);
	fl__exonyms_free(L->exonyms);
	fl_map_dispose(&L->repeatable);
	free(L->dicts);
	free(L->accept);
	free(L);
}

static void free_indexes(fl_checker *chk)
{
	for (size_t i = 0; i < chk->indexes.cap; i++)
		if (chk->indexes.slots[i].key)
			fl__index_free(
			    (fl__index *)chk->indexes.slots[i].value);
	fl_map_dispose(&chk->indexes);
}

/* Takes and gives back the lock over chk's root's resources. */
static void lock_root(fl_checker *chk)
{
	pthread_mutex_lock(&chk->root->lock);
}

static void unlock_root(fl_checker *chk)
{
	pthread_mutex_unlock(&chk->root->lock);
}

/* Sets to 0 the value v of map m (an entry released: the map keeps its
 * key and says "none"). Allocates nothing. */
static void map_clear_value(fl_map *m, uintptr_t v)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key && m->slots[i].value == v)
			m->slots[i].value = 0;
}

/* Gives back one hold on dictionary e; the last one takes it out of R's
 * map into t, to be freed after the lock. Under R's lock. */
static void speller_unref(fl_checker *R, speller_ent *e, trash *t)
{
	if (--e->refs > 0)
		return;
	map_clear_value(&R->spellers, (uintptr_t)e);
	e->next = t->spellers;
	t->spellers = e;
}

/* Takes language e (held by no one) out of R's map into t, with its rule
 * packs and extraction data, and gives back its dictionaries; the verdict
 * caches that may know it are dropped (released). Under R's lock. */
static void lang_unlink(fl_checker *R, lang_ent *e, trash *t)
{
	const char *tag = e->res->profile->tag;
	uintptr_t v;

	map_clear_value(&R->langs, (uintptr_t)e);
	R->resident--;
	R->released++;
	if (fl_map_get(&R->packs, tag, strlen(tag), &v) && v) {
		e->pack = (fl__ruleset *)v;
		map_clear_value(&R->packs, v);
	}
	if (fl_map_get(&R->extract, tag, strlen(tag), &v) && v) {
		e->xd = (fl__extract_data *)v;
		map_clear_value(&R->extract, v);
	}
	for (size_t i = 0; i < e->sp_count; i++)
		speller_unref(R, e->sps[i], t);
	e->sp_count = 0;
	e->next = t->langs;
	t->langs = e;
}

/* Frees a language entry and what it owns (not its dictionaries). */
static void lang_ent_free(lang_ent *e)
{
	if (!e)
		return;
	lang_res_free(e->res);
	if (e->pack) {
		fl__ruleset_dispose(e->pack);
		free(e->pack);
	}
	fl__extract_data_free(e->xd);
	free(e->sps);
	free(e);
}

/* Frees what t holds; without the lock. A language's dictionaries are
 * many small blocks: the memory they leave is given back to the system
 * (glibc keeps it otherwise, in the arena of the thread that loaded
 * them, where another thread's next language cannot use it). */
static void trash_free(trash *t)
{
	bool any = t->langs || t->spellers;

	while (t->langs) {
		lang_ent *e = t->langs;
		t->langs = e->next;
		lang_ent_free(e);
	}
	while (t->spellers) {
		speller_ent *e = t->spellers;
		t->spellers = e->next;
		fl__speller_free(e->sp);
		free(e);
	}
#ifdef __GLIBC__
	if (any)
		malloc_trim(0);
#else
	(void)any;
#endif
}

/* Releases least recently used languages no one holds until one more
 * fits under R's bound (or none is left to release: what is held stays,
 * so the bound can be passed while more languages are held at once).
 * Under R's lock; what is released goes to t. */
static void make_room(fl_checker *R, trash *t)
{
	while (R->max_langs && R->resident >= R->max_langs) {
		lang_ent *lru = NULL;
		for (size_t i = 0; i < R->langs.cap; i++) {
			lang_ent *e = (lang_ent *)R->langs.slots[i].value;
			if (R->langs.slots[i].key && e && e->res &&
			    e->refs == 0 && (!lru || e->used < lru->used))
				lru = e;
		}
		if (!lru)
			return;
		lang_unlink(R, lru, t);
	}
}

void fl_checker_free(fl_checker *chk)
{
	if (!chk)
		return;
	if (chk->root != chk) {
		/* a worker: its own parts only */
		lock_root(chk);
		chk->root->workers--;
		unlock_root(chk);
		free_indexes(chk);
		fl__text_ctx_free(chk->text);
		fl_map_dispose(&chk->verdicts);
		free(chk);
		return;
	}
	for (size_t i = 0; i < chk->spellers.cap; i++)
		if (chk->spellers.slots[i].key &&
		    chk->spellers.slots[i].value) {
			speller_ent *e =
			    (speller_ent *)chk->spellers.slots[i].value;
			fl__speller_free(e->sp);
			free(e);
		}
	fl_map_dispose(&chk->spellers);
	for (size_t i = 0; i < chk->accepted_count; i++)
		free(chk->accepted[i]);
	free(chk->accepted);
	for (size_t i = 0; i < chk->langs.cap; i++)
		if (chk->langs.slots[i].key)
			lang_ent_free((lang_ent *)chk->langs.slots[i].value);
	fl_map_dispose(&chk->langs);
	for (size_t i = 0; i < chk->packs.cap; i++)
		if (chk->packs.slots[i].key && chk->packs.slots[i].value) {
			fl__ruleset_dispose(
			    (fl__ruleset *)chk->packs.slots[i].value);
			free((void *)chk->packs.slots[i].value);
		}
	fl_map_dispose(&chk->packs);
	for (size_t i = 0; i < chk->extract.cap; i++)
		if (chk->extract.slots[i].key)
			fl__extract_data_free(
			    (fl__extract_data *)chk->extract.slots[i].value);
	fl_map_dispose(&chk->extract);
	free_indexes(chk);
	fl_map_dispose(&chk->common);
	fl__profiles_dispose(&chk->profiles);
	fl__text_ctx_free(chk->text);
	fl_map_dispose(&chk->verdicts);
	free(chk->data_dir);
	free(chk->dict_path);
	if (chk->have_cond)
		pthread_cond_destroy(&chk->loaded);
	pthread_mutex_destroy(&chk->lock);
	free(chk);
}

/* Makes chk's lock, recursive (a caller holding it may call what takes
 * it too; but none waits on `loaded` holding it twice), and its condition
 * variable. Returns 0 or FL_ENOMEM. */
static int init_lock(fl_checker *chk)
{
	pthread_mutexattr_t attr;
	int rc;

	if (pthread_mutexattr_init(&attr) != 0)
		return FL_ENOMEM;
	rc = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	if (rc == 0)
		rc = pthread_mutex_init(&chk->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	if (rc != 0)
		return FL_ENOMEM;
	if (pthread_cond_init(&chk->loaded, NULL) != 0) {
		pthread_mutex_destroy(&chk->lock);
		return FL_ENOMEM;
	}
	chk->have_cond = true;
	return 0;
}

int fl_checker_worker_new(fl_checker **out, fl_checker *chk)
{
	fl_checker *w;
	int error;

	if (!out)
		return FL_EINVAL;
	*out = NULL;
	if (!chk || chk->root != chk)
		return FL_EINVAL;
	if (!(w = calloc(1, sizeof(*w))))
		return FL_ENOMEM;
	w->root = chk;
	w->data_dir = chk->data_dir;
	w->dict_path = chk->dict_path;
	w->max_file_size = chk->max_file_size;
	w->window = chk->window;
	w->spill = chk->spill;
	w->profiles = chk->profiles;
	w->common = chk->common;
	w->facts = chk->facts;
	if ((error = fl__text_ctx_new(&w->text, w->err, sizeof(w->err))) < 0) {
		free(w);
		return error;
	}
	lock_root(chk);
	chk->workers++;
	unlock_root(chk);
	*out = w;
	return 0;
}

const char *fl_checker_error(const fl_checker *chk)
{
	return chk ? chk->err : "";
}

int fl_checker_new(fl_checker **out, const fl_checker_options *opts)
{
	fl_checker_options defaults = FL_CHECKER_OPTIONS_INIT;
	fl_checker *chk;
	const char *dd, *dp;
	fl_buf path = FL_BUF_INIT;
	int error;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (opts->version != FL_CHECKER_OPTIONS_VERSION)
		return FL_EINVAL;
	if (!(chk = calloc(1, sizeof(*chk))))
		return FL_ENOMEM;
	if (init_lock(chk) < 0) {
		free(chk);
		return FL_ENOMEM;
	}
	chk->root = chk;
	chk->max_langs = FL_DEFAULT_MAX_LANGUAGES;
	*out = chk;

	dd = opts->data_dir ? opts->data_dir : getenv("FIDELINT_DATA_DIR");
	if (!dd || !*dd)
		dd = default_data_dir();
	dp = opts->dict_path ? opts->dict_path : getenv("FIDELINT_DICT_PATH");
	if (!dp || !*dp)
		dp = FL_DEFAULT_DICT_PATH;
	/* The data folder's dicts/ may hold whole dictionaries too. */
	if (fl_buf_printf(&path, "%s:%s/dicts", dp, dd) < 0 ||
	    !(chk->data_dir = fl__strdup(dd))) {
		fl_buf_dispose(&path);
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	}
	chk->dict_path = fl_buf_detach(&path);
	chk->max_file_size =
	    opts->max_file_size ? opts->max_file_size : FL_DEFAULT_MAX_FILE;
	/* FIDELINT_TEST_WINDOW (bytes) is for the tests only: tiny windows
	 * put a window boundary between any two lines. */
	{
		const char *w = getenv("FIDELINT_TEST_WINDOW");
		char *end = NULL;
		unsigned long long v = w && *w ? strtoull(w, &end, 10) : 0;
		chk->window =
		    v > 0 && end && !*end ? (size_t)v : FL_WINDOW_DEFAULT;
	}
	if (chk->window > chk->max_file_size)
		chk->window = chk->max_file_size;
	/* FIDELINT_TEST_SPILL (bytes, 0 included), for the tests too: how
	 * much of a windowed result FL_CHECK_SPILL keeps in memory. */
	{
		const char *w = getenv("FIDELINT_TEST_SPILL");
		char *end = NULL;
		unsigned long long v = w && *w ? strtoull(w, &end, 10) : 0;
		chk->spill =
		    w && *w && end && !*end ? (size_t)v : FL_SPILL_DEFAULT;
	}
	if ((error = fl__text_ctx_new(&chk->text, chk->err, sizeof(chk->err))) <
	    0)
		return error;
	if ((error = fl__profiles_load(&chk->profiles, chk->data_dir, chk->err,
	                               sizeof(chk->err))) < 0) {
		/* say where the folder comes from and how to name another */
		size_t n = strlen(chk->err);
		snprintf(chk->err + n, sizeof(chk->err) - n,
		         "; the data folder (dicts/ and rules/) came from %s: "
		         "name another with --data-dir or FIDELINT_DATA_DIR "
		         "(the data_dir option of fl_checker_new)",
		         opts->data_dir                ? "the command line"
		         : getenv("FIDELINT_DATA_DIR") ? "FIDELINT_DATA_DIR"
		                                       : "the build");
		return error;
	}
	if (chk->profiles.count == 0)
		return fl__fail(chk->err, sizeof(chk->err), FL_EIO,
		                "%s/dicts: no language profiles (*.yaml)",
		                chk->data_dir);
	if (fl__lang_common_index(&chk->common, &chk->profiles) < 0)
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	return 0;
}

int fl_checker_set_facts(fl_checker *chk, const fl_facts *facts)
{
	if (chk->facts != facts)
		free_indexes(chk);
	chk->facts = facts;
	return 0;
}

int fl_checker_lang_from_tag(char *out, size_t outlen, fl_checker *chk,
                             const char *tag)
{
	char canon[FL_TAG_MAX];
	if (!tag || fl__tag_canonicalize(canon, sizeof(canon), tag) < 0)
		return fl__fail(chk->err, sizeof(chk->err), FL_ELANG,
		                "'%s' is not a language tag", tag ? tag : "");
	if (!fl__profiles_find(&chk->profiles, canon))
		return fl__fail(
		    chk->err, sizeof(chk->err), FL_ELANG,
		    "no language profile for '%s' (add %s/dicts/%s.yaml)",
		    canon, chk->data_dir, canon);
	if (strlen(canon) >= outlen)
		return FL_EINVAL;
	memcpy(out, canon, strlen(canon) + 1);
	return 0;
}

int fl_checker_lang_from_path(char *out, size_t outlen, fl_checker *chk,
                              const char *path)
{
	if (fl__lang_from_path(out, outlen, &chk->profiles, path) < 0)
		return fl__fail(chk->err, sizeof(chk->err), FL_ELANG,
		                "%s: the file name names no known language",
		                path);
	return 0;
}

int fl_checker_accept_word(fl_checker *chk, const char *word)
{
	fl_checker *R = chk->root;
	char *w;
	int error = 0;

	if (!word || !*word || strchr(word, '\n'))
		return fl__fail(chk->err, sizeof(chk->err), FL_EINVAL,
		                "an accepted word is one non-empty line");
	lock_root(chk);
	if (fl__grow((void **)&R->accepted, &R->accepted_cap,
	             R->accepted_count + 1, sizeof(*R->accepted)) < 0 ||
	    !(w = fl__strdup(word))) {
		unlock_root(chk);
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	}
	R->accepted[R->accepted_count++] = w;
	/* the dictionaries open already learn it now; one loading learns
	 * every accepted word when it is open (get_speller) */
	for (size_t i = 0; i < R->spellers.cap && error == 0; i++) {
		speller_ent *e = (speller_ent *)R->spellers.slots[i].value;
		if (R->spellers.slots[i].key && e && e->sp)
			error = fl__speller_add(e->sp, w);
	}
	/* The verdicts cached before (this checker's and its workers') may
	 * say "unknown": get_lang drops them, seeing accepted_count move. */
	unlock_root(chk);
	return error < 0 ? fl__fail(chk->err, sizeof(chk->err), error,
	                            "out of memory")
	                 : 0;
}

fl_map *fl__checker_verdicts(fl_checker *chk)
{
	/* bounded: a long run in many words starts the cache again */
	if (chk->verdicts.count >= FL_VERDICTS_MAX)
		fl_map_dispose(&chk->verdicts);
	return &chk->verdicts;
}

/* --------------------------------------------------------------- caches */

/* The key of dictionary name (+ extra word list) in the root's spellers
 * map. Returns 0 or FL_ENOMEM. */
static int speller_key(fl_buf *key, const char *name, const char *extra)
{
	return fl_buf_printf(key, "%s\n%s", name, extra ? extra : "");
}

/*
 * One more hold on the speller of dictionary name (+ extra word list),
 * opened on first use and kept on the root while a language holds it:
 * appended to e's dictionaries (room for it was made by the caller). The
 * dictionary is opened without the root's lock (which the caller must not
 * hold); a second caller waits for the first one's load. Returns 0 or a
 * negative code (message on chk).
 */
static int get_speller(fl__speller **out, fl_checker *chk, lang_ent *le,
                       const char *name, const char *extra)
{
	fl_checker *R = chk->root;
	fl_buf key = FL_BUF_INIT, words = FL_BUF_INIT;
	speller_ent *e = NULL;
	fl__speller *sp = NULL;
	const char *lists[2];
	size_t nl = 0;
	uintptr_t *slot;
	int error = 0;

	*out = NULL;
	if (speller_key(&key, name, extra) < 0 ||
	    fl_buf_printf(&words, "%s/dicts/words/%s.dic", chk->data_dir,
	                  name) < 0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	lock_root(chk);
	for (;;) {
		if (!(slot = fl_map_slot_of(&R->spellers, key.ptr, key.len, 0,
		                            NULL))) {
			unlock_root(chk);
			error = FL_ENOMEM;
			goto cleanup;
		}
		if (!*slot)
			break;
		e = (speller_ent *)*slot;
		if (e->sp) {
			/* open already */
			e->refs++;
			le->sps[le->sp_count++] = e;
			*out = e->sp;
			unlock_root(chk);
			goto cleanup;
		}
		pthread_cond_wait(&R->loaded, &R->lock);
	}
	if (!(e = calloc(1, sizeof(*e)))) {
		unlock_root(chk);
		error = FL_ENOMEM;
		goto cleanup;
	}
	e->refs = 1;
	*slot = (uintptr_t)e;
	unlock_root(chk);

	/* dicts/words/NAME.dic adds newsroom vocabulary to NAME. */
	if (access(words.ptr, R_OK) == 0)
		lists[nl++] = words.ptr;
	if (extra)
		lists[nl++] = extra;
	error = fl__speller_open(&sp, chk->dict_path, name, lists, nl, chk->err,
	                         sizeof(chk->err));

	lock_root(chk);
	/* the words accepted until now; later ones reach it as it is open */
	for (size_t i = 0; error == 0 && i < R->accepted_count; i++)
		error = fl__speller_add(sp, R->accepted[i]);
	if (error == 0) {
		e->sp = sp;
		sp = NULL;
		R->opened++;
		le->sps[le->sp_count++] = e;
		*out = e->sp;
	} else {
		/* Leave no entry behind: a later call tries again. */
		map_clear_value(&R->spellers, (uintptr_t)e);
		free(e);
	}
	pthread_cond_broadcast(&R->loaded);
	unlock_root(chk);
cleanup:
	fl__speller_free(sp);
	fl_buf_dispose(&key);
	fl_buf_dispose(&words);
	if (error == FL_ENOMEM)
		fl__fail(chk->err, sizeof(chk->err), error, "out of memory");
	return error;
}

/*
 * Builds the resources of profile p into *out, without the root's lock
 * (the caller must not hold it): the dictionaries it opens or shares are
 * held by le (le->sps), also those opened before a failure, for the
 * caller to give back. Returns 0 or a negative code (message on chk).
 */
static int build_lang(fl__lang_res **out, fl_checker *chk, lang_ent *le,
                      const fl__profile *p)
{
	fl__lang_res *L = calloc(1, sizeof(*L));
	size_t nsp;
	int error = 0;

	*out = NULL;
	if (!L)
		return FL_ENOMEM;
	L->profile = p;
	L->script = p->script ? fl__script_code(p->script) : -1;
	L->dicts = calloc(p->hunspell_count + 1, sizeof(*L->dicts));
	L->accept = calloc(p->accept_count + 1, sizeof(*L->accept));
	if (!L->dicts || !L->accept ||
	    fl__add_overflow(p->hunspell_count, p->accept_count, &nsp) ||
	    fl__add_overflow(nsp, FL_MAX_FOREIGN + 1, &nsp) ||
	    fl__grow((void **)&le->sps, &le->sp_cap, nsp, sizeof(*le->sps)) <
	        0) {
		error = FL_ENOMEM;
		goto cleanup;
	}
	for (size_t i = 0; i < p->hunspell_count; i++, L->dict_count++)
		if ((error = get_speller(&L->dicts[i], chk, le, p->hunspell[i],
		                         p->extra_words)) < 0)
			goto cleanup;
	for (size_t i = 0; i < p->accept_count; i++, L->accept_count++)
		if ((error = get_speller(&L->accept[i], chk, le, p->accept[i],
		                         NULL)) < 0)
			goto cleanup;
	for (size_t i = 0; i < p->foreign_count && i < FL_MAX_FOREIGN; i++) {
		int s = fl__script_code(p->foreign[i].script);
		if (s < 0) {
			error = fl__fail(chk->err, sizeof(chk->err), FL_EPARSE,
			                 "%s: unknown script '%s'", p->path,
			                 p->foreign[i].script);
			goto cleanup;
		}
		L->foreign[i].script = s;
		if ((error = get_speller(&L->foreign[i].sp, chk, le,
		                         p->foreign[i].dict, NULL)) < 0)
			goto cleanup;
		L->foreign_count++;
	}
	for (size_t i = 0; p->tag[i] && i + 1 < sizeof(L->locale); i++)
		L->locale[i] = p->tag[i] == '-' ? '_' : p->tag[i];
	if ((error = fl__numlang_load(&L->num, chk->data_dir, p->tag, chk->err,
	                              sizeof(chk->err))) < 0)
		goto cleanup;
	if ((error = fl__keylist_build(&L->prefixes, p->prefixes,
	                               p->prefix_count)) < 0 ||
	    (error = fl__keylist_build(&L->suffixes, p->suffixes,
	                               p->suffix_count)) < 0 ||
	    (error = fl__keylist_build(&L->articles, p->articles,
	                               p->article_count)) < 0)
		goto cleanup;
	if ((error = fl__letter_folds_build(&L->letters, p->name_letters,
	                                    p->name_letter_count, chk->err,
	                                    sizeof(chk->err))) < 0)
		goto cleanup;
	for (size_t i = 0; i < p->repeatable_count; i++)
		if ((error = fl__map_put_key(&L->repeatable, p->repeatable[i],
		                             1)) < 0)
			goto cleanup;
	*out = L;
	L = NULL;
cleanup:
	if (error == FL_ENOMEM)
		fl__fail(chk->err, sizeof(chk->err), error, "out of memory");
	lang_res_free(L);
	return error;
}

/* Drops chk's word verdicts when words were accepted or languages were
 * released since they were made: a verdict is keyed by its language's
 * address, which a language loaded later may have. Under the lock, as
 * get_lang hands out a language (the caller's checks then fill the cache
 * anew). */
static void drop_verdicts(fl_checker *chk)
{
	fl_checker *R = chk->root;

	if (chk->verdicts_accepted != R->accepted_count ||
	    chk->verdicts_released != R->released) {
		fl_map_dispose(&chk->verdicts);
		chk->verdicts_accepted = R->accepted_count;
		chk->verdicts_released = R->released;
	}
}

/* Most dictionaries a profile names that pin_spellers keeps. */
#define FL_MAX_PINS 16

/* One more hold, into pins[*n] (room for FL_MAX_PINS), on dictionary
 * name (+ extra) when it is open. Best effort: a key that cannot be made
 * is not pinned. Under R's lock. */
static void pin_speller(fl_checker *R, const char *name, const char *extra,
                        speller_ent **pins, size_t *n)
{
	fl_buf key = FL_BUF_INIT;
	uintptr_t v;

	if (*n < FL_MAX_PINS && speller_key(&key, name, extra) == 0 &&
	    fl_map_get(&R->spellers, key.ptr, key.len, &v) && v &&
	    ((speller_ent *)v)->sp) {
		((speller_ent *)v)->refs++;
		pins[(*n)++] = (speller_ent *)v;
	}
	fl_buf_dispose(&key);
}

/* One more hold, into pins, on each dictionary profile p names (the
 * lists build_lang reads) that is open already: a release that makes room
 * for p then leaves them open for build_lang to share, where it would
 * free one (en_US, or pt_BR between pt and pt-BR) only to read it again.
 * Under R's lock; returns how many. */
static size_t pin_spellers(fl_checker *R, const fl__profile *p,
                           speller_ent **pins)
{
	size_t n = 0;

	for (size_t i = 0; i < p->hunspell_count; i++)
		pin_speller(R, p->hunspell[i], p->extra_words, pins, &n);
	for (size_t i = 0; i < p->accept_count; i++)
		pin_speller(R, p->accept[i], NULL, pins, &n);
	for (size_t i = 0; i < p->foreign_count && i < FL_MAX_FOREIGN; i++)
		pin_speller(R, p->foreign[i].dict, NULL, pins, &n);
	return n;
}

/* Gives back the n holds of pin_spellers; what no one holds any more
 * goes to t. Under R's lock. */
static void unpin_spellers(fl_checker *R, speller_ent **pins, size_t n,
                           trash *t)
{
	for (size_t i = 0; i < n; i++)
		speller_unref(R, pins[i], t);
}

/*
 * One hold on the resources of language tag, built on first use and kept
 * on the root while held or while the root's bound leaves room: give it
 * back with put_lang. Loading releases languages no one holds past the
 * bound and reads the dictionaries without the root's lock (the caller
 * must not hold it): a worker needing a language another one is loading
 * waits for that load, one needing a loaded language does not wait, and
 * one that holds no language waits for room when every loaded language is
 * held by others. Also drops chk's stale word verdicts (drop_verdicts).
 * Returns 0 or a negative code (message on chk; nothing held).
 */
static int get_lang(fl__lang_res **out, fl_checker *chk, const char *tag)
{
	const fl__profile *p = fl__profiles_find(&chk->profiles, tag);
	fl_checker *R = chk->root;
	trash t = {NULL, NULL};
	lang_ent *e;
	uintptr_t v;
	fl__lang_res *L = NULL;
	speller_ent *pins[FL_MAX_PINS];
	size_t npins;
	int error = 0;

	*out = NULL;
	if (!p)
		return fl__fail(chk->err, sizeof(chk->err), FL_ELANG,
		                "no language profile for '%s'", tag);
	lock_root(chk);
again:
	for (;;) {
		if (!fl_map_get(&R->langs, p->tag, strlen(p->tag), &v) || !v)
			break;
		e = (lang_ent *)v;
		if (e->res) {
			e->refs++;
			e->used = ++R->tick;
			chk->holds++;
			*out = e->res;
			drop_verdicts(chk);
			unlock_root(chk);
			return 0;
		}
		/* another worker loads it */
		pthread_cond_wait(&R->loaded, &R->lock);
	}
	npins = pin_spellers(R, p, pins);
	make_room(R, &t);
	if (R->max_langs && R->resident >= R->max_langs && chk->holds == 0) {
		/* Every language loaded is another worker's: wait for one to
		 * be given back rather than pass the bound. (One that holds a
		 * language loads past it: it may be what the others wait
		 * for.) */
		unpin_spellers(R, pins, npins, &t);
		unlock_root(chk);
		trash_free(&t);
		lock_root(chk);
		if (R->max_langs && R->resident >= R->max_langs)
			pthread_cond_wait(&R->loaded, &R->lock);
		goto again;
	}
	if (!(e = calloc(1, sizeof(*e))) ||
	    fl_map_put(&R->langs, p->tag, strlen(p->tag), (uintptr_t)e) < 0) {
		free(e);
		unpin_spellers(R, pins, npins, &t);
		unlock_root(chk);
		trash_free(&t);
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	}
	e->refs = 1;
	R->resident++;
	unlock_root(chk);
	/* what was released is freed, and the language read, unlocked */
	trash_free(&t);
	error = build_lang(&L, chk, e, p);

	lock_root(chk);
	if (error == 0) {
		e->res = L;
		e->used = ++R->tick;
		chk->holds++;
		*out = L;
		/* L may stand where a language released now stood */
		drop_verdicts(chk);
	} else {
		map_clear_value(&R->langs, (uintptr_t)e);
		R->resident--;
		for (size_t i = 0; i < e->sp_count; i++)
			speller_unref(R, e->sps[i], &t);
		e->sp_count = 0;
		e->next = t.langs;
		t.langs = e;
	}
	unpin_spellers(R, pins, npins, &t);
	pthread_cond_broadcast(&R->loaded);
	unlock_root(chk);
	trash_free(&t);
	return error;
}

/* Gives back a hold get_lang gave on L; NULL is accepted. */
static void put_lang(fl_checker *chk, const fl__lang_res *L)
{
	fl_checker *R = chk->root;
	uintptr_t v;

	if (!L)
		return;
	lock_root(chk);
	if (fl_map_get(&R->langs, L->profile->tag, strlen(L->profile->tag),
	               &v) &&
	    v && ((lang_ent *)v)->res == L && ((lang_ent *)v)->refs > 0) {
		lang_ent *e = (lang_ent *)v;
		e->used = ++R->tick;
		chk->holds--;
		/* a worker waiting for room may release it now */
		if (--e->refs == 0)
			pthread_cond_broadcast(&R->loaded);
	}
	unlock_root(chk);
}

int fl_checker_set_max_languages(fl_checker *chk, size_t max)
{
	if (!chk)
		return FL_EINVAL;
	lock_root(chk);
	chk->root->max_langs = max;
	/* a worker waiting for room may have it now */
	pthread_cond_broadcast(&chk->root->loaded);
	unlock_root(chk);
	return 0;
}

/* The size_t at offset of chk's root, read under its lock. */
static size_t root_count(fl_checker *chk, size_t offset)
{
	size_t n;

	lock_root(chk);
	memcpy(&n, (const char *)chk->root + offset, sizeof(n));
	unlock_root(chk);
	return n;
}

size_t fl__checker_resident(fl_checker *chk)
{
	return root_count(chk, offsetof(fl_checker, resident));
}

size_t fl__checker_released(fl_checker *chk)
{
	return root_count(chk, offsetof(fl_checker, released));
}

size_t fl__checker_opened(fl_checker *chk)
{
	return root_count(chk, offsetof(fl_checker, opened));
}

/* Adds to idx the exonyms (names/exonyms.h) of every entity of the facts
 * that is no person, for L's language: "Londres" for London in
 * Portuguese. An extracted entity's kind is a guess ("Latin America" may
 * be taken for a person): it gets its exonyms whatever its kind. The
 * table is built for L the first time. */
static int add_exonyms(fl__index *idx, fl_checker *chk, fl__lang_res *L)
{
	const fl_facts *f = chk->facts;
	int error = 0;

	lock_root(chk);
	if (!L->exonyms)
		error = fl__exonyms_new(&L->exonyms, L->locale);
	unlock_root(chk);
	if (error < 0)
		return fl__fail(chk->err, sizeof(chk->err), error,
		                "out of memory");
	for (size_t e = 0; e < f->entity_count && error == 0; e++) {
		const fl__entity *en = &f->entities[e];
		if (en->kind == FL_KIND_PERSON && !en->extracted)
			continue;
		for (size_t a = 0; a <= en->alias_count && error == 0; a++) {
			char *const *names;
			size_t n = fl__exonyms_get(
			    L->exonyms, a ? en->aliases[a - 1] : en->name,
			    &names);
			for (size_t k = 0; k < n && error == 0; k++)
				error = fl__index_add_form(
				    idx, chk->text, (uint32_t)e, names[k],
				    chk->err, sizeof(chk->err));
		}
	}
	return error;
}

static int get_index(fl__index **out, fl_checker *chk, const char *tag,
                     fl__lang_res *L)
{
	uintptr_t v;
	fl__index *idx;
	int error;

	*out = NULL;
	if (!chk->facts)
		return 0;
	if (fl_map_get(&chk->indexes, tag, strlen(tag), &v)) {
		*out = (fl__index *)v;
		return 0;
	}
	if ((error = fl__index_build(&idx, chk->facts, tag, chk->text, chk->err,
	                             sizeof(chk->err))) < 0)
		return error;
	if ((error = add_exonyms(idx, chk, L)) < 0) {
		fl__index_free(idx);
		return error;
	}
	/* The original's dictionary tells ordinary and well-known words in
	 * names from distinctive ones (for name.garbled). Without a profile
	 * for the source language every word counts as distinctive. */
	{
		const char *src = fl_facts_source_lang(chk->facts);
		fl__lang_res *S = NULL;
		if (fl__profiles_find(&chk->profiles, src ? src : "en") &&
		    (error = get_lang(&S, chk, src ? src : "en")) < 0) {
			fl__index_free(idx);
			return error;
		}
		if (S && (error = fl__classify_name_words(idx, S->dicts,
		                                          S->dict_count)) < 0) {
			put_lang(chk, S);
			fl__index_free(idx);
			return fl__fail(chk->err, sizeof(chk->err), error,
			                "out of memory");
		}
		put_lang(chk, S);
	}
	if (fl_map_put(&chk->indexes, tag, strlen(tag), (uintptr_t)idx) < 0) {
		fl__index_free(idx);
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	}
	*out = idx;
	return 0;
}

/* A resource kept per language in one of the root's maps: loaded (into
 * *out, caller frees with the matching res_free_fn) and freed. */
typedef int (*res_load_fn)(void **out, fl_checker *chk, const char *tag);
typedef void (*res_free_fn)(void *res);

/*
 * The resource of language tag in the root's map (R->packs, R->extract),
 * loaded by load on first use without the root's lock, so that a load
 * does not stop the other workers: when two workers load it at once, the
 * first to put it in the map wins and the other's copy is freed with
 * dispose. Kept while the language is (the caller holds it: get_lang).
 * A load that fails is not kept: the next caller tries again.
 */
static int get_shared(void **out, fl_checker *chk, fl_map *map, const char *tag,
                      res_load_fn load, res_free_fn dispose)
{
	void *res = NULL;
	uintptr_t v;
	int error;

	*out = NULL;
	lock_root(chk);
	if (fl_map_get(map, tag, strlen(tag), &v) && v) {
		*out = (void *)v;
		unlock_root(chk);
		return 0;
	}
	unlock_root(chk);
	if ((error = load(&res, chk, tag)) < 0)
		return error;
	lock_root(chk);
	if (fl_map_get(map, tag, strlen(tag), &v) && v) {
		*out = (void *)v;
	} else if (fl_map_put(map, tag, strlen(tag), (uintptr_t)res) < 0) {
		error = fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                 "out of memory");
	} else {
		*out = res;
		res = NULL;
	}
	unlock_root(chk);
	if (res)
		dispose(res);
	return error;
}

/* res_load_fn of the rule packs (rules/packs/<lang>.yaml and <tag>.yaml). */
static int load_rules(void **out, fl_checker *chk, const char *tag)
{
	fl__ruleset *set = calloc(1, sizeof(*set));
	int error;

	if (!set)
		return fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
		                "out of memory");
	if ((error = fl__ruleset_load_lang(set, chk->data_dir, tag, chk->err,
	                                   sizeof(chk->err))) < 0) {
		free(set);
		return error;
	}
	*out = set;
	return 0;
}

/* res_free_fn of the rule packs. */
static void free_rules(void *res)
{
	fl__ruleset_dispose(res);
	free(res);
}

/*
 * The rule packs of language tag, kept while the language is (get_shared).
 * A pack that fails to load is not kept, so every document in that
 * language fails with its message.
 */
static int get_rules(const fl__ruleset **out, fl_checker *chk, const char *tag)
{
	void *res;
	int error = get_shared(&res, chk, &chk->root->packs, tag, load_rules,
	                       free_rules);
	*out = res;
	return error;
}

int fl_checker_rules(fl_rule_list **out, fl_checker *chk, const char *lang)
{
	char tag[FL_TAG_MAX];
	int error;

	if (!out)
		return FL_EINVAL;
	*out = NULL;
	if (!chk)
		return FL_EINVAL;
	chk->err[0] = '\0';
	if (lang &&
	    (error = fl_checker_lang_from_tag(tag, sizeof(tag), chk, lang)) < 0)
		return error;
	return fl__rule_list_build(out, chk->data_dir, lang ? tag : NULL,
	                           chk->err, sizeof(chk->err));
}

/* ---------------------------------------------------------------- check */

static void icu_locale(char *out, size_t n, const char *tag)
{
	size_t i;
	for (i = 0; tag[i] && i + 1 < n; i++)
		out[i] = tag[i] == '-' ? '_' : tag[i];
	out[i] = '\0';
}

/* The bilingual lexicon of L's language, read the first time facts with
 * entities need it (name.literal); a language without one has none. */
static int get_bilex(fl_checker *chk, fl__lang_res *L)
{
	int error = 0;

	if (!chk->facts || chk->facts->entity_count == 0)
		return 0;
	lock_root(chk);
	if (!L->bilex_tried) {
		L->bilex_tried = true;
		error =
		    fl__bilex_load(&L->bilex, chk->data_dir, "en",
		                   L->profile->tag, chk->err, sizeof(chk->err));
	}
	unlock_root(chk);
	return error;
}

void fl__original_dispose(fl__original *e)
{
	fl__extract_free(e->x);
	if (e->have_doc)
		fl__doc_dispose(&e->doc);
	if (e->holder)
		put_lang(e->holder, e->lang);
	memset(e, 0, sizeof(*e));
}

/* res_load_fn of the extraction data. */
static int load_extract(void **out, fl_checker *chk, const char *tag)
{
	fl__extract_data *xd = NULL;
	int error = fl__extract_data_load(&xd, chk->data_dir, tag, chk->err,
	                                  sizeof(chk->err));
	*out = xd;
	return error;
}

/* res_free_fn of the extraction data. */
static void free_extract(void *res)
{
	fl__extract_data_free(res);
}

/* The extraction data of language tag (held by the caller), kept while
 * the language is (get_shared). */
static int get_extract(fl__extract_data **out, fl_checker *chk, const char *tag)
{
	void *res;
	int error = get_shared(&res, chk, &chk->root->extract, tag,
	                       load_extract, free_extract);
	*out = res;
	return error;
}

int fl__original_read(fl__original *e, fl_checker *chk, const char *path,
                      const char *data, size_t len, const char *lang)
{
	char tag[FL_TAG_MAX], locale[FL_TAG_MAX], msg[FL_ERRMSG_SIZE] = "";
	fl__lang_res *L = NULL;
	fl__extract_data *xd = NULL;
	int error;

	memset(e, 0, sizeof(*e));
	if ((error = fl_checker_lang_from_tag(tag, sizeof(tag), chk,
	                                      lang ? lang : "en")) < 0 ||
	    (error = get_lang(&L, chk, tag)) < 0)
		return error;
	/* held until the original is disposed of: its analysis reads it */
	e->holder = chk;
	e->lang = L;
	if ((error = get_extract(&xd, chk, L->profile->tag)) < 0)
		return error;
	icu_locale(locale, sizeof(locale), tag);
	if ((error = fl__doc_init(&e->doc, chk->text, data ? data : "", len,
	                          locale, msg, sizeof(msg))) < 0) {
		fl__doc_dispose(&e->doc);
		return fl__fail(chk->err, sizeof(chk->err), error, "%s: %s",
		                path, msg);
	}
	e->have_doc = true;
	e->in.doc = &e->doc;
	e->in.data = xd;
	e->in.dicts = L->dicts;
	e->in.dict_count = L->dict_count;
	e->in.num = L->num;
	e->in.text = chk->text;
	e->in.locale = L->locale;
	e->in.lang = L->profile->tag;
	e->in.path = path;
	if ((error = fl__extract_run(&e->x, &e->in, msg, sizeof(msg))) < 0)
		return fl__fail(chk->err, sizeof(chk->err), error, "%s: %s",
		                path, msg);
	return 0;
}

int fl_extract_buffer(char **out, size_t *out_len, fl_checker *chk,
                      const char *path, const char *data, size_t len,
                      const char *lang)
{
	fl__original e;
	fl_buf b = FL_BUF_INIT;
	int error;

	*out = NULL;
	*out_len = 0;
	if (!path)
		path = "<input>";
	if (!data && len)
		return fl__fail(chk->err, sizeof(chk->err), FL_EINVAL,
		                "%s: bad arguments", path);
	if (len > chk->max_file_size)
		return fl__fail(chk->err, sizeof(chk->err), FL_ELIMIT,
		                "%s: file larger than the limit of %zu bytes",
		                path, chk->max_file_size);
	if ((error = fl__original_read(&e, chk, path, data, len, lang)) == 0) {
		if ((error = fl__extract_write(&b, e.x, FL_EXTRACT_ALL)) < 0 ||
		    !(*out = fl_buf_detach(&b)))
			error = fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
			                 "out of memory");
		else
			*out_len = strlen(*out);
	}
	fl_buf_dispose(&b);
	fl__original_dispose(&e);
	return error;
}

/* The counted mentions of the check, by entity and form as written, into
 * its result (fl_result_mention). */
static int record_mentions(fl__check_ctx *c)
{
	fl_buf form = FL_BUF_INIT;
	int error = 0;

	for (size_t i = 0; i < c->mention_count && error == 0; i++) {
		const fl__mention *m = &c->mentions[i];
		if (!m->counted || !c->facts ||
		    m->entity >= c->facts->entity_count)
			continue;
		fl_buf_clear(&form);
		if ((error = fl__doc_span_utf8(&form, c->doc, m->start,
		                               m->end)) == 0)
			error = fl__result_add_mention(
			    c->res, c->facts->entities[m->entity].name,
			    form.ptr ? form.ptr : "", 1);
	}
	fl_buf_dispose(&form);
	return error;
}

int fl__checker_lang(char *tag, size_t n, fl_checker *chk, const char *path,
                     const char *data, size_t len, const char *lang)
{
	char locale[FL_TAG_MAX], msg[FL_ERRMSG_SIZE] = "";
	fl__doc doc;
	int error;

	if (lang)
		return fl_checker_lang_from_tag(tag, n, chk, lang);
	if (path && fl__lang_from_path(tag, n, &chk->profiles, path) == 0)
		return 0;
	icu_locale(locale, sizeof(locale), "");
	if ((error = fl__doc_init(&doc, chk->text, data ? data : "", len,
	                          locale, msg, sizeof(msg))) == 0)
		error = fl__lang_detect(tag, n, &chk->profiles, &chk->common,
		                        &doc, msg, sizeof(msg));
	fl__doc_dispose(&doc);
	if (error < 0)
		fl__fail(chk->err, sizeof(chk->err), error, "%s: %s",
		         path ? path : "<input>", msg);
	return error;
}

/* The language tag opts or path give the document (the profile's
 * canonical tag), or "" when neither does and the text must tell. Returns
 * 0 or a negative code (message on chk). */
static int given_lang(char *tag, size_t n, fl_checker *chk, const char *path,
                      const fl_check_options *opts)
{
	tag[0] = '\0';
	if (opts->lang)
		return fl_checker_lang_from_tag(tag, n, chk, opts->lang);
	if (fl__lang_from_path(tag, n, &chk->profiles, path) < 0)
		tag[0] = '\0';
	return 0;
}

/* Fills what a check context of language tag shares with every
 * document: the language's resources (held: give c->lang back with
 * put_lang when the document is done), the facts and their index, the
 * rule packs, the verdict cache, and msg for the checks' messages.
 * Returns 0 or a negative code (message on chk; nothing held). */
static int ctx_for_lang(fl__check_ctx *c, fl_checker *chk, const char *tag,
                        char *msg, size_t msglen)
{
	fl__lang_res *L = NULL;
	fl__index *idx = NULL;
	const fl__ruleset *rules = NULL;
	int error;

	if ((error = get_lang(&L, chk, tag)) < 0)
		return error;
	if ((error = get_index(&idx, chk, tag, L)) < 0 ||
	    (error = get_rules(&rules, chk, L->profile->tag)) < 0 ||
	    (error = get_bilex(chk, L)) < 0) {
		put_lang(chk, L);
		return error;
	}
	c->text = chk->text;
	c->idx = idx;
	c->facts = chk->facts;
	c->lang = L;
	c->rules = rules;
	c->err = msg;
	c->errlen = msglen;
	c->lexcache = fl__checker_verdicts(chk);
	return 0;
}

/* A loader's message is on the checker already: puts the document's path
 * before it, once. */
static void prefix_path(fl_checker *chk, const char *path, int error)
{
	char msg[FL_ERRMSG_SIZE];
	if (strncmp(chk->err, path, strlen(path)) == 0)
		return;
	snprintf(msg, sizeof(msg), "%s", chk->err);
	fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path, msg);
}

int fl__check_doc(fl_result **out, fl_checker *chk, const char *path,
                  const char *data, size_t len, const fl_check_options *opts,
                  const fl__aligned_line *al)
{
	fl_check_options defaults = FL_CHECK_OPTIONS_INIT;
	char tag[FL_TAG_MAX] = "", locale[FL_TAG_MAX];
	char msg[FL_ERRMSG_SIZE] = "";
	fl__doc doc;
	fl__check_ctx c;
	fl_result *res = NULL;
	bool have_doc = false;
	int error = 0;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	if (!opts)
		opts = &defaults;
	if (!path)
		path = "<input>";
	if (opts->version != FL_CHECK_OPTIONS_VERSION || (!data && len))
		return fl__fail(chk->err, sizeof(chk->err), FL_EINVAL,
		                "%s: bad arguments", path);
	if (len > chk->max_file_size)
		return fl__fail(chk->err, sizeof(chk->err), FL_ELIMIT,
		                "%s: file larger than the limit of %zu bytes",
		                path, chk->max_file_size);

	if ((error = given_lang(tag, sizeof(tag), chk, path, opts)) < 0)
		goto fail;
	icu_locale(locale, sizeof(locale), tag);
	if ((error = fl__doc_init(&doc, chk->text, data ? data : "", len,
	                          locale, msg, sizeof(msg))) < 0) {
		fl__doc_dispose(&doc);
		fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path,
		         msg);
		return error;
	}
	have_doc = true;
	if (!tag[0] && (error = fl__lang_detect(tag, sizeof(tag),
	                                        &chk->profiles, &chk->common,
	                                        &doc, msg, sizeof(msg))) < 0) {
		fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path,
		         msg);
		goto done;
	}
	if ((error = ctx_for_lang(&c, chk, tag, msg, sizeof(msg))) < 0)
		goto fail;
	if ((error = fl__result_new(&res, path, tag)) < 0) {
		fl__fail(chk->err, sizeof(chk->err), error, "%s: out of memory",
		         path);
		goto done;
	}

	c.doc = &doc;
	c.partial = opts->partial != 0 && !al;
	c.aligned = al != NULL;
	c.line = al ? al->line : 0;
	c.source = al ? al->text : NULL;
	c.source_len = al ? al->len : 0;
	c.res = res;
	if ((error = fl__checks_run(&c)) < 0 ||
	    (error = record_mentions(&c)) < 0) {
		fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path,
		         error == FL_ENOMEM ? "out of memory" : msg);
		goto done;
	}
	*out = res;
	res = NULL;
	goto done;

fail:
	prefix_path(chk, path, error);
done:
	free(c.mentions);
	free(c.found);
	free(c.claimed);
	fl_result_free(res);
	if (have_doc)
		fl__doc_dispose(&doc);
	put_lang(chk, c.lang);
	return error;
}

/* ------------------------------------------------------------- windows */

/*
 * A plain-text document read window after window: from a file (read in
 * pieces, rewound for each pass) or from memory. A window ends at a line
 * end, at a blank line when one is in the second half of the window size;
 * a line longer than the window makes a longer window, up to the
 * checker's size limit.
 */
typedef struct {
	FILE *f;         /* NULL: the document is mem */
	const char *mem; /* a document held in memory */
	size_t mem_len;
	char *buf;       /* file: bytes read, from the window on */
	size_t len, cap; /* file: bytes in buf */
	const char *win; /* the current window */
	size_t win_len;
	size_t consumed; /* file: bytes of buf before the next window */
	size_t pos;      /* byte offset of the next window in the document */
	size_t size;     /* the window size */
	size_t max;      /* the longest window */
	bool eof;
} win_reader;

/* Whether a window may end right before p (of the n bytes at hand): a
 * window never starts with bytes a document would skip as a BOM. */
static bool cut_ok(const char *p, size_t n)
{
	return !(n >= 3 && (unsigned char)p[0] == 0xEF &&
	         (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF);
}

/* Where the window ends in s[0,n): after the last blank line of its
 * second half (size bytes), else after the last line end within size,
 * else after the first line end; n when there is none (all). */
static size_t cut_at(const char *s, size_t n, size_t size, bool all)
{
	size_t lim = n < size ? n : size, last = 0;
	if (all && n <= size)
		return n;
	for (size_t i = lim; i-- > lim / 2;)
		if (s[i] == '\n' && i > 0 &&
		    (s[i - 1] == '\n' ||
		     (s[i - 1] == '\r' && i > 1 && s[i - 2] == '\n')) &&
		    cut_ok(s + i + 1, n - i - 1))
			return i + 1;
	for (size_t i = lim; i-- > 0 && !last;)
		if (s[i] == '\n' && cut_ok(s + i + 1, n - i - 1))
			last = i + 1;
	if (last)
		return last;
	for (size_t i = lim; i < n; i++)
		if (s[i] == '\n' && cut_ok(s + i + 1, n - i - 1))
			return i + 1;
	return all ? n : 0;
}

/* Starts reading the document from its beginning again. */
static int win_rewind(win_reader *r)
{
	r->len = r->consumed = r->pos = 0;
	r->win = NULL;
	r->win_len = 0;
	r->eof = false;
	if (r->f && fseek(r->f, 0, SEEK_SET) != 0)
		return FL_EIO;
	return 0;
}

/* The next window into r->win / r->win_len. Returns 1, 0 at the end, or
 * FL_EIO, FL_ELIMIT (a line longer than r->max) or FL_ENOMEM. */
static int win_next(win_reader *r)
{
	size_t cut;

	r->pos += r->win_len;
	if (!r->f) {
		const char *s = r->mem + r->pos;
		size_t n = r->mem_len - r->pos;
		if (n == 0 && r->pos > 0)
			return 0;
		cut = cut_at(s, n, r->size, true);
		if (cut > r->max)
			return FL_ELIMIT;
		r->win = s;
		r->win_len = cut;
		return 1;
	}
	/* drop the window before, keep what was read after it */
	if (r->consumed > 0) {
		memmove(r->buf, r->buf + r->consumed, r->len - r->consumed);
		r->len -= r->consumed;
		r->consumed = 0;
	}
	for (;;) {
		size_t want = r->size + 4, got;
		/* a long line: read on until its end or the limit */
		if (r->len >= want)
			want = r->len + r->size;
		if (!r->eof && r->len < want) {
			if (want > r->cap &&
			    fl__grow((void **)&r->buf, &r->cap, want, 1) < 0)
				return FL_ENOMEM;
			got = fread(r->buf + r->len, 1, want - r->len, r->f);
			if (got < want - r->len) {
				if (ferror(r->f))
					return FL_EIO;
				r->eof = true;
			}
			r->len += got;
		}
		if (r->len == 0 && r->pos > 0)
			return 0;
		cut = cut_at(r->buf, r->len, r->size, r->eof);
		if (cut > r->max || (!cut && r->len > r->max))
			return FL_ELIMIT;
		if (cut)
			break;
	}
	r->win = r->buf;
	r->win_len = cut;
	r->consumed = cut;
	return 1;
}

/* Makes window r->win a document (doc); an encoding error names the
 * byte offset in the whole document. */
static int win_doc(fl__doc *doc, fl_checker *chk, const win_reader *r,
                   const char *path, const char *locale)
{
	char msg[FL_ERRMSG_SIZE] = "";
	long at;
	int error;

	if ((error = fl__doc_init(doc, chk->text, r->win, r->win_len, locale,
	                          msg, sizeof(msg))) == 0)
		return 0;
	fl__doc_dispose(doc);
	if (error == FL_EENCODING &&
	    sscanf(msg, "invalid UTF-8 at byte offset %ld", &at) == 1)
		snprintf(msg, sizeof(msg), "invalid UTF-8 at byte offset %zu",
		         r->pos + (size_t)at);
	return fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path, msg);
}

/* Forgets what the checks kept of one window (mentions, counts, claimed
 * tokens); the verdict cache is the checker's and stays. */
static void window_reset(fl__check_ctx *c)
{
	free(c->mentions);
	free(c->found);
	free(c->claimed);
	c->mentions = NULL;
	c->found = NULL;
	c->claimed = NULL;
	c->mention_count = c->mention_cap = 0;
}

/* fl__policy_keep for fl__result_filter_from. */
static bool policy_keep(fl_finding *f, void *opts)
{
	return fl__policy_keep(opts, f->rule, &f->severity);
}

/*
 * Checks the plain-text document of r window after window, with what
 * the checks count over the whole document (fl__doc_state) kept from
 * window to window: with entities in the facts a first pass counts the
 * mentions of every entity (after one finding which entities are named
 * in full, for a script without case), then every check runs on every
 * window, and the findings counted over the document come at the end.
 * The findings are those of checking the document at once, sorted the
 * same way. Without a language from opts or the path, it is detected
 * from the first window. Returns as fl_check_buffer.
 */
static int check_windows(fl_result **out, fl_checker *chk, const char *path,
                         win_reader *r, const fl_check_options *opts)
{
	char tag[FL_TAG_MAX] = "", locale[FL_TAG_MAX];
	char msg[FL_ERRMSG_SIZE] = "";
	const fl__lang_res *L;
	fl__check_ctx c;
	fl__doc_state ds;
	fl__doc doc;
	fl_result *res = NULL, *scratch = NULL;
	int passes[3], np = 0, error = 0;
	bool have_doc = false;
	bool has_policy = opts->select || opts->ignore || opts->severity;
	size_t kept;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	memset(&ds, 0, sizeof(ds));
	if ((error = given_lang(tag, sizeof(tag), chk, path, opts)) < 0)
		goto fail;
	if (!tag[0]) {
		/* the language of the first window */
		icu_locale(locale, sizeof(locale), "");
		if ((error = win_next(r)) < 0)
			goto read_failed;
		if ((error = win_doc(&doc, chk, r, path, locale)) < 0)
			return error;
		error = fl__lang_detect(tag, sizeof(tag), &chk->profiles,
		                        &chk->common, &doc, msg, sizeof(msg));
		fl__doc_dispose(&doc);
		if (error < 0)
			return fl__fail(chk->err, sizeof(chk->err), error,
			                "%s: %s", path, msg);
	}
	if ((error = ctx_for_lang(&c, chk, tag, msg, sizeof(msg))) < 0)
		goto fail;
	L = c.lang;
	icu_locale(locale, sizeof(locale), tag);
	if ((error = fl__result_new(&res, path, tag)) < 0 ||
	    (error = fl__result_new(&scratch, path, tag)) < 0)
		goto nomem;

	ds.entity_count = c.idx && chk->facts ? chk->facts->entity_count : 0;
	if (ds.entity_count) {
		if (!(ds.full = calloc(ds.entity_count, 1)) ||
		    !(ds.found = calloc(ds.entity_count, sizeof(*ds.found))) ||
		    !(ds.present = calloc(ds.entity_count, 1)) ||
		    !(ds.singles =
		          calloc(ds.entity_count, sizeof(*ds.singles))))
			goto nomem;
		/* mentions_xlit.c runs in a script without case */
		if (L->script >= 0 && !fl__script_is_cased(L->script))
			passes[np++] = FL__PASS_FULL;
		passes[np++] = FL__PASS_COUNT;
	}
	passes[np++] = FL__PASS_CHECK;

	c.partial = opts->partial != 0;
	c.ds = &ds;
	for (int p = 0; p < np && error == 0; p++) {
		ds.pass = passes[p];
		ds.off_base = 0;
		c.line_base = 0;
		if ((error = win_rewind(r)) < 0)
			goto read_failed;
		for (;;) {
			if ((error = win_next(r)) < 0)
				goto read_failed;
			if (error == 0)
				break;
			if (have_doc)
				fl__doc_dispose(&doc);
			have_doc = false;
			if ((error = win_doc(&doc, chk, r, path, locale)) < 0)
				goto done;
			have_doc = true;
			c.doc = &doc;
			if (ds.pass == FL__PASS_CHECK) {
				c.res = res;
			} else {
				/* the first passes' findings are not kept */
				fl_result_free(scratch);
				scratch = NULL;
				if ((error = fl__result_new(&scratch, path,
				                            tag)) < 0)
					goto nomem;
				c.res = scratch;
			}
			kept = fl__result_mem_count(res);
			if ((error = fl__checks_run(&c)) < 0)
				goto check_failed;
			/* What the options leave out is dropped as it comes:
			 * the result holds only what will be reported. */
			if (ds.pass == FL__PASS_CHECK && has_policy)
				fl__result_filter_from(res, kept, policy_keep,
				                       (void *)opts);
			/* FL_CHECK_SPILL: what is in report order so far
			 * goes to a temporary file past chk->spill bytes. */
			if (ds.pass == FL__PASS_CHECK &&
			    (opts->flags & FL_CHECK_SPILL) &&
			    (error = fl__result_spill(res, chk->spill)) < 0) {
				error =
				    fl__fail(chk->err, sizeof(chk->err), error,
				             "%s: out of memory", path);
				goto done;
			}
			if (ds.pass == FL__PASS_COUNT) {
				fl__mentions_tally(&c);
				for (size_t e = 0; e < ds.entity_count; e++)
					ds.found[e] += c.found[e];
			} else if (ds.pass == FL__PASS_CHECK &&
			           (error = record_mentions(&c)) < 0) {
				goto check_failed;
			}
			window_reset(&c);
			c.line_base += doc.line_count - 1;
			ds.off_base += doc.len;
		}
	}
	c.res = res;
	if ((error = fl__checks_finish(&c)) < 0)
		goto check_failed;
	*out = res;
	res = NULL;
	goto done;

read_failed:
	if (error == FL_ELIMIT)
		fl__fail(chk->err, sizeof(chk->err), error,
		         "%s: a line longer than the limit of %zu bytes "
		         "(at byte %zu)",
		         path, chk->max_file_size, r->pos);
	else if (error == FL_ENOMEM)
		fl__fail(chk->err, sizeof(chk->err), error, "%s: out of memory",
		         path);
	else
		fl__fail(chk->err, sizeof(chk->err), error, "%s: read error",
		         path);
	goto done;
check_failed:
	fl__fail(chk->err, sizeof(chk->err), error, "%s: %s", path,
	         error == FL_ENOMEM ? "out of memory" : msg);
	goto done;
nomem:
	error = fl__fail(chk->err, sizeof(chk->err), FL_ENOMEM,
	                 "%s: out of memory", path);
	goto done;
fail:
	prefix_path(chk, path, error);
done:
	window_reset(&c);
	fl__doc_state_dispose(&ds);
	fl_result_free(res);
	fl_result_free(scratch);
	if (have_doc)
		fl__doc_dispose(&doc);
	put_lang(chk, c.lang);
	return error;
}

int fl_check_buffer(fl_result **out, fl_checker *chk, const char *path,
                    const char *data, size_t len, const fl_check_options *opts)
{
	fl_check_options defaults = FL_CHECK_OPTIONS_INIT;
	int error;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!path)
		path = "<input>";
	/* A document longer than a window is checked in windows: memory
	 * for its tokens stays bounded, and so does its size. */
	if (data && len > chk->window &&
	    opts->version == FL_CHECK_OPTIONS_VERSION) {
		win_reader r;
		memset(&r, 0, sizeof(r));
		r.mem = data;
		r.mem_len = len;
		r.size = chk->window;
		r.max = chk->max_file_size;
		error = check_windows(out, chk, path, &r, opts);
	} else {
		error = fl__check_doc(out, chk, path, data, len, opts, NULL);
	}
	if (error == 0)
		fl__policy_apply(*out, opts);
	return error;
}

int fl_check_file(fl_result **out, fl_checker *chk, const char *path,
                  const fl_check_options *opts)
{
	fl_check_options defaults = FL_CHECK_OPTIONS_INIT;
	char *data;
	size_t len;
	struct stat st;
	FILE *f;
	int error;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	/* A regular file longer than a window is read and checked in
	 * windows (the passes read it again); standard input and pipes are
	 * read whole, within the size limit. */
	if (strcmp(path, "-") != 0 &&
	    opts->version == FL_CHECK_OPTIONS_VERSION &&
	    (f = fopen(path, "rb"))) {
		if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
		    (uintmax_t)st.st_size > chk->window) {
			win_reader r;
			memset(&r, 0, sizeof(r));
			r.f = f;
			r.size = chk->window;
			r.max = chk->max_file_size;
			error = check_windows(out, chk, path, &r, opts);
			free(r.buf);
			fclose(f);
			if (error == 0)
				fl__policy_apply(*out, opts);
			return error;
		}
		fclose(f);
	}
	if ((error = fl__checker_read(&data, &len, chk, path)) < 0)
		return error;
	error = fl_check_buffer(out, chk, path, data, len, opts);
	free(data);
	return error;
}

int fl_extract_file(char **out, size_t *out_len, fl_checker *chk,
                    const char *path, const char *lang)
{
	char *data;
	size_t len;
	int error;

	*out = NULL;
	*out_len = 0;
	if ((error = fl__checker_read(&data, &len, chk, path)) < 0)
		return error;
	error = fl_extract_buffer(out, out_len, chk, path, data, len, lang);
	free(data);
	return error;
}

size_t fl__line_next(const char *s, size_t n, size_t *next)
{
	size_t i = 0;

	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	*next = i;
	if (i < n)
		*next += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	return i;
}

int fl__checker_read(char **data, size_t *len, fl_checker *chk,
                     const char *path)
{
	if (strcmp(path, "-") == 0)
		return fl__read_stream(data, len, stdin, "-",
		                       chk->max_file_size, chk->err,
		                       sizeof(chk->err));
	return fl__read_file(data, len, path, chk->max_file_size, chk->err,
	                     sizeof(chk->err));
}

size_t fl__checker_max_size(const fl_checker *chk)
{
	return chk->max_file_size;
}

int fl__checker_fail(fl_checker *chk, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(chk->err, sizeof(chk->err), fmt, ap);
	va_end(ap);
	return code;
}

const fl_facts *fl__checker_facts(const fl_checker *chk)
{
	return chk->facts;
}
