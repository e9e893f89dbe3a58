#!/usr/bin/env python3
"""Validate tests/numbers/pairs.tsv.

Checks the shape of every row (9 tab-separated fields, allowed values, value
format per kind, unique ids) and, when the NTREX-128 dev files are present,
that each row's spans really come from the aligned line it names:

  note "ntrex line N"       (mined rows, and real translator slips)
      the `en` span occurs verbatim in line N of en.txt and the `target` span
      occurs verbatim in line N of the language's file;
  note "from ntrex line N"  (invented `wrong` variants of a real rendering)
      the `en` span occurs verbatim in en.txt line N and the `target` span does
      NOT occur in the language's line N (it was altered).

Usage: check_pairs.py [PAIRS_TSV] [--corpus DIR]
The corpus directory defaults to $NTREX_DEV or /work/shared/corpora/ntrex-dev;
if it is missing the corpus checks are skipped with a note (exit status 0).
Exit status 1 when any check fails.
"""
import collections
import os
import re
import sys

HEADER = ['id', 'lang', 'verdict', 'en', 'target', 'value', 'unit', 'kind', 'note']
LANG_FILE = {'ar': 'ar.txt', 'pt-PT': 'pt.txt', 'pt-BR': 'pt-BR.txt',
             'fr': 'fr.txt', 'he': 'he.txt', 'de': 'de.txt'}
VERDICTS = ('same', 'approx', 'wrong')
KINDS = {'money', 'percent', 'count', 'year', 'date', 'time', 'duration',
         'measure', 'range', 'ordinal'}
MIN_PER_LANG = 30
MIN_TOTAL = 240
CORPUS_LINES = 956

NUM = r'\d+(?:\.\d+)?'
RE_NUM = re.compile(rf'^{NUM}$')
RE_RANGE = re.compile(rf'^{NUM}-{NUM}$')
RE_TIME = re.compile(r'^(?:[01]\d|2[0-3]):[0-5]\d$')
RE_DATE = re.compile(r'^(?:\d{4}-\d\d-\d\d|\d{4}-\d\d|--\d\d-\d\d)$')
RE_WEEKDAY = re.compile(r'^[1-7]$')
RE_NOTE = re.compile(r'(?:^|; )(from )?ntrex line (\d+)(?:;|$)')


def value_ok(kind, unit, value):
    if kind == 'time':
        return bool(RE_TIME.match(value))
    if kind == 'date':
        if unit == 'weekday':
            return bool(RE_WEEKDAY.match(value))
        return bool(RE_DATE.match(value))
    if kind == 'range' or unit in ('score',) or kind == 'year':
        return bool(RE_RANGE.match(value) or RE_NUM.match(value))
    return bool(RE_NUM.match(value))


def main(argv):
    args = [a for a in argv[1:]]
    corpus = os.environ.get('NTREX_DEV', '/work/shared/corpora/ntrex-dev')
    if '--corpus' in args:
        i = args.index('--corpus')
        corpus = args[i + 1]
        del args[i:i + 2]
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pairs.tsv')

    errors = []

    def err(where, msg):
        errors.append(f'{path}:{where}: {msg}')

    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        print(f'{path}: not UTF-8: {e}')
        return 1
    if text.startswith('\ufeff'):
        err(1, 'byte-order mark at start of file')
    if '\r' in text:
        err(1, 'carriage return found (use LF line ends)')
    if not text.endswith('\n'):
        err(1, 'file does not end with a newline')
    lines = text.split('\n')[:-1] if text.endswith('\n') else text.split('\n')
    if not lines or lines[0].split('\t') != HEADER:
        err(1, 'header must be: ' + '\t'.join(HEADER))

    corpus_ok = os.path.isdir(corpus)
    files = {}
    if corpus_ok:
        for key, name in list(LANG_FILE.items()) + [('en', 'en.txt')]:
            fp = os.path.join(corpus, name)
            if not os.path.exists(fp):
                corpus_ok = False
                break
            files[key] = open(fp, encoding='utf-8').read().split('\n')

    ids = set()
    counts = collections.Counter()
    kinds_seen = collections.defaultdict(set)
    mined = invented = 0
    for ln, line in enumerate(lines[1:], start=2):
        f = line.split('\t')
        if len(f) != len(HEADER):
            err(ln, f'{len(f)} fields, expected {len(HEADER)}')
            continue
        row = dict(zip(HEADER, f))
        for k, v in row.items():
            if not v:
                err(ln, f'empty field {k}')
            elif v != v.strip():
                err(ln, f'field {k} has leading/trailing whitespace')
        rid, lang, verdict, kind = row['id'], row['lang'], row['verdict'], row['kind']
        if rid in ids:
            err(ln, f'duplicate id {rid}')
        ids.add(rid)
        if lang not in LANG_FILE:
            err(ln, f'unknown lang {lang!r}')
            continue
        if not re.fullmatch(re.escape(lang) + r'-\d{3}', rid):
            err(ln, f'id {rid!r} should be {lang}-NNN')
        if verdict not in VERDICTS:
            err(ln, f'unknown verdict {verdict!r}')
            continue
        if kind not in KINDS:
            err(ln, f'unknown kind {kind!r}')
        if not value_ok(kind, row['unit'], row['value']):
            err(ln, f'value {row["value"]!r} malformed for kind={kind} unit={row["unit"]}')
        counts[(lang, verdict)] += 1
        kinds_seen[lang].add(kind)

        m = RE_NOTE.search(row['note'])
        if not m:
            err(ln, 'note must name its source as "ntrex line N" or "from ntrex line N"')
            continue
        derived, n = bool(m.group(1)), int(m.group(2))
        if not 1 <= n <= CORPUS_LINES:
            err(ln, f'ntrex line {n} out of range 1..{CORPUS_LINES}')
            continue
        if derived:
            invented += 1
            if verdict != 'wrong':
                err(ln, 'only wrong rows may be invented ("from ntrex line N")')
        else:
            mined += 1
        if not corpus_ok:
            continue
        en_line, tgt_line = files['en'][n - 1], files[lang][n - 1]
        if row['en'] not in en_line:
            err(ln, f'en span {row["en"]!r} not found verbatim in en.txt line {n}')
        if derived:
            if row['target'] in tgt_line:
                err(ln, f'invented wrong target {row["target"]!r} occurs unchanged in {LANG_FILE[lang]} line {n}')
        elif row['target'] not in tgt_line:
            err(ln, f'target {row["target"]!r} not found verbatim in {LANG_FILE[lang]} line {n}')

    total = sum(counts.values())
    for lang in LANG_FILE:
        s = sum(counts[(lang, v)] for v in VERDICTS)
        if s < MIN_PER_LANG:
            err('-', f'{lang}: {s} rows, need at least {MIN_PER_LANG}')
    if total < MIN_TOTAL:
        err('-', f'{total} rows, need at least {MIN_TOTAL}')

    print(f'{"lang":7}' + ''.join(f'{v:>8}' for v in VERDICTS) + f'{"total":>8}  kinds')
    for lang in LANG_FILE:
        s = sum(counts[(lang, v)] for v in VERDICTS)
        missing = sorted(KINDS - kinds_seen[lang])
        print(f'{lang:7}' + ''.join(f'{counts[(lang, v)]:>8}' for v in VERDICTS) + f'{s:>8}  '
              + ('all 10' if not missing else 'missing: ' + ','.join(missing)))
    col = [sum(counts[(l, v)] for l in LANG_FILE) for v in VERDICTS]
    print(f'{"total":7}' + ''.join(f'{c:>8}' for c in col) + f'{total:>8}')
    if total:
        print('share  ' + ''.join(f'{100 * c / total:>7.1f}%' for c in col))
    print(f'rows from corpus lines: {mined} mined, {invented} invented wrong variants')
    if not corpus_ok:
        print(f'note: corpus not found at {corpus}; verbatim checks skipped')

    for e in errors:
        print(e, file=sys.stderr)
    print('FAIL' if errors else 'OK', f'({len(errors)} problems)' if errors else '')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
