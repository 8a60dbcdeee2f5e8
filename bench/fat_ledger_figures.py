"""The fat ledger's timing per preset: overnight fat and protein oxidation (00:00–10:00, no
breakfast), and over a standard day the fat made (liver DNL + net lipogenesis), fat oxidised, fat
eaten, protein oxidised, and the energy ledger's residual. docs/model.md §2.4a and §5 quote it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sim.engine import Simulation
from sim.model.lipids import energy_stores_kcal

PRESETS = ("healthy", "athlete", "resistant", "type2")


def v(sim: Simulation, name: str) -> float:
    return float(sim.state.arrays[name][0])


def stored(sim: Simulation) -> float:
    p = sim.params.column(0).namespace()
    return sum(float(x[0]) for x in energy_stores_kcal(sim.state, p).values())


def main() -> None:
    print("preset     night fat  night prot  made g/d  fat ox/eaten  prot ox g/d  energy resid")
    for preset in PRESETS:
        sim = Simulation.from_preset(preset, turn_min=1440.0)
        f0, pool0 = v(sim, "acc_fat_oxidised_g"), v(sim, "protein_pool_g")
        sim.run_until(600.0)
        night = (v(sim, "acc_fat_oxidised_g") - f0) / 600.0
        prot = (pool0 - v(sim, "protein_pool_g")) / 600.0
        day = Simulation.from_preset(preset, turn_min=1440.0)
        day.schedule_diet("standard", 1)
        a = {k: v(day, k) for k in ("acc_fat_made_g", "acc_fat_oxidised_g", "acc_fat_in_g",
                                    "acc_energy_in_kcal", "acc_energy_out_kcal", "protein_pool_g",
                                    "stomach_protein_g")}
        e0 = stored(day)
        day.run_until(1440.0)
        d = {k: v(day, k) - a[k] for k in a}
        prot_ox = 80.0 - d["stomach_protein_g"] - d["protein_pool_g"]
        resid = d["acc_energy_in_kcal"] - d["acc_energy_out_kcal"] - (stored(day) - e0)
        print(f"{preset:10s} {night:9.4f}  {prot:10.4f}  {d['acc_fat_made_g']:8.1f}  "
              f"{d['acc_fat_oxidised_g'] / d['acc_fat_in_g']:12.2f}  {prot_ox:11.1f}  {resid:12.2e}")


if __name__ == "__main__":
    main()
