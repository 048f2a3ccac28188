"""A parsed document's text is joined once and then read from the document."""
from newsloom.annotate import load_nlp
from newsloom.annotate.doc_text import doc_text


def test_doc_text_is_the_documents_text_and_kept_on_it():
    doc = load_nlp()("Mayor Ilse Varga opened the bridge.  It cost 4 million euros.\n\nNobody came.")
    assert doc_text(doc) == doc.text
    assert doc.user_data["newsloom.text"] is doc_text(doc)


def test_a_parsed_text_is_kept_on_its_document_as_its_tokens_give_it():
    from newsloom.annotate.nlp import CHUNK_CHARS, parse, parse_many

    texts = ["Tensions rose with the U.S. Okafor told reporters.  Tabs\tand  spaces \n\n stay.\n",
             "A long one.  " * (CHUNK_CHARS // 12 + 5), ""]
    for doc, text in zip([parse(t) for t in texts] + parse_many(texts), texts * 2):
        assert doc.user_data["newsloom.text"] == text == doc.text
