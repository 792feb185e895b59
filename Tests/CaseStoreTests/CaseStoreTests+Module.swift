// Tests for CaseStore.
