"""One content text's {fields}, checked by ``prose.check_text`` and filled in by ``prose.fill``."""

from __future__ import annotations

import pytest

from lessons.kit import prose
from lessons.kit.data import ContentError


def test_fill_replaces_every_field_and_leaves_other_text_alone():
    assert prose.fill("{name}: the {root} root", name="A side opening", root="L5") == (
        "A side opening: the L5 root")
    assert prose.fill("No field here.") == "No field here."
    assert prose.names_in("{a} and {b}, then {a}") == {"a", "b"}


def test_check_names_the_file_the_item_the_field_and_what_the_text_may_say():
    prose.check_text("about {count} have {finding}", ("count", "finding", "age"), "x.yml")
    with pytest.raises(ContentError, match=r"x\.yml, item 'side', field 'places\.1\.title': unknown placeholder "
                                           r"\{rooot\}; this text may say \{name\} and \{root\}"):
        prose.check_text("{name}: the {rooot} root", ("name", "root"), "x.yml", item="side",
                           field="places.1.title")
    with pytest.raises(ContentError, match="this text may say no placeholder"):
        prose.check_text("Here {root}.", (), "x.yml")
    with pytest.raises(ContentError, match=r"unknown placeholder \{\}"):
        prose.check_text("Empty {} braces.", ("name",), "x.yml")
