import Foundation
import SarcomaGuidelines

/// Reads a guideline pack folder (every `*.json` file) and hands the bytes to the engine,
/// which stays free of file I/O.
enum GuidelinePackFolder {
    static func load(_ path: String) throws(StartupError) -> GuidelinePack {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw StartupError.guidelinePack("cannot read the folder \(path) (set --guidelines)")
        }
        var files: [String: [UInt8]] = [:]
        for name in names where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(name)) else {
                throw StartupError.guidelinePack("cannot read \(path)/\(name)")
            }
            files[name] = [UInt8](data)
        }
        do {
            return try GuidelinePack.load(files: files)
        } catch {
            throw StartupError.guidelinePack("\(path): \(error)")
        }
    }
}
