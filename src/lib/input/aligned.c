/*
 * Two line-aligned buffers (an original and its translation, line i for
 * line i) as segments: fl_check_aligned and fl_check_aligned_files.
 */
#define _POSIX_C_SOURCE 200809L

#include "input.h"

#include "../checker.h"

#include <stdlib.h>
#include <string.h>

/* The lines of s[0,n) as segment sides in *out (count of them); a final
 * line end adds no empty line, so "a\nb" and "a\nb\n" have the same
 * lines. Each side is anchored at its line. */
static int split(fl_segment_text **out, fl_anchor **anchors, size_t *count,
                 const char *s, size_t n)
{
	fl_segment_text *v = NULL;
	fl_anchor *a = NULL;
	size_t cap = 0, acap = 0, k = 0;

	for (size_t p = 0; p < n;) {
		size_t next, len = fl__line_next(s + p, n - p, &next);
		if (fl__grow((void **)&v, &cap, k + 1, sizeof(*v)) < 0 ||
		    fl__grow((void **)&a, &acap, k + 1, sizeof(*a)) < 0) {
			free(v);
			free(a);
			return FL_ENOMEM;
		}
		memset(&v[k], 0, sizeof(v[k]));
		v[k].text = s + p;
		v[k].len = len;
		a[k].offset = 0;
		a[k].line = k + 1;
		a[k].column = 1;
		k++;
		p += next;
	}
	for (size_t i = 0; i < k; i++) {
		v[i].anchors = &a[i];
		v[i].anchor_count = 1;
	}
	*out = v;
	*anchors = a;
	*count = k;
	return 0;
}

int fl_check_aligned(fl_result **out, fl_checker *chk, const char *path,
                     const char *source, size_t source_len, const char *target,
                     size_t target_len, const char *source_lang,
                     const fl_check_options *opts)
{
	fl_segment_text *sl = NULL, *tl = NULL;
	fl_anchor *sa = NULL, *ta = NULL;
	fl_segment *segs = NULL;
	const fl_facts *saved;
	size_t ns = 0, nt = 0;
	int error;

	*out = NULL;
	if (!path)
		path = "<input>";
	if ((!source && source_len) || (!target && target_len))
		return fl__checker_fail(chk, FL_EINVAL, "%s: bad arguments",
		                        path);
	if (source_len > fl__checker_max_size(chk) ||
	    target_len > fl__checker_max_size(chk))
		return fl__checker_fail(
		    chk, FL_ELIMIT,
		    "%s: file larger than the limit of %zu bytes", path,
		    fl__checker_max_size(chk));
	if ((error = split(&sl, &sa, &ns, source ? source : "", source_len)) <
	        0 ||
	    (error = split(&tl, &ta, &nt, target ? target : "", target_len)) <
	        0) {
		fl__checker_fail(chk, error, "out of memory");
		goto cleanup;
	}
	if (ns != nt) {
		error = fl__checker_fail(chk, FL_EINVAL,
		                         "%s: the original has %zu lines and "
		                         "the translation %zu: they are not "
		                         "line-aligned",
		                         path, ns, nt);
		goto cleanup;
	}
	if (nt && !(segs = calloc(nt, sizeof(*segs)))) {
		error = fl__checker_fail(chk, FL_ENOMEM, "out of memory");
		goto cleanup;
	}
	for (size_t i = 0; i < nt; i++) {
		segs[i].source = sl[i];
		segs[i].target = tl[i];
	}
	/* the originals are given: the checker's facts are not used */
	saved = fl__checker_facts(chk);
	fl_checker_set_facts(chk, NULL);
	error = fl_check_segments(out, chk, path, segs, nt, source_lang, opts);
	fl_checker_set_facts(chk, saved);
cleanup:
	free(segs);
	free(sl);
	free(tl);
	free(sa);
	free(ta);
	return error;
}

int fl_check_aligned_files(fl_result **out, fl_checker *chk,
                           const char *source_path, const char *target_path,
                           const char *source_lang,
                           const fl_check_options *opts)
{
	char *s = NULL, *t = NULL;
	size_t sn, tn;
	int error;

	*out = NULL;
	if ((error = fl__checker_read(&s, &sn, chk, source_path)) < 0 ||
	    (error = fl__checker_read(&t, &tn, chk, target_path)) < 0)
		goto cleanup;
	error = fl_check_aligned(out, chk, target_path, s, sn, t, tn,
	                         source_lang, opts);
cleanup:
	free(s);
	free(t);
	return error;
}
