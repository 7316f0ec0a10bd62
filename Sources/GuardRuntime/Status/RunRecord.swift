import Foundation
import GuardCore
import GuardEngine

/// What one running `mcpguard run` says about itself in its registration file (`<pid>.json`). The command
/// is a summary with secret-looking words masked; the environment is never written.
public struct RunRecord: Sendable, Equatable {
    public var pid: Int32
    /// Which host started the guard (`--host`, else the parent process's name).
    public var host: String
    /// The server's name (`--name`, else the command's).
    public var name: String
    public var command: String
    /// Wall-clock start, seconds since 1970.
    public var started: Double
    /// The process's start time in clock ticks since boot, which tells this process from a later one
    /// given the same pid; nil where the system does not say.
    public var processStart: UInt64?
    public var policy: String?
    public var audit: String?
    /// The sandbox in force, as `run` describes it (`none` without one).
    public var sandbox: String
    public var counts: GuardStatistics.Counts

    public init(pid: Int32, host: String, name: String, command: String, started: Double, processStart: UInt64?,
                policy: String?, audit: String?, sandbox: String, counts: GuardStatistics.Counts = .init()) {
        self.pid = pid
        self.host = host
        self.name = name
        self.command = command
        self.started = started
        self.processStart = processStart
        self.policy = policy
        self.audit = audit
        self.sandbox = sandbox
        self.counts = counts
    }

    /// The registration file's format version.
    static let version = 1

    /// The file's content; `status --json` adds `uptime` to it (see docs/contracts.md).
    public var json: JSONValue {
        var object = JSONObject()
        object["version"] = .number(JSONNumber(Self.version))
        object["pid"] = .number(JSONNumber(Int(pid)))
        object["host"] = .string(host)
        object["name"] = .string(name)
        object["command"] = .string(command)
        object["started"] = .string(Self.iso8601(started))
        object["startedEpoch"] = .number(JSONNumber(started))
        object["processStart"] = processStart.map { .number(JSONNumber(literal: String($0))) } ?? .null
        object["policy"] = policy.map(JSONValue.string) ?? .null
        object["audit"] = audit.map(JSONValue.string) ?? .null
        object["sandbox"] = .string(sandbox)
        object["counters"] = [
            "calls": .number(JSONNumber(counts.callsForwarded)),
            "denied": .number(JSONNumber(counts.refused)),
            "redactions": .number(JSONNumber(counts.redactions)),
            "withheldTools": .number(JSONNumber(counts.withheldTools)),
            "injections": .number(JSONNumber(counts.injectionsFlagged)),
        ]
        return .object(object)
    }

    /// A registration file read back; nil when it is not one (such a file is stale or forged).
    public init?(json value: JSONValue) {
        guard value["version"]?.numberValue?.intValue == Self.version,
            let pid = value["pid"]?.numberValue?.intValue, let pid32 = Int32(exactly: pid),
            let host = value["host"]?.stringValue, let name = value["name"]?.stringValue, let command = value["command"]?.stringValue,
            let started = value["startedEpoch"]?.numberValue?.doubleValue, started.isFinite,
            let sandbox = value["sandbox"]?.stringValue, let counters = value["counters"]
        else { return nil }
        var counts = GuardStatistics.Counts()
        counts.callsForwarded = counters["calls"]?.numberValue?.intValue ?? 0
        counts.refused = counters["denied"]?.numberValue?.intValue ?? 0
        counts.redactions = counters["redactions"]?.numberValue?.intValue ?? 0
        counts.withheldTools = counters["withheldTools"]?.numberValue?.intValue ?? 0
        counts.injectionsFlagged = counters["injections"]?.numberValue?.intValue ?? 0
        self.init(
            pid: pid32, host: host, name: name, command: command, started: started,
            processStart: value["processStart"]?.numberValue.flatMap { UInt64($0.literal) },
            policy: value["policy"]?.stringValue, audit: value["audit"]?.stringValue, sandbox: sandbox, counts: counts
        )
    }

    /// `2026-11-26T08:26:05Z`.
    static func iso8601(_ seconds: Double) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
