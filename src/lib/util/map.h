/*
 * Hash map from byte strings to a pointer-sized value, open addressing with
 * linear probing (FNV-1a hashes). Keys are copied and owned by the map.
 * Used for every lookup that must not scan: entity forms, dictionary cache,
 * token interning.
 */
#ifndef FL_UTIL_MAP_H
#define FL_UTIL_MAP_H

#include "../common.h"

typedef struct {
	char *key; /* owned; NULL marks an empty slot */
	size_t keylen;
	uint64_t hash;
	uintptr_t value;
} fl_map_slot;

typedef struct {
	fl_map_slot *slots;
	size_t cap; /* power of two, or 0 */
	size_t count;
} fl_map;

#define FL_MAP_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* FNV-1a of key[0,len), the hash of every map. */
uint64_t fl_map_hash(const void *key, size_t len);

/* The hash of the empty key: fl_map_hash(k, 0). */
#define FL_MAP_HASH_SEED 1469598103934665603ull

/* The hash of a key that continues one hashed h with key[0,len):
 * fl_map_hash(ab) == fl_map_hash_more(fl_map_hash(a), b), so the hashes
 * of every prefix of a string take one pass. */
uint64_t fl_map_hash_more(uint64_t h, const void *key, size_t len);

/* Finds key; returns true and sets *value (if non-NULL) when present. */
bool fl_map_get(const fl_map *m, const void *key, size_t len, uintptr_t *value);

/* Inserts or replaces. Returns 0 or FL_ENOMEM. */
int fl_map_put(fl_map *m, const void *key, size_t len, uintptr_t value);

/* Returns a pointer to the value slot of key, inserting `init` when absent;
 * NULL when out of memory. The pointer is valid until the next insert. */
uintptr_t *fl_map_slot_of(fl_map *m, const void *key, size_t len,
                          uintptr_t init, bool *inserted);

void fl_map_dispose(fl_map *m);

#endif
