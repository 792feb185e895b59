// The SarcomaAPI module; see README.md, Architecture.
