import Foundation
import GuardCore

/// What `mcpguard install` changed, so `uninstall` can give the files back as they were.
///
/// Per file: the hashes of the bytes before and after install (unchanged since install → the backup is
/// written back byte for byte) and, per wrapped entry, the original command line and its source text (edited
/// since → each entry is unwrapped in place and gets its original text back). Kept in the state directory
/// with mode 0600: the original arguments can carry tokens.
public struct InstallManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var pointer: String
        public var name: String
        public var command: String
        public var args: [String]
        public var commandLiteral: String
        /// nil when the entry had no `args` (or keeps its arguments in `command`).
        public var argsLiteral: String?
        /// The `args` member install added because there was none.
        public var insertedArgs: String?
    }

    public struct FileRecord: Sendable, Equatable {
        /// The file written (symbolic links resolved).
        public var path: String
        public var host: String
        public var originalSHA256: String
        public var installedSHA256: String
        public var backup: String
        public var installedAt: String
        public var entries: [Entry]
    }

    /// Records by the path they describe.
    public var files: [String: FileRecord] = [:]

    public init() {}

    /// The manifest at `path`; empty when there is none.
    public static func load(_ path: String) throws(InstallError) -> InstallManifest {
        guard FileManager.default.fileExists(atPath: path) else { return InstallManifest() }
        guard let data = FileManager.default.contents(atPath: path) else { throw InstallError("\(path): cannot read the install manifest") }
        do {
            return try InstallManifest(json: try JSONParser.parse(Array(data)))
        } catch let error as InstallError {
            throw InstallError("\(path): \(error.message)")
        } catch {
            throw InstallError("\(path): the install manifest is not valid JSON: \(error)")
        }
    }

    /// Writes the manifest (0600, atomically).
    public func save(_ path: String) throws(InstallError) {
        try ConfigFileWriter.writePrivate(JSONWriter(options: .pretty).bytes(json) + [0x0A], to: path)
    }

    var json: JSONValue {
        var files = JSONObject()
        for key in self.files.keys.sorted() {
            let record = self.files[key]!
            var object = JSONObject()
            object["path"] = .string(record.path)
            object["host"] = .string(record.host)
            object["originalSHA256"] = .string(record.originalSHA256)
            object["installedSHA256"] = .string(record.installedSHA256)
            object["backup"] = .string(record.backup)
            object["installedAt"] = .string(record.installedAt)
            object["entries"] = .array(record.entries.map { entry in
                var item = JSONObject()
                item["pointer"] = .string(entry.pointer)
                item["name"] = .string(entry.name)
                item["command"] = .string(entry.command)
                item["args"] = .array(entry.args.map(JSONValue.string))
                item["commandLiteral"] = .string(entry.commandLiteral)
                item["argsLiteral"] = entry.argsLiteral.map(JSONValue.string) ?? .null
                item["insertedArgs"] = entry.insertedArgs.map(JSONValue.string) ?? .null
                return .object(item)
            })
            files[key] = .object(object)
        }
        var root = JSONObject()
        root["version"] = .number(JSONNumber(1))
        root["files"] = .object(files)
        return .object(root)
    }

    init(json: JSONValue) throws(InstallError) {
        guard json["version"]?.numberValue?.literal == "1" else { throw InstallError("install manifest version must be 1") }
        guard let files = json["files"]?.objectValue else { throw InstallError("install manifest has no files object") }
        func text(_ value: JSONValue?, _ what: String) throws(InstallError) -> String {
            guard let string = value?.stringValue else { throw InstallError("install manifest: \(what) must be a string") }
            return string
        }
        for (key, value) in files.members {
            var entries: [Entry] = []
            for item in value["entries"]?.arrayValue ?? [] {
                entries.append(Entry(
                    pointer: try text(item["pointer"], "pointer"), name: try text(item["name"], "name"),
                    command: try text(item["command"], "command"),
                    args: item["args"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                    commandLiteral: try text(item["commandLiteral"], "commandLiteral"),
                    argsLiteral: item["argsLiteral"]?.stringValue, insertedArgs: item["insertedArgs"]?.stringValue
                ))
            }
            self.files[key] = FileRecord(
                path: try text(value["path"], "path"), host: try text(value["host"], "host"),
                originalSHA256: try text(value["originalSHA256"], "originalSHA256"),
                installedSHA256: try text(value["installedSHA256"], "installedSHA256"),
                backup: try text(value["backup"], "backup"), installedAt: try text(value["installedAt"], "installedAt"),
                entries: entries
            )
        }
    }
}
