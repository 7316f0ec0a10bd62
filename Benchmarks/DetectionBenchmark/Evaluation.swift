import Foundation
import GuardCore
import GuardDetect

/// Detection quality the way it will be judged: every source group scored by a model that never saw it
/// (leave-one-source-out, fold models from `train.py --loso`), beside the rules alone and beside the
/// compiled model scored in-sample.
struct Evaluation {
    /// Which detectors decide: the rules alone, or rules with a learned scorer chosen per group.
    enum Setup {
        case rules
        case learned((String) -> LearnedScorer?)
    }

    let tools: [CorpusRecord]
    let texts: [CorpusRecord]

    /// Record id → caught (a finding of medium or higher, or an injection verdict).
    func outcomes(_ setup: Setup) -> [String: Bool] {
        var caught: [String: Bool] = [:]
        for (group, records) in Dictionary(grouping: tools, by: \.group) {
            let scorer: LearnedScorer? = if case .learned(let pick) = setup { pick(group) } else { nil }
            let engine = DetectionEngine(detectors: [
                ToolPoisoningDetector(scorer: scorer), HiddenContentDetector(), DeclaredPurposeDetector(scorer: scorer),
                CrossServerDetector(), SecretExposureDetector(), CapabilityDetector(),
            ])
            // One snapshot per server: cross-server rules (collisions, shadowing) compare a server with
            // what a user would run beside it, not with a thousand unrelated servers of a registry.
            let (snapshot, byKey) = Self.snapshot(records)
            var flagged: Set<String> = []
            for server in snapshot.servers {
                let findings = engine.analyze(DetectionInput(snapshot: InventorySnapshot(servers: [server])))
                for finding in findings where finding.severity >= .medium {
                    if let name = finding.server, let tool = finding.tool { flagged.insert("\(name)\u{0}\(tool)") }
                }
            }
            for (key, record) in byKey { caught[record.id] = flagged.contains(key) }
        }
        for (group, records) in Dictionary(grouping: texts, by: \.group) {
            let scorer: LearnedScorer? = if case .learned(let pick) = setup { pick(group) } else { nil }
            let detector = OutputInjectionDetector(scorer: scorer)
            for record in records { caught[record.id] = detector.inspect(record.text) != nil }
        }
        return caught
    }

    /// One server per (server, attack) within a group, so variants of one server do not merge.
    static func snapshot(_ records: [CorpusRecord]) -> (InventorySnapshot, [String: CorpusRecord]) {
        var groups: [String: [CorpusRecord]] = [:]
        var order: [String] = []
        for record in records {
            let key = "\(record.server) [\(record.label)\(record.attack.map { "/" + $0 } ?? "")]"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        var byKey: [String: CorpusRecord] = [:]
        let servers = order.map { key -> ServerInventory in
            var seen: [String: Int] = [:]
            let tools = groups[key]!.map { record -> JSONValue in
                var name = record.tool?["name"]?.stringValue ?? "?"
                seen[name, default: 0] += 1
                if seen[name]! > 1 { name += "#\(seen[name]!)" }
                byKey["\(key)\u{0}\(name)"] = record
                var object = record.tool?.objectValue ?? JSONObject()
                object["name"] = .string(name)
                return .object(object)
            }
            return ServerInventory(name: key, tools: tools)
        }
        return (InventorySnapshot(servers: servers), byKey)
    }
}

/// Counts and the lines that print them.
struct Tally {
    var hit = 0
    var total = 0

    mutating func add(_ caught: Bool) {
        total += 1
        if caught { hit += 1 }
    }

    var rate: String { total == 0 ? "   n/a" : String(format: "%5.1f%%", 100 * Double(hit) / Double(total)) }
    var cell: String { "\(rate) (\(hit)/\(total))".padding(toLength: 20, withPad: " ", startingAt: 0) }
}

/// Prints the comparison tables for several setups' outcomes.
struct EvaluationReport {
    let tools: [CorpusRecord]
    let texts: [CorpusRecord]
    let columns: [(name: String, outcomes: [String: Bool])]

    func row(_ title: String, _ records: [CorpusRecord]) -> String {
        var line = "  " + title.padding(toLength: 40, withPad: " ", startingAt: 0)
        for column in columns {
            var tally = Tally()
            for record in records { tally.add(column.outcomes[record.id] ?? false) }
            line += tally.cell
        }
        return line
    }

    func header(_ title: String) -> String {
        "\n" + title.padding(toLength: 42, withPad: " ", startingAt: 0) + columns.map { $0.name.padding(toLength: 20, withPad: " ", startingAt: 0) }.joined()
    }

    func printAll(verbose: Bool) {
        let tasks: [(String, [CorpusRecord], [CorpusRecord])] = [
            ("Poisoned definitions (recall)", tools.filter { $0.label == "poisoned" }, tools.filter { $0.label == "benign" }),
            ("Offensive-purpose definitions (recall)", tools.filter { $0.label == "offensive" }, tools.filter { $0.label == "benign" }),
            ("Injected outputs (recall)", texts.filter { $0.label == "injection" }, texts.filter { $0.label == "clean" }),
        ]
        for (title, positives, _) in tasks where !positives.isEmpty {
            print(header(title))
            print(row("all", positives))
            print(row("real", positives.filter { !$0.synthetic }))
            print(row("synthetic", positives.filter(\.synthetic)))
            print("  by attack family:")
            for (family, records) in Dictionary(grouping: positives, by: { $0.attack ?? "?" }).sorted(by: { $0.key < $1.key }) {
                print(row("  " + family, records))
            }
            print("  by language:")
            for (lang, records) in Dictionary(grouping: positives, by: \.lang).sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
                print(row("  " + lang, records))
            }
            print("  by source group:")
            for (group, records) in Dictionary(grouping: positives, by: \.group).sorted(by: { $0.key < $1.key }) {
                print(row("  " + group, records))
            }
        }
        for (title, negatives) in [("False positives on benign definitions", tools.filter { $0.label == "benign" }),
                                   ("False positives on clean texts", texts.filter { $0.label == "clean" })] where !negatives.isEmpty {
            print(header(title))
            print(row("pooled", negatives))
            print(row("real", negatives.filter { !$0.synthetic }))
            print(row("synthetic hard negatives", negatives.filter(\.synthetic)))
            let byGroup = Dictionary(grouping: negatives, by: \.group)
            var macro = "  " + "macro-averaged over \(byGroup.count) groups".padding(toLength: 40, withPad: " ", startingAt: 0)
            for column in columns {
                let rates = byGroup.values.map { records in Double(records.filter { column.outcomes[$0.id] ?? false }.count) / Double(records.count) }
                macro += String(format: "%5.2f%%", 100 * rates.reduce(0, +) / Double(max(1, rates.count))).padding(toLength: 20, withPad: " ", startingAt: 0)
            }
            print(macro)
            print("  by source group:")
            for (group, records) in byGroup.sorted(by: { $0.key < $1.key }) { print(row("  " + group, records)) }
            print("  by language:")
            for (lang, records) in Dictionary(grouping: negatives, by: \.lang).sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
                print(row("  " + lang, records))
            }
        }
        printErrors(limit: verbose ? 40 : 12)
    }

    /// A sample of what the decisive column (the held-out one) gets wrong, by class.
    func printErrors(limit: Int) {
        guard let decisive = columns.first(where: { $0.name.hasPrefix("held-out") }) ?? columns.last else { return }
        print("\nErrors of \"\(decisive.name)\" (a sample, by class):")
        let all = tools + texts
        for (title, records) in [
            ("missed poisoned", all.filter { $0.label == "poisoned" && decisive.outcomes[$0.id] == false }),
            ("missed offensive", all.filter { $0.label == "offensive" && decisive.outcomes[$0.id] == false }),
            ("missed injection", all.filter { $0.label == "injection" && decisive.outcomes[$0.id] == false }),
            ("false positive definition", all.filter { $0.label == "benign" && decisive.outcomes[$0.id] == true }),
            ("false positive text", all.filter { $0.label == "clean" && decisive.outcomes[$0.id] == true }),
        ] where !records.isEmpty {
            print("  \(title): \(records.count)")
            var generator = SplitMix(seed: 7)
            for record in records.shuffled(using: &generator).prefix(limit) {
                let body = record.tool.map { tool in
                    (tool["name"]?.stringValue ?? "") + ": " + (tool["description"]?.stringValue ?? "")
                } ?? record.text
                let flat = body.replacingOccurrences(of: "\n", with: " ")
                print("    \(record.id) [\(record.attack ?? "-")/\(record.lang)\(record.synthetic ? "/synthetic" : "")] \(flat.prefix(150))")
            }
        }
    }
}

/// A seeded generator, so the error sample is the same every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
