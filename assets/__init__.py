"""The game's fonts and images, installed as the package ``game.assets`` (see setup.py).

It is a package only so that ``importlib.resources`` finds these files in a wheel, an editable
install and a PyInstaller build alike. Find them with ``game.fonts.ASSETS``.
"""
