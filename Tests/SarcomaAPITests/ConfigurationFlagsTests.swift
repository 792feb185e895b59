import SarcomaAPI
import Testing

/// Command-line settings come from `ConfigurationKey.all` (no flag is declared twice): each key's
/// flag is read in both spellings, and everything else is refused with the flag named.
@Suite("Settings on the command line")
struct ConfigurationFlagsTests {
    @Test func everyKeyIsAFlagInBothSpellings() throws {
        for key in ConfigurationKey.all {
            #expect(try ConfigurationFlags.values([key.flag, "v"]) == [key.name: "v"], "\(key.flag)")
            #expect(try ConfigurationFlags.values(["\(key.flag)=v=w"]) == [key.name: "v=w"], "\(key.flag)")
        }
    }

    @Test func severalSettingsAndAnEmptyValue() throws {
        let values = try ConfigurationFlags.values(["--port", "0", "--database=", "--max-connections", "64"])
        #expect(values == ["port": "0", "database": "", "maxConnections": "64"])
        // A later flag overrides an earlier one (a script appending an override).
        #expect(try ConfigurationFlags.values(["--port", "0", "--port=1"]) == ["port": "1"])
    }

    @Test(arguments: [
        (["--prot", "0"], "--prot", "did you mean --port?"),
        (["--port"], "--port", "needs a value"),
        (["--port", "--host", "::1"], "--port", "needs a value"),
        (["0"], "0", "unexpected argument"),
        (["--"], "--", "unexpected argument"),
        (["--token-file", "x"], "--token-file", "did you mean --tokens-file?"),
    ])
    func refusalsNameTheFlag(arguments: [String], flag: String, reason: String) {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationFlags.values(arguments) }
        #expect(error?.key == flag)
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "-")")
    }

    @Test func helpListsEveryFlagWithItsDefaultAndVariable() {
        let help = ConfigurationFlags.help
        for key in ConfigurationKey.all {
            #expect(help.contains("  \(key.flag) <value>\n      \(key.summary)\n"), "\(key.flag)")
            #expect(help.contains("env \(key.environmentVariable)"), "\(key.flag)")
        }
        #expect(help.contains("default: 8080; env SARCOMA_GUIDE_PORT"))
    }
}
