import JSON
import Testing
@testable import SarcomaGuidelines

/// The §2.2 class table of pack 2026.12-1, row by row as the rules text states it, and the
/// loader's refusals.
@Suite("Pack 2026.12-1 histology classes")
struct HistologyClassTableTests {
    typealias Row = (
        code: String, lipo: Bool, lType: Bool, infiltrative: Bool, policy: GradePolicy.Kind,
        verified: Bool?, nodal: Bool, scope: TreatmentScope
    )

    /// Clinical rules §2.2, transcribed from the rules text (not from the pack file).
    static let expected: [Row] = [
        ("leiomyosarcoma", false, true, false, .fnclcc, nil, false, .adultSTS),
        ("dedifferentiated_liposarcoma", true, true, false, .highByDefinition, true, false, .adultSTS),
        ("myxoid_liposarcoma", true, true, false, .fnclcc, nil, false, .adultSTS),
        ("pleomorphic_liposarcoma", true, true, false, .highByDefinition, true, false, .adultSTS),
        ("well_differentiated_liposarcoma", true, true, false, .lowByDefinition, true, false, .adultSTS),
        ("undifferentiated_pleomorphic_sarcoma", false, false, false, .highByDefinition, true, false, .adultSTS),
        ("myxofibrosarcoma", false, false, true, .fnclcc, nil, false, .adultSTS),
        ("synovial_sarcoma", false, false, false, .highByDefinition, true, true, .adultSTS),
        ("malignant_peripheral_nerve_sheath_tumor", false, false, false, .fnclcc, nil, false, .adultSTS),
        ("angiosarcoma", false, false, true, .highByDefinition, true, true, .adultSTS),
        ("dermatofibrosarcoma_protuberans", false, false, true, .notApplicable, true, false, .dfsp),
        ("epithelioid_sarcoma", false, false, false, .highByDefinition, true, true, .adultSTS),
        ("alveolar_soft_part_sarcoma", false, false, false, .highByDefinition, true, false, .adultSTS),
        ("clear_cell_sarcoma", false, false, false, .highByDefinition, true, true, .adultSTS),
        ("solitary_fibrous_tumor", false, false, false, .notApplicable, true, false, .adultSTS),
        ("extraskeletal_myxoid_chondrosarcoma", false, false, false, .fnclcc, nil, false, .adultSTS),
        ("rhabdomyosarcoma", false, false, false, .notApplicable, true, true, .pediatricProtocol),
        ("pleomorphic_rhabdomyosarcoma", false, false, false, .highByDefinition, true, true, .adultSTS),
        ("fibrosarcoma", false, false, false, .fnclcc, nil, false, .adultSTS),
        ("infantile_fibrosarcoma", false, false, false, .notApplicable, false, false, .pediatricProtocol),
        ("pecoma", false, false, false, .notApplicable, false, false, .adultSTS),
        ("inflammatory_myofibroblastic_tumor", false, false, false, .notApplicable, false, false, .adultSTS),
        ("other_sarcoma", false, false, false, .fnclcc, nil, false, .adultSTS),
    ]

    @Test("Every code of §2.2 has its row, in the rules' order, and no other code is in scope")
    func codesInOrder() {
        #expect(Pack2026Fixture.classes.codes == Self.expected.map(\.code))
    }

    @Test("Each row's classes, grade policy, nodal risk and scope match §2.2", arguments: expected.map(\.code))
    func row(code: String) throws {
        let want = try #require(Self.expected.first { $0.code == code })
        let row = try #require(Pack2026Fixture.classes.row(code: code))
        #expect(row.lipogenic == (want.lipo ? .member : .notMember))
        #expect(row.lType == (want.lType ? .member : .notMember))
        #expect((row.infiltrativeRuleId == "MARGIN-INFILTRATIVE-2CM") == want.infiltrative)
        #expect(row.gradePolicy.kind == want.policy)
        #expect(row.gradePolicy.verified == want.verified)
        #expect(row.nodalRisk == want.nodal)
        #expect(row.scope == want.scope)
    }

    @Test("Only a verified H or L row changes a planning grade; the three NA (U) rows change nothing")
    func planningGradeChangers() {
        let changers = Pack2026Fixture.classes.rows.filter(\.gradePolicy.changesPlanningGrade).compactMap(\.code)
        let expected = Self.expected.filter {
            ($0.policy == .highByDefinition || $0.policy == .lowByDefinition) && $0.verified == true
        }
        #expect(changers == expected.map(\.code))
    }

    @Test(
        "Imaging add-ons: whole-spine MRI for myxoid LPS, brain MRI required for ASPS and optional for angiosarcoma, DFSP chest CT"
    )
    func imagingAddOns() {
        let classes = Pack2026Fixture.classes
        #expect(classes.row(code: "myxoid_liposarcoma")?.imagingAddOns == [.init(ruleId: "IMG-MLS", required: true)])
        #expect(
            classes.row(code: "alveolar_soft_part_sarcoma")?.imagingAddOns == [
                .init(ruleId: "IMG-BRAIN", required: true)
            ])
        #expect(classes.row(code: "angiosarcoma")?.imagingAddOns == [.init(ruleId: "IMG-BRAIN", required: false)])
        #expect(classes.row(code: "dermatofibrosarcoma_protuberans")?.imagingAddOns.map(\.ruleId) == ["IMG-DFSP"])
        #expect(classes.row(code: "leiomyosarcoma")?.imagingAddOns == [])
    }

    @Test("Histology not given: liposarcoma and L-type unknown, FNCLCC, adult scope")
    func notGiven() {
        let row = Pack2026Fixture.classes.row(for: nil)
        #expect(row?.code == nil)
        #expect(row?.lipogenic == .unknown)
        #expect(row?.lType == .unknown)
        #expect(row?.gradePolicy.kind == .fnclcc)
        #expect(row?.scope == .adultSTS)
        #expect(Pack2026Fixture.classes.row(for: "uterine_sarcoma") == nil)
    }

    @Test("rhabdomyosarcoma carries the changed-meaning warning from age 18 and with age not given")
    func rhabdomyosarcomaMeaning() throws {
        let meaning = try #require(Pack2026Fixture.classes.row(code: "rhabdomyosarcoma")?.codeMeaning)
        #expect(meaning.warning == "histology_code_meaning_changed")
        #expect(meaning.fromAgeYears == 18)
        #expect(meaning.whenAgeNotGiven)
        #expect(meaning.text.contains("pleomorphic_rhabdomyosarcoma"))
    }

    @Test("SCOPE-OUT: the v1 three plus uterine_sarcoma (SCOPE-UTERINE) with its detail")
    func outOfScope() {
        let out = Pack2026Fixture.classes.outOfScope
        #expect(
            out.map(\.code) == ["gastrointestinal_stromal_tumor", "kaposi_sarcoma", "desmoid_tumor", "uterine_sarcoma"])
        #expect(out.last?.ruleId == "SCOPE-UTERINE")
        #expect(out.last?.detail?.contains("CAP protocol") == true)
    }

    @Test(
        "Refusals name the file, the row and the reason",
        arguments: [
            ("histologies[0].code", JSONValue.string("synovial_sarcoma"), "repeats histology"),
            ("histologies[1].lType", .bool(false), "L-type includes every liposarcoma"),
            ("histologies[1].gradePolicy.basis", .array([.string("ONC-CRIZ")]), "marks unverified"),
            ("histologies[1].gradePolicy.basis", .array([]), "needs its source"),
            ("histologies[1].gradePolicy.basis", .array([.string("NOT-A-SOURCE")]), "not in the source register"),
            ("histologies[0].gradePolicy.verified", .bool(true), "takes no basis"),
            ("histologies[0].scope", .string("dfsp"), "dfsp scope belongs"),
            ("histologies[0].systemicRules", .array([.string("PERIOP-NODAL")]), "not a PALL- rule id"),
            ("histologyNotGiven.histologySpecificRows", .bool(true), "must be false"),
            ("outOfScope[0].code", .string("leiomyosarcoma"), "also an in-scope histology"),
        ] as [(String, JSONValue, String)])
    func refusal(path: String, value: JSONValue, reason: String) {
        let error = Pack2026Fixture.classesRefusal { $0.engineUpdate(EnginePath.steps(path)) { $0 = value } }
        #expect(error?.file == HistologyClassTable.fileName)
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("A table missing a code the case vocabulary accepts is refused")
    func missingVocabularyCode() {
        let error = Pack2026Fixture.classesRefusal { root in
            root.engineUpdate(EnginePath.steps("histologies")) { value in
                if case .array(var items) = value {
                    items.remove(at: 0)
                    value = .array(items)
                }
            }
        }
        #expect(error?.reason.contains("lack \"leiomyosarcoma\"") == true, "\(String(describing: error))")
    }
}
