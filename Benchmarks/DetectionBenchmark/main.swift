// Detection benchmark: how well the detectors catch poisoned and offensive tool definitions and injected
// tool outputs, how often they flag honest ones, and how fast they are.
//
//   DetectionBenchmark [CORPUS_DIR] [--folds DIR] [--verbose] [--git-repo PATH] [--no-speed]
//   DetectionBenchmark export CORPUS_DIR OUT_DIR        (feature rows for Benchmarks/Corpus/train.py)
//
// CORPUS_DIR is a corpus built by Benchmarks/Corpus/build.py (default) or the dev corpus in
// ../shared/corpus. With --folds (the models `train.py --loso` writes, one per source group trained
// without it) the decisive column is "held-out": every group scored by a model that never saw it.
// Beside it: the rules alone (the baseline) and the compiled model in-sample. A definition counts as
// caught with a finding of medium or higher; an output when the injection detector returns a verdict.
// Speed is measured on one core against a tokenising baseline run in the same process.
import Foundation
import GuardCore
import GuardDetect

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let flag = arguments.firstIndex(of: name), flag + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(flag...(flag + 1)) }
    return arguments[flag + 1]
}

do {
    if arguments.first == "export" {
        guard arguments.count >= 3 else {
            print("usage: DetectionBenchmark export CORPUS_DIR OUT_DIR")
            exit(2)
        }
        try Export.run(corpus: arguments[1], out: arguments[2])
        exit(0)
    }
    let folds = option("--folds")
    let gitRepository = option("--git-repo") ?? "."
    let verbose = arguments.contains("--verbose")
    let speed = !arguments.contains("--no-speed")
    let corpus = arguments.first { !$0.hasPrefix("--") } ?? "../shared/corpus"
    let (tools, texts) = try Corpus.loadDirectory(corpus)
    let evaluation = Evaluation(tools: tools, texts: texts)
    print("Detection on \(corpus): \(tools.count) definitions, \(texts.count) texts, "
        + "\(Set(tools.map(\.group)).union(texts.map(\.group)).count) source groups")

    var columns: [(name: String, outcomes: [String: Bool])] = [("rules alone", evaluation.outcomes(.rules))]
    if let folds {
        var missing: Set<String> = []
        let cache = FoldModels(directory: folds)
        columns.append(("held-out (LOSO)", evaluation.outcomes(.learned { group in
            guard let scorer = cache.scorer(heldOut: group) else {
                missing.insert(group)
                return nil
            }
            return scorer
        })))
        if !missing.isEmpty { print("  (no fold model for \(missing.sorted().joined(separator: ", ")): scored by the rules alone)") }
    }
    if let shared = LearnedScorer.shared {
        columns.append(("in-sample (compiled)", evaluation.outcomes(.learned { _ in shared })))
    } else {
        print("  (this build has no compiled model)")
    }
    EvaluationReport(tools: tools, texts: texts, columns: columns).printAll(verbose: verbose)
    if speed { try SpeedBenchmark.run(tools: tools, texts: texts, gitRepository: gitRepository, verbose: verbose) }
} catch {
    print("DetectionBenchmark: \(error)")
    exit(2)
}

/// Fold models read from `train.py --loso` output: `<group>.definitions.bin` and `<group>.outputs.bin`.
final class FoldModels {
    let directory: String
    init(directory: String) { self.directory = directory }

    func scorer(heldOut group: String) -> LearnedScorer? {
        let safe = group.replacingOccurrences(of: "/", with: "__")
        func read(_ kind: String) -> LinearModelSet? {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(safe).\(kind).bin") else { return nil }
            return try? LinearModelSet(data: [UInt8](data))
        }
        // A group with only definitions has no outputs fold (and the other way round): the compiled
        // model stands in for the side it has no records of, where it scores nothing of the group.
        let definitions = read("definitions") ?? LearnedScorer.shared?.definitions
        let outputs = read("outputs") ?? LearnedScorer.shared?.outputs
        guard let definitions, let outputs else { return nil }
        return LearnedScorer(definitions: definitions, outputs: outputs)
    }
}
