import GuardCore
import MCPClient

/// Inventories many servers at once, a bounded number at a time. One slow or broken server fails alone;
/// servers with the same identity configured in several hosts are contacted once.
public struct LiveScanner: Sendable {
    public enum Event: Sendable {
        case started(ServerSpec)
        case finished(ServerSpec, ServerInventory.Status, done: Int, total: Int)
    }

    public var collector: InventoryCollector
    public var jobs: Int

    public init(collector: InventoryCollector = InventoryCollector(), jobs: Int = 4) {
        self.collector = collector
        self.jobs = max(1, jobs)
    }

    /// Inventories of `specs`, in the same order. Disabled servers come back `skipped`.
    public func run(_ specs: [ServerSpec], progress: @Sendable (Event) -> Void = { _ in }) async -> [ServerInventory] {
        // One connection per identity; every spec sharing it gets a copy under its own name and source.
        var groups: [ServerIdentity: [Int]] = [:]
        var order: [ServerIdentity] = []
        for (index, spec) in specs.enumerated() where !spec.disabled {
            let identity = Self.identity(spec)
            if groups[identity] == nil { order.append(identity) }
            groups[identity, default: []].append(index)
        }
        var results = specs.map { spec in
            spec.disabled ? spec.inventory(status: .skipped, error: "disabled in the host config") : spec.inventory(status: .failed, error: "not scanned")
        }
        let total = order.count
        let collector = self.collector
        await withTaskGroup(of: (ServerIdentity, ServerInventory).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < order.count else { return }
                let identity = order[next]
                let spec = specs[groups[identity]![0]]
                next += 1
                progress(.started(spec))
                group.addTask { (identity, await collector.collect(spec)) }
            }
            for _ in 0..<min(jobs, order.count) { startNext() }
            while let (identity, inventory) = await group.next() {
                done += 1
                for index in groups[identity]! {
                    var copy = inventory
                    copy.name = specs[index].name
                    copy.source = specs[index].source
                    results[index] = copy
                }
                progress(.finished(specs[groups[identity]![0]], inventory.status, done: done, total: total))
                startNext()
            }
        }
        return results
    }

    public static func identity(_ spec: ServerSpec) -> ServerIdentity {
        switch spec.transport {
        case .stdio: .stdio(command: spec.command ?? "", arguments: spec.args, environmentNames: Array(spec.env.keys))
        case .http, .sse: .remote(url: spec.url ?? "")
        }
    }
}
