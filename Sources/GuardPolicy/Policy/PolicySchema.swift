import Foundation
import GuardCore
import Yams

/// The policy file's own JSON Schema (docs/policy.schema.json, compiled in), for editors and for checking
/// that what the YAML reader accepts and what the schema describes stay the same.
public enum PolicySchema {
    /// The schema as a value.
    public static let value: JSONValue = (try? JSONParser.parse(text)) ?? .null

    public static let validator = JSONSchemaValidator(schema: value)

    /// Problems with `yaml` according to the schema (empty when it conforms), each as `path: message`.
    public static func problems(yaml: String) -> [String] {
        guard let loaded = try? PolicyYAML.load(yaml) else { return ["not valid YAML"] }
        return validator.validate(json(from: loaded)).map { "\($0.instancePath.isEmpty ? "/" : $0.instancePath): \($0.message)" }
    }

    /// What Yams loaded, as JSON.
    public static func json(from value: Any?) -> JSONValue {
        switch value {
        case nil: return .null
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .number(JSONNumber(int))
        case let double as Double: return (try? JSONParser.parse(String(double))) ?? .null
        case let string as String: return .string(string)
        case let array as [Any]: return .array(array.map(json(from:)))
        case let dictionary as [String: Any]:
            var object = JSONObject()
            for key in dictionary.keys.sorted() { object[key] = json(from: dictionary[key]) }
            return .object(object)
        default: return .string("\(value!)")
        }
    }
}
