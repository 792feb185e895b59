import FHIRMapping
import SarcomaGuidelines

/// The parts of a FHIR import answer and problem that describe the mapping: what was
/// mapped, what was ignored and why, and how the source's own staging compares with ours.
enum FHIRImportReport {
    static func mapped(_ mapping: FHIRCaseMapping) -> JSONValue {
        .array(mapping.mapped.map(\.json))
    }

    static func ignored(_ mapping: FHIRCaseMapping) -> JSONValue {
        .array(mapping.ignored.map(\.json))
    }

    /// A case-body issue from `CaseDecoder` or the engine, pointed back into the payload
    /// where one element fed that field; otherwise at the payload root, naming the field.
    static func pointIntoPayload(_ issue: FieldIssue, _ mapping: FHIRCaseMapping) -> FieldIssue {
        let field = issue.pointer.isEmpty ? "the case" : issue.pointer.split(separator: "/").joined(separator: ".")
        var pointer = issue.pointer
        while !pointer.isEmpty {
            if let source = mapping.source(of: pointer) {
                return FieldIssue(pointer: source.source, detail: "\(field) (from \(source.resource) \(source.element)): \(issue.detail)")
            }
            pointer = String(pointer[..<(pointer.lastIndex(of: "/") ?? pointer.startIndex)])
        }
        return FieldIssue(pointer: "", detail: "\(field) of the case built from the Bundle: \(issue.detail)")
    }

    /// One warning per reported T or stage group that differs from the engine's staging.
    /// Never blocking: the source may have staged with other facts; a clinician should look.
    static func consistencyWarnings(_ mapping: FHIRCaseMapping, staging: JSONValue) -> [JSONValue] {
        var warnings: [JSONValue] = []
        for reported in mapping.reported {
            switch reported.kind {
            case .tCategory:
                let computed = staging["t"]?.stringValue ?? "TX"
                guard reported.value != computed else { continue }
                warnings.append(warning("reported-t-differs",
                    "\(reported.resource) reports \(reported.value); sarcoma-guide computes \(computed) from the mapped size and site (AJCC 8). The computed T is used; check the source.",
                    reported.source))
            case .stageGroup:
                let computed = staging["stageGroup"]?.stringValue
                guard reported.value != computed else { continue }
                warnings.append(warning("reported-stage-group-differs",
                    "\(reported.resource) reports stage \(reported.value); sarcoma-guide computes \(computed.map { "stage \($0)" } ?? "no stage group"). The computed stage is used; check the source.",
                    reported.source))
            }
        }
        return warnings
    }

    private static func warning(_ code: String, _ message: String, _ source: String) -> JSONValue {
        ["code": .string(code), "message": .string(message), "source": .string(source)]
    }
}
