"""Size caps before parsing: hostile pages and texts are tamed or refused quickly, with a reason."""
import re
import time

import pytest

from newsloom.extract import ExtractionError, extract_article, limits
from newsloom.extract.limits import (
    MAX_ELEMENT_ATTRIBUTES,
    MAX_ELEMENTS,
    MAX_HTML_BYTES,
    MAX_TEXT_CHARS,
    check_text_size,
    tame_html,
)
from tests.extract.conftest import report_of
from tests.hostile_docs import many_attributes_html, one_line_text


def _timed(report):  # type: ignore[no-untyped-def]
    """Extract a report; return the article (or the error) and the seconds it took."""
    start = time.process_time()
    try:
        result = extract_article(report)
    except ExtractionError as error:
        result = error
    return result, time.process_time() - start


def test_element_with_200k_attributes_extracts_quickly():
    article, seconds = _timed(report_of(many_attributes_html(200_000), "html"))
    assert seconds < 15  # it never finished before
    assert not isinstance(article, ExtractionError)
    assert "million euros" in article.text or "council" in article.text.lower()


def test_many_elements_with_many_attributes_extract_or_fail_with_a_reason():
    article, seconds = _timed(report_of(many_attributes_html(200_000, per_element=50), "html"))
    assert seconds < 15
    assert isinstance(article, ExtractionError) and article.reason or "council" in article.text.lower()


def test_extra_attributes_are_dropped_and_the_rest_kept():
    attrs = " ".join(f'a{i}="v{i}"' for i in range(MAX_ELEMENT_ATTRIBUTES + 50))
    html = f'<p class="lead">Before.</p><div id="x" {attrs}>Kept text.</div><p title="a>b">After.</p>'
    tamed = tame_html(html)
    assert f'a{MAX_ELEMENT_ATTRIBUTES - 2}="v{MAX_ELEMENT_ATTRIBUTES - 2}"' in tamed
    assert f"a{MAX_ELEMENT_ATTRIBUTES - 1}=" not in tamed
    assert tamed.endswith('>Kept text.</div><p title="a>b">After.</p>') and tamed.startswith('<p class="lead">Before.')


def test_ordinary_markup_is_left_alone():
    html = ('<html><head><script>if (a<b && c > "d") {}</script><!-- <x y z> --></head><body>'
            '<img src=logo.png alt=Logo height="63""><p data-x=\'1\' hidden>Text</p></body></html>')
    assert tame_html(html) == html


def test_page_with_too_many_elements_is_refused():
    html = "<html><body>" + "<p>x</p>" * (MAX_ELEMENTS + 1) + "</body></html>"
    error, seconds = _timed(report_of(html, "html"))
    assert isinstance(error, ExtractionError) and "elements" in error.reason
    assert seconds < 10


def test_oversized_page_is_refused_before_decoding():
    error, seconds = _timed(report_of(b"<p>" + b"x" * MAX_HTML_BYTES + b"</p>", "html"))
    assert isinstance(error, ExtractionError) and "too large" in error.reason
    assert seconds < 1


def test_ten_megabyte_line_is_refused_before_any_line_work():
    error, seconds = _timed(report_of(one_line_text(10_000_000)))
    assert isinstance(error, ExtractionError) and "too long" in error.reason
    assert seconds < 2  # it took 4-26 s before the cap came first


def test_text_at_the_cap_passes_the_check():
    check_text_size("x" * MAX_TEXT_CHARS)
    with pytest.raises(ExtractionError, match="too long"):
        check_text_size("x" * (MAX_TEXT_CHARS + 1))


_REFERENCE_REST = r"((?:=\s*\"[^\"]*(?:\"|\Z)|=\s*'[^']*(?:'|\Z)|[^>])*)(?:>|\Z)"
_REFERENCE = re.compile(  # the markup scan one character at a time: slower, the same matches
    rf"<!--.*?(?:-->|\Z)|<(script|style)\b{_REFERENCE_REST}.*?(?:</\1\s*>|\Z)|<([A-Za-z][^\s/>]*){_REFERENCE_REST}",
    re.DOTALL | re.IGNORECASE,
)
_TRICKY = [
    '<a b="x>y" c=\'d', '<p =" x', '<script a="<">x</script', '<p a=b=c =="" >', '<script>a</scrip></SCRIPT >x',
    '<style>a<b</style', '<script><!-- </script> -->', '<!-- a -- b --->x<!--->', '<!---->', '<!-- x', '<!-->',
    '<p a="1"b=\'2\'c=3 d>t</p><br/><img src=x.png alt="a=b">', '<style media="x>y">p{}</style >after',
]


def test_markup_scan_matches_the_one_character_form():
    pages = _TRICKY + [many_attributes_html(5_000).decode(), many_attributes_html(2_000, per_element=50).decode()]
    for page in pages:
        expected = [(m.span(), m.groups()) for m in _REFERENCE.finditer(page)]
        assert [(m.span(), m.groups()) for m in limits._MARKUP.finditer(page)] == expected, page


def test_the_densest_short_tag_keeps_every_attribute():
    dense = " a" * MAX_ELEMENT_ATTRIBUTES  # the attribute text of the tag: as many as are kept, in 2 * as many characters
    assert len(limits._ATTRIBUTE.findall(dense)) == MAX_ELEMENT_ATTRIBUTES and len(dense) == 2 * MAX_ELEMENT_ATTRIBUTES
    html = f"<div{dense}>x</div>"
    assert tame_html(html) == html
    assert tame_html(f"<div{dense} z>x</div>") == html  # one more attribute: it is dropped
