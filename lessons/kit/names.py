"""Learners' names: cleaned when typed, made safe to show, compared fairly, and turned into file names.

- ``clean_name``: what a name box keeps: no direction controls, no invisible control characters, every
  run of spaces (including no-break and other Unicode spaces) one ordinary space, NFC form.
- ``display_name``: a name as it may be shown: the direction controls (U+202A–U+202E, U+2066–U+2069,
  U+200E, U+200F, U+061C) are taken out, so ``"Sam\\u202egnp.exe"`` shows as ``"Samgnp.exe"`` and not,
  reversed, as ``"Samexe.png"``. HTML escaping is still needed (``lessons.kit.widget.escape``, which
  also takes them out).
- ``match_key``: the form used to tell whether two files hold the same learner. See its docstring for
  exactly what it treats as the same and what it does not.
- ``file_stem``: a name as part of a file name, keeping letters of every script.
"""

from __future__ import annotations

import re
import unicodedata

NAME_LENGTH = 60
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_SPACES = re.compile(r"\s+")            # str patterns: every Unicode space, no-break space included

# Cyrillic and Greek letters that look like a Latin letter, in their lower-case (case-folded) form;
# a capital's look-alike decides (Greek "ν" is capital "Ν", so it maps to "n"). Not complete: see match_key.
HOMOGLYPHS = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "ԁ": "d", "һ": "h", "н": "h", "і": "i", "ї": "ï", "ј": "j",
    "к": "k", "ӏ": "l", "м": "m", "о": "o", "р": "p", "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "у": "y",
    "ү": "y", "х": "x", "ԝ": "w", "с": "c", "ь": "b", "з": "3",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "h", "ι": "i", "κ": "k", "μ": "m", "ν": "n", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "y", "χ": "x", "ϲ": "c", "ϳ": "j", "ό": "ó", "ί": "í", "ά": "á",
    # Latin letters that look like another Latin letter
    "ı": "i", "ȷ": "j", "ſ": "s",
})


def _no_controls(text: str) -> str:
    """Without direction controls and other invisible control or format characters (zero-width
    joiners stay: some scripts and emoji need them)."""
    return "".join(ch for ch in _BIDI.sub("", text)
                   if ch in "\u200c\u200d" or unicodedata.category(ch) not in ("Cc", "Cf") or ch.isspace())


def display_name(name: object) -> str:
    """A name as it may be shown: no direction controls, spaces collapsed, trimmed."""
    return _SPACES.sub(" ", _no_controls(str(name))).strip()


def clean_name(name: object, limit: int = NAME_LENGTH) -> str:
    """A typed name as it is kept: ``display_name`` in NFC form, at most ``limit`` characters."""
    return display_name(unicodedata.normalize("NFC", str(name)))[:limit].strip()


def match_key(name: object) -> str:
    """Two names with the same key are taken to be the same learner.

    Treated as the same: upper and lower case (``casefold``); compatibility forms (NFKC: full-width
    ``Ｓａｍ``, ligatures, superscripts); composed and decomposed accents (NFC and NFD); every kind of
    Unicode space and runs of them (no-break, thin, ideographic...); invisible format characters and
    direction controls; and the Cyrillic and Greek letters in ``HOMOGLYPHS`` that look like Latin ones
    (``Sаm`` with a Cyrillic ``а``).

    Not covered, honestly: the full Unicode confusables list (letters of Armenian, Cherokee, other
    scripts and symbols that look Latin), digits and letters that look alike (``0``/``O``, ``1``/``l``),
    pairs of letters that look like one (``rn``/``m``), and accents that are present or not (``Zoe``
    and ``Zoë`` stay two learners). Two genuinely different names written in Cyrillic or Greek could,
    rarely, share a key (``н`` and ``һ`` both count as ``h``); the class view then asks the teacher to
    have one of them change their name, it never merges them.
    """
    text = unicodedata.normalize("NFKC", _no_controls(str(name))).casefold()
    text = unicodedata.normalize("NFC", text.translate(HOMOGLYPHS))
    return _SPACES.sub(" ", text).strip()


def file_stem(name: object, max_bytes: int = 60) -> str:
    """A name as part of a file name, e.g. ``"Zoë Ünal"`` → ``"zoe-unal"``, ``"Мария"`` → ``"мария"``.

    Latin letters lose their accents (NFKD, then the accents dropped); letters and digits of other
    scripts are kept as they are (``str.isalnum`` after NFKC); everything else (spaces, punctuation,
    path separators, dots) becomes ``-``, so the stem never holds a separator and never starts with a
    dot. Lower case, at most ``max_bytes`` bytes in UTF-8, cut between whole characters. "" if nothing
    is left.
    """
    text = unicodedata.normalize("NFKC", display_name(name)).lower()
    kept: list[str] = []
    for ch in text:
        if unicodedata.category(ch).startswith("M"):      # an accent or vowel sign on the letter before
            if kept and not kept[-1].isascii():
                kept.append(ch)                           # part of a non-Latin letter: keep it
            continue
        if ch.isascii():
            kept.append(ch if ch.isalnum() or ch in "_-" else "-")
            continue
        base = "".join(part for part in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(part))
        if base.isascii() and base.isalnum():
            kept.append(base)               # é → e; ß, ø and other scripts are not ASCII after NFKD
        elif ch.isalnum():
            kept.append(ch)
        else:
            kept.append("-")
    stem = unicodedata.normalize("NFC", re.sub(r"-{2,}", "-", "".join(kept))).strip("-_")
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    return stem.strip("-_")
