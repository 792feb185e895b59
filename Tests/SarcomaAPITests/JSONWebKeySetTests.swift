import TestSupport
import Foundation
import Testing
import Access
@testable import SarcomaAPI

@Suite("JWKS loading for CDS Hooks")
struct JSONWebKeySetTests {
    @Test func theSandboxAndSpecKeysLoad() throws {
        let url = ServiceFixture.root.appendingPathComponent("Tests/Fixtures/cds-hooks/sandbox-jwks-public.json")
        let keys = try JSONWebKeySet.parse(Array(try Data(contentsOf: url)))
        #expect(keys.keys.count == 1)
        #expect(keys.keys[0].id == "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f")
        #expect(keys.keys[0].fits(.es384) && !keys.keys[0].fits(.rs384))
    }

    @Test func aPrivateKeyIsRefused() throws {
        let jwks =
            #"{"keys":[{"kty":"EC","crv":"P-384","x":"46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk","y":"XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI","d":"AAAA"}]}"#
        #expect(throws: JSONWebKey.Unusable.self) { try JSONWebKeySet.parse(Array(jwks.utf8)) }
    }

    @Test func unusableEntriesAreSkippedAndNamed() throws {
        let signer = JWTTestSigner.shared
        var document = try #require(try JSONSerialization.jsonObject(with: Data(signer.jwks.utf8)) as? [String: Any])
        var keys = try #require(document["keys"] as? [[String: Any]])
        keys.append(["kty": "oct", "k": "c2VjcmV0", "kid": "hmac"].filter { $0.key != "k" })
        keys.append(["kty": "EC", "crv": "P-256", "kid": "p256", "x": "AAAA", "y": "AAAA"])
        keys.append(["kty": "RSA", "kid": "enc", "use": "enc", "n": "AQAB", "e": "AQAB"])
        document["keys"] = keys
        let set = try JSONWebKeySet.parse(Array(try JSONSerialization.data(withJSONObject: document)))
        #expect(set.keys.count == 2)
        #expect(set.skipped.count == 3)
        #expect(set.skipped.contains { $0.contains("kid hmac") && $0.contains("kty") })
        #expect(set.skipped.contains { $0.contains("kid p256") && $0.contains("P-384") })
    }

    @Test(arguments: [#"{"keys":[]}"#, "[]", "not json", #"{"keys":[{"kty":"oct"}]}"#])
    func aSetWithoutAUsableKeyIsRefused(text: String) {
        #expect(throws: JSONWebKey.Unusable.self) { try JSONWebKeySet.parse(Array(text.utf8)) }
    }

    @Test func aWorldWritableFileIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jwks-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(JWTTestSigner.shared.jwks.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        #expect(try JSONWebKeySet.load(path: file.path).keys.count == 2)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: file.path)
        #expect(throws: AccessFileError.self) { try JSONWebKeySet.load(path: file.path) }
    }

    @Test func aShortRSAKeyIsNotUsed() throws {
        // 1024-bit modulus (all ones but the top bit pattern does not matter for the size check).
        let n = Base64URL.encode([0xC0] + [UInt8](repeating: 0xFF, count: 127))
        let jwks = #"{"keys":[{"kty":"RSA","kid":"short","n":"\#(n)","e":"AQAB"}]}"#
        #expect(throws: JSONWebKey.Unusable.self) { try JSONWebKeySet.parse(Array(jwks.utf8)) }
    }
}
