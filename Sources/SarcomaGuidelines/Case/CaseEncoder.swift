import JSON
/// The normalized (canonical) JSON form of a case: what `POST /v1/validate` answers and
/// what the store keeps.
///
/// Members in the contract's order (externalId, patient, tumor, disease, pet; inside each
/// the order of `CaseFields`), absent values omitted rather than written as null, empty
/// objects and arrays omitted, numbers as numbers. `CaseDecoder` gives back an equal case
/// from this output, and the compact bytes are stable (ETags, audit records).
public struct CaseEncoder: Sendable {
    public init() {}

    public func json(_ sarcomaCase: SarcomaCase) -> JSONValue {
        var object = JSONObject()
        object["externalId"] = sarcomaCase.externalId.map(JSONValue.string)
        object["patient"] = sarcomaCase.patient.flatMap(patient)
        object["tumor"] = tumor(sarcomaCase.tumor)
        object["disease"] = sarcomaCase.disease.flatMap(disease)
        object["pet"] = sarcomaCase.pet.flatMap(pet)
        return .object(object)
    }

    /// The canonical bytes: compact unless `style` says otherwise.
    public func bytes(_ sarcomaCase: SarcomaCase, style: JSONWriter.Style = .compact) -> [UInt8] {
        JSONWriter(style: style).bytes(json(sarcomaCase))
    }

    private func patient(_ patient: SarcomaCase.Patient) -> JSONValue? {
        var object = JSONObject()
        object["ageYears"] = patient.ageYears.map(Self.number)
        object["sex"] = patient.sex.map(Self.code)
        object["ecog"] = patient.ecog.map(Self.number)
        object["ivTherapyEligible"] = patient.ivTherapyEligible.map(JSONValue.bool)
        object["anthracyclineCandidate"] = patient.anthracyclineCandidate.map(JSONValue.bool)
        return Self.nonEmpty(object)
    }

    private func tumor(_ tumor: SarcomaCase.Tumor) -> JSONValue {
        var object = JSONObject()
        object["site"] = Self.code(tumor.site)
        object["sizeCm"] = tumor.sizeCm.map(JSONValue.number)
        object["depth"] = tumor.depth.map(Self.code)
        object["histology"] = tumor.histology.map(Self.code)
        object["grade"] = tumor.grade.map(Self.number)
        object["fnclcc"] = tumor.fnclcc.flatMap(fnclcc)
        object["infiltrativeBorders"] = tumor.infiltrativeBorders.map(JSONValue.bool)
        object["nodes"] = tumor.nodes.map(Self.code)
        object["metastasis"] = tumor.metastasis.map(Self.code)
        object["ntrkFusion"] = tumor.ntrkFusion.map(JSONValue.bool)
        object["metastaticSites"] = tumor.metastaticSites.flatMap(Self.codes)
        object["headNeckInvasion"] = tumor.headNeckInvasion.flatMap(Self.codes)
        object["visceralExtent"] = tumor.visceralExtent.map(Self.code)
        object["multifocalSites"] = tumor.multifocalSites.map(Self.number)
        object["biomarkers"] = tumor.biomarkers.flatMap(biomarkers)
        return .object(object)
    }

    private func biomarkers(_ markers: SarcomaCase.Biomarkers) -> JSONValue? {
        var object = JSONObject()
        object["msiHigh"] = markers.msiHigh.map(JSONValue.bool)
        object["mmrDeficient"] = markers.mmrDeficient.map(JSONValue.bool)
        object["tmbMutPerMb"] = markers.tmbMutPerMb.map(JSONValue.number)
        object["brafV600e"] = markers.brafV600e.map(JSONValue.bool)
        object["retFusion"] = markers.retFusion.map(JSONValue.bool)
        object["alkPositive"] = markers.alkPositive.map(JSONValue.bool)
        object["ini1Loss"] = markers.ini1Loss.map(JSONValue.bool)
        object["hlaA02Eligible"] = markers.hlaA02Eligible.map(JSONValue.bool)
        object["hlaA0205Present"] = markers.hlaA0205Present.map(JSONValue.bool)
        object["mageA4Positive"] = markers.mageA4Positive.map(JSONValue.bool)
        return Self.nonEmpty(object)
    }

    private func fnclcc(_ fnclcc: SarcomaCase.FNCLCC) -> JSONValue? {
        var object = JSONObject()
        object["differentiation"] = fnclcc.differentiation.map(Self.number)
        object["mitosesPer10Hpf"] = fnclcc.mitosesPer10Hpf.map(Self.number)
        object["necrosisPercent"] = fnclcc.necrosisPercent.map(JSONValue.number)
        return Self.nonEmpty(object)
    }

    private func disease(_ disease: SarcomaCase.Disease) -> JSONValue? {
        var object = JSONObject()
        object["presentation"] = disease.presentation.map(Self.code)
        object["resectable"] = disease.resectable.map(JSONValue.bool)
        object["priorSystemicLines"] = disease.priorSystemicLines.map(Self.number)
        object["priorAnthracycline"] = disease.priorAnthracycline.map(JSONValue.bool)
        object["limbSparingPossible"] = disease.limbSparingPossible.map(JSONValue.bool)
        object["localDisease"] = disease.localDisease.map(Self.code)
        object["metastasesResectable"] = disease.metastasesResectable.map(JSONValue.bool)
        object["conversionNotFeasible"] = disease.conversionNotFeasible.map(JSONValue.bool)
        object["priorRadiotherapy"] = disease.priorRadiotherapy.map(JSONValue.bool)
        object["progressedOnAnthracycline"] = disease.progressedOnAnthracycline.map(JSONValue.bool)
        object["progressedOnAgents"] = disease.progressedOnAgents.flatMap(Self.codes)
        object["cumulativeDoxorubicinMgM2"] = disease.cumulativeDoxorubicinMgM2.map(JSONValue.number)
        object["monthsSinceLastAnthracycline"] = disease.monthsSinceLastAnthracycline.map(Self.number)
        object["priorCardiotoxicTherapy"] = disease.priorCardiotoxicTherapy.map(JSONValue.bool)
        object["priorResection"] = disease.priorResection.map(priorResection)
        return Self.nonEmpty(object)
    }

    private func priorResection(_ resection: PriorResection) -> JSONValue {
        var object = JSONObject()
        object["type"] = Self.code(resection.type)
        object["margin"] = resection.margin.map(Self.code)
        object["closestMarginCm"] = resection.closestMarginCm.map(JSONValue.number)
        object["fascialPlaneIntact"] = resection.fascialPlaneIntact.map(JSONValue.bool)
        return .object(object)
    }

    private func pet(_ pet: SarcomaCase.PET) -> JSONValue? {
        var object = JSONObject()
        object["suvMaxBaseline"] = pet.suvMaxBaseline.map(JSONValue.number)
        object["suvMaxPostTherapy"] = pet.suvMaxPostTherapy.map(JSONValue.number)
        return Self.nonEmpty(object)
    }

    private static func number(_ integer: Int) -> JSONValue { .number(Double(integer)) }

    private static func code<Code: RawRepresentable>(_ code: Code) -> JSONValue where Code.RawValue == String {
        .string(code.rawValue)
    }

    private static func codes<Code: RawRepresentable>(_ codes: [Code]) -> JSONValue? where Code.RawValue == String {
        codes.isEmpty ? nil : .array(codes.map { .string($0.rawValue) })
    }

    private static func nonEmpty(_ object: JSONObject) -> JSONValue? {
        object.isEmpty ? nil : .object(object)
    }
}
