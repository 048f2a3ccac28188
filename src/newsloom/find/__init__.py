"""Find and slice a store: story facts, filters and sorting, entity pages and filtered search."""
from newsloom.find.entities import EntityPage, entity_names, find_entity, slug
from newsloom.find.search import search_filtered
from newsloom.find.stories import SORTS, Filters, Following, StoryFacts, select, story_facts

__all__ = ["SORTS", "EntityPage", "Filters", "Following", "StoryFacts", "entity_names", "find_entity",
           "search_filtered", "select", "slug", "story_facts"]
