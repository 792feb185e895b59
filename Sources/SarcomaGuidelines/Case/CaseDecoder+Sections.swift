import JSON
/// One function per object of the case, each reading its members in the contract's order.
/// Each returns nil when its object gave nothing (empty means not given).
extension CaseDecoder {
    func externalId(in top: CaseSection, _ log: inout CaseIssueLog) -> String? {
        guard let member = top.member("externalId") else { return nil }
        guard let text = member.value.stringValue else {
            log.add(
                member.pointer, at: member.position,
                "externalId must be a string; got \(CaseSection.shown(member.value))")
            return nil
        }
        let problem: String? =
            if text.isEmpty {
                "externalId must not be empty"
            } else if text.unicodeScalars.count > Self.externalIdMaxLength {
                "externalId must be at most \(Self.externalIdMaxLength) characters; got \(text.unicodeScalars.count)"
            } else if let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
                "externalId must not contain control characters, found \(JSONReader.codePoint(control.value))"
            } else if text.unicodeScalars.first!.properties.isWhitespace
                || text.unicodeScalars.last!.properties.isWhitespace
            {
                "externalId must not begin or end with whitespace"
            } else {
                nil
            }
        if let problem {
            log.add(member.pointer, at: member.position, problem)
            return nil
        }
        return text
    }

    func patient(in section: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.Patient? {
        let patient = SarcomaCase.Patient(
            ageYears: section.integer("ageYears", .from(0, to: 130), &log),
            sex: section.code("sex", &log),
            ecog: section.integer("ecog", .from(0, to: 4), &log),
            ivTherapyEligible: section.bool("ivTherapyEligible", &log),
            anthracyclineCandidate: section.bool("anthracyclineCandidate", &log))
        return patient == SarcomaCase.Patient() ? nil : patient
    }

    func requiredTumor(in top: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.Tumor? {
        guard let section = top.section("tumor", CaseFields.tumor, &log) else {
            if top.member("tumor") == nil {
                let position = top.index(of: "tumor").map { [$0] } ?? [Int.max]
                log.add(
                    .root.appending("tumor"), at: position,
                    "tumor is required: an object with at least site (\(Self.siteCodes))")
            }
            return nil
        }
        return tumor(in: section, &log)
    }

    func tumor(in section: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.Tumor? {
        let site: Site? = section.code("site", &log)
        if site == nil, section.member("site") == nil {
            log.add(
                section.pointer.appending("site"), at: section.position + [-1],
                "site is required: one of \(Self.siteCodes)")
        }
        let sizeCm = section.number(
            "sizeCm",
            Bounds(
                lower: 0, lowerInclusive: false, upper: Self.maxSizeCm,
                unit: "of centimetres"), &log)
        let depth: Depth? = section.code("depth", &log)
        let histology = self.histology(in: section, &log)
        let grade = section.integer("grade", .from(1, to: 3), &log)
        let fnclcc = section.section("fnclcc", CaseFields.fnclcc, &log).flatMap { self.fnclcc(in: $0, &log) }
        let infiltrativeBorders = section.bool("infiltrativeBorders", &log)
        let nodes: NodalStatus? = section.code("nodes", &log)
        let metastasis: MetastasisStatus? = section.code("metastasis", &log)
        let ntrkFusion = section.bool("ntrkFusion", &log)
        let metastaticSites: [MetastaticSite]? = section.codeList("metastaticSites", &log)
        let headNeckInvasion: [HeadNeckInvasion]? = section.codeList("headNeckInvasion", &log)
        let visceralExtent: VisceralExtent? = section.code("visceralExtent", &log)
        let multifocalSites = section.integer("multifocalSites", .atLeast(1), &log)
        let biomarkers = self.biomarkers(in: section, &log)
        checkMetastaticSites(in: section, metastasis: metastasis, &log)

        guard let site else { return nil }
        return SarcomaCase.Tumor(
            site: site, sizeCm: sizeCm, depth: depth, histology: histology, grade: grade, fnclcc: fnclcc,
            infiltrativeBorders: infiltrativeBorders, nodes: nodes, metastasis: metastasis,
            ntrkFusion: ntrkFusion, metastaticSites: metastaticSites, headNeckInvasion: headNeckInvasion,
            visceralExtent: visceralExtent, multifocalSites: multifocalSites, biomarkers: biomarkers)
    }

    /// The contract: sites "only with `metastasis: "M1"`; sites with M0, stated or omitted,
    /// are 422 at `/tumor/metastasis`". Checked whenever a non-empty array of sites was
    /// sent (even if some item is wrong) and `metastasis` is not itself invalid.
    private func checkMetastaticSites(
        in section: CaseSection, metastasis: MetastasisStatus?,
        _ log: inout CaseIssueLog
    ) {
        guard let sites = section.member("metastaticSites"), let items = sites.value.arrayValue,
            !items.isEmpty, metastasis != .m1
        else { return }
        let stated = section.member("metastasis")
        if stated != nil, metastasis == nil { return }  // an invalid code, already reported
        let laterIndex = max(section.index(of: "metastaticSites") ?? 0, section.index(of: "metastasis") ?? 0)
        let detail =
            stated == nil
            ? "metastasis must be `M1` when metastaticSites are given; it is omitted, which means M0"
            : "metastasis must be `M1` when metastaticSites are given; it is `M0`"
        log.add(section.pointer.appending("metastasis"), at: section.position + [laterIndex, Int.max], detail)
    }

    func fnclcc(in section: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.FNCLCC? {
        let fnclcc = SarcomaCase.FNCLCC(
            differentiation: section.integer("differentiation", .from(1, to: 3), &log),
            mitosesPer10Hpf: section.integer("mitosesPer10Hpf", .atLeast(0), &log),
            necrosisPercent: section.number("necrosisPercent", .from(0, to: 100), &log))
        return fnclcc == SarcomaCase.FNCLCC() ? nil : fnclcc
    }

    func pet(in section: CaseSection, _ log: inout CaseIssueLog) -> SarcomaCase.PET? {
        let pet = SarcomaCase.PET(
            suvMaxBaseline: section.number("suvMaxBaseline", .greaterThan(0), &log),
            suvMaxPostTherapy: section.number("suvMaxPostTherapy", .greaterThan(0), &log))
        return pet == SarcomaCase.PET() ? nil : pet
    }

    static let siteCodes = Site.allCases.map(\.rawValue).joined(separator: ", ")
}
