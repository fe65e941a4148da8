"""lessons.kit.prose: templates in content files use exactly the fields the code fills in."""

from __future__ import annotations

from datetime import date

import pytest

from lessons.kit.data import ContentError
from lessons.kit.prose import check, fill, names_in

FIELDS = {"done": {"done", "total"}, "items.*.text": {"name"}}


def test_names_in_a_template():
    assert names_in("You have completed {done} of {total} lessons.") == {"done", "total"}
    assert names_in("Starts on {start:%A %d %B %Y}.") == {"start"}
    assert names_in("No field here.") == set()
    for bad in ("A lone { brace.", "A lone } brace.", "{0} of {1}", "{}", "{a.b}", "{a[0]}"):
        with pytest.raises(ValueError):
            names_in(bad)


def test_fill():
    assert fill("{done} of {total}", done=3, total=5) == "3 of 5"
    assert fill("Starts on {start:%A %d %B %Y}.", start=date(2026, 3, 2)) == "Starts on Monday 02 March 2026."


def test_a_document_whose_templates_fit_passes():
    check({"done": "{done} of {total}", "items": [{"id": "a", "text": "Hello {name}", "note": "Plain."}]},
          "x.yml", FIELDS)


@pytest.mark.parametrize("document, pattern", [
    ({"done": "{done} of {totl}"}, r"^x\.yml, field 'done': uses \{done\}, \{totl\}, but must use exactly "
                                   r"\{done\}, \{total\}$"),
    ({"done": "{done} done"}, r"field 'done': uses \{done\}, but must use exactly \{done\}, \{total\}"),
    ({"items": [{"id": "a", "text": "Hi"}]}, r"item 'a', field 'items\.0\.text': uses no field, but must use"),
    ({"items": [{"id": "b", "note": "A {name}"}]}, r"item 'b', field 'items\.0\.note': has a brace"),
    ({"done": "{done} of {total"}, r"field 'done': is not a template the course can fill in"),
])
def test_a_template_with_other_fields_names_the_file_item_and_field(document, pattern):
    with pytest.raises(ContentError, match=pattern):
        check(document, "x.yml", FIELDS)
