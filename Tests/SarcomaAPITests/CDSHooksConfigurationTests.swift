import Testing
@testable import SarcomaAPI

@Suite("CDS Hooks settings")
struct CDSHooksConfigurationTests {
    func load(_ environment: [String: String]) throws(ConfigurationError) -> ServiceConfiguration {
        try ConfigurationLoader(environment: environment).load(flags: [:], configFile: nil)
    }

    @Test func listsAreCommaSeparatedAndTrimmed() throws {
        let configuration = try load([
            "SARCOMA_GUIDE_CDS_ISSUERS": "https://ehr-a.example/, https://ehr-b.example/",
            "SARCOMA_GUIDE_CORS_ORIGINS": "https://sandbox.cds-hooks.org,http://localhost:3000",
            "SARCOMA_GUIDE_CDS_CLOCK_SKEW_SECONDS": "30",
        ])
        #expect(configuration.cdsIssuers == ["https://ehr-a.example/", "https://ehr-b.example/"])
        #expect(configuration.corsOrigins == ["https://sandbox.cds-hooks.org", "http://localhost:3000"])
        #expect(configuration.cdsClockSkewSeconds == 30)
        #expect(try load([:]).corsOrigins.isEmpty && load([:]).cdsClockSkewSeconds == 60)
    }

    @Test(arguments: [
        ("SARCOMA_GUIDE_CORS_ORIGINS", "https://sandbox.cds-hooks.org/"),
        ("SARCOMA_GUIDE_CORS_ORIGINS", "sandbox.cds-hooks.org"),
        ("SARCOMA_GUIDE_CORS_ORIGINS", "https://a.example,,https://b.example"),
        ("SARCOMA_GUIDE_CDS_ISSUERS", "https://a.example/ https://b.example/"),
        ("SARCOMA_GUIDE_CDS_CLOCK_SKEW_SECONDS", "601"),
        ("SARCOMA_GUIDE_CDS_JWKS_FILE", ""),
    ])
    func badValuesAreRefusedNamingTheKey(variable: String, value: String) {
        #expect(throws: ConfigurationError.self) { try load([variable: value]) }
    }
}
