#!/usr/bin/env python3
"""Writes the variant-character table of core/text/variant_fold.cpp (異体字: 髙/高, 﨑/崎, 𠮷/吉, 澤/沢 …)
from the variant data Unicode and the kanji dictionary publish, so that no one keeps a hand table.

Residents write their names with the character on their family register; clerks type the common
form. Search folds both to one representative; the stored name keeps the resident's character.

Sources (Debian packages, installed by scripts/install-deps.sh):
- Unihan_Variants.txt (package unicode-data): kSemanticVariant (same meaning, interchangeable:
  髙→高, 澤→沢 is not there but 國→国 is), kZVariant (same character, different glyph),
  kSpoofingVariant (confusable at sight: 𠮷→吉 is only there), and kSpecializedSemanticVariant
  only between two characters neither of which is a 常用漢字 — it joins the old forms 齋 and 齊 (and
  so 斎 with 斉, both in the list the issue names), while a chain through two everyday characters
  of different meaning (its other use) is not made.
- kanjidic2.xml (package kanjidic-xml, the EDRDG's KANJIDIC2): each kanji's <variant> by JIS X
  0208/0212/0213 code or UCS: the 旧字体/新字体 pairs Unihan lacks (澤→沢, 濱→浜, 邊→辺, 齋→斎).

Characters joined through these links form one class (union-find); each class folds to its most
common member (a 常用漢字 first, then kanjidic's frequency rank, then the lowest code point).
A class can join more than a clerk would (暦 and 歴 meet through the old 厤): search then shows
one more candidate, never one fewer.

usage: generate_variant_table.py UNIHAN_VARIANTS.txt[.bz2] KANJIDIC2.xml[.gz] OUT.inc
"""
import bz2
import collections
import gzip
import hashlib
import sys
import xml.etree.ElementTree as ET

LINKS = ("kSemanticVariant", "kZVariant", "kSpoofingVariant")
JOUYOU_GRADES = range(1, 9)  # kanjidic grades 1–6 (教育漢字) and 8 (other 常用漢字); 9–10 are 人名用


def open_text(path):
    if path.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def main(unihan_path, kanjidic_path, out_path):
    parent = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        parent.setdefault(a, find(a))
        parent.setdefault(b, find(b))

    unihan_version = "?"
    specialized = []
    with open_text(unihan_path) as f:
        for line in f:
            if line.startswith("# Unicode version:"):
                unihan_version = line.split(":", 1)[1].strip()
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t")
            if field not in LINKS and field != "kSpecializedSemanticVariant":
                continue
            a = int(code[2:], 16)
            for v in value.split():
                b = int(v.split("<")[0][2:], 16)
                if field == "kSpecializedSemanticVariant":
                    specialized.append((a, b))
                else:
                    union(a, b)

    with open_text(kanjidic_path) as f:
        root = ET.parse(f).getroot()
    kanjidic_version = root.findtext("header/database_version") or "?"
    by_code = {}  # ("jis208", "1-34-84") -> code point
    rank = {}  # code point -> (not jouyou, frequency rank)
    entries = []
    for ch in root.iter("character"):
        literal = ord(ch.findtext("literal"))
        for cp in ch.find("codepoint"):
            by_code[(cp.get("cp_type"), cp.text)] = literal
        grade = ch.findtext("misc/grade")
        freq = ch.findtext("misc/freq")
        rank[literal] = (0 if grade and int(grade) in JOUYOU_GRADES else 1, int(freq) if freq else 9999)
        entries.append((literal, ch.findall("misc/variant")))
    for literal, variants in entries:
        for v in variants:
            kind = v.get("var_type")
            if kind == "ucs":
                union(literal, int(v.text, 16))
            elif (kind, v.text) in by_code:
                union(literal, by_code[(kind, v.text)])
    for a, b in specialized:
        if rank.get(a, (1,))[0] == 1 and rank.get(b, (1,))[0] == 1 and a in rank and b in rank:
            union(a, b)

    classes = collections.defaultdict(list)
    for c in list(parent):
        classes[find(c)].append(c)
    pairs = []
    for members in classes.values():
        if len(members) < 2:
            continue
        target = min(members, key=lambda c: (rank.get(c, (2, 9999)), c))
        pairs += [(c, target) for c in members if c != target]
    pairs.sort()

    digest = hashlib.blake2b("".join(f"{a:x}>{b:x};" for a, b in pairs).encode(), digest_size=8).hexdigest()
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("// Generated by core/text/generate_variant_table.py: do not edit.\n")
        out.write(f"// Unihan {unihan_version} (kSemanticVariant, kZVariant, kSpoofingVariant,"
                  f" kSpecializedSemanticVariant between non-常用), KANJIDIC2 {kanjidic_version}.\n")
        out.write(f'#define MADOGUCHI_VARIANT_TABLE_ID "unihan-{unihan_version}/kanjidic2-{kanjidic_version}/{digest}"\n')
        for a, b in pairs:
            out.write(f"{{0x{a:X}, 0x{b:X}}}, // {chr(a)}→{chr(b)}\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[-1].strip())
    main(*sys.argv[1:])
