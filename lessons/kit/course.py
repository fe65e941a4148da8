"""The course map and the text every lesson shares (navigation, safety box, references).

All of it comes from ``lessons/kit/content/course.yml``; ``tools.authoring`` writes
it into the notebooks and the README so nothing is kept in sync by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lessons.kit import data

# A lesson's number is two digits, with a letter for a lesson added between two others ("02b" comes
# after "02" and before "03", so numbers sort in course order and saved progress keeps its lesson names).
LESSON_NUMBER = re.compile(r"^([0-9]{2}[a-z]?)_")
LESSON_GLOB = "[0-9][0-9]*_*.ipynb"     # the numbered lesson notebooks (not the glossary or My progress)


def number_of(name: str) -> str | None:
    """The lesson number at the start of a notebook or lesson name ("02b_how_pain_works" -> "02b"), or None."""
    found = LESSON_NUMBER.match(name)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Lesson:
    number: str
    file: str          # notebook name without .ipynb
    topic: str         # its folder, lessons/topics/<topic>/
    title: str
    minutes: int
    status: str        # "ready" or "planned"
    summary: str
    part: str

    @property
    def notebook(self) -> str:
        return f"{self.file}.ipynb"

    @property
    def folder(self) -> Path:
        """Where the lesson's code and content live."""
        return data.PACKAGE_DIR / "topics" / self.topic

    @property
    def ready(self) -> bool:
        return self.status == "ready"


@cache
def course_data() -> dict:
    from lessons.kit import triage  # the course map's summaries name triage levels; triage reads this map

    return triage.load(data.CONTENT_DIR / "course.yml", "course")


@cache
def lessons() -> tuple[Lesson, ...]:
    """Every lesson, ready or planned, in course order."""
    found = []
    for part in course_data()["parts"]:
        for item in part["lessons"]:
            found.append(Lesson(part=part["title"], **item))
    numbers = [lesson.number for lesson in found]
    if numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
        raise data.ContentError("lessons/kit/content/course.yml", "lesson numbers must be unique and in order",
                                field="parts")
    for lesson in found:
        if not lesson.file.startswith(lesson.number + "_"):
            raise data.ContentError("lessons/kit/content/course.yml", "file must start with the lesson number",
                                    item=lesson.file, field="file")
    return tuple(found)


def lesson(file: str) -> Lesson:
    for item in lessons():
        if item.file == file:
            return item
    raise KeyError(f"no lesson {file!r} in the course map")


def ready_lessons() -> tuple[Lesson, ...]:
    return tuple(item for item in lessons() if item.ready)


def neighbours(file: str) -> tuple[Lesson | None, Lesson | None]:
    """The nearest ready lessons before and after ``file`` (which may itself be planned)."""
    number = lesson(file).number
    before = [item for item in ready_lessons() if item.number < number]
    after = [item for item in ready_lessons() if item.number > number]
    return (before[-1] if before else None), (after[0] if after else None)


def repository() -> str:
    """The course's GitHub repository, ``owner/name``: the one place every link to it comes from."""
    return course_data()["repository"]


def github_url() -> str:
    return f"https://github.com/{repository()}"


def pages_url() -> str:
    """Where GitHub Pages publishes the read-only edition (``.github/workflows/pages.yml``)."""
    owner, name = repository().split("/")
    return f"https://{owner.lower()}.github.io/{name}/"


def binder_url(notebook_path: str | None = None) -> str:
    """A mybinder.org link that opens JupyterLab, at a notebook if one is given."""
    url = f"https://mybinder.org/v2/gh/{repository()}/{course_data()['branch']}"
    if notebook_path:
        url += f"?urlpath=lab/tree/{notebook_path}"
    return url


def binder_badge(text: str, notebook_path: str | None = None) -> str:
    """A Binder badge (markdown) that opens JupyterLab on mybinder.org, at a notebook if one is given."""
    return f"[![{text}](https://mybinder.org/badge_logo.svg)]({binder_url(notebook_path)})"


def nav_markdown(file: str) -> str:
    """The navigation line at the top and bottom of a notebook: previous · contents · next."""
    before, after = neighbours(file)
    links = []
    if before:
        links.append(f"[← {before.number} {before.title}]({before.notebook})")
    links.append("[Course map](00_start_here.ipynb#Course-map)")
    if after:
        links.append(f"[{after.number} {after.title} →]({after.notebook})")
    else:
        upcoming = [item for item in lessons() if item.number > (number_of(file) or "") and not item.ready]
        if upcoming:
            links.append(f"Next, coming soon: {upcoming[0].number} {upcoming[0].title}")
    return " · ".join(links)


def lesson_link(file: str) -> str:
    """A link to a ready lesson, or its number and title marked "coming soon"."""
    item = lesson(file)
    if item.ready:
        return f"[{item.number} {item.title}]({item.notebook})"
    return f"{item.number} {item.title} *(coming soon)*"


def lesson_links_markdown(files: list[str]) -> str:
    """The "Where to go from here" list: related lessons, linked once they exist."""
    lines = ["**Related lessons:**", ""]
    lines += [f"- {lesson_link(file)}: {lesson(file).summary}" for file in files]
    return "\n".join(lines)


def course_map_markdown(link_prefix: str = "", binder: bool = False) -> str:
    """A table of every lesson; ready ones are linked (and get a Binder link if asked)."""
    header = "| # | Lesson | What you learn | Time |"
    rule = "|---|---|---|---|"
    if binder:
        header += " Open on Binder |"
        rule += "---|"
    rows = []
    for part in course_data()["parts"]:
        rows.append(f"| | **{part['title']}** | | |" + (" |" if binder else ""))
        for item in (lesson(entry["file"]) for entry in part["lessons"]):
            title = (f"[{item.title}]({link_prefix}{item.notebook})" if item.ready
                     else f"{item.title} *(coming soon)*")
            row = f"| {item.number} | {title} | {item.summary} | {item.minutes} min |"
            if binder:
                row += (f" {binder_badge(f'Open lesson {item.number} on Binder', 'notebooks/' + item.notebook)} |"
                        if item.ready else " |")
            rows.append(row)
    return "\n".join([header, rule, *rows])
