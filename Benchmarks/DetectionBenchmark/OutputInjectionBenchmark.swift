import Foundation
import GuardCore
import GuardDetect

/// The output side: recall on `injection` and false positives on `clean` records of corpus/outputs.jsonl,
/// then false positives on honest text from a real repository's history (`git log`, as mcp-server-git
/// returns it, in pages of 20 commits), and speed against a tokenising baseline in the same process.
enum OutputInjectionBenchmark {
    static func run(corpus: String, gitRepository: String, verbose: Bool) throws {
        let text = try String(contentsOfFile: corpus + "/outputs.jsonl", encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let detector = OutputInjectionDetector.shared
        var caught: [String: (caught: Int, total: Int)] = [:]
        var falsePositives: [String] = []
        var misses: [String] = []
        var clean = 0
        for record in records {
            let body = record["text"]?.stringValue ?? ""
            let verdict = detector.inspect(body)
            if record["label"]?.stringValue == "injection" {
                let attack = record["attack"]?.stringValue ?? "?"
                caught[attack, default: (0, 0)].total += 1
                if verdict != nil { caught[attack]!.caught += 1 } else { misses.append("\(record["id"]?.stringValue ?? "?") \(attack): \(body.prefix(90))") }
            } else {
                clean += 1
                if let verdict { falsePositives.append("\(record["id"]?.stringValue ?? "?") score \(verdict.score): \(body.prefix(90))") }
            }
        }
        print("")
        print("Output injection on \(corpus)/outputs.jsonl:")
        for (attack, counts) in caught.sorted(by: { $0.key < $1.key }) {
            print("  \(attack.padding(toLength: 48, withPad: " ", startingAt: 0)) \(counts.caught)/\(counts.total)  \(percent(counts.caught, counts.total))")
        }
        let total = caught.values.reduce(0) { $0 + $1.total }
        let hit = caught.values.reduce(0) { $0 + $1.caught }
        print("  \("recall on injection".padding(toLength: 48, withPad: " ", startingAt: 0)) \(hit)/\(total)  \(percent(hit, total))")
        print("  \("false positives on clean".padding(toLength: 48, withPad: " ", startingAt: 0)) \(falsePositives.count)/\(clean)  \(percent(falsePositives.count, clean))")
        if verbose { for miss in misses { print("    missed: \(miss)") } }
        for line in falsePositives { print("    false positive: \(line)") }

        // Honest history: every commit message and the pages a git_log tool would return.
        let log = Process()
        log.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        log.arguments = ["-C", gitRepository, "log", "--format=Commit: %H%nAuthor: %an <%ae>%nDate: %ad%nMessage: %B%x00"]
        let pipe = Pipe()
        log.standardOutput = pipe
        log.standardError = FileHandle.nullDevice
        try log.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        log.waitUntilExit()
        let commits = String(decoding: data, as: UTF8.self).split(separator: "\u{0}").map(String.init).filter { $0.count > 10 }
        let pages = stride(from: 0, to: commits.count, by: 20).map { commits[$0..<min($0 + 20, commits.count)].joined(separator: "\n") }
        let flaggedCommits = commits.filter { detector.inspect($0) != nil }
        let flaggedPages = pages.filter { detector.inspect($0) != nil }
        let whole = commits.joined(separator: "\n")
        print("  honest git history of \(gitRepository): \(flaggedCommits.count)/\(commits.count) commits, \(flaggedPages.count)/\(pages.count) 20-commit pages and "
            + "the whole history as one \(whole.utf8.count / 1024) KB text \(detector.inspect(whole) == nil ? "not " : "")flagged")
        for commit in flaggedCommits.prefix(verbose ? 20 : 5) {
            print("    false positive (commit): \(commit.split(separator: "\n").first ?? "")")
            if verbose, let verdict = detector.inspect(commit) { print("      hits: " + verdict.hits.map { "\($0.category.rawValue) \($0.weight): \(commit[$0.range])" }.joined(separator: "; ")) }
        }
        if verbose {
            for page in pages { if let verdict = detector.inspect(page) { print("      page hits: " + verdict.hits.map { "\($0.category.rawValue) \($0.weight): \(page[$0.range])" }.joined(separator: "; ")) } }
        }

        // Speed over the whole history text.
        func rate(_ body: () -> Int) -> Double {
            var rounds = 0
            var sink = 0
            let start = DispatchTime.now().uptimeNanoseconds
            while DispatchTime.now().uptimeNanoseconds - start < 1_000_000_000 {
                sink &+= body()
                rounds += 1
            }
            if sink == -1 { print(sink) }
            return Double(rounds) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let bytes = pages.reduce(0) { $0 + $1.utf8.count }
        let baseline = rate { pages.reduce(0) { $0 + Tokenizer.tokens($1).count } }
        let detect = rate { pages.reduce(0) { $0 + (detector.inspect($1) == nil ? 0 : 1) } }
        print(String(format: "  speed: %.1f MB/s of output text; baseline (tokenising) %.1f MB/s; ratio %.2f",
                     detect * Double(bytes) / 1e6, baseline * Double(bytes) / 1e6, detect / baseline))
    }
}
