"""What a database looks like: tables, columns, keys and their descriptions."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["ColumnSchema", "ForeignKey", "TableHit", "TableSchema"]


class ColumnSchema(BaseModel):
    name: str
    data_type: str = ""
    nullable: bool = True
    description: str = ""
    is_primary_key: bool = False
    synonyms: list[str] = Field(default_factory=list)


class ForeignKey(BaseModel):
    columns: list[str]
    referred_table: str
    referred_columns: list[str]
    referred_schema: str | None = None


class TableSchema(BaseModel):
    name: str
    schema_name: str | None = None
    description: str = ""
    columns: list[ColumnSchema] = Field(default_factory=list)
    primary_key: list[str] = Field(default_factory=list)
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    synonyms: list[str] = Field(default_factory=list)

    def column(self, name: str) -> ColumnSchema | None:
        wanted = name.lower()
        return next((c for c in self.columns if c.name.lower() == wanted), None)

    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def related_table_names(self) -> list[str]:
        return [fk.referred_table for fk in self.foreign_keys]

    def to_document(self) -> str:
        """A compact text rendering for prompts and the schema collection."""
        head = f"TABLE {self.name}" + (f" -- {self.description}" if self.description else "")
        lines = [head]
        for col in self.columns:
            flags = " PK" if col.is_primary_key else ""
            note = f" -- {col.description}" if col.description else ""
            syn = f" (also: {', '.join(col.synonyms)})" if col.synonyms else ""
            lines.append(f"  {col.name} {col.data_type}{flags}{note}{syn}")
        for fk in self.foreign_keys:
            lines.append(f"  FK ({', '.join(fk.columns)}) -> {fk.referred_table}({', '.join(fk.referred_columns)})")
        return "\n".join(lines)


class TableHit(BaseModel):
    """A table found by a table search, with its score (higher is better)."""

    table: TableSchema
    score: float
