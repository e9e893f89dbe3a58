#!/usr/bin/env python3
"""The example story checked against its facts, and against the same facts
grown to 10,000 entities by scripts/make-facts.py: every finding that is
not about an added entity must be the same. (Correctness at scale, not
time: the time curve is a benchmark, never a test.)

An added name can be truly found in a story: an Arabic word spelled like a
synthetic surname is a cross-script mention of it, and claims the word.
Such entities are taken out of the file (a story's facts would not list
them), with every added entity sharing the word that was found (a
person's surname, a word of another name), until none is found; the
file is filled up to 10,000 again from the spares generated for it.

    facts_scale_test.py FIDELINT SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ENTITIES = 10000
SPARE = 15000
fidelint, src = sys.argv[1], sys.argv[2]
story = os.path.join(src, "examples", "meta-scale-ai")
base = os.path.join(story, "facts.yaml")
texts = ["ar.mt.txt", "pt.mt.txt", "ar.summary.txt", "he.summary.txt",
         "fr.summary.txt"]
KIND_WORDS = set("""Capital Labs Systems Partners Group Analytics Robotics
Foundation Institute Holdings Media Energy Networks Bank Airlines Pharma
Studios Logistics Insurance Ventures Bay Springs Valley Harbor Falls
Ridge""".split())
MARK = "synthetic entities (scripts/make-facts.py"


def split(text):
    """The facts text as (head, synthetic entity blocks, tail)."""
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if MARK in l) + 1
    end = start
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    blocks, cur = [], None
    for line in lines[start:end]:
        if line.startswith("  - "):
            cur = [line]
            blocks.append(cur)
        else:
            cur.append(line)
    return lines[:start], blocks, lines[end:]


def block_forms(block):
    """The name (first) and renderings of a synthetic entity block."""
    return [json.loads('"' + m + '"')
            for m in re.findall(r'"((?:[^"\\]|\\.)*)"', "\n".join(block))]


def words(block):
    """What an added entity may be found by: a person's surname, the
    words of another name but the kind words make-facts.py adds to many
    ("Labs", "Bay")."""
    name = block_forms(block)[0]
    if any(l.strip() == "kind: person" for l in block):
        return {name.split()[-1]}
    return set(name.split()) - KIND_WORDS


def findings(facts, text, out):
    """The findings of checking text against facts, as JSON objects."""
    subprocess.run([fidelint, "check", "--fail-on", "never", "--format",
                    "json", "-o", out, "--facts", facts,
                    os.path.join(story, text)], check=True)
    with open(out, encoding="utf-8") as f:
        return json.load(f)["files"][0]["findings"]


def named(f):
    """What finding f names: its expected text, its text, and what its
    message quotes or puts in parentheses."""
    msg = f.get("message", "")
    return ({f.get("expected"), f.get("text")} |
            set(re.findall(r"'([^']*)'", msg)) |
            set(re.findall(r"\(([^()]*)\)", msg)))


def about(f, forms):
    """Whether finding f names one of forms."""
    return not named(f).isdisjoint(forms)


def generate(n, seed):
    """make-facts.py's output for n entities."""
    return subprocess.run(
        [sys.executable, os.path.join(src, "scripts", "make-facts.py"),
         "--entities", str(n), "--base", base, "--seed", str(seed)],
        stdout=subprocess.PIPE, check=True).stdout


def main():
    # The generator: deterministic for a seed, the count asked for.
    one, two = generate(1000, 5), generate(1000, 5)
    count = len(re.findall(rb"(?m)^  - (?:name:|\{name:)", one))
    if one != two or count != 1000 or one == generate(1000, 6):
        print(f"make-facts.py: {count} entities, same for a seed: "
              f"{one == two}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        gen = generate(ENTITIES + SPARE, 13)
        head, blocks, tail = split(gen.decode("utf-8"))
        nbase = ENTITIES + SPARE - len(blocks)
        big = os.path.join(tmp, "facts-10k.yaml")
        dropped = set()  # words of synthetic entities found in the story
        for rnd in range(10):
            keep = [b for b in blocks if words(b).isdisjoint(dropped)]
            keep = keep[:ENTITIES - nbase]
            if len(keep) != ENTITIES - nbase:
                print("not enough spare entities")
                return 1
            with open(big, "w", encoding="utf-8") as f:
                f.write("\n".join(head + [l for b in keep for l in b] +
                                  tail))
            names = {block_forms(b)[0]: b for b in keep}
            forms = {s for b in keep for s in block_forms(b)}
            found = set()
            results = {}
            for text in texts:
                got = findings(big, text, os.path.join(tmp, "big.json"))
                results[text] = got
                missing = {f["expected"] for f in got
                           if f["rule"] == "name.missing" and
                           "nowhere" in f["message"]}
                found |= {n for n in names if n not in missing}
                owner = {s: n for n, b in names.items()
                         for s in block_forms(b)}
                for f in got:
                    if f["rule"] != "name.missing":
                        found |= {owner[s] for s in named(f) if s in owner}
            print(f"round {rnd + 1}: {len(found)} added entities found")
            if os.environ.get("FL_DEBUG"):
                print(sorted(found)[:20])
            if not found:
                break
            for n in found:
                dropped |= words(names[n])
        else:
            print("added entities are still found after 10 rounds")
            return 1
        print(f"added entities with {len(dropped)} words found in the story "
              f"replaced; {nbase} base and {len(keep)} added entities")
        failed = 0
        for text in texts:
            want = findings(base, text, os.path.join(tmp, "base.json"))
            got = [f for f in results[text] if not about(f, forms)]
            if got == want:
                print(f"{text}: {len(want)} findings, the same")
                continue
            failed += 1
            print(f"{text}: {len(want)} findings with the base facts, "
                  f"{len(got)} not about added entities with {ENTITIES}")
            for f in want:
                if f not in got:
                    print("  lost:", json.dumps(f, ensure_ascii=False))
            for f in got:
                if f not in want:
                    print("  new: ", json.dumps(f, ensure_ascii=False))
    return 1 if failed else 0


sys.exit(main())
