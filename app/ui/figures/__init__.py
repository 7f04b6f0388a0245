"""Figures on screen and in files: one renderer (renderer.py) and the scene that shows it (scene.py)."""
