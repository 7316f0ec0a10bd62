#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/deepset_pi.jsonl from sinanw/llm-security-prompt-injection (MIT),
which redistributes the deepset/prompt-injections dataset (Apache-2.0) as two parquet files
under data/raw/.  Parquet is read with a minimal stdlib reader (thrift-compact footer, snappy /
gzip / uncompressed pages, PLAIN and dictionary encodings) written for these two files.

label 1 -> injection (bare direct injections in English and German, capped at 300, stratified
by language); label 0 -> clean (benign user questions, kept as hard negatives, kind "chat").
Language is detected with a small stop-word heuristic (de vs en).
Usage: deepset_pi.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import gzip
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import zlib

REPO = "sinanw/llm-security-prompt-injection"
GROUP = "deepset_pi"
LICENSE = "MIT"
DEFAULT_GIT = "/work/.mirror/sinanw+llm-security-prompt-injection/repo"
DEFAULT_OUT = "/work/corpus/raw/deepset_pi.jsonl"
INJ_CAP = 300


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


# ---------------- thrift compact protocol ----------------
class TC:
    def __init__(self, buf, pos=0):
        self.b, self.p = buf, pos

    def byte(self):
        v = self.b[self.p]
        self.p += 1
        return v

    def varint(self):
        shift = res = 0
        while True:
            x = self.byte()
            res |= (x & 0x7F) << shift
            if not x & 0x80:
                return res
            shift += 7

    def zz(self):
        n = self.varint()
        return (n >> 1) ^ -(n & 1)

    def val(self, t):
        if t in (1, 2):
            return t == 1
        if t == 3:
            return struct.unpack("b", bytes([self.byte()]))[0]
        if t in (4, 5, 6):
            return self.zz()
        if t == 7:
            v = struct.unpack("<d", self.b[self.p:self.p + 8])[0]
            self.p += 8
            return v
        if t == 8:
            n = self.varint()
            v = self.b[self.p:self.p + n]
            self.p += n
            return v
        if t in (9, 10):
            h = self.byte()
            n, et = h >> 4, h & 0x0F
            if n == 15:
                n = self.varint()
            return [self.val(et) if et not in (1, 2) else bool(self.byte()) for _ in range(n)]
        if t == 11:
            n = self.varint()
            if n == 0:
                return {}
            kv = self.byte()
            return {self.val(kv >> 4): self.val(kv & 0x0F) for _ in range(n)}
        if t == 12:
            return self.struct()
        raise ValueError(f"thrift type {t}")

    def struct(self):
        out, last = {}, 0
        while True:
            h = self.byte()
            if h == 0:
                return out
            delta, t = h >> 4, h & 0x0F
            fid = last + delta if delta else self.zz()
            last = fid
            out[fid] = self.val(t)


# ---------------- snappy ----------------
def snappy_decompress(buf):
    p = 0
    shift = n = 0
    while True:
        x = buf[p]
        p += 1
        n |= (x & 0x7F) << shift
        if not x & 0x80:
            break
        shift += 7
    out = bytearray()
    while p < len(buf):
        tag = buf[p]
        p += 1
        t = tag & 3
        if t == 0:
            ln = tag >> 2
            if ln >= 60:
                nb = ln - 59
                ln = int.from_bytes(buf[p:p + nb], "little")
                p += nb
            ln += 1
            out += buf[p:p + ln]
            p += ln
            continue
        if t == 1:
            ln = ((tag >> 2) & 7) + 4
            off = ((tag >> 5) << 8) | buf[p]
            p += 1
        elif t == 2:
            ln = (tag >> 2) + 1
            off = int.from_bytes(buf[p:p + 2], "little")
            p += 2
        else:
            ln = (tag >> 2) + 1
            off = int.from_bytes(buf[p:p + 4], "little")
            p += 4
        start = len(out) - off
        for i in range(ln):
            out.append(out[start + i])
    assert len(out) == n
    return bytes(out)


def decompress(codec, data):
    if codec == 0:
        return data
    if codec == 1:
        return snappy_decompress(data)
    if codec == 2:
        return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else zlib.decompress(data)
    raise ValueError(f"unsupported codec {codec}")


def rle_hybrid(buf, p, end, bw, count):
    out = []
    while len(out) < count and p < end:
        h, shift = 0, 0
        while True:
            x = buf[p]
            p += 1
            h |= (x & 0x7F) << shift
            if not x & 0x80:
                break
            shift += 7
        if h & 1:  # bit-packed
            groups = h >> 1
            nbytes = groups * bw
            bits = int.from_bytes(buf[p:p + nbytes], "little")
            p += nbytes
            for i in range(groups * 8):
                out.append((bits >> (i * bw)) & ((1 << bw) - 1) if bw else 0)
        else:
            run = h >> 1
            w = (bw + 7) // 8
            v = int.from_bytes(buf[p:p + w], "little")
            p += w
            out += [v] * run
    return out[:count]


def plain(ptype, data, n):
    vals, p = [], 0
    for _ in range(n):
        if ptype == 6:  # BYTE_ARRAY
            ln = struct.unpack("<i", data[p:p + 4])[0]
            vals.append(data[p + 4:p + 4 + ln])
            p += 4 + ln
        elif ptype == 2:  # INT64
            vals.append(struct.unpack("<q", data[p:p + 8])[0])
            p += 8
        elif ptype == 1:
            vals.append(struct.unpack("<i", data[p:p + 4])[0])
            p += 4
        else:
            raise ValueError(f"type {ptype}")
    return vals


def read_parquet(buf):
    assert buf[:4] == b"PAR1" and buf[-4:] == b"PAR1"
    mlen = struct.unpack("<i", buf[-8:-4])[0]
    meta = TC(buf, len(buf) - 8 - mlen).struct()
    schema = meta[2]
    optional = {}
    for el in schema[1:]:
        optional[el[4].decode()] = el.get(3, 0) == 1  # repetition_type OPTIONAL
    cols = {}
    for rg in meta[4]:
        for cc in rg[1]:
            md = cc[3]
            ptype, name, codec, nvals = md[1], md[3][0].decode(), md[4], md[5]
            start = md.get(11) or md[9]
            p = start
            dictionary = None
            got = []
            while len(got) < nvals:
                tc = TC(buf, p)
                ph = tc.struct()
                p = tc.p
                csize = ph[3]
                raw = buf[p:p + csize]
                p += csize
                if ph[1] == 2:  # dictionary page
                    dictionary = plain(ptype, decompress(codec, raw), ph[7][1])
                    continue
                if ph[1] == 0:
                    dh = ph[5]
                    n, enc = dh[1], dh[2]
                    data = decompress(codec, raw)
                    q = 0
                    if optional.get(name):
                        ln = struct.unpack("<i", data[q:q + 4])[0]
                        defs = rle_hybrid(data, q + 4, q + 4 + ln, 1, n)
                        q += 4 + ln
                    else:
                        defs = [1] * n
                elif ph[1] == 3:
                    dh = ph[8]
                    n, enc = dh[1], dh[4]
                    dl, rl = dh[5], dh[6]
                    lv = raw[:rl + dl]
                    body = raw[rl + dl:]
                    if dh.get(7, True):
                        body = decompress(codec, body)
                    defs = rle_hybrid(lv, rl, rl + dl, 1, n) if dl else [1] * n
                    data, q = body, 0
                else:
                    continue
                nn = sum(defs)
                if enc in (2, 8):
                    bw = data[q]
                    idx = rle_hybrid(data, q + 1, len(data), bw, nn)
                    vals = [dictionary[i] for i in idx]
                else:
                    vals = plain(ptype, data[q:], nn)
                it = iter(vals)
                got += [next(it) if d else None for d in defs]
            cols.setdefault(name, []).extend(got)
    n = len(next(iter(cols.values())))
    return [{k: v[i] for k, v in cols.items()} for i in range(n)]


DE = re.compile(r"\b(und|der|die|das|nicht|ist|ich|du|sie|mit|für|auf|ein|eine|wie|was|vergiss|alle|bitte|mir|den|dem|zu|von|es|sind)\b", re.I)
EN = re.compile(r"\b(the|and|is|are|you|what|how|of|to|in|for|with|please|all|my|your|this|that)\b", re.I)


def lang_of(t):
    de, en = len(DE.findall(t)), len(EN.findall(t))
    return "de" if de > en else "en"


def attack_of(t):
    l = t.lower()
    if re.search(r"prompt|anweisungen (aus|ausgeben|zeigen)|instructions above|system", l) and \
            re.search(r"show|print|reveal|zeig|ausgeben|spell|output|what (is|was|are)", l):
        return "prompt_leak"
    if re.search(r"ignor|vergiss|forget|disregard|vergessen|ignorier|neue aufgabe|new task|now you are|jetzt bist du|du bist jetzt", l):
        return "instruction_override"
    return "goal_hijack"


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]
    files = [p for p in git(gitdir, "ls-tree", "-r", "--name-only", commit, "data/raw").decode().split("\n")
             if p.endswith(".parquet")]
    rows = []
    for path in sorted(files):
        for r in read_parquet(git(gitdir, "show", f"{commit}:{path}")):
            rows.append((path, r["text"].decode("utf-8"), int(r["label"])))
    seen, inj, clean = set(), {"de": [], "en": []}, []
    for path, text, label in rows:
        t = text.strip()
        if not t or t in seen:
            continue
        seen.add(t)
        lang = lang_of(t)
        (inj[lang] if label == 1 else clean).append((path, t, lang))
    for k in inj:
        inj[k].sort(key=lambda x: hashlib.sha1(x[1].encode()).hexdigest())
    picked = []
    while len(picked) < INJ_CAP and (inj["de"] or inj["en"]):
        for k in ("de", "en"):
            if inj[k] and len(picked) < INJ_CAP:
                picked.append(inj[k].pop(0))
    records = []
    for path, t, lang in picked:
        records.append({"group": GROUP, "source": f"{REPO}@{c12}:{path}", "license": LICENSE,
                        "label": "injection", "attack": attack_of(t), "kind": "chat", "lang": lang,
                        "synthetic": False, "text": t,
                        "note": "bare direct injection from deepset/prompt-injections (not a tool output)"})
    for path, t, lang in clean:
        records.append({"group": GROUP, "source": f"{REPO}@{c12}:{path}", "license": LICENSE,
                        "label": "clean", "attack": None, "kind": "chat", "lang": lang,
                        "synthetic": False, "text": t})
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(records):
            f.write(json.dumps({"id": f"{GROUP}/{i}", **r}, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
