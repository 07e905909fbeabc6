"""What an indexing run did: read, indexed (new or changed), unchanged, merged duplicates, skipped, seconds — and,
when it was interrupted, what was stored before it stopped."""

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
    warnings: list[str] = field(default_factory=list)  # templates naming what the schema does not have
    interrupted: str | None = None  # the stage Ctrl-C stopped ("reading", "indexing"); None when it finished
    stored: int = 0  # templates written or found unchanged so far, counted as each batch is written

    @property
    def pending(self) -> int:
        """Templates processed but not stored (an interrupted run)."""
        return max(self.templates - self.stored, 0)

    def to_json(self) -> str:
        data = {
            "read": self.read,
            "indexed": self.indexed,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "skipped": len(self.skipped),
            "seconds": round(self.seconds, 3),
            "warnings": len(self.warnings),
        }
        if self.interrupted:
            data |= {"interrupted": self.interrupted, "stored": self.stored, "pending": self.pending}
        return json.dumps(data, ensure_ascii=False)

    def lines(self) -> list[str]:
        lines = [
            f"read {self.read}, indexed {self.indexed} (new or changed), unchanged {self.unchanged}, "
            f"merged duplicates {self.duplicates}, skipped {len(self.skipped)}, {self.seconds:.2f} s "
            f"({self.embed_seconds:.2f} s embedding)",
            f"읽음 {self.read}, 색인 {self.indexed}, 변경 없음 {self.unchanged}, "
            f"중복 병합 {self.duplicates}, 건너뜀 {len(self.skipped)}",
        ]
        if self.interrupted == "reading":
            lines += ["interrupted (Ctrl-C) while reading and processing: nothing was stored. "
                      "Run the same command again.",
                      "중단됨 (Ctrl-C): 읽는 중이었으며 저장된 것은 없습니다. 같은 명령을 다시 실행하세요."]
        elif self.interrupted:
            lines += [f"interrupted (Ctrl-C) while indexing: {self.stored} of {self.templates} "
                      f"templates are stored, {self.pending} are not (the batch being written when it stopped may "
                      "be stored too). Run the same command again: stored templates are skipped as unchanged.",
                      f"중단됨 (Ctrl-C): 템플릿 {self.templates}개 중 {self.stored}개 저장, "
                      f"{self.pending}개 미저장. 같은 명령을 다시 실행하면 저장된 것은 건너뜁니다."]
        return lines
