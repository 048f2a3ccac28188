"""newsloom: many news reports in, stories and sourced briefs out."""
__version__ = "0.1.0"
