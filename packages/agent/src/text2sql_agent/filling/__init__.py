"""Deterministic Phase 1 filling: values from the question."""
