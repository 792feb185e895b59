/// mCODE TumorSize (all STUs): Observation.code LOINC 21889-1 "Size Tumor", greatest
/// dimension in component LOINC 33728-7; other dimensions 33729-5 / 33730-3. A lone
/// Observation coded 33728-7 with a valueQuantity is read the same way.
enum TumorSizeCodes {
    static let panel = "21889-1"
    static let greatestDimension = "33728-7"
    static let observationCodes: Set<String> = [panel, greatestDimension]

    /// UCUM units accepted, and the factor to centimetres. Anything else is refused.
    static let centimetresPerUnit: [String: Double] = ["cm": 1, "mm": 0.1]
}
