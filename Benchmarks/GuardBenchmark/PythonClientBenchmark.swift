import Foundation

/// `GuardBenchmark --python-client`: the path users take. The official Python SDK client
/// (`sdk_client.py`, the repository's .venv) drives a raw JSON-RPC server (`raw_server.py`) four ways in
/// alternating rounds: direct, through the ideal relay (``IdealRelay``), through `mcpguard run` with
/// screening and audit off (the floor), and with the full policy and an audit log. What mcpguard adds is
/// read against the direct run and against the relay, whose overhead is the price of any extra process.
struct PythonClientBenchmark {
    let mcpguard: String
    let benchmark: String
    let work: URL
    let fullPolicy: String
    let floorPolicy: String
    let calls: Int
    let concurrency: Int
    let rounds: Int

    enum Way: String, CaseIterable {
        case direct, relay, floor, full
    }

    /// What one run of `sdk_client.py` printed.
    struct Run: Decodable {
        struct Child: Decodable {
            let cpu_s: Double
            let vmhwm_kb: Int
        }
        let latencies_us: [Double]
        let calls_per_s: Double
        let startup_ms: Double
        let round_trips: Int
        let child: Child?

        func percentile(_ p: Double) -> Double { percentileOf(sorted: latencies_us, p) }
        /// CPU of the process in front of the server per round trip, in µs.
        var cpuPerCall: Double? { child.map { $0.cpu_s * 1e6 / Double(round_trips) } }
    }

    var root: String { FileManager.default.currentDirectoryPath }
    var python: String { root + "/.venv/bin/python" }
    var server: [String] { [python, root + "/Benchmarks/GuardBenchmark/raw_server.py"] }

    func command(_ way: Way) -> [String] {
        switch way {
        case .direct: server
        case .relay: [benchmark, "--relay", "--"] + server
        case .floor: [mcpguard, "run", "--policy", floorPolicy, "--"] + server
        case .full: [mcpguard, "run", "--policy", fullPolicy, "--audit", work.appendingPathComponent("audit-\(UUID().uuidString).jsonl").path, "--"] + server
        }
    }

    func measure(_ way: Way) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [root + "/Benchmarks/GuardBenchmark/sdk_client.py", String(calls), String(concurrency), "--"] + command(way)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchmarkFailure(text: "sdk_client.py failed for \(way) (exit \(process.terminationStatus))") }
        return try JSONDecoder().decode(Run.self, from: data)
    }

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: python) else { throw BenchmarkFailure(text: "\(python) not found: run scripts/bootstrap from the repository root") }
        var runs: [Way: [Run]] = [:]
        for _ in 0..<rounds {
            for way in Way.allCases { runs[way, default: []].append(try measure(way)) }
        }
        func best(_ way: Way) -> Run { runs[way]!.min { $0.percentile(0.5) < $1.percentile(0.5) }! }
        func bestRate(_ way: Way) -> Double { runs[way]!.map(\.calls_per_s).max()! }
        func startup(_ way: Way) -> Double { runs[way]!.map(\.startup_ms).min()! }
        let direct = best(.direct)
        print("Guard benchmark (official Python SDK client, raw JSON-RPC server): \(calls) sequential tools/call round trips and \(calls) more over \(concurrency) concurrent tasks, \(rounds) alternating rounds of each way, best round counts")
        print(String(format: "direct: p50 %.1f µs  p99 %.1f µs  %.0f calls/s  start-up %.1f ms", direct.percentile(0.5), direct.percentile(0.99), bestRate(.direct), startup(.direct)))
        for way in [Way.relay, .floor, .full] {
            let run = best(way)
            let cpu = run.cpuPerCall.map { String(format: "%.1f µs", $0) } ?? "n/a"
            let rss = run.child.map { String(format: "%.1f MB", Double($0.vmhwm_kb) / 1024) } ?? "n/a"
            print(String(format: "%@: p50 %.1f µs (+%.1f)  p99 %.1f µs (+%.1f)  %.0f calls/s (%.2f of direct)  start-up +%.1f ms  own CPU %@ per call  peak RSS %@",
                         way.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0), run.percentile(0.5), run.percentile(0.5) - direct.percentile(0.5),
                         run.percentile(0.99), run.percentile(0.99) - direct.percentile(0.99), bestRate(way), bestRate(way) / bestRate(.direct),
                         startup(way) - startup(.direct), cpu, rss))
        }
        let relay = best(.relay)
        let full = best(.full)
        print(String(format: "mcpguard (full policy) over the ideal relay: p50 +%.1f µs (target ≤ 50 over direct), p99 +%.1f µs (target ≤ 200), calls/s %.2f of the relay's, start-up +%.1f ms",
                     full.percentile(0.5) - relay.percentile(0.5), full.percentile(0.99) - relay.percentile(0.99), bestRate(.full) / bestRate(.relay), startup(.full) - startup(.relay)))
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
