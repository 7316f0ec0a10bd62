import Foundation
import GuardDetect

/// Where hosts keep the standing instructions they give their model: in a project (the working directory
/// and each ancestor) and in the home directory. A repository that ships a hostile `AGENTS.md` reaches
/// the model of everyone who opens it, so scans read these like tool descriptions.
public enum InstructionFiles {
    /// Files named relative to a project directory.
    static let projectFiles = [
        "CLAUDE.md", "CLAUDE.local.md", ".claude/CLAUDE.md", "AGENTS.md", "AGENT.md", "GEMINI.md", ".cursorrules", ".windsurfrules",
        ".clinerules", ".github/copilot-instructions.md",
    ]
    /// Directories of rule files relative to a project directory.
    static let projectDirectories = [".cursor/rules", ".windsurf/rules", ".clinerules", ".github/instructions"]
    /// Files under the home directory.
    static let homeFiles = [".claude/CLAUDE.md", ".codex/AGENTS.md", ".gemini/GEMINI.md", ".config/opencode/AGENTS.md"]
    /// Largest instruction file read.
    static let maxSize = 1 << 20

    /// Every instruction file that exists for `workingDirectory` and `home`, read (nearest first).
    public static func find(workingDirectory: String, home: String) -> [TextDocument] {
        var paths: [String] = []
        for directory in HostConfigCandidates.ancestors(of: workingDirectory) {
            paths += projectFiles.map { HostConfigCandidates.join(directory, $0) }
            for rules in projectDirectories {
                let folder = HostConfigCandidates.join(directory, rules)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                paths += names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".mdc") }.sorted().map { HostConfigCandidates.join(folder, $0) }
            }
        }
        paths += homeFiles.map { HostConfigCandidates.join(home, $0) }
        var seen: Set<String> = []
        var documents: [TextDocument] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted,
                  let handle = FileHandle(forReadingAtPath: path) else { continue }
            let data = (try? handle.read(upToCount: maxSize)) ?? nil
            try? handle.close()
            guard let data, let text = String(data: data, encoding: .utf8) else { continue }
            documents.append(TextDocument(path: path, kind: .instructionFile, text: text))
        }
        return documents
    }
}
