"""The headless command line: ``python -m sim COMMAND``. Must not import pygame."""
