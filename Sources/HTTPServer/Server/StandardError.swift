import Foundation

/// Diagnostics go to stderr, one line each, so stdout stays for what scripts parse.
public enum StandardError {
    @Sendable
    public static func writeLine(_ message: String) {
        FileHandle.standardError.write(Data(("HTTPServer: " + message + "\n").utf8))
    }
}
