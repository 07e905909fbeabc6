"""One module per graph node."""

from text2sql_agent.nodes.answer import make_answer_node
from text2sql_agent.nodes.execute import make_execute_node
from text2sql_agent.nodes.no_answer import make_no_answer_node
from text2sql_agent.nodes.phase1 import make_phase1_node
from text2sql_agent.nodes.phase2_generate import make_phase2_generate_node
from text2sql_agent.nodes.phase2_schema import make_phase2_schema_node
from text2sql_agent.nodes.phase2_validate import make_phase2_validate_node
from text2sql_agent.nodes.question import make_question_node
from text2sql_agent.nodes.repair_exhausted import repair_exhausted_node
from text2sql_agent.nodes.retrieve import make_retrieve_node

__all__ = [
    "make_answer_node",
    "make_execute_node",
    "make_no_answer_node",
    "make_phase1_node",
    "make_phase2_generate_node",
    "make_phase2_schema_node",
    "make_phase2_validate_node",
    "make_question_node",
    "make_retrieve_node",
    "repair_exhausted_node",
]
