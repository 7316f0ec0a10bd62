import Foundation
import GuardCore
import GuardDetect

/// Resource boundaries: reads of a file no MCP server should serve, directly, by `../` traversal and
/// through every template's parameters. Reading is all it does.
extension ActiveProbe {
    static let traversal = "../../../../../../etc/passwd"

    /// URIs that name /etc/passwd without being listed: directly, by traversal, and through each template.
    static func boundaryURIs(resources: [JSONValue], templates: [JSONValue], maxTemplates: Int) -> [String] {
        var uris = ["file:///etc/passwd", traversal, "file:///" + traversal, "file://" + "/tmp/" + traversal]
        for resource in resources.prefix(maxTemplates) {
            guard let uri = resource["uri"]?.stringValue, uri.hasPrefix("file://") else { continue }
            let directory = (uri as NSString).deletingLastPathComponent
            uris.append(directory + "/" + traversal)
        }
        for template in templates.prefix(maxTemplates) {
            guard let pattern = template["uriTemplate"]?.stringValue else { continue }
            for filler in [traversal, traversal.replacingOccurrences(of: "/", with: "%2F")] {
                let filled = fill(pattern, with: filler)
                if filled != pattern { uris.append(filled) }
            }
        }
        var seen = Set<String>()
        return uris.filter { seen.insert($0).inserted }
    }

    /// Every `{…}` expression of an RFC 6570 template replaced by `value` (operators dropped).
    static func fill(_ template: String, with value: String) -> String {
        var result = ""
        var inside = false
        for character in template {
            if character == "{" { inside = true; result += value; continue }
            if character == "}" { inside = false; continue }
            if !inside { result.append(character) }
        }
        return result
    }

    /// Lines shaped like /etc/passwd (`name:x:0:0:gecos:home:shell`), at least two of them.
    static func looksLikePasswd(_ text: String) -> Bool {
        var count = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count == 7, Int(fields[2]) != nil, Int(fields[3]) != nil, fields[5].hasPrefix("/") { count += 1 }
            if count >= 2 { return true }
        }
        return false
    }

    static func texts(of result: JSONValue) -> [String] {
        (result["contents"]?.arrayValue ?? []).compactMap { content in
            if let text = content["text"]?.stringValue { return text }
            if let blob = content["blob"]?.stringValue, let data = Data(base64Encoded: blob) { return String(decoding: data, as: UTF8.self) }
            return nil
        }
    }

    func resourceBoundary(_ session: ProbeSession) async -> ProbeCheckResult {
        guard await session.capabilities["resources"] != nil else {
            return .skipped(Rules.probeResourceBoundary, "the server declares no resources capability")
        }
        let uris = Self.boundaryURIs(resources: await session.resources, templates: await session.templates, maxTemplates: options.maxTemplates)
        var problems: [ProbeProblem] = []
        var tried = 0
        var served: [String] = []
        for uri in uris {
            guard await session.budgetLeft else { break }
            await session.sent(uri)
            tried += 1
            let label = "resources/read of \(uri)"
            let reply = await session.request("resources/read", ["uri": .string(uri)], label: label)
            if case .result(let value) = reply, Self.texts(of: value).contains(where: Self.looksLikePasswd) { served.append(uri) }
            if let problem = await survival(session, after: label, reply: reply) { problems.append(problem) }
        }
        if !served.isEmpty {
            let shown = served.prefix(3).joined(separator: ", ") + (served.count > 3 ? " and \(served.count - 3) more" : "")
            problems.insert(ProbeProblem(message: "served the contents of /etc/passwd, a file it does not list, for \(served.count) of \(tried) URIs", evidence: shown, key: "passwd"), at: 0)
        }
        guard tried > 0 else { return .skipped(Rules.probeResourceBoundary, await session.budgetExhausted) }
        return ProbeCheckResult(rule: Rules.probeResourceBoundary.id, ran: true,
                                detail: "read \(tried) URI\(tried == 1 ? "" : "s") outside what the server lists (file:///etc/passwd, ../ traversals, ../ in template parameters)", problems: problems)
    }
}
