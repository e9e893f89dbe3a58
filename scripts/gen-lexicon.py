#!/usr/bin/env python3
"""Generates the bilingual lexicon of the name.literal check: rules/lexicon/en-XX.tsv.

For an English word, the lexicon lists what a translator's dictionary gives for it in
language XX, so that the check can recognise a name made of ordinary English words
("Scale AI", "Surge") rendered word for word ("IA em escala", "طفرة").

Sources, merged in this order for each English word:
  1. rules/lexicon/curated/en-XX.tsv   (hand-written general vocabulary; always kept whole)
  2. FreeDict eng-XXX                  (direct: English headword -> translations, in
                                        dictionary order)
  3. FreeDict XXX-eng                  (reversed: a target headword becomes a rendering of
                                        each single-word English gloss; a gloss listed
                                        earlier in its entry ranks first)
Renderings are cleaned (pronunciations, <grammar>, [domain], (notes), numbering, "see:",
"Note:", "Synonyms:" and example lines dropped), lower-cased, NFC-normalised, de-duplicated;
Arabic loses its diacritics and the article ال (the engine strips clitics itself). Each
English word gets all its curated renderings plus at most CAP from the dictionaries: when
there are more, the direct ones are chosen round robin over the senses (the first rendering
of each sense, then the second, ...) and kept in dictionary order, then reversed ones fill.
Only English words of plain lower-case ASCII letters (2+ letters) that are stems of hunspell's
en_US dictionary (package hunspell-en-us; no proper names, no inflected forms) and renderings
of at most MAX_WORDS words are taken from the dictionaries; a rendering equal to the English
word is dropped. Hebrew has no FreeDict package: en-he comes from the curated
file only.

usage: scripts/gen-lexicon.py [--check] [--out DIR]
  (default)  write rules/lexicon/en-{ar,pt,fr,de,he}.tsv (or into DIR)
  --check    regenerate in memory, validate the committed files' format and compare:
             exit 0 when identical, 1 listing the files that differ or are malformed,
             2 when a FreeDict package is missing.
Python 3 standard library only.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEXDIR = os.path.join(ROOT, "rules", "lexicon")
CURDIR = os.path.join(LEXDIR, "curated")
DICTD = "/usr/share/dictd"
# English words kept from the dictionaries: the lower-case stems of hunspell's en_US
# dictionary. It drops what a name check must not take for a literal translation (proper
# names, which dictionaries transliterate: Antonio -> أنطونيو) and the long tail of
# inflected forms and technical compounds (eng-deu alone has 94,000 single words).
EN_PKG = "hunspell-en-us"
EN_DIC = "/usr/share/hunspell/en_US.dic"

CAP = 12        # dictionary renderings per English word (the curated ones come on top)
MAX_WORDS = 4   # longest rendering kept, in words

# language -> (FreeDict code, direct package, reverse package); None: curated only
LANGS = {
    "ar": ("ara", "dict-freedict-eng-ara", "dict-freedict-ara-eng"),
    "de": ("deu", "dict-freedict-eng-deu", "dict-freedict-deu-eng"),
    "fr": ("fra", "dict-freedict-eng-fra", "dict-freedict-fra-eng"),
    "he": None,
    "pt": ("por", "dict-freedict-eng-por", "dict-freedict-por-eng"),
}

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64V = {c: i for i, c in enumerate(B64)}

EN_WORD = re.compile(r"[a-z]{2,}\Z")
# Arabic diacritics (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel
AR_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# bidi controls, zero-width characters, BOM
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
# words that begin with ال without it being the article
AR_NOT_ARTICLE = {"الله", "اللهم", "الذي", "التي", "الذين", "اللذان", "اللتان",
                  "اللذين", "اللتين", "اللاتي", "اللواتي", "اللائي", "الا", "الى"}
# German/English placeholders for objects in verb phrases ("etw. überholen")
PLACEHOLDERS = re.compile(
    r"(?<!\w)(etw|jdm|jdn|jds|jd|sth|sb|sbd|so|sb's|sth's)\.(?!\w)|(?<!\w)sb's(?!\w)")


class Missing(Exception):
    pass


def b64(s):
    v = 0
    for c in s:
        v = v * 64 + B64V[c]
    return v


def pkg_version(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", pkg],
                             capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise Missing(pkg)
    status, _, version = out.stdout.partition("\t")
    if out.returncode != 0 or "install ok installed" not in status or not version:
        raise Missing(pkg)
    return version


def entries(pkg):
    """Yields (headword, body lines) of a FreeDict dictd database, in index order."""
    name = pkg[len("dict-"):]
    idx = os.path.join(DICTD, name + ".index")
    dz = os.path.join(DICTD, name + ".dict.dz")
    if not (os.path.isfile(idx) and os.path.isfile(dz)):
        raise Missing(pkg)
    with gzip.open(dz) as f:  # dictzip is gzip with a random-access table
        data = f.read()
    with open(idx, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00database"):
                continue
            off, size = b64(parts[1]), b64(parts[2])
            lines = data[off:off + size].decode("utf-8", "replace").split("\n")
            head = headword(lines[0])
            if head is not None:
                yield head, lines[1:]


HEADLINE = re.compile(r"^(.*?)\s+/[^/]*/\s*(?:<[^>]*>\s*)*$")


def headword(line):
    m = HEADLINE.match(line)
    h = m.group(1) if m else re.sub(r"<[^>]*>", "", line)
    h = h.strip()
    return h or None


def senses(lines):
    """The translation lines of an entry body, as lists of comma-separated pieces."""
    out = []
    for line in lines:
        if not line.strip():
            continue
        if line.startswith(" "):
            # " [domain] translations" (a label-led translation line) is kept;
            # " see: {...}", "   Synonyms:", "         Note:", "      \"example\"" are not
            if not re.match(r"^ \[", line):
                continue
        text = re.sub(r"^\s*\d+\.\s+", "", line)          # sense numbering
        text = re.sub(r",\s+/[^/]*/\s*$", "", text)        # trailing "ABBR,  /ipa/"
        text = re.sub(r"/[^/\s][^/]*/", " ", text) if " /" in text else text
        if re.match(r"^[^\s:]+: ", text):                  # "term: definition" (eng-ara)
            text = text.split(":", 1)[0]
        out.append(split_pieces(text))
    return out


def split_pieces(text):
    # remove bracketed material first so that commas inside it do not split
    prev = None
    while prev != text:
        prev = text
        text = re.sub(r"<[^<>]*>|\[[^\[\]]*\]|\([^()]*\)|\{[^{}]*\}", " ", text)
    return [p for p in re.split(r"[,;]", text)]


def norm(s):
    s = unicodedata.normalize("NFC", s)
    s = INVISIBLE.sub("", s)
    s = s.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-")
    s = re.sub(r"\s+", " ", s).strip()
    return s.lower()


def strip_article(s):
    words = s.split(" ")
    if not words[0].startswith("ال") or words[0] in AR_NOT_ARTICLE:
        return s
    out = []
    for w in words:
        if w.startswith("ال") and w not in AR_NOT_ARTICLE and len(w) >= 4:
            w = w[2:]
        out.append(w)
    return " ".join(out)


def is_letter_of(ch, lang):
    if not unicodedata.category(ch).startswith("L"):
        return False
    if lang == "ar":
        return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"
    if lang == "he":
        return "\u05d0" <= ch <= "\u05ea"
    return "LATIN" in unicodedata.name(ch, "")


def clean_rendering(piece, lang):
    """A cleaned target-language rendering, or None when it is not one."""
    s = PLACEHOLDERS.sub(" ", piece)
    if "..." in s or "\u2026" in s or "/" in s:
        return None
    s = norm(s)
    if lang == "ar":
        s = AR_MARKS.sub("", s)
        s = strip_article(s)
    s = s.strip(" -'")
    if not s:
        return None
    words = s.split(" ")
    if len(words) > MAX_WORDS:
        return None
    letters = 0
    for ch in s:
        if ch in " -'":
            continue
        if not is_letter_of(ch, lang):
            return None
        letters += 1
    if letters < 2:
        return None
    return unicodedata.normalize("NFC", s)


def clean_english(piece):
    s = PLACEHOLDERS.sub(" ", piece)
    s = norm(s)
    if s.startswith("to "):       # "to scale" as a verb gloss
        s = s[3:]
    return s if EN_WORD.match(s) else None


_english = None


def english_words():
    global _english
    if _english is None:
        pkg_version(EN_PKG)
        if not os.path.isfile(EN_DIC):
            raise Missing(EN_PKG)
        words = set()
        with open(EN_DIC, encoding="utf-8", errors="replace") as f:
            next(f, None)  # the word count
            for line in f:
                w = line.split("/", 1)[0].strip()
                if EN_WORD.match(w):
                    words.add(w)
        _english = words
    return _english


def direct(pkg, lang):
    """English word -> its senses (one per numbered sense or entry), each a list of
    renderings in dictionary order."""
    out = {}
    for head, body in entries(pkg):
        en = norm(head)
        if not EN_WORD.match(en):
            continue
        lst = out.setdefault(en, [])
        for pieces in senses(body):
            sense = []
            for p in pieces:
                r = clean_rendering(p, lang)
                if r is not None and r != en and r not in sense:
                    sense.append(r)
            if sense:
                lst.append(sense)
    return out


def pick(senses, room, taken):
    """Up to room renderings of senses not in taken, chosen round robin (the first
    rendering of every sense, then the second, ...) so that the cap keeps every sense,
    and returned in dictionary order."""
    flat = []
    for sense in senses:
        for r in sense:
            if r not in taken and r not in flat:
                flat.append(r)
    if len(flat) <= room:
        return flat
    chosen = set()
    depth = 0
    while len(chosen) < room:
        for sense in senses:
            if depth < len(sense) and sense[depth] not in taken:
                chosen.add(sense[depth])
                if len(chosen) == room:
                    break
        depth += 1
    return [r for r in flat if r in chosen]


def reverse(pkg, lang):
    """English word -> renderings from a target->English dictionary, best rank first."""
    ranked = {}
    seq = 0
    for head, body in entries(pkg):
        r = clean_rendering(head, lang)
        if r is None:
            continue
        rank = 0
        for pieces in senses(body):
            for p in pieces:
                en = clean_english(p)
                if en is not None and en != r:
                    ranked.setdefault(en, []).append((rank, seq, r))
                    seq += 1
                rank += 1
    out = {}
    for en, lst in ranked.items():
        lst.sort()
        seen = []
        for _, _, r in lst:
            if r not in seen:
                seen.append(r)
        out[en] = seen
    return out


def read_tsv(path, what):
    """Pairs of a lexicon file (comment lines skipped) and a list of format errors."""
    pairs, errors = [], []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [], ["%s: not UTF-8" % what]
    if "\r" in text:
        errors.append("%s: CR line ends" % what)
    if text and not text.endswith("\n"):
        errors.append("%s: no final newline" % what)
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("#") or line == "":
            continue
        f = line.split("\t")
        if len(f) != 2 or not f[0] or not f[1]:
            errors.append("%s:%d: not two non-empty tab-separated fields" % (what, n))
            continue
        if any(x != x.strip() for x in f):
            errors.append("%s:%d: space around a field" % (what, n))
        if any(unicodedata.normalize("NFC", x) != x for x in f):
            errors.append("%s:%d: not NFC" % (what, n))
        if not EN_WORD.match(f[0]):
            errors.append("%s:%d: English word %r is not lower-case ASCII letters"
                          % (what, n, f[0]))
        pairs.append((n, f[0], f[1]))
    return pairs, errors


def curated(lang, errors):
    path = os.path.join(CURDIR, "en-%s.tsv" % lang)
    what = os.path.relpath(path, ROOT)
    if not os.path.isfile(path):
        errors.append("%s: missing" % what)
        return {}
    pairs, errs = read_tsv(path, what)
    errors.extend(errs)
    out = {}
    for n, en, r in pairs:
        r2 = norm(r)
        if lang == "ar":
            r2 = AR_MARKS.sub("", r2)
        if r2 != r:
            errors.append("%s:%d: write %r as %r (lower-case, NFC, no diacritics)"
                          % (what, n, r, r2))
        lst = out.setdefault(en, [])
        if r2 == en:
            errors.append("%s:%d: %s -> %s is the word itself" % (what, n, en, r2))
        elif r2 in lst:
            errors.append("%s:%d: duplicate %s -> %s" % (what, n, en, r2))
        else:
            lst.append(r2)
    return out


def generate(lang, errors):
    """The text of en-LANG.tsv."""
    cur = curated(lang, errors)
    spec = LANGS[lang]
    sources = []
    dirs, revs = {}, {}
    if spec is not None:
        _, dpkg, rpkg = spec
        sources = ["%s %s" % (p, pkg_version(p)) for p in (dpkg, rpkg)]
        sources[-1] += " (English words: stems of %s %s)" % (EN_PKG, pkg_version(EN_PKG))
        keep_en = english_words()
        dirs = {k: v for k, v in direct(dpkg, lang).items() if k in keep_en}
        revs = {k: v for k, v in reverse(rpkg, lang).items() if k in keep_en}
    lines = [
        "# en-%s lexicon of the name.literal check: English word<TAB>what a dictionary "
        "gives for it in this language." % lang,
        "# Generated by scripts/gen-lexicon.py from %s." % (
            ", ".join(sources + ["rules/lexicon/curated/en-%s.tsv" % lang])),
        "# Do not edit: edit curated/en-%s.tsv and run scripts/gen-lexicon.py." % lang,
    ]
    if spec is not None:
        lic = "GPL-3+" if lang == "de" else "GPL-2+"
        lines.append("# Licence: derived from FreeDict dictionaries (%s); see "
                     "rules/lexicon/README.md." % lic)
    for en in sorted(set(cur) | set(dirs) | set(revs)):
        keep = list(cur.get(en, []))
        ncur = len(keep)
        keep += pick(dirs.get(en, []), CAP, keep)
        for r in revs.get(en, []):
            if len(keep) - ncur >= CAP:
                break
            if r not in keep:
                keep.append(r)
        # FreeDict eng-por/eng-fra list some phrases twice, once with the spaces lost
        # ("fazer seu ninho", "fazerseuninho"): drop the run-together copy
        joined = {r.replace(" ", "") for r in keep if " " in r}
        keep = [r for r in keep if " " in r or r not in joined or r in cur.get(en, [])]
        for r in keep:
            lines.append("%s\t%s" % (en, r))
    return "\n".join(lines) + "\n"


def validate_generated(text, what):
    """Format errors of a generated file: two fields, NFC, sorted, no duplicates."""
    errors = []
    prev, seen = None, set()
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 2 or not f[0] or not f[1]:
            errors.append("%s:%d: not two non-empty tab-separated fields" % (what, n))
            continue
        if any(unicodedata.normalize("NFC", x) != x or x != x.strip() for x in f):
            errors.append("%s:%d: not NFC or space around a field" % (what, n))
        if prev is not None and f[0] < prev:
            errors.append("%s:%d: not sorted by English word" % (what, n))
        if (f[0], f[1]) in seen:
            errors.append("%s:%d: duplicate pair" % (what, n))
        prev = f[0]
        seen.add((f[0], f[1]))
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the committed files instead of writing")
    ap.add_argument("--out", metavar="DIR", default=LEXDIR,
                    help="folder of the en-XX.tsv files (default rules/lexicon)")
    a = ap.parse_args()

    errors = []
    texts = {}
    try:
        for lang in sorted(LANGS):
            texts[lang] = generate(lang, errors)
    except Missing as e:
        print("gen-lexicon: Debian package %s is not installed (or its dictionary "
              "files are missing under %s); run scripts/install-deps.sh" % (e, DICTD),
              file=sys.stderr)
        return 2
    for lang, text in texts.items():
        errors.extend(validate_generated(text, "en-%s.tsv (generated)" % lang))

    if a.check:
        bad = []
        for lang, text in texts.items():
            path = os.path.join(a.out, "en-%s.tsv" % lang)
            what = os.path.relpath(path, ROOT)
            try:
                with open(path, "rb") as f:
                    old = f.read()
            except OSError:
                bad.append("%s: missing" % what)
                continue
            errors.extend(validate_generated(old.decode("utf-8", "replace"), what))
            if old != text.encode("utf-8"):
                bad.append("%s: differs from what scripts/gen-lexicon.py generates" % what)
        for e in errors + bad:
            print("gen-lexicon: " + e, file=sys.stderr)
        if errors or bad:
            print("gen-lexicon: run scripts/gen-lexicon.py and commit rules/lexicon/",
                  file=sys.stderr)
            return 1
        print("gen-lexicon: %d lexicon files up to date" % len(texts))
        return 0

    for e in errors:
        print("gen-lexicon: " + e, file=sys.stderr)
    if errors:
        return 1
    os.makedirs(a.out, exist_ok=True)
    for lang, text in texts.items():
        path = os.path.join(a.out, "en-%s.tsv" % lang)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
        n = sum(1 for l in text.split("\n") if l and not l.startswith("#"))
        words = len({l.split("\t")[0] for l in text.split("\n")
                     if l and not l.startswith("#")})
        print("gen-lexicon: %s: %d pairs, %d English words, %d bytes"
              % (os.path.relpath(path, ROOT), n, words, len(text.encode("utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
