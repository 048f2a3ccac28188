import re
from html.parser import HTMLParser

from newsloom.brief import to_html
from newsloom.model import Brief
from tests.brief.sample import QUOTE_A, QUOTE_B, SIX_MONTHS

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TagBalance(HTMLParser):
    """Checks that every opened element is closed in order, and collects ids."""

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.ids = [], [], []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def parse(text):
    parser = TagBalance()
    parser.feed(text)
    parser.close()
    return parser


def test_html_parses_with_balanced_tags_and_unique_ids(brief):
    parser = parse(to_html(brief))
    assert parser.errors == [] and parser.stack == []
    assert len(parser.ids) == len(set(parser.ids))


def test_html_is_self_contained(brief):
    text = to_html(brief)
    assert not re.search(r"<link\b", text, re.I)
    assert not re.search(r"\bsrc\s*=", text, re.I)
    assert "@import" not in text and "url(" not in text
    hrefs = re.findall(r'href="([^"]*)"', text)
    external = [h for h in hrefs if not h.startswith("#")]
    assert external == ["https://valley-courier.example/bridge"]  # the article itself, not an asset


def test_html_escapes_report_text(brief):
    text = to_html(brief)
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in text
    assert "&lt;b&gt;indefinitely&lt;/b&gt;" in text
    assert 'href="javascript:' not in text
    assert len(re.findall(r"<script>", text)) == 1  # only the page's own


def test_html_marks_evidence_and_links_to_it(brief):
    text = to_html(brief)
    mark = re.search(r'<mark id="(ev\d+)" data-refs="\1">' + re.escape(SIX_MONTHS) + "</mark>", text)
    assert mark
    assert f'href="#{mark.group(1)}"' in text


def test_html_splits_overlapping_spans(brief):
    text = to_html(brief)
    fulltext = re.search(r'<details class="report" id="s1-R1">.*?</details>', text, re.S).group(0)
    assert re.search(r'<mark[^>]*data-refs="ev\d+ ev\d+ ev\d+">repairs would cost about \$4 million</mark>', fulltext)
    plain = re.sub(r"<[^>]+>", "", re.search(r'<div class="fulltext">(.*?)</div>', fulltext, re.S).group(1))
    assert plain == brief.stories[0].reports[0].text.replace("'", "&#39;")


def test_html_shows_every_section(brief):
    text = to_html(brief)
    for heading in ("Summary", "Reports", "Who said what", "Claims", "Disagreements", "Timeline",
                    "Entities", "Framing", "Evidence", "Full texts", "Inputs"):
        assert f"<h3>{heading}</h3>" in text
    assert QUOTE_A in text and QUOTE_B.replace("'", "&#39;") in text
    assert 'class="badge rewrite">rewrite of Valley Courier<' in text
    shared = re.search(r'<details class="shared">.*?</details>', text, re.S).group(0)
    assert "1 shared passage, similarity 0.61" in shared and "in Valley Courier" in shared
    assert len(re.findall(r'href="#ev\d+"', shared)) == 2
    assert '<div class="sides">' in text and "2 reports / 1 independent" in text
    assert "no article text found: page is a cookie wall" in text


def test_html_renders_an_empty_brief():
    parser = parse(to_html(Brief(inputs=[], stories=[])))
    assert parser.errors == [] and parser.stack == []
