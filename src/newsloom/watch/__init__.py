"""Watching sources: poll feeds and article URLs, keep what was fetched as WARC, and report what changed in stories."""
