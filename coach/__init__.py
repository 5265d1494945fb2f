"""coach: a local-first system design interview coach for the terminal."""

__version__ = "0.1.0"
