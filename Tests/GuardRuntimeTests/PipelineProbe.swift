import GuardCore
import GuardPolicy

@testable import GuardEngine

/// Reading what a pipeline returned, for the pipeline tests.
enum PipelineProbe {
    static func messages(_ deliveries: [GuardPipeline.Delivery], toServer: Bool) -> [JSONValue] {
        messages(deliveries, toClient: !toServer)
    }

    static func messages(_ deliveries: [GuardPipeline.Delivery], toClient: Bool) -> [JSONValue] {
        deliveries.compactMap { delivery in
            switch delivery {
            case .toClient(let bytes) where toClient: try? JSONParser.parse(bytes)
            case .toServer(let bytes) where !toClient: try? JSONParser.parse(bytes)
            default: nil
            }
        }
    }

    static func clientError(_ deliveries: [GuardPipeline.Delivery]) -> JSONRPCErrorObject? {
        for delivery in deliveries {
            if case .toClient(let bytes) = delivery, let message = try? JSONRPCMessage(bytes: bytes), let error = message.error { return error }
        }
        return nil
    }

    static func pipeline(_ yaml: String, server: String = "srv", pins: PinGate? = nil, audit: AuditLog? = nil) throws -> GuardPipeline {
        GuardPipeline(server: server, policy: try Policy(yaml: yaml, path: "p.yaml"), audit: audit, pins: pins)
    }

    static func bytes(_ value: JSONValue) -> [UInt8] { JSONWriter().bytes(value) }

    /// Sends a request from the client and returns the server's answer as the client receives it.
    static func roundTrip(_ pipeline: GuardPipeline, request: JSONValue, result: JSONValue) -> [JSONValue] {
        _ = pipeline.fromClient(bytes(request))
        return messages(pipeline.fromServer(bytes(["jsonrpc": "2.0", "id": request["id"] ?? .null, "result": result])), toClient: true)
    }
}
