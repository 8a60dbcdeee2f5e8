"""sim/ is the engine alone: importing it never loads pygame."""

import subprocess
import sys


def test_importing_sim_does_not_load_pygame():
    code = (
        "import sys, sim, sim.engine, sim.cli.main, sim.model.step\n"
        "import importlib, pkgutil\n"
        "for m in pkgutil.walk_packages(sim.__path__, 'sim.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "print('pygame' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
