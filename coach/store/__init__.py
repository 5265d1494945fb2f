"""Where attempts live. Screens use the Repository protocol; SQL stays in this package."""
