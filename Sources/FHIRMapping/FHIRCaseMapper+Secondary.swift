import JSON
import SarcomaGuidelines

/// Secondary cancer Conditions (metastases), with the mCODE profile or coded ICD-10 C77-C79:
/// each must agree with the N and M categories, and a coded distant metastasis is M1 when
/// no M category is sent. Never left out: left out, the case would be staged N0 / M0.
extension FHIRCaseMapper {
    static let secondaryProfile = "mcode-secondary-cancer-condition"

    /// Whether the Condition is a metastasis: mCODE's profile, or a code listed in `SecondaryCancerCodes`.
    func isSecondary(_ entry: FHIRResourceEntry) -> Bool {
        Self.hasProfile(entry, Self.secondaryProfile) || !secondaryCodings(entry).isEmpty
    }

    /// The Condition's codings that state a metastasis, with what each states.
    func secondaryCodings(_ entry: FHIRResourceEntry) -> [(SecondaryCancerCodes.Spread, FHIRCoding)] {
        FHIRCoding.codings(in: entry.resource["code"], at: entry.pointer("code")).compactMap { coding in
            SecondaryCancerCodes.spread(coding).map { ($0, coding) }
        }
    }

    func checkSecondaries(_ secondaries: [FHIRResourceEntry], _ ledger: inout MappingLedger) {
        guard !secondaries.isEmpty else { return }
        let mValues = Self.proposed("/tumor/metastasis", ledger)
        let nValues = Self.proposed("/tumor/nodes", ledger)
        let distant = secondaries.flatMap { entry in
            secondaryCodings(entry).filter { $0.0 == .distant }.map { (entry, $0.1) }
        }
        // M1 holds when an M Observation says so, or none is sent and a coded distant metastasis is.
        let isM1 = mValues.isEmpty ? !distant.isEmpty : (mValues == ["M1"])
        for entry in secondaries {
            let codings = secondaryCodings(entry)
            if codings.isEmpty {
                checkUncoded(entry, isM1: isM1, mValues: mValues, &ledger)
            }
            for (spread, coding) in codings {
                switch spread {
                case .distant: checkDistant(entry, coding, mValues: mValues, &ledger)
                case .nodes: checkNodes(entry, coding, nValues: nValues, isM1: isM1, &ledger)
                }
            }
        }
    }

    /// The profile alone says "a metastasis", not where: it must agree with M1.
    private func checkUncoded(_ entry: FHIRResourceEntry, isM1: Bool, mValues: [String], _ ledger: inout MappingLedger)
    {
        if isM1 {
            ledger.ignore(
                entry,
                "a secondary cancer Condition (metastasis): consistent with M1; metastatic sites are not mapped from it"
            )
        } else {
            ledger.refuse(
                entry.pointer,
                "a secondary cancer Condition (a metastasis) is in the payload but no M category observation says M1"
                    + (mValues.isEmpty ? "" : " (it says \(mValues.joined(separator: ", ")))")
                    + ": the stage would be wrong; send the M category")
        }
    }

    /// C78 / C79: a distant metastasis is M1; an M0 Observation contradicts it.
    private func checkDistant(
        _ entry: FHIRResourceEntry, _ coding: FHIRCoding, mValues: [String], _ ledger: inout MappingLedger
    ) {
        if mValues.isEmpty {
            ledger.propose(
                "/tumor/metastasis", .string("M1"), shown: "M1", from: entry, element: "code", at: coding.pointer,
                note: "\(coding.shown): a distant metastasis -> M1")
        } else if mValues.contains("M0") {
            ledger.refuse(
                coding.pointer,
                "\(coding.shown) states a distant metastasis, but the M category observation says M0: the service does not pick one; correct the M category or the Condition"
            )
        } else {
            ledger.ignore(
                entry, element: "code", at: coding.pointer,
                "\(coding.shown): a distant metastasis, consistent with M1; metastatic sites are not mapped from it")
        }
    }

    /// C77: nodes, regional (N1) or distant (M1); which depends on the primary site, so it is
    /// never mapped alone: it needs N1, or N0 with M1 (distant nodes).
    private func checkNodes(
        _ entry: FHIRResourceEntry, _ coding: FHIRCoding, nValues: [String], isM1: Bool,
        _ ledger: inout MappingLedger
    ) {
        if nValues == ["N1"] || (nValues == ["N0"] && isM1) {
            ledger.ignore(
                entry, element: "code", at: coding.pointer,
                "\(coding.shown): a lymph node metastasis, consistent with \(nValues[0])\(isM1 ? " and M1" : "")")
        } else if nValues.isEmpty {
            ledger.refuse(
                coding.pointer,
                "\(coding.shown) states a lymph node metastasis, but no N category observation is sent and ICD-10 does not tell regional nodes (N1) from distant ones (M1): leaving it out would stage N0; send the N category (and M)"
            )
        } else if nValues == ["N0"] {
            ledger.refuse(
                coding.pointer,
                "\(coding.shown) states a lymph node metastasis, but the N category observation says N0 and no M1 is stated: the service does not pick one; correct the N / M category or the Condition"
            )
        }
        // Disagreeing N observations are refused by the ledger already.
    }

    /// The distinct string values proposed for a case field so far.
    static func proposed(_ target: String, _ ledger: MappingLedger) -> [String] {
        let values = ledger.proposals.first { $0.target == target }?.items.compactMap(\.value.stringValue) ?? []
        return values.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
