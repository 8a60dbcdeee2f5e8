"""``--version`` on both programs, and usage lines that name the program the user actually ran."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sim.classroom.canonical import app_version
from sim.cli.errors import prog_name
from sim.engine import ENGINE_VERSION

BIN = Path(sys.executable).parent


@pytest.mark.parametrize("module", ["sim", "game"])
def test_version_names_package_and_engine(module: str) -> None:
    out = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"amid-plenty {app_version()} (engine {ENGINE_VERSION})"


def test_prog_follows_argv0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/amid-plenty-sim", "run"])
    assert prog_name("sim", "amid-plenty-sim") == "amid-plenty-sim"
    monkeypatch.setattr(sys, "argv", ["/x/sim/__main__.py", "run"])
    assert prog_name("sim", "amid-plenty-sim") == "python -m sim"
    monkeypatch.setattr(sys, "argv", ["/x/amid-plenty-sim", "run"])
    assert prog_name("game", "amid-plenty") == "python -m game"


@pytest.mark.skipif(not (BIN / "amid-plenty-sim").exists(), reason="console scripts not installed")
def test_console_script_usage_names_itself() -> None:
    out = subprocess.run([str(BIN / "amid-plenty-sim"), "run", "--days", "x"], capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.startswith("amid-plenty-sim run: error:"), out.stderr
    out = subprocess.run([sys.executable, "-m", "sim", "run", "--days", "x"], capture_output=True, text=True)
    assert out.stderr.startswith("python -m sim run: error:"), out.stderr
