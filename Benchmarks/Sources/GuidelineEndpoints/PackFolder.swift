import Foundation
import SarcomaGuidelines

/// Reads every `*.json` file of a guideline pack folder and hands the bytes to the engine.
public enum PackFolder {
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(_ path: String) throws -> GuidelinePack {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LoadError(description: "cannot read the guideline folder \(path): \(error)")
        }
        var files: [String: [UInt8]] = [:]
        for name in names where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
                throw LoadError(description: "cannot read \(path)/\(name)")
            }
            files[name] = [UInt8](data)
        }
        do {
            return try GuidelinePack.load(files: files)
        } catch {
            throw LoadError(description: "\(path): \(error)")
        }
    }
}
