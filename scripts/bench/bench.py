#!/usr/bin/env python3
"""make bench, the measuring part (scripts/bench.sh builds the program first).

    python3 scripts/bench/bench.py FIDELINT REPO_DIR

Times `fidelint check` and, side by side in the same run on the same text,
`hunspell -l` (document mode) and `pofilter -t numbers` (aligned pairs, as a
PO catalogue made by scripts/bench/make-po.py), and prints what issue 13
asks for next to its targets:

 1. document mode with the example facts on DISTINCT text (every NTREX line
    of pt-BR and of ar once), MB/s per core beyond start-up;
 2. the same on REPEATED text (the distinct text repeated to BENCH_MB), which
    fidelint's per-word caches flatter;
 3. --source en.txt --aligned on the NTREX file of every language;
 4. peak RSS of every run, and of a BENCH_BIG_MB input and of BENCH_FILES
    files, in text, JSONL (--input jsonl) and SARIF output;
 5. the facts-size curve (scripts/make-facts.py, BENCH_FACTS entities);
 6. -j 1 against -j 2 on the BENCH_FILES files, when `check --help` has -j.

Every figure is the median of BENCH_REPEAT runs; a run longer than
BENCH_LONG seconds is not repeated and one longer than BENCH_TIMEOUT is
stopped (the figure then says "<" or ">": the CPU time it had used is
a bound of what it needed). "Beyond start-up" is
(bytes(big) - bytes(one line)) / (t(big) - t(one line)). "Per core" uses the
CPU time (user + system) of the process, so other load on the machine and a
second thread do not change it; wall-clock figures are printed beside it.
MB is 10^6 bytes, RSS is in MiB (/usr/bin/time's %M).

The table is printed and written as Markdown to BENCH_OUT (default
REPO_DIR/build-bench/bench.md). Without the NTREX files (BENCH_NTREX,
default REPO_DIR/../shared/corpora/ntrex-dev) the bundled story is used,
repeated, and the output says so; it has no English original, so the
aligned and JSONL rows are then left out. BENCH_SMOKE=1 runs everything on
a few lines, once (the ctest bench.smoke).
"""
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HUNSPELL_DICT = {"pt-BR": "pt_BR", "ar": "ar"}
MIB = 1024 * 1024
MB = 1e6


def knob(name, default, kind=float):
    """Return the environment variable name as kind, or default when unset."""
    v = os.environ.get(name, "")
    return kind(v) if v.strip() else default


SMOKE = os.environ.get("BENCH_SMOKE", "") not in ("", "0")
REPEAT = knob("BENCH_REPEAT", 1 if SMOKE else 3, int)
REP_MB = knob("BENCH_MB", 0.05 if SMOKE else 20.0)
BIG_MB = knob("BENCH_BIG_MB", 0.1 if SMOKE else 50.0)
NFILES = knob("BENCH_FILES", 10 if SMOKE else 1000, int)
HUNSPELL_MB = knob("BENCH_HUNSPELL_MB", 0.05 if SMOKE else 2.0)
LONG = knob("BENCH_LONG", 20.0)
TIMEOUT = knob("BENCH_TIMEOUT", 60.0)
FACTS_N = [int(x) for x in os.environ.get(
    "BENCH_FACTS", "100" if SMOKE else "100 1000 10000").split()]
SMOKE_LINES = 12
# The smoke run (ctest bench.smoke) takes the languages that start fastest.
LANGS_DOC = ("ar",) if SMOKE else ("pt-BR", "ar")
LANGS_ALIGNED = ("ar", "de") if SMOKE else ("ar", "he", "pt", "pt-BR", "fr", "de")
SINK = None  # the file a run's standard output goes to (set by main)


class Failed(Exception):
    """A measured program failed (not a timeout): the bench stops."""


def run_timed(cmd, stdout):
    """Run cmd under /usr/bin/time -f %M, its standard output to the file
    stdout; return {wall, cpu, rss (MiB), timeout}. The CPU time (user +
    system, to the microsecond) is the rusage of the process tree, from
    wait4. The process group is killed after TIMEOUT seconds (timeout=True,
    no figures but cpu_used and rss_used, the CPU time spent and the peak
    RSS reached until then, from wait4). A non-zero exit raises Failed with the command's stderr."""
    fd, tf = tempfile.mkstemp(prefix="bench-time.")
    os.close(fd)
    err = tempfile.TemporaryFile()
    try:
        with open(stdout, "wb") as out:
            t0 = time.perf_counter()
            p = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", tf] + cmd,
                                 stdout=out, stderr=err, start_new_session=True)
            killed = []

            def kill():
                # The measured program first, so that /usr/bin/time reaps
                # it and its CPU time reaches wait4; then the whole group.
                killed.append(1)
                try:
                    with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
                        kids = [int(x) for x in f.read().split()]
                except OSError:
                    kids = []
                for k in kids:
                    try:
                        os.kill(k, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                time.sleep(0.5)
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(TIMEOUT, kill)
            timer.start()
            try:
                _, status, ru = os.wait4(p.pid, 0)
            finally:
                timer.cancel()
            wall = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
        if killed:  # the CPU time it had used: a lower bound of its need
            return {"wall": None, "cpu": None, "rss": None, "timeout": True,
                    "cpu_used": ru.ru_utime + ru.ru_stime,
                    "rss_used": ru.ru_maxrss / 1024}
        if p.returncode != 0:
            err.seek(0)
            raise Failed(f"{' '.join(cmd)}: exit {p.returncode}\n"
                         f"{err.read().decode(errors='replace')[-2000:]}")
        with open(tf) as f:
            m = [x for x in f.read().split("\n") if x.strip()][-1]
        return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                "rss": int(m) / 1024, "timeout": False}
    finally:
        err.close()
        os.unlink(tf)


def series(label, cmd, stdout=None):
    """Run cmd up to REPEAT times (fewer when a run is long or times out);
    return the medians of wall and CPU time, the largest RSS and the count,
    and print one line for it."""
    runs = []
    for _ in range(REPEAT):
        r = run_timed(cmd, stdout or SINK)
        runs.append(r)
        if r["timeout"] or r["wall"] > LONG:
            break
    ok = [r for r in runs if not r["timeout"]]
    res = {"n": len(runs), "timeout": len(ok) == 0,
           "cpu_used": max([r.get("cpu_used", 0) for r in runs]),
           "rss_used": max([r.get("rss_used", 0) for r in runs])}
    if ok:
        res["wall"] = statistics.median(r["wall"] for r in ok)
        res["cpu"] = statistics.median(r["cpu"] for r in ok)
        res["rss"] = max(r["rss"] for r in ok)
    if res["timeout"]:
        print(f"  {label:46} stopped after {TIMEOUT:g} s wall, "
              f"{res['cpu_used']:.2f} s cpu, {res['rss_used']:.1f} MiB by then", flush=True)
    else:
        print(f"  {label:46} {res['wall']:7.2f} s wall {res['cpu']:7.2f} s cpu "
              f"{res['rss']:7.1f} MiB  ({res['n']} run{'s' if res['n'] > 1 else ''})",
              flush=True)
    return res


def rate(nbig, nsmall, big, small, key="cpu"):
    """Return MB/s beyond start-up: the extra bytes over the extra time, or
    None when a run timed out or the difference is under 5 ms (noise)."""
    if big["timeout"] or small["timeout"]:
        return None
    dt = big[key] - small[key]
    if dt < 0.005:  # within the noise of a start-up
        return None
    return (nbig - nsmall) / MB / dt


def fmt_rate(r, big=None, nbig=0, key="cpu"):
    """Format a rate; for a stopped run, the bound it gives (it needed more
    than the CPU time, or the wall time, it had had)."""
    if r is not None:
        return f"{r:.2f} MB/s"
    if big is not None and big["timeout"]:
        t = big["cpu_used"] if key == "cpu" else TIMEOUT
        return f"< {nbig / MB / t:.3f} MB/s" if t > 0 else "n/a"
    return "n/a"


def fmt_ratio(a, b, big=None, nbig=0):
    """Format a/b as "N.Nx", n/a when either is unknown; when a is unknown
    because the run big was stopped, the bound its CPU time gives."""
    if a is None and b and big is not None and big["timeout"] and big["cpu_used"] > 0:
        return f"< {nbig / MB / big['cpu_used'] / b:.2f}x"
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}x"


def lines_of(path):
    """Return the lines of a UTF-8 file, without their newlines."""
    with open(path, encoding="utf-8") as f:
        t = f.read().split("\n")
    if t and t[-1] == "":
        t.pop()
    return t


def write_lines(path, lines):
    """Write lines to path, each ended by a newline; return its size."""
    with open(path, "w", encoding="utf-8") as f:
        for s in lines:
            f.write(s + "\n")
    return os.path.getsize(path)


def repeat_to(path, src, nbytes):
    """Write src's bytes to path again and again until it holds at least
    nbytes; return the size."""
    with open(src, "rb") as f:
        data = f.read()
    if not data:
        raise Failed(f"{src} is empty")
    n = max(1, -(-int(nbytes) // len(data)))
    with open(path, "wb") as f:
        for _ in range(n):
            f.write(data)
    return os.path.getsize(path)


def head_bytes(path, src, nbytes):
    """Write the whole lines of src that fit in nbytes (at least one) to
    path; return the size."""
    out, size = [], 0
    with open(src, "rb") as f:
        for line in f:
            if out and size + len(line) > nbytes:
                break
            out.append(line)
            size += len(line)
    with open(path, "wb") as f:
        f.writelines(out)
    return size


def jsonl_records(path, pairs, nbytes=0):
    """Write {"id","source","target","lang"} records for pairs (source,
    target, lang), repeated until the file holds nbytes; return the size."""
    import json
    size, k = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while True:
            for s, t, lang in pairs:
                k += 1
                rec = json.dumps({"id": str(k), "source": s, "target": t, "lang": lang},
                                 ensure_ascii=False) + "\n"
                f.write(rec)
                size += len(rec.encode("utf-8"))
            if size >= nbytes:
                break
    return size


class Bench:
    """The state of one run: the program, the corpora and the table."""

    def __init__(self, fidelint, repo):
        self.fl = fidelint
        self.repo = repo
        self.facts = os.path.join(repo, "examples/meta-scale-ai/facts.yaml")
        self.ntrex = os.environ.get("BENCH_NTREX") or os.path.join(
            repo, "..", "shared", "corpora", "ntrex-dev")
        self.have_ntrex = os.path.isfile(os.path.join(self.ntrex, "en.txt"))
        self.work = tempfile.mkdtemp(prefix="fidelint-bench.")
        self.rows = []  # (section, measure, fidelint, other, ratio, target, met, rss)
        self.notes = []

    def w(self, name):
        """Return the path of name in the work folder."""
        return os.path.join(self.work, name)

    def check(self, *args):
        """Return the argument list of a fidelint check run."""
        return [self.fl, "check", "--no-config", "--fail-on", "never"] + list(args)

    def row(self, *cells):
        """Add a row to the table."""
        self.rows.append(cells)

    # -- corpora --------------------------------------------------------

    def corpora(self):
        """Write the distinct, one-line and repeated texts of LANGS_DOC."""
        self.dist, self.one = {}, {}
        for lang in LANGS_DOC:
            if self.have_ntrex:
                src = lines_of(os.path.join(self.ntrex, f"{lang}.txt"))
            else:
                story = {"pt-BR": ["pt.mt.txt"], "ar": ["ar.mt.txt", "ar.summary.txt"]}
                src = []
                for n in story[lang]:
                    src += lines_of(os.path.join(self.repo, "examples/meta-scale-ai", n))
            seen, dist = set(), []
            for s in src:
                if s.strip() and s not in seen:
                    seen.add(s)
                    dist.append(s)
            if SMOKE:
                dist = dist[:SMOKE_LINES]
            self.dist[lang] = (self.w(f"dist.{lang}.txt"),
                               write_lines(self.w(f"dist.{lang}.txt"), dist))
            self.one[lang] = (self.w(f"one.{lang}.txt"),
                              write_lines(self.w(f"one.{lang}.txt"), dist[:1]))

    def files(self):
        """Cut the target lines into NFILES files DIR/NNNN.LANG.txt (and
        DIR/NNNN.LANG.jsonl with their originals); return the two lists."""
        d = self.w("files")
        os.makedirs(d)
        pool = []  # (source or None, target, lang)
        if self.have_ntrex:
            en = lines_of(os.path.join(self.ntrex, "en.txt"))
            for lang in LANGS_ALIGNED:
                t = lines_of(os.path.join(self.ntrex, f"{lang}.txt"))
                pool += [(s, x, lang) for s, x in zip(en, t) if x.strip()]
        else:
            for lang in LANGS_DOC:
                pool += [(None, x, lang) for x in lines_of(self.dist[lang][0])]
        if SMOKE:
            pool = pool[:SMOKE_LINES * 2]
        while len(pool) < NFILES:  # the story is shorter than 1,000 lines
            pool = pool + pool
        texts, jsonls = [], []
        per = len(pool) / NFILES
        for i in range(NFILES):
            chunk = pool[int(i * per):int((i + 1) * per)]
            lang = chunk[0][2]  # one language per file: the first line's
            recs = [r for r in chunk if r[2] == lang]
            p = os.path.join(d, f"{i:04d}.{lang}.txt")
            write_lines(p, [r[1] for r in recs])
            texts.append(p)
            if recs[0][0] is not None:
                q = os.path.join(d, f"{i:04d}.{lang}.jsonl")
                jsonl_records(q, recs)
                jsonls.append(q)
        self.nfiles_bytes = sum(os.path.getsize(p) for p in texts)
        return texts, jsonls

    # -- sections -------------------------------------------------------

    def doc(self):
        """1 and 2: document mode on distinct and on repeated text, with
        hunspell -l on the same text."""
        print("1. document mode, example facts, distinct text" +
              ("" if self.have_ntrex else " (the bundled story: NTREX not found)"))
        self.t_one = {}
        for lang in LANGS_DOC:
            (dp, dn), (op, on) = self.dist[lang], self.one[lang]
            hd = HUNSPELL_DICT[lang]
            fo = series(f"fidelint {lang} one line", self.check(
                "--facts", self.facts, "--lang", lang, "--format", "json",
                "-o", self.w("out.json"), op))
            fd = series(f"fidelint {lang} {size(dn)} distinct", self.check(
                "--facts", self.facts, "--lang", lang, "--format", "json",
                "-o", self.w("out.json"), dp))
            ho = series(f"hunspell -d {hd} -l one line", ["hunspell", "-d", hd, "-l", op])
            hdist = series(f"hunspell -d {hd} -l distinct", ["hunspell", "-d", hd, "-l", dp])
            self.t_one[lang] = (fo, ho)
            rf, rh = rate(dn, on, fd, fo), rate(dn, on, hdist, ho)
            wf = rate(dn, on, fd, fo, "wall")
            print(f"  -> {lang}: fidelint {fmt_rate(rf, fd, dn)} per core "
                  f"(wall {fmt_rate(wf, fd, dn, 'wall')}), hunspell {fmt_rate(rh)}, {fmt_ratio(rf, rh, fd, dn)}; "
                  f"start-up {fo.get('wall', 0):.2f} s (hunspell {ho.get('wall', 0):.2f} s)")
            tgt = 20.0 if lang == "pt-BR" else 10.0
            self.row("document, distinct", f"{lang}, {size(dn)}, MB/s per core",
                     fmt_rate(rf, fd, dn), f"hunspell {fmt_rate(rh)}", fmt_ratio(rf, rh, fd, dn),
                     f">= {tgt:.0f} MB/s and >= {tgt:.0f}x",
                     met(rf is not None and rf >= tgt and rh and rf / rh >= tgt),
                     rss(fd, fo))
            self.row("document, distinct", f"{lang}, start-up (one line, wall)",
                     f"{fo['wall']:.2f} s" if not fo["timeout"] else "n/a",
                     f"hunspell {ho['wall']:.2f} s" if not ho["timeout"] else "n/a",
                     fmt_ratio(fo.get("wall"), ho.get("wall")), "", "", "")
        print(f"2. document mode, REPEATED text (the distinct text repeated to "
              f"{REP_MB:g} MB; caches flatter it)")
        for lang in LANGS_DOC:
            (dp, dn), (op, on) = self.dist[lang], self.one[lang]
            hd = HUNSPELL_DICT[lang]
            rp, rn = self.w(f"rep.{lang}.txt"), 0
            rn = repeat_to(rp, dp, REP_MB * MB)
            hp = self.w(f"rep-head.{lang}.txt")
            hn = head_bytes(hp, rp, HUNSPELL_MB * MB)
            fr = series(f"fidelint {lang} {size(rn)} repeated", self.check(
                "--facts", self.facts, "--lang", lang, "--format", "json",
                "-o", self.w("out.json"), rp))
            hr = series(f"hunspell -d {hd} -l first {size(hn)} of it",
                        ["hunspell", "-d", hd, "-l", hp])
            fo, ho = self.t_one[lang]
            rf, rh = rate(rn, on, fr, fo), rate(hn, on, hr, ho)
            print(f"  -> {lang}: fidelint {fmt_rate(rf, fr, rn)} per core "
                  f"(wall {fmt_rate(rate(rn, on, fr, fo, 'wall'), fr, rn, 'wall')}), hunspell {fmt_rate(rh)}, "
                  f"{fmt_ratio(rf, rh, fr, rn)}")
            self.row("document, repeated", f"{lang}, {size(rn)} repeated, MB/s per core",
                     fmt_rate(rf, fr, rn), f"hunspell {fmt_rate(rh)} ({size(hn)})",
                     fmt_ratio(rf, rh, fr, rn), "(repeated: not a target)", "", rss(fr))
        self.notes.append("Repeated text: hunspell is timed on the first "
                          f"{HUNSPELL_MB:g} MB of the repeated file (it keeps no cache, "
                          "so its rate does not depend on the length).")

    def aligned(self):
        """3: --source en.txt --aligned per language, pofilter -t numbers on
        a PO of the same pairs."""
        if not self.have_ntrex:
            print("3. aligned: skipped (no NTREX: the bundled story has no English original)")
            self.notes.append("Aligned rows left out: NTREX not found.")
            return
        print("3. --source en.txt --aligned, NTREX, every language; pofilter -t numbers "
              "on a PO of the same pairs")
        en = os.path.join(self.ntrex, "en.txt")
        mkpo = os.path.join(self.repo, "scripts/bench/make-po.py")
        n_lines = SMOKE_LINES if SMOKE else None
        for lang in LANGS_ALIGNED:
            tgt = os.path.join(self.ntrex, f"{lang}.txt")
            src = en
            if n_lines:
                src, tgt = self.w("al.en.txt"), self.w(f"al.{lang}.txt")
                write_lines(src, lines_of(en)[:n_lines])
                write_lines(tgt, lines_of(os.path.join(self.ntrex, f"{lang}.txt"))[:n_lines])
            s1, t1 = self.w("al1.en.txt"), self.w(f"al1.{lang}.txt")
            write_lines(s1, lines_of(src)[:1])
            n1 = write_lines(t1, lines_of(tgt)[:1])
            nb = os.path.getsize(tgt)
            po, po1 = self.w(f"{lang}.po"), self.w(f"{lang}.1.po")
            for p, a, b in ((po, src, tgt), (po1, s1, t1)):
                with open(p, "w") as f:
                    subprocess.run([sys.executable, mkpo, a, b, lang], stdout=f, check=True)
            args = lambda s, t: self.check("--aligned", "--source", s, "--lang", lang,
                                           "--format", "json", "-o", self.w("out.json"), t)
            fo = series(f"fidelint --aligned {lang} one line", args(s1, t1))
            fa = series(f"fidelint --aligned {lang} {size(nb)}", args(src, tgt))
            po_cmd = lambda p: ["pofilter", "--progress=none", "-t", "numbers", p,
                                self.w("pofilter-out.po")]
            qo = series(f"pofilter -t numbers {lang} one entry", po_cmd(po1))
            qa = series(f"pofilter -t numbers {lang} all", po_cmd(po))
            rf, rq = rate(nb, n1, fa, fo), rate(nb, n1, qa, qo)
            print(f"  -> {lang}: fidelint {fmt_rate(rf, fa, nb)} per core (wall "
                  f"{fmt_rate(rate(nb, n1, fa, fo, 'wall'), fa, nb, 'wall')}), pofilter {fmt_rate(rq)}, "
                  f"{fmt_ratio(rf, rq, fa, nb)}")
            self.row("aligned", f"{lang}, {size(nb)}, MB/s per core",
                     fmt_rate(rf, fa, nb), f"pofilter {fmt_rate(rq)}", fmt_ratio(rf, rq, fa, nb),
                     ">= 10 MB/s", met(rf is not None and rf >= 10), rss(fa, fo))

    def memory(self, texts, jsonls):
        """4: peak RSS for a BIG_MB input and for NFILES files, in text,
        JSONL and SARIF output."""
        print(f"4. peak RSS: one {BIG_MB:g} MB input and {NFILES} files; text, "
              "JSONL (--input jsonl), SARIF")
        lang = LANGS_DOC[0]
        big = self.w(f"big.{lang}.txt")
        nbig = repeat_to(big, self.dist[lang][0], BIG_MB * MB)
        out = self.w("out.any")
        doc = lambda fmt, *files: self.check("--facts", self.facts, "--format", fmt,
                                             "-o", out, *files)
        runs = [(f"{lang} {size(nbig)}, text", doc("text", "--lang", lang, big), nbig),
                (f"{lang} {size(nbig)}, SARIF", doc("sarif", "--lang", lang, big), nbig)]
        if self.have_ntrex:
            bj = self.w(f"big.{lang}.jsonl")
            pairs = list(zip(lines_of(os.path.join(self.ntrex, "en.txt")),
                             lines_of(os.path.join(self.ntrex, f"{lang}.txt")),
                             [lang] * 100000))
            if SMOKE:
                pairs = pairs[:SMOKE_LINES]
            nj = jsonl_records(bj, pairs, BIG_MB * MB)
            runs.insert(1, (f"{lang} {size(nj)}, --input jsonl",
                            self.check("--input", "jsonl", "-o", out, bj), nj))
        runs += [(f"{NFILES} files, text", doc("text", *texts), self.nfiles_bytes)]
        if jsonls:
            nj = sum(os.path.getsize(p) for p in jsonls)
            runs.append((f"{len(jsonls)} files, --input jsonl",
                         self.check("--input", "jsonl", "-o", out, *jsonls), nj))
        runs.append((f"{NFILES} files, SARIF", doc("sarif", *texts), self.nfiles_bytes))
        for label, cmd, nb in runs:
            r = series(label, cmd)
            ok = not r["timeout"]
            self.row("memory", label, f"{r['rss']:.1f} MiB" if ok else
                     f">= {r['rss_used']:.1f} MiB (stopped)",
                     f"({nb / MB / r['wall']:.2f} MB/s wall)" if ok else "", "",
                     "<= 64 MiB", met(ok and r["rss"] <= 64) if ok or r["rss_used"] > 64
                     else "?", rss(r))
        self.notes.append("Memory rows: one run each when a run takes over "
                          f"{LONG:g} s; a stopped run's RSS is what it had reached.")

    def facts_curve(self):
        """5: time per facts size N for pt-BR and ar on the distinct text."""
        mk = os.environ.get("BENCH_MAKE_FACTS") or os.path.join(self.repo, "scripts/make-facts.py")
        if not os.path.isfile(mk):
            print(f"5. facts curve: skipped ({mk} not found; it comes from branch facts)")
            self.notes.append("Facts curve left out: scripts/make-facts.py not found.")
            return
        print(f"5. facts-size curve: {', '.join(map(str, FACTS_N))} entities "
              "(scripts/make-facts.py --seed 1), whole run, distinct text")
        files = {}
        for n in FACTS_N:
            files[n] = self.w(f"facts{n}.yaml")
            with open(files[n], "w") as f:
                subprocess.run([sys.executable, mk, "--entities", str(n), "--base",
                                self.facts, "--seed", "1"], stdout=f, check=True)
        for lang in LANGS_DOC:
            dp, dn = self.dist[lang]
            t = {}
            for n in FACTS_N:
                t[n] = series(f"fidelint {lang} {n} entities", self.check(
                    "--facts", files[n], "--lang", lang, "--format", "json",
                    "-o", self.w("out.json"), dp))
            lo, hi = t[FACTS_N[0]], t[FACTS_N[-1]]
            curve = ", ".join(f"{n}: {'> %.1f' % t[n]['cpu_used'] if t[n]['timeout'] else '%.2f' % t[n]['cpu']} s"
                              for n in FACTS_N)
            if hi["timeout"] and not lo["timeout"]:
                ratio, ok = f"> {hi['cpu_used'] / lo['cpu']:.1f}x", False
            elif lo["timeout"]:
                ratio, ok = "n/a", False
            else:
                ratio, ok = fmt_ratio(hi["cpu"], lo["cpu"]), hi["cpu"] <= 1.5 * lo["cpu"]
            print(f"  -> {lang}: cpu {curve}; t({FACTS_N[-1]})/t({FACTS_N[0]}) {ratio}")
            self.row("facts curve", f"{lang}, {size(dn)}, CPU s per run", curve, "",
                     ratio, "<= 1.5x", met(ok) if len(FACTS_N) > 1 else "",
                     rss(*t.values()))

    def threads(self, texts):
        """6: -j 1 against -j 2 on the files, when the program has -j."""
        h = subprocess.run([self.fl, "check", "--help"], capture_output=True, text=True)
        if not re.search(r"^\s*(-j\b|--jobs\b)", h.stdout + h.stderr, re.M):
            print("6. -j 1 vs -j 2: not available (fidelint check --help lists no -j)")
            self.row("threads", f"-j 2 vs -j 1, {NFILES} files", "not available", "", "",
                     ">= 1.8x", "", "")
            return
        print(f"6. -j 1 vs -j 2 on {NFILES} files (wall clock), output compared")
        outs, res = {}, {}
        for j in (1, 2):
            outs[j] = self.w(f"j{j}.json")
            res[j] = series(f"fidelint -j {j}, {NFILES} files", self.check(
                "-j", str(j), "--facts", self.facts, "--format", "json", "-o", outs[j], *texts))
        same = open(outs[1], "rb").read() == open(outs[2], "rb").read()
        sp = fmt_ratio(res[1].get("wall"), res[2].get("wall"))
        ok = not res[1]["timeout"] and not res[2]["timeout"] and res[1]["wall"] >= 1.8 * res[2]["wall"]
        print(f"  -> speed-up {sp}, output {'byte-identical' if same else 'DIFFERENT'}")
        self.row("threads", f"-j 2 vs -j 1, {NFILES} files, wall", sp,
                 f"output {'identical' if same else 'DIFFERENT'}", "", ">= 1.8x",
                 met(ok and same), rss(res[1], res[2]))

    # -- table ----------------------------------------------------------

    def table(self, head):
        """Print the table and write it as Markdown to BENCH_OUT."""
        cols = ("section", "measure", "fidelint", "side by side", "ratio", "target", "met",
                "peak RSS")
        w = [max(len(c), *(len(str(r[i])) for r in self.rows)) for i, c in enumerate(cols)]
        print()
        print(head)
        for r in [cols] + self.rows:
            print("  ".join(str(x).ljust(w[i]) for i, x in enumerate(r)).rstrip())
        for n in self.notes:
            print(n)
        path = os.environ.get("BENCH_OUT") or os.path.join(self.repo, "build-bench", "bench.md")
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "w") as f:
            f.write(head + "\n\n")
            f.write("| " + " | ".join(cols) + " |\n")
            f.write("|" + "---|" * len(cols) + "\n")
            for r in self.rows:
                f.write("| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |\n")
            if self.notes:
                f.write("\n" + "\n".join(self.notes) + "\n")
        print(f"(written to {path})")


def size(n):
    """Return a byte count as kB below 1 MB, else MB (10^3, 10^6)."""
    return f"{n / 1e3:.0f} kB" if n < MB else f"{n / MB:.1f} MB"


def met(ok):
    """Return the 'met' cell."""
    return "yes" if ok else "no"


def rss(*rs):
    """Return the largest peak RSS of the runs, as a cell (">=" when the
    largest is a stopped run's)."""
    v = [(r["rss"], "") for r in rs if not r["timeout"]]
    v += [(r["rss_used"], ">= ") for r in rs if r["timeout"] and r["rss_used"]]
    if not v:
        return "n/a"
    m = max(v)
    return f"{m[1]}{m[0]:.1f} MiB"


def describe(repo):
    """Return the header line: commit, cores, date, load and knobs."""
    try:
        rev = subprocess.run(["git", "-C", repo, "describe", "--always", "--dirty"],
                             capture_output=True, text=True).stdout.strip() or "?"
    except OSError:
        rev = "?"
    load = os.getloadavg()[0]
    return (f"fidelint {rev}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"load {load:.1f} at the start; medians of {REPEAT} (a run over {LONG:g} s once, "
            f"stopped at {TIMEOUT:g} s); MB = 10^6 bytes; `make bench`"
            + (" (BENCH_SMOKE)" if SMOKE else ""))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    fidelint, repo = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    for tool in ("hunspell", "pofilter"):
        if not shutil.which(tool):
            sys.stderr.write(f"bench: {tool} not found (scripts/install-deps.sh --bench)\n")
            return 77
    os.environ.setdefault("FIDELINT_DATA_DIR", repo)
    b = Bench(fidelint, repo)
    try:
        head = describe(repo)
        print(head)
        if not b.have_ntrex:
            print(f"NTREX not found at {b.ntrex}: the bundled story is used, repeated")
            b.notes.append("NTREX not found: the bundled story, repeated, stands in for "
                           "the distinct text.")
        global SINK
        SINK = b.w("stdout")
        b.corpora()
        texts, jsonls = b.files()
        b.doc()
        b.aligned()
        b.memory(texts, jsonls)
        b.facts_curve()
        b.threads(texts)
        b.table(head)
    except Failed as e:
        sys.stderr.write(f"bench: {e}\n")
        return 1
    finally:
        shutil.rmtree(b.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
