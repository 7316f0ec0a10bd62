#!/usr/bin/env python3
"""Regenerate /work/corpus/raw/everything_wrong_pypi.jsonl from the PyPI sdist
mcp-server-everything-wrong 0.2.1 (Apache-2.0, LICENSE.md in the sdist), fetched with
`pip download --no-deps --no-binary :all: mcp-server-everything-wrong==0.2.1`.

src/mcp_server_everything_wrong/server.py is a deliberately insecure FastMCP demo server: greet
(rug pull: its docstring is rewritten after the first call; the served-first text is benign),
joke_teller (hidden <IMPORTANT> block after invisible padding), shadowing_attack (BCC shadowing of
send_email) and honest tools. Read statically with `ast` (never run).
Usage: everything_wrong_pypi.py [SDIST_TAR_GZ] [OUT_JSONL]
"""
import os, sys, tarfile
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _mcp_pyextract as X

GROUP, PKG, VER = "everything_wrong_pypi", "mcp-server-everything-wrong", "0.2.1"
SDIST = sys.argv[1] if len(sys.argv) > 1 else "/work/corpus/work/pkgs/mcp_server_everything_wrong-0.2.1.tar.gz"
OUT = sys.argv[2] if len(sys.argv) > 2 else f"/work/corpus/raw/{GROUP}.jsonl"
MEMBER = "mcp_server_everything_wrong-0.2.1/src/mcp_server_everything_wrong/server.py"
LABELS = {"joke_teller": ("poisoned", "tool_poisoning"), "shadowing_attack": ("poisoned", "shadowing")}


def main():
    with tarfile.open(SDIST) as tf:
        src = tf.extractfile(MEMBER).read().decode("utf-8")
    recs = []
    for t in X.py_tools(src):
        if not t["description"]:
            continue
        label, attack = LABELS.get(t["name"], ("benign", None))
        recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP,
                     "source": f"pypi:{PKG}=={VER}:{MEMBER.split('/', 1)[1]}", "license": "Apache-2.0",
                     "label": label, "attack": attack, "lang": "en", "synthetic": False,
                     "server": "mcp-server-everything-wrong",
                     "tool": {"name": t["name"], "description": t["description"], "inputSchema": t["inputSchema"]}})
    # rug pull: `greet.__doc__ = original_doc + "<suffix>"` -> the definition served after the pull
    import ast
    docs = {t["func"]: t for t in X.py_tools(src) if "func" in t}
    for n in ast.walk(ast.parse(src)):
        if (isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Attribute)
                and n.targets[0].attr == "__doc__" and isinstance(n.value, ast.BinOp)
                and isinstance(n.value.right, ast.Constant) and isinstance(n.value.right.value, str)):
            fn = ast.unparse(n.targets[0].value)
            if fn in docs:
                t = docs[fn]
                recs.append({"id": f"{GROUP}/{len(recs) + 1}", "group": GROUP,
                             "source": f"pypi:{PKG}=={VER}:{MEMBER.split('/', 1)[1]}", "license": "Apache-2.0",
                             "label": "poisoned", "attack": "rug_pull", "lang": "en", "synthetic": False,
                             "server": "mcp-server-everything-wrong",
                             "tool": {"name": t["name"], "description": t["description"] + n.value.right.value,
                                      "inputSchema": t["inputSchema"]}})
    X.write_jsonl(OUT, recs)
    print(f"{len(recs)} records -> {OUT}")


if __name__ == "__main__":
    main()
