import Testing
@testable import SarcomaGuidelines

/// IMG-* (`docs/clinical/clinical-rules-2026.11-1.md` section 5, with the section 7 readings).
@Suite("IMG-*")
struct ImagingRuleTests {
    // MARK: primary

    @Test(
        "IMG-PRIMARY-EXTREMITY-HN: MRI or CT, both listed, neither required, one_of (trunk wall included)",
        arguments: [Site.extremity, .trunk, .headAndNeck])
    func primaryMRIorCT(site: Site) throws {
        let answer = RuleAnswer(.imaging, for: .ruleCase(site, size: 6.0, grade: 2))
        let mri = try #require(answer.item("primary", where: "modality", is: "mri"), "\(answer["primary"])")
        let ct = try #require(answer.item("primary", where: "modality", is: "ct"), "\(answer["primary"])")
        #expect(mri["required"].bool == false)
        #expect(ct["required"].bool == false)
        #expect(answer["primaryChoice"].string == "one_of")
        // One modality is enough: nothing else is asked for the primary.
        #expect(Set(answer.values("primary", "modality")) == ["mri", "ct"])
        #expect(answer.ruleIds.contains("IMG-PRIMARY-EXTREMITY-HN"))
        #expect(!answer.ruleIds.contains("IMG-PRIMARY-ABDOMEN-CHEST"))
    }

    @Test("IMG-PRIMARY-ABDOMEN-CHEST: spiral (contrast) CT, preferred", arguments: [Site.retroperitoneum, .visceral])
    func primarySpiralCT(site: Site) throws {
        let answer = RuleAnswer(.imaging, for: .ruleCase(site, size: 9.0, grade: 2, visceralExtent: .serosa))
        let spiral = try #require(answer.item("primary", where: "modality", is: "spiral_ct"), "\(answer["primary"])")
        #expect(spiral["preferred"].bool == true)
        #expect(answer.item("primary", where: "modality", is: "mri") == nil)
        #expect(answer["primaryChoice"].string == "all")
        #expect(answer.ruleIds.contains("IMG-PRIMARY-ABDOMEN-CHEST"))
        #expect(!answer.ruleIds.contains("IMG-PRIMARY-EXTREMITY-HN"))
    }

    @Test(
        "IMG-LIVER: visceral and retroperitoneal lesions get liver imaging (required)",
        arguments: [Site.retroperitoneum, .visceral])
    func liverImaged(site: Site) throws {
        let answer = RuleAnswer(.imaging, for: .ruleCase(site, size: 9.0, grade: 1, visceralExtent: .organConfined))
        let liver = try #require(
            (answer.items("primary", where: "modality", is: "liver_imaging")
                + answer.items("metastaticWorkup", where: "modality", is: "liver_imaging")).first,
            "no liver_imaging in \(answer.json)")
        #expect(liver["required"].bool == true)
        #expect(answer.ruleIds.contains("IMG-LIVER"))
    }

    @Test("IMG-LIVER: not for extremity, trunk, head and neck", arguments: [Site.extremity, .trunk, .headAndNeck])
    func noLiverElsewhere(site: Site) {
        let answer = RuleAnswer(.imaging, for: .ruleCase(site, size: 9.0, grade: 3))
        #expect(!answer["metastaticWorkup"].items.isEmpty, "no metastatic work-up at all")
        #expect(answer.item("primary", where: "modality", is: "liver_imaging") == nil)
        #expect(answer.item("metastaticWorkup", where: "modality", is: "liver_imaging") == nil)
        #expect(!answer.ruleIds.contains("IMG-LIVER"))
    }

    // MARK: chest

    struct ChestRow: Sendable, CustomTestStringConvertible {
        let site: Site
        let size: Double
        let depth: Depth
        /// nil = GX (treated as high grade, with a warning).
        let grade: Int?
        /// "chest_radiograph" (IMG-CHEST-XR) or "chest_ct" (IMG-CHEST-CT).
        let modality: String

        init(_ site: Site, _ size: Double, _ depth: Depth, _ grade: Int?, _ modality: String) {
            self.site = site
            self.size = size
            self.depth = depth
            self.grade = grade
            self.modality = modality
        }

        var rule: String { modality == "chest_ct" ? "IMG-CHEST-CT" : "IMG-CHEST-XR" }
        var testDescription: String {
            "\(site.rawValue) \(size) cm \(depth.rawValue) \(grade.map { "G\($0)" } ?? "GX") -> \(modality)"
        }
    }

    static let chestRows: [ChestRow] = [
        // IMG-CHEST-XR: low-grade extremity (any size, any depth).
        ChestRow(.extremity, 3.0, .superficial, 1, "chest_radiograph"),
        ChestRow(.extremity, 3.0, .deep, 1, "chest_radiograph"),
        ChestRow(.extremity, 18.0, .deep, 1, "chest_radiograph"),
        // IMG-CHEST-XR: small (<= 5 cm) superficial high-grade extremity.
        ChestRow(.extremity, 3.0, .superficial, 2, "chest_radiograph"),
        ChestRow(.extremity, 5.0, .superficial, 3, "chest_radiograph"),
        ChestRow(.extremity, 4.0, .superficial, nil, "chest_radiograph"),
        // IMG-CHEST-CT: deep or large high-grade extremity.
        ChestRow(.extremity, 5.01, .superficial, 3, "chest_ct"),
        ChestRow(.extremity, 9.0, .superficial, 2, "chest_ct"),
        ChestRow(.extremity, 3.0, .deep, 2, "chest_ct"),
        ChestRow(.extremity, 3.0, .deep, 3, "chest_ct"),
        ChestRow(.extremity, 12.5, .deep, 3, "chest_ct"),
        ChestRow(.extremity, 3.0, .deep, nil, "chest_ct"),
        ChestRow(.extremity, 7.0, .superficial, nil, "chest_ct"),
        // IMG-CHEST-CT "All other sites" (section 7: all non-extremity sites), even small
        // superficial low grade. Trunk read literally as "another site" here.
        ChestRow(.trunk, 3.0, .superficial, 1, "chest_ct"),
        ChestRow(.trunk, 9.0, .deep, 3, "chest_ct"),
        ChestRow(.retroperitoneum, 3.0, .deep, 1, "chest_ct"),
        ChestRow(.headAndNeck, 2.0, .superficial, 1, "chest_ct"),
        ChestRow(.visceral, 3.0, .deep, 1, "chest_ct"),
    ]

    @Test("IMG-CHEST-XR / IMG-CHEST-CT: metastatic work-up of the chest", arguments: chestRows)
    func chestWorkup(row: ChestRow) throws {
        let answer = RuleAnswer(
            .imaging,
            for: .ruleCase(
                row.site, size: row.size, depth: row.depth, grade: row.grade,
                visceralExtent: row.site == .visceral ? .organConfined : nil))
        let chest = try #require(
            answer.item("metastaticWorkup", where: "modality", is: row.modality),
            "expected \(row.modality) in \(answer["metastaticWorkup"])")
        #expect(chest["required"].bool == true)
        let other = row.modality == "chest_ct" ? "chest_radiograph" : "chest_ct"
        #expect(
            answer.item("metastaticWorkup", where: "modality", is: other) == nil,
            "\(other) listed as well: \(answer["metastaticWorkup"])")
        #expect(answer.ruleIds.contains(row.rule))
    }

    @Test("IMG-CHEST-*: GX is treated as high grade and a warning says so")
    func unknownGradeWarns() {
        let gx = RuleAnswer(.imaging, for: .ruleCase(.extremity, size: 3.0, depth: .deep, grade: nil))
        let g3 = RuleAnswer(.imaging, for: .ruleCase(.extremity, size: 3.0, depth: .deep, grade: 3))
        #expect(gx.item("metastaticWorkup", where: "modality", is: "chest_ct") != nil)
        let added = gx.warnings(notIn: g3)
        #expect(rulesMention(added, anyOf: ["grade", "GX"]), "new warnings: \(added)")
    }

    /// Not spelled out by IMG-CHEST-XR/CT; follows the rules' own conservative principle
    /// ("unknown grade is treated as high grade for work-up decisions"): a high-grade
    /// extremity tumour is only "small superficial" when both facts are known.
    static let unknownRiskRows: [(Double?, Depth?, String)] = [
        (3.0, nil, "depth"),
        (nil, .superficial, "size"),
    ]

    @Test(
        "IMG-CHEST-CT: high-grade extremity tumour of unknown depth or size gets chest CT, with a warning",
        arguments: unknownRiskRows)
    func unknownDepthOrSize(row: (Double?, Depth?, String)) {
        let answer = RuleAnswer(.imaging, for: .ruleCase(.extremity, size: row.0, depth: row.1, grade: 3))
        #expect(answer.item("metastaticWorkup", where: "modality", is: "chest_ct")?["required"].bool == true)
        #expect(answer.item("metastaticWorkup", where: "modality", is: "chest_radiograph") == nil)
        #expect(rulesMention(answer.warningMessages, anyOf: [row.2]), "no warning about the unknown \(row.2)")
    }

    // MARK: PET

    static let petRows: [(Presentation, Int?, String)] = [
        (.recurrent, 3, "indicated"),
        (.recurrent, 2, "indicated"),
        (.recurrent, nil, "indicated"),  // GX treated as high grade
        (.recurrent, 1, "optional"),
        (.primary, 3, "optional"),
        (.primary, 2, "optional"),
        (.primary, 1, "optional"),
        (.primary, nil, "optional"),
    ]

    @Test(
        "IMG-PET-RECURRENT (recurrent high grade: indicated) vs IMG-PET-OPTIONAL",
        arguments: [Site.extremity, .retroperitoneum], petRows)
    func pet(site: Site, row: (Presentation, Int?, String)) {
        let answer = RuleAnswer(.imaging, for: .ruleCase(site, size: 8.0, grade: row.1, presentation: row.0))
        #expect(answer["pet"].string == row.2)
        let rule = row.2 == "indicated" ? "IMG-PET-RECURRENT" : "IMG-PET-OPTIONAL"
        #expect(answer.ruleIds.contains(rule))
        if row.2 == "optional" {
            let petItems =
                answer.items("primary", where: "modality", is: "pet_ct")
                + answer.items("metastaticWorkup", where: "modality", is: "pet_ct")
            #expect(petItems.allSatisfy { $0["required"].bool == false }, "optional PET listed as required")
        }
    }

    @Test("IMG-PET-RECURRENT: GX counted as high grade is announced")
    func recurrentGXWarns() {
        let gx = RuleAnswer(.imaging, for: .ruleCase(.extremity, size: 8.0, grade: nil, presentation: .recurrent))
        let g3 = RuleAnswer(.imaging, for: .ruleCase(.extremity, size: 8.0, grade: 3, presentation: .recurrent))
        #expect(rulesMention(gx.warnings(notIn: g3), anyOf: ["grade", "GX"]))
    }

    /// (baseline, post, rounded reduction %, favourable) worked out by hand:
    /// reduction = (baseline - post) / baseline x 100, rounded to one decimal, >= 40.0 favourable.
    static let petResponseRows: [(Double, Double, Double, Bool)] = [
        (10, 6, 40.0, true),  // 40.00000000000001 unrounded
        (10, 6.01, 39.9, false),
        (10, 5.96, 40.4, true),
        (10, 6.04, 39.6, false),
        (100, 60.04, 40.0, true),  // 39.96 rounds to 40.0 before the comparison
        (100, 60.06, 39.9, false),  // 39.94 rounds to 39.9
        (7, 4.2, 40.0, true),
        (3, 1.8, 40.0, true),
        (11, 5.5, 50.0, true),  // the contract example
        (8, 8, 0.0, false),
        (10, 12, -20.0, false),  // metabolic progression
        (12.4, 2.1, 83.1, true),  // 83.064...
    ]

    @Test("IMG-PET-RESPONSE: reduction rounded to one decimal, favourable >= 40.0", arguments: petResponseRows)
    func petResponse(row: (Double, Double, Double, Bool)) throws {
        let answer = RuleAnswer(.imaging, for: .ruleCase(pet: .init(suvMaxBaseline: row.0, suvMaxPostTherapy: row.1)))
        let percent = try #require(
            answer["petResponse.suvMaxReductionPercent"].number,
            "petResponse: \(answer["petResponse"])")
        #expect(abs(percent - row.2) < 1e-9, "\(percent) != \(row.2)")
        #expect(answer["petResponse.favorable"].bool == row.3)
        #expect(answer.ruleIds.contains("IMG-PET-RESPONSE"))
    }

    static let incompletePET: [SarcomaCase.PET?] = [
        nil,
        .init(suvMaxBaseline: 10, suvMaxPostTherapy: nil),
        .init(suvMaxBaseline: nil, suvMaxPostTherapy: 6),
        .init(suvMaxBaseline: nil, suvMaxPostTherapy: nil),
    ]

    @Test("IMG-PET-RESPONSE: null unless both SUVmax values are given", arguments: incompletePET)
    func petResponseNeedsBoth(pet: SarcomaCase.PET?) {
        let answer = RuleAnswer(.imaging, for: .ruleCase(pet: pet))
        #expect(answer["petResponse"].isNull, "\(answer["petResponse"])")
    }

    @Test("IMG-*: imaging recommendations carry no NCCN category", arguments: Site.allCases)
    func noCategories(site: Site) {
        let answer = RuleAnswer(
            .imaging,
            for: .ruleCase(
                site, size: 8.0, grade: 3, presentation: .recurrent,
                pet: .init(suvMaxBaseline: 9, suvMaxPostTherapy: 4)))
        #expect(!answer["primary"].items.isEmpty && !answer["metastaticWorkup"].items.isEmpty)
        expectWellFormedRecommendations(answer, therapy: false)
    }
}
