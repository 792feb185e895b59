// The CaseStore module; see README.md, Architecture.
