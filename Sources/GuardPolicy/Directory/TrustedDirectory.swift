import Crypto
import Foundation
import GuardCore

/// A signed list of approved servers: identity, pinned definitions and optionally the approved version
/// and package digest, signed with Ed25519 so a scan can trust it only under a key the team holds.
///
/// Verification fails closed: an unsigned file, a signature by another key, an edited entry or a hash that
/// does not match its definition is an error, never an empty directory.
public struct TrustedDirectory: Sendable, Equatable {
    public static let currentVersion = 1

    public struct Entry: Sendable, Equatable {
        public var pins: Lockfile.Server
        public var version: String?
        public var packageDigest: String?

        public init(pins: Lockfile.Server, version: String? = nil, packageDigest: String? = nil) {
            self.pins = pins
            self.version = version
            self.packageDigest = packageDigest
        }
    }

    public struct Signature: Sendable, Equatable {
        public var publicKey: String
        public var value: String
    }

    public var entries: [String: Entry]
    public var signature: Signature?

    public init(entries: [String: Entry] = [:], signature: Signature? = nil) {
        self.entries = entries
        self.signature = signature
    }

    // MARK: Keys

    /// A new Ed25519 key pair as base64 (private key raw representation, public key raw representation).
    public static func generateKeyPair() -> (privateKey: String, publicKey: String) {
        let key = Curve25519.Signing.PrivateKey()
        return (key.rawRepresentation.base64EncodedString(), key.publicKey.rawRepresentation.base64EncodedString())
    }

    // MARK: Signing

    /// The bytes the signature covers: the canonical JSON of the document without its signature.
    public func signedBytes() -> [UInt8] { CanonicalJSON.bytes(body()) }

    /// A copy signed with `privateKey` (base64 raw Ed25519 key).
    public func signed(privateKey: String) throws(DirectoryError) -> TrustedDirectory {
        guard let raw = Data(base64Encoded: privateKey.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw DirectoryError("the private key is not a base64 Ed25519 key") }
        guard let signature = try? key.signature(for: Data(signedBytes())) else { throw DirectoryError("signing failed") }
        var copy = self
        copy.signature = Signature(publicKey: key.publicKey.rawRepresentation.base64EncodedString(), value: signature.base64EncodedString())
        return copy
    }

    /// Checks the signature against `trustedKey` (base64 raw Ed25519 public key).
    public func verify(trustedKey: String) throws(DirectoryError) {
        guard let signature else { throw DirectoryError("the directory is not signed") }
        let trusted = trustedKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let rawKey = Data(base64Encoded: trusted), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawKey) else {
            throw DirectoryError("the trust key is not a base64 Ed25519 public key")
        }
        guard signature.publicKey == trusted else {
            throw DirectoryError("the directory is signed by another key (\(signature.publicKey.prefix(12))…), not the trusted one")
        }
        guard let value = Data(base64Encoded: signature.value), key.isValidSignature(value, for: Data(signedBytes())) else {
            throw DirectoryError("the signature does not verify: the directory was changed after it was signed")
        }
    }

    // MARK: JSON

    func body() -> JSONValue {
        var servers = JSONObject()
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            var object = JSONObject()
            object["display"] = .string(entry.pins.display)
            object["names"] = .array(entry.pins.names.sorted().map(JSONValue.string))
            if let version = entry.version { object["version"] = .string(version) }
            if let digest = entry.packageDigest { object["packageDigest"] = .string(digest) }
            if let instructions = entry.pins.instructions { object["instructions"] = Lockfile.pinValue(instructions) }
            object["tools"] = Lockfile.pinsValue(entry.pins.tools)
            object["prompts"] = Lockfile.pinsValue(entry.pins.prompts)
            object["resourceTemplates"] = Lockfile.pinsValue(entry.pins.resourceTemplates)
            servers[key] = .object(object)
        }
        return ["version": .number(JSONNumber(Self.currentVersion)), "servers": .object(servers)]
    }

    public func serialized() -> String {
        var root = body().objectValue!
        if let signature {
            root["signature"] = ["algorithm": "ed25519", "publicKey": .string(signature.publicKey), "value": .string(signature.value)]
        }
        return JSONWriter(options: .init(indent: 2, sortKeys: true)).string(.object(root)) + "\n"
    }

    /// Parses a directory file (pins are checked against their hashes; the signature is checked by ``verify(trustedKey:)``).
    public init(text: String, path: String) throws(DirectoryError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw DirectoryError("\(path) is not valid JSON: \(error)")
        }
        guard root["version"]?.numberValue?.intValue == Self.currentVersion, let servers = root["servers"]?.objectValue else {
            throw DirectoryError("\(path) is not an mcpguard directory (version \(Self.currentVersion) with \"servers\")")
        }
        // Reuse the lockfile reader for the pins (it verifies every hash).
        var lockRoot = JSONObject()
        lockRoot["version"] = .number(JSONNumber(Lockfile.currentVersion))
        lockRoot["servers"] = .object(servers)
        let pins: Lockfile
        do {
            pins = try Lockfile(text: JSONValue.object(lockRoot).jsonString, path: path)
        } catch {
            throw DirectoryError(error.message)
        }
        var entries: [String: Entry] = [:]
        for (key, server) in pins.servers {
            entries[key] = Entry(pins: server, version: servers[key]?["version"]?.stringValue, packageDigest: servers[key]?["packageDigest"]?.stringValue)
        }
        self.entries = entries
        if let signature = root["signature"] {
            guard signature["algorithm"] == "ed25519", let key = signature["publicKey"]?.stringValue, let value = signature["value"]?.stringValue else {
                throw DirectoryError("\(path): the signature must be {\"algorithm\": \"ed25519\", \"publicKey\", \"value\"}")
            }
            self.signature = Signature(publicKey: key, value: value)
        } else {
            self.signature = nil
        }
    }

    // MARK: Checking a scan

    /// Servers outside the directory, and listed servers whose definitions differ from their approved pins.
    public func findings(for snapshot: InventorySnapshot, path: String) -> [Finding] {
        var findings: [Finding] = []
        for inventory in snapshot.servers where inventory.status == .ok {
            let identity = ServerIdentity.of(inventory, environmentNames: inventory.environmentNames)
            guard let entry = entries[identity.key] else {
                findings.append(Finding(
                    PinRules.notInDirectory, server: inventory.name, location: inventory.location(),
                    message: "\(inventory.name) (\(identity.display)) is not in the trusted directory \(path)", evidence: identity.key,
                    fingerprintKey: identity.key
                ))
                continue
            }
            let changes = PinComparison.changes(pinned: entry.pins, current: Lockfile.pins(for: inventory, identity: identity))
            if !changes.isEmpty {
                findings.append(Finding(
                    PinRules.directoryMismatch, server: inventory.name, location: inventory.location(),
                    message: "\(inventory.name) differs from its entry in \(path): " + changes.prefix(3).map(\.summary).joined(separator: "; "),
                    evidence: changes.flatMap(\.fields).prefix(6).joined(separator: "; "), fingerprintKey: identity.key
                ))
            }
        }
        return findings
    }
}

/// A directory that cannot be trusted, with the reason.
public struct DirectoryError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
