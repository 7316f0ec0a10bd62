import Foundation

/// The process's standard streams and file output, in one place so commands stay small.
enum Terminal {
    /// Whether reports to stdout may use colour: stdout is a terminal and `NO_COLOR` is unset or empty.
    static var stdoutSupportsColor: Bool {
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func writeStdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeStderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Reads a whole file, refusing anything over `limit` bytes, with errors that name the file.
    static func readFile(_ path: String, what: String, limit: Int = 256 * 1024 * 1024) throws -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("cannot read \(what) \(path): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("cannot read \(what) \(path): it is a directory") }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw CLIError("cannot read \(what) \(path): permission denied or unreadable")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CLIError("cannot read \(what) \(path): \(error.localizedDescription)")
        }
        guard data.count <= limit else { throw CLIError("cannot read \(what) \(path): larger than \(limit) bytes") }
        return [UInt8](data)
    }

    /// Writes `text` to `path` atomically (temporary file, then rename), so a failed run never leaves half a report.
    static func writeFile(_ path: String, _ text: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let directory = (path as NSString).deletingLastPathComponent
            let reason = FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory)
                ? "permission denied or not writable" : "directory \(directory) does not exist"
            throw CLIError("cannot write \(path): \(reason)")
        }
    }
}
