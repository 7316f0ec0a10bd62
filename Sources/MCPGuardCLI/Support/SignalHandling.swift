import Dispatch
import Foundation
import Synchronization
import MCPClient

/// On SIGINT, SIGTERM or SIGHUP: forward the signal to every child process group (a server under
/// `mcpguard run` gets the same signal its host sent, and may shut down cleanly), then end the groups
/// (TERM, then KILL after a grace period) and exit with 128 + the signal, so nothing is left running.
enum SignalHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let received = Mutex<Int32>(0)

    /// The signal that is ending this process, if any: `run` reports 128 + it even when the server it
    /// forwarded the signal to exits first.
    static var receivedSignal: Int32? { received.withLock { $0 == 0 ? nil : $0 } }

    static func install() {
        // A peer that closed its end must surface as a write error, not end mcpguard.
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                received.withLock { $0 = signalNumber }
                ChildProcessRegistry.shared.signalAll(signalNumber)
                ChildProcessRegistry.shared.terminateAll(grace: .seconds(2))
                if Terminal.stderrIsTerminal { Terminal.writeStderr("\r\u{1B}[2K") }
                Terminal.writeStderr("mcpguard: interrupted; stopped every server it had started\n")
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
