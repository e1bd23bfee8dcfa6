#!/usr/bin/env python3
"""The bad-input corpus (issue #20 item 9): every madoguchi-cli command and option, as its own
--help lists them (tests/cli/cli_surface.sh), given bad dates, ids, sizes, encodings, SQL and FTS
syntax and control characters, one option at a time on top of a valid call. It fails on

  - any exit code other than 0 and 2-7 (1 is "internal error": an input nobody checked),
  - any death by a signal, or a run that does not end within the time limit,
  - any change to the case book by a refused call (every table but the audit trail, which records
    refusals such as failed logins, and the failed-login counts).

usage: bad_input_corpus.py MADOGUCHI_CLI CLI_SURFACE_SH SHARD SHARDS
The corpus is split into SHARDS parts by command so that ctest can run them side by side.
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zlib

cli, surface_sh, shard, shards = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
work = tempfile.mkdtemp(prefix="madoguchi-corpus-")
book = os.path.join(work, "book.db")
out_dir = os.path.join(work, "out")
os.makedirs(out_dir)

env = dict(os.environ)
env.update({"MADOGUCHI_USER": "admin", "MADOGUCHI_PASSWORD": "admin-pass-1", "LANG": "C.UTF-8"})
# No PC/SC service here: the card commands must refuse cleanly, and never touch the shared
# virtual reader other tests hold.
env["PCSCLITE_CSOCK_NAME"] = os.path.join(work, "no-pcscd.sock")


# Every call runs in out_dir: a mutated file option ("\t", " ", an escape sequence) is a relative
# name, and what a successful call writes under it must land where the loop below clears it, not
# in the folder ctest (or a developer) started from.
def run(args, stdin=b""):
    return subprocess.run([cli, "--db", book] + args, input=stdin, capture_output=True, env=env, timeout=60,
                          cwd=out_dir)


def dump():
    """Every row of every table but the trail of refusals, in a fixed order."""
    con = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
    rows = []
    # Full-text tables are read through their shadow tables (which hold the index's rows).
    for (table, sql) in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        if table in ("audit_log", "audit_head", "login_failures") or table.startswith("sqlite_"):
            continue
        if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            continue
        rows.append(table)
        rows.extend(repr(r) for r in con.execute(f'SELECT * FROM "{table}" ORDER BY 1'))
    con.close()
    return "\n".join(rows)


# A book with something in it: the admin, a clerk, cases on both sides of a day, a retention period.
init = subprocess.run([cli, "--db", book, "user", "init-admin", "--name", "admin"], input=b"admin-pass-1\n",
                      capture_output=True, env=env)
assert init.returncode == 0, init.stderr
assert run(["user", "add", "hanako", "--role", "clerk"], b"clerk-pass-1\n").returncode == 0
for name, kana in (("山田 太郎", "ヤマダ タロウ"), ("髙橋 花子", "タカハシ ハナコ")):
    doc = {"procedure": "reissue", "name": name, "kana": kana, "birth": "1970-05-20", "address": "市内1-2-3"}
    r = run(["case", "add", "--input", "-", "--json"], json.dumps(doc).encode())
    assert r.returncode == 0, r.stderr
assert run(["retention", "set", "--days", "1825"]).returncode == 0

surface = subprocess.run(["bash", surface_sh, cli], capture_output=True, text=True, check=True).stdout.splitlines()
options = {}  # the words of a command ("case add", "deadlines") -> its options
for line in surface:
    kind, *rest = line.split(" ")
    if kind == "action":
        options.setdefault(" ".join(rest), [])
    elif kind == "command":
        options.setdefault(rest[0], [])
    elif kind == "option":
        words, option = " ".join(rest[:-1]), rest[-1]
        options.setdefault(words, []).append(option)
# Commands with actions are called by their actions.
for words in list(options):
    if " " not in words and any(w.startswith(words + " ") for w in options):
        del options[words]

# A valid call of each command (the options the mutation leaves alone). Commands not listed run
# with the mutated option alone.
valid = {
    "case add": ["--procedure", "reissue", "--name", "佐藤 一郎", "--kana", "サトウ イチロウ", "--birth", "1980-01-02"],
    "case show": ["1"], "case status": ["1", "in-progress"], "case reopen": ["1", "--reason", "再確認"],
    "case list": [], "checklist": ["--case", "1", "--lang", "ja", "--pdf", os.path.join(out_dir, "h.pdf")],
    "deadlines": ["--birth", "1970-05-20", "--issued", "2020-11-10"],
    "documents": ["--procedure", "reissue"], "rules explain": ["--procedure", "reissue"],
    "rules book": ["--pdf", os.path.join(out_dir, "rules.pdf")],
    "report daily": ["--csv", os.path.join(out_dir, "d.csv")], "report monthly": ["--csv", os.path.join(out_dir, "m.csv")],
    "forecast": [], "audit list": [], "audit export": ["--csv", os.path.join(out_dir, "a.csv")],
    "db backup": [os.path.join(out_dir, "b.db")], "retention purge": ["--dry-run"], "retention set": ["--days", "1825"],
    "call next": ["--window", "1"], "call number": ["A-001", "--window", "1"], "call again": ["1"], "call absent": ["1"],
    "user role": ["hanako", "clerk"], "user enable": ["hanako"], "register import": [os.path.join(work, "reg.csv")],
}
with open(os.path.join(work, "reg.csv"), "wb") as f:
    f.write("record_id,birth,card_issued,cert_issued,stay_until\nr1,1970-05-20,2020-11-10,,\n".encode())

dates = ["", "9999-12-31", "9999-12", "2026-00", "0000-00-00", "2026-02-30", "1867-12-31", "2026-13-01", "26-1-1", "令和99年1月1日",
         "2026-12-01T25:00", "-2026-01-01"]
numbers = ["", "-1", "0", "2147483648", "99999999999999999999", "123456789012345678901234567890", "1e9", "0x10",
           "A-999", "１２"]
texts = ["", " ", "\t", "x" * 70000, "\x1b]0;owned\x07\x1b[2J", "a\x01b", "'; DROP TABLE cases; --",
         '"unterminated', "NEAR(a b", "* OR 1=1", "\xff\xfe".encode("latin-1").decode("utf-8", "surrogateescape"),
         "山田".encode("shift_jis").decode("utf-8", "surrogateescape"), "../../etc/passwd", "\u202e\u0645",
         "𠮷野家"]
files = ["", ".", work, book, book + "-wal", os.path.join(work, "missing", "x.pdf"), "/", os.path.join(out_dir, "o.csv")]
datey = ("date", "today", "birth", "issued", "applied", "since", "until", "expiry", "moved", "move-day", "from", "to",
         "month", "day", "out")
numbery = ("id", "days", "months", "window", "number", "minutes", "timeout", "case", "limit", "slots", "fee")
filey = ("pdf", "csv", "file", "office", "input")


def values_for(option):
    name = option.lstrip("-")
    if any(k in name for k in filey):
        return files + texts[:6]
    if any(k in name for k in datey):
        return dates + texts[4:8]
    if any(k in name for k in numbery):
        return numbers + texts[4:8]
    return texts


def argv_bytes(args):
    return [a.encode("utf-8", "surrogateescape") if isinstance(a, str) else a for a in args]


failures = []
runs = 0
before = dump()
for words in sorted(options):
    if zlib.crc32(words.encode()) % shards != shard:
        continue
    base = valid.get(words, [])
    flags = [o for o in options[words] if o not in ("--help",)]
    for option in flags:
        for value in values_for(option):
            args = words.split(" ") + [a for a in base]
            if option in args:  # replace the valid value
                i = args.index(option)
                args = args[:i] + args[i + 2:]
            args += [option, value]
            stdin = b"1234\n" if "--with-pin" in args else b"admin-pass-1\n"
            runs += 1
            try:
                r = subprocess.run([cli, "--db", book] + argv_bytes(args), input=stdin, capture_output=True,
                                   env=env, timeout=60, cwd=out_dir)
            except subprocess.TimeoutExpired:
                failures.append(f"{words} {option} {value[:40]!r}: no answer within 60 s")
                continue
            code = r.returncode
            said = r.stderr.decode("utf-8", "replace").strip()[:200]
            if code < 0:
                failures.append(f"{words} {option} {value[:40]!r}: killed by signal {-code}: {said}")
            elif code not in (0, 2, 3, 4, 5, 6, 7):
                failures.append(f"{words} {option} {value[:40]!r}: exit {code}: {said}")
            after = dump()
            if code != 0 and after != before:
                failures.append(f"{words} {option} {value[:40]!r}: exit {code} but the case book changed")
            before = after
            # Whatever a successful call wrote is not the next call's business.
            for f in os.listdir(out_dir):
                os.remove(os.path.join(out_dir, f))

print(f"bad-input corpus shard {shard}/{shards}: {runs} calls, {len(failures)} failures")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures or runs == 0 else 0)
