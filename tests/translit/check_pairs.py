#!/usr/bin/env python3
"""Validate tests/translit/pairs.tsv (Latin <-> Arabic / Hebrew name pairs).

Shape checks (always):
  * UTF-8 without BOM, LF line ends, final newline, the exact header line;
  * 6 tab-separated fields per row, no empty field, no stray spaces;
  * ids `<script>-NNN`, unique, matching the `script` column;
  * `script` in (ar, he), `verdict` in (same, translated, near, different);
  * `latin` has Latin letters and no Arabic/Hebrew; `native` holds only
    letters (and combining marks) of its script, spaces, hyphens and
    geresh/apostrophes;
  * each note names its line, "ntrex line N" (1 <= N <= 956);
  * only `near` rows and `same` spelling variants may be invented;
  * no (script, latin, native) pair twice;
  * minimum counts per script: 100 rows, 80 same, 5 translated, 15 near,
    10 different, 5 spelling variants (notes containing "variant").

Corpus checks (when the NTREX-128 dev files are present):
  * `latin` occurs verbatim in en.txt line N;
  * for real rows, `native` occurs verbatim in the target file's line N; when
    the note says "clitic X removed", X+native occurs there; when it does not,
    the native must occur at least once not glued to a preceding letter (an
    attached clitic has to be removed and noted);
  * for invented rows, `native` does NOT occur in line N as a whole word.

Usage: check_pairs.py [PAIRS_TSV] [--corpus DIR]
The corpus directory defaults to $NTREX_DEV or /work/shared/corpora/ntrex-dev;
if it is missing the corpus checks are skipped with a note.
Exit status 1 when any check fails; the counts are printed either way.
"""
import collections
import os
import re
import sys
import unicodedata

HEADER = ['id', 'script', 'latin', 'native', 'verdict', 'note']
SCRIPTS = {'ar': 'ar.txt', 'he': 'he.txt'}
VERDICTS = ('same', 'translated', 'near', 'different')
CORPUS_LINES = 956
MIN_ROWS = 100
MIN_VERDICT = {'same': 80, 'translated': 5, 'near': 15, 'different': 10}
MIN_VARIANTS = 5

RE_ID = re.compile(r'^(ar|he)-(\d{3})$')
RE_LINE = re.compile(r'(?:^|; )ntrex line (\d+)(?:;|$)')
RE_CLITIC = re.compile(r'(?:^|; )clitic (\S+) removed(?:;|$)')

# Separators allowed inside a name besides the script's own letters.
SEPARATORS = {' ', '-', '\u05be',                 # space, hyphen, Hebrew maqaf
              "'", '\u2018', '\u2019', '\u05f3'}  # apostrophes, Hebrew geresh


def is_arabic(c):
    o = ord(c)
    return (0x0621 <= o <= 0x063A or 0x0641 <= o <= 0x064A   # letters
            or 0x064B <= o <= 0x0652 or o == 0x0670          # harakat, dagger alif
            or 0x0671 <= o <= 0x06D3)                        # extended letters (پ چ ڤ گ ی ...)


def is_hebrew(c):
    o = ord(c)
    return (0x05D0 <= o <= 0x05EA                            # letters incl. final forms
            or 0x0591 <= o <= 0x05C7 and o not in (0x05BE, 0x05C0, 0x05C3, 0x05C6))  # points


IN_SCRIPT = {'ar': is_arabic, 'he': is_hebrew}


def is_letter(c):
    return unicodedata.category(c)[0] in 'LM'


def whole_word_in(needle, hay):
    start = 0
    while True:
        k = hay.find(needle, start)
        if k < 0:
            return False
        end = k + len(needle)
        if (k == 0 or not is_letter(hay[k - 1])) and (end >= len(hay) or not is_letter(hay[end])):
            return True
        start = k + 1


def main(argv):
    args = list(argv[1:])
    corpus = os.environ.get('NTREX_DEV', '/work/shared/corpora/ntrex-dev')
    if '--corpus' in args:
        i = args.index('--corpus')
        if i + 1 >= len(args):
            print('--corpus needs a directory')
            return 2
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
        err(1, 'no newline at end of file')
    lines = text.lstrip('\ufeff').split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if not lines or lines[0].split('\t') != HEADER:
        err(1, 'header must be: ' + '\\t'.join(HEADER))

    rows = []
    ids = set()
    pairs = set()
    for n, line in enumerate(lines[1:], start=2):
        f = line.split('\t')
        if len(f) != len(HEADER):
            err(n, f'{len(f)} fields, expected {len(HEADER)}')
            continue
        rid, script, latin, native, verdict, note = f
        for name, val in zip(HEADER, f):
            if val == '':
                err(n, f'empty field {name}')
            elif val != val.strip() or '  ' in val:
                err(n, f'stray spaces in {name}: {val!r}')
        m = RE_ID.match(rid)
        if not m:
            err(n, f'bad id {rid!r}')
        elif m.group(1) != script:
            err(n, f'id {rid} does not match script {script}')
        if rid in ids:
            err(n, f'duplicate id {rid}')
        ids.add(rid)
        if script not in SCRIPTS:
            err(n, f'bad script {script!r}')
            continue
        if verdict not in VERDICTS:
            err(n, f'bad verdict {verdict!r}')
        # latin
        if not any('LATIN' in unicodedata.name(c, '') for c in latin if c.isalpha()):
            err(n, f'latin has no Latin letter: {latin!r}')
        if any(is_arabic(c) or is_hebrew(c) for c in latin):
            err(n, f'latin contains Arabic/Hebrew: {latin!r}')
        # native
        bad = sorted({c for c in native if not (IN_SCRIPT[script](c) or c in SEPARATORS)})
        if bad:
            err(n, f'native has characters outside the {script} script: '
                   + ', '.join(f'U+{ord(c):04X} {unicodedata.name(c, "?")}' for c in bad))
        if not any(IN_SCRIPT[script](c) and is_letter(c) for c in native):
            err(n, f'native has no {script} letter')
        # note
        lm = RE_LINE.search(note)
        if not lm:
            err(n, f'note does not name its line ("ntrex line N"): {note!r}')
            lineno = None
        else:
            lineno = int(lm.group(1))
            if not 1 <= lineno <= CORPUS_LINES:
                err(n, f'line {lineno} out of range 1..{CORPUS_LINES}')
                lineno = None
        invented = 'invented' in note
        variant = 'variant' in note
        if invented and not (verdict == 'near' or (verdict == 'same' and variant)):
            err(n, f'only near rows and same variants may be invented ({verdict})')
        cm = RE_CLITIC.search(note)
        clitic = cm.group(1) if cm else None
        if clitic and not all(IN_SCRIPT[script](c) for c in clitic):
            err(n, f'clitic {clitic!r} is not in the {script} script')
        key = (script, latin, native)
        if key in pairs:
            err(n, f'pair listed twice: {latin} / {native}')
        pairs.add(key)
        rows.append(dict(n=n, id=rid, script=script, latin=latin, native=native,
                         verdict=verdict, line=lineno, invented=invented,
                         variant=variant, clitic=clitic))

    # counts
    counts = collections.Counter((r['script'], r['verdict']) for r in rows)
    variants = collections.Counter(r['script'] for r in rows if r['verdict'] == 'same' and r['variant'])
    invented = collections.Counter((r['script'], r['verdict']) for r in rows if r['invented'])
    for s in SCRIPTS:
        total = sum(counts[(s, v)] for v in VERDICTS)
        if total < MIN_ROWS:
            err('-', f'{s}: {total} rows, need at least {MIN_ROWS}')
        for v, k in MIN_VERDICT.items():
            if counts[(s, v)] < k:
                err('-', f'{s}: {counts[(s, v)]} {v} rows, need at least {k}')
        if variants[s] < MIN_VARIANTS:
            err('-', f'{s}: {variants[s]} spelling variants, need at least {MIN_VARIANTS}')

    # corpus
    if os.path.isdir(corpus):
        files = {}
        for name in ['en.txt'] + list(SCRIPTS.values()):
            p = os.path.join(corpus, name)
            try:
                files[name] = open(p, encoding='utf-8').read().split('\n')
            except OSError as e:
                err('-', f'cannot read {p}: {e}')
        if len(files) == 1 + len(SCRIPTS):
            for r in rows:
                if r['line'] is None:
                    continue
                i = r['line'] - 1
                en = files['en.txt'][i] if i < len(files['en.txt']) else ''
                tl = files[SCRIPTS[r['script']]][i] if i < len(files[SCRIPTS[r['script']]]) else ''
                if r['latin'] not in en:
                    err(r['n'], f'{r["id"]}: latin {r["latin"]!r} not in en.txt line {r["line"]}')
                nat = r['native']
                if r['invented']:
                    if whole_word_in(nat, tl):
                        err(r['n'], f'{r["id"]}: invented native {nat!r} occurs in line {r["line"]}')
                    continue
                if nat not in tl:
                    err(r['n'], f'{r["id"]}: native {nat!r} not in {SCRIPTS[r["script"]]} line {r["line"]}')
                elif r['clitic']:
                    if r['clitic'] + nat not in tl:
                        err(r['n'], f'{r["id"]}: {r["clitic"]}+native not in line {r["line"]} '
                                    f'(note says clitic {r["clitic"]} removed)')
                else:
                    starts = [k for k in range(len(tl)) if tl.startswith(nat, k)]
                    if all(k > 0 and is_letter(tl[k - 1]) for k in starts):
                        err(r['n'], f'{r["id"]}: native only occurs with a letter attached before it '
                                    f'({tl[starts[0] - 1]}{nat}); remove the clitic and say so in the note')
    else:
        print(f'note: corpus {corpus} not found; corpus checks skipped')

    # report
    print(f'{"script":6} ' + ' '.join(f'{v:>10}' for v in VERDICTS) + f' {"total":>6} {"variants":>8} {"invented":>8}')
    for s in SCRIPTS:
        total = sum(counts[(s, v)] for v in VERDICTS)
        inv = sum(invented[(s, v)] for v in VERDICTS)
        print(f'{s:6} ' + ' '.join(f'{counts[(s, v)]:>10}' for v in VERDICTS)
              + f' {total:>6} {variants[s]:>8} {inv:>8}')
    print(f'{"all":6} ' + ' '.join(f'{sum(counts[(s, v)] for s in SCRIPTS):>10}' for v in VERDICTS)
          + f' {len(rows):>6} {sum(variants.values()):>8} {sum(invented.values()):>8}')

    for e in errors:
        print(e)
    if errors:
        print(f'{len(errors)} problem(s)')
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
