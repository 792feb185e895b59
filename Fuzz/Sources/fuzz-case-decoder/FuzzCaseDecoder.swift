import Foundation
import FuzzSupport
import JSON
import SarcomaGuidelines

/// The repository's v1 guideline pack (`Config/guidelines/2026.11-1/`), loaded once. `SARCOMA_GUIDE_PACK_DIR`
/// overrides the folder (the default is found from this file's path, like the tests' PackFixture).
let engine: GuidelineEngine = {
    let folder =
        ProcessInfo.processInfo.environment["SARCOMA_GUIDE_PACK_DIR"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // fuzz-case-decoder
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Fuzz
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Config/guidelines/2026.11-1")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var files: [String: [UInt8]] = [:]
    for name in names where name.hasSuffix(".json") {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
            files[name] = [UInt8](data)
        }
    }
    do { return GuidelineEngine(pack: try GuidelinePack.load(files: files)) } catch {
        fatalError("the guideline pack at \(folder.path) does not load: \(error)")
    }
}()

/// `precondition` that keeps its message in release builds (the fuzzer's log shows it).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}

/// What may be written back must parse again, to the same value.
func reparse(_ value: JSONValue, _ what: String) {
    for writer in [JSONWriter.compact, JSONWriter.pretty] {
        let bytes = writer.bytes(value)
        guard let again = try? JSONParser(maxDepth: JSONParser.depthCeiling).parse(bytes) else {
            fatalError("\(what): the written JSON does not parse: \(String(decoding: bytes, as: UTF8.self))")
        }
        require(again == value, "\(what): the written JSON parses to another value")
    }
}

/// Decode; on success the normalized form decodes to the same case, the engine's
/// consistency check and (when consistent) every evaluation with explanations run, and all
/// JSON produced parses again. On failure the problem's parts must be writable JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaseDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    // The JSON layer alone: whatever parses is written and parses back to the same value.
    if let value = try? JSONParser(maxDepth: 32).parse(bytes) {
        reparse(value, "parsed input")
    }
    let decoder = CaseDecoder()
    switch decoder.decode(bytes, ignoringTopLevelKeys: ["id", "createdAt", "updatedAt", "version"]) {
    case .failure(.malformedJSON(let error)):
        _ = String(describing: error)
    case .failure(.invalid(let issues)):
        require(!issues.isEmpty, "an invalid case without issues")
        require(issues.count <= CaseDecoder.maxReportedIssues + 1, "\(issues.count) issues reported")
        reparse(.array(issues.map(\.json)), "issues")
    case .success(let sarcomaCase):
        let encoder = CaseEncoder()
        for style in [JSONWriter.Style.compact, .pretty] {
            let normalized = encoder.bytes(sarcomaCase, style: style)
            guard case .success(let again) = decoder.decode(normalized) else {
                fatalError("the normalized case does not decode: \(String(decoding: normalized, as: UTF8.self))")
            }
            require(again == sarcomaCase, "the normalized case decodes to another case")
            require(encoder.bytes(again, style: style) == normalized, "normalized bytes are not stable")
        }
        let issues = engine.consistencyIssues(in: sarcomaCase)
        reparse(.array(issues.map(\.json)), "consistency issues")
        if issues.isEmpty {
            for kind in [EvaluationKind.assessment, .staging, .margins, .imaging, .perioperative, .palliative] {
                for explain in [true, false] where kind == .assessment || explain {
                    let evaluation = engine.evaluate(kind, for: sarcomaCase, explain: explain)
                    reparse(evaluation.json, "\(kind) evaluation")
                    _ = evaluation.plainText.utf8.count
                }
            }
        }
    }
    return 0
}

/// `main` (SwiftPM aliases it to `<module>_main` on Linux).
@_cdecl("fuzz_case_decoder_main")
public func fuzzCaseDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzMain(name: "fuzz-case-decoder", argc: argc, argv: argv, fuzzCaseDecoder)
}
