import Foundation
import GuardCore
import GuardDetect

/// Speed on one core, against a tokenising baseline in the same process: definitions per second through
/// every detector (the learned model included) and through the model alone; output screening in MB/s
/// over the corpus's texts and over a real repository's history (`git log` pages, as mcp-server-git
/// returns them), with the false positives on that honest history.
enum SpeedBenchmark {
    static func run(tools: [CorpusRecord], texts: [CorpusRecord], gitRepository: String, verbose: Bool) throws {
        let engine = DetectionEngine.builtIn
        // One input per server, as a user's machine has them: the cross-server rules compare servers
        // pairwise, and one snapshot of a whole registry would measure that, not the detectors.
        let (snapshot, _) = Evaluation.snapshot(tools)
        // Inputs are made inside each round: an input remembers what its detectors worked out, and a
        // reused one would measure that memo, not the detectors.
        let servers = snapshot.servers
        func inputs() -> [DetectionInput] { servers.map { DetectionInput(snapshot: InventorySnapshot(servers: [$0])) } }
        let definitionTexts = tools.compactMap { $0.tool.map(Corpus.texts(of:)) }
        let allStrings = definitionTexts.flatMap { $0 }
        print("\nSpeed (one core):")
        let baseline = rate { allStrings.reduce(0) { $0 + Tokenizer.tokens($1).count } }
        let detectors = rate { inputs().reduce(0) { $0 + engine.analyze($1).count } }
        print(String(format: "  definitions: %.0f/s through all detectors (model included); baseline (tokenising the same texts) %.0f/s; ratio %.2f",
                     detectors * Double(tools.count), baseline * Double(tools.count), detectors / baseline))
        if let scorer = LearnedScorer.shared {
            let model = rate { definitionTexts.reduce(0) { $0 + (scorer.scoreDefinition($1)[0] > 0.5 ? 1 : 0) } }
            print(String(format: "  definitions: %.0f/s through the learned models alone", model * Double(tools.count)))
        }
        if verbose {
            for detector in engine.detectors {
                let single = DetectionEngine(detectors: [detector])
                let value = rate { inputs().reduce(0) { $0 + single.analyze($1).count } }
                print(String(format: "    %@: %.0f definitions/s", String(describing: type(of: detector)), value * Double(tools.count)))
            }
        }
        let detector = OutputInjectionDetector.shared
        let bodies = texts.map(\.text)
        let bytes = Double(bodies.reduce(0) { $0 + $1.utf8.count })
        let textBaseline = rate { bodies.reduce(0) { $0 + Tokenizer.tokens($1).count } }
        let screening = rate { bodies.reduce(0) { $0 + (detector.inspect($1) == nil ? 0 : 1) } }
        print(String(format: "  outputs (corpus texts, %.1f MB): %.1f MB/s screened (rules and model); baseline (tokenising) %.1f MB/s; ratio %.2f",
                     bytes / 1e6, screening * bytes / 1e6, textBaseline * bytes / 1e6, screening / textBaseline))
        let rules = OutputInjectionDetector.rulesOnly
        let rulesRate = rate { bodies.reduce(0) { $0 + (rules.inspect($1) == nil ? 0 : 1) } }
        print(String(format: "  outputs: %.1f MB/s through the phrase rules alone (the screen `mcpguard run` uses on every output)", rulesRate * bytes / 1e6))
        if let scorer = LearnedScorer.shared {
            let model = rate { bodies.reduce(0) { $0 + (scorer.scoreOutput($1)?.probability ?? 0 > 0.5 ? 1 : 0) } }
            print(String(format: "  outputs: %.1f MB/s through the learned model alone", model * bytes / 1e6))
        }
        try gitHistory(gitRepository, detector: detector, verbose: verbose)
    }

    /// Honest text from a real repository: every commit message and the 20-commit pages a git_log tool
    /// would return.
    static func gitHistory(_ repository: String, detector: OutputInjectionDetector, verbose: Bool) throws {
        let log = Process()
        log.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        log.arguments = ["-C", repository, "log", "--format=Commit: %H%nAuthor: %an <%ae>%nDate: %ad%nMessage: %B%x00"]
        let pipe = Pipe()
        log.standardOutput = pipe
        log.standardError = FileHandle.nullDevice
        try log.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        log.waitUntilExit()
        let commits = String(decoding: data, as: UTF8.self).split(separator: "\u{0}").map(String.init).filter { $0.count > 10 }
        guard !commits.isEmpty else { return }
        let pages = stride(from: 0, to: commits.count, by: 20).map { commits[$0..<min($0 + 20, commits.count)].joined(separator: "\n") }
        let flaggedCommits = commits.filter { detector.inspect($0) != nil }
        let flaggedPages = pages.filter { detector.inspect($0) != nil }
        let whole = commits.joined(separator: "\n")
        print("  honest git history of \(repository): \(flaggedCommits.count)/\(commits.count) commits, \(flaggedPages.count)/\(pages.count) 20-commit pages and "
            + "the whole history as one \(whole.utf8.count / 1024) KB text \(detector.inspect(whole) == nil ? "not " : "")flagged")
        for commit in flaggedCommits.prefix(verbose ? 20 : 5) {
            let verdict = detector.inspect(commit)
            print("    false positive (commit): \(commit.split(separator: "\n").dropFirst(3).first ?? "") — \(verdict?.summary ?? "")")
        }
        let bytes = Double(pages.reduce(0) { $0 + $1.utf8.count })
        let baseline = rate { pages.reduce(0) { $0 + Tokenizer.tokens($1).count } }
        let screening = rate { pages.reduce(0) { $0 + (detector.inspect($1) == nil ? 0 : 1) } }
        print(String(format: "  outputs (git history pages): %.1f MB/s screened; baseline (tokenising) %.1f MB/s; ratio %.2f",
                     screening * bytes / 1e6, baseline * bytes / 1e6, screening / baseline))
    }

    /// Rounds of `body` per second over about a second.
    static func rate(_ body: () -> Int) -> Double {
        var rounds = 0
        var sink = 0
        let start = DispatchTime.now().uptimeNanoseconds
        while DispatchTime.now().uptimeNanoseconds - start < 1_000_000_000 || rounds < 2 {
            sink &+= body()
            rounds += 1
        }
        if sink == -1 { print(sink) }
        return Double(rounds) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
