import JSON
import Foundation
import SarcomaGuidelines

/// The FHIR payloads under `Fixtures/` (read from the source tree, not bundled).
enum FixtureFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let synthetic = "sarcoma/Bundle-myxofibrosarcoma-extremity.json"

    static func value(_ relative: String) throws -> JSONValue {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        return try JSONParser().parse(data)
    }

    /// Every mCODE fixture file, relative to `Fixtures/`, sorted.
    static func mcodeFiles() -> [String] {
        let folder = root.appendingPathComponent("mcode")
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if item.hasSuffix(".json") { files.append("mcode/" + item) }
        }
        return files.sorted()
    }

    /// The synthetic bundle as an object, to edit in a test.
    static func syntheticBundle() throws -> JSONObject {
        guard case .object(let bundle) = try value(synthetic) else { throw FixtureError.notAnObject }
        return bundle
    }

    enum FixtureError: Error { case notAnObject }
}
