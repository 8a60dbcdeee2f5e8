"""The play screen: the cell in the centre, gauges, goals, the event queue, the chart and actions.

A turn: the player picks action cards (hotkeys or clicks; the engine's budget and availability
decide what can be picked), then ends the turn (Space / Enter on the button). The session steps the
engine; the cell animates from the last snapshot to the new one; sounds mark meals, stressors and
warnings. When the level is over the results scene replaces this one.
"""

from __future__ import annotations

import pygame

from game import campaign
from game.campaign import ActionCard, View
from game.cell import CellView
from game.celltips import cell_tip
from game.chart import TimeChart, goal_thresholds, point_from_report, point_from_snapshot
from game.gauges import Gauges, values
from game.i18n import _, tr
from game.scenes import make
from game.scenes.base import Scene
from game.sidebar import Sidebar, day_and_clock
from game.theme import mix
from game.ui import Button, blit_text, panel
from game.words import catalog_title
from sim.errors import UserError
from sim.explain import CAUSE_OF
from sim.levels.actions import RESERVED_HOTKEYS
from sim.snapshot import HYPERGLYCAEMIA_MMOL_L, STARVING_ENERGY_FRAC

TOP_H = 48
CELL_RECT = pygame.Rect(286, 58, 592, 462)
GAUGE_RECT = pygame.Rect(12, 58, 262, 462)
SIDE_RECT = pygame.Rect(890, 58, 378, 462)
CHART_RECT = pygame.Rect(12, 530, 520, 180)
CARDS_RECT = pygame.Rect(544, 530, 580, 180)
END_RECT = pygame.Rect(1136, 530, 132, 180)


class CardButton(Button):
    def __init__(self, rect, scene: PlayScene, card: ActionCard) -> None:
        self.scene, self.card = scene, card
        super().__init__(rect, card.title, lambda: scene.toggle(card.slug),
                         enabled=lambda: scene.can_pick(card.slug) or card.slug in scene.selected,
                         tooltip=lambda: scene.card_tip(card))

    def draw(self, surface, app, focused: bool) -> None:
        pal = app.pal
        chosen = self.card.slug in self.scene.selected
        ok = self.enabled
        fill = mix(pal["panel"], pal["accent"], 0.28) if chosen else (pal["panel_hi"] if focused else pal["panel"])
        if not ok:
            fill = mix(pal["panel"], pal["bg"], 0.5)
        border = pal["accent"] if (focused or chosen) else pal["border"]
        panel(surface, self.rect, fill, border, radius=10, width=3 if chosen else (2 if focused else 1))
        x, y = self.rect.x + 10, self.rect.y + 10
        if self.card.hotkey:
            badge = pygame.Rect(x, y, 26, 26)
            panel(surface, badge, pal["bg2"], pal["border"], radius=6)
            blit_text(surface, app, self.card.hotkey.upper(), badge.center, 15, pal["text"], "bold", anchor="center", cap=1.2)
        if chosen:
            blit_text(surface, app, _("chosen"), (self.rect.right - 10, self.rect.bottom - 10), 11, pal["accent"],
                      "semibold", anchor="bottomright", cap=1.2)
        col = pal["text"] if ok else pal["text_faint"]
        compact = self.rect.h < 120
        if compact:  # two rows of cards: the title beside the key badge
            title = app.labels.block(_(self.card.title), 13, col, self.rect.w - 48, "semibold", cap=1.15, spacing=1.15)
            surface.blit(title, (x + 34, y + 2), pygame.Rect(0, 0, title.get_width(), self.rect.h - 36))
        else:
            title = app.labels.block(_(self.card.title), 15, col, self.rect.w - 20, "semibold", cap=1.25)
            surface.blit(title, (x, y + 36), pygame.Rect(0, 0, title.get_width(), self.rect.h - 90))
        foot = _("cost {cost:g}").format(cost=self.card.cost)
        if not self.card.available:
            foot = _("not now")
        elif self.card.uses_left is not None:
            foot += " · " + _("{n} left").format(n=self.card.uses_left)
        blit_text(surface, app, foot, (x, self.rect.bottom - 8), 12, pal["text_dim"], anchor="bottomleft", cap=1.15,
                  max_width=self.rect.w - (70 if chosen else 20))


class PlayScene(Scene):
    def __init__(self, app, levels: list[campaign.LevelInfo], index: int, seed: int = 0,
                 session: campaign.Session | None = None, flow=None) -> None:
        super().__init__(app)
        self.levels, self.index, self.seed = levels, index, seed
        self.flow = flow  # a classroom challenge (game.classroom.ChallengeFlow) being played, or None
        self.info = levels[index]
        self.session = session or campaign.start(self.info, seed)
        self.catalog = getattr(self.info.source, "catalog", None)
        self.selected: list[str] = []
        self.cell = CellView(CELL_RECT, seed=seed)
        self.gauges = Gauges(GAUGE_RECT)
        self.sidebar = Sidebar(SIDE_RECT)
        self.chart = TimeChart(CHART_RECT, self.info.turns)
        self.chart.set_thresholds(goal_thresholds(getattr(self.info.source, "goals", ())))
        self.view: View = self.session.view()
        self.points = [point_from_snapshot(self.view.snapshot)]
        self.chart.set_points(self.points)
        self.cell.set_state(self._values(self.view), uptake=0.0, instant=True)
        self.banner: list[tuple[str, str]] = []  # (text, colour role)
        self.banner_left = 0.0
        self.finish_in: float | None = None
        self.last_turn: tuple[float, float, list[tuple[float, str, str]]] | None = None

    @staticmethod
    def _values(view: View) -> dict[str, float]:
        return {k: float(a[0]) for k, a in view.snapshot.values.items()}

    # --- choosing actions ---------------------------------------------------------------------
    def _card(self, slug: str) -> ActionCard | None:
        return next((c for c in self.view.actions if c.slug == slug), None)

    def spent(self) -> float:
        return sum(c.cost for s in self.selected if (c := self._card(s)))

    def can_pick(self, slug: str) -> bool:
        c = self._card(slug)
        if c is None or not c.available or slug in self.selected or self.finish_in is not None:
            return False
        b = self.view.budget_left
        return b is None or self.spent() + c.cost <= b + 1e-9

    def toggle(self, slug: str) -> None:
        if slug in self.selected:
            self.selected.remove(slug)
            self.app.sound.play("click")
        elif self.can_pick(slug):
            self.selected.append(slug)
            self.app.sound.play("click")
        else:
            self.app.sound.play("warning")

    def card_tip(self, c: ActionCard) -> str:
        text = _(c.explain) if c.explain else _(c.title)
        if not c.available:
            text += "\n" + (tr(c.why_not) if c.why_not else _("Not available this turn."))
        elif not self.can_pick(c.slug) and c.slug not in self.selected:
            text += "\n" + _("Not enough budget left.")
        return text

    # --- turns ----------------------------------------------------------------------------------
    def end_turn(self) -> None:
        if self.finish_in is not None:
            return
        try:
            report = self.session.step(list(self.selected))
        except UserError as e:
            self.app.toast(str(e))
            return
        self.selected.clear()
        self.view = self.session.view()
        self.points.append(point_from_report(report))
        self.chart.set_points(self.points)
        uptake = float(report.stats["mean_cell_uptake_mg_kg_min"][0])
        self.cell.set_state(self._values(self.view), uptake)
        self._announce(report)
        self.last_turn = (report.start_min, report.end_min, self._happened(report))
        self.layout()
        if self.session.done:
            self.finish_in = 1.6 if not self.app.settings.reduced_motion else 0.4

    def _happened(self, report) -> list[tuple[float, str, str]]:
        """The turn's meals (with their carbohydrate) and stressors, at the times the engine ran them."""
        rows = []
        for ev in report.events:
            if ev.kind == "meal":
                rows.append((ev.time_min, "meal", _("{meal} · {carb:.0f} g carbohydrate").format(
                    meal=catalog_title(ev.label, self.catalog), carb=float(ev.get("carb_g", 0.0)))))
            elif ev.kind == "effect_start" and ev.get("source") == "stressor":
                rows.append((ev.time_min, "stressor", _("{stressor} began").format(
                    stressor=catalog_title(ev.label, self.catalog))))
        return rows[:3]

    def _announce(self, report) -> None:
        lines: list[tuple[str, str]] = []
        cues: set[str] = set()
        for ev in report.events:
            if ev.kind == "meal":
                lines.append((catalog_title(ev.label, self.catalog), "glucose"))
                cues.add("meal")
            elif ev.kind == "effect_start" and ev.get("source") == "stressor":
                lines.append((catalog_title(ev.label, self.catalog), "inflammation"))
                cues.add("stressor")
            elif ev.kind == "level" and ev.label:
                lines.append((_(ev.label), "accent"))
        if report.indicator("starving_amid_plenty"):
            lines.append((_("Starving amid plenty: sugar piles up outside, the cell runs short inside"), "danger"))
            cues.add("warning")
        elif report.indicator("starving"):
            lines.append((_("The cell is starving"), "danger"))
            cues.add("warning")
        elif report.indicator("hyperglycaemia"):
            lines.append((_("Blood sugar is very high"), "warn"))
            cues.add("warning")
        elif report.indicator("hypoglycaemia"):
            lines.append((_("Blood sugar is low"), "warn"))
            cues.add("warning")
        for c in ("warning", "stressor", "meal"):
            if c in cues:
                self.app.sound.play(c)
                break
        # The engine's biggest cause of the turn (its own account, sim/explain.py), always shown.
        why = [(tr(c), "text") for c in report.causes if getattr(c, "id", None) in CAUSE_OF][:1]
        self.banner = lines[:3 - len(why)] + why
        self.banner_left = 3.5 if lines else 0.0

    def restart(self) -> None:
        """Play the level again from its start (a challenge: the same seed, a fresh run)."""
        if self.flow is not None:
            session = self.flow.new_session()
            self.app.replace(make("play", self.app, levels=self.levels, index=0, seed=self.seed, session=session,
                                  flow=self.flow))
        else:
            self.app.replace(make("play", self.app, levels=self.levels, index=self.index, seed=self.seed))

    def finish(self) -> None:
        if self.flow is not None:  # a challenge: on to the reflection prompts, then the submission
            self.app.sound.play("win" if self.session.outcome().won else "lose")
            self.app.replace(make("challenge_reflect", self.app, flow=self.flow, index=0))
            return
        outcome = self.session.outcome()
        if outcome.scored:
            self.app.record_result(self.info.slug, outcome.won, outcome.stars, outcome.score)
        self.app.sound.play("win" if outcome.won else "lose")
        self.app.replace(make("results", self.app, levels=self.levels, index=self.index, session=self.session,
                              outcome=outcome, points=self.points))

    # --- scene ------------------------------------------------------------------------------------
    def layout(self) -> None:
        cards = list(self.view.actions)
        gap = 8
        rows = 1 if len(cards) <= 5 else 2
        cols = max(1, -(-len(cards) // rows))
        w = min(132, (CARDS_RECT.w - gap * (cols - 1)) // cols)
        h = (CARDS_RECT.h - gap * (rows - 1)) // rows
        items: list[Button] = [CardButton((CARDS_RECT.x + (i % cols) * (w + gap), CARDS_RECT.y + (i // cols) * (h + gap),
                                           w, h), self, c) for i, c in enumerate(cards)]
        items.append(Button(END_RECT, lambda: _("End turn"), self.end_turn, primary=True,
                            enabled=lambda: self.finish_in is None,
                            tooltip=lambda: _("Run the next {m:.0f} minutes with the chosen actions (Space).")
                            .format(m=self.info.turn_min)))
        self.widgets.grid_cols = cols
        self.widgets.set(items)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            ch = (event.unicode or "").casefold()
            # The engine's level loader keeps these letters free of action hotkeys.
            scene = {pygame.K_ESCAPE: "pause", pygame.K_F1: "help"}.get(event.key) or RESERVED_HOTKEYS.get(ch)
            if scene:
                self.app.push(make(scene, self.app))
                return
            if event.key == pygame.K_SPACE:
                self.end_turn()
                return
            for c in self.view.actions:
                if c.hotkey and ch == c.hotkey.casefold():
                    self.toggle(c.slug)
                    return
        super().handle(event)

    def on_focus_lost(self) -> None:
        self.app.push(make("pause", self.app))

    def update(self, dt: float) -> None:
        self.cell.update(dt, self.app.settings.reduced_motion)
        if self.banner_left > 0:
            self.banner_left -= dt
        if self.finish_in is not None:
            self.finish_in -= dt
            if self.finish_in <= 0:
                self.finish()

    def tip_at(self, pos) -> str | None:
        t = self.widgets.tip_at(pos) or self.gauges.tip_at(pos) or self.sidebar.tip_at(pos)
        if t:
            return t
        if self.chart.rect.collidepoint(pos):
            return _("Blood glucose (band: lowest to highest in each turn) against the cell's energy. Faint dashed "
                     "lines: very high blood sugar ({high:.1f} mmol/L) and a starving cell ({low:.0f}% energy); "
                     "bold dashes: this level's goals. Shaded turns crossed both: plenty of sugar outside while "
                     "the cell starves inside.").format(high=HYPERGLYCAEMIA_MMOL_L, low=100 * STARVING_ENERGY_FRAC)
        region = self.cell.region_at(pos)
        if region:
            return cell_tip(region, self.cell.v, self.cell.uptake)
        for r, text in self.tips:
            if r.collidepoint(pos):
                return text
        return None

    def draw(self, surface: pygame.Surface) -> None:
        a, pal = self.app, self.app.pal
        surface.fill(pal["bg"])
        self._top_bar(surface)
        shown = values(self.cell.v)
        shown["beta_cell_mass_rel"] = self.view.snapshot.scalar("beta_cell_mass_rel")
        if self.session.reports:
            shown["secretion_uu_ml_min"] = float(self.session.reports[-1].stats["mean_secretion_uu_ml_min"][0])
        self.gauges.draw(surface, a, shown)
        self.cell.draw(surface, pal)
        self._banner(surface)
        self.sidebar.draw(surface, a, self.view, self.info.turn_min, self.last_turn)
        self.chart.draw(surface, a)
        self.widgets.draw(surface, a)
        self._card_hint(surface)
        blit_text(surface, a, _("Turn {n} of {total}").format(n=min(self.view.turn + 1, self.view.turns_total),
                                                              total=self.view.turns_total),
                  (END_RECT.centerx, END_RECT.y + 24), 13, pal["text_dim"], "semibold", anchor="center", cap=1.2,
                  max_width=END_RECT.w - 12)
        blit_text(surface, a, _("Space"), (END_RECT.centerx, END_RECT.bottom - 24), 13, pal["text_dim"],
                  anchor="center", cap=1.2)

    def _card_hint(self, surface) -> None:
        """In the space the cards leave free: what is chosen, and how a turn works."""
        cards = [b for b in self.widgets.items if isinstance(b, CardButton)]
        right = max((b.rect.right for b in cards), default=CARDS_RECT.x - 12)
        free = pygame.Rect(right + 14, CARDS_RECT.y + 6, CARDS_RECT.right - right - 20, CARDS_RECT.h - 12)
        if free.w < 150:
            return
        a, pal = self.app, self.app.pal
        if self.selected:
            names = ", ".join(_(c.title) for s in self.selected if (c := self._card(s)))
            text = _("This turn: {names}.").format(names=names)
        else:
            text = _("No action chosen: the cell just lives through the next {m:.0f} minutes.").format(m=self.info.turn_min)
        text += "\n\n" + _("Press a card's key or click it to choose; press Space to end the turn.")
        img = a.labels.block(text, 14, pal["text_dim"], free.w, cap=1.25)
        surface.blit(img, free.topleft, pygame.Rect(0, 0, free.w, free.h))

    def _top_bar(self, surface) -> None:
        a, pal = self.app, self.app.pal
        pygame.draw.rect(surface, pal["bg2"], pygame.Rect(0, 0, surface.get_width(), TOP_H))
        pygame.draw.line(surface, pal["border"], (0, TOP_H), (surface.get_width(), TOP_H))
        r = blit_text(surface, a, self.info.title, (16, TOP_H // 2), 19, pal["text"], "bold", anchor="midleft",
                      cap=1.2, max_width=520)
        self.tips = [(r, _("The level you are playing. Esc pauses; H opens help and the glossary."))]
        x = 560
        r = blit_text(surface, a, day_and_clock(self.view.snapshot.time_min), (x, TOP_H // 2), 16, pal["text"],
                      "semibold", anchor="midleft", cap=1.2)
        self.tips.append((r, _("Time in the simulation. Each turn runs {m:.0f} minutes.").format(m=self.info.turn_min)))
        if self.view.budget_left is not None:
            left = self.view.budget_left - self.spent()
            r = blit_text(surface, a, _("Budget: {left:g} left").format(left=left), (r.right + 36, TOP_H // 2), 16,
                          pal["warn"] if left <= 0 else pal["text"], "semibold", anchor="midleft", cap=1.2)
            self.tips.append((r, _("What you can still spend on actions in this level. Chosen cards are already counted.")))
        blit_text(surface, a, _("H help · Esc pause"), (surface.get_width() - 16, TOP_H // 2), 13, pal["text_dim"],
                  anchor="midright", cap=1.2)

    def _banner(self, surface) -> None:
        if self.banner_left <= 0 or not self.banner:
            return
        a, pal = self.app, self.app.pal
        y = CELL_RECT.y + 10
        for text, role in self.banner:
            # a line too long for the cell's width wraps (large text, long Spanish causes), never cut
            img = a.labels.get(text, 15, pal["text"], "semibold", cap=1.2)
            if img.get_width() > CELL_RECT.w - 48:
                img = a.labels.block(text, 15, pal["text"], CELL_RECT.w - 48, "semibold", cap=1.2, spacing=1.2)
            r = pygame.Rect(0, y, img.get_width() + 28, img.get_height() + 10)
            r.centerx = CELL_RECT.centerx
            panel(surface, r, pal["panel_hi"], pal[role], radius=8, width=2)
            surface.blit(img, (r.x + 14, r.y + 5))
            self.banner_drawn = r  # the text-fit test checks it stays inside the cell view
            y = r.bottom + 6
