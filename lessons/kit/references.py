"""The course's references: every ``content/references*.yml`` file in the package (one per topic,
plus the kit's shared ones), checked when loaded; ids are unique across the whole course."""

from __future__ import annotations

from functools import cache

from lessons.kit import data


@cache
def bibliography() -> dict[str, dict]:
    """Every reference, from all files in ``any lessons/**/content/references*.yml`` (one per topic)."""
    found: dict[str, dict] = {}
    for path in data.content_files("**/content/references*.yml"):
        for entry in data.load(path, "references")["references"]:
            if entry["id"] in found:
                raise data.ContentError(data.display_name(path), "duplicate reference id",
                                        item=entry["id"], field="id")
            found[entry["id"]] = entry
    return found


def reference_markdown(ref_id: str) -> str:
    try:
        entry = bibliography()[ref_id]
    except KeyError:
        raise KeyError(f"reference {ref_id!r} is not in any references file "
                       "(lessons/**/content/references*.yml)") from None
    text = entry["citation"]
    if "url" in entry:
        text += f" <{entry['url']}>"
    return text


def references_markdown(ref_ids: list[str]) -> str:
    items = [f"{n}. {reference_markdown(ref_id)}" for n, ref_id in enumerate(ref_ids, start=1)]
    return "## References\n\n" + "\n".join(items)


def check_ids(ids, file: str, field: str, *, item: str | None = None, numbered: bool = True) -> tuple[str, ...]:
    """The reference ids of a content file, checked: each must be a reference of the course, else a
    ContentError naming the file, the item and the field (``field.N`` for the Nth id when ``numbered``)."""
    known = bibliography()
    for index, ref in enumerate(ids):
        if ref not in known:
            raise data.ContentError(file, f"unknown reference {ref!r}", item=item,
                                    field=f"{field}.{index}" if numbered else field)
    return tuple(ids)
