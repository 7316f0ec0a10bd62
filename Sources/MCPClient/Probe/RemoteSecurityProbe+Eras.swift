import AsyncHTTPClient
import Foundation
import GuardCore
import NIOCore

/// Probing servers of every era: 2025-era Streamable HTTP servers refuse the stateless probe and want a
/// session, and legacy HTTP+SSE servers are reached through their event stream.
extension RemoteSecurityProbe {
    /// A POST that a server of either era answers: the stateless `server/discover`, and when that gets
    /// 400, 404 or 405 (2025-era servers want a session first) an `initialize`, whose session is ended
    /// at once with DELETE.
    func probePost(url: String, headers: [String: String]) async -> Response? {
        guard let discover = await post(url: url, headers: headers, method: "server/discover") else { return nil }
        guard [400, 404, 405].contains(discover.status) else { return discover }
        guard let initialize = await post(url: url, headers: headers, method: "initialize") else { return discover }
        if let session = initialize.headers["mcp-session-id"] {
            var request = HTTPClientRequest(url: url)
            request.method = .DELETE
            for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
            request.headers.replaceOrAdd(name: "Mcp-Session-Id", value: session)
            if let response = try? await client.execute(request, timeout: requestTimeout) { _ = try? await response.body.collect(upTo: 64 * 1024) }
        }
        return initialize
    }

    // MARK: Legacy HTTP+SSE

    /// The SSE stream of a legacy server: opened without credentials (authentication), then with a foreign
    /// Origin (origin validation). Only the response head is read.
    func streamObservations(url: String, host: String, headers: [String: String]) async -> [Observation] {
        var observations: [Observation] = []
        if let plain = await openStream(url: url, headers: [:]) {
            switch plain.status {
            case 200..<300:
                if reportLoopbackWithoutAuth || !isLoopbackHost(host) { observations.append(.authenticationNotRequired) }
            case 401, 403:
                if let challenge = plain.headers["www-authenticate"] {
                    observations += await metadataObservations(url: url, challenge: challenge)
                } else {
                    observations.append(.challengeMissing(status: plain.status))
                }
            default:
                break
            }
        }
        var foreign = headers
        foreign["Origin"] = "https://mcpguard-origin-check.invalid"
        if let response = await openStream(url: url, headers: foreign), (200..<300).contains(response.status) {
            observations.append(.originNotValidated(status: response.status))
        }
        return observations
    }

    /// GET with `Accept: text/event-stream`: the status and headers, then the stream is dropped.
    func openStream(url: String, headers: [String: String]) async -> Response? {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        request.headers.replaceOrAdd(name: "Accept", value: "text/event-stream")
        let prepared = request
        let client = self.client
        let limit = requestTimeout
        return await withTaskGroup(of: Response?.self) { group in
            group.addTask {
                guard let response = try? await client.execute(prepared, timeout: limit) else { return nil }
                var collected: [String: String] = [:]
                for header in response.headers { collected[header.name.lowercased()] = header.value }
                return Response(status: Int(response.status.code), headers: collected)
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
