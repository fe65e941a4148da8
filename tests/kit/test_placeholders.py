"""Named {fields} in content texts (lessons/kit/placeholders.py)."""

from __future__ import annotations

import pytest

from lessons.kit import placeholders
from lessons.kit.data import ContentError


def test_fill_replaces_every_field_and_leaves_other_text_alone():
    assert placeholders.fill("{name}: the {root} root", name="A side opening", root="L5") == (
        "A side opening: the L5 root")
    assert placeholders.fill("No field here.") == "No field here."
    assert placeholders.fields("{a} and {b}, then {a}") == ["a", "b", "a"]


def test_check_names_the_file_the_item_the_field_and_what_the_text_may_say():
    placeholders.check("about {count} have {finding}", ("count", "finding", "age"), "x.yml")
    with pytest.raises(ContentError, match=r"x\.yml, item 'side', field 'places\.1\.title': unknown placeholder "
                                           r"\{rooot\}; this text may say \{name\} and \{root\}"):
        placeholders.check("{name}: the {rooot} root", ("name", "root"), "x.yml", item="side",
                           field="places.1.title")
    with pytest.raises(ContentError, match="this text may say no placeholder"):
        placeholders.check("Here {root}.", (), "x.yml")
    with pytest.raises(ContentError, match=r"unknown placeholder \{\}"):
        placeholders.check("Empty {} braces.", ("name",), "x.yml")
