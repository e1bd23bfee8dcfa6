#!/usr/bin/python3
"""The hall's page in a real browser: headless Chromium, driven over its DevTools protocol (a pipe,
so the browser ends when this script does), opens madoguchi-display's page on a real case book;
a number called with madoguchi-cli appears within a second, with a chime and a highlight; the
labels alternate between Japanese and English; the case book locked by a writer shows the strip
and the page recovers; the page holds no name, kana or address that is in the case book; no
Content-Security-Policy violation. Saves a screenshot at 1920x1080.

usage: hall_page_test.py --cli MADOGUCHI_CLI --display MADOGUCHI_DISPLAY --screenshots DIR
"""
import argparse
import base64
import ctypes
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

PR_SET_PDEATHSIG = 1
RESIDENTS = [
    ("山田 太郎", "ヤマダ タロウ", "小平市小川町二丁目1333番地", "reissue"),
    ("佐藤 花子", "サトウ ハナコ", "小平市学園東町一丁目19番", "pin-reset"),
    ("鈴木 一郎", "スズキ イチロウ", "小平市花小金井南町三丁目5番", "cert-renewal"),
    ("高橋 美咲", "タカハシ ミサキ", "小平市上水本町六丁目2番", "reissue"),
]


def die_with_parent():
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Browser:
    """Chromium with --remote-debugging-pipe: commands on fd 3, answers and events on fd 4, each a
    JSON message ended by NUL."""

    def __init__(self, profile):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Out of the way of 3 and 4, where the browser expects them.
        keep = [os.dup2(to_browser_r, 103), os.dup2(from_browser_w, 104)]
        for fd in (to_browser_r, from_browser_w):
            os.close(fd)

        def child():
            die_with_parent()
            os.dup2(103, 3)
            os.dup2(104, 4)

        self.proc = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--disable-sync",
             "--autoplay-policy=no-user-gesture-required", "--window-size=1920,1080",
             "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=ja",
             "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            preexec_fn=child, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in keep:
            os.close(fd)
        self.write = os.fdopen(to_browser_w, "wb", buffering=0)
        self.read = os.fdopen(from_browser_r, "rb", buffering=0)
        self.pending = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _message(self):
        while b"\0" not in self.pending:
            chunk = self.read.read(65536)
            if not chunk:
                raise Failure("the browser closed its pipe")
            self.pending += chunk
        raw, self.pending = self.pending.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        self.write.write(json.dumps(msg).encode() + b"\0")
        while True:
            m = self._message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise Failure(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def open_page(self, width, height):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.send("Runtime.enable")
        self.send("Log.enable")
        self.send("Page.enable")

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})

    def eval(self, expression):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            raise Failure(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait_for(self, expression, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise Failure(f"{what}: not within {timeout} s")
            time.sleep(0.02)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def console_messages(self):
        out = []
        for m in self.events:
            if m.get("method") == "Log.entryAdded":
                out.append(m["params"]["entry"].get("text", ""))
            elif m.get("method") == "Runtime.consoleAPICalled":
                out.append(" ".join(str(a.get("value", "")) for a in m["params"].get("args", [])))
            elif m.get("method") == "Runtime.exceptionThrown":
                out.append(json.dumps(m["params"]))
        return out

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--display", required=True)
    p.add_argument("--screenshots", required=True)
    args = p.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="madoguchi-hall-")
    book = os.path.join(work, "book.db")
    env = dict(os.environ, MADOGUCHI_USER="admin", MADOGUCHI_PASSWORD="admin-pass-1")

    def cli(*words, stdin=""):
        r = subprocess.run([args.cli, "--db", book, *words], input=stdin, capture_output=True, text=True, env=env)
        check(r.returncode == 0, f"madoguchi-cli {' '.join(words)}: {r.stderr}")
        return r.stdout

    cli("user", "init-admin", "--name", "admin", stdin="admin-pass-1\n")
    for name, kana, address, procedure in RESIDENTS:
        cli("case", "add", "--procedure", procedure, "--name", name, "--kana", kana, "--birth", "1958-07-14",
            "--address", address, "--window", "1")
    # One resident already called and answered: the average wait is on the page from the start.
    cli("call", "next", "--window", "2")

    log_file = open(os.path.join(work, "display.log"), "a")

    def start_server(port):
        proc = subprocess.Popen([args.display, "--db", book, "--listen", f"127.0.0.1:{port}"],
                                stdout=subprocess.PIPE, stderr=log_file, text=True, preexec_fn=die_with_parent)
        line = proc.stdout.readline()
        m = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
        check(m, f"madoguchi-display did not start: {line!r}")
        return proc, int(m.group(1))

    def stop_server(proc):
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()

    lock = None

    def release_lock():
        nonlocal lock
        if lock:
            lock.close()
            lock = None

    def restart_server(proc, port, lock_first):
        nonlocal lock
        stop_server(proc)
        if lock_first:
            lock = sqlite3.connect(book, timeout=5, isolation_level=None)
            lock.execute("PRAGMA locking_mode = EXCLUSIVE")
            lock.execute("BEGIN EXCLUSIVE")
            lock.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('test.lock', '1')")
            lock.execute("COMMIT")  # still held: exclusive locking mode keeps the lock
        return start_server(port)[0]

    server, port = start_server(0)
    url = f"http://127.0.0.1:{port}/"
    browser = None
    try:
        browser = Browser(os.path.join(work, "profile"))
        browser.open_page(1920, 1080)
        browser.navigate(url + "?lang_seconds=2")
        browser.wait_for("window.hall && window.hall.boards >= 1", 10, "the first board")
        check(browser.eval("document.querySelector('#serving .card .number').textContent") == "A-001",
              "A-001 (called before the page opened) is not shown as served")
        check(browser.eval("window.hall.chimes") == 0, "a chime before any call")

        # A call from the console reaches the page within a second: chime, highlight, big number.
        called = json.loads(cli("call", "next", "--window", "3", "--json"))
        done = time.monotonic()
        number = called["reception_number"]
        check(number == "A-002" and called["window"] == "3", f"called {called['reception_number']}")
        shown = ("[...document.querySelectorAll('#serving .card')].some(c => c.dataset.number === '%s'"
                 " && c.classList.contains('called')) && !document.getElementById('announce').hidden"
                 " && document.getElementById('announce-number').textContent === '%s'") % (number, number)
        browser.wait_for(shown, 1.0, f"{number} on the page after the call")
        latency = time.monotonic() - done
        check(browser.eval("window.hall.chimes") == 1, "no chime for the call")
        check(browser.eval("window.hall.audioState()") == "running", "the chime's audio did not run: "
              + str(browser.eval("window.hall.audioState()")))
        check(browser.eval("getComputedStyle(document.querySelector('.card.called')).borderTopColor")
              == "rgb(255, 138, 61)", "the called card is not highlighted")
        browser.screenshot(os.path.join(args.screenshots, "hall-display-call.png"))
        print(f"ok: {number} on the page {latency * 1000:.0f} ms after madoguchi-cli returned")

        # Call again: a second chime. Not here: the number leaves the screen, no chime.
        cli("call", "again", str(called["id"]))
        browser.wait_for("window.hall.chimes === 2", 1.0, "the chime of call again")
        cli("call", "absent", str(called["id"]))
        browser.wait_for("![...document.querySelectorAll('#serving .card')].some(c => c.dataset.number === '%s')"
                         % number, 1.0, f"{number} gone after not here")
        check(browser.eval("window.hall.chimes") == 2, "a chime for not here")

        # Japanese and English alternate (every 2 s here; 8 s by default).
        browser.wait_for("document.getElementById('title').textContent === 'Now serving'", 3, "the English labels")
        browser.wait_for("document.getElementById('title').textContent === '受付番号のご案内'", 3,
                         "the Japanese labels again")
        check(browser.eval("document.documentElement.lang") == "ja", "the page's lang follows")

        # The case book locked by a writer when the display (re)starts: the strip, then back by
        # itself. (A connection in WAL mode keeps a shared lock, so the writer takes the file while
        # the display is down; the page's stream reconnects on its own.)
        server = restart_server(server, port, lock_first=True)
        browser.wait_for("!document.getElementById('away').hidden", 8, "the strip while the book is locked")
        away_text = browser.eval("document.getElementById('away').textContent")
        release_lock()
        browser.wait_for("document.getElementById('away').hidden", 8, "the strip gone once the lock is released")

        # Nothing of a resident anywhere on the page, in its text or its markup.
        browser.wait_for("document.querySelector('#serving .card') !== null", 2, "the board again")
        text = browser.eval("document.body.innerText") + browser.eval("document.documentElement.outerHTML")
        text += away_text
        for name, kana, address, _ in RESIDENTS:
            for secret in (name, kana, address, name.split()[0], kana.split()[0], "1958-07-14", "admin"):
                check(secret not in text, f"the page holds {secret!r}")
        check("A-001" in text and "A-003" in text, "the page does not show the numbers")
        messages = browser.console_messages()
        check(not any("Content Security Policy" in t or "Refused to" in t for t in messages),
              f"CSP violations: {messages}")

        # The pictures for the README, in Japanese: the board, then a call announced.
        browser.wait_for("document.getElementById('announce').hidden", 8, "the last announcement ends")
        browser.wait_for("document.getElementById('title').textContent === '受付番号のご案内'", 3, "Japanese")
        browser.screenshot(os.path.join(args.screenshots, "hall-display.png"))
        cli("call", "number", "A-004", "--window", "5")
        browser.wait_for("!document.getElementById('announce').hidden", 1.0, "the announcement of A-004")
        browser.screenshot(os.path.join(args.screenshots, "hall-display-announce.png"))
        print("ok: chime, highlight, alternating labels, the strip and its recovery, no personal data")
    except Failure as e:
        print(f"FAIL: {e}")
        return 1
    finally:
        release_lock()
        if browser:
            browser.close()
        stop_server(server)
        log_file.close()
    log = open(os.path.join(work, "display.log")).read()
    for name, kana, address, _ in RESIDENTS:
        if name in log or address in log:
            print(f"FAIL: the display's log holds {name}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
