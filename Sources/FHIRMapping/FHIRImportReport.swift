import JSON
import SarcomaGuidelines

/// The parts of a FHIR import answer and problem that describe the mapping: what was
/// mapped, what was ignored and why, and how the source's own staging compares with ours.
package enum FHIRImportReport {
    package static func mapped(_ mapping: FHIRCaseMapping) -> JSONValue {
        .array(mapping.mapped.map(\.json))
    }

    package static func ignored(_ mapping: FHIRCaseMapping) -> JSONValue {
        .array(mapping.ignored.map(\.json))
    }

    /// A case-body issue from `CaseDecoder` or the engine, pointed back into the payload
    /// where one element fed that field; otherwise at the payload root, naming the field.
    package static func pointIntoPayload(_ issue: FieldIssue, _ mapping: FHIRCaseMapping) -> FieldIssue {
        let field = issue.pointer.isEmpty ? "the case" : issue.pointer.split(separator: "/").joined(separator: ".")
        var pointer = issue.pointer
        while !pointer.isEmpty {
            if let source = mapping.source(of: pointer) {
                return FieldIssue(
                    pointer: source.source,
                    detail: "\(field) (from \(source.resource) \(source.element)): \(issue.detail)")
            }
            pointer = String(pointer[..<(pointer.lastIndex(of: "/") ?? pointer.startIndex)])
        }
        return FieldIssue(pointer: "", detail: "\(field) of the case built from the Bundle: \(issue.detail)")
    }

    /// One issue per reported T or stage group that differs from the engine's staging of the
    /// mapped case, at the source value, naming both values. A contradiction is refused, never
    /// stored with a warning: either the source staged with facts the Bundle does not carry
    /// or a mapped fact is wrong, and the service cannot tell which.
    package static func consistencyIssues(_ mapping: FHIRCaseMapping, staging: JSONValue) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        for reported in mapping.reported {
            switch reported.kind {
            case .tCategory:
                // TX: the engine lacks what T needs; that is missing data, not a contradiction.
                guard let computed = staging["t"]?.stringValue, computed != "TX", reported.value != computed else {
                    continue
                }
                issues.append(
                    FieldIssue(
                        pointer: reported.source,
                        detail:
                            "reported-t-differs: \(reported.resource) reports \(reported.value); sarcoma-guide computes \(computed) from the mapped size and site (AJCC 8). The service does not pick one: correct the source's T, tumour size or site (or send the Bundle without the reported T)"
                    ))
            case .stageGroup:
                guard let computed = staging["stageGroup"]?.stringValue, reported.value != computed else { continue }
                issues.append(
                    FieldIssue(
                        pointer: reported.source,
                        detail:
                            "reported-stage-group-differs: \(reported.resource) reports stage \(reported.value); sarcoma-guide computes stage \(computed) from the mapped facts (AJCC 8). The service does not pick one: correct the source's stage group or the facts it was staged from"
                    ))
            }
        }
        return issues
    }

    /// A reported T or stage group the engine could not check because it computes TX / no
    /// group (no size; a site without AJCC T or groups): announced, not refused, naming what
    /// is missing.
    package static func uncheckedWarnings(_ mapping: FHIRCaseMapping, staging: JSONValue) -> [JSONValue] {
        var warnings: [JSONValue] = []
        for reported in mapping.reported {
            switch reported.kind {
            case .tCategory:
                let computed = staging["t"]?.stringValue ?? "TX"
                guard computed == "TX" else { continue }
                warnings.append(
                    warning(
                        "reported-t-not-checked",
                        "\(reported.resource) reports \(reported.value) (at \(reported.source)); sarcoma-guide computes TX: the Bundle has no tumour size it could read, or the site has no AJCC 8 T category. The reported T was not checked"
                    ))
            case .stageGroup:
                guard staging["stageGroup"]?.stringValue == nil else { continue }
                let reason = staging["stageGroupReason"]?.stringValue.map { ": \($0)" } ?? ""
                warnings.append(
                    warning(
                        "reported-stage-group-not-checked",
                        "\(reported.resource) reports stage \(reported.value) (at \(reported.source)); sarcoma-guide computes no stage group\(reason). The reported stage group was not checked"
                    ))
            }
        }
        return warnings
    }

    /// A stored N1 / M1 the imported case lacks: replacing the case would lower the stage
    /// behind the user's back (e.g. a PUT set M1 and the Bundle states no M). Refused, at the
    /// payload root naming the field; other dropped fields are only announced.
    package static func droppedStagingIssues(previous: JSONValue?, imported: JSONObject) -> [FieldIssue] {
        let stored = previous?["tumor"]
        let incoming = imported["tumor"]
        var issues: [FieldIssue] = []
        for (field, positive, observation) in [("nodes", "N1", "N category"), ("metastasis", "M1", "M category")] {
            guard stored?[field]?.stringValue == positive, incoming?[field] == nil else { continue }
            issues.append(
                FieldIssue(
                    pointer: "",
                    detail:
                        "stored-\(field)-dropped: the stored case with this externalId has tumor.\(field) \(positive); the Bundle states no \(observation), so the import would replace it with the default and lower the stage. Send the \(observation) Observation (or change the stored case with PUT first)"
                ))
        }
        return issues
    }

    /// The engine's staging warnings (an N or M not given and assumed N0 / M0, grade unknown
    /// ...), so the EHR sees every default the stored stage rests on.
    package static func engineWarnings(_ evaluation: Evaluation) -> [JSONValue] {
        evaluation.warnings.map { ["code": .string($0.code.rawValue), "message": .string($0.message)] }
    }

    /// Re-import replaces the stored case: one warning naming the fields the stored case had
    /// and the imported one lacks (names only, no values), e.g. `disease.setting` set by a PUT.
    /// The members of delta §1 the import cannot map are always among them once set; those
    /// whose loss would list a therapy the stored case withheld (`safetyRelevant`) are named
    /// again with the instruction to re-send them (contract delta §9).
    package static func droppedFieldsWarning(previous: JSONValue?, imported: JSONObject) -> JSONValue? {
        guard let previous = previous?.objectValue else { return nil }
        let kept = Set(fieldPaths(imported))
        let dropped = fieldPaths(previous).filter { !kept.contains($0) }
        guard !dropped.isEmpty else { return nil }
        var message =
            "the import replaced the stored case; these fields it had are not in the Bundle and are no longer stored: \(dropped.joined(separator: ", ")). Set them again (PUT) if they still hold"
        let safety = safetyRelevant.filter { dropped.contains($0.path) }
        if !safety.isEmpty {
            let named = safety.map { "\($0.path) (\($0.why))" }.joined(separator: ", ")
            message +=
                ". Safety-relevant, they must be re-sent through the case API (PUT /v1/cases/{id}; the FHIR import has no mapping for them in this release): \(named)"
        }
        return warning("stored-fields-dropped", message)
    }

    /// Stored members whose silent loss would list a therapy the stored case withheld, with why.
    package static let safetyRelevant: [(path: String, why: String)] = [
        ("disease.priorCardiotoxicTherapy", "lowers the anthracycline ceiling"),
        ("disease.cumulativeDoxorubicinMgM2", "checked against the anthracycline ceiling"),
        ("disease.progressedOnAnthracycline", "anthracycline-refractory disease"),
        ("disease.progressedOnAgents", "agents the tumour progressed on are not offered again"),
        ("tumor.biomarkers.hlaA0205Present", "an HLA-A*02:05P allele excludes afamitresgene autoleucel"),
    ]

    /// `externalId`, `tumor.site`, `disease.presentation`: top-level members, and the members of
    /// top-level objects one level down; `tumor.biomarkers` member by member, since each
    /// biomarker is a result of its own (`tumor.biomarkers.hlaA0205Present`).
    package static func fieldPaths(_ document: JSONObject) -> [String] {
        var paths: [String] = []
        for member in document.members {
            let key = member.key
            let value = member.value
            if let object = value.objectValue, !object.isEmpty {
                for inner in object.members {
                    if key == "tumor", inner.key == "biomarkers", let markers = inner.value.objectValue,
                        !markers.isEmpty
                    {
                        paths.append(contentsOf: markers.keys.map { "tumor.biomarkers.\($0)" })
                    } else {
                        paths.append("\(key).\(inner.key)")
                    }
                }
            } else if value != .null {
                paths.append(key)
            }
        }
        return paths
    }

    private static func warning(_ code: String, _ message: String) -> JSONValue {
        ["code": .string(code), "message": .string(message)]
    }
}
