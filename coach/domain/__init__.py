"""Pydantic models and plain data shared by every layer. No I/O here."""
