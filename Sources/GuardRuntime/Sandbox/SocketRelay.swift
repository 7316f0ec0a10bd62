#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves bytes between a client and an upstream socket on one thread with `poll`, non-blocking.
///
/// One thread and a buffer per direction: a direction is read only when its buffer is empty and written
/// when the other end can take it, so neither side stalls the other (two peers that both write without
/// reading would deadlock a blocking relay). A tunnel passes end-of-stream on (`shutdown(SHUT_WR)`) and
/// ends when both directions have; a plain-HTTP relay passes client bytes through the body's framing,
/// drops what follows the body and ends when the upstream's answer has been delivered.
enum SocketRelay {
    enum End: Sendable, Equatable {
        case completed
        case idle
        case stopped
        case broken(String)
    }

    struct Result: Sendable {
        var up: UInt64 = 0
        var down: UInt64 = 0
        /// Client bytes after the request body, read and dropped.
        var dropped: UInt64 = 0
        var end: End = .completed
    }

    /// Relays until done. `pending` goes upstream first; `framing` (plain HTTP) bounds what else does.
    static func run(
        client: Int32, upstream: Int32, pending: [UInt8] = [], framing: RequestBodyFraming? = nil, idle: Duration?, stop: Int32
    ) -> Result {
        var result = Result()
        var framing = framing
        let tunnel = framing == nil
        var toUpstream = pending
        var toClient: [UInt8] = []
        var clientOpen = true, upstreamOpen = true
        var upstreamShut = false, clientShut = false
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let idleMilliseconds: Int32 = idle.map { Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? -1

        while true {
            if tunnel {
                if !clientOpen, toUpstream.isEmpty, !upstreamShut {
                    shutdown(upstream, Int32(SHUT_WR))
                    upstreamShut = true
                }
                if !upstreamOpen, toClient.isEmpty, !clientShut {
                    shutdown(client, Int32(SHUT_WR))
                    clientShut = true
                }
                if upstreamShut, clientShut { return result }
            } else if !upstreamOpen, toClient.isEmpty {
                return result
            }

            let clientEvents = (clientOpen && toUpstream.isEmpty ? Int16(POLLIN) : 0) | (toClient.isEmpty ? 0 : Int16(POLLOUT))
            let upstreamEvents = (upstreamOpen && toClient.isEmpty ? Int16(POLLIN) : 0) | (toUpstream.isEmpty ? 0 : Int16(POLLOUT))
            // A descriptor with nothing to wait for is left out: poll would report its hang-up forever.
            var fds = [
                pollfd(fd: clientEvents == 0 ? -1 : client, events: clientEvents, revents: 0),
                pollfd(fd: upstreamEvents == 0 ? -1 : upstream, events: upstreamEvents, revents: 0),
                pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), idleMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                result.end = .broken(SocketError("poll").description)
                return result
            }
            if fds[2].revents != 0 {
                result.end = .stopped
                return result
            }
            if ready == 0 {
                result.end = .idle
                return result
            }
            let readable = Int16(POLLIN) | Int16(POLLHUP) | Int16(POLLERR)

            // Writes first: they free the buffers that gate the reads.
            if fds[0].revents & (Int16(POLLOUT) | Int16(POLLERR) | Int16(POLLHUP)) != 0, !toClient.isEmpty {
                let written = POSIXSocket.send(client, toClient[...])
                if written > 0 {
                    toClient.removeFirst(written)
                    result.down += UInt64(written)
                } else if !wouldBlock() {
                    result.end = .broken("the client went away")
                    return result
                }
            }
            if fds[1].revents & (Int16(POLLOUT) | Int16(POLLERR) | Int16(POLLHUP)) != 0, !toUpstream.isEmpty {
                let written = POSIXSocket.send(upstream, toUpstream[...])
                if written > 0 {
                    toUpstream.removeFirst(written)
                    result.up += UInt64(written)
                } else if !wouldBlock() {
                    result.end = .broken("the upstream went away")
                    return result
                }
            }

            if fds[0].revents & readable != 0, clientOpen, toUpstream.isEmpty {
                let count = POSIXSocket.receive(client, into: &chunk)
                if count > 0 {
                    if var body = framing {
                        let taken: Int
                        do { taken = try body.take(chunk[0..<count]) } catch {
                            result.end = .broken("the request body is malformed: \(error.reason)")
                            return result
                        }
                        framing = body
                        toUpstream.append(contentsOf: chunk[0..<taken])
                        result.dropped += UInt64(count - taken)
                    } else {
                        toUpstream.append(contentsOf: chunk[0..<count])
                    }
                } else if count == 0 || !wouldBlock() {
                    clientOpen = false
                    if let body = framing, !body.isComplete {
                        result.end = .broken("the client closed before the end of the request body")
                        return result
                    }
                    if count < 0, !tunnel {
                        result.end = .broken("the client went away")
                        return result
                    }
                }
            }
            if fds[1].revents & readable != 0, upstreamOpen, toClient.isEmpty {
                let count = POSIXSocket.receive(upstream, into: &chunk)
                if count > 0 {
                    toClient.append(contentsOf: chunk[0..<count])
                } else if count == 0 || !wouldBlock() {
                    upstreamOpen = false
                }
            }
        }
    }

    private static func wouldBlock() -> Bool { errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
}
