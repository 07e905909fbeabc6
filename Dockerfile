# text2sql: `text2sql serve` (A2A, agent card, health, chat). Multi-stage: uv builds the locked environment, the
# runtime image holds only that environment and the source, as a non-root user.
FROM python:3.11-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.9 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
# Dependencies first (cached while only the source changes), then the workspace itself.
COPY pyproject.toml uv.lock ./
COPY packages/core/pyproject.toml packages/core/pyproject.toml
COPY packages/pipeline/pyproject.toml packages/pipeline/pyproject.toml
COPY packages/agent/pyproject.toml packages/agent/pyproject.toml
RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev --no-install-workspace
COPY README.md ./
COPY src src
COPY packages packages
RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev --no-editable

FROM python:3.11-slim AS runtime
RUN useradd --create-home --uid 10001 text2sql && mkdir -p /data && chown text2sql /data
COPY --from=build --chown=text2sql /app/.venv /app/.venv
COPY --chown=text2sql deploy/oracle/templates.yaml /app/deploy/oracle/templates.yaml
# Every file text2sql writes (checkpoints, feedback, chat root, Milvus Lite) lives under TEXT2SQL_DATA_DIR.
ENV PATH=/app/.venv/bin:$PATH PYTHONUNBUFFERED=1 TEXT2SQL_DATA_DIR=/data \
    TEXT2SQL_SERVER__HOST=0.0.0.0 TEXT2SQL_SERVER__PORT=8000
USER text2sql
WORKDIR /data
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"
CMD ["text2sql", "serve"]
