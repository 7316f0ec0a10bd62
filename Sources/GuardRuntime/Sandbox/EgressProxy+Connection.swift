#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection: read the head, decide, connect, relay, report.
extension EgressProxy {
    private enum HeadRead {
        case head(ArraySlice<UInt8>, leftover: [UInt8])
        case tooLarge, timedOut, closed, stopped, bareLineFeed
    }

    func serve(_ client: Int32, stop: Int32) {
        let started = ContinuousClock.now
        var event = EgressEvent(method: "", host: "", port: 0, outcome: .malformed(""), status: nil, bytesUp: 0, bytesDown: 0, duration: .zero)
        defer {
            close(client)
            event.duration = .now - started
            onEvent(event)
        }
        func answer(_ status: Int, _ outcome: EgressEvent.Outcome) {
            event.outcome = outcome
            event.status = status
            if let reason = event.reason { Self.answerAndLinger(client, Self.response(status, body: reason), stop: stop) }
        }

        let request: ProxyRequest
        let leftover: [UInt8]
        switch readHead(client, stop: stop) {
        case .tooLarge:
            return answer(431, .malformed("mcpguard sandbox: the request head is over \(Self.headLimit) bytes"))
        case .bareLineFeed:
            return answer(400, .malformed("mcpguard sandbox: a line of the request head ends in a bare LF"))
        case .timedOut:
            return answer(408, .malformed("mcpguard sandbox: the request head did not arrive in time"))
        case .closed:
            event.outcome = .malformed("the client closed before sending a request")
            return
        case .stopped:
            event.outcome = .malformed("the proxy stopped before a request arrived")
            return
        case .head(let head, let rest):
            do { request = try ProxyRequest.parse(head) } catch {
                return answer(error.status, .malformed("mcpguard sandbox: \(error.reason)"))
            }
            leftover = rest
        }
        event.method = request.method
        event.host = request.host.description
        event.port = request.port
        let target = request.host.authority(port: request.port)

        guard let entry = allowList.match(request.host, port: request.port) else {
            return answer(403, .refused("mcpguard sandbox: \(target) is not in the network allow-list"))
        }
        let deadline = ContinuousClock.now + options.connectTimeout
        let addresses: [EgressAddress]
        switch request.host {
        case .address(let address):
            addresses = [address]
        case .name(let name):
            let resolved = (try? options.resolve(name)) ?? []
            guard !resolved.isEmpty else { return answer(502, .failed("mcpguard sandbox: \(name) does not resolve")) }
            if !entry.permitsInternalAddresses, let inside = resolved.first(where: { $0.internalKind != nil }) {
                return answer(
                    403,
                    .refused(
                        "mcpguard sandbox: \(name) resolves to \(inside), a \(inside.internalKind!) address; only an allow-list entry naming the address or localhost may reach it"
                    ))
            }
            addresses = resolved
        }

        var upstream: Int32 = -1
        var lastError: SocketError?
        for address in addresses {
            do {
                upstream = try POSIXSocket.connect(to: address, port: request.port, deadline: deadline, stop: stop)
                break
            } catch {
                lastError = error
                if error.code == ETIMEDOUT || error.code == ECANCELED { break }
            }
        }
        guard upstream >= 0 else {
            let code = lastError?.code ?? 0
            let why = code == ETIMEDOUT ? "timed out" : code == ECANCELED ? "the proxy stopped" : String(cString: strerror(code))
            return answer(code == ETIMEDOUT ? 504 : 502, .failed("mcpguard sandbox: cannot connect to \(target): \(why)"))
        }
        defer { close(upstream) }

        let relay: SocketRelay.Result
        switch request.form {
        case .connect:
            do {
                try POSIXSocket.sendAll(client, Array("HTTP/1.1 200 Connection Established\r\n\r\n".utf8), deadline: .now + options.connectTimeout, stop: stop)
            } catch {
                event.outcome = .failed("the client went away before the tunnel opened")
                return
            }
            event.status = 200
            relay = SocketRelay.run(client: client, upstream: upstream, pending: leftover, idle: options.idleTimeout, stop: stop)
        case .absolute:
            var framing = request.framing
            let taken: Int
            do { taken = try framing.take(leftover[...]) } catch {
                return answer(400, .malformed("mcpguard sandbox: the request body is malformed: \(error.reason)"))
            }
            var result = SocketRelay.run(
                client: client, upstream: upstream, pending: request.originHead() + leftover[..<taken], framing: framing,
                idle: options.idleTimeout, stop: stop
            )
            result.dropped += UInt64(leftover.count - taken)
            relay = result
            // The answer is delivered; let the client read it before the close (see `linger`).
            if relay.end == .completed { Self.linger(client, stop: stop) }
        }
        event.outcome = .relayed
        event.bytesUp = relay.up
        event.bytesDown = relay.down
        switch relay.end {
        case .completed: event.closing = relay.dropped > 0 ? "dropped \(relay.dropped) bytes after the request" : nil
        case .idle: event.closing = "idle timeout"
        case .stopped: event.closing = "proxy stopped"
        case .broken(let why): event.closing = why
        }
    }

    /// Reads up to the blank line that ends the head, within the size limit and the header timeout.
    private func readHead(_ client: Int32, stop: Int32) -> HeadRead {
        let deadline = ContinuousClock.now + options.headerTimeout
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            switch POSIXSocket.wait(client, events: Int16(POLLIN), deadline: deadline, stop: stop) {
            case .timedOut: return .timedOut
            case .stopped: return .stopped
            case .ready: break
            }
            let count = POSIXSocket.receive(client, into: &chunk)
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
            if count <= 0 { return .closed }
            let searchFrom = max(0, buffer.count - 3)
            let fresh = buffer.count
            buffer.append(contentsOf: chunk[0..<count])
            let end = Self.blankLine(in: buffer, from: searchFrom)
            // A head with LF-only line ends would never show the CRLF CRLF it is waited for: say so now.
            let scanEnd = end.map { $0 + 4 } ?? buffer.count
            if fresh < scanEnd, (fresh..<scanEnd).contains(where: { buffer[$0] == 0x0A && ($0 == 0 || buffer[$0 - 1] != 0x0D) }) {
                return .bareLineFeed
            }
            if let end {
                guard end + 4 <= Self.headLimit else { return .tooLarge }
                return .head(buffer[0..<end], leftover: Array(buffer[(end + 4)...]))
            }
            if buffer.count >= Self.headLimit { return .tooLarge }
        }
    }

    /// The index of the first CR LF CR LF at or after `start`.
    private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// Sends a refusal, then lingers.
    private static func answerAndLinger(_ client: Int32, _ bytes: [UInt8], stop: Int32) {
        guard (try? POSIXSocket.sendAll(client, bytes, deadline: .now + .seconds(2), stop: stop)) != nil else { return }
        linger(client, stop: stop)
    }

    /// Ends our side and reads what the client still sends for a moment before the close: closing with
    /// unread bytes makes the kernel send a reset, which can destroy an answer still in flight.
    private static func linger(_ client: Int32, stop: Int32) {
        shutdown(client, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .milliseconds(500)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var drained = 0
        while drained < 1 << 20, POSIXSocket.wait(client, events: Int16(POLLIN), deadline: deadline, stop: stop) == .ready {
            let count = POSIXSocket.receive(client, into: &chunk)
            if count < 0, errno == EAGAIN || errno == EINTR { continue }
            if count <= 0 { return }
            drained += count
        }
    }
}
