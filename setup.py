"""Ship the repository's top-level ``levels/`` and ``assets/`` folders inside the packages.

The repository keeps them at the top (the required layout); a wheel, an sdist and the editable
install all map them to ``sim.levels.shipped`` and ``game.assets``, which the code finds with
``importlib.resources``. Only this mapping lives here: everything else is in pyproject.toml.
``find_packages`` (not a fixed list) so that a new sub-package ships without editing this file.
"""

from setuptools import find_packages, setup

SHIPPED = {"sim.levels.shipped": "levels", "game.assets": "assets"}

setup(packages=[*find_packages(include=["sim*", "game*"]), *SHIPPED], package_dir=SHIPPED)
