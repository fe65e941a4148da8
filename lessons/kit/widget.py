"""Small pieces shared by every course widget."""

from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.io as pio

from lessons.kit.names import BIDI_CONTROLS

_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def escape(text: object) -> str:
    """Escape text before it goes into HTML (course text and anything a learner types).

    Direction controls (``lessons.kit.names.BIDI_CONTROLS``) are taken out too: ``"Sam\\u202egnp.exe"`` would
    otherwise show, reversed, as "Samexe.png"."""
    return html.escape(str(text).translate(_NO_BIDI), quote=True)


def show_figure(output: widgets.Output, figure) -> None:
    """Replace what an Output widget shows with a plotly figure, by setting its state directly.

    Neither ``with output:`` nor ``clear_output()`` is used: both send messages that a test
    runner (nbval) would take as the cell's own output, and strict nbval would then fail.
    """
    bundle = pio.renderers["plotly_mimetype"].to_mimebundle(figure.to_dict())
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


CARD_STYLE = "border:1px solid #999;border-radius:6px;padding:6px 12px"


def card_html(title: str, rows: list[tuple[str, str]], *, before: str = "", after: str = "") -> str:
    """An information card: a heading and label/text rows, all escaped. ``before`` and ``after``
    are HTML the caller has already built (and escaped), such as a warning or a closing line."""
    body = "".join(f"<dt><strong>{escape(label)}</strong></dt><dd>{escape(text)}</dd>" for label, text in rows)
    return (f'<div class="course-card" style="{CARD_STYLE}"><h4>{escape(title)}</h4>'
            f"{before}<dl>{body}</dl>{after}</div>")


class CourseWidget(widgets.VBox):
    """A VBox whose plain-text form is a readable sentence, not a widget repr.

    The text shows wherever widgets cannot be drawn (a terminal, a notebook viewer)
    and keeps the stored notebook output short and stable for strict nbval.
    """

    plain_text = "An interactive widget: run this notebook in JupyterLab to use it."

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = self.plain_text
        return bundle


def feedback_html(ok: bool | None, headline: str, body: str = "", notes: tuple[str, ...] = ()) -> str:
    """Feedback box: a symbol and words (never colour alone), announced to screen readers."""
    if ok is None:
        symbol, css = "ℹ", "info"
    else:
        symbol, css = ("✔", "right") if ok else ("✘", "wrong")
    parts = [f"<strong>{symbol} {escape(headline)}</strong>"]
    parts += [f"<p>{escape(note)}</p>" for note in notes]
    if body:
        parts.append(f"<p>{escape(body)}</p>")
    return (f'<div class="course-feedback course-feedback-{css}" role="status" aria-live="polite" '
            f'style="{FEEDBACK_STYLE[css]}">' + "".join(parts) + "</div>")


# Okabe-Ito based tints: distinguishable with common colour-vision deficiencies,
# and the verdict is also spelled out in words and a symbol.
FEEDBACK_STYLE = {
    "right": "border-left:6px solid #009E73;background:#E6F5F0;padding:4px 10px;color:#1a1a1a",
    "wrong": "border-left:6px solid #D55E00;background:#FBEDE5;padding:4px 10px;color:#1a1a1a",
    "info": "border-left:6px solid #0072B2;background:#E5F1F8;padding:4px 10px;color:#1a1a1a",
}
