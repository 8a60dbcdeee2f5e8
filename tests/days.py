"""Days of life the physiology tests share: a day of meals read every half hour, and the month of
meals, drinks, workouts, an infection and a lipid infusion the ledgers must close over."""

import numpy as np

from sim.engine import Simulation
from sim.events import effect


def meal_day(preset: str, read, **params) -> np.ndarray:
    """``read(sim)`` every 30 min over a day of the standard diet from the stored preset, with
    ``params`` set (parameter name = value)."""
    sim = Simulation.from_preset(preset, turn_min=30.0)
    if params:
        sim.set_params(sim.params.evolve(**params))
    sim.schedule_diet("standard", 1)
    out = []
    for i in range(1, 49):
        sim.run_until(30.0 * i)
        out.append(read(sim))
    return np.array(out)


def schedule_month(sim: Simulation, days: int = 30) -> None:
    """The standard diet, a sugary drink at 15:00 and a 45-min workout at 18:00 every day, an
    infection on day 10 and a lipid infusion (fat flood) on day 20."""
    sim.schedule_diet("standard", days)
    for d in range(days):
        sim.schedule(sim.meal_event("sugary_drink", d * 1440.0 + 900.0))
        sim.schedule(effect(d * 1440.0 + 1080.0, {"exercise": 0.7}, 45.0, "workout", source="action"))
    sim.schedule(sim.stressor_event("infection", 10 * 1440.0 + 600.0))
    sim.schedule(sim.stressor_event("fat_flood", 20 * 1440.0 + 600.0))
