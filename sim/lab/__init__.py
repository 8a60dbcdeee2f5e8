"""The virtual lab: classic physiology protocols run on any preset, headless.

``setup.py`` prepares a subject (a preset, ``--set`` changes, days of adaptation); each protocol
in ``protocols.py`` takes a prepared ``Simulation`` at midnight and returns a ``LabResult``: rows
(one per sample) and a summary. ``fit.py`` fits dose–response curves. ``python -m sim experiment``
is the command-line face (``sim/cli/experiment.py``). Must not import pygame.
"""

from sim.lab.protocols import PROTOCOLS, LabResult
from sim.lab.setup import LabSetupError, parse_settings, prepare, settings

__all__ = ["PROTOCOLS", "LabResult", "LabSetupError", "parse_settings", "prepare", "settings"]
