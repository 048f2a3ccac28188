"""Extract stage: clean article text and metadata from HTML and from plain text with web chrome."""
from newsloom.extract.article import ExtractionError, extract_article, extract_text
from newsloom.extract.html import extract_html
from newsloom.extract.text import find_body

__all__ = ["ExtractionError", "extract_article", "extract_html", "extract_text", "find_body"]
