/// REND-COMBINATION (rules §9) for the outputs outside this module that name agents (the CDS
/// cards), from the same pack data as the `/v2` text.
extension ContractTwoEngine {
    package func agentName(_ agent: TherapyAgent) -> String {
        AgentDisplay(sets: pack.systemic.sets).name(agent)
    }
}
