import Foundation
import GuardCore

/// What a successful evaluation learned, for `unevaluatedProperties` and `unevaluatedItems`.
struct Annotations {
    var properties: Set<String> = []
    var items: Set<Int> = []
    var allItems = false

    mutating func merge(_ other: Annotations) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
        allItems = allItems || other.allItems
    }
}

/// Evaluates one schema against one instance, collecting failures and annotations.
struct SchemaEvaluator {
    let registry: SchemaRegistry
    let draft: JSONSchemaValidator.Draft

    init(registry: SchemaRegistry, draft: JSONSchemaValidator.Draft) {
        self.registry = registry
        self.draft = draft
    }

    typealias Failure = JSONSchemaValidator.Failure

    /// Returns whether `instance` is valid, and the annotations when it is.
    mutating func evaluate(
        _ schema: JSONValue, _ instance: JSONValue, baseURI parentBase: String, instancePath: String,
        dynamicScope: [String], depth: Int, failures: inout [Failure]
    ) -> (Bool, Annotations) {
        if case .bool(let accept) = schema {
            if !accept { failures.append(Failure(instancePath: instancePath, keyword: "false", message: "no value is allowed here")) }
            return (accept, Annotations())  // boolean schemas produce no annotations
        }
        guard case .object(let object) = schema else { return (true, Annotations()) }
        guard depth < JSONSchemaValidator.maxDepth else {
            failures.append(Failure(instancePath: instancePath, keyword: "$ref", message: "schema references nest deeper than \(JSONSchemaValidator.maxDepth) levels"))
            return (false, Annotations())
        }
        let baseURI = registry.baseURI(of: schema, parent: parentBase)
        var scope = dynamicScope
        if scope.last != baseURI { scope.append(baseURI) }
        let before = failures.count
        var annotations = Annotations()

        func fail(_ keyword: String, _ message: String, at path: String = instancePath) {
            failures.append(Failure(instancePath: path, keyword: keyword, message: message))
        }
        func sub(_ subschema: JSONValue, _ value: JSONValue, _ path: String, into list: inout [Failure]) -> (Bool, Annotations) {
            evaluate(subschema, value, baseURI: baseURI, instancePath: path, dynamicScope: scope, depth: depth + 1, failures: &list)
        }

        // References.
        if let reference = object["$ref"]?.stringValue {
            if let (target, targetBase) = registry.lookup(reference, baseURI: baseURI) {
                // The target's own $id is applied when it is evaluated, so pass the base it lives under.
                let (_, refAnnotations) = evaluate(target, instance, baseURI: targetBase, instancePath: instancePath, dynamicScope: scope, depth: depth + 1, failures: &failures)
                annotations.merge(refAnnotations)
            } else {
                fail("$ref", "cannot resolve reference \(reference)")
            }
            if draft == .draft7 { return (failures.count == before, annotations) }
        }
        if draft == .draft2020_12, let reference = object["$dynamicRef"]?.stringValue {
            var target = registry.lookup(reference, baseURI: baseURI)
            // A fragment naming a dynamic anchor: the outermost resource in scope that declares it wins.
            if let initial = target, reference.contains("#"), let name = reference.split(separator: "#").last.map(String.init), !name.hasPrefix("/"),
                case .object(let initialObject) = initial.0, initialObject["$dynamicAnchor"]?.stringValue == name
            {
                for resource in scope {
                    if let dynamic = registry.dynamicAnchor(name, in: resource) {
                        target = dynamic
                        break
                    }
                }
            }
            if let (schemaTarget, targetBase) = target {
                let (_, refAnnotations) = evaluate(schemaTarget, instance, baseURI: targetBase, instancePath: instancePath, dynamicScope: scope, depth: depth + 1, failures: &failures)
                annotations.merge(refAnnotations)
            } else {
                fail("$dynamicRef", "cannot resolve reference \(reference)")
            }
        }

        // Type and value assertions.
        if let type = object["type"] {
            let types = type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
            if !types.contains(where: { Self.matches(instance, type: $0) }) {
                fail("type", "expected \(types.joined(separator: " or ")), found \(instance.typeName)")
            }
        }
        if let allowed = object["enum"]?.arrayValue, !allowed.contains(where: { jsonEqual($0, instance) }) {
            fail("enum", "must be one of \(allowed.prefix(10).map(\.jsonString).joined(separator: ", "))")
        }
        if let constant = object["const"], !jsonEqual(constant, instance) {
            fail("const", "must be \(constant.jsonString)")
        }
        if case .number(let number) = instance {
            assertNumber(number.doubleValue, object) { fail($0, $1) }
        }
        if case .string(let string) = instance {
            let length = string.unicodeScalars.count
            if let minimum = object["minLength"]?.numberValue?.doubleValue, Double(length) < minimum { fail("minLength", "must be at least \(Int(minimum)) characters") }
            if let maximum = object["maxLength"]?.numberValue?.doubleValue, Double(length) > maximum { fail("maxLength", "must be at most \(Int(maximum)) characters") }
            if let pattern = object["pattern"]?.stringValue, !self.matches(string, pattern) { fail("pattern", "must match the pattern \(pattern)") }
        }

        // Arrays.
        if case .array(let elements) = instance {
            if let minimum = object["minItems"]?.numberValue?.doubleValue, Double(elements.count) < minimum { fail("minItems", "must have at least \(Int(minimum)) items") }
            if let maximum = object["maxItems"]?.numberValue?.doubleValue, Double(elements.count) > maximum { fail("maxItems", "must have at most \(Int(maximum)) items") }
            if object["uniqueItems"]?.boolValue == true {
                outer: for i in elements.indices {
                    for j in elements.indices where j > i && jsonEqual(elements[i], elements[j]) {
                        fail("uniqueItems", "items \(i) and \(j) are equal")
                        break outer
                    }
                }
            }
            var prefixCount = 0
            let tuple = draft == .draft2020_12 ? object["prefixItems"]?.arrayValue : object["items"]?.arrayValue
            if let tuple {
                for (index, schema) in tuple.enumerated() where index < elements.count {
                    var local: [Failure] = []
                    if !sub(schema, elements[index], "\(instancePath)/\(index)", into: &local).0 { failures += local }
                    annotations.items.insert(index)
                }
                prefixCount = tuple.count
            }
            let rest = draft == .draft2020_12 ? object["items"] : (tuple != nil ? object["additionalItems"] : object["items"])
            if let rest, !(draft == .draft2020_12 && rest.arrayValue != nil) {
                for index in elements.indices where index >= prefixCount {
                    var local: [Failure] = []
                    if !sub(rest, elements[index], "\(instancePath)/\(index)", into: &local).0 { failures += local }
                }
                annotations.allItems = true
            }
            if let contains = object["contains"] {
                var matched = 0
                for (index, element) in elements.enumerated() {
                    var scratch: [Failure] = []
                    if sub(contains, element, "\(instancePath)/\(index)", into: &scratch).0 {
                        matched += 1
                        annotations.items.insert(index)
                    }
                }
                let minimum = draft == .draft2020_12 ? object["minContains"]?.numberValue?.doubleValue ?? 1 : 1
                if Double(matched) < minimum { fail("contains", minimum == 1 ? "no item matches the contains schema" : "fewer than \(Int(minimum)) items match the contains schema") }
                if draft == .draft2020_12, let maximum = object["maxContains"]?.numberValue?.doubleValue, Double(matched) > maximum {
                    fail("maxContains", "more than \(Int(maximum)) items match the contains schema")
                }
            }
        }

        // Objects.
        if case .object(let members) = instance {
            if let minimum = object["minProperties"]?.numberValue?.doubleValue, Double(members.count) < minimum { fail("minProperties", "must have at least \(Int(minimum)) properties") }
            if let maximum = object["maxProperties"]?.numberValue?.doubleValue, Double(members.count) > maximum { fail("maxProperties", "must have at most \(Int(maximum)) properties") }
            for name in object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !members.contains(name) {
                fail("required", "required property '\(name)' is missing")
            }
            var matchedByProperties: Set<String> = []
            if let properties = object["properties"]?.objectValue {
                for (name, schema) in properties.members {
                    guard let value = members[name] else { continue }
                    var local: [Failure] = []
                    if !sub(schema, value, "\(instancePath)/\(FindingLocation.pointerToken(name))", into: &local).0 { failures += local }
                    matchedByProperties.insert(name)
                }
            }
            if let patterns = object["patternProperties"]?.objectValue {
                for (pattern, schema) in patterns.members {
                    for (name, value) in members.members where self.matches(name, pattern) {
                        var local: [Failure] = []
                        if !sub(schema, value, "\(instancePath)/\(FindingLocation.pointerToken(name))", into: &local).0 { failures += local }
                        matchedByProperties.insert(name)
                    }
                }
            }
            annotations.properties.formUnion(matchedByProperties)
            if let additional = object["additionalProperties"] {
                for (name, value) in members.members where !matchedByProperties.contains(name) {
                    var local: [Failure] = []
                    if !sub(additional, value, "\(instancePath)/\(FindingLocation.pointerToken(name))", into: &local).0 {
                        // `false` forbids the property itself: say so rather than "no value is allowed here".
                        failures += additional == .bool(false) || local.isEmpty
                            ? [Failure(instancePath: instancePath, keyword: "additionalProperties", message: "property '\(name)' is not allowed")] : local
                    }
                    annotations.properties.insert(name)
                }
            }
            if let names = object["propertyNames"] {
                for name in members.keys {
                    var local: [Failure] = []
                    if !sub(names, .string(name), instancePath, into: &local).0 { fail("propertyNames", "property name '\(name)' is not allowed") }
                }
            }
            let dependentRequired = draft == .draft2020_12 ? object["dependentRequired"]?.objectValue : object["dependencies"]?.objectValue
            for (name, requirement) in dependentRequired?.members ?? [] where members.contains(name) {
                if let needed = requirement.arrayValue?.compactMap(\.stringValue) {
                    for other in needed where !members.contains(other) { fail("dependentRequired", "property '\(other)' is required when '\(name)' is present") }
                } else if draft == .draft7 {
                    var local: [Failure] = []
                    if !sub(requirement, instance, instancePath, into: &local).0 { failures += local }
                }
            }
            if draft == .draft2020_12, let dependentSchemas = object["dependentSchemas"]?.objectValue {
                for (name, schema) in dependentSchemas.members where members.contains(name) {
                    var local: [Failure] = []
                    let (valid, found) = sub(schema, instance, instancePath, into: &local)
                    if valid { annotations.merge(found) } else { failures += local }
                }
            }
        }

        // Composition.
        if let all = object["allOf"]?.arrayValue {
            for schema in all {
                var local: [Failure] = []
                let (valid, found) = sub(schema, instance, instancePath, into: &local)
                if valid { annotations.merge(found) } else { failures += local }
            }
        }
        if let any = object["anyOf"]?.arrayValue {
            var matched = false
            for schema in any {
                var scratch: [Failure] = []
                let (valid, found) = sub(schema, instance, instancePath, into: &scratch)
                if valid {
                    matched = true
                    annotations.merge(found)
                }
            }
            if !matched { fail("anyOf", "matches none of the anyOf schemas") }
        }
        if let one = object["oneOf"]?.arrayValue {
            var matches = 0
            for schema in one {
                var scratch: [Failure] = []
                let (valid, found) = sub(schema, instance, instancePath, into: &scratch)
                if valid {
                    matches += 1
                    annotations.merge(found)
                }
            }
            if matches != 1 { fail("oneOf", matches == 0 ? "matches none of the oneOf schemas" : "matches \(matches) of the oneOf schemas, not exactly one") }
        }
        if let not = object["not"] {
            var scratch: [Failure] = []
            if sub(not, instance, instancePath, into: &scratch).0 { fail("not", "must not match the schema in not") }
        }
        if let condition = object["if"] {
            var scratch: [Failure] = []
            let (holds, found) = sub(condition, instance, instancePath, into: &scratch)
            if holds {
                annotations.merge(found)
                if let then = object["then"] {
                    var local: [Failure] = []
                    let (valid, thenFound) = sub(then, instance, instancePath, into: &local)
                    if valid { annotations.merge(thenFound) } else { failures += local }
                }
            } else if let otherwise = object["else"] {
                var local: [Failure] = []
                let (valid, elseFound) = sub(otherwise, instance, instancePath, into: &local)
                if valid { annotations.merge(elseFound) } else { failures += local }
            }
        }

        // Unevaluated (2020-12): after everything else has contributed its annotations.
        if draft == .draft2020_12 {
            if let unevaluated = object["unevaluatedItems"], case .array(let elements) = instance, !annotations.allItems {
                for index in elements.indices where !annotations.items.contains(index) {
                    var local: [Failure] = []
                    if !sub(unevaluated, elements[index], "\(instancePath)/\(index)", into: &local).0 {
                        failures += local.isEmpty ? [Failure(instancePath: instancePath, keyword: "unevaluatedItems", message: "item \(index) is not allowed")] : local
                    }
                }
                annotations.allItems = true
            }
            if let unevaluated = object["unevaluatedProperties"], case .object(let members) = instance {
                for (name, value) in members.members where !annotations.properties.contains(name) {
                    var local: [Failure] = []
                    if !sub(unevaluated, value, "\(instancePath)/\(FindingLocation.pointerToken(name))", into: &local).0 {
                        failures += unevaluated == .bool(false) || local.isEmpty
                            ? [Failure(instancePath: instancePath, keyword: "unevaluatedProperties", message: "property '\(name)' is not allowed")] : local
                    }
                    annotations.properties.insert(name)
                }
            }
        }
        let valid = failures.count == before
        return (valid, valid ? annotations : Annotations())
    }

    private func assertNumber(_ value: Double, _ object: JSONObject, _ fail: (String, String) -> Void) {
        func check(_ keyword: String, _ holds: (Double) -> Bool, _ message: (Double) -> String) {
            if let bound = object[keyword]?.numberValue?.doubleValue, !holds(bound) { fail(keyword, message(bound)) }
        }
        check("minimum", { value >= $0 }) { "must be at least \(JSONNumber($0))" }
        check("maximum", { value <= $0 }) { "must be at most \(JSONNumber($0))" }
        check("exclusiveMinimum", { value > $0 }) { "must be greater than \(JSONNumber($0))" }
        check("exclusiveMaximum", { value < $0 }) { "must be less than \(JSONNumber($0))" }
        if let divisor = object["multipleOf"]?.numberValue?.doubleValue, divisor > 0 {
            // Doubles cannot hold 0.1 exactly; a quotient within 1e-9 of an integer counts as a multiple.
            let quotient = value / divisor
            if !(quotient.isFinite && abs(quotient - quotient.rounded()) < 1e-9) {
                fail("multipleOf", "must be a multiple of \(JSONNumber(divisor))")
            }
        }
    }

    static func matches(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number)): number.isInteger
        default: false
        }
    }

    /// ECMA-262-flavoured regular expressions through ICU, compiled once per pattern. Unanchored search.
    private func matches(_ string: String, _ pattern: String) -> Bool {
        guard let regex = RegexCache.regex(pattern, translate: Self.translate) else { return false }
        return regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    /// ECMA-262 classes that ICU spells differently: `\d` and `\w` are ASCII-only in ECMAScript.
    static func translate(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "\\d", with: "[0-9]").replacingOccurrences(of: "\\D", with: "[^0-9]")
            .replacingOccurrences(of: "\\w", with: "[a-zA-Z0-9_]").replacingOccurrences(of: "\\W", with: "[^a-zA-Z0-9_]")
    }
}
