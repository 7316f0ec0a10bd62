import Dispatch
import Foundation
import GuardRuntime

/// On SIGINT, SIGTERM or SIGHUP: end every child process group, then exit with 128 + the signal, so an
/// interrupted scan never leaves a server running.
enum SignalHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                ChildProcessRegistry.shared.terminateAll()
                if Terminal.stderrIsTerminal { Terminal.writeStderr("\r\u{1B}[2K") }
                Terminal.writeStderr("mcpguard: interrupted; stopped every server it had started\n")
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
