"""Write ``game/locale/amid_plenty.pot``: every msgid the game passes to ``_``, ``N_`` or ``ngettext``.

Strings are found by reading the game's source with ``ast`` (no xgettext needed), plus the titles
and explanations of the engine's content catalog, which screens translate when they show them.
Run ``python -m game.tools.make_pot``; ``--check`` exits 1 when the template is out of date.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

GAME = Path(__file__).resolve().parent.parent
POT = GAME / "locale" / "amid_plenty.pot"
SIM = GAME.parent / "sim"
CONTENT = SIM / "data" / "content.toml"
FUNCS = {"_": 1, "N_": 1, "ngettext": 2}

HEADER = '''# Amid Plenty: the front end's message catalog template.
# Written by `python -m game.tools.make_pot`; do not edit by hand.
msgid ""
msgstr ""
"Project-Id-Version: amid-plenty\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
'''


def collect(content: bool = True) -> dict[tuple[str, str | None], list[str]]:
    found: dict[tuple[str, str | None], list[str]] = {}
    for path in sorted(GAME.rglob("*.py")):
        rel = path.relative_to(GAME.parent).as_posix()
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCS:
                n = FUNCS[node.func.id]
                args = node.args[:n]
                if len(args) == n and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    key = (args[0].value, args[1].value if n == 2 else None)
                    found.setdefault(key, []).append(f"{rel}:{node.lineno}")
    for path in sorted(SIM.rglob("*.py")):
        rel = path.relative_to(GAME.parent).as_posix()
        for msgid, line in _engine_ids(ast.parse(path.read_text("utf-8"))):
            found.setdefault((msgid, None), []).append(f"{rel}:{line}")
    if content and CONTENT.exists():
        raw = tomllib.loads(CONTENT.read_text("utf-8"))
        for table in ("meals", "stressors", "actions", "diets"):
            for slug, d in raw.get(table, {}).items():
                for field in ("title", "explain"):
                    if d.get(field):
                        found.setdefault((str(d[field]), None), []).append(f"sim/data/content.toml:{table}.{slug}.{field}")
    return found


def _strings(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _engine_ids(tree: ast.AST) -> list[tuple[str, int]]:
    """The engine's message templates: ``Message("...")`` first arguments, ``*_WORDS`` tables
    of ``(key, template)`` pairs (templates the engine wraps in ``Message`` later), and the words
    of each ``Quantity(...)`` (4th argument), which generated goal texts carry as values."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Message" and node.args:
            out += [(m, node.lineno) for m in _strings(node.args[0])]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Quantity" and len(node.args) >= 4:
            out += [(m, node.lineno) for m in _strings(node.args[3])]
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
              and node.targets[0].id.endswith("_WORDS") and isinstance(node.value, ast.Tuple)):
            for el in node.value.elts:
                if isinstance(el, ast.Tuple) and len(el.elts) == 2:
                    out += [(m, el.lineno) for m in _strings(el.elts[1])]
    return out


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def render() -> str:
    out = [HEADER]
    for (msgid, plural), refs in sorted(collect().items(), key=lambda kv: kv[1][0]):
        out.append("")
        out.append("#: " + " ".join(refs[:4]))
        if "{" in msgid:
            out.append("#, python-brace-format")
        out.append(f"msgid {_q(msgid)}")
        if plural is None:
            out.append('msgstr ""')
        else:
            out.append(f"msgid_plural {_q(plural)}")
            out.append('msgstr[0] ""')
            out.append('msgstr[1] ""')
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        # Every msgid in the game's code must be in the template (content titles change with the
        # engine's catalog and are refreshed whenever the template is rewritten).
        current = POT.read_text("utf-8") if POT.exists() else ""
        missing = [m for m, _p in collect(content=False) if f"msgid {_q(m)}" not in current]
        if missing:
            print(f"{POT} is out of date ({len(missing)} missing, e.g. {missing[0]!r}): "
                  "run python -m game.tools.make_pot", file=sys.stderr)
            return 1
        return 0
    POT.parent.mkdir(parents=True, exist_ok=True)
    POT.write_text(text, "utf-8")
    print(f"wrote {POT} ({text.count(chr(10) + 'msgid ') - 1} messages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
