import JSON

/// The text of `/v2/imaging`: the primary studies ("one of" or all), the metastatic work-up
/// in table order with required/preferred, PET and the PET response, each study citing the
/// rule that listed it.
struct ImagingText {
    let section: ImagingSectionV2

    static let names: [ImagingModalityV2: String] = [
        .mri: "MRI", .ct: "CT", .spiralCT: "spiral CT", .chestRadiograph: "chest radiograph", .chestCT: "chest CT",
        .liverImaging: "liver imaging", .petCT: "PET-CT", .wholeSpineMRI: "whole-spine MRI",
        .ctAbdomenPelvis: "CT of abdomen and pelvis", .brainMRI: "brain MRI",
        .regionalNodalImaging: "regional nodal imaging",
    ]

    var lines: [ContractTwoText.Line] {
        let choice = section.primaryOneOf ? "one of" : "all of"
        var lines: [ContractTwoText.Line] = [
            .init(
                label: "Imaging",
                text: "primary tumour, \(choice): " + section.primary.map(study).joined(separator: ", "),
                rules: section.primary.flatMap(\.recommendation.ruleIds))
        ]
        for (index, item) in section.metastaticWorkup.enumerated() {
            lines.append(
                .init(
                    label: index == 0 ? "Work-up" : "", text: study(item) + ": " + item.recommendation.rationale,
                    rules: item.recommendation.ruleIds))
        }
        lines.append(.init(label: "PET", text: section.petIndicated ? "indicated" : "optional", rules: []))
        if section.petResponse.objectValue != nil {
            let response = section.petResponse
            let reduction = response["suvMaxReductionPercent"]?.doubleValue
            let threshold = response["thresholdPercent"]?.doubleValue
            let favorable = response["favorable"]?.boolValue == true
            var text = "PET response: SUVmax reduction"
            if let reduction { text += " \(Self.figure(reduction)) %" }
            if let threshold { text += " (threshold \(Self.figure(threshold)) %)" }
            text += favorable ? ": favourable" : ": not favourable"
            lines.append(.init(label: "", text: text, rules: [response["ruleId"]?.stringValue].compactMap { $0 }))
        }
        return lines
    }

    /// "MRI (preferred)", "chest CT (required, preferred)".
    func study(_ item: ImagingStudyV2) -> String {
        let flags = [item.required ? "required" : nil, item.preferred ? "preferred" : nil].compactMap { $0 }
        let name = Self.names[item.modality] ?? item.modality.rawValue
        return flags.isEmpty ? name : "\(name) (\(flags.joined(separator: ", ")))"
    }

    static func figure(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
