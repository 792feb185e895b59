import Foundation
import SarcomaGuidelines

/// Reads the guideline folder (one sub-folder per pack version, each holding that pack's
/// `*.json` files) and hands the bytes to the engine, which stays free of file I/O.
enum GuidelinePackFolder {
    static func load(_ path: String) throws(StartupError) -> GuidelineLibrary {
        var folders: [String: [String: [UInt8]]] = [:]
        for version in try entries(path) {
            let folder = (path as NSString).appendingPathComponent(version)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                if version.hasSuffix(".json") {
                    throw StartupError.guidelinePack(
                        "\(path)/\(version): packs live in version folders (\(path)/<version>/\(version))")
                }
                continue
            }
            var files: [String: [UInt8]] = [:]
            for name in try entries(folder) where name.hasSuffix(".json") {
                guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
                else {
                    throw StartupError.guidelinePack("cannot read \(folder)/\(name)")
                }
                files[name] = [UInt8](data)
            }
            folders[version] = files
        }
        do {
            return try GuidelineLibrary.load(folders: folders)
        } catch {
            throw StartupError.guidelinePack("\(path): \(error)")
        }
    }

    private static func entries(_ path: String) throws(StartupError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw StartupError.guidelinePack("cannot read the folder \(path) (set --guidelines)")
        }
    }
}
