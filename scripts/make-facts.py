#!/usr/bin/env python3
"""Write a facts file (docs/fidelint-facts.5) with N entities, for measuring
how fidelint's time grows with the facts.

    python3 scripts/make-facts.py --entities N [--base FACTS] --seed S > F

The base file's entities, numbers and terms are kept as they are (its text
is copied line by line, comments included); synthetic entities are added
after them until there are N in all (never fewer than the base's): persons
made of a given name and a surname (with a middle initial once the pairs
run out), organisations (a surname or a made-up stem and a word such as
"Capital" or "Labs"), and places (made-up stems with a place word). About
half have renderings: Arabic and Hebrew spellings made by a rule-based
transliteration of the Latin name, and a Portuguese form for some places
and organisations. No rendering is listed twice across entities (the
loader refuses forms that two entities share), and no synthetic name, alias
or rendering equals a form of the base. The output is the same for the
same arguments. The name lists are written here: nothing is read but the
base.
"""
import argparse
import random
import re
import sys
import unicodedata

GIVEN = """Aaron Abigail Adele Adrian Agnes Aidan Aisha Alan Alba Albert Alden
Alessia Alfred Alina Alvaro Amara Ambrose Amelia Anders Andrea Angus Anika
Anton Arjun Arne Astrid Aurelio Barbara Basil Beatrix Benedikt Bianca Boris
Bruno Camila Carmen Casimir Cecile Cedric Celeste Chiara Clara Conrad Cyrus
Dalia Damian Daria Darius Delia Dimitri Dora Edgar Edith Elena Elias Elif
Elise Emil Enzo Erik Esme Esteban Eva Fabian Fatima Felix Fiona Florian Freya
Gabriel Gemma Gideon Greta Gustav Hana Hector Helga Henrik Hugo Ida Igor Ines
Ingrid Irene Isak Ivan Jalen Jana Jasper Joana Jonas Julian Kai Kamala Karim
Katja Kenji Klara Lars Laszlo Layla Leon Lidia Linus Lorenzo Lucia Luka Magnus
Malik Marco Marta Mateo Matilda Milan Mina Nadia Nikolai Nils Nora Olga Omar
Oskar Paloma Pavel Petra Quentin Rafael Rania Rasmus Renata Rhea Roman Rosa
Samir Sara Sebastian Selma Simon Sofia Stefan Tamar Teodor Tessa Tobias Ulla
Valentin Vera Viktor Wanda Xavier Yara Yusuf Zara Zoltan""".split()

SURNAMES = """Abernathy Achterberg Adeyemi Albescu Aldana Almeida Amundsen
Andersen Arcuri Arnaldo Asante Bakshi Balogun Barros Bauer Bellamy Benedetti
Bergstrom Bianchi Blomqvist Bogdan Borowski Brandt Brennan Caldera Calloway
Carvalho Castellano Cervantes Chaudhry Ciobanu Coelho Cortez Dabrowski Dalton
Danielsen Delacroix Demir Desai Dietrich Dimitrov Dolan Donati Dragomir
Duarte Ekstrom Eriksen Esposito Falk Farouk Ferreira Fischer Fonseca Forsberg
Galanis Gallo Gardner Gashi Gomes Grabowski Gruber Guerrero Haddad Halvorsen
Hartmann Hayashi Hendricks Hoffmann Holmberg Horvath Ibarra Ivanova Jablonski
Jaramillo Jensen Jovanovic Kaminski Kapoor Karlsson Kauffman Kedrov Keller
Khoury Kovacs Krause Kuznetsov Lambert Landry Larsen Lazaridis Lindqvist
Lombardi Lopes Lundgren Maalouf Madsen Magnusson Malinowski Mancini Marchetti
Marquez Mazur Medeiros Mendoza Meyer Molina Moreau Nakamura Navarro Nemeth
Nieminen Nikolaidis Novak Nowicki Okafor Oliveira Olsen Ortega Osei Pacheco
Papadakis Pereira Petrov Pinheiro Popescu Quintero Rahimi Ramos Rasmussen
Rebelo Reinholt Ribeiro Romano Rossi Rousseau Sahin Salazar Sandoval Santoro
Saraiva Schmidt Schultz Serrano Sherwood Silva Sokolov Sorensen Stavros
Steiner Strand Suzuki Svensson Szabo Takahashi Tavares Teixeira Thorsen
Toivonen Toledo Torres Ulrich Valente Vasquez Vidal Vogel Volkov Wagner
Waller Weber Wojcik Yilmaz Zamora Zielinski""".split()

STEMS = """Aster Bellmar Brightwater Calder Corvane Dunmore Elmstead Fairhaven
Glenrock Halvard Ironvale Juniper Kestrel Larkspur Marlow Northgate Oakhurst
Pinecrest Quarry Redmoor Silverlake Thornbury Umberly Valecrest Westbrook
Yarrow Zephyr Ashcombe Blackfen Coldwell Drayton Eastmere Fenwick Greyhaven
Harrowgate Kingsmoor Lowther Millbrook Norcastle Ormsby Pellham Ravenholt
Stonebridge Tidewell Underhill Verwood Whitcombe Amberlyn Birchwood Carrow
Deepdale Evershaw Foxley Gorsefield Hollin Kettering Lindell Moorfield Netherby
Oxley Primrose Rookwood Saltmarsh Thistledown Wexham Alderney Bramwell
Coppermill Duskwood Emberton Farrowdale Greenhollow""".split()

ORG_WORDS = ["Capital", "Labs", "Systems", "Partners", "Group", "Analytics",
             "Robotics", "Foundation", "Institute", "Holdings", "Media",
             "Energy", "Networks", "Bank", "Airlines", "Pharma", "Studios",
             "Logistics", "Insurance", "Ventures"]
PLACE_WORDS = ["", "", "Bay", "Springs", "Valley", "Harbor", "Falls", "Ridge"]
# Portuguese for a few organisation and place words.
PT_WORDS = {"Foundation": "Fundação", "Institute": "Instituto",
            "Bank": "Banco", "Bay": "Baía", "Valley": "Vale",
            "Harbor": "Porto", "Falls": "Cataratas", "Ridge": "Serra"}

# Rule-based transliteration of a Latin word, longest letters first.
AR = [("sch", "ش"), ("tch", "تش"), ("sh", "ش"), ("ch", "تش"), ("th", "ث"),
      ("kh", "خ"), ("gh", "غ"), ("ph", "ف"), ("ck", "ك"), ("ou", "و"),
      ("oo", "و"), ("ee", "ي"), ("ai", "اي"), ("ei", "اي"), ("a", "ا"),
      ("b", "ب"), ("c", "ك"), ("d", "د"), ("e", "ي"), ("f", "ف"),
      ("g", "غ"), ("h", "ه"), ("i", "ي"), ("j", "ج"), ("k", "ك"),
      ("l", "ل"), ("m", "م"), ("n", "ن"), ("o", "و"), ("p", "ب"),
      ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"), ("u", "و"),
      ("v", "ف"), ("w", "و"), ("x", "كس"), ("y", "ي"), ("z", "ز")]
HE = [("sch", "ש"), ("tch", "צ'"), ("sh", "ש"), ("ch", "צ'"), ("th", "ת"),
      ("kh", "ח"), ("gh", "ג"), ("ph", "פ"), ("ck", "ק"), ("ou", "ו"),
      ("oo", "ו"), ("ee", "י"), ("ai", "יי"), ("ei", "יי"), ("a", "א"),
      ("b", "ב"), ("c", "ק"), ("d", "ד"), ("e", "ה"), ("f", "פ"),
      ("g", "ג"), ("h", "ה"), ("i", "י"), ("j", "ג'"), ("k", "ק"),
      ("l", "ל"), ("m", "מ"), ("n", "נ"), ("o", "ו"), ("p", "פ"),
      ("q", "ק"), ("r", "ר"), ("s", "ס"), ("t", "ט"), ("u", "ו"),
      ("v", "ו"), ("w", "ו"), ("x", "קס"), ("y", "י"), ("z", "ז")]
HE_FINAL = {"מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ", "כ": "ך"}
AR_VOWELS = set("اوي")


def xlit_word(word, table, arabic):
    """Transliterates one Latin word; inner short vowels are dropped in
    Arabic (as Arabic spelling does), kept long at the edges."""
    w, out, i = word.lower(), [], 0
    while i < len(w):
        for lat, rep in table:
            if w.startswith(lat, i):
                first, last = i == 0, i + len(lat) == len(w)
                if arabic and lat in ("a", "e", "i") and not first and not last \
                        and len(w) > 4:
                    rep = ""  # short inner vowel
                if arabic and first and rep in AR_VOWELS:
                    rep = {"ا": "ا", "و": "أو", "ي": "إي"}[rep]
                out.append(rep)
                i += len(lat)
                break
        else:
            i += 1  # a letter the table lacks (a mark): dropped
    s = "".join(out)
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters are written once
    if not arabic and s and s[-1] in HE_FINAL:
        s = s[:-1] + HE_FINAL[s[-1]]
    return s


def xlit(name, table, arabic):
    return " ".join(xlit_word(w, table, arabic)
                    for w in name.replace(".", "").split())


def fold(s):
    """What the loader compares forms by: case and marks aside."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def base_forms(text):
    """Every string of the base's entities (names, aliases, renderings),
    folded: a rough reading of the YAML that errs towards more."""
    forms = set()
    for m in re.finditer(r"[^\s,\[\]{}:]+(?: [^\s,\[\]{}:]+)*", text):
        forms.add(fold(m.group(0).strip("'\"")))
    return forms


def count_entities(text):
    """Entities in the base: list items directly under 'entities:'."""
    n, inside = 0, False
    for line in text.splitlines():
        if re.match(r"^\S", line):
            inside = line.startswith("entities:")
        elif inside and re.match(r"^  - ", line):
            n += 1
    return n


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def people(rng):
    pairs = [(g, s) for g in GIVEN for s in SURNAMES]
    rng.shuffle(pairs)
    for g, s in pairs:
        yield f"{g} {s}"
    letters = "ABCDEFGHJKLMNOPRSTVW"
    while True:  # pairs exhausted: middle initials, then two surnames
        g, s = rng.choice(GIVEN), rng.choice(SURNAMES)
        if rng.random() < 0.5:
            yield f"{g} {rng.choice(letters)}. {s}"
        else:
            yield f"{g} {rng.choice(SURNAMES)}-{s}"


def orgs(rng):
    while True:
        head = rng.choice(SURNAMES if rng.random() < 0.4 else STEMS)
        yield f"{head} {rng.choice(ORG_WORDS)}"


def places(rng):
    while True:
        word = rng.choice(PLACE_WORDS)
        a = rng.choice(STEMS)
        name = f"{a} {word}".strip()
        if rng.random() < 0.3:
            name = ("New " if rng.random() < 0.5 else "Port ") + name
        yield name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, required=True,
                    help="entities in all, the base's included")
    ap.add_argument("--base", default="examples/meta-scale-ai/facts.yaml")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open(args.base, encoding="utf-8") as f:
        base = f.read()
    if "\nentities:" not in "\n" + base:
        sys.exit("make-facts.py: the base has no 'entities:' list")
    rng = random.Random(args.seed)
    taken = base_forms(base)  # folded names and renderings in use
    gens = {"person": people(rng), "org": orgs(rng), "place": places(rng)}
    want = max(0, args.entities - count_entities(base))
    out = []
    tries = 0
    while len(out) < want:
        tries += 1
        if tries > 100 * (want + 10):
            sys.exit("make-facts.py: ran out of distinct names")
        r = rng.random()
        kind = "person" if r < 0.6 else "org" if r < 0.85 else "place"
        name = next(gens[kind])
        if fold(name) in taken:
            continue
        taken.add(fold(name))
        ent = [f"  - name: {yaml_str(name)}", f"    kind: {kind}"]
        rend = {}
        if rng.random() < 0.5:
            for lang, table, arabic in (("ar", AR, True), ("he", HE, False)):
                form = xlit(name, table, arabic)
                if form and fold(form) not in taken:
                    taken.add(fold(form))
                    rend[lang] = form
        if kind != "person" and rng.random() < 0.3:
            words = name.split()
            if words[-1] in PT_WORDS:
                pt = f"{PT_WORDS[words[-1]]} {' '.join(words[:-1])}"
                if fold(pt) not in taken:
                    taken.add(fold(pt))
                    rend["pt"] = pt
        if rend:
            ent.append("    renderings: {" + ", ".join(
                f"{k}: [{yaml_str(v)}]" for k, v in rend.items()) + "}")
        if rng.random() < 0.3:
            ent.append(f"    count: {rng.randint(1, 6)}")
        out.append("\n".join(ent))
    # The synthetic entities go at the end of the base's entity list.
    lines = base.rstrip("\n").split("\n")
    end, inside = len(lines), False
    for i, line in enumerate(lines):
        if re.match(r"^\S", line) and not line.startswith("#"):
            if inside:
                end = i
                break
            inside = line.startswith("entities:")
    # Back over the blank and comment lines before the next key.
    while end > 0 and (not lines[end - 1].strip() or
                       lines[end - 1].lstrip().startswith("#")):
        end -= 1
    head = lines[:end]
    tail = lines[end:]
    sys.stdout.write("\n".join(head) + "\n")
    if out:
        sys.stdout.write(f"  # --- {len(out)} synthetic entities "
                         f"(scripts/make-facts.py, seed {args.seed}) ---\n")
        sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.write("\n".join(tail) + "\n")


if __name__ == "__main__":
    main()
