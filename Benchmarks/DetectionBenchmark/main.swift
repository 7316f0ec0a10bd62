// Detection benchmark: recall on malicious tool definitions, false positives on benign ones, and speed.
//
// Usage: swift run -c release DetectionBenchmark [CORPUS_DIR] [--verbose] [--git-repo PATH]
// CORPUS_DIR defaults to ../shared/corpus (the labelled corpus beside the project; see its README).
// A tool counts as caught when it has a finding of severity medium or higher. Speed is reported in tools
// per second on one core, and as a ratio against a baseline pass (tokenising the same texts) run in the
// same process, so the figure means something on any machine.
import Foundation
import GuardCore
import GuardDetect

struct Record {
    let id: String
    let label: String
    let attack: String?
    let server: String
    let tool: JSONValue
}

func loadRecords(_ path: String) throws -> [Record] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        let value = try JSONParser.parse(String(line))
        var tool = value["tool"]?.objectValue ?? JSONObject()
        if tool["inputSchema"] == .null { tool["inputSchema"] = nil }
        return Record(
            id: value["id"]?.stringValue ?? "?", label: value["label"]?.stringValue ?? "?", attack: value["attack"]?.stringValue,
            server: value["server"]?.stringValue ?? "?", tool: .object(tool)
        )
    }
}

/// One server per (server, attack) group, so variants of one server do not merge.
func snapshot(_ records: [Record]) -> (InventorySnapshot, [String: Record]) {
    var groups: [String: [Record]] = [:]
    var order: [String] = []
    for record in records {
        let key = record.attack.map { "\(record.server) [\($0)]" } ?? record.server
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(record)
    }
    var byKey: [String: Record] = [:]
    let servers = order.map { key -> ServerInventory in
        var seen: [String: Int] = [:]
        let tools = groups[key]!.map { record -> JSONValue in
            // Duplicate names inside one group get a suffix so each record stays addressable.
            var name = record.tool["name"]?.stringValue ?? "?"
            seen[name, default: 0] += 1
            if seen[name]! > 1 { name += "#\(seen[name]!)" }
            byKey["\(key)\u{0}\(name)"] = record
            var object = record.tool.objectValue!
            object["name"] = .string(name)
            return .object(object)
        }
        return ServerInventory(name: key, tools: tools)
    }
    return (InventorySnapshot(servers: servers), byKey)
}

func flagged(_ findings: [Finding]) -> [String: [Finding]] {
    var result: [String: [Finding]] = [:]
    for finding in findings where finding.severity >= .medium {
        guard let server = finding.server, let tool = finding.tool else { continue }
        result["\(server)\u{0}\(tool)", default: []].append(finding)
    }
    return result
}

func percent(_ part: Int, _ whole: Int) -> String {
    whole == 0 ? "n/a" : String(format: "%.1f%%", 100 * Double(part) / Double(whole))
}

var arguments = Array(CommandLine.arguments.dropFirst())
/// A real repository whose history serves as honest tool output (`--git-repo PATH`; default: this one).
var gitRepository = "."
if let flag = arguments.firstIndex(of: "--git-repo"), flag + 1 < arguments.count {
    gitRepository = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let verbose = arguments.contains("--verbose")
let corpus = arguments.first { !$0.hasPrefix("--") } ?? "../shared/corpus"
let engine = DetectionEngine.builtIn

do {
    let malicious = try loadRecords(corpus + "/tools-malicious.jsonl")
    let benign = try loadRecords(corpus + "/tools-benign.jsonl")

    // Malicious: recall per attack category.
    let (maliciousSnapshot, maliciousByKey) = snapshot(malicious)
    let maliciousHits = flagged(engine.analyze(DetectionInput(snapshot: maliciousSnapshot)))
    var caughtByAttack: [String: (caught: Int, total: Int)] = [:]
    var hiddenCaught = 0
    var hiddenTotal = 0
    var misses: [String] = []
    for (key, record) in maliciousByKey.sorted(by: { $0.value.id < $1.value.id }) {
        let caught = maliciousHits[key] != nil
        if record.label == "malicious" {
            let attack = record.attack ?? "?"
            caughtByAttack[attack, default: (0, 0)].total += 1
            if caught { caughtByAttack[attack]!.caught += 1 } else { misses.append("\(record.id) \(attack) \(record.tool["name"]?.stringValue ?? "")") }
        } else {
            hiddenTotal += 1
            if caught { hiddenCaught += 1 }
        }
    }
    print("Detection on \(corpus)")
    print("")
    print("Recall on `malicious` records (caught = a finding of medium or higher):")
    var totalCaught = 0
    var total = 0
    for (attack, counts) in caughtByAttack.sorted(by: { $0.key < $1.key }) {
        print("  \(attack.padding(toLength: 48, withPad: " ", startingAt: 0)) \(counts.caught)/\(counts.total)  \(percent(counts.caught, counts.total))")
        totalCaught += counts.caught
        total += counts.total
    }
    print("  \("overall".padding(toLength: 48, withPad: " ", startingAt: 0)) \(totalCaught)/\(total)  \(percent(totalCaught, total))")
    print("  (malicious_hidden, attack not in the definition: \(hiddenCaught)/\(hiddenTotal) flagged, reported separately)")
    if verbose { for miss in misses { print("    missed: \(miss)") } }

    // Benign: false positives pooled and per server.
    let (benignSnapshot, benignByKey) = snapshot(benign)
    let benignHits = flagged(engine.analyze(DetectionInput(snapshot: benignSnapshot)))
    var falseByServer: [String: (flagged: Int, total: Int)] = [:]
    var falsePositives: [String] = []
    for (key, record) in benignByKey {
        falseByServer[record.server, default: (0, 0)].total += 1
        if let findings = benignHits[key] {
            falseByServer[record.server]!.flagged += 1
            falsePositives.append("\(record.id) \(record.server)/\(record.tool["name"]?.stringValue ?? ""): " + findings.map { "\($0.rule)(\($0.severity))" }.joined(separator: ", "))
        }
    }
    let pooled = falseByServer.values.reduce(0) { $0 + $1.flagged }
    let macro = falseByServer.values.map { Double($0.flagged) / Double($0.total) }.reduce(0, +) / Double(max(1, falseByServer.count))
    print("")
    print("False positives on `benign` records: \(pooled)/\(benign.count) pooled = \(percent(pooled, benign.count)); "
        + String(format: "macro-averaged over %d servers = %.2f%%", falseByServer.count, macro * 100))
    for line in falsePositives.sorted() { print("    false positive: \(line)") }

    // Speed: every detector over both snapshots, single-threaded; baseline = tokenising the same texts.
    let inputs = [DetectionInput(snapshot: maliciousSnapshot), DetectionInput(snapshot: benignSnapshot)]
    let toolCount = malicious.count + benign.count
    let texts = (maliciousSnapshot.servers + benignSnapshot.servers).flatMap { server in
        ModelVisibleText.subjects(of: server).flatMap { $0.texts.map(\.text) }
    }
    func measure(_ body: () -> Int) -> Double {
        var rounds = 0
        var sink = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while DispatchTime.now().uptimeNanoseconds - start < (verbose ? 1_000_000_000 : 2_000_000_000) {
            sink &+= body()
            rounds += 1
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if sink == -1 { print(sink) }
        return Double(rounds) / seconds
    }
    let baselineRate = measure { texts.reduce(0) { $0 + Tokenizer.tokens($1).count } }
    let detectRate = measure { inputs.reduce(0) { $0 + engine.analyze($1).count } }
    if verbose {
        for detector in engine.detectors {
            let single = DetectionEngine(detectors: [detector])
            let rate = measure { inputs.reduce(0) { $0 + single.analyze($1).count } }
            print(String(format: "  %@: %.0f tools/s", String(describing: type(of: detector)), rate * Double(toolCount)))
        }
    }
    print("")
    print(String(format: "Speed (one core): %.0f tools/s through all detectors; baseline (tokenising the same %d texts) %.0f tools/s; ratio detectors/baseline = %.2f",
                 detectRate * Double(toolCount), texts.count, baselineRate * Double(toolCount), detectRate / baselineRate))
    try OutputInjectionBenchmark.run(corpus: corpus, gitRepository: gitRepository, verbose: verbose)
} catch {
    print("DetectionBenchmark: cannot read the corpus at \(corpus): \(error)")
    exit(2)
}
