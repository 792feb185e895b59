import SarcomaGuidelines

/// What a morphology (histologic type) code says about the tumour, for this STS-only service.
enum TumorMorphology: Sendable, Equatable {
    /// A soft tissue sarcoma with the contract's histology code.
    case histology(Histology)
    /// A soft tissue sarcoma whose subtype the contract needs but the code does not give
    /// (liposarcoma NOS: the subtype decides margins and whether pazopanib is withheld).
    /// The case is accepted without `histology`; the engine treats it as unknown.
    case sarcomaSubtypeUnknown(String)
    /// Named out of scope by the contract or the clinical rules (GIST, Kaposi sarcoma,
    /// desmoid tumour, bone sarcomas). `contractCode` is the contract's code when it has
    /// one, so the case decoder gives its own 422 at `/tumor/histology`.
    case outOfScope(name: String, contractCode: String?)
}

/// The morphology codes the mapper knows. A code not listed is not taken for a sarcoma:
/// the import is refused with the code named, never guessed from a display text.
///
/// ICD-O-3 morphology/behaviour codes (WHO ICD-O-3 and its 3.1/3.2 updates, as the WHO
/// Classification of Soft Tissue Tumours cites them); SNOMED CT morphologic abnormality
/// codes only where a published FHIR artefact lists the concept with that meaning (see
/// the source next to each). docs/fhir.md repeats this list (MorphologyDocsTests checks it).
enum MorphologyCodes {
    static let icdO3: [String: TumorMorphology] = [
        "8890/3": .histology(.leiomyosarcoma),  // Leiomyosarcoma, NOS
        "8891/3": .histology(.leiomyosarcoma),  // Epithelioid leiomyosarcoma
        "8896/3": .histology(.leiomyosarcoma),  // Myxoid leiomyosarcoma
        "8858/3": .histology(.dedifferentiatedLiposarcoma),  // Dedifferentiated liposarcoma
        "8852/3": .histology(.myxoidLiposarcoma),  // Myxoid liposarcoma
        "8853/3": .histology(.myxoidLiposarcoma),  // Round cell liposarcoma (WHO: high-grade myxoid liposarcoma)
        "8854/3": .histology(.pleomorphicLiposarcoma),  // Pleomorphic liposarcoma
        "8851/3": .histology(.wellDifferentiatedLiposarcoma),  // Liposarcoma, well differentiated
        "8850/1": .histology(.wellDifferentiatedLiposarcoma),  // Atypical lipomatous tumour (ICD-O-3.1)
        "8850/3": .sarcomaSubtypeUnknown("liposarcoma, NOS (ICD-O-3 8850/3)"),
        "8855/3": .sarcomaSubtypeUnknown("mixed liposarcoma (ICD-O-3 8855/3)"),
        "8802/3": .histology(.undifferentiatedPleomorphicSarcoma),  // Undifferentiated pleomorphic sarcoma (ICD-O-3.2 term)
        "8830/3": .histology(.undifferentiatedPleomorphicSarcoma),  // Malignant fibrous histiocytoma (former name of UPS)
        "8811/3": .histology(.myxofibrosarcoma),  // Myxofibrosarcoma (ICD-O-3.1; formerly fibromyxosarcoma)
        "9040/3": .histology(.synovialSarcoma),  // Synovial sarcoma, NOS
        "9041/3": .histology(.synovialSarcoma),  // Synovial sarcoma, spindle cell
        "9042/3": .histology(.synovialSarcoma),  // Synovial sarcoma, epithelioid cell
        "9043/3": .histology(.synovialSarcoma),  // Synovial sarcoma, biphasic
        "9540/3": .histology(.malignantPeripheralNerveSheathTumor),  // Malignant peripheral nerve sheath tumour
        "9561/3": .histology(.malignantPeripheralNerveSheathTumor),  // MPNST with rhabdomyoblastic differentiation
        "9120/3": .histology(.angiosarcoma),  // Hemangiosarcoma (angiosarcoma)
        "8832/3": .histology(.dermatofibrosarcomaProtuberans),  // Dermatofibrosarcoma, NOS
        "8832/1": .histology(.dermatofibrosarcomaProtuberans),  // Dermatofibrosarcoma protuberans (ICD-O-3.2 behaviour /1)
        "8833/3": .histology(.dermatofibrosarcomaProtuberans),  // Pigmented dermatofibrosarcoma protuberans
        "8804/3": .histology(.epithelioidSarcoma),  // Epithelioid sarcoma
        "9581/3": .histology(.alveolarSoftPartSarcoma),  // Alveolar soft part sarcoma
        "9044/3": .histology(.clearCellSarcoma),  // Clear cell sarcoma (of soft parts)
        "8815/1": .histology(.solitaryFibrousTumor),  // Solitary fibrous tumour, NOS (ICD-O-3.2)
        "8815/3": .histology(.solitaryFibrousTumor),  // Solitary fibrous tumour, malignant
        "9231/3": .histology(.extraskeletalMyxoidChondrosarcoma),  // Myxoid chondrosarcoma
        "8900/3": .histology(.rhabdomyosarcoma),  // Rhabdomyosarcoma, NOS
        "8901/3": .histology(.pleomorphicRhabdomyosarcoma),  // Pleomorphic rhabdomyosarcoma (adult type; delta §9)
        "8902/3": .histology(.rhabdomyosarcoma),  // Mixed type rhabdomyosarcoma
        "8910/3": .histology(.rhabdomyosarcoma),  // Embryonal rhabdomyosarcoma
        "8912/3": .histology(.rhabdomyosarcoma),  // Spindle cell rhabdomyosarcoma
        "8920/3": .histology(.rhabdomyosarcoma),  // Alveolar rhabdomyosarcoma
        "8810/3": .histology(.fibrosarcoma),  // Fibrosarcoma, NOS
        "8800/3": .sarcomaSubtypeUnknown("sarcoma, NOS (ICD-O-3 8800/3)"),
        "8801/3": .sarcomaSubtypeUnknown("spindle cell sarcoma, NOS (ICD-O-3 8801/3)"),
        "8936/3": .outOfScope(
            name: "gastrointestinal stromal tumour (GIST)", contractCode: "gastrointestinal_stromal_tumor"),
        "8936/1": .outOfScope(
            name: "gastrointestinal stromal tumour (GIST)", contractCode: "gastrointestinal_stromal_tumor"),
        "9140/3": .outOfScope(name: "Kaposi sarcoma", contractCode: "kaposi_sarcoma"),
        "8821/1": .outOfScope(name: "desmoid tumour (aggressive fibromatosis)", contractCode: "desmoid_tumor"),
        "9180/3": .outOfScope(name: "osteosarcoma (a bone sarcoma)", contractCode: nil),
        "9220/3": .outOfScope(name: "chondrosarcoma (a bone sarcoma)", contractCode: nil),
        "9260/3": .outOfScope(
            name: "Ewing sarcoma (bone and soft tissue Ewing sarcoma have their own guideline)", contractCode: nil),
        "9370/3": .outOfScope(name: "chordoma (a bone tumour)", contractCode: nil),
    ]

    /// Codes imported as `rhabdomyosarcoma` (now the pediatric-type subtypes) that may be the
    /// adult pleomorphic type: the import warns `histology_subtype_needed` (contract delta §9).
    static let subtypeNeeded: Set<String> = ["8900/3", "8902/3"]

    static let snomed: [String: TumorMorphology] = [
        // "Leiomyosarcoma (morphologic abnormality)" and "Liposarcoma (morphologic abnormality)"
        // as listed in a published SNOMED CT morphology value set (FSH, $sct#1163022006 and
        // $sct#1162815008).
        "1163022006": .histology(.leiomyosarcoma),
        "1162815008": .sarcomaSubtypeUnknown("liposarcoma (SNOMED CT 1162815008, no subtype)"),
    ]

    static func meaning(of coding: FHIRCoding) -> TumorMorphology? {
        guard let code = coding.code else { return nil }
        switch coding.system {
        case FHIRSystem.icdO3: return icdO3[code]
        case FHIRSystem.snomed: return snomed[code]
        default: return nil
        }
    }
}
