"""Showing what a learner typed back to them, safely.

Error messages quote the input so the learner can see what was wrong, but never the whole of it:
a megabyte pasted into a box must not come back as a megabyte message. ``shown`` keeps the start of
the value and says how much was left out. (HTML escaping is still the job of whatever displays it.)
"""

from __future__ import annotations

SHOWN_CHARS = 40


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """``repr(value)``, cut to about ``limit`` characters: ``'0000…' (5,000 characters)``."""
    text = value if isinstance(value, str) else None
    if text is None:
        try:
            text = repr(value)
        except Exception:  # noqa: BLE001 -- a repr that fails must not hide the real error
            return f"<{type(value).__name__}>"
        if len(text) <= limit:
            return text
        return f"{text[:limit]}… ({len(text):,} characters)"
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"
