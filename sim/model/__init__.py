"""The physiological model: one module per process, pure kernels over state arrays. Must not import pygame."""
