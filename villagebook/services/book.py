"""The Book (村务记事本): the one core façade the window and the CLI call.

A :class:`Book` is opened on a data folder.  Its capabilities hang off it as attributes
(``book.roster``, ``book.meetings``, ``book.development``, ``book.deliberations``,
``book.safety``, ``book.identity``, ``book.checks``, ``book.exchange``, ``book.reports``);
each public method of theirs is one use case in one transaction, takes and returns typed
values and refuses with a :class:`~villagebook.domain.common.errors.UserError`.

After every committed transaction the Book tells its listeners what changed
(:class:`Changes`, derived from the rows the transaction actually wrote), and keeps the
transaction's row changes for :meth:`undo` / :meth:`redo`.  There is no Qt here: the window
subscribes with a plain callback.

Anki's ``Collection`` is the model: the GUI never opens a transaction itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlmodel import Session

from villagebook import paths
from villagebook.domain.common.agenda import Agenda
from villagebook.domain.common.errors import UserError
from villagebook.domain.common.i18n import _
from villagebook.domain.common.rules import RuleSet, load_ruleset
from villagebook.domain.roster.values import BranchRecord
from villagebook.services import registry
from villagebook.services.roster.queries import branch_record, first_branch
from villagebook.storage import audit, guard, undo
from villagebook.storage.audit import Change
from villagebook.storage.db import Database, is_server_url, open_database
from villagebook.storage.models import capability_of_table

if TYPE_CHECKING:  # the capabilities are loaded when first used (a report loads its own)
    from villagebook.domain.township.values import Role
    from villagebook.services.checks import ChecksApi
    from villagebook.services.deliberations.api import DeliberationsApi
    from villagebook.services.development.api import DevelopmentApi
    from villagebook.services.drafts import DraftsApi
    from villagebook.services.exchange import ExchangeApi
    from villagebook.services.meetings.api import MeetingsApi
    from villagebook.services.printing import ReportsApi
    from villagebook.services.roster.api import RosterApi
    from villagebook.services.safety.api import SafetyApi
    from villagebook.services.safety.folder import DataFolder as DataFolder  # for the window
    from villagebook.services.safety.identity import IdentityApi
    from villagebook.services.township.api import TownshipApi

log = logging.getLogger(__name__)

#: How many steps Edit ▸ Undo remembers.
HISTORY_LIMIT = 100

Listener = Callable[["Changes"], None]


@dataclass(frozen=True)
class Changes:
    """What one committed operation changed: the tables it wrote, grouped by capability."""

    tables: frozenset[str] = frozenset()
    #: The label of the operation (the undo step's name), in the interface language.
    label: str = ""
    #: True when the change came from undo or redo.
    from_history: bool = False
    #: True when everything may have changed (import, restore, a new data folder).
    everything: bool = False

    @property
    def capabilities(self) -> frozenset[str]:
        return frozenset(capability_of_table(t) for t in self.tables)

    def touches(self, *capabilities: str) -> bool:
        """True when the operation wrote rows of any of ``capabilities`` (or everything)."""
        return self.everything or bool(self.capabilities.intersection(capabilities))


class NothingToUndo(UserError):
    """Undo or redo was asked for with an empty history."""


@dataclass
class _Step:
    label: str
    changes: list[Change] = field(default_factory=list)


class History:
    """The undo and redo stacks of one open Book."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self.undo_steps: list[_Step] = []
        self.redo_steps: list[_Step] = []

    def push(self, step: _Step) -> None:
        self.undo_steps.append(step)
        del self.undo_steps[: -self.limit]
        self.redo_steps.clear()

    def clear(self) -> None:
        self.undo_steps.clear()
        self.redo_steps.clear()


class Book:
    """One open data folder and everything a user can do with it."""

    def __init__(self, db: Database, *, today: Callable[[], dt.date] | None = None) -> None:
        self._db = db
        self._listeners: list[Listener] = []
        self._history = History()
        self._today = today or dt.date.today
        #: What this installation is and its own unit, read on the first write (None: not
        #: read yet); read again after a change to ``app_setting`` (``township init``, undo)
        #: or to everything (restore, import).
        self._role: tuple[Role, uuid.UUID | None] | None = None
        #: True once a transaction of this Book has committed a change (closing then backs up
        #: the folder: the window and the command line alike).
        self.changed = False

    @classmethod
    def open(
        cls,
        data_dir: Path | None = None,
        *,
        actor: str | None = None,
        upgrade: bool = True,
        today: Callable[[], dt.date] | None = None,
        password: str | None = None,
        url: str | None = None,
    ) -> Book:
        """Open (creating or upgrading as needed) the data folder ``data_dir``, or the
        PostgreSQL database at ``url`` (``postgresql://…``; ``data_dir`` then holds only
        this computer's log and settings).

        An encrypted folder (app lock on) needs ``password`` — the app lock password or
        the recovery key — unless this program unlocked it already: else PasswordRequired.
        A ``password`` given also unlocks the Book (exports, unmasked reports).  The audit
        trail gets a quick look on the way (:meth:`SafetyApi.quick_verify`); what it finds
        is kept in ``book.safety.open_issues`` for the caller to show.  A server has no
        folder to encrypt nor an anchor file beside it: neither is done there.
        """
        if is_server_url(url):
            book = cls(open_database(data_dir, actor=actor, upgrade=upgrade, url=url), today=today)
            try:
                if password is not None and book.safety.app_lock().enabled:
                    book.safety.unlock(password)
            except BaseException:
                book.close()
                raise
            return book
        folder = cls.folder(data_dir)
        if password is not None:
            folder.unlock(password)
        book = cls(open_database(folder.data_dir, actor=actor, upgrade=upgrade), today=today)
        try:
            book.safety.finish_encryption()
            if password is not None and book.safety.app_lock().enabled:
                book.safety.unlock(password)
        except BaseException:
            book.close()
            raise
        book.safety.quick_verify()
        return book

    @staticmethod
    def is_server_url(url: str | None) -> bool:
        """True when ``url`` names a PostgreSQL server (``postgresql://…``)."""
        return is_server_url(url)

    @staticmethod
    def folder(data_dir: Path | None = None) -> DataFolder:
        """A data folder as files, without opening its database: backups, restore, audit
        verification, also when it cannot be opened (damaged, or held by another program)."""
        from villagebook.services.safety.folder import DataFolder

        return DataFolder(Path(data_dir) if data_dir else paths.default_data_dir())

    @staticmethod
    def forget_keys() -> None:
        """Drop every data key this program unlocked (the end of a command)."""
        from villagebook.storage import cipher

        cipher.forget_all()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- what capabilities use ------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self._db.data_dir

    @property
    def path(self) -> Path:
        """The database file."""
        return self._db.path

    @property
    def location(self) -> str:
        """Where the records are: the database file, or the server (without password)."""
        return self._db.url

    @property
    def on_server(self) -> bool:
        return self._db.is_server

    @property
    def actor(self) -> str:
        """Who makes the changes (stamped on rows and the audit log)."""
        return self._db.actor

    @actor.setter
    def actor(self, name: str) -> None:
        self._db.actor = name

    @property
    def login(self) -> str:
        """The computer login (technical detail in the audit log, beside the actor)."""
        return self._db.login

    @property
    def database(self) -> Database:
        """The storage handle, for the services of the safety capability only."""
        return self._db

    def today(self) -> dt.date:
        return self._today()

    def require_unlocked(self) -> None:
        """Refuse (PasswordRequired) while the app lock is on and its password was not given."""
        self.safety.require_unlocked()

    def rules(self) -> RuleSet:
        """The rule set in force: the newest one adopted (a township's, from its receipt, or
        set here; the earlier ones stay in the history), else ``rules.json`` in the data
        folder, else DOMAIN.md's defaults."""
        from villagebook.services.township.api import adopted_rules

        with self._db.read() as session:
            adopted = adopted_rules(session)
        return adopted or load_ruleset(self.data_dir / "rules.json")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries (services only; it never commits)."""
        with self._db.read() as session:
            yield session

    @contextmanager
    def transaction(
        self, label: str, *, undoable: bool = True, keep_history: bool = False
    ) -> Iterator[Session]:
        """One use case's transaction: committed when the block succeeds, else rolled back.

        After the commit the row changes become one undo step named ``label`` (or, when
        ``undoable`` is False, the undo history is cleared) and listeners are told.  With
        ``keep_history`` the step neither joins nor clears the undo history: a log entry
        such as a printed report, which Edit ▸ Undo must neither take back nor forget for.
        """
        with self._db.write() as session:
            self._protect(session)
            yield session
            session.flush()
            changes: list[Change] = list(session.info.pop(audit.CHANGES_KEY, []))
        self.changed = self.changed or bool(changes)
        if keep_history:
            if changes:
                self._notify(Changes(frozenset(c.table_name for c in changes), label=label))
            return
        if undoable:
            if changes:
                self._history.push(_Step(label, changes))
        else:
            self._history.clear()
        if changes or not undoable:  # a cleared history changes the Undo menu item too
            self._notify(Changes(frozenset(c.table_name for c in changes), label=label))

    def _protect(self, session: Session) -> None:
        """On a township or county installation the branches' records are read-only."""
        from villagebook.domain.township.values import Role
        from villagebook.services.township import role

        if self._role is None:
            self._role = (role.role(session), role.own_unit(session))
        chosen, unit = self._role
        if chosen is not Role.BRANCH:
            guard.protect(session, unit)

    # --- change notices -------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` after every committed change; returns the unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def notify_everything(self, label: str = "") -> None:
        """Tell listeners that anything may have changed (after a restore or import)."""
        self._notify(Changes(label=label, everything=True))

    def _notify(self, changes: Changes) -> None:
        if changes.everything or "app_setting" in changes.tables:
            self._role = None  # the installation's role may have changed
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # a view that fails to refresh must not undo a commit
                log.exception("change listener failed for %s", changes)

    # --- undo / redo ----------------------------------------------------------------------

    def undo_label(self) -> str | None:
        """The name of the step :meth:`undo` would take back, or None."""
        steps = self._history.undo_steps
        return steps[-1].label if steps else None

    def redo_label(self) -> str | None:
        steps = self._history.redo_steps
        return steps[-1].label if steps else None

    def undo(self) -> Changes:
        """Take back the newest step.  Refused (history kept) if its rows changed since."""
        return self._move(self._history.undo_steps, self._history.redo_steps)

    def redo(self) -> Changes:
        return self._move(self._history.redo_steps, self._history.undo_steps)

    def clear_history(self) -> None:
        self._history.clear()

    def _move(self, source: list[_Step], target: list[_Step]) -> Changes:
        if not source:
            raise NothingToUndo(_("没有可撤销或重做的操作"))
        step = source[-1]
        try:
            with self._db.write() as session:
                written = undo.revert(session, step.changes)
                session.info.pop(audit.CHANGES_KEY, None)
        except undo.UndoConflict:
            source.pop()  # a step that can no longer be taken back is dropped
            raise
        except sa.exc.IntegrityError as exc:  # another record now refers to what it removes
            source.pop()
            raise undo.UndoConflict(
                _("其他记录已引用了这一步的结果，不能撤销{label}。", label=step.label)
            ) from exc
        source.pop()
        self.changed = True
        target.append(_Step(step.label, written))
        changes = Changes(
            frozenset(c.table_name for c in written), label=step.label, from_history=True
        )
        self._notify(changes)
        return changes

    # --- capabilities ---------------------------------------------------------------------

    @cached_property
    def roster(self) -> RosterApi:
        """The branch, its Party groups and people (花名册)."""
        from villagebook.services.roster.api import RosterApi

        return RosterApi(self)

    @cached_property
    def meetings(self) -> MeetingsApi:
        """三会一课 and other organisational life."""
        from villagebook.services.meetings.api import MeetingsApi

        return MeetingsApi(self)

    @cached_property
    def development(self) -> DevelopmentApi:
        """Party member development: 5 stages, 25 steps."""
        from villagebook.services.development.api import DevelopmentApi

        return DevelopmentApi(self)

    @cached_property
    def deliberations(self) -> DeliberationsApi:
        """四议两公开 major village matters."""
        from villagebook.services.deliberations.api import DeliberationsApi

        return DeliberationsApi(self)

    @cached_property
    def safety(self) -> SafetyApi:
        """Backups, restore, the app lock, the audit trail."""
        from villagebook.services.safety.api import SafetyApi

        return SafetyApi(self)

    @cached_property
    def identity(self) -> IdentityApi:
        """This installation's signing identity and its trust list."""
        from villagebook.services.safety.identity import IdentityApi

        return IdentityApi(self)

    @cached_property
    def checks(self) -> ChecksApi:
        """Every rule check of every capability."""
        from villagebook.services.checks import ChecksApi

        return ChecksApi(self, registry.check_providers())

    @cached_property
    def drafts(self) -> DraftsApi:
        """Nothing typed is lost: the editors' drafts, kept while the user types."""
        from villagebook.services.drafts import DraftsApi

        return DraftsApi(self)

    @cached_property
    def exchange(self) -> ExchangeApi:
        """The JSON exchange format: export and all-or-nothing import."""
        from villagebook.services.exchange import ExchangeApi

        return ExchangeApi(self, registry.exchange_root(), registry.exchange_sections())

    @cached_property
    def township(self) -> TownshipApi:
        """Bundles to the township, receipts back; on a township: the merge and its views."""
        from villagebook.services.township.api import TownshipApi

        return TownshipApi(
            self,
            root=registry.exchange_root(),
            sections=registry.exchange_sections(),
            providers=registry.check_providers(),
            identity=self.identity,
            storage=self._db,
        )

    @cached_property
    def reports(self) -> ReportsApi:
        """Every PDF the Book prints: gathered, rendered, finished and written in one place."""
        from villagebook.services.printing import ReportsApi

        return ReportsApi(
            self,
            registry.REPORT_SOURCES,
            identity=self.identity,
            records=registry.export_sections,
        )

    # --- use cases across capabilities ----------------------------------------------------

    def agenda(self, branch_id: uuid.UUID, as_of: dt.date | None = None) -> Agenda:
        """工作台: what is due for the branch, in plain words, most urgent first (runs the
        rule checks; the window calls it off the UI thread)."""
        from villagebook.services import agenda

        return agenda.gather(self, branch_id, as_of)

    def create_demo(self, *, force: bool = False) -> BranchRecord | None:
        """The demo branch 青山村 with two years of records; None if a branch exists already
        (unless ``force``)."""
        with self.transaction(_("创建演示支部"), undoable=False) as session:
            if first_branch(session) is not None and not force:
                return None
            branch = registry.create_demo(session, today=self.today())
            return branch_record(branch)
