"""Expressions compiled on first use, never at import, and all of them ahead for a snapshot."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType

from skill.domain import asides
from skill.domain.patterns import compiled, prepare

ROOT = Path(__file__).resolve().parents[2]
# Never imported by the Lambda: the console, the web service, deploying, export and import.
_ELSEWHERE = ("console", "web", "deploy", "portable")


def _compiles_at_import(path: Path) -> list[int]:
    """The lines where ``path`` calls ``re.compile`` outside any function."""
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and ast.unparse(inner.func) == "re.compile":
                found.append(inner.lineno)
    return found


def test_no_module_the_lambda_may_import_compiles_an_expression_at_import() -> None:
    wrong = {
        str(path.relative_to(ROOT)): lines
        for path in sorted((ROOT / "skill").rglob("*.py"))
        if path.relative_to(ROOT / "skill").parts[0] not in _ELSEWHERE
        and (lines := _compiles_at_import(path))
    }
    assert wrong == {}


def test_prepare_compiles_every_expression_a_module_passes_to_compiled() -> None:
    compiled.cache_clear()
    assert prepare([asides]) >= 12
    # Each of them is compiled now: using them compiles nothing more.
    before = compiled.cache_info().currsize
    assert asides.asks_again("sorry what")
    assert asides.points_only("the mum one")
    assert asides.asks_the_skill("read them out")
    assert asides.asks_what_it_is("what is this")
    assert not asides.tagged("i did the dishes")
    assert asides.said_to_others("i did the washing ben stop hitting your sister")[1] == "request"
    assert compiled.cache_info().currsize == before


def test_prepare_finds_methods_nested_and_cached_functions() -> None:
    module = ModuleType("made_up")
    source = """
from functools import cache
from skill.domain.patterns import compiled
_A = r"a+"
_B = r"b+"
_C = r"c+"
_NOT_PASSED = r"d+"
class Reader:
    def read(self, text):
        return compiled(_A).match(text)
@cache
def cached(text):
    def inner():
        return compiled(_B).match(text)
    return inner()
def plain(text):
    return [compiled(_C).match(word) for word in text.split()]
"""
    exec(compile(source, "made_up", "exec"), vars(module))  # noqa: S102 - a test's own code
    compiled.cache_clear()
    assert prepare([module]) == 3
    assert compiled.cache_info().currsize == 3
    assert compiled(r"d+") is not None  # the others only on first use
    assert compiled.cache_info().currsize == 4
