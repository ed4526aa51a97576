"""Malformed queries never crash and never hang (hypothesis)."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.search.index import SearchIndex
from workbench.core.search.query import parse_query, query_slots
from workbench.core.search.thesaurus import load_thesaurus
from workbench.core.search.types import SearchFilters
from workbench.core.workspace import INDEX_DIR

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "」",
        "-",
        "－",
        " ",
        "　",
        "OR",
        "|",
        "（",
        "）",
        "(",
        "%",
        "％",
        "、",
        "·",
        "\n",
        "\t",
        "\x00",
    ]
)
WORDS = st.sampled_from(
    [
        "医药",
        "奖励",
        "首台",
        "套",
        "D类",
        "人才",
        "15",
        "1000万元",
        "gcp",
        "car-t",
        "器戒",
        "細胞",
        "衞生",
        "a",
    ]
)
QUERIES = st.lists(st.one_of(PIECES, WORDS, st.text(max_size=4)), max_size=24).map("".join)
HANG = 60.0  # seconds: far beyond any search; reaching it means the search does not end


@pytest.fixture(scope="module")
def index(seeded_template):
    ix = SearchIndex(seeded_template / INDEX_DIR)
    ix.thesaurus = load_thesaurus()
    yield ix
    ix.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES)
def test_any_query_parses_into_slots(query):
    query_slots(parse_query(query), load_thesaurus())


@settings(max_examples=150, deadline=None)
@given(QUERIES, st.integers(min_value=-1, max_value=60))
def test_any_query_is_answered(index, query, limit):
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(index.search(query, SearchFilters(), limit))
        except BaseException as e:  # reported below
            outcome.append(e)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG)
    assert not worker.is_alive(), f"search of {query!r} did not end"
    (response,) = outcome
    assert not isinstance(response, BaseException), response
    assert len(response.hits) <= max(limit, 0)
    for hit in response.hits:
        for a, b in hit.marks:
            assert 0 <= a < b <= len(hit.snippet)
