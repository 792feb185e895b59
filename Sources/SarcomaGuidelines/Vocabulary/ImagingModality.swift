/// Imaging studies named by the API contract (`primary[]`, `metastaticWorkup[]`).
public enum ImagingModality: String, Sendable, VocabularyCode, CaseIterable {
    case mri, ct
    case spiralCT = "spiral_ct"
    case chestRadiograph = "chest_radiograph"
    case chestCT = "chest_ct"
    case liverImaging = "liver_imaging"
    case petCT = "pet_ct"
}
