"""GuardBenchmark --python-client: the official MCP Python SDK client, the path users take, drives one stdio
command and prints one JSON object.

Usage: sdk_client.py CALLS CONCURRENCY -- COMMAND [ARGS...]
  latency:     CALLS sequential tools/call round trips (after 50 warm-up calls), in microseconds;
  throughput:  CALLS calls spread over CONCURRENCY concurrent tasks of the same session, calls per second;
  startup:     spawn to the initialize answer (the SDK's own start-up is in it alike for every command);
  child:       CPU seconds and peak RSS (VmHWM) of the spawned process itself, read from /proc before closing."""
import asyncio
import json
import os
import sys
import time

from mcp import Client, StdioServerParameters

NOTE = "Customer asked for the parcel to be left with the neighbour at number 12. " * 12


def children():
    pids = []
    for task in os.listdir("/proc/self/task"):
        with open(f"/proc/self/task/{task}/children") as handle:
            pids += [int(pid) for pid in handle.read().split()]
    return pids


def usage(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/status") as handle:
        hwm = next(int(line.split()[1]) for line in handle if line.startswith("VmHWM:"))
    return {"pid": pid, "cpu_s": cpu, "vmhwm_kb": hwm}


async def main():
    calls, concurrency = int(sys.argv[1]), int(sys.argv[2])
    command = sys.argv[sys.argv.index("--") + 1:]
    params = StdioServerParameters(command=command[0], args=command[1:], env=dict(os.environ))
    started = time.perf_counter()
    async with Client(params, mode="legacy") as client:
        startup = time.perf_counter() - started
        spawned = children()
        await client.list_tools()
        for index in range(50):
            await client.call_tool("lookup", {"order": f"ORD-{index}", "note": NOTE})
        latencies = []
        for index in range(calls):
            begin = time.perf_counter()
            result = await client.call_tool("lookup", {"order": f"ORD-{index}", "note": NOTE})
            latencies.append((time.perf_counter() - begin) * 1e6)
            assert not result.is_error, result
        per_task = calls // concurrency

        async def worker(task):
            for index in range(per_task):
                await client.call_tool("lookup", {"order": f"ORD-{task}-{index}", "note": NOTE})

        begin = time.perf_counter()
        await asyncio.gather(*(worker(task) for task in range(concurrency)))
        throughput = per_task * concurrency / (time.perf_counter() - begin)
        child = usage(spawned[0]) if spawned else None
    latencies.sort()
    print(json.dumps({"latencies_us": latencies, "calls_per_s": throughput, "startup_ms": startup * 1e3,
                      "round_trips": 50 + calls + per_task * concurrency, "child": child}))


asyncio.run(main())
