import Foundation
import JSON
@testable import SarcomaGuidelines

/// The files of pack 2026.12-1 (`Config/guidelines/2026.12-1/`) that the systemic rules read,
/// loaded once, plus a way to load an edited copy for refusal tests.
enum Pack2026Fixture {
    static let directory: URL = PackFixture.root.appendingPathComponent("2026.12-1")

    static func bytes(_ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
            fatalError("pack 2026.12-1 lacks \(name)")
        }
        return [UInt8](data)
    }

    static func json(_ name: String) -> JSONValue {
        do { return try JSONParser().parse(bytes(name)) } catch { fatalError("\(name) is not JSON: \(error)") }
    }

    static let register: SourceRegister = {
        do { return try SourceRegister.load(bytes: bytes(SourceRegister.fileName)) } catch {
            fatalError("sources.json does not load: \(error)")
        }
    }()

    static let classes: HistologyClassTable = {
        do { return try HistologyClassTable.load(bytes: bytes(HistologyClassTable.fileName), register: register) } catch
        {
            fatalError("histology-classes.json does not load: \(error)")
        }
    }()

    /// Serializes an edited document for a refusal test.
    static func encode(_ value: JSONValue) -> [UInt8] {
        JSONWriter().bytes(value)
    }
}

extension Pack2026Fixture {
    /// Loads `histology-classes.json` after `change`, returning the refusal (nil if it loaded).
    static func classesRefusal(_ change: (inout JSONValue) -> Void) -> GuidelinePackError? {
        var root = json(HistologyClassTable.fileName)
        change(&root)
        do {
            _ = try HistologyClassTable.load(bytes: encode(root), register: register)
            return nil
        } catch { return error }
    }
}

extension Pack2026Fixture {
    static let systemic: SystemicTable = {
        do {
            return try SystemicTable.load(bytes: bytes(SystemicTable.fileName), classes: classes, register: register)
        } catch {
            fatalError("systemic.json does not load: \(error)")
        }
    }()

    static let evaluator = SystemicEvaluator(table: systemic)

    /// The contract-2 engine on this pack, with pack 2026.11-1 kept beside it.
    static let contractTwoEngine: ContractTwoEngine = {
        do {
            let pack = try GuidelinePackV2.load(files: PackFixture.files(in: directory))
            return ContractTwoEngine(pack: pack, kept: PackFixture.engine)
        } catch {
            fatalError("pack 2026.12-1 does not load: \(error)")
        }
    }()

    /// Loads `systemic.json` after `change`, returning the refusal (nil if it loaded).
    static func systemicRefusal(_ change: (inout JSONValue) -> Void) -> GuidelinePackError? {
        var root = json(SystemicTable.fileName)
        change(&root)
        do {
            _ = try SystemicTable.load(bytes: encode(root), classes: classes, register: register)
            return nil
        } catch { return error }
    }
}
