"""Static site generator for published parliamentary resolutions (English/French)."""

__version__ = "0.1.0"
