import Foundation
import GuardCore

/// Content a person does not see and a model does: hidden Unicode, hidden Markdown/HTML, encoded blobs,
/// and descriptions long enough to bury instructions.
public struct HiddenContentDetector: Detector {
    public init() {}

    public var rules: [RuleDescriptor] { [Rules.hiddenUnicode, Rules.hiddenMarkup, Rules.encodedPayload, Rules.excessiveLength] }

    /// Descriptions longer than this (in characters) are reported as excessive.
    static let lengthLimit = 8_000

    public func analyze(_ input: DetectionInput) -> [Finding] {
        var findings: [Finding] = []
        for (index, server) in input.snapshot.servers.enumerated() where server.status == .ok {
            for subject in input.subjects(ofServerAt: index) {
                let label = ToolPoisoningDetector.label(subject)
                for text in subject.texts {
                    findings.append(contentsOf: unicodeFindings(text, label: label, subject: subject, server: server))
                    if let finding = markupFinding(text, label: label, subject: subject, server: server) { findings.append(finding) }
                    findings.append(contentsOf: encodedFindings(text, label: label, subject: subject, server: server))
                    if text.role == .description || text.role == .instructions, text.text.count > Self.lengthLimit {
                        findings.append(Finding(
                            Rules.excessiveLength, server: server.name, tool: subject.name, location: server.location(pointer: text.pointer),
                            message: "\(label) has a \(text.text.count)-character description", evidence: Evidence.clip(text.text, limit: 120),
                            fingerprintKey: text.pointer
                        ))
                    }
                }
            }
        }
        return findings
    }

    func unicodeFindings(_ text: ModelVisibleText, label: String, subject: ModelVisibleText.Subject, server: ServerInventory) -> [Finding] {
        let report = HiddenCharacters.inspect(text.text)
        guard !report.isEmpty else { return [] }
        let kinds = report.kinds
        var severity: Severity = kinds.contains(where: { [.tag, .bidi, .control].contains($0) }) ? .high : .medium
        var message = "\(label) hides \(ToolPoisoningDetector.list(kinds.map { "\(report.counts[$0]!) \($0.phrase)" })) in its \(roleName(text))"
        var evidence = Evidence.clip(text.text, limit: 160)
        if !report.tagText.isEmpty {
            var score = InstructionScore()
            score.add(InstructionAnalyzer.shared.hits(in: report.tagText), text: report.tagText, pointer: text.pointer)
            if score.value >= ToolPoisoningDetector.poisoningThreshold { severity = .critical }
            message += "; the tag characters spell out hidden text"
            evidence = "hidden text: «\(Evidence.clip(report.tagText, limit: 200))»"
        } else {
            let samples = kinds.flatMap { report.samples[$0] ?? [] }.map(HiddenCharacters.codePoint)
            evidence = samples.joined(separator: " ") + " in: " + evidence
        }
        return [Finding(
            Rules.hiddenUnicode, severity: severity, server: server.name, tool: subject.name,
            location: server.location(pointer: text.pointer), message: message, evidence: evidence, fingerprintKey: text.pointer
        )]
    }

    /// HTML comments, Markdown comments, hidden HTML, and text pushed out of view by blank space.
    func markupFinding(_ text: ModelVisibleText, label: String, subject: ModelVisibleText.Subject, server: ServerInventory) -> Finding? {
        let body = text.text
        guard Self.mayHideMarkup(body) else { return nil }
        var hidden: [(String, Range<String.Index>)] = []
        if let open = ByteSearch.range(of: "<!--", in: body) {
            let close = ByteSearch.range(of: "-->", in: body, from: open.upperBound)
            hidden.append(("an HTML comment", open.lowerBound..<(close?.upperBound ?? body.endIndex)))
        }
        for marker in ["[//]: #", "[comment]: #", "[//]: <>", "[comment]: <>"] {
            if let range = ByteSearch.range(of: marker, in: body, ignoringCase: true) {
                let lineEnd = body[range.upperBound...].firstIndex(of: "\n") ?? body.endIndex
                hidden.append(("a Markdown comment", range.lowerBound..<lineEnd))
            }
        }
        for marker in ["display:none", "display: none", "visibility:hidden", "visibility: hidden", "font-size:0", "font-size: 0", "opacity:0", "opacity: 0", "<span hidden", "<div hidden"] {
            if let range = ByteSearch.range(of: marker, in: body, ignoringCase: true) {
                hidden.append(("a hidden HTML element", range))
            }
        }
        if let padding = Self.paddingRange(body) { hidden.append(("text pushed out of view by blank space", padding)) }
        guard let (what, range) = hidden.first else { return nil }
        let hiddenText = String(body[range])
        var score = InstructionScore()
        score.add(InstructionAnalyzer.shared.hits(in: hiddenText), text: hiddenText, pointer: text.pointer)
        let severity: Severity = score.value >= ToolPoisoningDetector.poisoningThreshold ? .high : .medium
        return Finding(
            Rules.hiddenMarkup, severity: severity, server: server.name, tool: subject.name,
            location: server.location(pointer: text.pointer),
            message: "\(label) hides text from a person reading it: \(what)", evidence: Evidence.clip(hiddenText, limit: 200),
            fingerprintKey: text.pointer
        )
    }

    /// A cheap byte scan: markup tricks need `<`, `[`, or long runs of blank space.
    static func mayHideMarkup(_ text: String) -> Bool {
        var newlines = 0
        var spaces = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "["): return true
            case 0x0A:
                newlines += 1
                if newlines >= 10 { return true }
            case 0x20, 0x09, 0x0D:
                spaces += 1
                if spaces >= 100 { return true }
            default:
                newlines = 0
                spaces = 0
            }
        }
        return false
    }

    /// Ten or more consecutive blank lines, or 100+ spaces, followed by more text.
    static func paddingRange(_ text: String) -> Range<String.Index>? {
        var newlines = 0
        var spaces = 0
        var runStart: String.Index?
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0x0A || (byte == 0x0D && next < utf8.endIndex && utf8[next] == 0x0A) {
                if runStart == nil { runStart = index }
                if byte == 0x0A { newlines += 1 }  // CR LF counts once, at its LF
            } else if byte == 0x20 || byte == 0x09 {
                if runStart == nil { runStart = index }
                spaces += 1
            } else {
                if let start = runStart, newlines >= 10 || spaces >= 100 {
                    return start..<text.endIndex
                }
                runStart = nil
                newlines = 0
                spaces = 0
            }
            index = next
        }
        return nil
    }

    /// Long base64, hex or percent-encoded runs that decode to readable text.
    func encodedFindings(_ text: ModelVisibleText, label: String, subject: ModelVisibleText.Subject, server: ServerInventory) -> [Finding] {
        guard text.text.utf8.count >= 40 else { return [] }
        for candidate in EncodedBlobs.candidates(in: text.text) {
            guard let decoded = candidate.decoded, decoded.count >= 12 else { continue }
            var score = InstructionScore()
            score.add(InstructionAnalyzer.shared.hits(in: decoded), text: decoded, pointer: text.pointer)
            let instructions = score.value >= ToolPoisoningDetector.poisoningThreshold
            // URL-encoded examples are common in honest descriptions; only instructions make them a finding.
            if candidate.encoding == "URL-encoded", !instructions { continue }
            return [Finding(
                Rules.encodedPayload, severity: instructions ? .high : .medium, server: server.name, tool: subject.name,
                location: server.location(pointer: text.pointer),
                message: "\(label) contains a \(candidate.encoding) blob that decodes to \(instructions ? "instructions for the model" : "readable text")",
                evidence: "decoded: «\(Evidence.clip(decoded, limit: 160))»", fingerprintKey: text.pointer
            )]
        }
        return []
    }

    private func roleName(_ text: ModelVisibleText) -> String {
        switch text.role {
        case .propertyName: "parameter names"
        case .value: "schema values"
        case .instructions: "text"
        default: text.role.rawValue
        }
    }
}

/// Finds and decodes encoded runs inside text.
enum EncodedBlobs {
    struct Candidate {
        let encoding: String
        let decoded: String?
    }

    /// A cheap byte scan: a run of 40+ base64 characters, or six `%` signs.
    static func mayContainBlob(_ text: some StringProtocol) -> Bool {
        var run = 0
        var percents = 0
        for byte in text.utf8 {
            let isBlobByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2B || byte == 0x2F || byte == 0x3D || byte == 0x2D || byte == 0x5F
            run = isBlobByte ? run + 1 : 0
            if run >= 40 { return true }
            if byte == 0x25 {
                percents += 1
                if percents > 5 { return true }
            }
        }
        return false
    }

    /// Decoded candidates; `mayContainBlob` runs first, so an ordinary text costs one byte scan and no copy.
    static func candidates(in text: some StringProtocol) -> [Candidate] {
        guard mayContainBlob(text) else { return [] }
        var result: [Candidate] = []
        // Runs are ASCII, so they are found in the UTF-8 bytes (a git log page holds a 40-character hash
        // per commit: walking it by Character made every such page slow).
        var run: [UInt8] = []
        var percents = 0
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count >= 40 else { return }
            let hasUpper = run.contains { $0 >= 0x41 && $0 <= 0x5A }
            let hasLower = run.contains { $0 >= 0x61 && $0 <= 0x7A }
            let hasDigit = run.contains { $0 >= 0x30 && $0 <= 0x39 }
            let current = String(decoding: run, as: UTF8.self)
            if run.count % 2 == 0, run.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }), run.count >= 48 {
                result.append(Candidate(encoding: "hex", decoded: readable(hexBytes(current))))
            } else if hasUpper && hasLower && hasDigit {
                let padded = current.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                let data = Data(base64Encoded: padded + String(repeating: "=", count: (4 - padded.count % 4) % 4))
                result.append(Candidate(encoding: "base64", decoded: data.flatMap { readable([UInt8]($0)) }))
            }
        }
        for byte in text.utf8 {
            if byte == 0x25 { percents += 1 }
            let isRunByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2B || byte == 0x2F || byte == 0x3D || byte == 0x2D || byte == 0x5F
            if isRunByte {
                run.append(byte)
            } else {
                flush()
            }
        }
        flush()
        if percents > 5, let decoded = text.removingPercentEncoding, decoded != String(text) {
            result.append(Candidate(encoding: "URL-encoded", decoded: decoded))
        }
        return result
    }

    static func hexBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = text.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let byte = UInt8(String([high, low]), radix: 16) else { return [] }
            bytes.append(byte)
        }
        return bytes
    }

    /// UTF-8 text that is mostly printable, else nil.
    static func readable(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let printable = text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }.count
        let letters = text.filter(\.isLetter).count
        guard Double(printable) / Double(text.unicodeScalars.count) > 0.95, Double(letters) / Double(text.count) > 0.5 else { return nil }
        return text
    }
}
