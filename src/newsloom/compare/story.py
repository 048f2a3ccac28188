"""One story through the compare stage: quotes, claims, disagreements, timeline, framing and summary."""
from __future__ import annotations

import re

from newsloom.annotate.basis import is_described
from newsloom.compare.entities import entity_table, story_aliases
from newsloom.annotate.speakers import PRONOUNS
from newsloom.compare.contradictions import number_disagreements, speaker_disagreements, wording_disagreements
from newsloom.compare.claim_speakers import ClaimVoices
from newsloom.compare.corroboration import align_claims, claim_groups
from newsloom.annotate.dates import parse_iso
from newsloom.compare.dating import infer_published, notice_entries, notices, redate, story_base_date
from newsloom.compare.disputes import contested, mark, numbered, pinned_days, plain_text, position_claims
from newsloom.compare.framing import build_framing
from newsloom.compare.quote_ledger import build_ledger
from newsloom.compare.speaker_fixes import match_fixes, with_fixed_speakers
from newsloom.compare.sourcing import attach_support, build_sourcing, line_support, story_independence
from newsloom.compare.statement_dates import statement_date_disagreements
from newsloom.compare.summary import build_summary
from newsloom.compare.textsim import content_terms
from newsloom.compare.timeline import build_timeline
from newsloom.model import (
    Annotated,
    BriefReport,
    EntitySummary,
    Mention,
    SpeakerFix,
    Story,
    StoryBrief,
)


def _aliases(anns: list[Annotated]) -> dict[str, str]:
    """Story-wide canonical names for every entity and speaker named in the reports."""
    names = [(m.label, m.canonical) for ann in anns for m in ann.mentions if m.canonical]
    known = {n for _, n in names}
    names += [("PERSON", q.speaker) for ann in anns for q in ann.quotes
              if q.speaker and q.speaker not in known and not is_described(q.basis, q.confidence)]
    return story_aliases(names)


def _speaker_mentions(ann: Annotated) -> list[Mention]:
    """Named speakers as written ("Brennic said"), so their surface forms count as aliases; a role that stands
    for the speaker ("The Kremlin's top spokesperson hailed ...") is no name of theirs."""
    text = ann.article.text
    out = []
    for q in ann.quotes:
        if (q.speaker and q.speaker_start is not None and q.speaker_end is not None and q.basis != "role"
                and not is_described(q.basis, q.confidence)):
            surface = text[q.speaker_start : q.speaker_end]
            if (surface[:1].isupper() and surface.split()[0].lower() not in PRONOUNS
                    and _shares_a_word(surface, q.speaker)):
                out.append(Mention(surface, q.speaker_start, q.speaker_end, "PERSON", q.speaker))
    return out


def _shares_a_word(surface: str, name: str) -> bool:
    """True when a mention as written shares a word with the name it stands for ("Brennic" for "Ola Brennic");
    a title or role alone ("The harbour's top spokesperson") does not."""
    return not {w.casefold() for w in re.findall(r"\w+", surface)}.isdisjoint(w.casefold() for w in re.findall(r"\w+", name))


def _headline(anns: list[Annotated]) -> str:
    """The title that shares most words with the other titles (the story's most typical headline)."""
    titles = [a.article.title for a in anns if a.article.title]
    if not titles:
        first = anns[0].article.text.strip().split("\n", 1)[0]
        return first[:120]
    terms = [set(content_terms(t)) for t in titles]
    best = max(range(len(titles)), key=lambda i: (sum(len(terms[i] & t) for t in terms), -len(titles[i])))
    return titles[best]


def brief_reports(story: Story, anns: list[Annotated]) -> list[BriefReport]:
    """Brief rows for the story's reports, with copy/rewrite provenance."""
    edges = {e.copy: e for e in story.edges}
    rows = []
    for a in anns:
        edge = edges.get(a.report_id)
        inferred = infer_published(a)
        rows.append(BriefReport(
            id=a.report_id, source=a.article.source, outlet=a.article.outlet, title=a.article.title,
            author=a.article.author, published=inferred.date if inferred else a.article.published, url=a.article.url,
            text=a.article.text,
            copy_of=edge.original if edge else None, copy_kind=edge.kind if edge else None,
            copy_similarity=edge.similarity if edge else None,
            copy_evidence=list(edge.evidence) if edge else [],
            published_inferred=inferred is not None, published_evidence=inferred.evidence if inferred else [],
            corrections=notices(a),
        ))
    return rows


def analyze_story(story: Story, anns: list[Annotated], fixes: list[SpeakerFix] | None = None) -> StoryBrief:
    """Compare the reports of one story and assemble its brief; `fixes` are people's fixes of quote speakers."""
    by_id = {a.report_id: a for a in anns}
    members = redate([by_id[r] for r in story.report_ids if r in by_id])
    alias = _aliases(members)
    ledger = build_ledger(members, alias, fixes or [])
    aligned, sim = align_claims(members, alias)
    sourcing = build_sourcing(story, members, aligned)
    voices = ClaimVoices(members, ledger, fixes or [], alias)
    claims = claim_groups(aligned, story, lambda reports, evidence: line_support(sourcing, reports, evidence), voices.of)
    texts = {a.report_id: a.article.text for a in members}
    disagreements = numbered([
        ("date", statement_date_disagreements(members, ledger, alias, parse_iso(story_base_date(members)))),
        ("number", number_disagreements([c for a in members for c in a.claims], sim)),
        ("wording", wording_disagreements(ledger, texts)),
        ("speaker", speaker_disagreements(ledger)),
    ])
    disputed = contested(disagreements, members, alias)
    mark(claims, disputed)
    dated = aligned + position_claims(disagreements, members)
    timeline = build_timeline(dated, pinned_days(disagreements), notice_entries(members))
    mark(timeline, disputed)
    attach_support(sourcing, disagreements)
    named = {a.report_id: a.mentions + _speaker_mentions(a) for a in members}
    entities = [EntitySummary(**row) for row in entity_table(named, alias)]
    return StoryBrief(
        id=story.id,
        headline=_headline(members),
        summary=build_summary(claims, plain=lambda group: plain_text(group, disputed, texts)),
        reports=brief_reports(story, members),
        quotes=ledger,
        claims=claims,
        disagreements=disagreements,
        timeline=timeline,
        entities=entities,
        framing=build_framing(with_fixed_speakers(members, fixes or []), aligned, alias),
        independence=story_independence(sourcing),
        stale_fixes=match_fixes(members, fixes or [])[1],
    )
