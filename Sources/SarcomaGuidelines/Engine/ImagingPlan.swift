import JSON
/// The imaging work-up for one case (rules IMG-*).
struct ImagingPlan: Sendable {
    var primary: [ImagingStudy]
    /// True when the primary studies are alternatives (`primaryChoice: "one_of"`).
    var primaryOneOf: Bool
    var metastaticWorkup: [ImagingStudy]
    var petIndicated: Bool
    var petResponse: PETResponse?
}

extension ImagingPlan: EvaluationBody {
    var jsonMembers: JSONMembers {
        [
            JSONMember("primary", .array(primary.map(\.json))),
            JSONMember("primaryChoice", .string(primaryOneOf ? "one_of" : "all")),
            JSONMember("metastaticWorkup", .array(metastaticWorkup.map(\.json))),
            JSONMember("pet", .string(petIndicated ? "indicated" : "optional")),
            JSONMember("petResponse", petResponse?.json ?? .null),
        ]
    }

    var reportLines: [ReportLine] {
        let primaryText = primary.map(\.shortText).joined(separator: primaryOneOf ? " or " : " and ")
        let workup = metastaticWorkup.filter { $0.spec.modality != .petCT }.map(\.shortText)
        var text = "primary: \(primaryText); " + workup.joined(separator: "; ")
        text += petIndicated ? "; PET indicated" : "; PET optional"
        let rules = (primary + metastaticWorkup).map(\.recommendation.ruleID)
        var lines = [ReportLine(label: "Imaging", text: text, rules: rules)]
        if let response = petResponse {
            lines.append(
                ReportLine(
                    label: "",
                    text: "PET response: SUVmax \(ThresholdScale<Int>.format(response.baseline)) -> "
                        + "\(ThresholdScale<Int>.format(response.post)), reduction \(response.reductionPercent) % ("
                        + (response.favorable ? "favourable" : "not favourable") + ", prognostic only)",
                    rules: [response.recommendation.ruleID]))
        }
        return lines
    }
}
