import Foundation
import GuardScan
import Synchronization

/// A one-line progress display on stderr while servers are scanned, only when stderr is a terminal.
final class ProgressLine: Sendable {
    private let enabled: Bool
    private let state = Mutex<(running: [String], done: Int, total: Int)>(([], 0, 0))

    init(enabled: Bool = Terminal.stderrIsTerminal) {
        self.enabled = enabled
    }

    func handle(_ event: LiveScanner.Event) {
        guard enabled else { return }
        let line: String = state.withLock { state in
            switch event {
            case .started(let spec):
                state.running.append(spec.name)
            case .finished(let spec, _, let done, let total):
                state.running.removeAll { $0 == spec.name }
                state.done = done
                state.total = total
            }
            let running = state.running.prefix(3).joined(separator: ", ") + (state.running.count > 3 ? ", …" : "")
            return "scanning [\(state.done)/\(max(state.total, state.done))] \(running)"
        }
        Terminal.writeStderr("\r\u{1B}[2K" + String(line.prefix(120)))
    }

    func finish() {
        guard enabled else { return }
        Terminal.writeStderr("\r\u{1B}[2K")
    }
}
