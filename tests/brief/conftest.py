import pytest

from newsloom.model import Brief
from tests.brief.sample import make_brief


@pytest.fixture
def brief() -> Brief:
    return make_brief()


@pytest.fixture
def doc(brief: Brief) -> dict:
    return brief.to_dict()
