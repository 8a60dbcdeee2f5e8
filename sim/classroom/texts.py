"""A challenge's words in other languages: its ``[text.LANG]`` table.

``title``, ``questions.ID`` (prompt, choices in the English order, explain) and ``reflection.ID``
(the prompt), keyed by the ids the English questions carry. The embedded level brings its own
``[text.LANG]`` (sim/levels/texts.py). An unknown language, id or key is a ``ChallengeError``;
what is not translated is shown in English. ``challenge_id`` hashes the English choices only, so
a translation never orphans a hand-in. Must not import pygame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from sim.classroom.canonical import MAX_TEXT_CHARS
from sim.classroom.fields import Reader
from sim.levels.texts import LANGUAGES, QuestionText


@attrs.frozen
class ChallengeText:
    title: str | None = None
    questions: Mapping[str, QuestionText] = attrs.field(factory=dict)
    reflection: Mapping[str, str] = attrs.field(factory=dict)

    def to_table(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title} if self.title else {}
        if self.questions:
            out["questions"] = {k: {"prompt": q.prompt, "choices": list(q.choices), **({"explain": q.explain} if q.explain else {})}
                                for k, q in self.questions.items()}
        if self.reflection:
            out["reflection"] = dict(self.reflection)
        return out


def parse_texts(r: Reader, raw: Any, questions: Sequence[Any], reflection: Sequence[Any]) -> dict[str, ChallengeText]:
    out = {}
    for lang, table in r.table(raw, "text", tuple(LANGUAGES)).items():
        at = f"text.{lang}"
        t = r.table(table, at, ("title", "questions", "reflection"))
        by_id = {q.id: q for q in questions}
        qs = {}
        for qid, q in r.table(t.get("questions", {}), f"{at}.questions", tuple(by_id)).items():
            here = f"{at}.questions.{qid}"
            qt = r.table(q, here, ("prompt", "choices", "explain"), ("prompt", "choices"))
            choices = r.array(qt["choices"], f"{here}.choices", len(by_id[qid].choices))
            if len(choices) != len(by_id[qid].choices):
                raise r.fail(f"{here}.choices", f"{len(choices)} choices; allowed: {len(by_id[qid].choices)}, in the English order")
            qs[qid] = QuestionText(r.text(qt["prompt"], f"{here}.prompt", 1000, empty=False),
                                   tuple(r.text(c, f"{here}.choices[{j}]", 300, empty=False) for j, c in enumerate(choices)),
                                   r.text(qt["explain"], f"{here}.explain", MAX_TEXT_CHARS) if "explain" in qt else None)
        refl = {k: r.text(v, f"{at}.reflection.{k}", 1000, empty=False)
                for k, v in r.table(t.get("reflection", {}), f"{at}.reflection", tuple(p.id for p in reflection)).items()}
        title = r.text(t["title"], f"{at}.title", 200, empty=False, one_line=True) if "title" in t else None
        out[lang] = ChallengeText(title, qs, refl)
    return out
