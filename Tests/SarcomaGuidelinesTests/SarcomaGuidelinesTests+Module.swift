// Tests for SarcomaGuidelines.
