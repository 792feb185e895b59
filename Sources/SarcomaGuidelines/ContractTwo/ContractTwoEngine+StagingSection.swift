import JSON

/// The pack's staging of a case as `StagingEvaluatorV2` answers it (rules §4: the AJCC group of
/// the kept v1 tables, STAGE-RECURRENCE's `classification` and `displayTnm`, STAGE-DFSP's null
/// group with its reason), for the outputs that take no pack parameter (delta §0.7: the FHIR
/// staging export and the CDS cards), under its `guidelineVersion`.
extension ContractTwoEngine {
    public func stagingSection(for sarcomaCase: SarcomaCase) throws(SystemicInputError) -> JSONValue {
        let facts = try ContractTwoFacts(sarcomaCase, pack: pack, grading: kept.pack.grading)
        let inputs = CaseInputsV2(sarcomaCase, biomarkers: facts.systemicCase(on: .advanced).biomarkers)
        let v2 = try CaseFactsV2(sarcomaCase, inputs: inputs, pack: pack, ajcc: kept.pack)
        let section = StagingEvaluatorV2.evaluate(v2)
        var members: [JSONMember] = [JSONMember("guidelineVersion", .string(pack.version))]
        members += section.json.objectValue?.members ?? []
        return .object(JSONObject(uniqueMembers: members))
    }
}
