import Foundation
import SarcomaGuidelines

/// Reads the guideline folder (one sub-folder per pack version, like the service) and hands
/// the bytes to the engine; the benchmarks run the v1 pack (`GuidelineLibrary.v1Pack`).
public enum PackFolder {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(_ path: String) throws -> GuidelinePack {
        var folders: [String: [String: [UInt8]]] = [:]
        for version in try entries(path) {
            let folder = path + "/" + version
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else { continue }
            var files: [String: [UInt8]] = [:]
            for name in try entries(folder) where name.hasSuffix(".json") {
                guard let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                    throw LoadError(description: "cannot read \(folder)/\(name)")
                }
                files[name] = [UInt8](data)
            }
            folders[version] = files
        }
        do {
            return try GuidelineLibrary.load(folders: folders).v1Pack
        } catch {
            throw LoadError(description: "\(path): \(error)")
        }
    }

    private static func entries(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LoadError(description: "cannot read the guideline folder \(path): \(error)")
        }
    }
}
