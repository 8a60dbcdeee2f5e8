"""Frame-time benchmark of the play screen with a busy cell (dummy video driver, one core).

Measures (1) the first frame: seconds from the start of this script (before pygame is imported) to
the title screen's first frame drawn; and (2) median and 99th-percentile time of a full play-screen
frame (update + draw of every panel + flip) at 1280×720 with high blood glucose, high insulin,
glucose streaming in and every compounding factor active — the most the cell view ever draws.

    python bench/frame_bench.py            # a short report
    python bench/frame_bench.py --json     # one JSON object: median_ms, p99_ms, first_frame_s
Targets (issue #5): median ≤ 4 ms, p99 ≤ 10 ms, first frame ≤ 1.5 s.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["AMID_PLENTY_HOME"] = tempfile.mkdtemp(prefix="amid-plenty-bench-")

BUSY = {
    "blood_glucose_mmol_l": 28.0, "insulin_uu_ml": 90.0, "cytokines_au": 0.9, "receptors_frac": 0.9,
    "receptor_bound_rel": 0.25, "receptor_free_rel": 0.65, "signaling_active_frac": 0.6,
    "signaling_proteins_frac": 0.7, "glut4_membrane_frac": 0.45, "energy_frac": 0.3, "glycogen_frac": 0.8,
    "fat_store_rel": 2.0, "lipotoxic_frac": 1.0, "inflammation_frac": 1.0, "oxidative_stress_frac": 1.0,
    "mito_health_frac": 0.6, "er_stress_frac": 1.0,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--frames", type=int, default=600)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import warnings

    warnings.filterwarnings("ignore", message="no fast renderer")
    import pygame

    from game.app import App
    from game.scenes import make

    app = App()
    app.start()
    app.step(1 / 60)
    first_frame_s = time.perf_counter() - T0

    levels = make("levels", app).levels
    app.push(make("play", app, levels=levels, index=len(levels) - 1))
    play = app.top
    for _ in range(3):
        play.end_turn()
    # drive the view to the busiest picture it can show (display only; the engine is untouched)
    values = {k: float(a[0]) for k, a in play.view.snapshot.values.items()}
    values.update(BUSY)
    play.cell.set_state(values, uptake=12.0, instant=True)
    for _ in range(120):  # warm caches and fill the entering-glucose stream
        app.step(1 / 60)
    times = []
    for _ in range(args.frames):
        t = time.perf_counter()
        app.step(1 / 60)
        times.append((time.perf_counter() - t) * 1000.0)
    times.sort()
    res = {
        "median_ms": round(statistics.median(times), 3),
        "p99_ms": round(times[min(len(times) - 1, int(0.99 * len(times)))], 3),
        "first_frame_s": round(first_frame_s, 3),
        "frames": args.frames,
        "glucose_particles": play.cell.n_glucose,
        "entering": len(play.cell.entries),
    }
    pygame.quit()
    if args.json:
        print(json.dumps(res))
    else:
        print(f"play screen, busy cell, 1280x720, dummy driver, one core: median {res['median_ms']:.2f} ms, "
              f"p99 {res['p99_ms']:.2f} ms over {args.frames} frames "
              f"({res['glucose_particles']} glucose outside, {res['entering']} entering)")
        print(f"first frame after launch: {res['first_frame_s']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
