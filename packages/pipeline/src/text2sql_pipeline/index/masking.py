"""A template's search text with its example values masked, the way `mask_question` masks a question.

The masking rules themselves are the language layer's (`text2sql_core.text.masking`); this module only knows
which of a template's values came from its example question."""

from __future__ import annotations

from text2sql_core.models import SQLTemplateInDB
from text2sql_core.text.masking import MASK, mask_question, mask_values

__all__ = ["MASK", "mask_question", "masked_search_text"]


def masked_search_text(template: SQLTemplateInDB) -> str:
    """The text to embed and to feed BM25: description and example questions, values masked the same way a
    question is."""
    values = [str(p.example).strip("%") for p in template.params if p.from_question and p.example is not None]
    return mask_question(mask_values(template.search_text(), values))
