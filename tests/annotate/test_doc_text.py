"""A parsed document's text is joined once and then read from the document."""
from newsloom.annotate import load_nlp
from newsloom.annotate.doc_text import doc_text


def test_doc_text_is_the_documents_text_and_kept_on_it():
    doc = load_nlp()("Mayor Ilse Varga opened the bridge.  It cost 4 million euros.\n\nNobody came.")
    assert doc_text(doc) == doc.text
    assert doc.user_data["newsloom.text"] is doc_text(doc)
