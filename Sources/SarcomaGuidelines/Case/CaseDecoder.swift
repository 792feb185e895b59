import JSON
/// Turns a request body into a `SarcomaCase`, or says precisely why it cannot.
///
/// It checks structure, types, codes, ranges and the contract's explicit structural rules,
/// and nothing clinical: whether a stated grade agrees with the FNCLCC components, or a
/// field applies to the site, is the engine's to judge (it owns those thresholds).
///
/// Decisions (docs/decisions.md repeats them):
/// - **Errors.** Not JSON: `.malformedJSON` (400) with line, column and reason. JSON that
///   is not a valid case: `.invalid` (422) with every issue found (up to 100), in document order,
///   each with an RFC 6901 pointer into the request. A body that is not an object is one
///   issue at pointer `""`.
/// - **Unknown members are errors** at every level, each named by its pointer (`~`, `/`
///   in a stray key escaped as `~0`, `~1`). The detail suggests the likely field: the same
///   name in other case or separators (`sizecm`, `size_cm`), a field of another object
///   (`sizeCm` at the top level belongs in `tumor`), the one field starting with what was
///   typed (`age`), or the one name within two edits (`histolgy`). A tie gives no
///   suggestion (`N2` is as near `N0` as `N1`). Nothing is ever applied from a suggestion.
/// - **No coercion.** `"12"` is not a number, `1` is not `true`, `"3"` is not a grade.
///   Integers must be integral (`2.5` is refused; `2.0` is the same JSON number as `2`
///   and is accepted) and within ±(2^53 - 1).
/// - **`null` means "not given"** for every optional member, exactly like leaving it out
///   (friendly to EHR exports that write all fields). `tumor` or `tumor.site` null is
///   "required". Items of arrays may not be null.
/// - **Empty means not given.** An empty `patient`, `disease`, `pet` or `tumor.fnclcc`
///   object and an empty `metastaticSites` or `headNeckInvasion` array decode as nil, so
///   the normalized form omits them (an empty `metastaticSites` with M1 is allowed, and
///   with M0 it is not "sites given").
/// - **Codes** are exactly the contract's spelling, case-sensitive (`N0`, `head_and_neck`);
///   a near miss gets "did you mean"; short code lists are spelled out in the detail.
/// - **Ranges.** `sizeCm` > 0 and <= 100 (cm: the largest soft tissue sarcomas reported
///   are well below 100 cm, so more is a unit slip, e.g. millimetres); `grade` and
///   `fnclcc.differentiation` 1-3; `fnclcc.mitosesPer10Hpf` integer >= 0;
///   `fnclcc.necrosisPercent` 0-100 (a number; 100 allowed); `patient.ecog` 0-4;
///   `patient.ageYears` integer 0-130; `disease.priorSystemicLines` integer >= 0;
///   `tumor.multifocalSites` integer >= 1; `pet.suvMaxBaseline` and `suvMaxPostTherapy`
///   > 0. No upper bound on counts and SUVmax beyond the integer range: no clinical
///   threshold depends on one, so a bound would only refuse real cases.
/// - **`externalId`**: a string of 1-128 Unicode scalars (JSON Schema's `maxLength`
///   counting), no control characters (U+0000-U+001F, U+007F-U+009F), and no leading or
///   trailing whitespace (two cases differing only in a stray space must not look like
///   two patients).
/// - **Out of scope.** `histology` `gastrointestinal_stromal_tumor`, `kaposi_sarcoma`,
///   `desmoid_tumor` are 422 at `/tumor/histology` with "out of scope for this service:
///   refer to its own guideline"; common other spellings of them (`GIST`, `fibromatosis`)
///   and bone sarcoma names (`osteosarcoma`, `ewing_sarcoma`, ...) are refused with the
///   same explanation. Bone sarcoma has no code at all.
/// - **Metastatic sites.** Non-empty `metastaticSites` with `metastasis` `M0` or omitted
///   (omitted means M0) is 422 at `/tumor/metastasis`. A repeated item in
///   `metastaticSites` or `headNeckInvasion` is 422 at the repeated item.
/// - **Server-managed members.** `ignoringTopLevelKeys` (for PUT: `id`, `createdAt`,
///   `updatedAt`, `version`) are skipped at the top level only, whatever their value; the
///   caller checks them. A case field named there is still decoded.
/// - **Depth.** Nesting beyond `maxDepth` (default 32; a case needs 3) is malformed JSON,
///   as is a repeated member name in any object.
/// - **At most 100 issues** (`maxReportedIssues`) are listed, the first in document order,
///   then one issue at pointer `""` saying how many more were found: a body of thousands
///   of stray keys must not become a huge error response.
public struct CaseDecoder: Sendable {
    public let maxDepth: Int
    public let crossFieldRules: CrossFieldRules

    /// `maxDepth` is the JSON nesting limit (1...`JSONParser.depthCeiling`; a case itself
    /// needs 3 levels). `crossFieldRules` defaults to the case-write checks (delta §0.5).
    public init(maxDepth: Int = 32, crossFieldRules: CrossFieldRules = .contractTwo) {
        self.maxDepth = maxDepth
        self.crossFieldRules = crossFieldRules
    }

    public func decode(_ body: [UInt8], ignoringTopLevelKeys: Set<String> = []) -> Result<SarcomaCase, CaseInputError> {
        let value: JSONValue
        do {
            value = try JSONParser(maxDepth: maxDepth).parse(body)
        } catch {
            return .failure(.malformedJSON(error))
        }
        return decode(value, ignoringTopLevelKeys: ignoringTopLevelKeys)
    }

    public func decode(_ value: JSONValue, ignoringTopLevelKeys: Set<String> = []) -> Result<
        SarcomaCase, CaseInputError
    > {
        guard case .object(let object) = value else {
            return .failure(
                .invalid([
                    FieldIssue(
                        pointer: "",
                        detail: "the request body must be a JSON object (a case); got \(CaseSection.shown(value))")
                ]))
        }
        var log = CaseIssueLog()
        let top = CaseSection(object: object, pointer: .root, position: [], schema: CaseFields.top)
        let ignored = ignoringTopLevelKeys.subtracting(CaseFields.top.fields)
        top.reportUnknownMembers(ignoring: ignored, into: &log)

        let externalId = self.externalId(in: top, &log)
        let patient = top.section("patient", CaseFields.patient, &log).flatMap { self.patient(in: $0, &log) }
        let tumor = requiredTumor(in: top, &log)
        let diseaseSection = top.section("disease", CaseFields.disease, &log)
        let disease = diseaseSection.flatMap { self.disease(in: $0, &log) }
        let pet = top.section("pet", CaseFields.pet, &log).flatMap { self.pet(in: $0, &log) }
        if crossFieldRules == .contractTwo, let tumor, let disease, let diseaseSection,
            let tumorObject = top.member("tumor")?.value.objectValue, let tumorMember = top.member("tumor")
        {
            let tumorSection = CaseSection(
                object: tumorObject, pointer: tumorMember.pointer, position: tumorMember.position,
                schema: CaseFields.tumor)
            checkContractTwoConflicts(
                tumor: tumor, tumorSection: tumorSection, disease: disease, diseaseSection: diseaseSection, &log)
        }

        guard log.isEmpty, let tumor else {
            return .failure(.invalid(log.issues(limit: Self.maxReportedIssues)))
        }
        return .success(
            SarcomaCase(
                externalId: externalId, patient: patient, tumor: tumor,
                disease: disease, pet: pet))
    }

    /// At most this many issues are listed, then one more saying how many were left out.
    public static let maxReportedIssues = 100

    /// The longest `externalId` accepted, in Unicode scalars.
    public static let externalIdMaxLength = 128

    /// The largest `sizeCm` accepted (see the decisions above).
    public static let maxSizeCm = 100.0
}
