#!/usr/bin/env python3
"""Benign (clean) hard-negative texts for the mcpguard detection corpus.

Regenerates every group listed in GROUPS from git snapshots fetched under
/work/.mirror/<owner>+<name>/repo (read with `git cat-file`, no work tree).
Stdlib only, deterministic: each repository is read at the pinned commit in
PINS (falls back to HEAD with a warning if the pinned commit is missing).

Usage:
  python3 benign_texts.py [--mirror /work/.mirror] [--out /work/corpus/raw]
                          [--only group1,group2] [--list]

Every record: label "clean", attack null, synthetic false, kind + lang set.
Long files are split at heading / paragraph boundaries into 200-6000 char
chunks. Exact duplicate texts are dropped within a group. Chunks that talk
about prompt injection / jailbreaks / LLM attacks are dropped (they would be
attack text or near it), and whole pages about those topics are excluded.
"""
import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys

csv.field_size_limit(10**9)

MIN_LEN = 200
MAX_LEN = 6000
SOFT_LEN = 3500

# commit (12 hex prefix is enough for git) each repository was read at
PINS = {
    "modelcontextprotocol/modelcontextprotocol": "b0f60ba5409d",
    "rust-lang/rfcs": "354518a8c902",
    "swiftlang/swift-evolution": "0105e139a229",
    "kubernetes/enhancements": "64765b4b0238",
    "whatwg/fetch": "586cd2a44c2a",
    "OWASP/CheatSheetSeries": "6b8819da79e0",
    "swisskyrepo/PayloadsAllTheThings": "f9fa51417886",
    "rustsec/advisory-db": "bf5c0d245a92",
    "golang/vulndb": "a752ea54fd1b",
    "nodejs/security-wg": "f1288d0d6723",
    "pypa/advisory-database": "3ccb612573e2",
    "PatrickJS/awesome-cursorrules": "b044f956f021",
    "github/awesome-copilot": "ab7544d03d4c",
    "sanjeed5/awesome-cursor-rules-mdc": "8fbf26908531",
    "steipete/agent-rules": "d0070fac6c4b",
    "openai/openai-agents-python": "7f7a44f8dc06",
    "pydantic/pydantic-ai": "4fda38988f29",
    "modelcontextprotocol/python-sdk": "57394b0548d1",
    "modelcontextprotocol/typescript-sdk": "3924de99df83",
    "google-gemini/gemini-cli": "5411f113cafa",
    "fastapi/fastapi": "c3f316b7e814",
    "tldr-pages/tldr": "08e345f42639",
    "mikel/mail": "d645d7b5b7d0",
    "zbateson/mail-mime-parser": "3db681988a48",
    "jkkummerfeld/irc-disentanglement": "82ed04f9627a",
    "av9ash/gitbugs": "eadf2d679499",
    "tstack/lnav": "bb0005f96c8d",
    "GoogleCloudPlatform/fluent-plugin-detect-exceptions": "09e07e7fe431",
    "curl/curl": "5c61e168698a",
    "psf/requests": "1f6589ec3a1e",
    "pallets/flask": "2ac89889f4cc",
    "expressjs/express": "a3714473feb3",
    "axios/axios": "23a25af0688d",
    "tokio-rs/tokio": "ea91b33ca57f",
    "vuejs/core": "e2bede96134f",
}

# licence as read from each snapshot's LICENSE file (or README licence section)
LICENSES = {
    "modelcontextprotocol/modelcontextprotocol": "Apache-2.0 (spec/code), CC-BY-4.0 (docs), MIT (legacy contributions)",
    "rust-lang/rfcs": "MIT OR Apache-2.0",
    "swiftlang/swift-evolution": "Apache-2.0",
    "kubernetes/enhancements": "Apache-2.0",
    "whatwg/fetch": "CC-BY-4.0",
    "OWASP/CheatSheetSeries": "CC-BY-SA-4.0",
    "swisskyrepo/PayloadsAllTheThings": "MIT",
    "rustsec/advisory-db": "CC0-1.0 (GHSA-imported entries CC-BY-4.0)",
    "golang/vulndb": "CC-BY-4.0 (database entries; code BSD-3-Clause)",
    "nodejs/security-wg": "MIT",
    "pypa/advisory-database": "CC-BY-4.0",
    "PatrickJS/awesome-cursorrules": "CC0-1.0",
    "github/awesome-copilot": "MIT",
    "sanjeed5/awesome-cursor-rules-mdc": "CC0-1.0",
    "steipete/agent-rules": "MIT",
    "openai/openai-agents-python": "MIT",
    "pydantic/pydantic-ai": "MIT",
    "modelcontextprotocol/python-sdk": "MIT",
    "modelcontextprotocol/typescript-sdk": "Apache-2.0 / MIT (licensing transition; docs CC-BY-4.0)",
    "google-gemini/gemini-cli": "Apache-2.0",
    "fastapi/fastapi": "MIT",
    "tldr-pages/tldr": "CC-BY-4.0",
    "mikel/mail": "MIT",
    "zbateson/mail-mime-parser": "BSD-2-Clause",
    "jkkummerfeld/irc-disentanglement": "CC-BY-4.0 (data/)",
    "av9ash/gitbugs": "CC-BY-4.0 (stated in README)",
    "tstack/lnav": "BSD-2-Clause",
    "GoogleCloudPlatform/fluent-plugin-detect-exceptions": "Apache-2.0",
    "curl/curl": "curl (MIT/X derivative)",
    "psf/requests": "Apache-2.0",
    "pallets/flask": "BSD-3-Clause",
    "expressjs/express": "MIT",
    "axios/axios": "MIT",
    "tokio-rs/tokio": "MIT",
    "vuejs/core": "MIT",
}

# Chunks matching this are dropped everywhere: we only want text that is NOT
# about attacking language models (no payload examples, no discussion).
ATTACK_TOPIC = re.compile(
    r"prompt[\s_-]*injection|jailbreak|ignore\s+(all\s+|any\s+)?(the\s+|your\s+)?"
    r"(previous|prior|above|earlier)\s+(instructions|prompts|messages)|"
    r"disregard\s+(all\s+|any\s+)?(previous|prior|earlier)|tool[\s_-]*poisoning|"
    r"system\s+prompt\s+(leak|extraction)|indirect\s+injection|"
    r"adversarial\s+prompt|promptinject",
    re.I,
)
# whole files/pages excluded by path
ATTACK_PATH = re.compile(
    r"prompt[ _-]?injection|(^|/)llm|_llm|ai[_ ]agent|secure_ai|with_ai|"
    r"mcp_security|rag_security|jailbreak|(^|/)ai[_ -]", re.I)
# pentest / security cheat-sheet groups additionally drop any chunk about AI/LLMs
AI_TOPIC = re.compile(r"\bLLMs?\b|language model|\bAI[ -]agents?\b|\bGPT\b|chatbot", re.I)


# ---------------------------------------------------------------- git access
class Repo:
    def __init__(self, mirror, slug):
        self.slug = slug
        self.path = os.path.join(mirror, slug.replace("/", "+"), "repo")
        if not os.path.isdir(self.path):
            raise FileNotFoundError(self.path)
        pin = PINS.get(slug)
        commit = None
        if pin:
            r = subprocess.run(["git", "-C", self.path, "rev-parse", "--verify", "-q",
                                pin + "^{commit}"], capture_output=True, text=True)
            if r.returncode == 0:
                commit = r.stdout.strip()
            else:
                print(f"WARN {slug}: pinned {pin} missing, using HEAD", file=sys.stderr)
        if commit is None:
            commit = subprocess.run(["git", "-C", self.path, "rev-parse", "HEAD"],
                                    capture_output=True, text=True, check=True).stdout.strip()
        self.commit = commit
        self.c12 = commit[:12]
        self.license = LICENSES[slug]
        out = subprocess.run(["git", "-C", self.path, "ls-tree", "-r", "-l", commit],
                             capture_output=True, check=True).stdout.decode("utf-8", "replace")
        self.files = {}
        for line in out.splitlines():
            meta, name = line.split("\t", 1)
            mode, typ, sha, size = meta.split()
            if typ == "blob" and size.isdigit():
                self.files[name] = (sha, int(size))
        self._cat = None

    def ls(self, pattern=None, exts=None, max_size=4_000_000):
        rx = re.compile(pattern) if pattern else None
        res = []
        for name, (sha, size) in sorted(self.files.items()):
            if size > max_size or size == 0:
                continue
            if rx and not rx.search(name):
                continue
            if exts and not name.lower().endswith(tuple(exts)):
                continue
            res.append(name)
        return res

    def read_bytes(self, name):
        if self._cat is None:
            self._cat = subprocess.Popen(["git", "-C", self.path, "cat-file", "--batch"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        sha = self.files[name][0]
        self._cat.stdin.write((sha + "\n").encode())
        self._cat.stdin.flush()
        header = self._cat.stdout.readline().split()
        size = int(header[2])
        data = self._cat.stdout.read(size)
        self._cat.stdout.read(1)
        return data

    def read(self, name, fallback_latin1=False):
        b = self.read_bytes(name)
        if b"\x00" in b[:8000]:
            return None
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError:
            if fallback_latin1:
                return b.decode("latin-1")
            return None

    def src(self, name):
        return f"{self.slug}@{self.c12}:{name}"

    def git_log(self, n):
        fmt = "%H%x1f%an%x1f%ad%x1f%B%x1e"
        out = subprocess.run(["git", "-C", self.path, "log", "--no-merges", "-n", str(n),
                              "--date=rfc", f"--format={fmt}", self.commit],
                             capture_output=True, check=True).stdout.decode("utf-8", "replace")
        res = []
        for rec in out.split("\x1e"):
            rec = rec.strip("\n")
            if not rec:
                continue
            parts = rec.split("\x1f")
            if len(parts) == 4:
                res.append(parts)
        return res


# ---------------------------------------------------------------- chunking
HEADING = re.compile(r"^(#{1,4} |<h[1-4][ >]|={3,}$|-{3,}$)")


def split_blocks(text):
    """Split into paragraph blocks, never inside ``` fences."""
    blocks, cur, fence = [], [], False
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("```") or s.startswith("~~~"):
            fence = not fence
        if not fence and s == "":
            if cur:
                blocks.append("\n".join(cur))
                cur = []
            continue
        cur.append(line)
    if cur:
        blocks.append("\n".join(cur))
    return blocks


def hard_split(block, limit=MAX_LEN):
    out, cur, n = [], [], 0
    for line in block.split("\n"):
        while len(line) > limit:
            if cur:
                out.append("\n".join(cur)); cur, n = [], 0
            out.append(line[:limit]); line = line[limit:]
        if n + len(line) + 1 > limit and cur:
            out.append("\n".join(cur)); cur, n = [], 0
        cur.append(line); n += len(line) + 1
    if cur:
        out.append("\n".join(cur))
    return out


def chunk_text(text, soft=SOFT_LEN, hard=MAX_LEN, min_len=MIN_LEN):
    text = text.replace("\r\n", "\n").strip("\n")
    if not text.strip():
        return []
    if len(text) <= hard:
        return [text] if len(text.strip()) >= min_len else []
    blocks = []
    for b in split_blocks(text):
        blocks.extend(hard_split(b, hard) if len(b) > hard else [b])
    chunks, cur = [], []
    size = 0
    for b in blocks:
        is_head = bool(HEADING.match(b.lstrip()))
        if cur and (size + len(b) + 2 > hard or (is_head and size >= min_len * 2)
                    or size >= soft):
            chunks.append("\n\n".join(cur)); cur, size = [], 0
        cur.append(b); size += len(b) + 2
    if cur:
        tail = "\n\n".join(cur)
        if len(tail) < min_len and chunks and len(chunks[-1]) + len(tail) + 2 <= hard:
            chunks[-1] = chunks[-1] + "\n\n" + tail
        else:
            chunks.append(tail)
    return [c for c in chunks if len(c.strip()) >= min_len]


def line_windows(text, lines_per=40, hard=4000):
    lines = text.replace("\r\n", "\n").split("\n")
    out = []
    for i in range(0, len(lines), lines_per):
        w = "\n".join(lines[i:i + lines_per]).strip("\n")
        if len(w) > hard:
            w = w[:hard].rsplit("\n", 1)[0]
        if len(w.strip()) >= MIN_LEN:
            out.append(w)
    return out


# ---------------------------------------------------------------- helpers
def hkey(*parts):
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "replace")).hexdigest()


def sample(items, cap, salt=""):
    """Deterministic spread-out sample: order by hash, keep cap, restore order."""
    if cap is None or len(items) <= cap:
        return items
    idx = sorted(range(len(items)), key=lambda i: hkey(salt, str(i), items[i]["text"][:200]))[:cap]
    return [items[i] for i in sorted(idx)]


def guess_lang(text, default="en"):
    t = text[:4000]
    counts = {
        "ko": len(re.findall(r"[\uac00-\ud7af]", t)),
        "ja": len(re.findall(r"[\u3040-\u30ff]", t)),
        "zh": len(re.findall(r"[\u4e00-\u9fff]", t)),
        "ru": len(re.findall(r"[\u0400-\u04ff]", t)),
    }
    if counts["ko"] > 30:
        return "ko"
    if counts["ja"] > 30:
        return "ja"
    if counts["zh"] > 30:
        return "zh"
    if counts["ru"] > 60:
        return "ru"
    words = re.findall(r"[a-zà-ÿß]+", t.lower())
    if len(words) >= 40:
        score = {lg: sum(1 for w in words if w in sw) for lg, sw in STOPWORDS.items()}
        best = max(sorted(score), key=lambda k: score[k])
        if best != "en" and score[best] > 1.5 * max(score["en"], 1) and score[best] >= 8:
            return best
    return default


STOPWORDS = {
    "en": set("the and of to is in that for with this are be on not you it".split()),
    "de": set("der die und das ist nicht ein eine zu mit sich auf für den dem des wir ihr sie".split()),
    "fr": set("le la les et des est une un pour dans que qui pas vous sur avec au du".split()),
    "es": set("el la los las y es una un para que en por con del se su como más".split()),
    "pt": set("o os as e é um uma para que em com não do da dos das se você".split()),
    "it": set("il lo gli le e è un una per che di con non del della sono come".split()),
    "nl": set("de het een en is van dat niet op te voor met zijn je".split()),
}


def rec(repo, path, text, kind, lang):
    return {"source": repo.src(path), "license": repo.license, "kind": kind,
            "lang": lang, "text": text}


def doc_chunks(repo, paths, kind="doc", lang="en", lang_fn=None, chunker=chunk_text,
               path_filter=True):
    out = []
    for p in paths:
        if path_filter and ATTACK_PATH.search(p):
            continue
        t = repo.read(p)
        if not t:
            continue
        for c in chunker(t):
            lg = lang_fn(p, c) if lang_fn else lang
            out.append(rec(repo, p, c, kind, lg))
    return out


# ---------------------------------------------------------------- groups
def g_mcp_spec(m):
    r = Repo(m, "modelcontextprotocol/modelcontextprotocol")
    old = re.compile(r"/(2024-11-05|2025-03-26|2025-06-18|2026-07-28)/")
    ps = [p for p in r.ls(r"^(docs|seps|blog/content)/.*\.(md|mdx)$")
          if not old.search(p) and "/docs/docs/2025-11-25/" not in p]
    return sample(doc_chunks(r, ps), 450, "mcp")


def g_rust_rfcs(m):
    r = Repo(m, "rust-lang/rfcs")
    return sample(doc_chunks(r, r.ls(r"^text/.*\.md$")), 350, "rfcs")


def g_swift_evolution(m):
    r = Repo(m, "swiftlang/swift-evolution")
    return sample(doc_chunks(r, r.ls(r"^proposals/.*\.md$")), 350, "swift")


def g_keps(m):
    r = Repo(m, "kubernetes/enhancements")
    return sample(doc_chunks(r, r.ls(r"^keps/.*README\.md$")), 350, "kep")


def g_whatwg_fetch(m):
    r = Repo(m, "whatwg/fetch")
    return sample(doc_chunks(r, ["fetch.bs"], kind="web"), 150, "fetch")


def g_owasp(m):
    r = Repo(m, "OWASP/CheatSheetSeries")
    items = [it for it in doc_chunks(r, r.ls(r"^cheatsheets/.*\.md$")) if not AI_TOPIC.search(it["text"])]
    return sample(items, 400, "owasp")


def g_patt(m):
    r = Repo(m, "swisskyrepo/PayloadsAllTheThings")
    ps = [p for p in r.ls(r"\.md$") if not p.startswith(("Prompt Injection", ".github"))]
    items = [it for it in doc_chunks(r, ps) if not AI_TOPIC.search(it["text"])]
    return sample(items, 350, "patt")


def g_rustsec(m):
    r = Repo(m, "rustsec/advisory-db")
    ps = r.ls(r"^crates/.*\.md$")
    return sample(doc_chunks(r, ps, kind="advisory"), 300, "rustsec")


def g_go_vulndb(m):
    r = Repo(m, "golang/vulndb")
    a = doc_chunks(r, r.ls(r"^data/reports/.*\.yaml$"), kind="advisory")
    b = doc_chunks(r, r.ls(r"^data/osv/.*\.json$"), kind="json")
    return sample(a, 250, "govr") + sample(b, 120, "govo")


def g_node_sec(m):
    r = Repo(m, "nodejs/security-wg")
    ps = [p for p in r.ls(r"^vuln/.*\.json$") if not p.endswith("index.json")]
    return sample(doc_chunks(r, ps, kind="json"), 250, "node")


def g_pypa(m):
    r = Repo(m, "pypa/advisory-database")
    return sample(doc_chunks(r, r.ls(r"^vulns/.*\.yaml$"), kind="advisory"), 250, "pypa")


AGENT_FILE = re.compile(r"(^|/)(AGENTS|CLAUDE|GEMINI|CRUSH)\.md$|(^|/)\.cursorrules$|"
                        r"copilot-instructions\.md$|\.instructions\.md$|\.agent\.md$|"
                        r"\.chatmode\.md$|(^|/)\.claude/agents/.*\.md$|\.mdc$")


def g_agent_files(m):
    out = []
    specs = [
        # (repo, regex, cap)
        ("PatrickJS/awesome-cursorrules", r"^rules/.*(\.cursorrules|\.mdc)$", 70),
        ("github/awesome-copilot", r"^(instructions/.*\.instructions\.md|agents/.*\.agent\.md|AGENTS\.md|\.github/copilot-instructions\.md)$", 70),
        ("sanjeed5/awesome-cursor-rules-mdc", r"^rules-mdc/.*\.mdc$", 50),
        ("steipete/agent-rules", r"^(project-rules|global-rules|docs)/.*\.(mdc|md)$", 30),
        ("openai/openai-agents-python", r"(^|/)(AGENTS|CLAUDE)\.md$", None),
        ("pydantic/pydantic-ai", r"(^|/)(AGENTS|CLAUDE)\.md$", None),
        ("modelcontextprotocol/python-sdk", r"(^|/)(AGENTS|CLAUDE)\.md$", None),
        ("modelcontextprotocol/typescript-sdk", r"(^|/)(AGENTS|CLAUDE)\.md$", None),
        ("google-gemini/gemini-cli", r"(^|/)GEMINI\.md$", None),
        ("OWASP/CheatSheetSeries", r"^(AGENTS\.md|\.claude/agents/.*\.md)$", None),
        ("modelcontextprotocol/modelcontextprotocol", AGENT_FILE.pattern, None),
        ("fastapi/fastapi", AGENT_FILE.pattern, None),
        ("tokio-rs/tokio", AGENT_FILE.pattern, None),
        ("vuejs/core", AGENT_FILE.pattern, None),
        ("curl/curl", AGENT_FILE.pattern, None),
        ("axios/axios", AGENT_FILE.pattern, None),
        ("pallets/flask", AGENT_FILE.pattern, None),
        ("psf/requests", AGENT_FILE.pattern, None),
        ("expressjs/express", AGENT_FILE.pattern, None),
    ]
    for slug, rx, cap in specs:
        try:
            r = Repo(m, slug)
        except FileNotFoundError:
            print(f"WARN missing snapshot {slug}", file=sys.stderr)
            continue
        ps = [p for p in r.ls(rx) if "/node_modules/" not in p and "/templates/" not in p]
        items = doc_chunks(r, ps, kind="doc", lang_fn=lambda p, c: guess_lang(c),
                           path_filter=False)
        out.extend(sample(items, cap, slug))
    return out


FASTAPI_LANGS = {"de": "de", "es": "es", "fr": "fr", "ja": "ja", "ko": "ko", "pt": "pt",
                 "ru": "ru", "zh": "zh", "zh-hant": "zh", "tr": "tr", "uk": "uk", "hi": "hi"}


def g_fastapi_i18n(m):
    r = Repo(m, "fastapi/fastapi")
    out = []
    for d, lg in sorted(FASTAPI_LANGS.items()):
        ps = r.ls(rf"^docs/{re.escape(d)}/docs/.*\.md$")
        items = doc_chunks(r, ps, lang=lg)
        out.extend(sample(items, 90 if d != "zh-hant" else 40, d))
    return out


TLDR_LANGS = {"pages.ko": "ko", "pages.es": "es", "pages.zh": "zh", "pages.fr": "fr",
              "pages.de": "de", "pages.ru": "ru", "pages.ja": "ja", "pages.pt_BR": "pt",
              "pages.it": "it", "pages.nl": "nl", "pages.pl": "pl", "pages.zh_TW": "zh",
              "pages": "en"}


def g_tldr(m):
    r = Repo(m, "tldr-pages/tldr")
    out = []
    for d, lg in sorted(TLDR_LANGS.items()):
        ps = r.ls(rf"^{re.escape(d)}/.*\.md$")
        items = doc_chunks(r, ps, lang=lg)
        cap = 60 if lg in ("ko", "es", "zh", "fr", "de", "ru", "ja", "pt") else 30
        if d == "pages.zh_TW":
            cap = 20
        out.extend(sample(items, cap, d))
    return out


def g_agents_sdk_docs(m):
    r = Repo(m, "openai/openai-agents-python")
    out = []
    for d, lg in (("ja", "ja"), ("ko", "ko"), ("zh", "zh")):
        out.extend(sample(doc_chunks(r, r.ls(rf"^docs/{d}/.*\.md$"), lang=lg), 90, d))
    en = [p for p in r.ls(r"^docs/.*\.md$") if not re.match(r"^docs/(ja|ko|zh)/", p)]
    en += r.ls(r"^(README|CONTRIBUTING|SECURITY|CODE_OF_CONDUCT)\.md$")
    out.extend(sample(doc_chunks(r, en), 120, "en"))
    return out


# --- generic "project repository" group: docs, changelog, code TODOs, commits
TODO = re.compile(r"(#|//|/\*|\*|--)\s*(TODO|FIXME|XXX|HACK)\b")
CODE_EXT = (".py", ".js", ".ts", ".mjs", ".rs", ".c", ".h", ".go", ".rb")


DOC_COMMENT = re.compile(r"^\s*(/\*\*|///|\"\"\"|#\s+\S.{30,})")


def code_doc_windows(repo, paths):
    return code_todo_windows(repo, paths, before=2, after=38, rx=DOC_COMMENT, limit_per_file=1)


def code_todo_windows(repo, paths, before=15, after=25, rx=TODO, limit_per_file=None):
    out = []
    for p in paths:
        t = repo.read(p)
        if not t:
            continue
        lines = t.split("\n")
        hits = [i for i, l in enumerate(lines) if rx.search(l)]
        spans = []
        for i in hits:
            a, b = max(0, i - before), min(len(lines), i + after)
            if spans and a <= spans[-1][1]:
                spans[-1][1] = b
            else:
                spans.append([a, b])
        for a, b in spans[:limit_per_file]:
            w = "\n".join(lines[a:b]).strip("\n")
            if len(w) > MAX_LEN:
                w = w[:MAX_LEN].rsplit("\n", 1)[0]
            if len(w) >= MIN_LEN:
                out.append(rec(repo, p, w, "code", "en"))
    return out


def commit_records(repo, n=4000):
    out = []
    for sha, an, ad, body in repo.git_log(n):
        body = body.strip()
        if len(body) < 250 or "\n" not in body:
            continue
        indented = "\n".join(("    " + l) if l else "" for l in body.split("\n"))
        text = f"commit {sha}\nAuthor: {an}\nDate:   {ad}\n\n{indented}"
        if len(text) > MAX_LEN:
            text = text[:MAX_LEN].rsplit("\n", 1)[0]
        out.append({"source": f"{repo.slug}@{sha[:12]}:(commit message)",
                    "license": repo.license, "kind": "log", "lang": "en", "text": text})
    return out


def project_group(slug, doc_rx, changelog_rx, code_rx, caps=(80, 25, 40, 30)):
    def f(m):
        r = Repo(m, slug)
        docs = [p for p in r.ls(doc_rx) if not AGENT_FILE.search(p)
                and not re.search(r"CHANGE|HISTORY|RELEASE", p, re.I)]
        out = sample(doc_chunks(r, docs, kind="readme" if False else "doc",
                                lang_fn=lambda p, c: guess_lang(c)), caps[0], "docs")
        for it in out:
            if re.search(r"(^|/)readme", it["source"].split(":", 1)[1], re.I):
                it["kind"] = "readme"
        out += sample(doc_chunks(r, r.ls(changelog_rx)), caps[1], "chg")
        code = [p for p in r.ls(code_rx, exts=CODE_EXT, max_size=300_000)
                if not re.search(r"(^|/)(vendor|third_party|node_modules|dist)/|\.min\.js$", p)]
        todo = sample(code_todo_windows(r, code), caps[2], "code")
        if len(todo) < caps[2]:
            todo += sample(code_doc_windows(r, code), caps[2] - len(todo), "doccode")
        out += todo
        out += sample(commit_records(r), caps[3], "commits")
        return out
    return f


DOCS_STD = r"(^|/)(README|CONTRIBUTING|SECURITY|CODE_OF_CONDUCT|GOVERNANCE|SUPPORT|MIGRATION_GUIDE|COLLABORATOR_GUIDE)[^/]*\.(md|rst)$"


def g_mail_mikel(m):
    r = Repo(m, "mikel/mail")
    out = []
    for p in r.ls(r"^spec/fixtures/emails/"):
        t = r.read(p, fallback_latin1=True)
        if not t:
            continue
        for c in chunk_text(t, soft=MAX_LEN, hard=MAX_LEN):
            out.append(rec(r, p, c, "email", guess_lang(c)))
    return out


def g_mail_zbateson(m):
    r = Repo(m, "zbateson/mail-mime-parser")
    out = []
    for p in r.ls(r"^tests/_data/emails/[^/]+$"):
        t = r.read(p, fallback_latin1=True)
        if not t:
            continue
        for c in chunk_text(t, soft=MAX_LEN, hard=MAX_LEN):
            out.append(rec(r, p, c, "email", guess_lang(c)))
    return out


def g_irc(m):
    r = Repo(m, "jkkummerfeld/irc-disentanglement")
    out = []
    for p in r.ls(r"^data/(train|dev|test)/.*\.raw\.txt$"):
        t = r.read(p, fallback_latin1=True)
        if t:
            out.extend(rec(r, p, w, "chat", "en") for w in line_windows(t, 35, 3500))
    return sample(out, 400, "irc")


def g_gitbugs(m):
    r = Repo(m, "av9ash/gitbugs")
    out = []
    for p, cap in (("hadoop/hadoop_bugs.csv", 350), ("seamonkey/SeaMonkey_bugs.csv", 250)):
        t = r.read(p, fallback_latin1=True)
        rows = list(csv.DictReader(io.StringIO(t)))
        items = []
        for row in rows:
            desc = (row.get("Description") or "").replace("\r\n", "\n").strip()
            if len(desc) < 150:
                continue
            head = f"{row.get('Summary','').strip()}\n\nIssue {row.get('Issue id','')} · " \
                   f"Status: {row.get('Status','')} · Priority: {row.get('Priority','')} · " \
                   f"Resolution: {row.get('Resolution','') or 'Unresolved'} · Created: {row.get('Created','')}"
            if row.get("Affects Version/s"):
                head += f" · Affects: {row['Affects Version/s']}"
            text = head + "\n\n" + desc
            if len(text) > MAX_LEN:
                text = chunk_text(text)[0] if chunk_text(text) else text[:MAX_LEN]
            items.append(rec(r, p + f"#issue-{row.get('Issue id','')}", text, "issue", "en"))
        out.extend(sample(items, cap, p))
    return out


def g_lnav(m):
    r = Repo(m, "tstack/lnav")
    ps = [p for p in r.ls(r"^test/(log-samples/|logfile_|datafile_syslog)") if not p.endswith(".sh")]
    out = []
    for p in ps:
        t = r.read(p)
        if t:
            out.extend(rec(r, p, w, "log", "en") for w in line_windows(t, 40, 4000))
    return sample(out, 250, "lnav")


def g_fluent_exc(m):
    r = Repo(m, "GoogleCloudPlatform/fluent-plugin-detect-exceptions")
    out = []
    for p in r.ls(r"^test/.*\.rb$"):
        t = r.read(p)
        if not t:
            continue
        for mt in re.finditer(r"<<~?(END\w*)(?:\.freeze)?\n(.*?)\n\s*\1\n", t, re.S):
            body = mt.group(2)
            if len(body) >= MIN_LEN:
                out.append(rec(r, p, body[:MAX_LEN], "log", "en"))
    return out


GROUPS = {
    "mcp-spec-docs": g_mcp_spec,
    "rust-rfcs": g_rust_rfcs,
    "swift-evolution": g_swift_evolution,
    "kubernetes-keps": g_keps,
    "whatwg-fetch-spec": g_whatwg_fetch,
    "owasp-cheatsheets": g_owasp,
    "payloadsallthethings-docs": g_patt,
    "rustsec-advisories": g_rustsec,
    "go-vulndb": g_go_vulndb,
    "nodejs-security-wg": g_node_sec,
    "pypa-advisories": g_pypa,
    "agent-instruction-files": g_agent_files,
    "fastapi-docs-i18n": g_fastapi_i18n,
    "tldr-pages-i18n": g_tldr,
    "openai-agents-sdk-docs": g_agents_sdk_docs,
    "curl-repo": project_group("curl/curl", r"^(README\.md|SECURITY\.md|docs/[^/]*\.md|docs/(cmdline-opts|libcurl|internals|tests)/[^/]*\.md)$", r"^(RELEASE-NOTES|CHANGES\.md)$", r"^(lib|src)/"),
    "requests-repo": project_group("psf/requests", r"^(README\.md|docs/.*\.rst|\.github/.*\.md)$", r"^HISTORY\.md$", r"^src/"),
    "flask-repo": project_group("pallets/flask", r"^(README\.md|docs/.*\.rst|\.github/.*\.md)$", r"^CHANGES\.rst$", r"^(src|tests)/"),
    "express-repo": project_group("expressjs/express", r"^(Readme\.md|\.github/.*\.md|examples/.*\.md)$", r"^History\.md$", r"^(lib|test)/"),
    "axios-repo": project_group("axios/axios", r"^([A-Z_]+\.md|\.github/.*\.md)$", r"^CHANGELOG\.md$", r"^(lib|test)/"),
    "tokio-repo": project_group("tokio-rs/tokio", r"^([A-Z_]+\.md|docs/.*\.md|\.github/.*\.md|tokio[^/]*/README\.md)$", r"(^|/)CHANGELOG\.md$", r"^tokio[^/]*/src/"),
    "vue-core-repo": project_group("vuejs/core", r"^([A-Z_]+\.md|\.github/.*\.md|packages/[^/]+/README\.md)$", r"^(CHANGELOG\.md|changelogs/.*\.md)$", r"^packages/"),
    "mcp-python-sdk-repo": project_group("modelcontextprotocol/python-sdk", r"^([A-Z_]+\.md|docs/.*\.md|\.github/.*\.md)$", r"CHANGELOG\.md$", r"^src/"),
    "mcp-typescript-sdk-repo": project_group("modelcontextprotocol/typescript-sdk", r"^([A-Z_]+\.md|docs/.*\.md|\.github/.*\.md)$", r"CHANGELOG\.md$", r"^(src|packages)/"),
    "gemini-cli-repo": project_group("google-gemini/gemini-cli", r"^([A-Z_]+\.md|docs/.*\.md|\.github/.*\.md)$", r"(^|/)CHANGELOG\.md$|^docs/changelogs/", r"^packages/"),
    "pydantic-ai-repo": project_group("pydantic/pydantic-ai", r"^([A-Z_]+\.md|docs/[^/]*\.md|\.github/.*\.md)$", r"CHANGELOG\.md$", r"^pydantic_ai_slim/"),
    "mikel-mail-fixtures": g_mail_mikel,
    "zbateson-mail-fixtures": g_mail_zbateson,
    "ubuntu-irc-chat": g_irc,
    "gitbugs-issues": g_gitbugs,
    "lnav-log-samples": g_lnav,
    "fluent-exception-traces": g_fluent_exc,
}


def finalize(group, items):
    seen, out, dropped = set(), [], 0
    for it in items:
        t = it["text"]
        if len(t) > 20000:
            t = t[:20000].rsplit("\n\n", 1)[0]
        if len(t.strip()) < MIN_LEN:
            continue
        if ATTACK_TOPIC.search(t):
            dropped += 1
            continue
        h = hashlib.sha1(t.strip().encode("utf-8", "replace")).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        out.append({"id": f"{group}/{len(out)}", "group": group, "source": it["source"],
                    "license": it["license"], "label": "clean", "attack": None,
                    "kind": it["kind"], "lang": it["lang"], "synthetic": False, "text": t})
    return out, dropped


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mirror", default="/work/.mirror")
    ap.add_argument("--out", default="/work/corpus/raw")
    ap.add_argument("--only", default="")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    if a.list:
        print("\n".join(GROUPS)); return
    only = set(filter(None, a.only.split(",")))
    os.makedirs(a.out, exist_ok=True)
    for g, fn in GROUPS.items():
        if only and g not in only:
            continue
        try:
            items = fn(a.mirror)
        except FileNotFoundError as e:
            print(f"SKIP {g}: snapshot missing {e}", file=sys.stderr)
            continue
        recs, dropped = finalize(g, items)
        with open(os.path.join(a.out, g + ".jsonl"), "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{g}\t{len(recs)}\tdropped_attack_topic={dropped}")


if __name__ == "__main__":
    main()
