"""Three invented reports of one event, from three outlets, for the watch tests that run the whole pipeline."""
from __future__ import annotations

QUOTE = "We will not open the harbour gates again until the sea wall has been checked from end to end"

HERALD = [
    "Velm harbour was closed to all shipping on Monday after a storm tore a gap in the old sea wall, "
    "the Velm port authority said.",
    f"“{QUOTE},” said Ada Lenz, the harbour master of Velm. She said repairs would take at least three weeks.",
    "About forty fishing boats are stuck inside the harbour. The port authority said the closure would cost "
    "the town about 2 million euros.",
]
POST = [
    "The port of Velm shut its gates on Monday when a winter storm broke through the sea wall, "
    "leaving the fishing fleet stuck in the harbour.",
    f"“{QUOTE},” harbour master Ada Lenz told reporters at the quay on Monday.",
    "The Velm port authority said the harbour would stay closed for at least three weeks while the "
    "sea wall is repaired.",
]
COAST = [
    "Fishermen in Velm said on Tuesday they feared for their season after the harbour was closed on Monday "
    "when a storm broke the sea wall.",
    f"“{QUOTE},” said Ada Lenz, the Velm harbour master, on Monday.",
    "The Velm port authority said repairs to the sea wall would take three weeks and cost about 2 million euros.",
]
