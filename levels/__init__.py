"""The shipped level files, installed as the package ``sim.levels.shipped`` (see setup.py).

It is a package only so that ``importlib.resources`` finds these files in a wheel, an editable
install and a PyInstaller build alike. Find them with ``sim.levels.levels_dir()``.
"""
