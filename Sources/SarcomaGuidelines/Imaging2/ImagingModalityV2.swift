/// Imaging `modality` of contract v2 (delta §4.3): the v1 studies plus the histology add-ons.
public enum ImagingModalityV2: String, Sendable, VocabularyCode, CaseIterable {
    case mri, ct
    case spiralCT = "spiral_ct"
    case chestRadiograph = "chest_radiograph"
    case chestCT = "chest_ct"
    case liverImaging = "liver_imaging"
    case petCT = "pet_ct"
    case wholeSpineMRI = "whole_spine_mri"
    case ctAbdomenPelvis = "ct_abdomen_pelvis"
    case brainMRI = "brain_mri"
    case regionalNodalImaging = "regional_nodal_imaging"
}
