import GuardCore

/// Every string of an MCP definition that ends up in front of the model, with its JSON Pointer.
///
/// Poisoning hides wherever a model reads: not only `description`, but nested schema descriptions,
/// titles, defaults, enum values, examples, property *names*, annotations, prompt arguments and the
/// server's `instructions`. Walks are bounded in depth so a hostile schema cannot recurse forever.
public struct ModelVisibleText: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        case name, title, description, propertyName, value, instructions, uri
    }

    public let text: String
    /// JSON Pointer relative to the server entry, e.g. `/tools/2/inputSchema/properties/path/description`.
    public let pointer: String
    public let role: Role

    /// One MCP object (tool, prompt, resource, template) with its kind and index.
    public struct Subject: Sendable {
        public enum Kind: String, Sendable { case tool, prompt, resource, resourceTemplate = "resource template", instructions }
        public let kind: Kind
        public let name: String?
        /// Pointer of the object itself (`/tools/2`).
        public let pointer: String
        public let value: JSONValue?
        public let texts: [ModelVisibleText]
    }

    /// Every subject a server offers, each with its model-visible texts.
    public static func subjects(of server: ServerInventory) -> [Subject] {
        var subjects: [Subject] = []
        if let instructions = server.instructions, !instructions.isEmpty {
            subjects.append(Subject(
                kind: .instructions, name: nil, pointer: "/instructions", value: nil,
                texts: [ModelVisibleText(text: instructions, pointer: "/instructions", role: .instructions)]
            ))
        }
        let groups: [(Subject.Kind, String, [JSONValue])] = [
            (.tool, "tools", server.tools), (.prompt, "prompts", server.prompts),
            (.resource, "resources", server.resources), (.resourceTemplate, "resourceTemplates", server.resourceTemplates),
        ]
        for (kind, key, values) in groups {
            for (index, value) in values.enumerated() {
                let pointer = "/\(key)/\(index)"
                var texts: [ModelVisibleText] = []
                collect(value, pointer: pointer, into: &texts)
                subjects.append(Subject(kind: kind, name: value["name"]?.stringValue, pointer: pointer, value: value, texts: texts))
            }
        }
        return subjects
    }

    /// Members whose string values a model reads as text.
    static let textMembers: [String: Role] = [
        "name": .name, "title": .title, "description": .description, "uri": .uri, "uriTemplate": .uri,
    ]
    /// Members that hold schemas or nested definitions to descend into.
    static let schemaMembers: Set<String> = [
        "inputSchema", "outputSchema", "items", "additionalProperties", "not", "if", "then", "else", "contains",
        "annotations", "arguments", "prefixItems", "allOf", "anyOf", "oneOf", "$defs", "definitions",
        "patternProperties", "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "_meta", "icons",
    ]
    /// Members whose string values are data the model sees (defaults, enums, examples).
    static let valueMembers: Set<String> = ["default", "enum", "examples", "const", "example"]

    static func collect(_ value: JSONValue, pointer: String, depth: Int = 0, into texts: inout [ModelVisibleText]) {
        guard depth < 32 else { return }
        switch value {
        case .object(let object):
            for (key, member) in object.members {
                let memberPointer = pointer + "/" + FindingLocation.pointerToken(key)
                if let role = textMembers[key], case .string(let text) = member {
                    texts.append(ModelVisibleText(text: text, pointer: memberPointer, role: role))
                } else if key == "properties", case .object(let properties) = member {
                    for (name, schema) in properties.members {
                        let propertyPointer = memberPointer + "/" + FindingLocation.pointerToken(name)
                        texts.append(ModelVisibleText(text: name, pointer: propertyPointer, role: .propertyName))
                        collect(schema, pointer: propertyPointer, depth: depth + 1, into: &texts)
                    }
                } else if valueMembers.contains(key) {
                    collectValues(member, pointer: memberPointer, depth: depth + 1, into: &texts)
                } else if schemaMembers.contains(key) || key == "title" || key == "description" {
                    collect(member, pointer: memberPointer, depth: depth + 1, into: &texts)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collect(element, pointer: pointer + "/\(index)", depth: depth + 1, into: &texts)
            }
        default:
            break
        }
    }

    static func collectValues(_ value: JSONValue, pointer: String, depth: Int, into texts: inout [ModelVisibleText]) {
        guard depth < 32 else { return }
        switch value {
        case .string(let text): texts.append(ModelVisibleText(text: text, pointer: pointer, role: .value))
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                collectValues(element, pointer: pointer + "/\(index)", depth: depth + 1, into: &texts)
            }
        case .object(let object):
            for (key, member) in object.members {
                collectValues(member, pointer: pointer + "/" + FindingLocation.pointerToken(key), depth: depth + 1, into: &texts)
            }
        default: break
        }
    }
}
