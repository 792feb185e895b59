import Foundation

/// Reads a file that grants access (tokens, signing keys). Anyone who can write such a file
/// can give themselves access, so a world-writable one is refused before it is read.
package enum SecretFile {
    package static func read(_ path: String, as file: AccessFileError.File) throws(AccessFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccessFileError(file: file, path: path, reason: "cannot read the file")
        }
        if let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            permissions & 0o002 != 0
        {
            throw AccessFileError(
                file: file, path: path,
                reason: "every user may write it; remove that permission (chmod o-w)")
        }
        return data
    }
}
