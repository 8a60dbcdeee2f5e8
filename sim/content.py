"""The content catalog: meals, stressors, actions and diets read from ``sim/data/content.toml``.

Levels refer to these by slug; a level may add its own entries. Must not import pygame.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import attrs

from sim.model.inputs import INPUT_NAMES


@attrs.frozen
class MealKind:
    slug: str
    title: str
    carb_g: float = 0.0
    fat_g: float = 0.0
    protein_g: float = 0.0
    fibre_g: float = 0.0
    liquid: bool = False

    @property
    def kcal(self) -> float:
        return 4.0 * self.carb_g + 9.0 * self.fat_g + 4.0 * self.protein_g


@attrs.frozen
class EffectKind:
    """A stressor or an action: drives on the model's inputs for a while, maybe with a meal."""

    slug: str
    title: str
    inputs: tuple[tuple[str, float], ...] = ()
    duration_min: float = 60.0
    explain: str = ""
    meal: str | None = None


@attrs.frozen
class Catalog:
    meals: Mapping[str, MealKind]
    stressors: Mapping[str, EffectKind]
    actions: Mapping[str, EffectKind]
    diets: Mapping[str, tuple[tuple[str, float], ...]]

    def merged(self, extra: Mapping[str, Any]) -> Catalog:
        """This catalog with a level's own entries added (same table layout as content.toml)."""
        return _build(extra, base=self)

    def with_words(self, words: Mapping[str, Mapping[str, Mapping[str, str]]]) -> Catalog:
        """This catalog with some entries' ``title``/``explain`` replaced, ``words[table][slug]``
        (a level's translation): what the entries do is unchanged."""
        def table(name: str, entries: Mapping[str, Any]) -> dict[str, Any]:
            new = words.get(name, {})
            return {slug: attrs.evolve(e, **{k: v for k, v in new[slug].items() if hasattr(e, k)}) if slug in new else e
                    for slug, e in entries.items()}

        return attrs.evolve(self, meals=table("meals", self.meals), stressors=table("stressors", self.stressors),
                            actions=table("actions", self.actions))


def _effect(slug: str, d: Mapping[str, Any]) -> EffectKind:
    inputs = tuple(sorted((str(k), float(v)) for k, v in d.get("inputs", {}).items()))
    bad = [k for k, _ in inputs if k not in INPUT_NAMES]
    if bad:
        raise ValueError(f"{slug}: unknown inputs {bad}; allowed: {', '.join(INPUT_NAMES)}")
    return EffectKind(slug, str(d.get("title", slug)), inputs, float(d.get("duration_min", 60.0)),
                      str(d.get("explain", "")), d.get("meal"))


def _build(raw: Mapping[str, Any], base: Catalog | None = None) -> Catalog:
    meals = dict(base.meals) if base else {}
    stressors = dict(base.stressors) if base else {}
    actions = dict(base.actions) if base else {}
    diets = dict(base.diets) if base else {}
    for slug, d in raw.get("meals", {}).items():
        meals[slug] = MealKind(slug, str(d.get("title", slug)), float(d.get("carb_g", 0)), float(d.get("fat_g", 0)),
                               float(d.get("protein_g", 0)), float(d.get("fibre_g", 0)), bool(d.get("liquid", False)))
    for slug, d in raw.get("stressors", {}).items():
        stressors[slug] = _effect(slug, d)
    for slug, d in raw.get("actions", {}).items():
        actions[slug] = _effect(slug, d)
    for slug, d in raw.get("diets", {}).items():
        diets[slug] = tuple((str(m), float(t)) for m, t in d["meals"])
    return Catalog(meals, stressors, actions, diets)


@cache
def default_catalog() -> Catalog:
    raw = tomllib.loads(resources.files("sim").joinpath("data/content.toml").read_text("utf-8"))
    return _build(raw)
