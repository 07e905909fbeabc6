"""Phase 1: rerank retrieved templates, fill one from the question, and score it."""
