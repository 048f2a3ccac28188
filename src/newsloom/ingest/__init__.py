"""Ingest stage: read files, directories, WARCs, feeds and JSON(L) records into raw reports."""
from newsloom.ingest.encoding import decode, declared_charset
from newsloom.ingest.reader import read_file
from newsloom.ingest.sniff import sniff
from newsloom.ingest.walk import read_paths

__all__ = ["decode", "declared_charset", "read_file", "read_paths", "sniff"]
