"""One module per screen; each is imported when first shown, not at start-up."""
