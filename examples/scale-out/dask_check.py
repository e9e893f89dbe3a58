#!/usr/bin/python3
"""Checks a JSONL corpus of segments on a Dask cluster, each worker running
`fidelint check --input jsonl -` on its share, and writes the answers in
input order: the same bytes one process gives.

  dask_check.py [--scheduler ADDRESS | --workers N] [--chunk LINES]
                [--fidelint PATH] [-- FIDELINT OPTIONS...] INPUT.jsonl OUTPUT.jsonl

Without --scheduler a LocalCluster of N worker processes (default: the
cores) is started on this machine; with it, the script joins an existing
cluster (`dask scheduler` and `dask worker` on many hosts; fidelint and its
data must be installed on each). The corpus is cut into chunks of whole
lines; each chunk is one task, so a failed worker's chunk is run again
elsewhere by Dask. The answers are one JSON line per record, as fidelint
writes them, so chunks are joined as they are.

Uses Debian's python3-distributed (the system /usr/bin/python3).
"""
import argparse
import os
import re
import subprocess
import sys

# An answer to a record that could not be read names its place in the
# stream, "-:LINE:COL: ..." (fidelint's JSONL contract): in a chunk, LINE
# counts from the chunk's first line.
PLACE = re.compile(rb'^(\{"id":(?:null|"(?:[^"\\]|\\.)*"|-?\d+),"error":"-:)(\d+)(:)')


def check_chunk(lines, first, fidelint, options):
    """Runs fidelint on one chunk (bytes of whole JSONL lines, the first
    being line `first` of the corpus); returns its answers, placed in the
    corpus, and its exit status (0, or 1 for findings at --fail-on)."""
    p = subprocess.run([fidelint, "check", "--input", "jsonl"] + options + ["-"],
                       input=lines, capture_output=True)
    if p.returncode not in (0, 1):
        raise RuntimeError("fidelint exited %d: %s" % (p.returncode,
                                                       p.stderr.decode(errors="replace")))
    out = [PLACE.sub(lambda m: m.group(1) + str(int(m.group(2)) + first - 1).encode()
                     + m.group(3), line)
           for line in p.stdout.splitlines(keepends=True)]
    return b"".join(out), p.returncode


def chunks(path, size):
    """The input cut into chunks of `size` lines, with the line number of
    each chunk's first line."""
    with open(path, "rb") as f:
        buf, first = [], 1
        for n, line in enumerate(f, 1):
            buf.append(line if line.endswith(b"\n") else line + b"\n")
            if len(buf) == size:
                yield b"".join(buf), first
                buf, first = [], n + 1
        if buf:
            yield b"".join(buf), first


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scheduler")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--chunk", type=int, default=500)
    ap.add_argument("--fidelint", default="fidelint")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("options", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    options = [o for o in a.options if o != "--"]

    from dask.distributed import Client, LocalCluster
    if a.scheduler:
        client = Client(a.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [client.submit(check_chunk, c, first, a.fidelint, options, pure=False)
                   for c, first in chunks(a.input, a.chunk)]
        status = 0
        tmp = a.output + ".tmp"
        with open(tmp, "wb") as out:
            for fut in futures:  # in input order
                answers, rc = fut.result()
                out.write(answers)
                status = max(status, rc)
        os.replace(tmp, a.output)
    finally:
        client.close()
        if cluster:
            cluster.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
