"""The Textual front end. Everything else in coach works without it."""
