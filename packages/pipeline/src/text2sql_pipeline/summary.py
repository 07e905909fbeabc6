"""What an indexing run did: read, indexed (new or changed), unchanged, merged duplicates, skipped, seconds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from text2sql_pipeline.ingest import SkippedRow

__all__ = ["IndexSummary"]


@dataclass
class IndexSummary:
    read: int = 0
    indexed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    seconds: float = 0.0
    embed_seconds: float = 0.0
    templates: int = 0

    def to_json(self) -> str:
        return json.dumps(
            {
                "read": self.read,
                "indexed": self.indexed,
                "unchanged": self.unchanged,
                "duplicates": self.duplicates,
                "skipped": len(self.skipped),
                "seconds": round(self.seconds, 3),
            },
            ensure_ascii=False,
        )

    def lines(self) -> list[str]:
        return [
            f"read {self.read}, indexed {self.indexed} (new or changed), unchanged {self.unchanged}, "
            f"merged duplicates {self.duplicates}, skipped {len(self.skipped)}, {self.seconds:.2f} s "
            f"({self.embed_seconds:.2f} s embedding)",
            f"읽음 {self.read}, 색인 {self.indexed}, 변경 없음 {self.unchanged}, "
            f"중복 병합 {self.duplicates}, 건너뜀 {len(self.skipped)}",
        ]
