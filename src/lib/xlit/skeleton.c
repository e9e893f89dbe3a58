#include "skeleton.h"

#include <string.h>

static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y' || c == 'w';
}

static bool letter(char c)
{
	return c >= 'a' && c <= 'z';
}

/* The class of consonant c (after digraphs): 0 for none. */
static char klass(char c, char next)
{
	switch (c) {
	case 'c':
		return next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
	case 'k':
	case 'q':
		return 'k';
	case 'g':
	case 'j':
		return 'g';
	case 'b':
	case 'p':
	case 'f':
	case 'v':
		return 'b';
	case 's':
	case 'z':
		return 's';
	case 't':
		return 't';
	case 'd':
		return 'd';
	case 'l':
	case 'm':
	case 'n':
	case 'r':
		return c;
	case 'x':
		return 'x'; /* "ks", written out below */
	default:
		return 0;
	}
}

size_t fl__skeleton(const char *s, size_t n, char *out, unsigned variant)
{
	size_t k = 0, i = 0;
	bool word_start = true;
	char prev = '\0'; /* previous letter read */
	unsigned nch = 0; /* "ch" read so far */

#define EMIT(ch)                                                               \
	do {                                                                   \
		char e_ = (ch);                                                \
		if (k + 1 < FL_SKELETON_MAX && (k == 0 || out[k - 1] != e_))   \
			out[k++] = e_;                                         \
	} while (0)

	while (i < n) {
		char c = s[i], d = i + 1 < n ? s[i + 1] : '\0',
		     e = i + 2 < n ? s[i + 2] : '\0';
		size_t step = 1;
		if (c == ' ' || c == '-') {
			word_start = true;
			i++;
			continue;
		}
		if (!letter(c)) {
			i++;
			continue;
		}
		/* Digraphs and trigraphs, read the same on both sides. */
		if (c == 't' && (d == 's' || d == 'c') && e == 'h') {
			EMIT('s'); /* "tsh" in Arabic, "tch" in English */
			step = 3;
		} else if (c == 's' && d == 'h') {
			EMIT('s');
			step = 2;
		} else if (c == 'c' && d == 'h') {
			/* The first "ch" and the others read apart:
			 * "TechCrunch" is k ... sh. */
			EMIT(variant & (nch++ ? FL_SKELETON_CH2_K
			                      : FL_SKELETON_CH_K)
			         ? 'k'
			         : 's');
			step = 2;
		} else if ((c == 't' || c == 'd') && d == 'h') {
			EMIT(c);
			step = 2;
		} else if (c == 'p' && d == 'h') {
			EMIT('b');
			step = 2;
		} else if (c == 'g' && d == 'h') {
			/* Silent after a vowel and before a consonant or the
			 * end ("Kavanaugh", "Willoughby", "night"); heard
			 * before a vowel ("Gallagher", Arabic غ in "ghwr"). */
			if (!(variant & FL_SKELETON_GH_SILENT) || word_start ||
			    !(prev && vowel(prev)) || (letter(e) && vowel(e)))
				EMIT('g');
			step = 2;
		} else if ((c == 'k' || c == 'z') && d == 'h') {
			EMIT(c == 'z' ? 's' : 'k');
			step = 2;
		} else if (c == 'w' && d == 'h') {
			step = 2; /* "Wheeling" */
		} else if (c == 'w' && d == 'w') {
			/* Hebrew writes v as וו, and w as well */
			if (variant & FL_SKELETON_WW_V)
				EMIT('b');
			step = 2;
		} else if (c == 'c' && d == 'k') {
			EMIT('k');
			step = 2;
		} else if (c == 't' && d == 'z') {
			EMIT('s');
			step = 2;
		} else if (c == 'q' && d == 'u') {
			EMIT('k');
			step = 2;
		} else if (c == 'h') {
			if (word_start)
				EMIT('h'); /* heard only at the start */
		} else if (vowel(c)) {
			/* nothing */
		} else if (c == 'x') {
			if (!word_start)
				EMIT('k'); /* "Xining", "Xherdan": an s sound */
			EMIT('s');
		} else if (c == 'v' && (variant & FL_SKELETON_V_SILENT)) {
			/* Hebrew often writes English v with one ו, a vowel
			 * letter to the skeleton */
		} else {
			char kc = klass(c, d);
			if (kc)
				EMIT(kc);
		}
		prev = s[i + step - 1];
		i += step;
		word_start = false;
	}
#undef EMIT
	out[k] = '\0';
	return k;
}

size_t fl__skeleton_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t row[FL_SKELETON_MAX + 1];
	if (na > FL_SKELETON_MAX || nb > FL_SKELETON_MAX)
		return SIZE_MAX;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j],
			       best = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[nb];
}

fl__xlit_verdict fl__skeleton_compare(const char *name, size_t nn,
                                      const char *other, size_t no)
{
	size_t d;
	if (nn == 0 || no == 0)
		return FL_XLIT_DIFFERENT;
	if (nn == no && memcmp(name, other, nn) == 0)
		return FL_XLIT_SAME;
	d = fl__skeleton_distance(name, nn, other, no);
	if ((d == 1 && nn >= 4) || (d == 2 && nn >= 6))
		return FL_XLIT_NEAR;
	return FL_XLIT_DIFFERENT;
}
