import Foundation
import Testing
import Access
@testable import SarcomaAPI

@Suite("Tokens file: parsing, refusals with line numbers, secure-by-default start-up")
struct TokensFileTests {
    static let hashA = AccessToken.digestHex(of: "sgt_a")
    static let hashB = AccessToken.digestHex(of: "sgt_b")

    @Test func commentsBlankLinesTabsAndCRLFAreFine() throws {
        let text =
            "# sarcoma-guide tokens\r\n\r\n  ehr-gw\tehr   \(Self.hashA)  \r\n# old: x admin ...\nops admin \(Self.hashB)\n"
        let tokens = try AccessTokens.parse(text)
        #expect(tokens.holders.map(\.name) == ["ehr-gw", "ops"])
        #expect(tokens.holders.map(\.role) == [.ehr, .admin])
        #expect(tokens.holder(of: "sgt_b")?.name == "ops")
        #expect(tokens.summary == "ehr 1, clinician 0, admin 1")
    }

    @Test(
        arguments: [
            ("ehr-gw ehr", 1, "expected 3 fields"),
            ("# c\nehr-gw ehr \(hashA) extra", 2, "expected 3 fields"),
            ("\n\nbad/name ehr \(hashA)", 3, "the name must be"),
            ("sgt_LooksLikeAToken ehr \(hashA)", 1, "the name must be"),
            ("ehr-gw nurse \(hashA)", 1, "the role must be ehr, clinician or admin"),
            ("ehr-gw EHR \(hashA)", 1, "the role must be"),
            ("ehr-gw ehr \(hashA.uppercased())", 1, "64 lowercase hex digits"),
            ("ehr-gw ehr \(hashA.dropLast())", 1, "64 lowercase hex digits"),
            ("ehr-gw ehr \(hashA)0", 1, "64 lowercase hex digits"),
            ("ehr-gw ehr sgt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", 1, "looks like a token itself"),
            (
                "a ehr \(hashA)\nb clinician \(hashB)\na admin \(AccessToken.digestHex(of: "sgt_c"))", 3,
                "already used on line 1"
            ),
            ("a ehr \(hashA)\n#\nb clinician \(hashA)", 3, "same token hash is already on line 1"),
        ] as [(String, Int, String)])
    func badLinesAreRefusedByLineNumber(text: String, line: Int, reason: String) {
        do {
            _ = try AccessTokens.parse(text)
            Issue.record("expected line \(line) to be refused")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("line \(line): "), "\(error.description)")
            #expect(error.description.contains(reason), "\(error.description)")
            // Never echo a hash, a token or the role column.
            for secret in [
                Self.hashA, Self.hashB, Self.hashA.uppercased(), String(Self.hashA.dropLast()),
                "sgt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG", "sgt_LooksLikeAToken", "nurse",
            ] {
                #expect(!error.description.contains(secret), "\(error.description)")
            }
        }
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n   \n# another\n"])
    func aFileWithNoTokensIsRefused(text: String) {
        #expect(throws: AccessTokens.LineError.self) { try AccessTokens.parse(text) }
        do {
            _ = try AccessTokens.parse(text)
        } catch {
            #expect(error.description.contains("has no tokens"))
        }
    }

    @Test func startUpNamesTheFileAndTheLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("tokens").path
        try Data("ok ehr \(Self.hashA)\nbroken ehr \(Self.hashB.prefix(10))\n".utf8).write(
            to: URL(fileURLWithPath: path))
        do {
            _ = try AccessTokens.load(path: path)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains(path))
            #expect(error.description.contains("line 2"))
            #expect(!error.description.contains(String(Self.hashB.prefix(10))))
        }
        let missing = directory.appendingPathComponent("absent").path
        do {
            _ = try AccessTokens.load(path: missing)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains(missing))
        }
    }

    @Test func aWorldWritableFileIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("ops admin \(Self.hashA)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(try AccessTokens.load(path: path).holders.count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        do {
            _ = try AccessTokens.load(path: path)
            Issue.record("a world-writable tokens file must be refused")
        } catch {
            #expect(error.description.contains("chmod o-w"))
        }
    }

    @Test func theSettingComesFromEnvironmentFileOrFlag() throws {
        let fromEnvironment = try ConfigurationLoader(environment: ["SARCOMA_GUIDE_TOKENS_FILE": "/etc/sg/tokens"])
            .load(flags: [:], configFile: nil)
        #expect(fromEnvironment.tokensFile == "/etc/sg/tokens")
        let fromFlag = try ConfigurationLoader(environment: [:]).load(
            flags: ["tokensFile": "/x/tokens"], configFile: nil)
        #expect(fromFlag.tokensFile == "/x/tokens")
        #expect(try ConfigurationLoader(environment: [:]).load(flags: [:], configFile: nil).tokensFile == nil)
        #expect(ConfigurationKey.named("tokensFile")?.environmentVariable == "SARCOMA_GUIDE_TOKENS_FILE")
        #expect(ConfigurationKey.named("tokensFile")?.flag == "--tokens-file")
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader(environment: ["SARCOMA_GUIDE_TOKENS_FILE": ""]).load(flags: [:], configFile: nil)
        }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
        ("0.0.0.0", false), ("::", false), ("10.0.0.5", false), ("127.example.org", false),
        ("127.0.0.1.nip.io", false), ("127.0.0", false), ("127.0.0.1000", false),
    ])
    func loopbackHosts(host: String, loopback: Bool) {
        var configuration = ServiceConfiguration()
        configuration.host = host
        #expect(configuration.isLoopbackHost == loopback)
    }

    @Test func aNonLoopbackHostNeedsTokens() throws {
        do {
            _ = try ServiceFixture(host: "0.0.0.0")
            Issue.record("0.0.0.0 without tokens must be refused")
        } catch let error as StartupError {
            guard case .insecureBinding(let host) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(host == "0.0.0.0")
            // The refusal names exactly what to set, both ways out.
            #expect(error.description.contains("set SARCOMA_GUIDE_TOKENS_FILE (or --tokens-file)"))
            #expect(error.description.contains("set SARCOMA_GUIDE_HOST=127.0.0.1 (or --host 127.0.0.1)"))
        }
        let withTokens = try ServiceFixture(tokensFile: "ops admin \(Self.hashA)\n", host: "0.0.0.0")
        #expect(withTokens.service.accessTokens?.holders.count == 1)
    }
}
