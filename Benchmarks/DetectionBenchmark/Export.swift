import Foundation
import GuardDetect

/// `DetectionBenchmark export CORPUS_DIR OUT_DIR`: the feature rows `train.py` learns from, written by
/// the same featurizer the scanner runs, so training and run time cannot drift.
///
/// `defs.rows`: one line per tool definition; `outputs.rows`: one line per output window. A line is
/// `id <TAB> window <TAB> occurrences <TAB> flags (hex) <TAB> index:count …`.
enum Export {
    static func run(corpus: String, out: String) throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let tools = try Corpus.load(corpus + "/tools.jsonl")
        var lines: [String] = []
        lines.reserveCapacity(tools.count)
        for record in tools {
            guard let tool = record.tool else { continue }
            lines.append(line(record.id, 0, FeatureRows.definition(Corpus.texts(of: tool))))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out + "/defs.rows", atomically: true, encoding: .utf8)
        let texts = try Corpus.load(corpus + "/texts.jsonl")
        lines = []
        for record in texts {
            for (window, row) in FeatureRows.output(record.text).enumerated() { lines.append(line(record.id, window, row)) }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out + "/outputs.rows", atomically: true, encoding: .utf8)
        print("export: \(tools.count) definitions, \(texts.count) texts (\(lines.count) windows) → \(out)")
    }

    static func line(_ id: String, _ window: Int, _ row: FeatureRow) -> String {
        let features = row.counts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
        return "\(id)\t\(window)\t\(row.occurrences)\t\(String(row.flags.rawValue, radix: 16))\t\(features)"
    }
}
