/*
 * The table of input formats (one row each: name, extensions, reader) and
 * the public entry points that read a file in a format and check its
 * segments.
 */
#include "input.h"

#include "../checker.h"
#include "../config/config.h"
#include "../result.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const fl__input_format formats[] = {
    {FL_INPUT_TEXT, "text", ".txt .text", NULL, "plain text, one document"},
    {FL_INPUT_TSV, "tsv", ".tsv", fl__read_tsv,
     "rows of original TAB translation"},
    {FL_INPUT_JSONL, "jsonl", ".jsonl .ndjson", NULL,
     "a stream of {\"id\", \"source\", \"target\"} records"},
    {FL_INPUT_XLIFF, "xliff", ".xlf .xliff .sdlxliff .mqxliff", fl__read_xliff,
     "XLIFF 1.2, 2.0 and 2.1 (libxml2)"},
    {FL_INPUT_TMX, "tmx", ".tmx", fl__read_tmx, "TMX 1.4 (libxml2)"},
    {FL_INPUT_PO, "po", ".po .pot", fl__read_po, "gettext PO (libgettextpo)"},
    {FL_INPUT_MARKDOWN, "markdown", ".md .markdown .mdown", fl__read_markdown,
     "CommonMark with YAML front matter (cmark)"},
    {FL_INPUT_HTML, "html", ".html .htm .xhtml", fl__read_html,
     "HTML text (libxml2)"},
};

#define FORMAT_COUNT (sizeof(formats) / sizeof(formats[0]))

const fl__input_format *fl__input_get(fl_input id)
{
	for (size_t i = 0; i < FORMAT_COUNT; i++)
		if (formats[i].id == id)
			return &formats[i];
	return NULL;
}

int fl_input_parse(fl_input *out, const char *name)
{
	for (size_t i = 0; name && i < FORMAT_COUNT; i++)
		if (strcmp(formats[i].name, name) == 0) {
			*out = formats[i].id;
			return 0;
		}
	if (name && strcmp(name, "md") == 0) {
		*out = FL_INPUT_MARKDOWN;
		return 0;
	}
	return FL_EINVAL;
}

const char *fl_input_name(fl_input input)
{
	const fl__input_format *f = fl__input_get(input);
	return f ? f->name : "?";
}

const char *fl_input_names(void)
{
	static char names[160];
	if (!names[0]) {
		size_t n = 0;
		for (size_t i = 0; i < FORMAT_COUNT; i++) {
			int w = snprintf(names + n, sizeof(names) - n, "%s%s",
			                 i ? ", " : "", formats[i].name);
			if (w < 0 || (size_t)w >= sizeof(names) - n)
				break;
			n += (size_t)w;
		}
	}
	return names;
}

fl_input fl_input_from_path(const char *path)
{
	const char *dot, *slash;

	if (!path)
		return FL_INPUT_TEXT;
	slash = strrchr(path, '/');
	dot = strrchr(slash ? slash : path, '.');
	if (!dot || dot[1] == '\0')
		return FL_INPUT_TEXT;
	for (size_t i = 0; i < FORMAT_COUNT; i++) {
		const char *e = formats[i].extensions;
		size_t n = strlen(dot);
		while (e && *e) {
			const char *sp = strchr(e, ' ');
			size_t len = sp ? (size_t)(sp - e) : strlen(e);
			if (len == n && strncasecmp(e, dot, n) == 0)
				return formats[i].id;
			e = sp ? sp + 1 : NULL;
		}
	}
	return FL_INPUT_TEXT;
}

/* Reads data[0,len) in format f into b; the message is on the checker. */
static int read_into(fl__segbuf *b, fl_checker *chk, const fl__input_format *f,
                     const char *path, const char *data, size_t len)
{
	char err[FL_ERRMSG_SIZE] = "";
	int error;

	if (len > fl__checker_max_size(chk))
		return fl__checker_fail(
		    chk, FL_ELIMIT,
		    "%s: file larger than the limit of %zu bytes", path,
		    fl__checker_max_size(chk));
	if ((error =
	         f->read(b, path, data ? data : "", len, err, sizeof(err))) < 0)
		fl__checker_fail(chk, error, "%s", err);
	return error;
}

int fl_extract_input_buffer(char **out, size_t *out_len, fl_checker *chk,
                            const char *path, fl_input input, const char *data,
                            size_t len, const char *lang)
{
	const fl__input_format *f = fl__input_get(input);
	fl__segbuf b = FL__SEGBUF_INIT;
	fl_buf prose = FL_BUF_INIT;
	int error;

	*out = NULL;
	*out_len = 0;
	if (!path)
		path = "<input>";
	if (!f || (!data && len))
		return fl__checker_fail(chk, FL_EINVAL, "%s: bad arguments",
		                        path);
	if (input == FL_INPUT_TEXT)
		return fl_extract_buffer(out, out_len, chk, path, data, len,
		                         lang);
	if (!f->read)
		return fl__checker_fail(chk, FL_EINVAL,
		                        "%s: facts are not extracted from %s "
		                        "input",
		                        path, f->name);
	if ((error = read_into(&b, chk, f, path, data, len)) < 0)
		goto cleanup;
	/* The originals of a bilingual file, else the document itself. */
	for (size_t i = 0; i < b.count && error == 0; i++) {
		const fl_segment_text *t =
		    b.seg[i].source.text ? &b.seg[i].source : &b.seg[i].target;
		if (t->text &&
		    (error = fl_buf_put(&prose, t->text, t->len)) == 0)
			error = fl_buf_put(&prose, "\n\n", 2);
	}
	if (error < 0) {
		fl__checker_fail(chk, error, "%s: out of memory", path);
		goto cleanup;
	}
	if (!lang)
		lang = b.source_lang[0] ? b.source_lang
		       : b.seg && !b.seg[0].source.text && b.target_lang[0]
		           ? b.target_lang
		           : NULL;
	error = fl_extract_buffer(out, out_len, chk, path,
	                          prose.ptr ? prose.ptr : "", prose.len, lang);
cleanup:
	fl_buf_dispose(&prose);
	fl__segbuf_dispose(&b);
	return error;
}

int fl_extract_input_file(char **out, size_t *out_len, fl_checker *chk,
                          const char *path, fl_input input, const char *lang)
{
	char *data;
	size_t len;
	int error;

	*out = NULL;
	*out_len = 0;
	if (input == FL_INPUT_TEXT)
		return fl_extract_file(out, out_len, chk, path, lang);
	if ((error = fl__checker_read(&data, &len, chk, path)) < 0)
		return error;
	error = fl_extract_input_buffer(out, out_len, chk, path, input, data,
	                                len, lang);
	free(data);
	return error;
}

/* The path rel names, relative to the folder of the document at path
 * (absolute as it is); caller frees. NULL when out of memory. */
static char *beside(const char *path, const char *rel)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash && rel[0] != '/' ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(rel);
	char *full;

	if (fl__add_overflow(dir, n + 1, &n) || !(full = malloc(n)))
		return NULL;
	memcpy(full, path, dir);
	strcpy(full + dir, rel);
	return full;
}

/* The facts a document names in *out: a facts file, or an original whose
 * facts are extracted (source, read in the format its name says); both
 * relative to the document's folder. */
static int named_facts(fl_facts **out, fl_checker *chk, const char *path,
                       const fl__segbuf *b)
{
	const char *rel = b->facts_path ? b->facts_path : b->source_path;
	char *full = beside(path, rel), *yaml = NULL;
	size_t len;
	int error;

	*out = NULL;
	if (!full)
		return fl__checker_fail(chk, FL_ENOMEM, "out of memory");
	if ((error = fl_facts_new(out)) < 0) {
		error = fl__checker_fail(chk, error, "out of memory");
	} else if (b->facts_path) {
		if ((error = fl_facts_load_file(*out, full)) < 0)
			fl__checker_fail(chk, error,
			                 "%s: the facts it names: %s", path,
			                 fl_facts_error(*out));
	} else if ((error = fl_extract_input_file(
	                &yaml, &len, chk, full, fl_input_from_path(full),
	                b->source_lang[0] ? b->source_lang : NULL)) == 0 &&
	           (error = fl_facts_load_buffer(*out, full, yaml, len)) < 0) {
		fl__checker_fail(chk, error, "%s: %s", path,
		                 fl_facts_error(*out));
	}
	free(yaml);
	free(full);
	if (error < 0) {
		fl_facts_free(*out);
		*out = NULL;
	}
	return error;
}

/* keep(): whether a finding stands on no line a comment of the file
 * suppresses its rule on. */
static bool not_on_suppressed_line(fl_finding *f, void *ctx)
{
	const fl__segbuf *b = ctx;
	fl_check_options o = FL_CHECK_OPTIONS_INIT;

	for (size_t i = 0; i < b->supp_count; i++) {
		const fl__suppression *x = &b->supp[i];
		if (!f->line || f->line < x->first || f->line > x->last)
			continue;
		o.ignore = x->rules[0] ? x->rules : "all";
		if (!fl__policy_keep(&o, f->rule, &f->severity))
			return false;
	}
	return true;
}

int fl_check_input_buffer(fl_result **out, fl_checker *chk, const char *path,
                          fl_input input, const char *data, size_t len,
                          const char *source_lang, const fl_check_options *opts)
{
	const fl__input_format *f = fl__input_get(input);
	fl_check_options o = FL_CHECK_OPTIONS_INIT;
	const fl_facts *saved = fl__checker_facts(chk);
	fl__segbuf b = FL__SEGBUF_INIT;
	fl_facts *named = NULL;
	char tag[FL_TAG_MAX], stag[FL_TAG_MAX];
	int error;

	*out = NULL;
	if (!path)
		path = "<input>";
	if (opts)
		o = *opts;
	if (!f || (!data && len))
		return fl__checker_fail(chk, FL_EINVAL, "%s: bad arguments",
		                        path);
	if (input == FL_INPUT_TEXT)
		return fl_check_buffer(out, chk, path, data, len, opts);
	if (!f->read)
		return fl__checker_fail(chk, FL_EINVAL,
		                        "%s: %s input is read as a stream "
		                        "(fl_check_jsonl_fd)",
		                        path, f->name);
	if ((error = read_into(&b, chk, f, path, data, len)) < 0)
		goto cleanup;
	/* "<!-- fidelint-disable ... -->" in the comments of a document */
	if ((input == FL_INPUT_MARKDOWN || input == FL_INPUT_HTML) &&
	    (error = fl__segbuf_comment_directives(&b, data, len)) < 0) {
		fl__checker_fail(chk, error, "%s: out of memory", path);
		goto cleanup;
	}
	/* The languages the file declares, when fidelint knows them. */
	if (!o.lang && b.target_lang[0] &&
	    fl_checker_lang_from_tag(tag, sizeof(tag), chk, b.target_lang) == 0)
		o.lang = tag;
	if (!source_lang && b.source_lang[0] &&
	    fl_checker_lang_from_tag(stag, sizeof(stag), chk, b.source_lang) ==
	        0)
		source_lang = stag;
	if (!saved && (b.facts_path || b.source_path)) {
		if ((error = named_facts(&named, chk, path, &b)) < 0)
			goto cleanup;
		fl_checker_set_facts(chk, named);
	}
	if ((error = fl_check_segments(out, chk, path, b.seg, b.count,
	                               source_lang, &o)) == 0 &&
	    b.supp_count)
		fl__result_filter(*out, not_on_suppressed_line, &b);
cleanup:
	fl_checker_set_facts(chk, saved);
	fl_facts_free(named);
	fl__segbuf_dispose(&b);
	return error;
}

int fl_check_input_file(fl_result **out, fl_checker *chk, const char *path,
                        fl_input input, const char *source_lang,
                        const fl_check_options *opts)
{
	char *data;
	size_t len;
	int error;

	*out = NULL;
	if (input == FL_INPUT_TEXT)
		return fl_check_file(out, chk, path, opts);
	if ((error = fl__checker_read(&data, &len, chk, path)) < 0)
		return error;
	error = fl_check_input_buffer(out, chk, path, input, data, len,
	                              source_lang, opts);
	free(data);
	return error;
}
