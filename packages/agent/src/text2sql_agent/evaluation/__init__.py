"""Evaluation: the Spider template-reuse protocol."""
