// Guard benchmark: the same MCP workload direct and through `mcpguard run` with a full policy, in one run.
//
// Usage: swift build -c release && .build/release/GuardBenchmark [--calls N] [--burst N] [--python | --python-client]
// The server is this executable in --echo-server mode (a small Swift stdio server, ~1 KB per message), or
// with --python the same tool on the official Python SDK (Benchmarks/GuardBenchmark/echo_server.py, run
// with the repository's .venv from the repository root): a realistic server next to the fastest one.
// Reports per-call round-trip latency (p50, p99) direct and guarded and the difference the guard adds,
// pipelined throughput in messages per second and its ratio to direct, mcpguard's own CPU per round trip
// and its peak RSS (VmHWM), read from the mcpguard process itself (not the keeper in front of it).
// Each side runs twice, alternating, and the better run counts, so a noisy neighbour skews both alike.
// --python-client measures the path users take instead: the official SDK client in front of a raw JSON-RPC
// server, direct, through an ideal relay and through mcpguard (see PythonClientBenchmark.swift).
import Foundation
import GuardCore
import MCPClient

if CommandLine.arguments.contains("--echo-server") { EchoServer.run() }
if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--relay" { IdealRelay.run(Array(CommandLine.arguments.dropFirst(3))) }

func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return fallback }
    return Int(CommandLine.arguments[index + 1]) ?? fallback
}
let python = CommandLine.arguments.contains("--python")
let pythonClient = CommandLine.arguments.contains("--python-client")
let calls = option("--calls", python ? 500 : 5000)
let burst = option("--burst", python ? 2000 : 20000)
/// The server command line: this executable, or the Python SDK server.
let serverCommand: [String] = python
    ? [FileManager.default.currentDirectoryPath + "/.venv/bin/python", FileManager.default.currentDirectoryPath + "/Benchmarks/GuardBenchmark/echo_server.py"]
    : [CommandLine.arguments[0], "--echo-server"]
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let mcpguard = executable.deletingLastPathComponent().appendingPathComponent("mcpguard").path
guard FileManager.default.isExecutableFile(atPath: mcpguard) else {
    print("GuardBenchmark: \(mcpguard) not found; build both with `swift build -c release`")
    exit(2)
}

let work = FileManager.default.temporaryDirectory.appendingPathComponent("mcpguard-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: work) }
let policy = work.appendingPathComponent("policy.yaml").path
let floorPolicy = work.appendingPathComponent("floor.yaml").path
try "version: 1\nservers:\n  \"*\":\n    outputs: { redact: [], injection: off }\n".write(toFile: floorPolicy, atomically: true, encoding: .utf8)
try """
    version: 1
    servers:
      "*":
        default: allow
        timeout: 30s
        rate: 1000000/s
        budget: 100000000
        outputs: { max_size: 1MB, redact: [secrets, crypto, email, phone, card, iban], injection: label }
        tools:
          lookup: { action: allow, arguments: { order: { pattern: "^[A-Z0-9-]+$" } }, timeout: 10s }
    """.write(toFile: policy, atomically: true, encoding: .utf8)
if pythonClient {
    let benchmark = PythonClientBenchmark(mcpguard: mcpguard, benchmark: executable.path, work: work, fullPolicy: policy, floorPolicy: floorPolicy,
                                          calls: option("--calls", 2000), concurrency: option("--concurrency", 8), rounds: option("--rounds", 3))
    var failed = false
    do { try benchmark.run() } catch {
        print("GuardBenchmark: \(error)")
        failed = true
    }
    try? FileManager.default.removeItem(at: work)
    exit(failed ? 1 : 0)
}

/// One session: a child speaking line-framed JSON-RPC on its stdin/stdout.
final class Session: @unchecked Sendable {  // the writer thread only sends; this thread only receives
    let child: ChildProcess
    var framer = LineFramer(maxFrameSize: 1 << 22)
    var pending: [[UInt8]] = []
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    init(_ command: String, _ arguments: [String]) throws {
        child = try ChildProcess(command: command, arguments: arguments, environment: ProcessInfo.processInfo.environment)
    }

    func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(child.stdin.fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    func receive() -> [UInt8] {
        while pending.isEmpty {
            let count = buffer.withUnsafeMutableBytes { read(child.stdout.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { fatalError("the server closed its output") }
            for case .line(let line) in framer.append(buffer[0..<count]) { pending.append(line) }
        }
        return pending.removeFirst()
    }

    func request(_ id: Int, _ method: String, _ params: JSONValue) -> [UInt8] {
        JSONWriter().bytes(["jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": .string(method), "params": params]) + [0x0A]
    }

    static let note = String(repeating: "Customer asked for the parcel to be left with the neighbour at number 12. ", count: 12)

    func call(_ id: Int) -> [UInt8] {
        request(id, "tools/call", ["name": "lookup", "arguments": ["order": .string("ORD-\(id)"), "note": .string(Self.note)]])
    }

    func start() {
        send(request(0, "initialize", ["protocolVersion": "2025-11-25", "capabilities": [:], "clientInfo": ["name": "bench", "version": "1"]]))
        _ = receive()
        send(JSONWriter().bytes(["jsonrpc": "2.0", "method": "notifications/initialized"]) + [0x0A])
        send(request(1, "tools/list", [:]))
        _ = receive()
    }

    func stop() async {
        try? child.stdin.close()
        _ = await child.waitForExit()
    }
}

struct Measurement {
    var latencies: [Double]  // microseconds, sorted
    var throughput: Double  // messages per second (requests + responses)
    var peakRSS: Int?  // kB
    var privateRSS: Int?  // kB, after the burst
    var cpuPerCall: Double?  // µs of mcpguard's own CPU per round trip, over the whole session
    var startup: Double = 0  // ms from spawn to the answer to tools/list
    var requestBytes = 0
    var responseBytes = 0
    func percentile(_ p: Double) -> Double { percentileOf(sorted: latencies, p) }
}

/// The `p` quantile of ascending `values` (nearest rank), for both benchmark modes.
func percentileOf(sorted values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }

/// A `/proc/PID/status` field in kB: VmHWM is the peak resident set; RssAnon the private part now.
func status(_ pid: pid_t, _ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
    return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
}
func peakRSS(_ pid: pid_t) -> Int? { status(pid, "VmHWM") }

/// The command itself: on Linux a child process runs under a keeper (the pid ChildProcess knows), whose
/// only child is the command.
func commandPID(_ child: ChildProcess) -> pid_t {
    let children = (try? String(contentsOfFile: "/proc/\(child.pid)/task/\(child.pid)/children", encoding: .utf8)) ?? ""
    return children.split(separator: " ").first.flatMap { pid_t($0) } ?? child.pid
}

/// User + system CPU seconds a process has used so far.
func cpuSeconds(_ pid: pid_t) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

enum Mode { case direct, floor, full, sandboxed }

func measure(_ mode: Mode) async throws -> Measurement {
    let guarded = mode != .direct
    let launched = ContinuousClock.now
    let session = switch mode {
    case .sandboxed: try Session(mcpguard, ["run", "--policy", policy, "--sandbox", "--audit", work.appendingPathComponent("audit-\(UUID().uuidString).jsonl").path, "--"] + serverCommand)
    case .full: try Session(mcpguard, ["run", "--policy", policy, "--audit", work.appendingPathComponent("audit-\(UUID().uuidString).jsonl").path, "--"] + serverCommand)
    case .floor: try Session(mcpguard, ["run", "--policy", floorPolicy, "--"] + serverCommand)
    case .direct: try Session(serverCommand[0], Array(serverCommand.dropFirst()))
    }
    session.start()
    let startup = ContinuousClock.now - launched
    for id in 2..<102 { session.send(session.call(id)); _ = session.receive() }  // warm-up
    var latencies: [Double] = []
    latencies.reserveCapacity(calls)
    let clock = ContinuousClock()
    var requestBytes = 0
    var responseBytes = 0
    for id in 1000..<(1000 + calls) {
        let bytes = session.call(id)
        requestBytes = bytes.count
        let start = clock.now
        session.send(bytes)
        responseBytes = session.receive().count
        let elapsed = clock.now - start
        latencies.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    // Throughput: a writer thread keeps requests flowing while this thread reads every answer.
    let first = 1_000_000
    let writer = Thread { for id in first..<(first + burst) { session.send(session.call(id)) } }
    let start = clock.now
    writer.start()
    for _ in 0..<burst { _ = session.receive() }
    let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
    let process = commandPID(session.child)
    let rss = guarded ? peakRSS(process) : nil
    let privateRSS = guarded ? status(process, "RssAnon") : nil
    let cpu = guarded ? cpuSeconds(process).map { $0 * 1e6 / Double(100 + calls + burst) } : nil
    await session.stop()
    var result = Measurement(latencies: latencies.sorted(), throughput: Double(2 * burst) / seconds, peakRSS: rss, privateRSS: privateRSS, cpuPerCall: cpu)
    result.startup = Double(startup.components.attoseconds) / 1e15 + Double(startup.components.seconds) * 1e3
    result.requestBytes = requestBytes
    result.responseBytes = responseBytes
    return result
}

var direct: [Measurement] = []
var guarded: [Measurement] = []
var floor: [Measurement] = []
var sandboxed: [Measurement] = []
let withSandbox = !CommandLine.arguments.contains("--no-sandbox")
for _ in 0..<2 {
    direct.append(try await measure(.direct))
    floor.append(try await measure(.floor))
    guarded.append(try await measure(.full))
    if withSandbox { sandboxed.append(try await measure(.sandboxed)) }
}
let bestFloor = floor.min { $0.percentile(0.5) < $1.percentile(0.5) }!
let bestDirect = direct.min { $0.percentile(0.5) < $1.percentile(0.5) }!
let bestGuarded = guarded.min { $0.percentile(0.5) < $1.percentile(0.5) }!
let directThroughput = direct.map(\.throughput).max()!
let guardedThroughput = guarded.map(\.throughput).max()!
print("Guard benchmark (\(python ? "Python SDK server" : "Swift echo server")): \(calls) sequential tools/call round trips and a pipelined burst of \(burst), twice each way")
print("messages: request \(bestDirect.requestBytes) B, response \(bestDirect.responseBytes) B (direct); full policy with audit log, schema, arguments, limits, timeouts, redaction, injection labelling")
print(String(format: "latency direct:  p50 %.1f µs  p99 %.1f µs", bestDirect.percentile(0.5), bestDirect.percentile(0.99)))
print(String(format: "latency guarded: p50 %.1f µs  p99 %.1f µs", bestGuarded.percentile(0.5), bestGuarded.percentile(0.99)))
print(String(format: "added by the guard: p50 %.1f µs (target ≤ 100)  p99 %.1f µs (target ≤ 1000)",
             bestGuarded.percentile(0.5) - bestDirect.percentile(0.5), bestGuarded.percentile(0.99) - bestDirect.percentile(0.99)))
print(String(format: "throughput: direct %.0f msg/s, guarded %.0f msg/s, ratio %.2f (target ≥ 0.90)", directThroughput, guardedThroughput, guardedThroughput / directThroughput))
print(String(format: "floor (mcpguard run with output screening off, no audit): added p50 %.1f µs, p99 %.1f µs, throughput ratio %.2f: the cost of the extra process hop",
             bestFloor.percentile(0.5) - bestDirect.percentile(0.5), bestFloor.percentile(0.99) - bestDirect.percentile(0.99), floor.map(\.throughput).max()! / directThroughput))
func cpu(_ runs: [Measurement]) -> String { runs.compactMap(\.cpuPerCall).min().map { String(format: "%.1f µs", $0) } ?? "n/a" }
print("mcpguard CPU per round trip (user + system, the steadiest figure on a shared machine): full policy \(cpu(guarded)), floor \(cpu(floor))")
func megabytes(_ runs: [Measurement]) -> String { runs.compactMap(\.peakRSS).max().map { String(format: "%.1f MB", Double($0) / 1024) } ?? "n/a" }
print("mcpguard peak RSS: full policy \(megabytes(guarded)), bare \(megabytes(floor)) (target ≤ 30 MB); "
    + "private (anonymous) memory after the burst: \(guarded.compactMap(\.privateRSS).max().map { String(format: "%.1f MB", Double($0) / 1024) } ?? "n/a"), "
    + "the rest is shared read-only pages of the binary and the Swift and Foundation libraries")
if withSandbox, let bestSandboxed = sandboxed.min(by: { $0.percentile(0.5) < $1.percentile(0.5) }) {
    func startup(_ runs: [Measurement]) -> Double { runs.map(\.startup).min() ?? 0 }
    print(String(format: "sandboxed (full policy + --sandbox, network none): added p50 %.1f µs, p99 %.1f µs over direct; %.1f µs p50 over the unsandboxed guard; throughput ratio %.2f",
                 bestSandboxed.percentile(0.5) - bestDirect.percentile(0.5), bestSandboxed.percentile(0.99) - bestDirect.percentile(0.99),
                 bestSandboxed.percentile(0.5) - bestGuarded.percentile(0.5), sandboxed.map(\.throughput).max()! / directThroughput))
    print(String(format: "start-up to tools/list: direct %.1f ms, guarded %.1f ms, sandboxed %.1f ms (the sandbox adds %.1f ms)",
                 startup(direct), startup(guarded), startup(sandboxed), startup(sandboxed) - startup(guarded)))
}
