#include "spell.h"

#include "../util/map.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* hunspell refuses longer words anyway (MAXWORDLEN); keep well under. */
#define FL_SPELL_WORD_MAX 200

/* Most verdicts a speller keeps: past it the cache starts again, so that
 * a long run in many distinct words does not grow (hunspell knows the
 * added words itself). */
#define FL_SPELL_CACHE_MAX ((size_t)1 << 16)

/* hunspell changes its handle's state in Hunspell_spell, so one thread at
 * a time asks it: lock guards h and cache. */
struct fl__speller {
	char *name;
	Hunhandle *h;
	fl_map cache; /* word -> 1 known, 2 unknown */
	pthread_mutex_t lock;
	bool have_lock;
};

/* hunspell 1.7.1 (Debian bookworm's) keeps one table for every handle, a
 * global utf_tbl with a plain reference count that Hunspell_create and
 * Hunspell_destroy change (hunspell/hunspell issue #727, fixed after 1.7.1
 * by pull request #853): two handles made or destroyed at once, as two
 * workers loading or releasing languages do, could free it under the
 * other. So every create, added word list and destroy takes this one
 * lock; asking a handle only reads the table. */
static pthread_mutex_t lifecycle_lock = PTHREAD_MUTEX_INITIALIZER;

static bool file_exists(const char *path)
{
	return access(path, R_OK) == 0;
}

int fl__speller_open(fl__speller **out, const char *dict_path, const char *name,
                     const char *const *extra, size_t extra_count, char *err,
                     size_t errlen)
{
	char aff[4096], dic[4096];
	const char *p = dict_path;
	bool found = false;
	fl__speller *sp = NULL;
	const char *enc;
	int error = 0;

	*out = NULL;
	while (p && *p && !found) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		if (n > 0 && n < 3000) {
			snprintf(aff, sizeof(aff), "%.*s/%s.aff", (int)n, p,
			         name);
			snprintf(dic, sizeof(dic), "%.*s/%s.dic", (int)n, p,
			         name);
			found = file_exists(aff) && file_exists(dic);
		}
		p = colon ? colon + 1 : NULL;
	}
	if (!found)
		return fl__fail(
		    err, errlen, FL_ELANG,
		    "no hunspell dictionary '%s' in %s (install its "
		    "Debian hunspell package)",
		    name, dict_path);
	if (!(sp = calloc(1, sizeof(*sp))) || !(sp->name = fl__strdup(name)) ||
	    pthread_mutex_init(&sp->lock, NULL) != 0) {
		error = fl__fail(err, errlen, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	sp->have_lock = true;
	pthread_mutex_lock(&lifecycle_lock);
	sp->h = Hunspell_create(aff, dic);
	pthread_mutex_unlock(&lifecycle_lock);
	if (!sp->h) {
		error = fl__fail(err, errlen, FL_EIO, "%s: cannot load", dic);
		goto cleanup;
	}
	enc = Hunspell_get_dic_encoding(sp->h);
	if (!enc || fl__ascii_casecmp(enc, "UTF-8") != 0) {
		error = fl__fail(err, errlen, FL_ELANG,
		                 "%s: dictionary encoding %s is not UTF-8", aff,
		                 enc ? enc : "(unknown)");
		goto cleanup;
	}
	for (size_t i = 0; i < extra_count; i++) {
		int rc = -1;
		/* A word list is a new hash manager: it counts the table. */
		if (file_exists(extra[i])) {
			pthread_mutex_lock(&lifecycle_lock);
			rc = Hunspell_add_dic(sp->h, extra[i]);
			pthread_mutex_unlock(&lifecycle_lock);
		}
		if (rc != 0) {
			error = fl__fail(err, errlen, FL_EIO,
			                 "%s: cannot add word list", extra[i]);
			goto cleanup;
		}
	}
	*out = sp;
	sp = NULL;

cleanup:
	fl__speller_free(sp);
	return error;
}

int fl__speller_check(fl__speller *sp, const char *word, size_t n)
{
	uintptr_t *slot;
	bool inserted;
	char buf[FL_SPELL_WORD_MAX + 1];

	int r;

	if (n == 0 || n > FL_SPELL_WORD_MAX)
		return 0;
	pthread_mutex_lock(&sp->lock);
	if (sp->cache.count >= FL_SPELL_CACHE_MAX)
		fl_map_dispose(&sp->cache);
	slot = fl_map_slot_of(&sp->cache, word, n, 0, &inserted);
	if (!slot) {
		r = FL_ENOMEM;
	} else {
		if (*slot == 0) {
			memcpy(buf, word, n);
			buf[n] = '\0';
			*slot = Hunspell_spell(sp->h, buf) ? 1 : 2;
		}
		r = *slot == 1;
	}
	pthread_mutex_unlock(&sp->lock);
	return r;
}

int fl__speller_add(fl__speller *sp, const char *word)
{
	size_t n = strlen(word);
	uintptr_t *slot;

	int error = 0;

	if (n == 0 || n > FL_SPELL_WORD_MAX)
		return 0;
	pthread_mutex_lock(&sp->lock);
	Hunspell_add(sp->h, word);
	if (!(slot = fl_map_slot_of(&sp->cache, word, n, 0, NULL)))
		error = FL_ENOMEM;
	else
		*slot = 1;
	pthread_mutex_unlock(&sp->lock);
	return error;
}

size_t fl__speller_cached(fl__speller *sp)
{
	size_t n;

	pthread_mutex_lock(&sp->lock);
	n = sp->cache.count;
	pthread_mutex_unlock(&sp->lock);
	return n;
}

size_t fl__speller_cache_max(void)
{
	return FL_SPELL_CACHE_MAX;
}

const char *fl__speller_name(const fl__speller *sp)
{
	return sp->name;
}

void fl__speller_free(fl__speller *sp)
{
	if (!sp)
		return;
	if (sp->h) {
		pthread_mutex_lock(&lifecycle_lock);
		Hunspell_destroy(sp->h);
		pthread_mutex_unlock(&lifecycle_lock);
	}
	fl_map_dispose(&sp->cache);
	if (sp->have_lock)
		pthread_mutex_destroy(&sp->lock);
	free(sp->name);
	free(sp);
}

int fl__spellers_check(fl__speller *const *sp, size_t n, const char *word,
                       size_t len)
{
	for (size_t i = 0; i < n; i++) {
		int r = fl__speller_check(sp[i], word, len);
		if (r != 0)
			return r;
	}
	return 0;
}
