"""The attempt being worked on: its step clock and state. No Textual, no I/O."""
