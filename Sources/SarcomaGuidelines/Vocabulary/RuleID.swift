/// Every rule id of `docs/clinical/clinical-rules-2026.11-1.md` the engine knows how to apply.
///
/// The pack's catalogue must list exactly these ids (no more, no fewer): a table may only
/// cite a rule the machinery implements, and every rule the machinery can fire must have a
/// summary and a source a clinician can read.
public enum RuleID: String, Sendable, VocabularyCode, CaseIterable {
    case gradeFNCLCC = "GRADE-FNCLCC"

    case stageTE = "STAGE-TE"
    case stageRP = "STAGE-RP"
    case stageHN = "STAGE-HN"
    case stageVI = "STAGE-VI"

    case biopsyCore = "BIOPSY-CORE"
    case biopsyNoExcisional = "BIOPSY-NO-EXCISIONAL"
    case marginWide1cm = "MARGIN-WIDE-1CM"
    case marginInfiltrative2cm = "MARGIN-INFILTRATIVE-2CM"
    case marginALTMinimal = "MARGIN-ALT-MINIMAL"
    case marginAmputation = "MARGIN-AMPUTATION"
    case marginMDT = "MARGIN-MDT"

    case periopSurgery = "PERIOP-SURGERY"
    case periopPostopChemo = "PERIOP-POSTOP-CHEMO"
    case periopStage3PostopRT = "PERIOP-STAGE3-POSTOP-RT"
    case periopStage3Preop = "PERIOP-STAGE3-PREOP"
    case periopLargeHighGrade = "PERIOP-LARGE-HIGHGRADE"

    case imgPrimaryExtremityHN = "IMG-PRIMARY-EXTREMITY-HN"
    case imgPrimaryAbdomenChest = "IMG-PRIMARY-ABDOMEN-CHEST"
    case imgLiver = "IMG-LIVER"
    case imgChestXR = "IMG-CHEST-XR"
    case imgChestCT = "IMG-CHEST-CT"
    case imgPETRecurrent = "IMG-PET-RECURRENT"
    case imgPETOptional = "IMG-PET-OPTIONAL"
    case imgPETResponse = "IMG-PET-RESPONSE"

    case pallAnthracyclineFirst = "PALL-ANTHRACYCLINE-FIRST"
    case pallNTRK = "PALL-NTRK"
    case pallPazopanibFirst = "PALL-PAZOPANIB-FIRST"
    case pallPazopanibSubsequent = "PALL-PAZOPANIB-SUBSEQUENT"
    case pallPazopanibGem = "PALL-PAZOPANIB-GEM"
    case pallTrabectedin = "PALL-TRABECTEDIN"
    case pallEribulin = "PALL-ERIBULIN"
    case pallRegorafenib = "PALL-REGORAFENIB"
    case pallPD1 = "PALL-PD1"
    case pallCTLA4Trial = "PALL-CTLA4-TRIAL"
    case pallTrial = "PALL-TRIAL"
    case pallNotLocalized = "PALL-NOT-LOCALIZED"
}
