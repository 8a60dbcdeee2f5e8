"""Game fixtures: an App on SDL's dummy drivers (set in tests/conftest.py) with a private data folder."""

import sys
from pathlib import Path

import pygame
import pytest

# the helpers module beside this file, whatever pytest's import mode
sys.path.insert(0, str(Path(__file__).resolve().parent))

DT = 1 / 60


@pytest.fixture
def store(tmp_path):
    from game.settings import Store

    return Store(tmp_path / "data")


@pytest.fixture
def app(store):
    from game.app import App

    a = App(store)
    a.start()
    yield a
    pygame.quit()


def pytest_configure(config):
    # pygame-ce warns with a plain Warning (not UserWarning) when SCALED has no GPU renderer
    config.addinivalue_line("filterwarnings", "ignore:no fast renderer available")
