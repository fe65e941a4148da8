"""Reading a number a learner typed, and showing what they typed back to them, safely.

``read_number`` is the one place where the course reads a typed number. Every calculator, widget and
the quiz's numeric answers use it, so the same text means the same number everywhere:

* Digits, with an optional ``+`` or ``-`` in front. Digits of other writing systems (Arabic-Indic,
  full-width, Devanagari ...) count as the same digits; anything else (``²``, units, spaces inside the
  number, ``1e3``, ``nan``, ``inf``, ``1_000``) is not a number.
* One point or one comma for decimals: ``5.5`` and ``5,5`` are both five and a half.
* **A comma followed by exactly three digits is refused as unclear.** ``1,000`` or ``619,000`` could be
  a thousands separator (one thousand) or a decimal comma (one); the message shows both readings and
  asks for ``1000`` or ``1.0``. More than one comma or point (``1,000,000``, ``1.000.000``) is refused too.
* At most ``max_chars`` characters (``MAX_NUMBER_CHARS`` unless the caller says otherwise), so a huge
  paste is refused before Python tries to read it.
* Between ``low`` and ``high``, which every caller gives: nothing unbounded reaches a calculation, so
  there is no ``inf``, no ``OverflowError`` and no Python digit-limit error. ``-0.0`` is read as ``0.0``.

Problems raise :class:`NumberError` (a ``ValueError``) with a short, plain reason; each calculator
turns it into its own error class. ``NUMBER_RULE`` is the rule in one sentence for hints
(``WHOLE_NUMBER_RULE`` for a box that takes whole numbers only).

Error messages quote the input so the learner can see what was wrong, but never the whole of it:
a megabyte pasted into a box must not come back as a megabyte message. ``shown`` keeps the start of
the value and says how much was left out. (HTML escaping is still the job of whatever displays it.)
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata

SHOWN_CHARS = 40
MAX_NUMBER_CHARS = 20

NUMBER_RULE = ("Use a point or a comma for decimals (2.5 or 2,5) and no thousands separator "
               "(1000, not 1,000).")
WHOLE_NUMBER_RULE = "Type digits only, with no thousands separator (1000, not 1,000)."

_SIGNS_AND_SEPARATORS = {"\u2212": "-", "\uff0d": "-", "\uff0b": "+", "\uff0e": ".", "\uff0c": ",", "\u066b": "."}
_NUMBER = re.compile(r"([+-]?)([0-9]*)(?:([.,])([0-9]*))?", re.ASCII)
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*(?:(?!\1)[.,][0-9]*)?", re.ASCII)
_NOT_FINITE = {"nan", "inf", "infinity"}


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


class NumberError(ValueError):
    """A value that cannot be used as this input's number.

    ``field`` names the input, ``reason`` says why in plain words (with what is allowed), ``kind`` is
    one of ``KINDS`` so a calculator can word a case its own way, and ``number`` is the value read when
    it was a number outside the range (else None).
    """

    KINDS = ("empty", "too long", "unclear comma", "not a number", "not finite", "not whole", "too small",
             "too big")

    def __init__(self, field: str, reason: str, kind: str, number: float | None = None):
        self.field, self.reason, self.kind, self.number = field, reason, kind, number
        super().__init__(f"{field}: {reason}")


def number_text(value: float) -> str:
    """A bound or a number in plain digits, without an exponent or a thousands separator: 1000000, 2.5."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def _ascii(text: str) -> str | None:
    """The text with every decimal digit as 0-9 and full-width signs as ASCII; None if another character."""
    out = []
    for char in text:
        if char in "0123456789+-.,":
            out.append(char)
        elif char in _SIGNS_AND_SEPARATORS:
            out.append(_SIGNS_AND_SEPARATORS[char])
        elif char.isdecimal():
            out.append(str(unicodedata.decimal(char)))
        else:
            return None
    return "".join(out)


def _from_text(text: str, field: str, allowed: str, max_chars: int) -> float:
    if len(text) > max_chars:
        raise NumberError(field, f"{shown(text)} is too long for a number (at most {max_chars} characters). "
                                 f"{allowed}", "too long")
    plain = _ascii(text)
    if plain is None:
        if text.lower().lstrip("+-") in _NOT_FINITE:
            raise NumberError(field, f"{shown(text)} is not an ordinary, finite number. {allowed}", "not finite")
        raise NumberError(field, f"{shown(text)} is not a number: type digits only, without units or spaces. "
                                 f"{allowed}", "not a number")
    match = _NUMBER.fullmatch(plain)
    grouped = None if match else _GROUPED.fullmatch(plain)
    if grouped:
        raise NumberError(field, f"{shown(text)} looks like a number with thousands separators. Type it without "
                                 f"them: {plain.replace(grouped.group(1), '')}. {allowed}", "unclear comma")
    if match is None or not (match.group(2) or match.group(4)):
        raise NumberError(field, f"{shown(text)} is not a number. {allowed} {NUMBER_RULE}", "not a number")
    sign, whole, separator, fraction = match.groups()
    if separator == "," and len(fraction) == 3:
        as_thousands, as_decimal = f"{sign}{whole}{fraction}".lstrip("0") or "0", f"{sign}{whole or '0'}.{fraction}"
        raise NumberError(field, f"{shown(text)} is unclear: the comma could be a thousands separator or a decimal "
                                 f"comma. Type it without a thousands separator ({as_thousands}) or with a decimal "
                                 f"point ({as_decimal}). {allowed}", "unclear comma")
    return float(f"{sign}{whole or '0'}.{fraction or '0'}")


def read_number(value: object, field: str, low: float, high: float, *, unit: str = "", whole: bool = False,
                above_low: bool = False, max_chars: int = MAX_NUMBER_CHARS, allowed: str = "") -> float:
    """The number in ``value`` (typed text or a number), from ``low`` to ``high``, or a NumberError.

    ``whole``: only whole numbers. ``above_low``: the number must be more than ``low`` (not equal).
    ``allowed`` replaces the sentence saying what may be typed (default: "Type a number from 1 to 15 kg.").
    """
    unit_text = f" {unit}" if unit else ""
    what = "a whole number" if whole else "a number"
    if not allowed:
        allowed = (f"Type {what} more than {number_text(low)} and up to {number_text(high)}{unit_text}."
                   if above_low else f"Type {what} from {number_text(low)} to {number_text(high)}{unit_text}.")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise NumberError(field, f"nothing was typed. {allowed}", "empty")
    if isinstance(value, str):
        number = _from_text(value.strip(), field, allowed, max_chars)
    elif isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise NumberError(field, f"{shown(value)} is not a number. {allowed}", "not a number")
    elif isinstance(value, numbers.Integral):
        integer = int(value)
        near = float(integer) if abs(integer) < 10**15 else None
        if integer > high:
            raise NumberError(field, f"{shown(integer)} is too big. {allowed}", "too big", near)
        if integer < low:
            raise NumberError(field, f"{shown(integer)} is {'negative' if integer < 0 <= low else 'too small'}. "
                                     f"{allowed}", "too small", near)
        number = float(integer)
    else:
        try:
            number = float(value)
        except (OverflowError, ValueError, TypeError):
            raise NumberError(field, f"{shown(value)} is not an ordinary, finite number. {allowed}",
                              "not finite") from None
        if not math.isfinite(number):
            raise NumberError(field, f"{shown(value)} is not an ordinary, finite number. {allowed}", "not finite")
    number += 0.0  # -0.0 is 0.0
    if whole and not number.is_integer():
        raise NumberError(field, f"{number_text(number) if abs(number) < 1e15 else shown(value)} is not a "
                                 f"whole number. {allowed}", "not whole", number)
    if number < low or (above_low and number == low):
        raise NumberError(field, f"{_said(number)} is {'negative' if number < 0 <= low else 'too small'}. "
                                 f"{allowed}", "too small", number)
    if number > high:
        raise NumberError(field, f"{_said(number)} is too big. {allowed}", "too big", number)
    return number


def _said(number: float) -> str:
    return f"{number:g}" if abs(number) >= 1e15 or (number and abs(number) < 1e-6) else number_text(number)
