/// A small, seeded, mutation-based fuzzer: each run starts from a seed input and applies a few random
/// byte-level edits (flips, insertions, deletions, duplications, tokens from a dictionary, truncation).
/// Deterministic for a given seed, so a failure names the iteration that reproduces it.
struct Mutator {
    /// SplitMix64: tiny, fast, good enough to spread mutations.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    var random: Random
    let seeds: [[UInt8]]
    let tokens: [[UInt8]]

    init(seed: UInt64, seeds: [String], tokens: [String]) {
        random = Random(state: seed)
        self.seeds = seeds.map { Array($0.utf8) }
        self.tokens = tokens.map { Array($0.utf8) }
    }

    mutating func next() -> [UInt8] {
        var bytes = seeds[random.below(seeds.count)]
        for _ in 0..<(1 + random.below(4)) {
            let position = random.below(bytes.count + 1)
            switch random.below(7) {
            case 0 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.below(8))
            case 1:
                bytes.insert(UInt8(random.below(256)), at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + random.below(8))
                bytes.removeSubrange(min(position, end)..<end)
            case 3 where !bytes.isEmpty:
                let start = random.below(bytes.count)
                let end = min(bytes.count, start + 1 + random.below(16))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4, 5:
                bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: position)
            default:
                bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }
}

/// How long each parser is fuzzed in `swift test`: bounded by both count and time, so CI stays quick.
enum FuzzBudget {
    static let iterations = 20_000
    static let seconds: Double = 4

    /// Runs `body` on mutated inputs until the budget is spent; returns (executions, accepted inputs).
    static func run(_ name: String, seed: UInt64, seeds: [String], tokens: [String], _ body: ([UInt8], Int) throws -> Bool) rethrows -> (Int, Int) {
        var mutator = Mutator(seed: seed, seeds: seeds, tokens: tokens)
        let start = ContinuousClock.now
        var executions = 0
        var accepted = 0
        while executions < iterations, ContinuousClock.now - start < .seconds(seconds) {
            let input = mutator.next()
            if try body(input, executions) { accepted += 1 }
            executions += 1
        }
        print("fuzz \(name): \(executions) executions, \(accepted) accepted, 0 crashes (seed \(seed))")
        return (executions, accepted)
    }
}
