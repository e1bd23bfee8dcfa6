#!/usr/bin/env python3
"""A My Number card (マイナンバーカード) for pcscd's vsmartcard-vpcd reader driver.

It connects to vpcd as a TCP client (127.0.0.1:35963 is reader 0) and speaks vpcd's framing:
every message is a 2-byte big-endian length and a payload; a 1-byte payload is a control message
(0 power off, 1 power on, 2 reset, 4 "send the ATR"), anything longer a command APDU, answered
with the response APDU. Closing the socket is pulling the card out.

The card behaves as docs/rules.md, Part II describes: the JPKI, card-info input support,
visual, residence-registry and common applications; token info, the user-authentication
certificate and the others; PIN files whose try counters fall on a wrong PIN, block at zero
(VERIFY with data then answers 69 84, an empty VERIFY 63 C0) and reset on a right one.

Its contents come from a profile (JSON) given on the command line; fault modes imitate what goes
wrong at a counter: the card pulled out mid-read, a garbled answer, a card that answers slowly.
Python 3 standard library only: Debian's python3-virtualsmartcard does not import as shipped.
"""
import argparse
import json
import os
import signal
import socket
import struct
import sys
import time

AID_JPKI = bytes.fromhex("D392F000260100000001")
AID_CARD_INFO = bytes.fromhex("D3921000310001010408")
AID_VISUAL = bytes.fromhex("D3921000310001010402")
AID_RESIDENCE = bytes.fromhex("D3921000310001010401")
AID_COMMON = bytes.fromhex("D3921000310001010100")

# OpenSC's card-jpki.c knows the card by this ATR; any other card gets a generic one.
ATR_MY_NUMBER = bytes.fromhex("3BE000FF8131FE4514")
ATR_OTHER = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")

SW_OK = b"\x90\x00"
SW_FILE_NOT_FOUND = b"\x6a\x82"
SW_SECURITY_NOT_SATISFIED = b"\x69\x82"
SW_BLOCKED = b"\x69\x84"
SW_NO_CURRENT_EF = b"\x69\x86"
SW_WRONG_LENGTH = b"\x67\x00"
SW_WRONG_P1P2 = b"\x6b\x00"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"
SW_UNKNOWN = b"\x6f\x00"


class Pin:
    def __init__(self, value, tries, max_tries):
        self.value = value.encode("ascii")
        self.tries = tries
        self.max_tries = max_tries


class Application:
    def __init__(self):
        self.files = {}   # fid -> (bytes, fid of the PIN that guards it or None)
        self.pins = {}    # fid -> Pin


def ber_length(n):
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    return bytes([0x82, n >> 8, n & 0xFF])


def tlv(tag, value):
    return tag + ber_length(len(value)) + value


def basic_facts_file(profile):
    """EF 00 02 of the card-info AP: FF 20 { DF 21 offsets, DF 22 name, DF 23 address,
    DF 24 birth YYYYMMDD, DF 25 sex }, the header holding the offsets of the four fields."""
    fields = [tlv(b"\xdf\x22", profile["name"].encode("utf-8")),
              tlv(b"\xdf\x23", profile["address"].encode("utf-8")),
              tlv(b"\xdf\x24", profile["birth"].encode("ascii")),
              tlv(b"\xdf\x25", str(profile["sex"]).encode("ascii"))]
    body_len = 2 + 1 + 8 + sum(len(f) for f in fields)
    start = 2 + len(ber_length(body_len)) + 2 + 1 + 8
    offsets = b""
    for f in fields:
        offsets += struct.pack(">H", start)
        start += len(f)
    body = tlv(b"\xdf\x21", offsets) + b"".join(fields)
    return tlv(b"\xff\x20", body)


def my_number_file(profile):
    # jpki/myna reads 17 bytes: FF 10 0C and the 12 digits, then padding.
    return b"\xff\x10\x0c" + profile["my_number"].encode("ascii") + b"\xff\xff"


class Card:
    def __init__(self, profile, base_dir):
        self.kind = profile.get("card", "mynumber")
        self.apps = {}
        self.current_app = None
        self.current_ef = None
        self.verified = set()
        if self.kind == "other":
            self.atr = ATR_OTHER
            return
        self.atr = ATR_MY_NUMBER
        pins = profile.get("pins", {})

        def pin(name, default, max_tries):
            p = pins.get(name, {})
            return Pin(p.get("value", default), p.get("tries", max_tries), max_tries)

        def read(name):
            path = profile.get(name)
            if not path:
                return None
            with open(os.path.join(base_dir, path), "rb") as f:
                return f.read()

        auth_cert = read("auth_cert") or b""
        auth_ca = read("auth_ca_cert") or auth_cert
        sign_cert = read("sign_cert") or auth_cert
        sign_ca = read("sign_ca_cert") or auth_ca
        token = profile.get("token", "JPKIAPICCTOKEN2" if self.kind == "mynumber" else "JPKIAPICCTOKEN")
        jpki = Application()
        jpki.files[0x0006] = (token.encode("ascii").ljust(32, b" "), None)
        jpki.files[0x000A] = (auth_cert, None)
        jpki.files[0x000B] = (auth_ca, None)
        jpki.files[0x0001] = (sign_cert, 0x001B)
        jpki.files[0x0002] = (sign_ca, None)
        jpki.pins[0x0018] = pin("user_auth", "1234", 3)
        jpki.pins[0x001B] = pin("signature", "ABC123", 5)
        self.apps[AID_JPKI] = jpki
        if self.kind == "mynumber":
            info = Application()
            info.pins[0x0011] = pin("card_info", "1234", 3)
            info.files[0x0001] = (my_number_file(profile), 0x0011)
            facts = basic_facts_file(profile)
            if profile.get("garble_card_info"):
                facts = facts[:9] + b"\xdf\x22\x7f"   # a name field that claims more than is there
            info.files[0x0002] = (facts, 0x0011)
            self.apps[AID_CARD_INFO] = info
            self.apps[AID_VISUAL] = Application()
            self.apps[AID_COMMON] = Application()
            if "residence" in pins:
                # The residence-registry AP's PIN EF 00 1C: seen in one public emulator, UNCONFIRMED.
                res = Application()
                res.pins[0x001C] = pin("residence", "1234", 3)
                self.apps[AID_RESIDENCE] = res

    def reset(self):
        self.current_app = None
        self.current_ef = None
        self.verified = set()

    def process(self, apdu):
        if len(apdu) < 4:
            return SW_WRONG_LENGTH
        cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
        if cla != 0x00:
            return SW_CLA_NOT_SUPPORTED
        if ins == 0xA4:
            return self.select(p1, apdu)
        if ins == 0xB0:
            return self.read_binary(p1, p2, apdu)
        if ins == 0x20:
            return self.verify(p1, p2, apdu)
        return SW_INS_NOT_SUPPORTED

    def select(self, p1, apdu):
        if len(apdu) < 5 or len(apdu) < 5 + apdu[4]:
            return SW_WRONG_LENGTH
        data = apdu[5:5 + apdu[4]]
        if p1 == 0x04:
            if data not in self.apps:
                return SW_FILE_NOT_FOUND
            self.current_app = data
            self.current_ef = None
            self.verified = set()
            return SW_OK
        if p1 == 0x02 and len(data) == 2:
            app = self.apps.get(self.current_app)
            fid = (data[0] << 8) | data[1]
            if app is None or (fid not in app.files and fid not in app.pins):
                return SW_FILE_NOT_FOUND
            self.current_ef = fid
            return SW_OK
        return SW_WRONG_P1P2

    def read_binary(self, p1, p2, apdu):
        app = self.apps.get(self.current_app)
        if app is None or self.current_ef not in app.files:
            return SW_NO_CURRENT_EF
        content, guard = app.files[self.current_ef]
        if guard is not None and guard not in self.verified:
            return SW_SECURITY_NOT_SATISFIED
        if p1 & 0x80:
            return SW_WRONG_P1P2          # short EF identifiers: not used with this card
        if len(apdu) == 5:
            le = apdu[4] or 256
        elif len(apdu) == 7 and apdu[4] == 0:
            le = ((apdu[5] << 8) | apdu[6]) or 65536
        else:
            return SW_WRONG_LENGTH
        offset = (p1 << 8) | p2
        if offset > len(content):
            return SW_WRONG_P1P2
        # Reading past the end gives the bytes that remain, with 90 00 (seen on the real card).
        return content[offset:offset + le] + SW_OK

    def verify(self, p1, p2, apdu):
        app = self.apps.get(self.current_app)
        if p1 != 0x00 or p2 != 0x80:
            return SW_WRONG_P1P2
        if app is None or self.current_ef not in app.pins:
            return SW_NO_CURRENT_EF
        fid = self.current_ef
        pin = app.pins[fid]
        if len(apdu) == 4:
            if fid in self.verified:
                return SW_OK
            return bytes([0x63, 0xC0 | pin.tries])
        if len(apdu) < 5 or len(apdu) != 5 + apdu[4]:
            return SW_WRONG_LENGTH
        if pin.tries == 0:
            return SW_BLOCKED
        if apdu[5:] == pin.value:
            pin.tries = pin.max_tries
            self.verified.add(fid)
            return SW_OK
        pin.tries -= 1
        self.verified.discard(fid)
        return bytes([0x63, 0xC0 | pin.tries])


class Faults:
    """What goes wrong, and when (counted in READ BINARY commands since the card came up)."""

    def __init__(self, mode, at, delay):
        self.mode = mode
        self.at = at
        self.delay = delay
        self.reads = 0

    def on_command(self, apdu):
        """Returns None to answer normally, or the action to take instead."""
        if self.mode == "slow":
            time.sleep(self.delay)
            return None
        if len(apdu) >= 2 and apdu[1] == 0xB0:
            self.reads += 1
            if self.reads == self.at:
                return self.mode
        return None


def log_line(log, direction, data):
    if log is None:
        return
    text = data.hex(" ").upper()
    if direction == ">" and len(data) > 5 and data[1] == 0x20:
        text = data[:5].hex(" ").upper() + " ****"   # a PIN never goes into a log, not even a test's
    log.write(f"{direction} {text}\n")
    log.flush()


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        # vpcd writes a frame's length and its payload separately; with Nagle on its side and a
        # delayed ACK on ours every APDU would wait some 40 ms for the payload. ACK at once.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("vpcd closed the connection")
        buf += chunk
    return buf


def send_frame(sock, payload, claimed_len=None):
    length = len(payload) if claimed_len is None else claimed_len
    sock.sendall(struct.pack(">H", length) + payload)


def connect(host, port, wait_seconds):
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return socket.create_connection((host, port), timeout=5)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def serve(card, sock, faults, log):
    sock.settimeout(None)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    while True:
        length = struct.unpack(">H", recv_exact(sock, 2))[0]
        payload = recv_exact(sock, length)
        if length == 1:
            ctrl = payload[0]
            if ctrl in (0, 1, 2):
                card.reset()
                faults.reads = 0
            elif ctrl == 4:
                send_frame(sock, card.atr)
            continue
        log_line(log, ">", payload)
        action = faults.on_command(payload)
        if action == "drop-mid-read":
            log_line(log, "<", b"")
            return          # the card leaves the field
        response = card.process(payload)
        if action == "garbled-length":
            # A frame that carries a single byte: a response shorter than its status word.
            response = response[:1]
        elif action == "unexpected-sw":
            response = SW_UNKNOWN
        elif action == "bad-der-length":
            response = b"\x30\x82\xff\xf0" + SW_OK
        log_line(log, "<", response)
        send_frame(sock, response)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", required=True, help="card contents (JSON)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=int(os.environ.get("MADOGUCHI_VPCD_PORT", 35963)))
    ap.add_argument("--fault", default="none",
                    choices=["none", "drop-mid-read", "garbled-length", "unexpected-sw",
                             "bad-der-length", "slow"])
    ap.add_argument("--fault-at", type=int, default=2,
                    help="the READ BINARY (counted from power-on) at which the fault strikes")
    ap.add_argument("--delay", type=float, default=30.0, help="seconds before each answer (slow)")
    ap.add_argument("--log", help="append every APDU and answer to this file (PINs masked)")
    ap.add_argument("--connect-wait", type=float, default=10.0)
    args = ap.parse_args()

    with open(args.profile, encoding="utf-8") as f:
        profile = json.load(f)
    card = Card(profile, os.path.dirname(os.path.abspath(args.profile)))
    log = open(args.log, "a", encoding="ascii") if args.log else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    sock = connect(args.host, args.port, args.connect_wait)
    try:
        serve(card, sock, Faults(args.fault, args.fault_at, args.delay), log)
    except ConnectionError:
        pass
    finally:
        sock.close()


if __name__ == "__main__":
    main()
