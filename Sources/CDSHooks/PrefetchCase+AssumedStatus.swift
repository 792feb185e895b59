import JSON
import SarcomaGuidelines

/// CDS cards never rest on an assumed M0, nor on an assumed N0 that would change the
/// answer. The engine's AJCC defaults (omitted N = N0, omitted M = M0) are right for a case
/// a clinician typed in and can see flagged in the answer; in a CDS card computed from a
/// prefetch, an observation the EHR did not send would put a metastatic patient on a
/// surgery card. So a record without M gets only the missing-data card; a record without N
/// gets it too when N1 would change the stage group or any option (extremity and trunk:
/// N1 is stage IV; retroperitoneum: IIIB), and its cards otherwise.
extension PrefetchCase {
    package static let metastasisPointer = "/tumor/metastasis"
    package static let nodesPointer = "/tumor/nodes"

    /// The issues that keep the cards back; empty when the record states what matters.
    package static func assumedStatusIssues(_ sarcomaCase: SarcomaCase, pack: CardPack) throws(SystemicInputError)
        -> [FieldIssue]
    {
        var issues: [FieldIssue] = []
        if sarcomaCase.tumor.metastasis == nil {
            issues.append(
                FieldIssue(
                    pointer: metastasisPointer,
                    detail:
                        "distant metastasis status (M) is not in the record: no stage, surgical plan or therapy is given on an assumed M0; "
                        + "record the M category (mCODE TNM distant metastases category Observation, SNOMED CT or LOINC coded, "
                        + "as GET /cds-services asks) or a secondary cancer Condition"))
        }
        if sarcomaCase.tumor.nodes == nil, try nodesChangeGuidance(sarcomaCase, pack: pack) {
            issues.append(
                FieldIssue(
                    pointer: nodesPointer,
                    detail:
                        "regional nodal status (N) is not in the record and N1 would change the stage group or the options: "
                        + "no stage, surgical plan or therapy is given on an assumed N0; record the N category "
                        + "(mCODE TNM regional nodes category Observation)"))
        }
        return issues
    }

    /// Whether the answer for N1 differs from the one for N0 in what a card shows: the stage
    /// groups, the pathway, the margin plan, the imaging, or the perioperative and palliative
    /// options (pack 2026.12-1: N1 is its own pathway, so in practice always).
    package static func nodesChangeGuidance(_ sarcomaCase: SarcomaCase, pack: CardPack) throws(SystemicInputError)
        -> Bool
    {
        func guidance(_ nodes: NodalStatus) throws(SystemicInputError) -> [JSONValue?] {
            var variant = sarcomaCase
            variant.tumor.nodes = nodes
            // Metastasis status unknown is reported on its own; compare at M0 here.
            if variant.tumor.metastasis == nil { variant.tumor.metastasis = .m0 }
            let answer = JSONValue.object(try pack.assessment(variant))
            return [
                answer["pathway"], answer["staging"]?["stageGroup"], answer["staging"]?["planningStageGroup"],
                answer["margins"]?["strategy"], answer["margins"]?["marginCm"], answer["margins"]?["amputation"],
                answer["imaging"]?["metastaticWorkup"], answer["perioperative"]?["options"],
                answer["perioperative"]?["systemicOptions"], answer["palliative"]?["indicated"],
                answer["palliative"]?["options"],
            ]
        }
        return try guidance(.n0) != guidance(.n1)
    }
}
