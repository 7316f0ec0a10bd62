import Foundation

/// Reads /proc to find processes a test started, so a test can assert that none outlived it.
public enum ProcessTable {
    /// Processes whose environment carries `MCPGUARD_TEST_MARKER=marker`: exactly the servers one test
    /// started (a marker is a fresh UUID per test), as their pids.
    public static func withMarker(_ marker: String) -> [String] {
        let wanted = "MCPGUARD_TEST_MARKER=\(marker)"
        return entries().compactMap { entry in
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { return nil }
            return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == wanted } ? entry : nil
        }
    }

    /// Processes other than this one whose command line contains `needle`, as "pid: command line".
    public static func matching(_ needle: String) -> [String] {
        let me = String(getpid())
        return entries().compactMap { entry in
            guard entry != me, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(needle) ? "\(entry): \(line)" : nil
        }
    }

    private static func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { $0.allSatisfy(\.isNumber) }
    }
}
