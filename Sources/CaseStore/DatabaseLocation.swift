import Foundation

/// Makes sure the database file can live at a path before SQLite is asked to open it, so an
/// operator reads "folder not writable" rather than a bare SQLITE_CANTOPEN.
enum DatabaseLocation {
    /// Creates the parent folder when missing; refuses unusable locations, naming the path.
    static func prepare(_ path: String) throws(CaseStoreError) {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else {
            throw .cannotOpen(
                path: path, reason: "a database file path is required (in-memory and URI names are not supported)")
        }
        let fileManager = FileManager.default
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotOpen(path: path, reason: "\(folder) exists but is not a folder")
            }
        } else {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(
                    path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
            }
        }
        guard fileManager.isWritableFile(atPath: folder) else {
            throw .cannotOpen(
                path: path,
                reason: "the folder \(folder) is not writable (SQLite creates -wal and -shm files beside the database)")
        }
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw .cannotOpen(path: path, reason: "the path is a folder, not a database file")
            }
            guard fileManager.isWritableFile(atPath: path) else {
                throw .cannotOpen(path: path, reason: "the database file is not writable")
            }
        }
    }
}
