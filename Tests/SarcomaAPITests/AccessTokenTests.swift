import Foundation
import HTTPServer
import Testing
import Access
@testable import SarcomaAPI

@Suite("Access tokens: format, digest, constant-time comparison, Authorization parsing")
struct AccessTokenTests {
    @Test func aNewTokenIsPrefixedBase64URLOf32RandomBytes() {
        let token = AccessToken.generate()
        #expect(token.hasPrefix("sgt_"))
        #expect(token.count == 4 + 43)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(token.dropFirst(4).allSatisfy { alphabet.contains($0) })
        #expect(AccessToken.isWellFormed(Substring(token)))
        let many = Set((0..<200).map { _ in AccessToken.generate() })
        #expect(many.count == 200)
    }

    @Test func theDigestIsSHA256OfTheWholeTokenInLowercaseHex() {
        // FIPS 180-2 test vector.
        #expect(AccessToken.digestHex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = AccessToken.generate()
        #expect(AccessToken.digestHex(of: token) != AccessToken.digestHex(of: String(token.dropFirst(4))))
        #expect(
            AccessToken.digest(fromHex: Substring(AccessToken.digestHex(of: token))) == AccessToken.digest(of: token))
    }

    @Test func constantTimeComparisonOfDigests() {
        let a = AccessToken.digest(of: "sgt_one")
        #expect(AccessToken.digestsMatch(a, a))
        #expect(AccessToken.digestsMatch(a, AccessToken.digest(of: "sgt_one")))
        #expect(!AccessToken.digestsMatch(a, AccessToken.digest(of: "sgt_two")))
        for index in [0, 15, 31] {
            var changed = a
            changed[index] ^= 0x01
            #expect(!AccessToken.digestsMatch(a, changed), "differs at byte \(index)")
        }
        #expect(!AccessToken.digestsMatch(a, Array(a.prefix(31))))
        #expect(!AccessToken.digestsMatch(a, []))
        #expect(AccessToken.digestsMatch([], []))
    }

    @Test func theRightHolderIsFoundAmongSeveral() throws {
        let tokens = (0..<5).map { _ in AccessToken.generate() }
        let file = tokens.enumerated().map { index, token in
            AccessTokens.fileLine(name: "client-\(index)", role: index == 2 ? .admin : .ehr, token: token)
        }.joined(separator: "\n")
        let registry = try AccessTokens.parse(file)
        for (index, token) in tokens.enumerated() {
            #expect(registry.holder(of: token)?.name == "client-\(index)")
        }
        #expect(registry.holder(of: tokens[2])?.role == .admin)
        #expect(registry.holder(of: AccessToken.generate()) == nil)
        #expect(registry.holder(of: "") == nil)
    }

    @Test(
        arguments: [
            ("Bearer sgt_abc", AccessGate.Credentials.bearer("sgt_abc")),
            ("bearer sgt_abc", .bearer("sgt_abc")),
            ("Bearer\tsgt_abc\t", .bearer("sgt_abc")),
            ("Bearer a.b~c+d/e==", .bearer("a.b~c+d/e==")),
            ("Basic dXNlcjpwYXNz", .absent),
            ("Bearersgt_abc", .absent),
            ("", .absent),
            ("Bearer", .malformed("the Bearer credentials are empty")),
            ("Bearer  ", .malformed("the Bearer credentials are empty")),
            ("Bearer a b", .malformed("the Bearer credentials are not a well-formed token")),
            ("Bearer a=b", .malformed("the Bearer credentials are not a well-formed token")),
            ("Bearer a\"b", .malformed("the Bearer credentials are not a well-formed token")),
        ] as [(String, AccessGate.Credentials)])
    func authorizationHeaderParsing(value: String, expected: AccessGate.Credentials) {
        #expect(AccessGate.credentials(in: HTTPHeaders([("Authorization", value)])) == expected)
    }

    @Test func noAuthorizationHeaderIsAbsentAndTwoAreMalformed() {
        #expect(AccessGate.credentials(in: HTTPHeaders()) == .absent)
        let two = HTTPHeaders([("Authorization", "Bearer a"), ("AUTHORIZATION", "Bearer a")])
        #expect(AccessGate.credentials(in: two) == .malformed("send one Authorization header, not 2"))
    }

    @Test func holderNames() {
        for good in ["ehr-gateway", "dr.jones", "ops_1", "A", String(repeating: "x", count: 64)] {
            #expect(AccessTokens.isValidName(good), "\(good)")
        }
        for bad in ["", String(repeating: "x", count: 65), "two words", "émile", "a/b", "a=b", "sgt_abcdef"] {
            #expect(!AccessTokens.isValidName(bad), "\(bad)")
        }
    }
}
