"""The guard's site policy: the extra functions a site allows and the size limits, from `TEXT2SQL_SECURITY__*`.

The guard's entry points (`validate_syntax`, `parse_read_only`, `render_checked`) keep their two-argument
signatures because the agent, the pipeline and the executor call them that way; they read the policy of the
process (`current_policy`), built once from the settings. Tests and embedders pass an explicit `GuardPolicy`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import ValidationError

from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import SecuritySettings

__all__ = [
    "DEFAULT_MAX_SQL_CHARS",
    "MAX_NESTING",
    "MAX_TOKENS",
    "GuardPolicy",
    "current_policy",
    "normalize_function_names",
]

DEFAULT_MAX_SQL_CHARS = 20_000
# Parse work is bounded by the number of tokens and the nesting depth, not only by characters: sqlglot's parser
# is pure Python and recursive. 6,000 tokens parse in about 0.2 s (a 20,000-character query has ~4,000), and 100
# levels of brackets stay far below Python's recursion limit. The bound holds even where the character cap is
# raised: a longer query may have longer names and literals, not more parse work.
MAX_TOKENS = 6_000
MAX_NESTING = 100


def normalize_function_names(names: Iterable[str]) -> frozenset[str]:
    """Upper-case, unquoted, dotted names: `"hr"."calc_bonus"` and `HR.CALC_BONUS` are the same entry."""
    cleaned = set()
    for name in names:
        parts = [p.strip().strip('"`[]').upper() for p in name.split(".")]
        if all(parts):
            cleaned.add(".".join(parts))
    return frozenset(cleaned)


@dataclass(frozen=True)
class GuardPolicy:
    allowed_functions: frozenset[str] = field(default_factory=frozenset)
    max_sql_chars: int = DEFAULT_MAX_SQL_CHARS
    max_tokens: int = MAX_TOKENS
    max_nesting: int = MAX_NESTING

    @classmethod
    def from_settings(cls, security: SecuritySettings) -> GuardPolicy:
        return cls(
            allowed_functions=normalize_function_names(security.allowed_functions),
            max_sql_chars=security.max_sql_chars,
        )

    def allows_function(self, name: str) -> bool:
        return name.upper() in self.allowed_functions


@lru_cache(maxsize=1)
def current_policy() -> GuardPolicy:
    """The process's policy, read once from the settings (`current_policy.cache_clear()` re-reads them)."""
    from text2sql_core.settings import get_settings  # the settings read .env: only when first needed

    try:
        security = get_settings().security
    except ValidationError as err:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()[:3])
        raise ConfigurationError(
            f"The guard could not read its settings ({problems}). Fix the TEXT2SQL_* variable named "
            "(docs/configuration.md). / 가드 설정을 읽을 수 없습니다. 해당 TEXT2SQL_* 변수를 고치세요.",
        ) from err
    return GuardPolicy.from_settings(security)
