#include "map.h"

#include <stdlib.h>
#include <string.h>

uint64_t fl_map_hash_more(uint64_t h, const void *key, size_t len)
{
	const unsigned char *p = key;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 1099511628211ull;
	}
	return h;
}

uint64_t fl_map_hash(const void *key, size_t len)
{
	return fl_map_hash_more(FL_MAP_HASH_SEED, key, len);
}

static fl_map_slot *find(const fl_map *m, const void *key, size_t len,
                         uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		fl_map_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->keylen == len &&
		    memcmp(s->key, key, len) == 0)
			return s;
	}
}

static int rehash(fl_map *m, size_t ncap)
{
	fl_map_slot *old = m->slots;
	size_t oldcap = m->cap;
	fl_map_slot *slots = calloc(ncap, sizeof(*slots));
	if (!slots)
		return FL_ENOMEM;
	m->slots = slots;
	m->cap = ncap;
	for (size_t i = 0; i < oldcap; i++) {
		if (old[i].key) {
			fl_map_slot *s =
			    find(m, old[i].key, old[i].keylen, old[i].hash);
			*s = old[i];
		}
	}
	free(old);
	return 0;
}

bool fl_map_get(const fl_map *m, const void *key, size_t len, uintptr_t *value)
{
	fl_map_slot *s;
	if (!m->cap)
		return false;
	s = find(m, key, len, fl_map_hash(key, len));
	if (!s->key)
		return false;
	if (value)
		*value = s->value;
	return true;
}

uintptr_t *fl_map_slot_of(fl_map *m, const void *key, size_t len,
                          uintptr_t init, bool *inserted)
{
	uint64_t h = fl_map_hash(key, len);
	fl_map_slot *s;

	if (inserted)
		*inserted = false;
	/* Keep the load factor under 1/2 so probes stay short. */
	if ((m->count + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap : 16;
		while ((m->count + 1) * 2 > ncap) {
			if (fl__mul_overflow(ncap, 2, &ncap))
				return NULL;
		}
		if (ncap != m->cap && rehash(m, ncap) < 0)
			return NULL;
	}
	s = find(m, key, len, h);
	if (!s->key) {
		char *k = malloc(len ? len : 1);
		if (!k)
			return NULL;
		if (len)
			memcpy(k, key, len);
		s->key = k;
		s->keylen = len;
		s->hash = h;
		s->value = init;
		m->count++;
		if (inserted)
			*inserted = true;
	}
	return &s->value;
}

int fl_map_put(fl_map *m, const void *key, size_t len, uintptr_t value)
{
	uintptr_t *v = fl_map_slot_of(m, key, len, value, NULL);
	if (!v)
		return FL_ENOMEM;
	*v = value;
	return 0;
}

void fl_map_dispose(fl_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}
