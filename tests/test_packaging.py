"""The wheel carries every shipped file: each level, challenge, font, image and locale file, and
the licences. A file left out crashes an installed game (FileNotFoundError on its first frame).
Its catalogs are compiled from the .po files by the build, not copied from the committed .mo.
The sdist carries every tracked source and content file, so it can be built, tested and frozen."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _shipped(folder: str, package: str) -> set[str]:
    return {f"{package}/{p.relative_to(ROOT / folder).as_posix()}"
            for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}


NEEDS_GIT = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout")


def _wheel(source: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True)
    (wheel,) = out.glob("amid_plenty-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_holds_every_level_asset_locale_and_licence(tmp_path: Path) -> None:
    wheel = _wheel(ROOT, tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = (_shipped("levels", "sim/levels/shipped") | _shipped("assets", "game/assets")
                | _shipped("game/locale", "game/locale"))
    assert "sim/levels/shipped/challenges/starving-amid-plenty.challenge.toml" in expected
    assert expected - names == set()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def _tracked(*folders: str) -> set[str]:
    out = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=ROOT, check=True, capture_output=True, text=True)
    return {p for p in out.stdout.split("\0") if p}


@pytest.mark.slow
@NEEDS_GIT
def test_wheel_compiles_its_catalogs_from_the_po_files(tmp_path: Path) -> None:
    source = tmp_path / "source"
    for rel in _tracked("."):
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, source / rel)
    po = source / "game/locale/es/LC_MESSAGES/amid_plenty.po"
    with po.open("a", encoding="utf-8") as f:  # a translation the committed .mo does not hold
        f.write('\nmsgid "packaging test"\nmsgstr "prueba del paquete"\n')
    mo = zipfile.ZipFile(_wheel(source, tmp_path / "dist")).read("game/locale/es/LC_MESSAGES/amid_plenty.mo")
    assert gettext.GNUTranslations(io.BytesIO(mo)).gettext("packaging test") == "prueba del paquete"


@pytest.mark.slow
@NEEDS_GIT
def test_sdist_holds_every_tracked_source_content_and_licence_file(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--outdir", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (sdist,) = tmp_path.glob("amid_plenty-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    expected = _tracked("levels", "assets", "game", "sim", "LICENSE", "tests", "docs", "packaging", ".ci", "Makefile")
    assert "levels/challenges/starving-amid-plenty.challenge.toml" in expected
    assert expected - names == set()
