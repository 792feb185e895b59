import Foundation
import Testing
@testable import SarcomaAPI

@Suite("Configuration: defaults < file < environment < flags")
struct ConfigurationLoaderTests {
    private func file(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    @Test func defaultsMatchTheContract() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load(flags: [:], configFile: nil)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.database.hasPrefix("./data/"))
        #expect(configuration.migrations == "./Migrations")
        #expect(configuration.guidelines == "./Config/guidelines")
        #expect(configuration.maxConnections >= 4_096)
    }

    @Test func precedenceIsFlagsThenEnvironmentThenFile() throws {
        let path = try file(#"{"port": 9001, "host": "127.0.0.2", "workerThreads": 3}"#)
        let loader = ConfigurationLoader(environment: ["SARCOMA_GUIDE_PORT": "9002", "SARCOMA_GUIDE_HOST": "127.0.0.3"])
        let configuration = try loader.load(flags: ["port": "9003"], configFile: path)
        #expect(configuration.port == 9003)
        #expect(configuration.host == "127.0.0.3")
        #expect(configuration.workerThreads == 3)
    }

    @Test func configFileComesFromTheEnvironmentWhenNoFlag() throws {
        let path = try file(#"{"maxBodyBytes": 2048}"#)
        let configuration = try ConfigurationLoader(environment: ["SARCOMA_GUIDE_CONFIG": path]).load(
            flags: [:], configFile: nil)
        #expect(configuration.maxBodyBytes == 2_048)
    }

    @Test(
        arguments: [
            ([:], ["port": "http"], "port"),
            ([:], ["port": "-1"], "port"),
            ([:], ["maxConnections": "0"], "maxConnections"),
            ([:], ["headTimeoutSeconds": "never"], "headTimeoutSeconds"),
            ([:], ["accessLog": "maybe"], "accessLog"),
            ([:], ["host": ""], "host"),
            (["SARCOMA_GUIDE_PORT": "x"], [:], "port"),
            (["SARCOMA_GUIDE_TOKENS_FILES": "/x"], [:], "SARCOMA_GUIDE_TOKENS_FILES"),
        ] as [([String: String], [String: String], String)])
    func invalidValuesNameTheKey(environment: [String: String], flags: [String: String], key: String) {
        do {
            _ = try ConfigurationLoader(environment: environment).load(flags: flags, configFile: nil)
            Issue.record("expected a refusal naming \(key)")
        } catch {
            #expect(error.key == key)
            #expect(error.description.contains(key))
        }
    }

    @Test func fileErrorsNameTheKeyAndTheFile() throws {
        let unknown = try file(#"{"prot": 1}"#)
        let wrongType = try file(#"{"port": [1]}"#)
        let notJSON = try file("port=1")
        for (path, key) in [(unknown, "prot"), (wrongType, "port"), (notJSON, "config")] {
            do {
                _ = try ConfigurationLoader(environment: [:]).load(flags: [:], configFile: path)
                Issue.record("expected \(path) to be refused")
            } catch {
                #expect(error.key == key)
                #expect(error.description.contains(path))
            }
        }
    }

    @Test func repositoryConfigFileHoldsTheBuiltInDefaults() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let fromFile = try ConfigurationLoader(environment: [:])
            .load(flags: [:], configFile: root.appendingPathComponent("Config/sarcoma-guide.json").path)
        #expect(fromFile == ServiceConfiguration())
    }

    @Test func namesFollowOneConvention() {
        let key = ConfigurationKey.named("maxConnections")
        #expect(key?.environmentVariable == "SARCOMA_GUIDE_MAX_CONNECTIONS")
        #expect(key?.flag == "--max-connections")
        #expect(Set(ConfigurationKey.all.map(\.name)).count == ConfigurationKey.all.count)
    }
}
