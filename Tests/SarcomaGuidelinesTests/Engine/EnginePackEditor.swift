import JSON
import Testing
@testable import SarcomaGuidelines

/// Corrupt copies of the repository's pack for the validation tests: one file parsed, changed
/// at a path (`trunkExtremity.rows[2].t`), written back; the other files untouched.
struct EnginePackEditor {
    var files: [String: [UInt8]] = PackFixture.files()

    /// Replaces the value at `path` of `file` (the path must exist, except a final new key).
    mutating func set(_ file: String, _ path: String, _ value: JSONValue) {
        edit(file) { root in root.engineUpdate(EnginePath.steps(path)) { $0 = value } }
    }

    /// Removes array item `index` of the array at `path`.
    mutating func remove(_ file: String, _ path: String, index: Int) {
        edit(file) { root in
            root.engineUpdate(EnginePath.steps(path)) { value in
                if case .array(var items) = value {
                    items.remove(at: index)
                    value = .array(items)
                }
            }
        }
    }

    mutating func edit(_ file: String, _ change: (inout JSONValue) -> Void) {
        guard let bytes = files[file], var root = try? JSONParser().parse(bytes) else {
            Issue.record("the pack has no parsable \(file)")
            return
        }
        change(&root)
        files[file] = JSONWriter.compact.bytes(root)
    }

    /// The refusal the engine gives for these files, or nil when they load.
    func loadError() -> GuidelinePackError? {
        do {
            _ = try GuidelinePack.load(files: files)
            return nil
        } catch {
            return error
        }
    }
}

/// Path steps for the editor (a test-side tokenizer; names prefixed to stay clear of other
/// test folders' helpers).
enum EnginePath {
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for segment in path.split(separator: ".") {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                if bracket > rest.startIndex { steps.append(.key(String(rest[..<bracket]))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    steps.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? -1))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }
}

extension JSONValue {
    mutating func engineUpdate(_ steps: [EnginePath.Step], _ change: (inout JSONValue) -> Void) {
        guard let first = steps.first else { return change(&self) }
        let rest = Array(steps.dropFirst())
        switch (first, self) {
        case (.key(let key), .object(var object)):
            var child = object[key] ?? .null
            child.engineUpdate(rest, change)
            object[key] = child
            self = .object(object)
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index].engineUpdate(rest, change)
            self = .array(items)
        default:
            Issue.record("no \(first) in \(self)")
        }
    }

    /// The value at a dotted path, or nil when a step is missing (an absent member).
    func engineValue(_ path: String) -> JSONValue? {
        var current: JSONValue? = self
        for step in EnginePath.steps(path) {
            switch (step, current) {
            case (.key(let key), .object(let object)?): current = object[key]
            case (.index(let index), .array(let items)?) where items.indices.contains(index): current = items[index]
            default: return nil
            }
        }
        return current
    }
}
