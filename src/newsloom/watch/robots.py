"""robots.txt rules, fetched once per site and read with urllib.robotparser (RFC 9309's answers to failures)."""
from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from newsloom.watch.fetch import ROBOTS_AGENT, Fetcher

MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: crawlers may ignore rules past 500 KiB


class Robots:
    """Whether newsloom may fetch a URL, by its site's robots.txt; each site's rules are fetched once."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._sites: dict[str, RobotFileParser] = {}

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching `url`, or None when it may be fetched."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules = self._sites.get(site)
        if rules is None:
            rules = self._sites[site] = self._fetch(site)
        if rules.can_fetch(ROBOTS_AGENT, url):
            return None
        if rules.disallow_all:
            return f"robots.txt of {site} could not be read, so nothing there is fetched for now"
        return f"robots.txt of {site} disallows {parts.path or '/'}"

    def _fetch(self, site: str) -> RobotFileParser:
        """The rules of one site: its robots.txt; none when it has none (4xx); all refused when unreachable."""
        rules = RobotFileParser(f"{site}/robots.txt")
        found = self.fetcher.get(rules.url)
        if found.status is not None and 400 <= found.status < 500:
            rules.allow_all = True
        elif not found.ok:
            rules.disallow_all = True
        else:
            rules.parse(found.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        return rules
