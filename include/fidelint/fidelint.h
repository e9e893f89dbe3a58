/*
 * fidelint — checks translations against the facts of their original.
 *
 * Public API. Conventions (after libgit2):
 *  - every function that can fail returns int: 0 (FL_OK) or a negative
 *    fl_error_code; output parameters come first;
 *  - handles are opaque, made by *_new and released by *_free, and every
 *    *_free accepts NULL;
 *  - the message of the last failure is kept on the handle that failed
 *    (fl_facts_error, fl_checker_error); there is no process-wide error state;
 *  - every declaration says who owns what it returns.
 * The library never prints and never exits; it reports.
 */
#ifndef FIDELINT_H
#define FIDELINT_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FL_VERSION "0.1.0"

/* Marks the library's public functions: the shared library is built with
 * hidden visibility, so only these are exported. */
#if defined(__GNUC__) || defined(__clang__)
#define FL_EXTERN __attribute__((visibility("default")))
#else
#define FL_EXTERN
#endif

/** Error codes returned by every fallible function (0 is success). */
typedef enum {
	FL_OK = 0,
	FL_ERROR = -1,  /**< unclassified failure */
	FL_ENOMEM = -2, /**< out of memory, or a size computation overflowed */
	FL_EIO = -3,    /**< a file could not be read or written */
	FL_EINVAL = -4, /**< a bad argument from the caller */
	FL_EPARSE =
	    -5, /**< a facts file, language profile or pack is malformed */
	FL_EENCODING = -6, /**< input is not valid UTF-8 */
	FL_ELIMIT = -7,    /**< input exceeds a documented limit */
	FL_ELANG = -8 /**< language unknown, undetectable, or without data */
} fl_error_code;

/** Short English name of an error code ("out of memory"); static string. */
FL_EXTERN const char *fl_error_name(int code);

/** Library version string, e.g. "0.1.0"; static string. */
FL_EXTERN const char *fl_version(void);

/** Severity of a finding; larger is worse. */
typedef enum {
	FL_SEVERITY_INFO = 1,
	FL_SEVERITY_WARNING = 2,
	FL_SEVERITY_ERROR = 3
} fl_severity;

/** "info", "warning" or "error"; static string ("?" for other values). */
FL_EXTERN const char *fl_severity_name(fl_severity severity);

/**
 * Parses "info", "warning" or "error" into *out.
 * Returns 0, or FL_EINVAL for any other name.
 */
FL_EXTERN int fl_severity_parse(fl_severity *out, const char *name);

/* ------------------------------------------------------------------ facts */

/** What the original says: entities, numbers and terms. */
typedef struct fl_facts fl_facts;

/** Kinds of entity a facts file may name. */
typedef enum {
	FL_KIND_PERSON,
	FL_KIND_ORG,
	FL_KIND_PRODUCT,
	FL_KIND_PLACE,
	FL_KIND_WORK,
	FL_KIND_OTHER
} fl_entity_kind;

/** "person", "org", ...; static string. */
FL_EXTERN const char *fl_entity_kind_name(fl_entity_kind kind);

/**
 * Makes an empty facts set.
 * *out: caller frees with fl_facts_free.
 * Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_facts_new(fl_facts **out);

/** Releases facts and everything borrowed from them; NULL is accepted. */
FL_EXTERN void fl_facts_free(fl_facts *facts);

/**
 * Loads a facts file (YAML, schema in README.md) into an empty facts set.
 * On failure the facts stay empty and fl_facts_error gives
 * "path:line:col: problem".
 * Returns 0, FL_EIO, FL_EPARSE, FL_EENCODING, FL_ELIMIT, FL_EINVAL
 * (facts not empty) or FL_ENOMEM.
 */
FL_EXTERN int fl_facts_load_file(fl_facts *facts, const char *path);

/**
 * As fl_facts_load_file, from memory. `name` is used in messages only.
 * data: borrowed for the duration of the call; need not be NUL-terminated.
 */
FL_EXTERN int fl_facts_load_buffer(fl_facts *facts, const char *name,
                                   const char *data, size_t len);

/** Message of the last failure on facts, "" if none; borrowed, valid until
 *  the next call on facts. */
FL_EXTERN const char *fl_facts_error(const fl_facts *facts);

/**
 * Adds to dst every entity and number of src that dst does not have: an
 * entity whose name or an alias equals a name or alias of dst (ignoring
 * case) is dst's, a number with the same value, shape and unit too. dst
 * wins: nothing of dst changes. src is only read.
 * Returns 0, FL_EINVAL (dst not loaded) or FL_ENOMEM (dst then unchanged).
 */
FL_EXTERN int fl_facts_merge(fl_facts *dst, const fl_facts *src);

/** Number of entities. */
FL_EXTERN size_t fl_facts_entity_count(const fl_facts *facts);

/** Read-only view of one entity; all strings borrowed from facts. */
typedef struct {
	const char *name;
	fl_entity_kind kind;
	const char *const *aliases; /**< alias_count strings */
	size_t alias_count;
	long count; /**< mentions in the original, -1 when not given */
} fl_entity_info;

/**
 * Fills *out with entity i (0-based).
 * Returns 0, or FL_EINVAL when i is out of range.
 */
FL_EXTERN int fl_facts_entity(fl_entity_info *out, const fl_facts *facts,
                              size_t i);

/**
 * Accepted renderings of entity i for language tag `lang`, with fallback
 * from a regional tag to its language ("pt-BR" uses "pt" when it has none).
 * *out: borrowed array of *count strings, valid while facts live.
 * Returns 0, or FL_EINVAL when i is out of range.
 */
FL_EXTERN int fl_facts_entity_renderings(const char *const **out, size_t *count,
                                         const fl_facts *facts, size_t i,
                                         const char *lang);

/** Numbers and terms of the facts file (checked by later versions). */
FL_EXTERN size_t fl_facts_number_count(const fl_facts *facts);
FL_EXTERN size_t fl_facts_term_count(const fl_facts *facts);

/** Story id and source language as given, or NULL; borrowed from facts. */
FL_EXTERN const char *fl_facts_story(const fl_facts *facts);
FL_EXTERN const char *fl_facts_source_lang(const fl_facts *facts);

/* ---------------------------------------------------------------- checker */

/** Holds language data, dictionaries and caches across many documents. */
typedef struct fl_checker fl_checker;

#define FL_CHECKER_OPTIONS_VERSION 1

/** Options for fl_checker_new; start from FL_CHECKER_OPTIONS_INIT. */
typedef struct {
	unsigned version;
	/** Folder holding dicts/ (language profiles, extra words) and rules/.
	 *  NULL: $FIDELINT_DATA_DIR, else the folder fixed at build time. */
	const char *data_dir;
	/** Colon-separated folders searched for hunspell NAME.aff/NAME.dic.
	 *  NULL: $FIDELINT_DICT_PATH, else the system's hunspell folders. */
	const char *dict_path;
	/** Largest document accepted, in bytes; 0 means 64 MiB. */
	size_t max_file_size;
} fl_checker_options;

#define FL_CHECKER_OPTIONS_INIT                                                \
	{                                                                      \
		FL_CHECKER_OPTIONS_VERSION, NULL, NULL, 0                      \
	}

/**
 * Makes a checker and loads the language profiles of the data folder.
 * opts: borrowed for the call; NULL means defaults.
 * *out: caller frees with fl_checker_free. On failure *out is still set
 * when possible, so that fl_checker_error can say why; free it too.
 * Returns 0, FL_EINVAL, FL_EIO, FL_EPARSE or FL_ENOMEM.
 */
FL_EXTERN int fl_checker_new(fl_checker **out, const fl_checker_options *opts);

/** Releases the checker; NULL is accepted. Results made by it stay valid.
 *  A checker's workers (fl_checker_worker_new) are freed before it. */
FL_EXTERN void fl_checker_free(fl_checker *checker);

/**
 * Makes a worker of checker, for checking documents on another thread.
 * A worker shares what checker loads (language profiles, dictionaries,
 * rule packs, extraction data: loaded once while kept, then only read; a
 * load does not stop the workers checking in other languages) and has its
 * own error message, ICU objects, word-verdict cache, facts (at first the
 * checker's) and facts indexes.
 *
 * Threads: a checker and each of its workers may be used at the same
 * time, each by one thread at a time. Every fl_check_*, fl_extract_*,
 * fl_checker_lang_*, fl_checker_set_facts, fl_checker_accept_word,
 * fl_checker_validate_rules and fl_checker_error call takes the checker
 * or worker it is given as that thread's own; nothing else is shared
 * without the lock. Each has its own facts indexes (fl_checker_set_facts
 * on one leaves the others alone). Results, facts and reports are not
 * shared by the library: one thread at a time each.
 * checker: not itself a worker; must outlive the worker.
 * *out: caller frees with fl_checker_free. Returns 0, FL_EINVAL or
 * FL_ENOMEM.
 */
FL_EXTERN int fl_checker_worker_new(fl_checker **out, fl_checker *checker);

/** Message of the last failure on the checker, "" if none; borrowed, valid
 *  until the next call on checker. Names the file and what is wrong. */
FL_EXTERN const char *fl_checker_error(const fl_checker *checker);

/**
 * Sets the facts that later checks compare against.
 * facts: borrowed, must outlive every check that uses it; NULL clears.
 * Returns 0.
 */
FL_EXTERN int fl_checker_set_facts(fl_checker *checker, const fl_facts *facts);

/**
 * Adds a word every dictionary of every language accepts (a project's own
 * names and terms, .fidelint.yaml "accept"): no spell.unknown for it.
 * word: UTF-8, one line; copied. Returns 0, FL_EINVAL or FL_ENOMEM.
 */
FL_EXTERN int fl_checker_accept_word(fl_checker *checker, const char *word);

/** The most languages a checker keeps loaded unless told otherwise. */
#define FL_MAX_LANGUAGES_DEFAULT 3

/**
 * Bounds the languages checker (or, given a worker, its checker) keeps
 * loaded: each holds its hunspell dictionaries (tens of MB for some),
 * number data, rule packs and extraction data. When loading one more
 * would pass max, the least recently used language no document is being
 * checked in is released, and loaded again when a later document needs
 * it, with the accepted words: findings do not change, only the time a
 * reload takes. Languages in use are never released, so the bound is
 * passed while more are in use at once (one per worker, and the
 * original's). 0: no bound. The default is FL_MAX_LANGUAGES_DEFAULT.
 * Takes effect at the next load. Returns 0 or FL_EINVAL.
 */
FL_EXTERN int fl_checker_set_max_languages(fl_checker *checker, size_t max);

/**
 * Extracts the facts of an original text (its entities with their mention
 * counts, and its numbers) and writes them as a facts file in YAML, meant
 * to be reviewed by a person: stable order, a comment with the line each
 * fact is first seen on. lang: the original's language tag (NULL: "en").
 * data: borrowed for the call. *out: NUL-terminated, caller frees with
 * free(); *out_len its length. Load it with fl_facts_load_buffer.
 * Returns 0, FL_EENCODING, FL_ELIMIT, FL_ELANG, FL_EPARSE (bad language
 * data) or FL_ENOMEM; the message is on the checker.
 */
FL_EXTERN int fl_extract_buffer(char **out, size_t *out_len,
                                fl_checker *checker, const char *path,
                                const char *data, size_t len, const char *lang);

/** As fl_extract_buffer, reading the file at path. Adds FL_EIO. */
FL_EXTERN int fl_extract_file(char **out, size_t *out_len, fl_checker *checker,
                              const char *path, const char *lang);

/**
 * Resolves a language tag to the canonical tag fidelint uses ("pt_br" ->
 * "pt-BR"), or guesses it from a path ("x.ar.txt", "ar/x.txt", "x_pt-BR.md"),
 * choosing only languages the checker has a profile for.
 * out: caller buffer of outlen bytes. Returns 0 or FL_ELANG.
 */
FL_EXTERN int fl_checker_lang_from_tag(char *out, size_t outlen,
                                       fl_checker *checker, const char *tag);
FL_EXTERN int fl_checker_lang_from_path(char *out, size_t outlen,
                                        fl_checker *checker, const char *path);

/** One document's result: its findings. */
typedef struct fl_result fl_result;

#define FL_CHECK_OPTIONS_VERSION 1

/** Per-document options; start from FL_CHECK_OPTIONS_INIT. */
typedef struct {
	unsigned version;
	/** Language tag; NULL: from the path, else detected from the text. */
	const char *lang;
	/** Non-zero for summaries and excerpts: absent facts are not errors. */
	int partial;
	/** FL_CHECK_* flags. */
	unsigned flags;
	/** Rules to report: ids or prefixes, comma- or space-separated
	 *  ("name., number.mismatch"; "all"); NULL: every rule. A prefix
	 *  names the rules below it ("name" and "name." both name
	 *  name.missing). */
	const char *select;
	/** Rules not to report, the same way. For each finding the most
	 *  specific selector of select and ignore wins; ignore wins a tie. */
	const char *ignore;
	/** Severities: "ID=LEVEL, PREFIX=LEVEL" with LEVEL info, warning,
	 *  error or off; the most specific (and, of equals, the last) wins. */
	const char *severity;
} fl_check_options;

/** Check segments a file marks as drafts too (PO fuzzy entries, XLIFF
 *  states new / needs-translation, ...); by default they are skipped. */
#define FL_CHECK_DRAFTS 1u

/**
 * Bounded memory for a long plain-text document (one checked in
 * windows): once its findings take more than about 1 MiB, those in report
 * order so far go to a temporary file (tmpfile()) and are freed, so that
 * memory does not grow with the number of findings. The result reads as
 * any other, with two differences: the pointer fl_result_finding gives
 * lives only until the next call on the result, and the result is read
 * best in order (fl_result_foreach, or i = 0, 1, ...; a step back reads
 * the file from its start). A result is not read from two threads at
 * once. When no temporary file can be made or written, the findings stay
 * in memory. Without the flag every finding stays in memory.
 */
#define FL_CHECK_SPILL 2u

#define FL_CHECK_OPTIONS_INIT                                                  \
	{                                                                      \
		FL_CHECK_OPTIONS_VERSION, NULL, 0, 0, NULL, NULL, NULL         \
	}

/**
 * Checks one document held in memory.
 * path: used for language guessing and messages; borrowed for the call.
 * data: borrowed for the call; UTF-8, a BOM and CRLF line ends accepted.
 * *out: caller frees with fl_result_free (also via fl_report_add_result).
 * Returns 0, FL_EENCODING (message gives the byte offset), FL_ELIMIT,
 * FL_ELANG, FL_EINVAL or FL_ENOMEM; the message is on the checker.
 */
FL_EXTERN int fl_check_buffer(fl_result **out, fl_checker *checker,
                              const char *path, const char *data, size_t len,
                              const fl_check_options *opts);

/** As fl_check_buffer, reading the file at path ("-": standard input).
 *  Adds FL_EIO. */
FL_EXTERN int fl_check_file(fl_result **out, fl_checker *checker,
                            const char *path, const fl_check_options *opts);

/**
 * Checks a translation line by line against its original: line i of
 * target translates line i of source (translation memories, subtitles,
 * localisation files). The facts of the whole original are extracted
 * (fl_extract_buffer), and each target line is checked against the facts
 * of its source line: a name or number of source line 12 must be in
 * target line 12. Findings carry both line numbers (fl_finding.line and
 * source_line); a fact missing from a line is reported on that line.
 * The checker's own facts are not used (they are restored afterwards).
 * source_lang: NULL for "en". opts->partial is ignored. Lines end at LF,
 * CR LF or a lone CR, as in fl_check_buffer.
 * Returns as fl_check_buffer; FL_EINVAL when the line counts differ.
 */
FL_EXTERN int fl_check_aligned(fl_result **out, fl_checker *checker,
                               const char *path, const char *source,
                               size_t source_len, const char *target,
                               size_t target_len, const char *source_lang,
                               const fl_check_options *opts);

/** As fl_check_aligned, reading the original and the translation from
 *  files; the result's path is target_path. Adds FL_EIO. */
FL_EXTERN int fl_check_aligned_files(fl_result **out, fl_checker *checker,
                                     const char *source_path,
                                     const char *target_path,
                                     const char *source_lang,
                                     const fl_check_options *opts);

/**
 * As fl_check_aligned for a two-column TSV file: each row is "original TAB
 * translation"; findings carry the row as their line. A row without a tab
 * (other than an empty one) or with more than two columns is FL_EPARSE,
 * "path:row: problem".
 */
FL_EXTERN int fl_check_tsv_file(fl_result **out, fl_checker *checker,
                                const char *path, const char *source_lang,
                                const fl_check_options *opts);

/**
 * Checks one JSONL record {"id": string|integer, "source": string,
 * "target": string, "lang": string?, "source_lang": string?} as an
 * aligned pair and renders the answer as one line of JSON (no line end):
 * {"id", "lang", "findings": [...]} with the findings of the json format,
 * or {"id", "error": "..."} for a bad record or a check that failed.
 * *out: caller frees with free(). Returns 0 whenever a line was made (a
 * bad record included), or FL_ENOMEM.
 */
FL_EXTERN int fl_check_jsonl_record(char **out, size_t *out_len,
                                    fl_checker *checker, const char *record,
                                    size_t len, const fl_check_options *opts);

/** Receives one answer line of fl_check_jsonl_fd (no line end; borrowed
 *  for the call). Returns 0 to go on, or a negative value that stops the
 *  stream and is returned. */
typedef int (*fl_jsonl_emit)(void *ctx, const char *answer, size_t len);

/**
 * Reads a JSONL stream from fd (left open) as it comes, a line at a time,
 * and answers every record as fl_check_jsonl_record does, through emit.
 * A line that is empty or only white space is skipped. A record that is
 * not JSON is answered with an error placed in the stream,
 * "path:LINE:COLUMN: problem"; other errors name "path:LINE".
 * path: names the stream in messages (and its language, as a document's
 * path does). source_lang: the language of the originals of records
 * without "source_lang" (NULL: "en").
 * Memory stays bounded: a line longer than the checker's max_file_size
 * stops the stream with FL_ELIMIT, "path:LINE: line longer than the limit
 * of N bytes".
 * Returns 0, FL_EIO (a read error: a folder, ...), FL_ELIMIT, FL_ENOMEM,
 * FL_EINVAL or what emit returned; the message is on the checker.
 */
FL_EXTERN int fl_check_jsonl_fd(fl_checker *checker, const char *path, int fd,
                                const char *source_lang,
                                const fl_check_options *opts,
                                fl_jsonl_emit emit, void *ctx);

/* --------------------------------------------------------------- segments */

/**
 * Where a stretch of a segment's text is in the file it came from: the
 * text from byte `offset` on runs as the file does from line:column
 * (a line end in the text is a line end in the file, every code point one
 * column) up to the next anchor.
 */
typedef struct {
	size_t offset; /**< byte offset in the segment's text */
	size_t line;   /**< 1-based line in the file */
	size_t column; /**< 1-based column in code points */
} fl_anchor;

/**
 * An inline code or placeholder of a segment ("%s", "{count}", an XLIFF
 * <x/> or <ph>): masked in the text (its bytes are spaces there, so that
 * nothing inside it is a word or a number) and compared between the
 * original and the translation by key.
 */
typedef struct {
	size_t offset;       /**< byte offset of the mask in the text */
	size_t len;          /**< bytes of the mask */
	const char *key;     /**< what must match across the pair: "%s", "%1$d",
	                          "{count}", "x:1"; NUL-terminated */
	const char *display; /**< the code as written, for messages */
} fl_code;

/** One side of a segment: UTF-8 text, where it is, and its codes. */
typedef struct {
	const char *text; /**< NULL: this side is not given */
	size_t len;
	const fl_anchor *anchors; /**< sorted by offset; none: the text is
	                               positioned on its own (line 1 column 1
	                               is its first byte) */
	size_t anchor_count;
	const fl_code *codes; /**< sorted by offset */
	size_t code_count;
} fl_segment_text;

/** Segment flags. */
#define FL_SEGMENT_DRAFT 1u /**< fuzzy, needs review: see FL_CHECK_DRAFTS */

/** A unit of translation: an original and its translation. */
typedef struct {
	const char *id; /**< trans-unit id, msgctxt+msgid, tuid; NULL none */
	fl_segment_text source;
	fl_segment_text target;
	unsigned flags; /**< FL_SEGMENT_* */
	/** Rules not reported in this segment, as fl_check_options.ignore
	 *  ("" every rule): an XLIFF note or PO translator comment
	 *  "fidelint-disable RULES". NULL: none. */
	const char *suppress;
} fl_segment;

/**
 * Checks a list of segments, the translations of one file.
 *  - With facts on the checker, the targets are one document (segments
 *    are paragraphs of it): the counts of the facts are over the whole
 *    translated file.
 *  - Without facts, when the segments carry their originals, the facts of
 *    all originals are extracted at once and each target is checked
 *    against the facts of its own original, as fl_check_aligned does.
 *  - Either way each segment's codes are compared with its original's
 *    (placeholder.missing, placeholder.extra).
 * Findings are placed through the anchors (in the file), and carry the
 * segment's id. A segment with FL_SEGMENT_DRAFT is skipped unless
 * opts->flags has FL_CHECK_DRAFTS.
 * segs: borrowed for the call. source_lang: the originals' language (NULL:
 * "en"). *out: caller frees with fl_result_free.
 * Returns as fl_check_buffer.
 */
FL_EXTERN int fl_check_segments(fl_result **out, fl_checker *checker,
                                const char *path, const fl_segment *segs,
                                size_t count, const char *source_lang,
                                const fl_check_options *opts);

/** Input formats a file may be in. */
typedef enum {
	FL_INPUT_TEXT,     /**< plain text (.txt) */
	FL_INPUT_TSV,      /**< original TAB translation rows (.tsv) */
	FL_INPUT_JSONL,    /**< {"id","source","target"} records (.jsonl) */
	FL_INPUT_XLIFF,    /**< XLIFF 1.2, 2.0, 2.1 (.xlf, .xliff) */
	FL_INPUT_TMX,      /**< TMX 1.4 (.tmx) */
	FL_INPUT_PO,       /**< gettext PO (.po, .pot) */
	FL_INPUT_MARKDOWN, /**< CommonMark with front matter (.md) */
	FL_INPUT_HTML      /**< HTML (.html, .htm) */
} fl_input;

/** Parses an input format name ("xliff", "po", ...) into *out.
 *  Returns 0 or FL_EINVAL. */
FL_EXTERN int fl_input_parse(fl_input *out, const char *name);

/** Name of an input format ("xliff"); static string, "?" when unknown. */
FL_EXTERN const char *fl_input_name(fl_input input);

/** The names of all input formats, comma-separated ("text, tsv, ...");
 *  static string, for help texts. */
FL_EXTERN const char *fl_input_names(void);

/** The input format a file name's extension says (".xlf" -> xliff,
 *  ".po" -> po); FL_INPUT_TEXT when it says none. */
FL_EXTERN fl_input fl_input_from_path(const char *path);

/**
 * Checks a file in an input format other than jsonl (which streams:
 * fl_check_jsonl_fd). The languages the file declares (XLIFF srcLang and
 * trgLang, a PO header's Language, an HTML lang, front matter "lang")
 * are used unless opts->lang or source_lang say otherwise. A file that is
 * not in the format is FL_EPARSE, "path:line:col: problem".
 * data: borrowed for the call.
 * Returns as fl_check_segments, and FL_EPARSE.
 */
FL_EXTERN int fl_check_input_buffer(fl_result **out, fl_checker *checker,
                                    const char *path, fl_input input,
                                    const char *data, size_t len,
                                    const char *source_lang,
                                    const fl_check_options *opts);

/** As fl_check_input_buffer, reading the file at path ("-": standard
 *  input). Adds FL_EIO. */
FL_EXTERN int fl_check_input_file(fl_result **out, fl_checker *checker,
                                  const char *path, fl_input input,
                                  const char *source_lang,
                                  const fl_check_options *opts);

/**
 * As fl_extract_buffer for a file in an input format: the facts of its
 * prose (a Markdown file without its code, links and front matter; the
 * text of an HTML file), or of the originals a bilingual file holds
 * (XLIFF and TMX sources, PO msgids, TSV first column), joined as
 * paragraphs. FL_INPUT_TEXT is fl_extract_buffer; FL_INPUT_JSONL is
 * FL_EINVAL. lang: NULL for what the file declares, else "en".
 * Returns as fl_extract_buffer, and FL_EPARSE.
 */
FL_EXTERN int fl_extract_input_buffer(char **out, size_t *out_len,
                                      fl_checker *checker, const char *path,
                                      fl_input input, const char *data,
                                      size_t len, const char *lang);

/** As fl_extract_input_buffer, reading the file at path. Adds FL_EIO. */
FL_EXTERN int fl_extract_input_file(char **out, size_t *out_len,
                                    fl_checker *checker, const char *path,
                                    fl_input input, const char *lang);

/** Releases a result; NULL is accepted. */
FL_EXTERN void fl_result_free(fl_result *result);

/** Path and language of the checked document; borrowed from result. */
FL_EXTERN const char *fl_result_path(const fl_result *result);
FL_EXTERN const char *fl_result_lang(const fl_result *result);

/** One finding. Strings are UTF-8 and borrowed from the result. */
typedef struct {
	const char *rule; /**< stable rule id, e.g. "name.garbled" */
	fl_severity severity;
	size_t line;   /**< 1-based; 0 when the finding has no place */
	size_t column; /**< 1-based, in code points */
	size_t end_line;
	size_t end_column; /**< exclusive */
	const char *text;  /**< the text at the place, or the fact's name */
	const char *message;
	const char *expected;   /**< NULL when not applicable */
	const char *suggestion; /**< NULL when none */
	const char *context;    /**< the source line (a window of it when
	                             the line is long), NULL when no place */
	size_t context_column;  /**< 1-based column of the finding in context */
	size_t source_line;     /**< aligned checking: the line of the
	                             original this line translates; else 0 */
	size_t context_len;     /**< bytes of context: a NUL of the text is
	                             one of them, not its end */
	const char *segment;    /**< id of the segment it is in (a trans-unit
	                             id, ...); NULL when none */
} fl_finding;

/** Number of findings, sorted by place (placeless first) then rule. */
FL_EXTERN size_t fl_result_count(const fl_result *result);

/** Finding i, or NULL when out of range; borrowed from result. */
FL_EXTERN const fl_finding *fl_result_finding(const fl_result *result,
                                              size_t i);

/**
 * Calls fn for every finding of result, in order (the way to read a
 * result checked with FL_CHECK_SPILL). f is borrowed for the call.
 * Returns 0, fn's first non-zero return, FL_EIO when a spilled finding
 * cannot be read back, or FL_EINVAL.
 */
FL_EXTERN int fl_result_foreach(const fl_result *result,
                                int (*fn)(const fl_finding *f, void *ctx),
                                void *ctx);

/**
 * Keeps the findings of result that keep() returns non-zero for, in order;
 * the others are released (the pointers to them become invalid).
 * Returns the number kept.
 */
FL_EXTERN size_t fl_result_retain(fl_result *result,
                                  int (*keep)(const fl_finding *f, void *ctx),
                                  void *ctx);

/** Bytes of a fingerprint with its NUL. */
#define FL_FINGERPRINT_SIZE 17

/**
 * A finding's fingerprint: 16 hexadecimal digits from its rule, the path
 * it is in, its text and the context around it (24 code points each
 * side, white space runs as one), not its line or column, so that it
 * survives edits elsewhere in the file
 * (baselines; SARIF partialFingerprints). out: FL_FINGERPRINT_SIZE bytes.
 */
FL_EXTERN void fl_finding_fingerprint(char *out, const char *path,
                                      const fl_finding *finding);

/** How a document names an entity of the facts: the form as written
 *  there and how often. Strings borrowed from the result. */
typedef struct {
	const char *entity; /**< the entity's name in the facts */
	const char *form;   /**< as the document writes it */
	size_t count;
} fl_mention_info;

/** Number of (entity, form) pairs the document names, in the order first
 *  met (a document checked with facts; else 0). */
FL_EXTERN size_t fl_result_mention_count(const fl_result *result);

/** Pair i, or NULL when out of range; borrowed from result. */
FL_EXTERN const fl_mention_info *fl_result_mention(const fl_result *result,
                                                   size_t i);

/** Number of findings of one severity. */
FL_EXTERN size_t fl_result_count_severity(const fl_result *result,
                                          fl_severity sev);

/* ------------------------------------------------------------------ rules */

/** Where a rule is defined. */
typedef enum {
	FL_RULE_BUILTIN, /**< a check of the library (name.missing, ...) */
	FL_RULE_PACK     /**< a rule of a rule pack, rules/packs/<lang>.yaml */
} fl_rule_origin;

/** Read-only description of one rule. Strings are UTF-8 and borrowed from
 *  the fl_rule_list that holds it. */
typedef struct {
	const char *id;         /**< "name.garbled", "term.ar.amnesty-for-ai" */
	fl_severity severity;   /**< the severity it reports with (when a
	                             built-in rule has several, the one its
	                             description is about, most often the
	                             highest: spell.unknown's is warning) */
	const char *severities; /**< all of them in words, "error / warning" */
	fl_rule_origin origin;
	const char *pack;    /**< the pack's language ("ar", "pt-BR"); NULL for
	                          a built-in rule */
	const char *path;    /**< pack file; NULL for a built-in rule */
	size_t line;         /**< line of the rule in path; 0 when built in */
	const char *message; /**< one line */
	const char *rationale;  /**< why the rule exists */
	const char *suggestion; /**< NULL when none */
	const char *pattern;    /**< PCRE2 pattern; NULL when built in */
	const char *conditions; /**< its conditions in words, NULL: none */
	const char *const *match_examples; /**< texts the rule matches */
	size_t match_count;
	const char *const *no_match_examples; /**< texts it must not match */
	size_t no_match_count;
	unsigned severity_set; /**< every severity it may report with, as
	                            bits 1u << fl_severity (a pack rule: its
	                            one severity) */
} fl_rule_info;

/** A list of rules, in order: built-in rules, then pack rules by pack. */
typedef struct fl_rule_list fl_rule_list;

/**
 * Lists the rules the checker knows: the built-in rules and the rules of
 * the packs in the data folder's rules/packs. With lang (a tag the
 * checker has a profile for) only the packs and rules that apply to
 * documents in that language; with NULL every pack.
 * *out: caller frees with fl_rule_list_free; it does not borrow from the
 * checker. On failure the message is on the checker (a bad pack gives
 * "path:line:col: problem").
 * Returns 0, FL_ELANG, FL_EPARSE, FL_EIO, FL_EENCODING, FL_ELIMIT or
 * FL_ENOMEM.
 */
FL_EXTERN int fl_checker_rules(fl_rule_list **out, fl_checker *checker,
                               const char *lang);

/** Number of rules in the list. */
FL_EXTERN size_t fl_rule_list_count(const fl_rule_list *list);

/** Rule i, or NULL when out of range; borrowed from list. */
FL_EXTERN const fl_rule_info *fl_rule_list_get(const fl_rule_list *list,
                                               size_t i);

/** The rule with this id, or NULL; borrowed from list. */
FL_EXTERN const fl_rule_info *fl_rule_list_find(const fl_rule_list *list,
                                                const char *id);

/** Releases the list and everything borrowed from it; NULL is accepted. */
FL_EXTERN void fl_rule_list_free(fl_rule_list *list);

/**
 * Checks the rule selectors of opts (select, ignore, severity) against
 * the rules the checker knows (built-in and packs): each must name at
 * least one, and a severity must be a level. A selector that names none
 * is FL_EINVAL with "select: no rule 'nmae' (did you mean 'name'?)" on
 * the checker. Returns 0, FL_EINVAL, or what fl_checker_rules returns.
 */
FL_EXTERN int fl_checker_validate_rules(fl_checker *checker,
                                        const fl_check_options *opts);

/* ----------------------------------------------------------------- config */

/** A project's configuration, .fidelint.yaml (format in README.md). */
typedef struct fl_config fl_config;

/**
 * The nearest .fidelint.yaml in the folder of path (a file or a folder;
 * NULL or "-": the current folder) or above it.
 * *out: its path, caller frees with free(); NULL when there is none.
 * Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_config_find(char **out, const char *path);

/**
 * Loads a configuration file. *out: caller frees with fl_config_free; set
 * also on failure (but for FL_ENOMEM), so that fl_config_error can say
 * "path:line:col: problem". Returns 0, FL_EIO, FL_EPARSE, FL_EENCODING,
 * FL_ELIMIT or FL_ENOMEM.
 */
FL_EXTERN int fl_config_load_file(fl_config **out, const char *path);

/** Releases a configuration; NULL is accepted. */
FL_EXTERN void fl_config_free(fl_config *config);

/** Message of the last failure on config, "" if none; borrowed. */
FL_EXTERN const char *fl_config_error(const fl_config *config);

/** What a configuration says about one file. Every string is owned by the
 *  struct (fl_file_settings_dispose) and NULL when not set. */
typedef struct {
	char *config;      /**< the configuration file's path */
	bool matched;      /**< an entry of "files" matched the file */
	char *lang;        /**< language tag */
	char *facts;       /**< facts file, a path */
	char *source;      /**< the original, a path */
	char *source_lang; /**< the original's language */
	int partial;       /**< 1, 0, or -1 when not set */
	char *input;       /**< input format name */
	char *select;      /**< rule selectors (fl_check_options) */
	char *ignore;
	char *severity;
	char *fail_on; /**< error, warning, info or never */
} fl_file_settings;

/**
 * Fills *out with the settings of file (a path, which need not exist):
 * the configuration's top level, then every "files" entry whose glob
 * matches the file's path relative to the configuration's folder, in
 * order (later entries win; rule selectors add up).
 * Returns 0 or FL_ENOMEM (then *out is empty).
 */
FL_EXTERN int fl_config_settings(fl_file_settings *out, const fl_config *config,
                                 const char *file);

/** Releases the strings of s; s can be filled again. */
FL_EXTERN void fl_file_settings_dispose(fl_file_settings *s);

/** The configuration's "max_languages" (fl_checker_set_max_languages)
 *  into *out: returns 1 when it gives one, 0 when not (*out untouched). */
FL_EXTERN int fl_config_max_languages(size_t *out, const fl_config *config);

/** The words the configuration accepts ("accept"), for
 *  fl_checker_accept_word; borrowed from config. */
FL_EXTERN size_t fl_config_accept_count(const fl_config *config);
FL_EXTERN const char *fl_config_accept(const fl_config *config, size_t i);

/**
 * The files a configuration names: every regular file below its folder
 * (hidden files and folders skipped) that a "files" glob matches, sorted.
 * *out: an array of *count paths; caller frees each and the array with
 * free(). Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_config_files(char ***out, size_t *count, fl_config *config);

/**
 * The candidate nearest to word by edit distance, when at most
 * max_distance edits away (of equals, the first); NULL when none is. For
 * "did you mean" messages. Strings borrowed.
 */
FL_EXTERN const char *fl_nearest(const char *word,
                                 const char *const *candidates, size_t count,
                                 size_t max_distance);

/* ----------------------------------------------------------------- report */

/** Output formats, numbered from 0 in the order of fl_format_names. */
typedef enum {
	FL_FORMAT_TEXT,
	FL_FORMAT_JSON,
	FL_FORMAT_SARIF,   /**< SARIF 2.1.0 */
	FL_FORMAT_HTML,    /**< the editorial report, one self-contained page */
	FL_FORMAT_MARKDOWN /**< for a pull-request comment */
} fl_format;

/** Parses an output format name ("text", "json"). Returns 0 or
 *  FL_EINVAL. */
FL_EXTERN int fl_format_parse(fl_format *out, const char *name);

/** Name of an output format ("json"); static string, NULL when there is
 *  no such format (so a loop from 0 stops after the last). */
FL_EXTERN const char *fl_format_name(fl_format format);

/** One line on what an output format is, for help texts; static string,
 *  NULL when there is no such format. */
FL_EXTERN const char *fl_format_summary(fl_format format);

/** The names of all output formats, comma-separated ("text, json");
 *  static string, for help texts and messages. */
FL_EXTERN const char *fl_format_names(void);

/**
 * Renders a rule list (as `fidelint rules` prints it) in one format.
 * *out: NUL-terminated, caller frees with free(); *out_len its length (may
 * be NULL). flags: none yet (0).
 * Returns 0, FL_EINVAL (no list, or a format that cannot list rules) or
 * FL_ENOMEM.
 */
FL_EXTERN int fl_rule_list_render(char **out, size_t *out_len,
                                  const fl_rule_list *list, fl_format format,
                                  unsigned flags);

/** Collects the results of a run and renders them in one format. */
typedef struct fl_report fl_report;

/** Render flags. */
#define FL_REPORT_COLOR 1u /**< ANSI colour (text format only) */

/** Makes an empty report. *out: caller frees with fl_report_free.
 *  Returns 0 or FL_ENOMEM. */
FL_EXTERN int fl_report_new(fl_report **out);

/** Releases the report and the results it owns; NULL is accepted. */
FL_EXTERN void fl_report_free(fl_report *report);

/**
 * Adds a document's result. Takes ownership of result, also on failure.
 * Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_report_add_result(fl_report *report, fl_result *result);

/**
 * Records a document that could not be checked (unreadable, invalid
 * UTF-8, ...). path, message: copied. Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_report_add_failure(fl_report *report, const char *path,
                                    const char *message);

/**
 * Gives the report the rules of the run, for formats whose reports
 * describe the rules behind their findings. rules: borrowed, must outlive
 * every fl_report_render of report; NULL (the default): the built-in
 * rules only.
 */
FL_EXTERN void fl_report_set_rules(fl_report *report,
                                   const fl_rule_list *rules);

/**
 * As fl_report_add_result, keeping a copy of the document's text too, for
 * renderers that show documents (the html format highlights the findings
 * in place). text: the bytes the result's places refer to (the file).
 * Takes ownership of result, also on failure. Returns 0 or FL_ENOMEM.
 */
FL_EXTERN int fl_report_add_document(fl_report *report, fl_result *result,
                                     const char *text, size_t len);

/** The facts the results were checked against, for renderers that show
 *  them (the html format's fact x translation matrix); borrowed, must
 *  outlive every render; NULL clears. */
FL_EXTERN void fl_report_set_facts(fl_report *report, const fl_facts *facts);

/** Totals over the report's results: findings per severity and files. */
typedef struct {
	size_t files;
	size_t failed_files;
	size_t errors;
	size_t warnings;
	size_t infos;
} fl_report_summary;

/** Fills *out with the report's totals. */
FL_EXTERN void fl_report_summarize(fl_report_summary *out,
                                   const fl_report *report);

/**
 * Renders the whole report.
 * *out: NUL-terminated, caller frees with free(); *out_len its length.
 * Returns 0, FL_EINVAL or FL_ENOMEM.
 */
FL_EXTERN int fl_report_render(char **out, size_t *out_len,
                               const fl_report *report, fl_format format,
                               unsigned flags);

/* ------------------------------------------------------- report stream */

/**
 * Where a report stream writes: called with the next len bytes of the
 * report (data borrowed for the call only). Returns 0, or nonzero to stop
 * the stream (it then fails with FL_EIO).
 */
typedef int (*fl_report_write_fn)(void *ctx, const char *data, size_t len);

/**
 * A report written as its files come: each file's part is written when it
 * is added, and only small totals are kept (per file with findings, one
 * line of the text format's closing breakdown; per failed file, its SARIF
 * notification). The bytes written are those fl_report_render gives for
 * the same files, rules and flags. For the text, json and sarif formats;
 * html and markdown need the whole report (use fl_report).
 *
 * Errors stay on the handle: after a failure every later call returns the
 * same error and writes nothing.
 */
typedef struct fl_report_stream fl_report_stream;

/**
 * Makes a stream writing a report in format (FL_FORMAT_TEXT, _JSON or
 * _SARIF) through write(ctx, ...). flags: FL_REPORT_*. rules: as
 * fl_report_set_rules (borrowed, must outlive the stream; NULL: the
 * built-in rules). Nothing is written before the first add or finish.
 * *out: caller frees with fl_report_stream_free; NULL on failure.
 * Returns 0, FL_EINVAL (no write, or a format that cannot stream) or
 * FL_ENOMEM.
 */
FL_EXTERN int fl_report_stream_new(fl_report_stream **out, fl_format format,
                                   unsigned flags, const fl_rule_list *rules,
                                   fl_report_write_fn write, void *ctx);

/**
 * Writes the part of one checked document. result: borrowed, not kept
 * (the caller may free it as soon as this returns). Returns 0, FL_EINVAL,
 * FL_ENOMEM, FL_EIO (write refused) or the stream's earlier error.
 */
FL_EXTERN int fl_report_stream_add_result(fl_report_stream *stream,
                                          const fl_result *result);

/**
 * Writes the part of a document that could not be checked, as
 * fl_report_add_failure. path, message: borrowed for the call. Returns as
 * fl_report_stream_add_result.
 */
FL_EXTERN int fl_report_stream_add_failure(fl_report_stream *stream,
                                           const char *path,
                                           const char *message);

/**
 * Writes the end of the report (summary, breakdown, invocation). Nothing
 * may be added after. Returns as fl_report_stream_add_result (FL_EINVAL
 * when already finished).
 */
FL_EXTERN int fl_report_stream_finish(fl_report_stream *stream);

/** Fills *out with the totals of the files added so far. */
FL_EXTERN void fl_report_stream_summarize(fl_report_summary *out,
                                          const fl_report_stream *stream);

/** Releases the stream (finished or not: an unfinished report stays cut
 *  short); NULL is accepted. */
FL_EXTERN void fl_report_stream_free(fl_report_stream *stream);

#ifdef __cplusplus
}
#endif

#endif /* FIDELINT_H */
