import Foundation
@testable import SarcomaGuidelines

/// A case of the clinical rules' §12 worked checks: the stated defaults (patient age 50, ECOG 1,
/// IV eligible, anthracycline candidate; N0 M0, NTRK negative; primary, resectable, first line,
/// no prior anthracycline) plus what a row adds, built into `CaseFactsV2` with pack 2026.12-1.
struct WorkedCase: Sendable {
    var tumorCase: SarcomaCase
    var inputs = CaseInputsV2()

    static let pack: GuidelinePackV2 = {
        let folder = PackFixture.root.appendingPathComponent("2026.12-1")
        do { return try GuidelinePackV2.load(files: PackFixture.files(in: folder)) } catch {
            fatalError("pack 2026.12-1 does not load: \(error)")
        }
    }()

    /// The §12 defaults for a tumour at `site`.
    init(
        _ site: Site, _ sizeCm: Double? = nil, _ depth: Depth? = nil, _ histology: String?, grade: Int? = nil,
        _ change: (inout WorkedCase) -> Void = { _ in }
    ) {
        tumorCase = SarcomaCase(
            patient: .init(ageYears: 50, ecog: 1, ivTherapyEligible: true, anthracyclineCandidate: true),
            tumor: .init(
                site: site, sizeCm: sizeCm, depth: depth, histology: histology.flatMap(Histology.init(rawValue:)),
                grade: grade, nodes: .n0, metastasis: .m0, ntrkFusion: false),
            disease: .init(presentation: .primary, resectable: true, priorSystemicLines: 0, priorAnthracycline: false))
        if let histology, Histology(rawValue: histology) == nil { inputs.histologyCode = histology }
        change(&self)
    }

    var patient: SarcomaCase.Patient {
        get { tumorCase.patient ?? .init() }
        set { tumorCase.patient = newValue }
    }
    var tumor: SarcomaCase.Tumor {
        get { tumorCase.tumor }
        set { tumorCase.tumor = newValue }
    }
    var disease: SarcomaCase.Disease {
        get { tumorCase.disease ?? .init() }
        set { tumorCase.disease = newValue }
    }

    /// M1 with these metastatic sites.
    mutating func metastatic(_ sites: [MetastaticSite]) {
        tumor.metastasis = .m1
        tumor.metastaticSites = sites
    }

    var facts: CaseFactsV2 {
        get throws {
            try CaseFactsV2(tumorCase, inputs: inputs, pack: Self.pack, ajcc: PackFixture.pack)
        }
    }
}

extension PerioperativeSectionV2 {
    /// `modality (ruleId; cat / basis)` in rank order, `P` for preferred, `—` for null / none,
    /// `2A*` for a defaulted 2A: the notation of the §12 table.
    var optionLines: [String] {
        options.map { option in
            let category =
                option.category.map { "\($0.category.rawValue)\($0.defaulted ? "*" : "") / \($0.basis.rawValue)" }
                ?? "—"
            return "\(option.modality.rawValue) (\(option.ruleId); \(category))\(option.preferred ? " P" : "")"
        }
    }

    /// `modality → reasonCode [others]`.
    var withheldLines: [String] {
        notRecommended.map { item in
            let others = item.otherReasonCodes.map(\.rawValue)
            return "\(item.modality.rawValue) → \(item.reasonCode.rawValue)"
                + (others.isEmpty ? "" : " [\(others.joined(separator: ", "))]")
        }
    }
}
