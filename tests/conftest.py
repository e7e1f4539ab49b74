"""Shared fixtures: small articles written for these tests, and the options."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.config import load_options

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def options():
    return load_options(overrides={"run": {"progress": False}})


@pytest.fixture
def harbour_dump():
    """A dump with a doubled title, header date, dateline, NBSPs, licence footer and nav tail."""
    return (FIXTURES / "harbour_gazette.txt").read_text("utf-8")


@pytest.fixture
def shared_dir():
    if not SHARED.is_dir():
        pytest.skip("../shared (evaluation data beside the checkout) is absent")
    return SHARED
