"""The learner's progress (quiz answers, attempts, saved plans, beliefs-check answers, a display name) in one
SQLite file.

Each operation opens a short-lived connection, and every write is one ``BEGIN IMMEDIATE``
transaction, so two notebooks (two kernels, two processes) can save at once. A write waits at most
``BUSY_TIMEOUT`` (2 s) for another notebook's write to finish, then gives up with ``StoreBusy``, so a
Check never freezes the notebook; the quiz keeps such an answer and saves it with the next one.
A file we cannot use (not SQLite, damaged, another program's, or from a newer course) is renamed
to ``progress.sqlite3.unreadable-N``, never deleted, and a fresh store starts.

In the live edition (JupyterLite) the file is in the kernel's memory and every change is copied whole to
the browser drive (``lessons.records.drive``), so it survives a reload; ``open_default_store`` sets that up.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lessons.kit.files import NameTaken, copy_atomically
from lessons.kit.names import NAME_LENGTH, clean_name
from lessons.records.drive import FOLDER_NAME, DriveCopies, drive_folder, in_browser

ENV_VAR = "BACKPAIN_PROGRESS_DB"
APP_NAME = "back-pain-leg-pain"
APPLICATION_ID = 0x42504C50          # "BPLP": tells our file from another program's SQLite file
SCHEMA_VERSION = 2                   # 1: answers, attempts, plans, settings; 2: + beliefs (MIGRATIONS)
BUSY_TIMEOUT = 2.0                   # seconds to wait for another notebook's write to finish
BUSY_CODES = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
UNREADABLE = (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT)
TABLES = ("answers", "attempts", "plans", "settings", "beliefs")
BELIEF_ANSWERS = ("agree", "not_sure", "disagree")
SURENESS = ("a_little", "fairly", "very")
# What a file of each older version needs to become the next version (run in the same transaction).
MIGRATIONS = {
    1: """
CREATE TABLE beliefs (id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, statement TEXT NOT NULL,
                      answer TEXT NOT NULL, sureness TEXT NOT NULL, answered_at TEXT NOT NULL);
""",
}
SCHEMA = MIGRATIONS[1] + """
CREATE TABLE attempts (number INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL,
                       total INTEGER NOT NULL, started_at TEXT NOT NULL);
CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT,
                      attempt INTEGER NOT NULL REFERENCES attempts(number), lesson TEXT NOT NULL,
                      question TEXT NOT NULL, correct INTEGER NOT NULL, chosen TEXT NOT NULL,
                      answered_at TEXT NOT NULL);
CREATE TABLE plans (name TEXT PRIMARY KEY, plan TEXT NOT NULL, saved_at TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# SCHEMA is the newest version whole: a new file gets it at once, an older file its MIGRATIONS.
# The latest answer to each question within each attempt.
LATEST = "SELECT * FROM answers WHERE id IN (SELECT MAX(id) FROM answers GROUP BY attempt, question)"


def default_path() -> Path:
    """``$BACKPAIN_PROGRESS_DB`` if set, else ``progress.sqlite3`` in the user's data folder."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "progress.sqlite3"


def now() -> str:
    """UTC time to the second, e.g. ``2026-11-25T10:00:00Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)   # slots: a class of thousands holds a million of these
class Answer:
    lesson: str
    question: str
    attempt: int
    correct: bool
    chosen: tuple[str, ...]
    answered_at: str


@dataclass(frozen=True, slots=True)
class Attempt:
    number: int
    lesson: str
    total: int
    started_at: str
    answered: int       # distinct questions answered, each counted by its latest answer
    correct: int

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class BeliefAnswer:
    """One saved answer of the beliefs check: ``lesson`` is where it was asked (lesson 00 or 19),
    ``answer`` one of ``BELIEF_ANSWERS``, ``sureness`` one of ``SURENESS`` ("" with "not_sure")."""

    lesson: str
    statement: str
    answer: str
    sureness: str
    answered_at: str


def check_belief(lesson: str, statement: str, answer: str, sureness: str) -> None:
    """``ValueError`` in plain words for a belief answer the store does not keep."""
    for name, value in (("lesson", lesson), ("statement", statement)):
        if not isinstance(value, str) or not 1 <= len(value) <= 60:
            raise ValueError(f"a belief answer's {name} must be a short text, not {value!r}"[:200])
    if answer not in BELIEF_ANSWERS:
        raise ValueError(f"a belief answer must be one of {', '.join(BELIEF_ANSWERS)}, not {answer!r}"[:200])
    allowed = ("",) if answer == "not_sure" else SURENESS
    if sureness not in allowed:
        raise ValueError(f"with {answer!r}, how sure must be one of {', '.join(map(repr, allowed))}, "
                         f"not {sureness!r}"[:200])


@dataclass(frozen=True)
class SavedPlan:
    name: str
    plan: dict
    saved_at: str


@dataclass(frozen=True)
class Merged:
    """What ``ProgressStore.merge`` added; nothing that was already in the store is changed."""

    answers_added: int
    attempts_added: int
    plans_added: int
    answers_already_there: int
    quizzes: int                                    # lessons whose answers were added
    renamed_plans: tuple[tuple[str, str], ...] = ()  # (name given, name kept under): that name was taken
    name_set: bool = False
    beliefs_added: int = 0


class StoreBusy(sqlite3.OperationalError):
    """Another notebook or program is writing to the progress file and did not finish in time."""


def is_busy(error: BaseException) -> bool:
    """True for SQLite's "database is locked" / "database table is locked" (a wait, not a fault)."""
    if isinstance(error, StoreBusy):
        return True
    if not isinstance(error, sqlite3.Error):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in BUSY_CODES


@contextmanager
def _busy_is_store_busy() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        if is_busy(error) and not isinstance(error, StoreBusy):
            busy = StoreBusy("the progress file is busy: another notebook is saving to it")
            for name in ("sqlite_errorcode", "sqlite_errorname"):
                setattr(busy, name, getattr(error, name, None))
            raise busy from error
        raise


def _free_name(path: Path, label: str) -> Path:
    n = 1
    while (candidate := path.with_name(f"{path.name}.{label}-{n}")).exists():
        n += 1
    return candidate


def _problem(conn: sqlite3.Connection) -> str | None:
    """Why an existing file cannot be our store, or None if it can (an empty file is fine)."""
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        return "it is damaged"
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
        return "it belongs to another program"
    if version > SCHEMA_VERSION:
        return "it was written by a newer version of the course"
    return None


def _file_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be our store (``_problem``), including "not SQLite at all"."""
    try:
        with closing(sqlite3.connect(path)) as conn:
            return _problem(conn)
    except sqlite3.DatabaseError:
        return "it is not a progress file"


NOT_KEPT_IN_BROWSER = ("This browser cannot keep your progress between visits (its file storage is not "
                       "available, for example in a private window), so your answers last only until the page "
                       "is closed or reloaded. To keep them, export them from My progress before you leave.")


class ProgressStore:
    """One learner's progress file. Every method opens and closes its own connection."""

    def __init__(self, path: Path | str | None = None, *, busy_timeout: float = BUSY_TIMEOUT,
                 copies: DriveCopies | None = None):
        """``copies``: keep a whole copy of the file there after every change, and start from the newest
        (the live edition's browser drive)."""
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.busy_timeout = busy_timeout
        self.notice: str | None = None
        self.set_aside: Path | None = None
        self.copies = copies
        self.copy_number = 0                 # the drive copy this file matches (0: none yet)
        self.not_kept: str | None = None     # why the latest change could not be copied to the drive
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._open()

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> None:
        if self.copies is not None:
            self._load_newest_copy()
        if self.path.exists() and self.path.stat().st_size > 0:
            before = self.path.stat()
            try:
                with _busy_is_store_busy(), closing(sqlite3.connect(self.path, timeout=self.busy_timeout)) as conn:
                    why = _problem(conn)
            except sqlite3.DatabaseError as error:
                if (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF not in UNREADABLE:
                    raise                         # e.g. locked or no permission: not the file's fault
                why = "it is not a progress file"
            if why:
                self._put_aside(before, why)
        with self._transaction():
            pass                                  # creates the tables in a new or empty file

    def _put_aside(self, checked: os.stat_result, why: str) -> None:
        now_stat = self.path.stat()
        if (now_stat.st_ino, now_stat.st_dev) != (checked.st_ino, checked.st_dev):
            return                                # another notebook already put it aside
        target = _free_name(self.path, "unreadable")
        os.rename(self.path, target)
        for suffix in ("-journal", "-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.rename(side, target.with_name(target.name + suffix))
        self.set_aside = target
        self.notice = (f"Your earlier progress file could not be read ({why}), so it was kept as "
                       f"{target.name} and a new progress file was started.")

    # --- copies on the browser drive ------------------------------------------------------------

    def _load_newest_copy(self) -> None:
        """Take the newest usable drive copy that is newer than this file's, if there is one."""
        number, skipped = self.copies.restore(self.path, _file_problem, newer_than=self.copy_number)
        if number:
            self.copy_number = number
        if skipped:
            kept, why = skipped[0]
            self.set_aside = kept
            self.notice = (f"A saved copy of your progress could not be read ({why}), so it was kept as "
                           f"{kept.name} and " + ("the copy before it was used." if number or self.copy_number
                                                  else "a new progress file was started."))

    def _copy_to_drive(self) -> None:
        try:
            self.copy_number = self.copies.save(self.path)
        except OSError as error:
            self.not_kept = (f"Your answer is kept for now, but it could not be stored in this browser ({error}). "
                             "It will be tried again with your next answer; to be safe, export your progress "
                             "from My progress.")
        else:
            self.not_kept = None

    # --- connections -------------------------------------------------------------------------

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with _busy_is_store_busy(), \
                closing(sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)) as conn:
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: all of it or none of it. Creates the tables if the file has none yet.

        With drive ``copies``: first takes a newer copy (saved by another notebook), and after a change
        copies the file to the drive (or tries again, if the last copy failed)."""
        if self.copies is not None and self.copies.newest_number() > self.copy_number:
            self._load_newest_copy()
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            changes = conn.total_changes
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version < SCHEMA_VERSION:
                    _upgrade(conn, version)
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            changed = conn.total_changes != changes
        if self.copies is not None and (changed or self.not_kept):
            self._copy_to_drive()

    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._transaction() as conn:         # a transaction also re-creates a lost file's tables
            return conn.execute(sql, params).fetchall()

    # --- answers and attempts ------------------------------------------------------------------

    def new_attempt(self, lesson: str, total: int) -> int:
        """Start an attempt at a quiz of ``total`` questions; its number is unique in the store."""
        if not isinstance(total, int) or total < 0:
            raise ValueError(f"total must be a whole number of questions, not {total!r}")
        with self._transaction() as conn:
            cursor = conn.execute("INSERT INTO attempts (lesson, total, started_at) VALUES (?, ?, ?)",
                                  (str(lesson), total, now()))
            return cursor.lastrowid

    def record_answer(self, attempt: int, lesson: str, question: str, correct: bool,
                      chosen: Sequence[str], answered_at: str | None = None) -> None:
        """Record one answer, at ``answered_at`` (e.g. when it was checked) or now."""
        if isinstance(chosen, str) or not all(isinstance(text, str) for text in chosen):
            raise ValueError("chosen must be a list of answer texts")
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM attempts WHERE number = ?", (attempt,)).fetchone() is None:
                raise ValueError(f"attempt {attempt} is not in the progress file (was it reset?)")
            conn.execute("INSERT INTO answers (attempt, lesson, question, correct, chosen, answered_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (attempt, str(lesson), str(question), bool(correct),
                          json.dumps(list(chosen), ensure_ascii=False), answered_at or now()))

    def answers(self, lesson: str | None = None) -> list[Answer]:
        """Every answer, in the order recorded (only ``lesson``'s if given)."""
        where = "WHERE lesson = ?" if lesson is not None else ""
        rows = self._read(f"SELECT lesson, question, attempt, correct, chosen, answered_at FROM answers "
                          f"{where} ORDER BY id", () if lesson is None else (lesson,))
        return [Answer(les, q, att, bool(ok), tuple(json.loads(chosen)), at) for les, q, att, ok, chosen, at in rows]

    def attempts(self, lesson: str | None = None) -> list[Attempt]:
        """Every attempt, in the order started, scored by the latest answer to each question."""
        where = "WHERE a.lesson = ?" if lesson is not None else ""
        rows = self._read(
            "SELECT a.number, a.lesson, a.total, a.started_at, COUNT(l.id), COALESCE(SUM(l.correct), 0) "
            f"FROM attempts a LEFT JOIN ({LATEST}) l ON l.attempt = a.number {where} "
            "GROUP BY a.number ORDER BY a.number", () if lesson is None else (lesson,))
        return [Attempt(*row) for row in rows]

    # --- the beliefs check ------------------------------------------------------------------------

    def record_beliefs(self, lesson: str, answers: Sequence[tuple[str, str, str]],
                       answered_at: str | None = None) -> None:
        """Save ``(statement, answer, sureness)`` answers of the beliefs check asked in ``lesson``, in one
        write (all or none); ``ValueError`` names the first answer the store does not keep."""
        at = answered_at or now()
        rows = []
        for statement, answer, sureness in answers:
            check_belief(lesson, statement, answer, sureness)
            rows.append((lesson, statement, answer, sureness, at))
        with self._transaction() as conn:
            conn.executemany("INSERT INTO beliefs (lesson, statement, answer, sureness, answered_at) "
                             "VALUES (?, ?, ?, ?, ?)", rows)

    def beliefs(self, lesson: str | None = None) -> list[BeliefAnswer]:
        """Every saved belief answer, in the order saved (only ``lesson``'s if given)."""
        where = "WHERE lesson = ?" if lesson is not None else ""
        rows = self._read(f"SELECT lesson, statement, answer, sureness, answered_at FROM beliefs {where} "
                          "ORDER BY id", () if lesson is None else (lesson,))
        return [BeliefAnswer(*row) for row in rows]

    # --- plans and the display name --------------------------------------------------------------

    def save_plan(self, name: str, plan: dict) -> None:
        """Keep a plan (a JSON-able dict) under ``name``; a plan of the same name is replaced."""
        text = json.dumps(plan, ensure_ascii=False, sort_keys=True)
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO plans (name, plan, saved_at) VALUES (?, ?, ?)",
                         (str(name), text, now()))

    def plans(self) -> list[SavedPlan]:
        """Saved plans, the most recently saved last."""
        rows = self._read("SELECT name, plan, saved_at FROM plans ORDER BY rowid")
        return [SavedPlan(name, json.loads(plan), at) for name, plan, at in rows]

    def display_name(self) -> str:
        rows = self._read("SELECT value FROM settings WHERE key = 'display_name'")
        return rows[0][0] if rows else ""

    def set_display_name(self, name: str) -> str:
        """Store the name the learner wants on exported results (``lessons.kit.names.clean_name``: trimmed, spaces
        made ordinary, direction controls and invisible characters taken out, at most 60 characters)."""
        value = clean_name(name, NAME_LENGTH)
        with self._transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('display_name', ?)", (value,))
        return value

    # --- bringing progress back ------------------------------------------------------------------

    def merge(self, attempts: Sequence[Attempt], answers: Sequence[Answer], plans: Sequence[SavedPlan] = (),
              display_name: str = "", beliefs: Sequence[BeliefAnswer] = ()) -> Merged:
        """Add progress kept elsewhere (an exported results file), in one write: all of it or none of it.

        Nothing already here is changed or removed, and times (started, answered, saved) are kept as given.
        An attempt already here takes only the answers it lacks: same lesson and number of questions,
        one's answers all among the other's, and a shared answer or the same start. Any other attempt gets
        a new number, never one used before (``attempts`` numbers map to it for their ``answers``). An
        answer is already here if its attempt has one with the same question, choice, verdict and time,
        so merging the same progress twice adds nothing. A plan whose name is taken by a different plan
        is kept as "name (imported)", then "name (imported 2)", ...; the display name is set only if the
        store has none. A belief answer is already here if one has the same lesson, statement, answer, sureness
        and time. ``ValueError`` (nothing written) for an answer whose attempt is not given, or a belief answer
        the store does not keep.
        """
        with self._transaction() as conn:
            here = _answers_by_attempt(conn)
            mapping, new_attempts = self._merge_attempts(conn, attempts, answers, here)
            rows, already, lessons = [], 0, set()
            for answer in answers:
                if answer.attempt not in mapping:
                    raise ValueError(f"an answer refers to attempt {answer.attempt}, which is not given")
                if isinstance(answer.chosen, str) or not all(isinstance(text, str) for text in answer.chosen):
                    raise ValueError("chosen must be a list of answer texts")
                number = mapping[answer.attempt]
                key = _answer_key(answer)
                if here[number][key] > 0:
                    here[number][key] -= 1
                    already += 1
                    continue
                rows.append((number, str(answer.lesson), str(answer.question), bool(answer.correct),
                             json.dumps(list(answer.chosen), ensure_ascii=False), str(answer.answered_at)))
                lessons.add(answer.lesson)
            conn.executemany("INSERT INTO answers (attempt, lesson, question, correct, chosen, answered_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)", rows)
            added_plans, renamed = self._merge_plans(conn, plans)
            beliefs_added = self._merge_beliefs(conn, beliefs)
            name_set = False
            if not conn.execute("SELECT value FROM settings WHERE key = 'display_name' AND value != ''").fetchone():
                value = clean_name(display_name, NAME_LENGTH)
                if value:
                    conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('display_name', ?)", (value,))
                    name_set = True
        return Merged(len(rows), new_attempts, added_plans, already, len(lessons), renamed, name_set, beliefs_added)

    @staticmethod
    def _merge_beliefs(conn: sqlite3.Connection, beliefs: Sequence[BeliefAnswer]) -> int:
        """Add the belief answers not already here (the same answer twice in ``beliefs`` is added twice only
        if the store lacks both); how many were added."""
        here = Counter(conn.execute("SELECT lesson, statement, answer, sureness, answered_at FROM beliefs"))
        rows = []
        for belief in beliefs:
            check_belief(belief.lesson, belief.statement, belief.answer, belief.sureness)
            key = (belief.lesson, belief.statement, belief.answer, belief.sureness, str(belief.answered_at))
            if here[key] > 0:
                here[key] -= 1
                continue
            rows.append(key)
        conn.executemany("INSERT INTO beliefs (lesson, statement, answer, sureness, answered_at) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    @staticmethod
    def _merge_attempts(conn: sqlite3.Connection, attempts: Sequence[Attempt], answers: Sequence[Answer],
                        here: defaultdict[int, Counter]) -> tuple[dict[int, int], int]:
        """{given attempt number: number in the store}, and how many attempts were added. ``here``: the
        store's answers by attempt."""
        theirs: defaultdict[int, Counter] = defaultdict(Counter)
        for answer in answers:
            theirs[answer.attempt][_answer_key(answer)] += 1
        kinds: dict[tuple[str, int], list[tuple[int, str]]] = defaultdict(list)
        for number, lesson, total, started_at in conn.execute(
                "SELECT number, lesson, total, started_at FROM attempts ORDER BY number"):
            kinds[lesson, total].append((number, started_at))
        mapping, used, added = {}, set(), 0
        for attempt in attempts:
            if not isinstance(attempt.total, int) or attempt.total < 0:
                raise ValueError(f"total must be a whole number of questions, not {attempt.total!r}")
            if attempt.number in mapping:
                raise ValueError(f"attempt {attempt.number} is given twice")
            mine, best, best_score = theirs[attempt.number], None, None
            for number, started_at in kinds.get((str(attempt.lesson), attempt.total), ()):
                if number in used or not (_within(mine, here[number]) or _within(here[number], mine)):
                    continue
                shared, same_start = sum((mine & here[number]).values()), started_at == attempt.started_at
                score = (mine == here[number], shared, same_start)      # the same answers first
                if (shared or same_start) and (best_score is None or score > best_score):
                    best, best_score = number, score
            if best is None:
                best = conn.execute("INSERT INTO attempts (lesson, total, started_at) VALUES (?, ?, ?)",
                                    (str(attempt.lesson), attempt.total, str(attempt.started_at))).lastrowid
                added += 1
            else:
                used.add(best)
            mapping[attempt.number] = best
        return mapping, added

    @staticmethod
    def _merge_plans(conn: sqlite3.Connection, plans: Sequence[SavedPlan]) -> tuple[int, tuple[tuple[str, str], ...]]:
        """Add the plans not already here (under a free name if theirs is taken); (how many, renamed)."""
        taken = {name: json.loads(text) for name, text in conn.execute("SELECT name, plan FROM plans")}
        added, renamed = 0, []
        for plan in plans:
            for name in _plan_names(str(plan.name)):
                if name in taken:
                    if taken[name] == plan.plan:
                        break                         # already here
                    continue
                conn.execute("INSERT INTO plans (name, plan, saved_at) VALUES (?, ?, ?)",
                             (name, json.dumps(plan.plan, ensure_ascii=False, sort_keys=True), str(plan.saved_at)))
                taken[name] = plan.plan
                added += 1
                if name != plan.name:
                    renamed.append((str(plan.name), name))
                break
        return added, tuple(renamed)

    # --- starting again ----------------------------------------------------------------------------

    def reset(self) -> Path:
        """Copy the file to ``progress.sqlite3.backup-N`` (kept), then empty every table.

        The copy is made while this write holds the lock, so it is exactly what was emptied. It is
        written under a temporary name, flushed to disk and only then linked to its final name, which
        never replaces an earlier backup: stopped at any moment, it leaves a whole backup or none.
        Attempt numbers keep counting up, so they never repeat one in the backup.
        """
        with self._transaction() as conn:
            if self.copies is not None:              # the live edition: the backup goes to the browser drive
                backup = self.copies.keep_copy(self.path, "backup")
            else:
                while True:
                    try:
                        backup = copy_atomically(self.path, _free_name(self.path, "backup"))
                        break
                    except NameTaken:
                        continue
            for table in TABLES:
                conn.execute(f"DELETE FROM {table}")
        return backup

    def location_text(self) -> str:
        """Where the file is, with the home folder written as ``~`` (for showing on request only)."""
        if self.copies is not None:
            return (f"the folder {FOLDER_NAME} in this browser's files (JupyterLab's file browser, on the left): "
                    "the progress-….sqlite3 file with the highest number")
        try:
            return "~/" + self.path.relative_to(Path.home()).as_posix()
        except ValueError:
            return str(self.path)


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring a file of ``version`` (0: a new, empty file) to ``SCHEMA_VERSION`` inside the caller's transaction:
    a new file gets ``SCHEMA`` whole, an older one each of its ``MIGRATIONS`` in turn; nothing is removed."""
    script = SCHEMA if version == 0 else "".join(MIGRATIONS[v] for v in range(version, SCHEMA_VERSION))
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)
    if version == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _answer_key(answer: Answer) -> tuple:
    """What makes two answers of one attempt the same answer."""
    return (str(answer.lesson), str(answer.question), bool(answer.correct), tuple(answer.chosen),
            str(answer.answered_at))


def _answers_by_attempt(conn: sqlite3.Connection) -> defaultdict[int, Counter]:
    found: defaultdict[int, Counter] = defaultdict(Counter)
    for attempt, lesson, question, correct, chosen, answered_at in conn.execute(
            "SELECT attempt, lesson, question, correct, chosen, answered_at FROM answers ORDER BY id"):
        found[attempt][lesson, question, bool(correct), tuple(json.loads(chosen)), answered_at] += 1
    return found


def _within(part: Counter, whole: Counter) -> bool:
    """Every answer of ``part`` is in ``whole`` (as often): the same attempt, seen earlier."""
    return all(whole[key] >= count for key, count in part.items())


def _plan_names(name: str) -> Iterator[str]:
    """``name``, then ``name (imported)``, ``name (imported 2)``, ...: the names a merged plan may take."""
    yield name
    yield f"{name} (imported)"
    number = 2
    while True:
        yield f"{name} (imported {number})"
        number += 1


_stores: dict[Path, ProgressStore] = {}


def open_default_store() -> ProgressStore:
    """The store at ``default_path()``, opened once. Raises ``StoreBusy`` if another notebook is writing to
    it (try again later), ``OSError`` or ``sqlite3.Error`` if it cannot be opened at all."""
    path = default_path()
    if path not in _stores:
        folder = drive_folder()
        _stores[path] = ProgressStore(path, copies=DriveCopies(folder) if folder else None)
        if in_browser() and folder is None:
            _stores[path].notice = NOT_KEPT_IN_BROWSER
    return _stores[path]


def default_store() -> ProgressStore | None:
    """``open_default_store()``, or None if it cannot be opened now (never raises)."""
    try:
        return open_default_store()
    except (OSError, sqlite3.Error):
        return None
