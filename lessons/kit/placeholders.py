"""Named ``{fields}`` in content texts, filled in by the code that shows them.

A template in a content file says, for example, ``"Out of 100 people aged {age} WITHOUT back pain, ..."``;
the topic's loader calls ``check`` with the fields that text may use (so a typo such as ``{agee}`` is a
``ContentError`` naming the file, the item and the field when the file is loaded), and the code calls
``fill`` with the values. These are not the triage placeholders (``{{sign:ID}}``, ``lessons.kit.triage``),
which are filled in when a file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lessons.kit.data import ContentError

FIELD = re.compile(r"\{([^{}]*)\}")


def fields(text: str) -> list[str]:
    """The names of the ``{fields}`` of ``text``, in order."""
    return FIELD.findall(text)


def check(text: str, allowed: Iterable[str], file: str, *, item: str | None = None,
          field: str | None = None) -> None:
    """Raise ContentError if ``text`` uses a ``{field}`` that is not ``allowed``."""
    allowed = tuple(allowed)
    for name in fields(text):
        if name not in allowed:
            may = " and ".join("{" + key + "}" for key in allowed) or "no placeholder"
            raise ContentError(file, f"unknown placeholder {{{name}}}; this text may say {may}", item=item,
                               field=field)


def fill(text: str, **values: object) -> str:
    """``text`` with every ``{field}`` replaced by its value (``check`` the text when it is loaded)."""
    return FIELD.sub(lambda match: str(values[match.group(1)]), text)
