import Foundation
import GuardCore
import GuardDetect

/// The built corpus (`Benchmarks/Corpus/build.py` writes it): tool definitions and texts, each with the
/// source group it came from, which leave-one-source-out holds out in turn.
struct CorpusRecord {
    let id: String
    let group: String
    let label: String
    let attack: String?
    let lang: String
    let synthetic: Bool
    let server: String
    /// The tool object (definitions) or nil (texts).
    let tool: JSONValue?
    let text: String

    var isPositive: Bool { label == "poisoned" || label == "offensive" || label == "injection" }
    var isNegative: Bool { label == "benign" || label == "clean" }
}

enum Corpus {
    static func load(_ path: String) throws -> [CorpusRecord] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let value = try JSONParser.parse(String(line))
            var tool: JSONValue?
            if var object = value["tool"]?.objectValue {
                if object["inputSchema"] == .null { object["inputSchema"] = nil }
                tool = .object(object)
            }
            return CorpusRecord(
                id: value["id"]?.stringValue ?? "?", group: value["group"]?.stringValue ?? "?",
                label: value["label"]?.stringValue ?? "?", attack: value["attack"]?.stringValue,
                lang: value["lang"]?.stringValue ?? "en", synthetic: value["synthetic"]?.boolValue ?? false,
                server: value["server"]?.stringValue ?? "?", tool: tool, text: value["text"]?.stringValue ?? ""
            )
        }
    }

    /// The model-visible strings of a tool record, as the scanner reads them.
    static func texts(of tool: JSONValue) -> [String] {
        LearnedScorer.definitionTexts(of: tool)
    }
}

extension Corpus {
    /// The tool and text records of a corpus directory: a built corpus (`tools.jsonl`, `texts.jsonl`) or
    /// the team's dev corpus (`tools-benign.jsonl`, `tools-malicious.jsonl`, `outputs.jsonl`), whose
    /// `malicious` label reads as `poisoned` and whose id prefix is the group.
    static func loadDirectory(_ directory: String) throws -> (tools: [CorpusRecord], texts: [CorpusRecord]) {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory + "/tools.jsonl") {
            return (try load(directory + "/tools.jsonl"), try load(directory + "/texts.jsonl"))
        }
        func dev(_ name: String) throws -> [CorpusRecord] {
            try load(directory + "/" + name).map { record in
                CorpusRecord(
                    id: record.id, group: String(record.id.split(separator: "/").first ?? "?"),
                    label: record.label == "malicious" ? "poisoned" : record.label, attack: record.attack, lang: record.lang,
                    synthetic: false, server: record.server, tool: record.tool, text: record.text
                )
            }
        }
        return (try dev("tools-benign.jsonl") + dev("tools-malicious.jsonl"), try dev("outputs.jsonl"))
    }
}
