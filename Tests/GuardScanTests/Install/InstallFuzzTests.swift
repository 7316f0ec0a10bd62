import Testing

@testable import GuardScan

/// Mutated host configs: the editors never trap, every edit they make reads back as planned, and an
/// install undone with its own records gives the input back byte for byte.
@Suite("Install on mutated configs")
struct InstallFuzzTests {
    /// SplitMix64: a fixed seed gives the same cases on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("{}[],:\"'\\/*#=\n\r\t .-x0\u{0}".utf8) + [0xC3, 0xA9, 0xEF, 0xBB, 0xBF]

    static func mutate(_ bytes: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[index] = alphabet.randomElement(using: &generator)!
            case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: index)
            case 2: bytes.remove(at: index)
            default:
                let end = min(bytes.count, index + Int.random(in: 1...12, using: &generator))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            }
        }
        return bytes
    }

    @Test("3,000 mutations of the fixture configs")
    func mutations() {
        var generator = Generator(state: 0x6D63_7067_7561_7264)
        let settings = HostConfigRewriter.WrapSettings(executable: "/usr/bin/mcpguard", policy: "/p.yaml", sandbox: true)
        var installed = 0
        for round in 0..<3_000 {
            let (path, text) = InstallFixture.configs[round % InstallFixture.configs.count]
            let input = Self.mutate(Array(text.utf8), &generator)
            let result: HostConfigRewriter.Result
            do {
                result = try HostConfigRewriter.install(input, path: path, host: "fuzz", settings: settings)
            } catch {
                #expect(!error.message.contains("would not read back") && !error.message.contains("would break"), "\(path) round \(round): \(error.message)")
                continue
            }
            installed += 1
            do {
                let undone = try HostConfigRewriter.uninstall(result.bytes, path: path, host: "fuzz", records: result.records)
                #expect(undone.bytes == input, "\(path) round \(round): uninstall did not give the input back")
                let again = try HostConfigRewriter.install(result.bytes, path: path, host: "fuzz", settings: settings)
                #expect(again.bytes == result.bytes, "\(path) round \(round): a second install changed the file")
            } catch {
                Issue.record("\(path) round \(round): \(error.message)")
            }
        }
        #expect(installed > 300, "enough mutations stay valid to exercise the editors (\(installed))")
    }
}
