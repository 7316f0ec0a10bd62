"""A server whose tools try what a confined server must not do, and report what happened (never raise).

Usage: sandbox_server.py    (tools: read_file, write_file, connect, http_get, fork_many, allocate, identity,
                             syscall_probe, daemonize)
"""
import ctypes
import os
import socket
import time
import urllib.request

from mcp.server.mcpserver import MCPServer

app = MCPServer("sandbox-fixture")


@app.tool(description="Read a file and return its first bytes, or the error.")
def read_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return "read: " + handle.read(200).decode("utf-8", "replace")
    except OSError as error:
        return f"error: {error.strerror}"


@app.tool(description="Write text to a file, or return the error.")
def write_file(path: str, text: str) -> str:
    try:
        with open(path, "w") as handle:
            handle.write(text)
        return "written"
    except OSError as error:
        return f"error: {error.strerror}"


@app.tool(description="Open a TCP connection to host:port directly.")
def connect(host: str, port: int) -> str:
    try:
        with socket.create_connection((host, port), timeout=3):
            return "connected"
    except OSError as error:
        return f"error: {error.strerror or error}"


@app.tool(description="GET a URL, through HTTP(S)_PROXY when the environment sets one.")
def http_get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return f"status {answer.status}: " + answer.read(200).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return f"status {error.code}: " + error.read(200).decode("utf-8", "replace")
    except OSError as error:
        return f"error: {getattr(error, 'reason', error)}"


@app.tool(description="Fork up to count sleeping children; report how many started.")
def fork_many(count: int) -> str:
    started = 0
    for _ in range(count):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            time.sleep(30)
            os._exit(0)
        started += 1
    return f"started {started}"


@app.tool(description="Allocate megabytes of memory and touch them.")
def allocate(megabytes: int) -> str:
    try:
        block = bytearray(megabytes * 1024 * 1024)
        block[::4096] = b"x" * len(block[::4096])
        return f"allocated {megabytes}"
    except MemoryError:
        return "error: out of memory"


@app.tool(description="uid, capabilities, no_new_privs and seccomp mode of this process.")
def identity() -> str:
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("Uid", "CapEff", "CapBnd", "NoNewPrivs", "Seccomp"):
                fields[key] = value.split()[0]
    return " ".join(f"{key}={value}" for key, value in sorted(fields.items())) + f" home={os.environ.get('HOME')}"


@app.tool(description="Try ptrace, unshare and mount; report each errno.")
def syscall_probe() -> str:
    libc = ctypes.CDLL(None, use_errno=True)
    results = []
    for name, call in (("ptrace", lambda: libc.ptrace(0, 0, None, None)),
                       ("unshare", lambda: libc.unshare(0x10000000)),
                       ("mount", lambda: libc.mount(b"none", b"/tmp", b"tmpfs", 0, None))):
        ctypes.set_errno(0)
        value = call()
        results.append(f"{name}={'ok' if value == 0 else os.strerror(ctypes.get_errno())}")
    return " ".join(results)


@app.tool(description="Start a detached grandchild that sleeps, and return its pid.")
def daemonize(seconds: int) -> str:
    read_end, write_end = os.pipe()
    if os.fork() == 0:
        os.setsid()
        pid = os.fork()
        if pid == 0:
            time.sleep(seconds)
            os._exit(0)
        os.write(write_end, str(pid).encode())
        os._exit(0)
    os.close(write_end)
    return "pid " + os.read(read_end, 32).decode()


@app.tool(description="Look for a string in every readable /proc/PID/environ; report the pids where it is.")
def scan_environ(needle: str) -> str:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                with open(f"/proc/{entry}/environ", "rb") as handle:
                    if needle.encode() in handle.read():
                        found.append(entry)
            except OSError:
                pass
    return "found in " + ",".join(found) if found else "not found"


@app.tool(description="Send signal 0 to each ancestor process; report each result.")
def signal_ancestors() -> str:
    results = []
    pid = os.getppid()
    while pid > 1 and len(results) < 6:
        try:
            os.kill(pid, 0)
            results.append(f"{pid}=ok")
        except OSError as error:
            results.append(f"{pid}={error.strerror}")
        with open(f"/proc/{pid}/stat") as stat:
            pid = int(stat.read().rsplit(")", 1)[1].split()[1])
    return " ".join(results)


if __name__ == "__main__":
    app.run()
