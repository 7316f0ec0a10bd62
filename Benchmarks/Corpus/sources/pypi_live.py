#!/usr/bin/env python3
"""pypi-live: benign MCP tool definitions listed live from published PyPI MCP servers.

For every package in pypi_live_packages.txt (one `name==version` a line, optional
tab-separated `script=NAME`, `args=A B C`, `env=K=V,K2=V2`), this script

 1. installs the exact version into its own venv under --envs (uv if the running
    venv has it, else pip; hard timeout per install),
 2. reads the installed distribution's metadata (licence, console scripts, README),
 3. starts the console-script entry point over stdio inside a fresh network
    namespace that has only the loopback interface (`unshare --net`), with a
    scrubbed environment (dummy credentials, loopback URLs, HOME in a temp dir),
 4. speaks JSON-RPC over stdio by hand (so every tool is recorded exactly as the
    server sent it): initialize, notifications/initialized, tools/list (all
    pages), prompts/list and resources/list(+templates) when advertised.
    tools/call is never sent. The whole process group is killed afterwards.
 5. validates each tool against the official SDK's types (mcp 2.x, `mcp_types`)
    and records the outcome in the per-package cache only.

Raw per-package results are cached as JSON under --cache (so a rerun only probes
what is missing, and `--assemble-only` rebuilds the JSONL deterministically from
the cache). The assembled outputs are:
  --out        tool records (group "pypi-live", label benign)
  --instr-out  server `instructions` strings as TEXT records (kind other, label clean)
  --sources-md the SOURCES-pypi-live.md section

Run with the interpreter of the venv that has `mcp` installed, e.g.
  /work/corpus/pypi-venv/bin/python pypi_live.py
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import json
import os
import queue
import re
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUP = "pypi-live"
PROTOCOL_VERSION = "2025-06-18"
PYTHONS = [
    "/root/.pyenv/versions/3.13.0/bin/python3",
    "/root/.pyenv/versions/3.12.1/bin/python3",
    "/root/.pyenv/versions/3.11.7/bin/python3",
]

# ----------------------------------------------------------------- licences
LICENCE_PATTERNS = [
    (r"\bapache\b", "Apache-2.0"),
    (r"\bmit\b|mit license|expat", "MIT"),
    (r"\bbsd[- ]?3|bsd 3-clause|new bsd|revised bsd", "BSD-3-Clause"),
    (r"\bbsd[- ]?2|simplified bsd|freebsd", "BSD-2-Clause"),
    (r"\bbsd\b", "BSD"),
    (r"\bisc\b", "ISC"),
    (r"mozilla|\bmpl", "MPL-2.0"),
    (r"unlicense", "Unlicense"),
    (r"\bcc0\b|public domain", "CC0-1.0"),
    (r"\bcc[- ]by\b|creative commons attribution", "CC-BY-4.0"),
    (r"\blgpl|lesser general public", "LGPL"),
    (r"\bagpl|affero", "AGPL-3.0"),
    (r"gplv3|gpl-3|gpl 3|general public license v3|general public license version 3", "GPL-3.0"),
    (r"gplv2|gpl-2|gpl 2|general public license v2|general public license version 2", "GPL-2.0"),
    (r"\bgpl|general public license", "GPL"),
    (r"\bzlib\b", "Zlib"),
    (r"\bpsf\b|python software foundation", "PSF-2.0"),
    (r"\b0bsd\b", "0BSD"),
    (r"\beupl\b", "EUPL-1.2"),
]
NONFREE = re.compile(r"proprietary|all rights reserved|commercial|non-?commercial|\bbusl\b|business source|"
                     r"elastic license|\bsspl\b|polyform|other/proprietary|confidential", re.I)


def classify_licence(meta: dict) -> tuple[str, str]:
    """Return (spdx_like, evidence). spdx_like is 'unknown' or 'nonfree:<x>' when not usable."""
    cands: list[tuple[str, str]] = []
    if meta.get("license_expression"):
        cands.append(("License-Expression", meta["license_expression"]))
    for c in meta.get("classifiers", []):
        if c.startswith("License ::"):
            cands.append(("classifier", c))
    lic = (meta.get("license") or "").strip()
    if lic and lic.upper() not in ("UNKNOWN", "NONE", ""):
        cands.append(("License", lic[:300]))
    if meta.get("license_file_head"):
        cands.append(("License-File", meta["license_file_head"][:300]))
    for where, text in cands:
        t = text.lower()
        if where == "classifier" and t.strip() in ("license :: osi approved", "license :: other/proprietary license"):
            if "proprietary" in t:
                return "nonfree:" + text, where
            continue
        if NONFREE.search(t) and not re.search(r"\bmit\b|apache|bsd|gpl|mozilla", t):
            return "nonfree:" + text[:80], where
        if where == "License-Expression":
            if re.search(r"licenseref|-nc\b|-nc-|-nd\b|-nd-", t):
                return "nonfree:" + text.strip(), where
            if any(re.search(pat, t) for pat, _ in LICENCE_PATTERNS):
                return text.strip(), where
            continue
        for pat, name in LICENCE_PATTERNS:
            if re.search(pat, t):
                return name, f"{where}: {text[:80]}"
    return "unknown", "; ".join(f"{w}: {x[:60]}" for w, x in cands) or "no licence metadata"


# ----------------------------------------------------------------- env
ENV_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
ENV_HINT = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS$|USER|USERNAME|URL|URI|HOST|ENDPOINT|_ID$|PROJECT|REGION|"
                      r"DATABASE|_DB$|DB_|PORT|PATH|DIR|ACCOUNT|EMAIL|DOMAIN|ORG|WORKSPACE|TENANT|SERVER|BASE|"
                      r"INSTANCE|SITE|CLIENT|APP_|BUCKET|PROFILE|CONN|DSN")
ENV_NEVER = re.compile(r"^(PATH|HOME|PYTHON\w*|LD_\w+|HTTPS?_PROXY|ALL_PROXY|NO_PROXY|SSL_\w+|REQUESTS_CA_BUNDLE|"
                       r"CURL_\w+|UV_\w+|PIP_\w+|VIRTUAL_ENV|TMPDIR|TEMP|TMP|SHELL|USER|LOGNAME|LANG|LC_\w+|TERM|"
                       r"MCP_TRANSPORT|TRANSPORT|FASTMCP_TRANSPORT|\w*_TRANSPORT|DISPLAY|XDG_\w+|PWD|"
                       r"\w*LOG_LEVEL|DEBUG|\w*_DEBUG|PORT|HOST|\w*PROFILE|\w*_PROFILE_\w+)$")

# names that usually hold numbers, booleans or modes: a string dummy would break their parsing
ENV_TYPED = re.compile(r"MAX|MIN|LIMIT|TIMEOUT|ENABLE|DISABLE|SIZE|COUNT|NUM|TTL|RETR|INTERVAL|THRESHOLD|_MS$|"
                       r"SECOND|LEVEL|MODE|DEBUG|VERBOSE|FLAG|^USE_|_USE_|READ_?ONLY|ALLOW|VERIFY|STRICT|"
                       r"WORKERS|CONCURREN|DAYS|HOURS|MINUTES|TEMPERATURE|TOP_K|TOP_P|RATE|PERCENT|RATIO|"
                       r"CACHE|FORMAT|LANG|LOCALE|TIMEZONE|TZ$|TRANSPORT|LOG|STDIO|SSE|HTTP$|MOCK|DRY_RUN|"
                       r"TELEMETRY|TRACING|VERSION|DEPTH|WIDTH|HEIGHT|PAGE|BATCH|CHUNK|ONLY|SKIP")
ENV_SECRETISH = re.compile(r"KEY|TOKEN|SECRET|PASSWORD|ADDRESS|ACCOUNT|WALLET|USER|ID$")

BASE_DUMMIES = {
    "API_KEY": "dummy", "API_TOKEN": "dummy", "ACCESS_TOKEN": "dummy", "AUTH_TOKEN": "dummy",
    "OPENAI_API_KEY": "sk-dummy", "ANTHROPIC_API_KEY": "dummy", "GITHUB_TOKEN": "dummy",
    "GITHUB_PERSONAL_ACCESS_TOKEN": "dummy", "GOOGLE_API_KEY": "dummy", "GEMINI_API_KEY": "dummy",
    "AWS_ACCESS_KEY_ID": "dummy", "AWS_SECRET_ACCESS_KEY": "dummy", "AWS_REGION": "us-east-1",
    "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
    "NO_GCE_CHECK": "true", "GCE_METADATA_HOST": "127.0.0.1:9", "GCE_METADATA_IP": "127.0.0.1:9",
    "DASHSCOPE_API_KEY": "dummy", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1", "ANONYMIZED_TELEMETRY": "false", "POSTHOG_DISABLED": "1",
}


def dummy_value(name: str, work: str) -> str:
    n = name.upper()
    if re.search(r"HOSTS$|ORIGINS$|_LIST$|ALLOWED_\w+S$", n):
        return '["127.0.0.1"]'
    if re.search(r"URL|URI|ENDPOINT|BASE$|DSN|CONN", n):
        if "POSTGRES" in n or "PG" in n.split("_"):
            return "postgresql://dummy:dummy@127.0.0.1:9/dummy"
        if "MYSQL" in n:
            return "mysql://dummy:dummy@127.0.0.1:9/dummy"
        if "REDIS" in n:
            return "redis://127.0.0.1:9/0"
        if "MONGO" in n:
            return "mongodb://127.0.0.1:9/dummy"
        if "SQLITE" in n:
            return f"sqlite:///{work}/dummy.db"
        if "DATABASE" in n or n.startswith("DB_"):
            return f"sqlite:///{work}/dummy.db"
        return "http://127.0.0.1:9"
    if re.search(r"HOST|SERVER|_ADDR$|DOMAIN", n):
        return "127.0.0.1"
    if n.endswith("PORT"):
        return "9"
    if re.search(r"PATH|DIR|ROOT|FOLDER|FILE$|VAULT", n):
        return work
    if "REGION" in n:
        return "us-east-1"
    if "EMAIL" in n:
        return "dummy@example.invalid"
    return "dummy"


def build_env(venv: Path, home: Path, work: Path, readme: str, extra: dict, pkg: str = "") -> dict:
    env = {
        "PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home), "TMPDIR": str(work), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", "TERM": "dumb",
        "VIRTUAL_ENV": str(venv),
        # Every proxy-aware client goes to loopback only (the namespace has no other route anyway).
        "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9",
        "ALL_PROXY": "http://127.0.0.1:9", "NO_PROXY": "localhost,127.0.0.1,::1",
        "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
        "no_proxy": "localhost,127.0.0.1,::1",
    }
    env.update(BASE_DUMMIES)
    for name in sorted(set(ENV_NAME.findall(readme or ""))):
        prefixed = any(name.startswith(tok.upper() + "_") for tok in re.split(r"[-_.]", pkg)
                       if len(tok) >= 4 and tok.lower() not in ("server", "mcp"))
        if len(name) > 60 or ENV_NEVER.match(name) or ENV_TYPED.search(name):
            continue
        if not (ENV_HINT.search(name) or (prefixed and ENV_SECRETISH.search(name))):
            continue
        env.setdefault(name, dummy_value(name, str(work)))
    env.update(extra)
    return env


# ----------------------------------------------------------------- packages file
def read_packages(path: Path) -> list[dict]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        parts = line.split("\t")
        name, _, version = parts[0].strip().partition("==")
        spec = {"name": name, "version": version, "script": None, "args": None, "env": {}}
        for p in parts[1:]:
            k, _, v = p.partition("=")
            if k == "script":
                spec["script"] = v
            elif k == "args":
                spec["args"] = v.split()
            elif k == "env":
                for kv in v.split(","):
                    a, _, b = kv.partition("=")
                    spec["env"][a] = b
        out.append(spec)
    return out


# ----------------------------------------------------------------- process helpers
def run_limited(cmd, timeout, env=None, cwd=None):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        return p.returncode, out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        kill_group(p)
        out = p.communicate()[0] if p.stdout else b""
        return -9, "TIMEOUT\n" + out.decode("utf-8", "replace")


def kill_group(p: subprocess.Popen):
    try:
        pgid = os.getpgid(p.pid)
    except ProcessLookupError:
        pgid = None
    for sig, wait in ((signal.SIGTERM, 1.5), (signal.SIGKILL, 3.0)):
        if pgid is not None:
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                pass
        try:
            p.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if sig == signal.SIGTERM and pgid is not None:
            # leader gone; make sure stragglers in the group die too
            try:
                os.killpg(pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return


META_SNIPPET = r'''
import json, sys, importlib.metadata as md
d = md.distribution(sys.argv[1])
m = d.metadata
lic_head = ""
for f in (d.files or []):
    s = str(f)
    if "licen" in s.lower() and ".dist-info" in s:
        try:
            lic_head = f.read_text()[:400]
        except Exception:
            pass
        break
eps = [{"name": e.name, "value": e.value} for e in d.entry_points if e.group == "console_scripts"]
print(json.dumps({
    "name": m.get("Name"), "version": d.version,
    "license": m.get("License"), "license_expression": m.get("License-Expression"),
    "classifiers": m.get_all("Classifier") or [], "license_file_head": lic_head,
    "summary": m.get("Summary"), "home_page": m.get("Home-page"),
    "project_urls": m.get_all("Project-URL") or [],
    "requires_python": m.get("Requires-Python"),
    "readme": (m.get_payload() or m.get("Description") or "")[:200000],
    "console_scripts": eps,
}))
'''


def install(spec: dict, envs: Path, uv: str | None, timeout: int) -> dict:
    venv = envs / spec["name"]
    marker = venv / ".pypi_live_installed"
    if marker.exists():
        return json.loads(marker.read_text())
    log = []
    penv = dict(os.environ)
    penv.setdefault("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")
    penv["UV_CACHE_DIR"] = str(envs.parent / "uv-cache")
    for py in PYTHONS:
        if not Path(py).exists():
            continue
        shutil.rmtree(venv, ignore_errors=True)
        t0 = time.time()
        if uv:
            rc, out = run_limited([uv, "venv", "-q", "-p", py, str(venv)], 60, env=penv)
            if rc == 0:
                rc, out = run_limited([uv, "pip", "install", "-q", "-p", str(venv / "bin/python"),
                                       f"{spec['name']}=={spec['version']}"], timeout, env=penv)
        else:
            rc, out = run_limited([py, "-m", "venv", str(venv)], 60, env=penv)
            if rc == 0:
                rc, out = run_limited([str(venv / "bin/pip"), "install", "--quiet",
                                       f"{spec['name']}=={spec['version']}"], timeout, env=penv)
        log.append({"python": py, "rc": rc, "secs": round(time.time() - t0, 1), "out": out[-1500:]})
        if rc == 0:
            res = {"ok": True, "python": py, "log": log}
            marker.write_text(json.dumps(res))
            return res
        if rc == -9 or not re.search(r"[Pp]ython|requires-python|No solution|unsatisfiable", out):
            break
    shutil.rmtree(venv, ignore_errors=True)
    return {"ok": False, "log": log}


def read_meta(spec: dict, envs: Path) -> dict:
    venv = envs / spec["name"]
    rc, out = run_limited([str(venv / "bin/python"), "-c", META_SNIPPET, spec["name"]], 60)
    if rc != 0:
        raise RuntimeError("metadata: " + out[-500:])
    return json.loads(out.strip().splitlines()[-1])


SKIP_SCRIPT = re.compile(r"(^|[-_])(cli|client|test|tests|setup|install|config|configure|init|auth|login|"
                         r"dashboard|ui|web|gui|proxy|inspector|dev)$")


def order_scripts(pkg: str, eps: list[dict]) -> list[str]:
    names = [e["name"] for e in eps]
    norm = lambda s: s.lower().replace("_", "-").replace(".", "-")

    def score(n):
        s = 0
        if norm(n) == norm(pkg):
            s -= 100
        if "mcp" in n.lower():
            s -= 20
        if "server" in n.lower():
            s -= 10
        if SKIP_SCRIPT.search(n.lower()):
            s += 50
        return (s, len(n), n)
    return sorted(dict.fromkeys(names), key=score)


# ----------------------------------------------------------------- JSON-RPC probe
class Probe:
    def __init__(self, cmd, env, cwd, deadline):
        self.deadline = deadline
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, env=env, cwd=cwd, start_new_session=True)
        self.q: queue.Queue = queue.Queue()
        self.stderr = bytearray()
        self.junk: list[str] = []
        self.server_requests: list[str] = []
        threading.Thread(target=self._read_out, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()
        self.next_id = 0

    def _read_out(self):
        for line in self.p.stdout:
            self.q.put(line)
        self.q.put(None)

    def _read_err(self):
        for chunk in iter(lambda: self.p.stderr.read1(65536), b""):
            if len(self.stderr) < 200000:
                self.stderr += chunk

    def send(self, obj):
        data = (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def request(self, method, params=None):
        self.next_id += 1
        rid = self.next_id
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        while True:
            left = self.deadline - time.time()
            if left <= 0:
                raise TimeoutError(f"{method}: no answer before deadline")
            try:
                line = self.q.get(timeout=left)
            except queue.Empty:
                raise TimeoutError(f"{method}: no answer before deadline")
            if line is None:
                raise EOFError(f"{method}: server closed stdout (rc={self.p.poll()})")
            text = line.decode("utf-8", "replace").strip()
            if not text:
                continue
            try:
                obj = json.loads(text)
            except ValueError:
                if len(self.junk) < 20:
                    self.junk.append(text[:300])
                continue
            if not isinstance(obj, dict):
                continue
            if "method" in obj and "id" in obj:  # server -> client request: answer minimally
                self.server_requests.append(obj.get("method"))
                if obj.get("method") == "ping":
                    self.send({"jsonrpc": "2.0", "id": obj["id"], "result": {}})
                elif obj.get("method") == "roots/list":
                    self.send({"jsonrpc": "2.0", "id": obj["id"], "result": {"roots": []}})
                else:
                    self.send({"jsonrpc": "2.0", "id": obj["id"],
                               "error": {"code": -32601, "message": "Method not found"}})
                continue
            if "method" in obj:  # notification
                continue
            if obj.get("id") == rid:
                if "error" in obj:
                    raise RuntimeError(f"{method}: error {json.dumps(obj['error'])[:300]}")
                return obj.get("result")

    def close(self):
        try:
            self.p.stdin.close()
        except Exception:
            pass
        kill_group(self.p)


def paged(probe, method, key):
    items, cursor, pages = [], None, 0
    while True:
        res = probe.request(method, {"cursor": cursor} if cursor else {})
        items.extend((res or {}).get(key) or [])
        cursor = (res or {}).get("nextCursor")
        pages += 1
        if not cursor or pages >= 50:
            return items


def probe_server(cmd, env, cwd, timeout) -> dict:
    t0 = time.time()
    pr = Probe(cmd, env, cwd, t0 + timeout)
    r: dict = {"ok": False}
    try:
        init = pr.request("initialize", {
            "protocolVersion": PROTOCOL_VERSION, "capabilities": {},
            "clientInfo": {"name": "mcpguard-corpus-lister", "version": "0.1"}})
        r["initialize"] = init
        pr.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        caps = (init or {}).get("capabilities") or {}
        r["tools"] = paged(pr, "tools/list", "tools")
        r["ok"] = True
        if "prompts" in caps:
            try:
                r["prompts"] = paged(pr, "prompts/list", "prompts")
            except Exception as e:  # noqa: BLE001
                r["prompts_error"] = str(e)[:300]
        if "resources" in caps:
            for meth, key in (("resources/list", "resources"),
                              ("resources/templates/list", "resourceTemplates")):
                try:
                    r[key] = paged(pr, meth, key)
                except Exception as e:  # noqa: BLE001
                    r[key + "_error"] = str(e)[:300]
    except Exception as e:  # noqa: BLE001
        r["error"] = f"{type(e).__name__}: {e}"[:500]
    finally:
        pr.close()
    r["secs"] = round(time.time() - t0, 1)
    r["rc"] = pr.p.returncode
    r["stderr_tail"] = pr.stderr.decode("utf-8", "replace")[-2500:]
    r["stdout_junk"] = pr.junk
    r["server_requests"] = pr.server_requests
    return r


RETRY_ARGS = [["--transport", "stdio"], ["stdio"], ["serve"], ["--stdio"], ["mcp"]]


def want_retry(res: dict) -> bool:
    err = (res.get("stderr_tail") or "") + " ".join(res.get("stdout_junk") or [])
    return bool(re.search(r"usage:|Usage:|transport|Uvicorn running|Running on http|streamable|"
                          r"Missing command|No such command|required: |the following arguments|"
                          r"listening on|http://0\.0\.0\.0|http://127\.0\.0\.1|http://localhost", err))


def sdk_validate(tools: list) -> list:
    try:
        import mcp_types  # shipped with mcp 2.x
        Tool = mcp_types.Tool
    except Exception:  # noqa: BLE001
        try:
            from mcp.types import Tool  # type: ignore
        except Exception:  # noqa: BLE001
            return ["sdk unavailable"]
    bad = []
    for t in tools:
        try:
            Tool.model_validate(t)
        except Exception as e:  # noqa: BLE001
            bad.append(f"{t.get('name') if isinstance(t, dict) else t}: {str(e).splitlines()[0][:150]}")
    return bad


MCP2_BREAK = re.compile(r"This is mcp 2\.x|No module named 'mcp\.server\.fastmcp'|No module named 'mcp\.|"
                        r"cannot import name '\w+' from 'mcp|from mcp[\w.]* import|"
                        r"'(Server|MCPServer|FastMCP)' object has no attribute|site-packages/mcp/server/")


def sweep_orphans(venv: Path) -> list:
    """Kill (by pid) any process still running from this package's venv, e.g. a helper the server
    started in a session of its own, which the process-group kill does not reach."""
    me, killed = os.getpid(), []
    prefix = str(venv) + "/"
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) == me:
            continue
        try:
            cmdline = Path(f"/proc/{d}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if prefix in cmdline and "uv pip install" not in cmdline:
            try:
                os.kill(int(d), signal.SIGKILL)
                killed.append(cmdline[:120])
            except OSError:
                pass
    return killed


def run_attempts(spec, scripts, venv, readme, args) -> list:
    attempts = []
    for script in scripts[:2]:
        arglists = [spec["args"]] if spec["args"] is not None else [[]]
        tried = 0
        while arglists:
            a = arglists.pop(0)
            # fixed per-package path so that paths a server echoes back stay deterministic
            tmp = Path(args.tmp) / spec["name"]
            shutil.rmtree(tmp, ignore_errors=True)
            (tmp / "home").mkdir(parents=True)
            (tmp / "work").mkdir()
            env = build_env(venv, tmp / "home", tmp / "work", readme, spec["env"], spec["name"])
            exe = str(venv / "bin" / script)
            cmd = ["unshare", "--net", "--", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh", exe] + a
            r = probe_server(cmd, env, str(tmp / "work"), args.timeout)
            r["orphans_killed"] = sweep_orphans(venv)
            shutil.rmtree(tmp, ignore_errors=True)
            r["script"], r["args"] = script, a
            r["env_names"] = sorted(k for k in env if k not in ("PATH", "HOME", "TMPDIR"))
            attempts.append(r)
            tried += 1
            if r["ok"]:
                return attempts
            if spec["args"] is None and tried == 1 and want_retry(r):
                arglists = [x for x in RETRY_ARGS][:3]
    return attempts


def process(spec: dict, args) -> dict:
    envs = Path(args.envs)
    cache = Path(args.cache) / f"{spec['name']}.json"
    if cache.exists() and not args.reprobe:
        return json.loads(cache.read_text())
    res: dict = {"package": spec["name"], "version": spec["version"], "status": None}
    t0 = time.time()
    inst = install(spec, envs, args.uv, args.install_timeout)
    res["install"] = {"ok": inst["ok"], "python": inst.get("python"),
                      "log": [{k: v for k, v in x.items() if k != "out"} | {"out": x["out"][-600:]}
                              for x in inst.get("log", [])]}
    if not inst["ok"]:
        res["status"] = "install_failed"
        return _save(cache, res, t0)
    try:
        meta = read_meta(spec, envs)
    except Exception as e:  # noqa: BLE001
        res["status"] = "metadata_failed"
        res["error"] = str(e)[:500]
        return _save(cache, res, t0)
    readme = meta.pop("readme", "")
    res["meta"] = meta
    lic, evidence = classify_licence(meta)
    res["licence"] = {"id": lic, "evidence": evidence}
    scripts = [spec["script"]] if spec["script"] else order_scripts(spec["name"], meta["console_scripts"])
    if not scripts:
        res["status"] = "no_console_script"
        return _save(cache, res, t0)
    venv = envs / spec["name"]
    attempts = run_attempts(spec, scripts, venv, readme, args)
    if not attempts[-1]["ok"] and any(MCP2_BREAK.search(a.get("stderr_tail") or "") for a in attempts):
        # The server was written for mcp 1.x but declares an unpinned `mcp`: pin it back and retry.
        penv = dict(os.environ, UV_CACHE_DIR=str(envs.parent / "uv-cache"))
        penv.setdefault("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")
        if args.uv:
            rc, out = run_limited([args.uv, "pip", "install", "-q", "-p", str(venv / "bin/python"), "mcp<2"],
                                  args.install_timeout, env=penv)
        else:
            rc, out = run_limited([str(venv / "bin/pip"), "install", "--quiet", "mcp<2"],
                                  args.install_timeout, env=penv)
        res["pinned_mcp_lt_2"] = {"rc": rc, "out": out[-300:]}
        if rc == 0:
            attempts += run_attempts(spec, scripts, venv, readme, args)
    res["attempts"] = [{k: v for k, v in x.items() if k not in ("tools", "initialize", "prompts",
                                                                "resources", "resourceTemplates")}
                       for x in attempts]
    good = attempts[-1] if attempts[-1]["ok"] else None
    if good:
        res["status"] = "started"
        res["initialize"] = good.get("initialize")
        res["tools"] = good.get("tools") or []
        for k in ("prompts", "resources", "resourceTemplates"):
            if k in good:
                res[k] = good[k]
        res["sdk_invalid"] = sdk_validate(res["tools"])
        if not res["tools"]:
            res["status"] = "started_no_tools"
    else:
        res["status"] = "start_failed"
    return _save(cache, res, t0)


def _save(cache: Path, res: dict, t0: float) -> dict:
    res["secs_total"] = round(time.time() - t0, 1)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(res, ensure_ascii=False, indent=1))
    return res


# ----------------------------------------------------------------- assembly
def detect_lang(text: str) -> str:
    if not text:
        return "en"
    n = max(len(text), 1)
    counts = {
        "ja": len(re.findall(r"[\u3040-\u30ff]", text)),
        "ko": len(re.findall(r"[\uac00-\ud7af]", text)),
        "zh": len(re.findall(r"[\u4e00-\u9fff]", text)),
        "ru": len(re.findall(r"[\u0400-\u04ff]", text)),
        "fa": len(re.findall(r"[\u0600-\u06ff]", text)),
    }
    if counts["ja"] >= 3:
        return "ja"
    for k in ("ko", "zh", "ru", "fa"):
        if counts[k] / n > 0.08 or counts[k] >= 8:
            return k
    words = re.findall(r"[a-záéíóúãõçñàèüöäß]+", text.lower())
    if len(words) >= 6:
        sw = {
            "pt": {"não", "você", "uma", "com", "dos", "das", "os", "em", "ao", "são", "servidor", "ção", "pelo", "sua"},
            "es": {"el", "los", "las", "una", "con", "del", "según", "servidor", "obtener", "buscar", "está"},
            "de": {"der", "die", "das", "und", "nicht", "mit", "ein", "eine", "für", "ist", "nach", "den", "von"},
            "fr": {"le", "les", "des", "une", "pour", "avec", "est", "du", "sur", "dans", "vous", "aux", "cette"},
            "en": {"the", "and", "to", "of", "a", "for", "with", "is", "in", "this", "from", "or", "by"},
        }
        score = {k: sum(w in v for w in words) for k, v in sw.items()}
        best = max(score, key=lambda k: (score[k], k == "en"))
        if best != "en" and score[best] > score["en"] * 1.5 and score[best] >= 2:
            return best
    return "en"


def tool_text(t: dict) -> str:
    parts = [t.get("description") or ""]
    schema = t.get("inputSchema") or {}
    for p in ((schema.get("properties") or {}) if isinstance(schema, dict) else {}).values():
        if isinstance(p, dict) and isinstance(p.get("description"), str):
            parts.append(p["description"])
    return "\n".join(parts)


def assemble(specs, args):
    cache = Path(args.cache)
    recs, instr, rows = [], [], []
    seen_tools, seen_instr = set(), set()
    stats = {"tried": 0, "installed": 0, "started": 0, "started_no_tools": 0, "install_failed": 0,
             "start_failed": 0, "other_failed": 0, "licence_skipped": 0, "unknown_licence": [],
             "nonfree_licence": [], "dup_tools": 0, "servers_with_records": 0, "pinned": 0}
    for spec in specs:
        f = cache / f"{spec['name']}.json"
        if not f.exists():
            continue
        r = json.loads(f.read_text())
        stats["tried"] += 1
        st = r.get("status")
        if r.get("install", {}).get("ok"):
            stats["installed"] += 1
        if st == "install_failed":
            stats["install_failed"] += 1
        elif st == "start_failed":
            stats["start_failed"] += 1
        elif st == "started":
            stats["started"] += 1
        elif st == "started_no_tools":
            stats["started_no_tools"] += 1
        else:
            stats["other_failed"] += 1
        if r.get("meta"):  # re-derive, so that a change of the licence rules needs no re-probe
            lid, ev = classify_licence(r["meta"])
            r["licence"] = {"id": lid, "evidence": ev}
        lic = (r.get("licence") or {}).get("id", "unknown")
        version = (r.get("meta") or {}).get("version") or r["version"]
        source = f"pypi:{r['package']}=={version}"
        why = r.get("error") or ""
        if r.get("attempts"):
            why = r["attempts"][-1].get("error") or ""
            tail = (r["attempts"][-1].get("stderr_tail") or "").strip().splitlines()
            if tail:
                why += " | " + tail[-1][:160]
        elif st == "install_failed":
            log = r.get("install", {}).get("log") or [{}]
            why = (log[-1].get("out") or "").strip().splitlines()[-1:] or [""]
            why = why[0][:200]
        ntools = len(r.get("tools") or [])
        if r.get("pinned_mcp_lt_2") and st == "started":
            stats["pinned"] += 1
        kept = 0
        usable = st in ("started", "started_no_tools") and lic not in ("unknown",) and not lic.startswith("nonfree")
        if st in ("started", "started_no_tools") and lic == "unknown":
            stats["unknown_licence"].append(f"{r['package']}=={version} ({ntools} tools; {r['licence']['evidence'][:80]})")
            stats["licence_skipped"] += 1
        if st in ("started", "started_no_tools") and lic.startswith("nonfree"):
            stats["nonfree_licence"].append(f"{r['package']}=={version} ({lic[8:60]})")
            stats["licence_skipped"] += 1
        if usable:
            for t in r.get("tools") or []:
                if not isinstance(t, dict):
                    continue
                key = (t.get("name"), t.get("description"))
                if key in seen_tools:
                    stats["dup_tools"] += 1
                    continue
                seen_tools.add(key)
                recs.append({
                    "group": GROUP, "source": source, "license": lic, "label": "benign", "attack": None,
                    "lang": detect_lang(t.get("description") if isinstance(t.get("description"), str)
                                        and len(t["description"].split()) >= 6 else tool_text(t)), "synthetic": False, "server": r["package"],
                    "tool": {"name": t.get("name"), "description": t.get("description"),
                             "inputSchema": t.get("inputSchema")},
                })
                kept += 1
            text = ((r.get("initialize") or {}).get("instructions") or "")
            if isinstance(text, str) and text.strip() and text not in seen_instr:
                seen_instr.add(text)
                if len(text) > 20000:
                    cut = text[:20000]
                    text = cut[:cut.rfind("\n\n")] if cut.rfind("\n\n") > 1000 else cut
                instr.append({"group": GROUP, "source": source, "license": lic, "label": "clean",
                              "attack": None, "kind": "other", "lang": detect_lang(text),
                              "synthetic": False, "text": text})
            if kept:
                stats["servers_with_records"] += 1
        rows.append((r["package"], version, st, lic, ntools, kept,
                     (r.get("initialize") or {}).get("serverInfo", {}).get("name", "") if r.get("initialize") else "",
                     "" if st == "started" else why.replace("|", "/").replace("\n", " ")[:200]))
    for i, x in enumerate(recs):
        x["id"] = f"{GROUP}/{i}"
    for i, x in enumerate(instr):
        x["id"] = f"{GROUP}/instructions-{i}"
    order = ["id", "group", "source", "license", "label", "attack", "kind", "lang", "synthetic", "server", "tool", "text"]
    def dump(rec):
        return json.dumps({k: rec[k] for k in order if k in rec}, ensure_ascii=False, sort_keys=False)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("".join(dump(x) + "\n" for x in recs), encoding="utf-8")
    Path(args.instr_out).write_text("".join(dump(x) + "\n" for x in instr), encoding="utf-8")
    write_sources(args, stats, rows, recs, instr)
    return stats, recs, instr


def write_sources(args, stats, rows, recs, instr):
    from collections import Counter
    langs = Counter(r["lang"] for r in recs)
    lics = Counter(r["license"] for r in recs)
    ilangs = Counter(r["lang"] for r in instr)
    L = []
    L.append("# SOURCES — pypi-live\n")
    L.append("Group `pypi-live`: benign MCP tool definitions obtained by installing published MCP server "
             "packages from PyPI (exact versions), starting each console-script entry point over stdio and "
             "listing what it offers (initialize, tools/list, prompts/list, resources/list). No tools/call "
             "was ever sent.\n")
    L.append("- Harness: `Benchmarks/Corpus/sources/pypi_live.py`; package list with exact versions: "
             "`Benchmarks/Corpus/sources/pypi_live_packages.txt`.")
    L.append(f"- Outputs: `/work/corpus/raw/pypi-live.jsonl` ({len(recs)} tool records), "
             f"`/work/corpus/raw/pypi-live-instructions.jsonl` ({len(instr)} TEXT records, kind other, label clean, "
             "the servers' `instructions` from initialize).")
    L.append("- Source field: `pypi:<package>==<version>` (the installed distribution's version).")
    L.append("- Licence: the installed distribution's metadata (License-Expression, then License classifiers, "
             "then License, then the first lines of the bundled licence file). Servers whose metadata names no "
             "licence (\"unknown\") or a non-redistributable one were left out; they are listed below.")
    L.append("- Each server ran in its own venv, in a network namespace with only loopback (`unshare --net`), "
             "with a scrubbed environment: HOME/TMPDIR in a temp dir, dummy credentials (`dummy`), loopback "
             "URLs (`http://127.0.0.1:9`), proxies pointing to loopback, and env-var names mined from the "
             "package README given dummy values. Hard timeout per start "
             f"{args.timeout} s; the whole process group was killed afterwards.")
    L.append("- Tools are recorded exactly as received (name, description, inputSchema); duplicates "
             "(same name+description) within the group were dropped (first occurrence in package-list order kept).\n")
    L.append("## Counts\n")
    L.append(f"- packages tried: {stats['tried']}; installed: {stats['installed']}; install failed: "
             f"{stats['install_failed']}; started and listed tools: {stats['started']}; started with zero tools: "
             f"{stats['started_no_tools']}; failed to start/list: {stats['start_failed']}; other failures: "
             f"{stats['other_failed']}")
    L.append(f"- servers left out for licence: {stats['licence_skipped']} (unknown: {len(stats['unknown_licence'])}, "
             f"non-redistributable: {len(stats['nonfree_licence'])})")
    L.append(f"- servers contributing records: {stats['servers_with_records']}; tool records: {len(recs)}; "
             f"duplicate tools dropped: {stats['dup_tools']}")
    L.append(f"- label: benign {len(recs)}; attack: null; synthetic: false")
    L.append(f"- lang (tools): {dict(sorted(langs.items(), key=lambda x: -x[1]))}")
    L.append(f"- lang (instructions): {dict(sorted(ilangs.items(), key=lambda x: -x[1]))}")
    L.append(f"- licences (tools): {dict(sorted(lics.items(), key=lambda x: -x[1]))}\n")
    L.append("## Left out for licence\n")
    for x in stats["unknown_licence"]:
        L.append(f"- unknown: {x}")
    for x in stats["nonfree_licence"]:
        L.append(f"- non-redistributable: {x}")
    L.append("\n## Per package\n")
    L.append("| package | version | status | licence | tools listed | records | serverInfo.name | why not started |")
    L.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        L.append("| " + " | ".join(str(c).replace("|", "/") for c in row) + " |")
    L.append("\n## Caveats\n")
    L.append("- `benign` is assumed from provenance (published, non-offensive servers; packages whose names or "
             "summaries suggested security/offensive tooling were not selected); descriptions were not reviewed "
             "one by one.")
    L.append("- Some packages are republished copies of others (e.g. `iflow-mcp-*`, `mseep-*` forks); exact "
             "duplicate tools were dropped, near-duplicates remain.")
    L.append("- What a server lists can depend on its environment (dummy credentials, no network, options): "
             "some servers list fewer tools without real configuration.")
    L.append("- The licence is what the package metadata says; it was not checked against the upstream repository. "
             "GPL/LGPL/AGPL packages were kept (they allow redistribution); CC-BY-NC and custom `LicenseRef-*` "
             "expressions were left out.")
    L.append(f"- {stats['pinned']} of the servers that started were written for mcp 1.x but declare an unpinned "
             "`mcp` dependency, so they crash under mcp 2.x (`No module named 'mcp.server.fastmcp'`, "
             "`'Server' object has no attribute 'list_tools'`); for those the harness installed `mcp<2` into "
             "their venv and started them again (recorded as `pinned_mcp_lt_2` in the per-package cache).")
    L.append("- prompts/list, resources/list and resources/templates/list results are kept in the per-package "
             "cache (`/work/corpus/pypi-live-cache/<package>.json`, outside the repo) but not emitted as records.")
    Path(args.sources_md).write_text("\n".join(L) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", default=str(HERE / "pypi_live_packages.txt"))
    ap.add_argument("--envs", default="/work/corpus/pypi-envs")
    ap.add_argument("--cache", default="/work/corpus/pypi-live-cache")
    ap.add_argument("--tmp", default="/work/corpus/pypi-live-tmp")
    ap.add_argument("--out", default="/work/corpus/raw/pypi-live.jsonl")
    ap.add_argument("--instr-out", default="/work/corpus/raw/pypi-live-instructions.jsonl")
    ap.add_argument("--sources-md", default="/work/corpus/SOURCES-pypi-live.md")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--install-timeout", type=int, default=120)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--reprobe", action="store_true", help="ignore cached results (venvs are reused)")
    ap.add_argument("--assemble-only", action="store_true")
    ap.add_argument("--stop-after", type=float, default=0, help="stop starting new packages after N seconds")
    args = ap.parse_args()
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    args.uv = uv
    specs = read_packages(Path(args.packages))
    Path(args.envs).mkdir(parents=True, exist_ok=True)
    Path(args.tmp).mkdir(parents=True, exist_ok=True)
    if not args.assemble_only:
        todo = [s for s in specs if not args.only or s["name"] in args.only]
        t_start = time.time()
        lock = threading.Lock()

        def job(s):
            if args.stop_after and time.time() - t_start > args.stop_after:
                return s, {"status": "not_run"}
            try:
                r = process(s, args)
            except Exception as e:  # noqa: BLE001
                r = {"status": "harness_error", "error": repr(e)}
            with lock:
                print(f"[{time.time() - t_start:6.0f}s] {s['name']}=={s['version']}: {r.get('status')} "
                      f"tools={len(r.get('tools') or [])} lic={(r.get('licence') or {}).get('id')}", flush=True)
            return s, r
        with cf.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            list(ex.map(job, todo))
    stats, recs, instr = assemble(specs, args)
    print(json.dumps({k: (v if not isinstance(v, list) else len(v)) for k, v in stats.items()}),
          f"tools={len(recs)} instructions={len(instr)}")


if __name__ == "__main__":
    main()
