"""Print the virtual-lab figures of every preset: fasting, OGTT, clamp and IVGTT.

``python bench/lab_figures.py`` — one line per preset and protocol, the summary's numbers only,
so two model versions can be compared by diffing the output (closing notes quote it).
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PRESETS = ("healthy", "athlete", "resistant", "type2")
PROTOCOLS = ("fasting", "ogtt", "clamp", "ivgtt")


def summary(protocol: str, preset: str, folder: Path) -> dict:
    out = folder / f"{protocol}-{preset}.csv"
    done = subprocess.run(
        [sys.executable, "-m", "sim", "experiment", protocol, "--preset", preset, "--out", str(out),
         "--summary-json", str(folder / f"{protocol}-{preset}.json")],
        capture_output=True, text=True, check=True,
    )
    del done
    return json.loads((folder / f"{protocol}-{preset}.json").read_text())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for preset in PRESETS:
            for protocol in PROTOCOLS:
                s = summary(protocol, preset, Path(tmp))
                nums = {k: v for k, v in s.items() if isinstance(v, (int, float)) and k != "adapt_days"}
                print(f"{preset:9} {protocol:8} " + "  ".join(f"{k}={v:.3g}" for k, v in nums.items()))


if __name__ == "__main__":
    main()
