import JSON

/// The pack's staging of a case as `StagingEvaluatorV2` answers it (rules §4: the AJCC group of
/// the kept v1 tables, STAGE-RECURRENCE's `classification` and `displayTnm`, STAGE-DFSP's null
/// group with its reason), for the outputs that take no pack parameter (delta §0.7: the FHIR
/// staging export and the CDS cards), under its `guidelineVersion`.
extension ContractTwoEngine {
    public func stagingSection(for sarcomaCase: SarcomaCase) throws(SystemicInputError) -> JSONValue {
        let section = StagingEvaluatorV2.evaluate(try facts(for: sarcomaCase))
        var members: [JSONMember] = [JSONMember("guidelineVersion", .string(pack.version))]
        members += section.json.objectValue?.members ?? []
        return .object(JSONObject(uniqueMembers: members))
    }
}
