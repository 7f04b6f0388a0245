"""Guiji (轨迹): qualitative coding and process tracing for Chinese interview transcripts."""

__version__ = "0.1.0"
