"""The course's one source of triage: every warning sign, its level and its wording.

Everything lives in ``lessons/kit/content/red_flags.yml``; this module only reads it and puts its words
together. Nothing else in the course types a warning sign or says how fast to get help: modules call
the functions below, and other content files (quizzes, cases, the explorer's rules, the notebooks'
generated "triage" cells) write placeholders that ``expand`` fills in:

==============================  =============================================================
``{{sign:ID}}``                 the sign in a few words (its ``short``)
``{{text:ID}}``                 the sign in full (its ``text``)
``{{signs:LEVEL}}``             every sign of a level in a few words: "a, b or c"
``{{signs:ID,ID,...}}``         these signs in a few words: "a, b or c"
``{{signs:GROUP}}``             the signs of a group of the triage file (``cauda-equina``), the same way
``{{bullets:LEVEL}}``           every sign of a level in full, as a markdown list
``{{needs:LEVEL}}``             what the level needs: "emergency help now", "a doctor the same day"
``{{needs-of:ID}}``             the same, for the level of that sign
``{{lead:LEVEL}}``              the level as an instruction: "Get emergency help now"
``{{name:LEVEL}}``              the level's one-word name: "emergency", "same-day", "see-soon"
``{{name-of:ID}}``              the same, for the level of that sign
``{{heading:LEVEL}}``           the level's heading in the safety box
``{{action:LEVEL}}``            what to do: "Call your local emergency number ..."
``{{why:LEVEL}}``               why the level's signs matter
==============================  =============================================================

Add ``|cap`` to start the words with a capital letter, for example ``{{sign:both-legs|cap}}``.
An unknown placeholder, sign or level raises ``ContentError`` naming the file and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from lessons.kit import data

FILE = "lessons/kit/content/red_flags.yml"
LEVELS = ("emergency", "urgent", "soon")          # most serious first
PLACEHOLDER = re.compile(r"\{\{\s*([a-z-]+)\s*(?::\s*([^}|]*?))?\s*(\|\s*cap\s*)?\}\}")


@dataclass(frozen=True)
class Level:
    key: str
    name: str        # one word: "emergency", "same-day", "see-soon"
    needs: str       # "emergency help now", "a doctor the same day", "a check by a GP soon"
    lead: str        # "Get emergency help now"
    heading: str     # the safety box's heading for this level
    why: str
    symbol: str
    headline: str    # the red-flag checker's verdict headline
    when: str
    how_fast: str
    action: str

    @property
    def rank(self) -> int:
        """0 for the most serious level."""
        return LEVELS.index(self.key)


@dataclass(frozen=True)
class NoSign:
    """What the red-flag checker says when no sign is ticked."""
    symbol: str
    headline: str
    when: str
    how_fast: str
    action: str


@dataclass(frozen=True)
class Sign:
    id: str
    level: str
    text: str
    short: str
    question: str
    refs: tuple[str, ...]
    note: str = ""


@cache
def _document() -> dict:
    return data.load(FILE.removeprefix("lessons/"), "red_flags")   # relative to the package folder


@cache
def levels() -> dict[str, Level]:
    """The three levels, most serious first."""
    return {key: Level(key=key, **_document()["levels"][key]) for key in LEVELS}


def level(key: str) -> Level:
    try:
        return levels()[key]
    except KeyError:
        raise KeyError(f"unknown triage level {key!r}; the levels are {', '.join(LEVELS)}") from None


@cache
def no_sign() -> NoSign:
    return NoSign(**_document()["no_sign"])


@cache
def sources() -> tuple[str, ...]:
    return tuple(_document()["sources"])


@cache
def _all_signs() -> tuple[Sign, ...]:
    from lessons.kit.references import bibliography

    known = bibliography()
    found, seen = [], set()
    for index, entry in enumerate(_document()["signs"]):
        if entry["id"] in seen:
            raise data.ContentError(FILE, "duplicate sign id", item=entry["id"], field=f"signs.{index}.id")
        seen.add(entry["id"])
        for ref in entry["refs"]:
            if ref not in known:
                raise data.ContentError(FILE, f"unknown reference {ref!r}", item=entry["id"],
                                        field=f"signs.{index}.refs")
        found.append(Sign(entry["id"], entry["level"], entry["text"], entry["short"], entry["question"],
                          tuple(entry["refs"]), entry.get("note", "")))
    for ref in _document()["sources"]:
        if ref not in known:
            raise data.ContentError(FILE, f"unknown reference {ref!r}", field="sources")
    # Most serious level first; within a level, the order of the file.
    return tuple(sorted(found, key=lambda sign: LEVELS.index(sign.level)))


def signs(level_key: str | None = None) -> tuple[Sign, ...]:
    """Every sign (most serious level first), or the signs of one level."""
    if level_key is None:
        return _all_signs()
    level(level_key)  # raises for an unknown level
    return tuple(sign for sign in _all_signs() if sign.level == level_key)


def sign(sign_id: str) -> Sign:
    for item in _all_signs():
        if item.id == sign_id:
            return item
    raise KeyError(f"unknown warning sign {sign_id!r} (not in {FILE})")


@cache
def groups() -> dict[str, tuple[str, ...]]:
    """{group name: sign ids}: signs the lessons name together, such as ``cauda-equina``."""
    known = {item.id for item in _all_signs()}
    found = {}
    for name, ids in _document()["groups"].items():
        if name in LEVELS or name in known:
            raise data.ContentError(FILE, "a group needs a name that is not a level or a sign id",
                                    field=f"groups.{name}")
        for index, sign_id in enumerate(ids):
            if sign_id not in known:
                raise data.ContentError(FILE, f"unknown warning sign {sign_id!r}", field=f"groups.{name}.{index}")
        found[name] = tuple(ids)
    return found


def group(name: str) -> tuple[str, ...]:
    """The sign ids of one group, in the order of the triage file."""
    try:
        return groups()[name]
    except KeyError:
        raise KeyError(f"unknown group of warning signs {name!r} (not in {FILE})") from None


def level_of(sign_ids: Iterable[str]) -> Level | None:
    """The most serious level among these signs, or None for no signs."""
    ranks = [LEVELS.index(sign(sign_id).level) for sign_id in sign_ids]
    return level(LEVELS[min(ranks)]) if ranks else None


def join(phrases: Iterable[str], word: str = "or") -> str:
    """ "a", "a or b", "a, b or c"; with semicolons ("a; b; or c") if a phrase has a comma of its own."""
    items = list(phrases)
    if len(items) <= 1:
        return "".join(items)
    if any("," in item for item in items):
        return "; ".join(items[:-1]) + f"; {word} " + items[-1]
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(sign_ids: Iterable[str] | None = None, level_key: str | None = None) -> str:
    """One instruction per level: "Get emergency help now if back pain comes with a, b or c."

    With ``sign_ids``, those signs (grouped by level, most serious first); otherwise every sign of
    ``level_key``.
    """
    chosen = [sign(s) for s in sign_ids] if sign_ids is not None else list(signs(level_key))
    parts = []
    for key in LEVELS:
        shorts = [item.short for item in chosen if item.level == key]
        if shorts:
            parts.append(f"{level(key).lead} if back pain comes with {join(shorts)}.")
    return " ".join(parts)


def bullets(level_key: str) -> str:
    return "\n".join(f"- {item.text}" for item in signs(level_key))


def _sign_list(argument: str) -> list[Sign]:
    if argument in LEVELS:
        return list(signs(argument))
    if argument in groups():
        return [sign(sign_id) for sign_id in group(argument)]
    return [sign(part.strip()) for part in argument.split(",")]


def _render(kind: str, argument: str) -> str:
    if kind == "sign":
        return sign(argument).short
    if kind == "text":
        return sign(argument).text
    if kind == "signs":
        return join(item.short for item in _sign_list(argument))
    if kind == "bullets":
        return bullets(argument)
    if kind in ("needs-of", "name-of"):
        chosen = level(sign(argument).level)
        return chosen.needs if kind == "needs-of" else chosen.name
    if kind in ("needs", "lead", "name", "heading", "action", "why"):
        return getattr(level(argument), kind)
    raise KeyError(f"unknown placeholder {{{{{kind}:...}}}}")


def expand(text: str, file: str = FILE, field: str | None = None, item: str | None = None) -> str:
    """Fill in every ``{{...}}`` placeholder of ``text`` from the triage file (see the module doc)."""
    if "{{" not in text:
        return text

    def fill(match: re.Match) -> str:
        kind, argument, cap = match.group(1), (match.group(2) or "").strip(), match.group(3)
        try:
            words = _render(kind, argument)
        except KeyError as error:
            raise data.ContentError(file, f"{error.args[0]} in {match.group(0)!r}", item=item,
                                    field=field) from None
        return capital(words) if cap else words

    result = PLACEHOLDER.sub(fill, text)
    if "{{" in result:
        raise data.ContentError(file, "a '{{' that is not a triage placeholder; see lessons/kit/triage.py",
                                item=item, field=field)
    return result


def expand_all(document, file: str, path: str = ""):
    """``expand`` every string inside a loaded data document (lists and dicts, recursively)."""
    if isinstance(document, str):
        return expand(document, file, path or None)
    if isinstance(document, list):
        return [expand_all(value, file, f"{path}.{index}" if path else str(index))
                for index, value in enumerate(document)]
    if isinstance(document, dict):
        item = document.get("id") if isinstance(document.get("id"), str) else None
        out = {}
        for key, value in document.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(value, str) and "{{" in value:
                out[key] = expand(value, file, where, item)
            else:
                out[key] = expand_all(value, file, where)
        return out
    return document


def load(path, schema_name):
    """``data.load`` a content file, then fill in its triage placeholders (``{{sign:both-legs}}``)."""
    return expand_all(data.load(path, schema_name), data.display_name(data.PACKAGE_DIR / path))


# ---- The safety box that closes every lesson -------------------------------------------------------

DISCLAIMER = (
    "**This course is education, not medical advice.** It cannot diagnose you or tell you "
    "how to treat your own pain. If you have back or leg pain, talk to a doctor, "
    "physiotherapist or other qualified clinician."
)


SOURCES_NOTE = ("Where these signs come from: the [Red-flag checker](17_red_flag_checker.ipynb) (lesson 17) "
                "lists the guidelines and studies behind each one.")


def safety_markdown() -> str:
    """The "When to get help fast" box and disclaimer that close every lesson (a quote block,
    so it reads the same in JupyterLab, on GitHub and in the static edition)."""
    lines = ["### ⚠ When to get help fast", ""]
    for key in LEVELS:
        chosen = level(key)
        lines += [f"**{chosen.heading}:**", ""]
        lines += [f"- {item.text}" for item in signs(key)]
        lines += ["", chosen.why, ""]
    lines += [SOURCES_NOTE, "", DISCLAIMER]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def alert_text(sign_ids: Iterable[str] | None = None, level_key: str = "emergency") -> str:
    """A one-paragraph warning for a widget: the level's symbol, the instruction and what to do."""
    chosen = list(sign_ids) if sign_ids is not None else None
    top = level_of(chosen) if chosen else level(level_key)
    return f"{top.symbol} {sentence(chosen, None if chosen else level_key)} {top.action}"
