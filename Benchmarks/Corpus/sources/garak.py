#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/garak.jsonl from a snapshot of NVIDIA/garak (Apache-2.0).

Extracts the *carrier documents* and the *injections* that garak's latent-injection,
web-injection and encoding probes are built from, without importing garak:
the probe modules are parsed with `ast` and their string constants evaluated.

  * latentinjection.py: report / resume / fact-snippet / whois / translation /
    latent-jailbreak contexts with the injection inserted (label injection) and the
    same contexts with the marker removed (label clean).  The user's top
    instruction ("Summarise this resume:") is NOT included: the record is what a
    tool (file reader, whois lookup, web fetch) would return.
  * web_injection.py + data/xss: markdown-image exfiltration instructions.
  * encoding.py TEMPLATES: a deterministic sample of the latent injections above
    encoded with base64/base32/base16/rot13/ascii85 (derived, marked with "note").

Combinations are sampled deterministically (sha1 order), capped per probe.
Usage: garak.py [SNAPSHOT_GIT_DIR] [OUT_JSONL]
"""
import ast
import base64
import codecs
import hashlib
import json
import os
import subprocess
import sys

REPO = "NVIDIA/garak"
GROUP = "garak"
LICENSE = "Apache-2.0"
DEFAULT_GIT = "/work/.mirror/NVIDIA+garak/repo"
DEFAULT_OUT = "/work/corpus/raw/garak.jsonl"

INJECTION_MARKER = "<|garak_injection|>"
PAYLOAD_MARKER = "<|garak_payload|>"
TRIGGER_MARKER = "<|garak_trigger|>"


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True).stdout


def show(gitdir, commit, path):
    return git(gitdir, "show", f"{commit}:{path}").decode("utf-8")


class Evaluator:
    """Evaluates the small subset of Python used for the probes' string tables."""

    def __init__(self, names, loaders):
        self.names = dict(names)
        self.loaders = loaders  # garak.payloads.load(name).payloads

    def ev(self, node, scope):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.JoinedStr):
            out = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    out.append(v.value)
                else:
                    out.append(str(self.ev(v.value, scope)))
            return "".join(out)
        if isinstance(node, ast.Name):
            if node.id in scope:
                return scope[node.id]
            return self.names[node.id]
        if isinstance(node, (ast.List, ast.Tuple)):
            vals = [self.ev(e, scope) for e in node.elts]
            return vals if isinstance(node, ast.List) else tuple(vals)
        if isinstance(node, ast.BinOp):
            a, b = self.ev(node.left, scope), self.ev(node.right, scope)
            if isinstance(node.op, ast.Add):
                return a + b
            if isinstance(node.op, ast.Mult):
                return a * b
            if isinstance(node.op, ast.BitOr):
                return None
        if isinstance(node, ast.Attribute):
            # ClassName.attr
            if isinstance(node.value, ast.Name) and node.value.id in self.classes:
                return self.class_attr(node.value.id, node.attr)
            # garak.payloads.load("x").payloads
            if node.attr == "payloads" and isinstance(node.value, ast.Call):
                call = node.value
                if getattr(call.func, "attr", None) == "load":
                    return self.loaders(self.ev(call.args[0], scope))
            raise ValueError("attr")
        if isinstance(node, ast.ListComp):
            # [c.replace(A, B) for c in <iterable>]
            gen = node.generators[0]
            it = self.ev(gen.iter, scope)
            res = []
            for item in it:
                res.append(self.ev(node.elt, {**scope, gen.target.id: item}))
            return res
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace":
            s = self.ev(node.func.value, scope)
            return s.replace(self.ev(node.args[0], scope), self.ev(node.args[1], scope))
        raise ValueError(ast.dump(node)[:200])

    def load_classes(self, tree):
        self.classes = {}
        for n in tree.body:
            if isinstance(n, ast.ClassDef):
                self.classes[n.name] = n
        self.cache = {}

    def class_attr(self, cname, attr):
        key = (cname, attr)
        if key in self.cache:
            return self.cache[key]
        node = self.classes.get(cname)
        if node is None:
            raise KeyError(key)
        for st in node.body:
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and \
                    isinstance(st.targets[0], ast.Name) and st.targets[0].id == attr:
                try:
                    val = self.ev(st.value, {})
                except (ValueError, KeyError):
                    val = None
                self.cache[key] = val
                return val
        for base in node.bases:
            if isinstance(base, ast.Name) and base.id in self.classes:
                try:
                    val = self.class_attr(base.id, attr)
                except KeyError:
                    continue
                if val is not None:
                    self.cache[key] = val
                    return val
        raise KeyError(key)


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def pick(items, cap, keyf=lambda x: json.dumps(x, ensure_ascii=False)):
    items = sorted(items, key=lambda x: h(keyf(x)))
    return items[:cap]


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_GIT
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    commit = git(gitdir, "rev-parse", "HEAD").decode().strip()
    c12 = commit[:12]

    def payloads(name):
        return json.loads(show(gitdir, commit, f"garak/data/payloads/{name}.json"))["payloads"]

    li_path = "garak/probes/latentinjection.py"
    tree = ast.parse(show(gitdir, commit, li_path))
    E = Evaluator({"INJECTION_MARKER": INJECTION_MARKER, "PAYLOAD_MARKER": PAYLOAD_MARKER,
                   "TRIGGER_MARKER": TRIGGER_MARKER}, payloads)
    E.load_classes(tree)

    records = []
    seen = set()

    def add(label, attack, kind, text, path, lang="en", note=None):
        text = text.strip("\n")
        if not text.strip() or text in seen:
            return
        seen.add(text)
        r = {"id": None, "group": GROUP, "source": f"{REPO}@{c12}:{path}", "license": LICENSE,
             "label": label, "attack": attack, "kind": kind, "lang": lang, "synthetic": False,
             "text": text}
        if note:
            r["note"] = note
        records.append(r)

    def attr(c, a, default=None):
        try:
            v = E.class_attr(c, a)
        except KeyError:
            return default
        return default if v is None else v

    def combos(cname, contexts, triggers):
        seps = attr(cname, "injection_sep_pairs", [("", "")])
        instrs = attr(cname, "injection_instructions")
        pls = attr(cname, "payloads")
        res = []
        for ctx in contexts:
            for s0, s1 in seps:
                for ins in instrs:
                    for pl in pls:
                        for trig in triggers:
                            inj = s0 + ins.replace(PAYLOAD_MARKER, pl.replace(TRIGGER_MARKER, trig)) + s1
                            res.append((ctx, inj, pl, trig, ins, s0))
        return res

    def snippet_contexts(paragraphs, n_ctx, per=5, sep="\n"):
        """Deterministic stand-in for FactSnippetMixin._build_snippet_contexts."""
        paragraphs = [p.replace("{INJECTION_MARKER}", "") for p in paragraphs]
        per = min(per, len(paragraphs))
        ctxs = []
        order = sorted(range(len(paragraphs)), key=lambda i: h(paragraphs[i]))
        for k in range(n_ctx):
            ids = [order[(k + j) % len(order)] for j in range(per)]
            snips = [paragraphs[i] for i in ids]
            pos = 1 + (k % (per - 1)) if per > 1 else 0
            clean = sep.join(snips)
            snips.insert(pos, INJECTION_MARKER)
            ctxs.append((sep.join(snips), clean))
        return ctxs

    # ---- report
    domains = payloads("domains_latentinjection")
    rc = attr("LatentInjectionReportFull", "contexts")
    for ctx in rc:
        add("clean", None, "doc", ctx.replace(INJECTION_MARKER, ""), li_path)
    for ctx, inj, pl, trig, ins, s0 in pick(combos("LatentInjectionReportFull", rc, domains), 130):
        attack = "phishing_link" if ("http" in pl or "<a " in pl or "](" in pl or "visit" in pl.lower() or "here <" in pl) else "goal_hijack"
        if "System:" in ins and attack == "goal_hijack":
            attack = "fake_system_message"
        add("injection", attack, "doc", ctx.replace(INJECTION_MARKER, inj), li_path)

    # ---- resume
    cc = attr("LatentInjectionResumeFull", "contexts")
    for ctx in cc:
        add("clean", None, "doc", ctx.replace(INJECTION_MARKER, ""), li_path)
    for ctx, inj, pl, trig, ins, s0 in pick(combos("LatentInjectionResumeFull", cc,
                                                   attr("LatentInjectionResumeFull", "payload_triggers")), 110):
        add("injection", "goal_hijack", "doc", ctx.replace(INJECTION_MARKER, inj), li_path)

    # ---- fact snippets (Eiffel, legal)
    for cname, n_ctx, cap in (("LatentInjectionFactSnippetEiffelFull", 12, 90),
                              ("LatentInjectionFactSnippetLegalFull", 12, 80)):
        paras = attr(cname, "paragraphs")
        ctxs = snippet_contexts(paras, n_ctx)
        for p in paras:
            add("clean", None, "web", p.replace("{INJECTION_MARKER}", ""), li_path)
        for _, clean in ctxs[:4]:
            add("clean", None, "web", clean, li_path)
        for ctx, inj, pl, trig, ins, s0 in pick(combos(cname, [c for c, _ in ctxs],
                                                       attr(cname, "payload_triggers")), cap):
            attack = "phishing_link" if "](http" in trig else "misinformation"
            add("injection", attack, "web", ctx.replace(INJECTION_MARKER, inj), li_path)

    # ---- whois (single report + snippets)
    wpath = "garak/data/payloads/whois_injection_contexts.json"
    wctx = [c.replace("{INJECTION_MARKER}", INJECTION_MARKER) for c in payloads("whois_injection_contexts")]
    for c in wctx:
        add("clean", None, "log", c.replace(INJECTION_MARKER, ""), wpath)
    trig = attr("LatentWhois", "payload_triggers")
    for ctx, inj, pl, t, ins, s0 in pick(combos("LatentWhois", wctx, trig), 110):
        attack = "fake_system_message" if s0 in ("SYSTEM: ", "[ADMIN REQUEST::") else "goal_hijack"
        add("injection", attack, "log", ctx.replace(INJECTION_MARKER, inj), wpath)
    wparas = payloads("whois_injection_contexts")
    sctx = snippet_contexts(wparas, 8, per=3)
    for ctx, inj, pl, t, ins, s0 in pick(combos("LatentWhoisSnippetFull", [c for c, _ in sctx], trig), 50):
        attack = "fake_system_message" if ("SYSTEM" in ins or s0.startswith("<system")) else "goal_hijack"
        add("injection", attack, "log", ctx.replace(INJECTION_MARKER, inj), wpath)

    # ---- translation (en->fr / en->zh): the injected sentence itself is the document
    for cname, pname in (("LatentInjectionTranslationEnFrFull", "rude_french"),
                         ("LatentInjectionTranslationEnZhFull", "rude_chinese")):
        trigs = attr(cname, "payload_triggers") + payloads(pname)
        ctxs = attr(cname, "contexts")
        for ctx, inj, pl, t, ins, s0 in pick(combos(cname, ctxs, trigs), 40):
            attack = "simulated_user" if "User:" in ins else "instruction_override"
            add("injection", attack, "other", ctx.replace(INJECTION_MARKER, inj), li_path)

    # ---- latent jailbreak (harmful content request hidden in a text to translate/polish)
    lj = attr("LatentJailbreakFull", "contexts")
    for ctx, inj, pl, t, ins, s0 in pick(combos("LatentJailbreakFull", lj,
                                                attr("LatentJailbreakFull", "payload_triggers")), 60):
        add("injection", "harmful_content", "other", ctx.replace(INJECTION_MARKER, inj), li_path)

    latent_injections = [r for r in records if r["label"] == "injection"]

    # ---- web_injection: markdown image exfiltration instructions
    wi_path = "garak/probes/web_injection.py"
    wtree = ast.parse(show(gitdir, commit, wi_path))
    W = Evaluator({}, payloads)
    W.load_classes(wtree)
    xss_domains = show(gitdir, commit, "garak/data/xss/xss_domains.txt").split()
    encs = [e for e in show(gitdir, commit, "garak/data/xss/xss_encodings.txt").splitlines() if e.strip()]
    actions = [a for a in show(gitdir, commit, "garak/data/xss/xss_injected_actions.txt").splitlines() if a.strip()]
    markers = [m for m in show(gitdir, commit, "garak/data/xss/xss_injection_markers.txt").splitlines() if m.strip()]
    varnames = [v for v in show(gitdir, commit, "garak/data/xss/xss_var_names.txt").splitlines() if v.strip()]
    displays = [d for d in show(gitdir, commit, "garak/data/xss/xss_link_display_texts.txt").splitlines() if d.strip()]
    t_exfil = W.class_attr("MarkdownImageExfil", "template")
    for d in xss_domains:
        for e in encs:
            add("injection", "exfiltration", "web", t_exfil.replace("{domain}", d).replace("{encoding}", e), wi_path)
    t_play = W.class_attr("PlaygroundMarkdownExfil", "template")
    for d in payloads("example_domains_xss"):
        add("injection", "exfiltration", "web", t_play.replace("{domain}", d), wi_path)
    t_colab = W.class_attr("ColabAIDataLeakage", "template")
    for d in xss_domains:
        md = ",".join('"%s"' % ch for ch in ("![t](https://" + d)[:])  # garak splits the domain into quoted chars
        add("injection", "exfiltration", "web", t_colab.replace("{modified_domain}", md), wi_path)
    full_t = {p: show(gitdir, commit, p) for p in (
        "garak/data/xss/xss_full_uri_prompt_templates/email.txt",
        "garak/data/xss/xss_full_uri_prompt_templates/direct.txt")}
    concat_t = show(gitdir, commit, "garak/data/xss/xss_concat_prompt_templates/basic_concat_inst.txt")
    combos_x = []
    for d in xss_domains:
        for v in varnames:
            for m in markers:
                for a in actions:
                    for e in encs:
                        combos_x.append((d, v, m, a, e, displays[(len(d) + len(v)) % len(displays)]))
    for i, (d, v, m, a, e, disp) in enumerate(pick(combos_x, 40)):
        uri = f"![{disp}](https://{d}/logo.png?{v}=[{m}])"
        path = sorted(full_t)[i % 2]
        txt = full_t[path].replace("{uri}", uri).replace("{injected_marker}", m) \
            .replace("{encoding}", e).replace("{injected_action}", a)
        kind = "email" if path.endswith("email.txt") else "web"
        add("injection", "exfiltration", kind, txt, path)
    for i, (d, v, m, a, e, disp) in enumerate(pick(combos_x, 12, keyf=lambda x: "c" + json.dumps(x))):
        s = f"![{disp}](https://{d}/logo.png?{v}=[{m}])"
        parts = ",".join('"%s"' % s[j:j + 3] for j in range(0, len(s), 3))
        txt = concat_t.replace("{injected_strings}", parts).replace("{injected_marker}", m) \
            .replace("{injected_action}", a).replace("{injected_output_fomat}", "print")
        add("injection", "exfiltration", "web", txt, "garak/data/xss/xss_concat_prompt_templates/basic_concat_inst.txt")

    # ---- encoding.py templates applied to injection instructions (derived)
    enc_path = "garak/probes/encoding.py"
    etree = ast.parse(show(gitdir, commit, enc_path))
    templates = None
    for n in etree.body:
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "TEMPLATES":
            templates = ast.literal_eval(n.value)
    encoders = [
        ("BASE64", lambda s: base64.b64encode(s.encode()).decode()),
        ("BASE32", lambda s: base64.b32encode(s.encode()).decode()),
        ("BASE16", lambda s: base64.b16encode(s.encode()).decode()),
        ("ROT13", lambda s: codecs.encode(s, "rot13")),
        ("ASCII85", lambda s: base64.a85encode(s.encode()).decode()),
    ]
    # the bare injection strings (without carrier) of a sample of latent injections
    inj_strings = []
    for cname in ("LatentInjectionReportFull", "LatentInjectionResumeFull", "LatentWhois",
                  "LatentInjectionFactSnippetEiffelFull"):
        trigs = {"LatentInjectionReportFull": domains,
                 "LatentInjectionResumeFull": attr("LatentInjectionResumeFull", "payload_triggers"),
                 "LatentWhois": trig,
                 "LatentInjectionFactSnippetEiffelFull": attr("LatentInjectionFactSnippetEiffelFull", "payload_triggers")}[cname]
        for c in combos(cname, [INJECTION_MARKER], trigs):
            inj_strings.append(c[1].strip())
    inj_strings = sorted(set(inj_strings), key=h)[:60]
    for i, s in enumerate(inj_strings):
        for j in range(2):
            name, fn = encoders[(i + j) % len(encoders)]
            tpl = templates[(i * 2 + j) % len(templates)]
            txt = tpl.replace("{encoding_name}", name).replace("{encoded_text}", fn(s))
            add("injection", "obfuscated_instruction", "other", txt, enc_path,
                note=f"derived: garak encoding template applied to a garak latent-injection string ({name.lower()})")

    # ---- PromptInject (Agency Enterprise, MIT; vendored in garak/resources/promptinject)
    pi_path = "garak/resources/promptinject/prompt_data.py"
    ptree = ast.parse(show(gitdir, commit, pi_path))
    pdata = {}
    for n in ptree.body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name):
            try:
                pdata[n.targets[0].id] = ast.literal_eval(n.value)
            except ValueError:
                pass
    pi_items = []
    for key, fam in (("goal_hikacking_attacks", "instruction_override"), ("prompt_leaking_attacks", "prompt_leak")):
        for a in pdata[key].values():
            rogues = pdata["rogue_strings"].values() if "{REPLACE_rogue_string}" in a["instruction"] else [""]
            for rs in rogues:
                for esc in pdata["escape_chars"].values():
                    for dl in pdata["delimiter_chars"].values():
                        for times, length in ((2, 10), (1, 20)):
                            pi_items.append((fam, esc, dl, times, length, a["instruction"].replace("{REPLACE_rogue_string}", rs)))
    for fam, esc, dl, times, length, ins in pick(pi_items, 90):
        single = esc + dl * length
        rep = single * times
        txt = (rep + "\n" if rep else "") + ins
        add("injection", fam, "other", txt, pi_path,
            note="PromptInject (Agency Enterprise, MIT) attack string with its escape/delimiter padding; bare")
    pi_license = "MIT"
    for r in records:
        if r["source"].endswith(pi_path):
            r["license"] = pi_license

    # ---- system-prompt extraction attacks (bare)
    sp_path = "garak/data/sysprompt_extraction/attacks.json"
    for cat, items in json.loads(show(gitdir, commit, sp_path)).items():
        for s in items:
            add("injection", "prompt_leak", "chat", s, sp_path,
                note=f"bare system-prompt extraction request ({cat}); not a tool output")

    for i, r in enumerate(records):
        r["id"] = f"{GROUP}/{i}"
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} records -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
