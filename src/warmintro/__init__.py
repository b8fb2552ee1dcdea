"""warmintro: grow a LinkedIn network one deliberate invitation at a time."""

__version__ = "0.1.0"
