// Tests for SarcomaAPI.
