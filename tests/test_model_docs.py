"""docs/model.md lists every variable and parameter, and its generated tables are current."""

from pathlib import Path

from sim.model.doctables import splice
from sim.model.parameters import specs
from sim.state import VARIABLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "model.md"


def test_model_doc_lists_every_variable_and_parameter():
    text = DOC.read_text(encoding="utf-8")
    for v in VARIABLES:
        assert f"`{v.name}`" in text, v.name
    for group in specs().values():
        for name in group:
            assert f"`{name}`" in text, name


def test_model_doc_generated_tables_are_current():
    """Regenerate with: python -m sim.model.doctables --write docs/model.md"""
    text = DOC.read_text(encoding="utf-8")
    assert splice(text) == text
