"""Reports and attempts as text, Markdown and JSON."""
