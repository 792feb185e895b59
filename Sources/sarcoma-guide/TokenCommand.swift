import Access
import ArgumentParser
import Foundation
import SarcomaAPI

/// `sarcoma-guide token ...`: access token housekeeping.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage access tokens.",
        subcommands: [CreateTokenCommand.self]
    )
}

/// Prints a new token (stdout, line 1: shown this once, stored nowhere) and the line for
/// the tokens file (stdout, line 2: the token's SHA-256, never the token). So
/// `sarcoma-guide token create --name ehr-gw --role ehr | tail -n 1 >> tokens` works.
struct CreateTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Print a new access token and the line to add to the tokens file.",
        discussion: """
            Line 1 of the output is the token: hand it to the client now, it cannot be shown \
            again. Line 2 goes into the tokens file (SARCOMA_GUIDE_TOKENS_FILE / --tokens-file); \
            restart the service to load it. To revoke a token, delete its line and restart.
            """
    )

    @Option(help: "Who holds the token, as it appears in access logs (\(AccessTokens.nameRule)).")
    var name: String
    @Option(help: "The holder's role: ehr, clinician or admin.")
    var role: String

    func validate() throws {
        guard AccessTokens.isValidName(name) else {
            throw ValidationError("--name must be \(AccessTokens.nameRule)")
        }
        guard AccessRole(rawValue: role) != nil else {
            throw ValidationError("--role must be \(AccessRole.spelledOut)")
        }
    }

    func run() throws {
        guard let role = AccessRole(rawValue: role) else {
            throw ValidationError("--role must be \(AccessRole.spelledOut)")
        }
        let token = AccessToken.generate()
        FileHandle.standardOutput.write(
            Data("\(token)\n\(AccessTokens.fileLine(name: name, role: role, token: token))\n".utf8))
        let note =
            "line 1 is the token for '\(name)': give it to the client now; it is stored nowhere and cannot be shown again.\n"
            + "line 2 goes into the tokens file (SARCOMA_GUIDE_TOKENS_FILE); restart the service to load it.\n"
        FileHandle.standardError.write(Data(note.utf8))
    }
}
