"""Phase 1: pick a template and fill it — by the LLM when configured, else deterministically — then validate and
gate on the calibrated confidence. Every bind parameter must be bound, or Phase 1 does not answer."""

from __future__ import annotations

import logging
from typing import Any

from langchain_core.messages import HumanMessage, SystemMessage

from text2sql_agent.contracts import Phase1Decision
from text2sql_agent.filling.binder import FillResult, fill_template
from text2sql_agent.filling.constraints import Leftover, account_constraints
from text2sql_agent.filling.values import ValueEvidence
from text2sql_agent.nodes.common import StepTimer, call_llm
from text2sql_agent.phase1.decide import Phase1Candidate, choose_deterministically, features_for
from text2sql_agent.phase1.rerank import Ranked
from text2sql_agent.resources import AgentResources
from text2sql_agent.state import AgentState
from text2sql_core.errors import SQLValidationError, Text2SQLError
from text2sql_core.jsonout import extract_json_object
from text2sql_core.sqltext import inline_params

__all__ = ["make_phase1_node"]

log = logging.getLogger(__name__)

_SYSTEM = (
    "You map a question to one of the given SQL templates and fill its bind parameters with values taken from the "
    "question. Answer with one JSON object only: {\"template_id\": \"…\", \"params\": {\"name\": value}} — or "
    "{\"template_id\": null} when no template answers the question exactly. Never invent values."
)


def _llm_choice(resources: AgentResources, question: str, ranked: list[Ranked]) -> tuple[str | None, dict]:
    listing = "\n\n".join(
        f"id: {r.template.id}\ndescription: {r.template.description}\nexample question: "
        f"{r.template.example_question}\nSQL: {r.template.normalized_text}\nparams: "
        + ", ".join(f"{p.name} (e.g. {p.example!r})" for p in r.template.params)
        for r in ranked[:5]
    )
    reply = call_llm(resources.llm, [SystemMessage(_SYSTEM), HumanMessage(f"Question: {question}\n\n{listing}")],
                     "choosing a template (Phase 1)")
    data = extract_json_object(reply) or {}
    params = data.get("params") if isinstance(data.get("params"), dict) else {}
    return data.get("template_id"), params


def _with_llm(resources: AgentResources, question: str, base: Phase1Candidate,
              evidence: ValueEvidence | None, vocabulary: Any | None) -> Phase1Candidate | None:
    chosen_id, params = _llm_choice(resources, question, base.ranked)
    chosen = next((r for r in base.ranked if r.template.id == chosen_id), None)
    if chosen is None:
        return None
    order = [chosen, *[r for r in base.ranked if r is not chosen]]
    values = {p.name: params[p.name] for p in chosen.template.params if p.name in params}
    fill = FillResult(values=values, methods={k: "llm" for k in values},
                      missing=[p.name for p in chosen.template.params if p.name not in values])
    features = features_for(order, fill, base.features.cosine if chosen is base.ranked[0] else None)
    agrees = base.fill.complete and chosen is base.ranked[0] and values == base.values
    # The model's values count as surely read as ours when they agree; otherwise a little less.
    features.fill_quality = (base.fill.quality if agrees else 0.9) if fill.complete else 0.0
    confidence = resources.calibration.probability(features) if fill.complete else 0.0
    # The model's choice is held to the same account: what the question states, the template must say.
    ours = fill_template(chosen.template, question, None, evidence)
    leftovers = account_constraints(question, chosen.template, ours, evidence, vocabulary)
    return Phase1Candidate(chosen.template, values, fill, features, confidence, order, leftovers)


def make_phase1_node(resources: AgentResources) -> Any:
    threshold = resources.settings.phase1_confidence_threshold

    def phase1_node(state: AgentState) -> dict[str, Any]:
        timer = StepTimer("phase1")
        question = state["standalone_question"]
        candidates = list(state.get("candidates") or [])
        if not candidates:
            timer.status, timer.detail = "skipped", {"reason": "no template retrieved"}
            return {"phase1": None, "steps": [timer.record()]}
        evidence, vocabulary = _evidence(resources, question, state["datasource"])
        best = choose_deterministically(question, candidates, resources.calibration, embeddings=resources.embeddings,
                                        evidence=evidence, vocabulary=vocabulary)
        assert best is not None  # candidates is not empty
        if resources.llm is not None:
            best = _with_llm(resources, question, best, evidence, vocabulary) or best
        decision = _decide(resources, state["datasource"], best, threshold)
        timer.detail = decision.model_dump(mode="json", exclude={"ranked"})
        if not decision.accepted:
            timer.status = "skipped"
        update: dict[str, Any] = {"phase1": decision, "steps": [timer.record()]}
        if decision.accepted:
            update |= {"phase": "phase1", "sql": decision.sql, "params": decision.values,
                       "template_id": decision.template_id, "confidence": decision.confidence}
        return update

    return phase1_node


def _evidence(resources: AgentResources, question: str, datasource: str) -> tuple[ValueEvidence | None, Any]:
    index = resources.value_index()
    evidence = None
    if index is not None:
        try:
            evidence = ValueEvidence.lookup(index, question, datasource)
        except Exception as err:  # a failing value index weakens the evidence; it does not fail the question
            log.warning("value index lookup failed for %s: %s", datasource, err)
    return evidence, resources.vocabulary(datasource)


def leftover_reason(leftovers: list[Leftover]) -> str:
    return "the question states what this template cannot express: " + ", ".join(
        f"{item.kind} '{item.text}'" for item in leftovers)


def _decide(resources: AgentResources, datasource: str, best: Phase1Candidate, threshold: float) -> Phase1Decision:
    template = best.template
    decision = Phase1Decision(
        template_id=template.id, description=template.description, confidence=round(best.confidence, 4),
        values=best.values, missing=best.fill.missing, methods=best.fill.methods, leftovers=best.leftovers,
        ranked=[r.template.normalized_text for r in best.ranked[:5]], features=best.features,
    )
    if not best.complete:
        decision.reason = f"the question does not give a value for: {', '.join(best.fill.missing)}"
        return decision
    if best.leftovers:
        decision.reason = leftover_reason(best.leftovers)
        return decision
    try:
        validator = resources.validator(datasource)
        sql = validator.validate_syntax(template.normalized_text)
        ok, _, why = validator.validate_semantic(sql, use_llm=False)
    except SQLValidationError as err:
        ok, why, sql = False, err.message, template.normalized_text
    except Text2SQLError as err:  # schema unavailable: the guard alone is not enough to answer; say so
        log.warning("phase 1 could not check %s against the schema: %s %s", template.id, err.code, err.message)
        ok, why, sql = False, f"schema check unavailable ({err.code})", template.normalized_text
    decision.sql = sql
    decision.sql_inlined = inline_params(sql, best.values, template.dialect)
    if not ok:
        decision.reason = f"validation failed: {why}"
    elif best.confidence < threshold:
        decision.reason = f"confidence {best.confidence:.2f} is below the threshold {threshold:.2f}"
    else:
        decision.accepted = True
    return decision
