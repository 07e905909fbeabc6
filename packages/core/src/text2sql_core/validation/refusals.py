"""Refusals: one `SQLValidationError` per refused query, with a stable `reason` and a plain English + Korean message.

The English part names the specific cause (the function, the table, the limit); the Korean part, one sentence per
reason, says what was refused and what to do. The reasons are machine codes callers and tests rely on: never
rename one, add new ones here.
"""

from __future__ import annotations

from text2sql_core.errors import SQLValidationError

__all__ = ["KOREAN", "refuse"]

KOREAN: dict[str, str] = {
    "empty": "SQL이 비어 있습니다. 조회문(SELECT) 하나를 보내세요.",
    "too_long": "SQL이 너무 깁니다. 더 짧은 쿼리를 보내거나 관리자가 TEXT2SQL_SECURITY__MAX_SQL_CHARS를 늘려야 합니다.",
    "too_complex": "SQL이 너무 복잡합니다(긴 IN 목록, OR 사슬, 깊은 괄호, 너무 큰 범위). 쿼리를 단순하게 바꾸세요.",
    "unparseable": "SQL을 해석할 수 없습니다. 해석되는 쿼리만 실행합니다.",
    "multiple_statements": "한 번에 한 문장만 실행할 수 있습니다. SELECT 하나만 보내세요.",
    "not_a_query": "읽기 전용 조회문(SELECT, WITH … SELECT, UNION …)만 실행할 수 있습니다.",
    "forbidden_statement": "쓰기·잠금·세션 변경 구문은 허용되지 않습니다. 읽기 전용 조회만 실행합니다.",
    "database_link": "데이터베이스 링크(이름@링크)는 허용되지 않습니다. 이 데이터베이스만 조회합니다.",
    "sequence": "시퀀스(NEXTVAL/CURRVAL)는 상태를 바꾸므로 허용되지 않습니다.",
    "denied_function": "허용 목록에 없는 함수입니다. 사이트의 안전한 함수라면 관리자가 "
    "TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS에 추가할 수 있습니다.",
    "denied_package": "위험한 패키지(DBMS_*, UTL_* 등)는 조회에서 사용할 수 없습니다.",
    "denied_table": "자격 증명이나 엔진 내부 정보를 담은 테이블은 조회할 수 없습니다.",
    "system_catalog": "시스템 카탈로그와 데이터 사전 뷰는 조회할 수 없습니다. 업무 테이블에 대해 질문하세요.",
    "executable_comment": "MySQL/MariaDB 실행 주석(/*! */, /*M! */)은 허용되지 않습니다. 주석을 지우세요.",
    "optimizer_hint": "시간 제한을 풀 수 있는 옵티마이저 힌트(/*+ */)는 허용되지 않습니다. 힌트를 지우세요.",
    "session_variable": "사용자/시스템 변수(@이름, @@이름)는 허용되지 않습니다. 바인드 변수(:이름)를 쓰세요.",
}


def refuse(message: str, sql: str, reason: str) -> SQLValidationError:
    """The error for a refused query: `message` (English, specific) followed by the reason's Korean sentence."""
    korean = KOREAN.get(reason)
    return SQLValidationError(f"{message} / {korean}" if korean else message, sql=sql, reason=reason)
