"""The roster as the Book offers it: the branch, Party groups and people (花名册)."""

from __future__ import annotations

import datetime as dt
import uuid

from villagebook.domain.common.errors import InputError
from villagebook.domain.common.i18n import _
from villagebook.domain.roster.validation import PersonInput
from villagebook.domain.roster.values import (
    BranchInput,
    BranchRecord,
    ChangeReason,
    GroupEntry,
    GroupRecord,
    PartyStatus,
    PersonRecord,
    RecorderRecord,
    RosterEntry,
    RosterFilter,
    StatusEntry,
)
from villagebook.services.capability import Capability
from villagebook.services.roster import commands, queries


class RosterApi(Capability):
    # --- the branch and its groups -----------------------------------------------------

    def first_branch(self) -> BranchRecord | None:
        """The branch a branch installation shows (a data folder normally holds one)."""
        with self.core.reading() as session:
            row = queries.first_branch(session)
            return queries.branch_record(row) if row else None

    def branch(self, branch_id: uuid.UUID) -> BranchRecord:
        with self.core.reading() as session:
            return queries.branch_record(queries.get_branch(session, branch_id))

    def branches(self) -> list[BranchRecord]:
        with self.core.reading() as session:
            return [queries.branch_record(b) for b in queries.list_branches(session)]

    def require_branch(self, branch_id: uuid.UUID | None = None) -> BranchRecord:
        """``branch_id``'s branch, or the first one; refused when the folder has none."""
        if branch_id is not None:
            return self.branch(branch_id)
        branch = self.first_branch()
        if branch is None:
            raise InputError.single(
                "branch", _("支部"), _("数据文件夹中还没有支部，请先导入或运行 demo")
            )
        return branch

    def create_branch(self, data: BranchInput) -> BranchRecord:
        with self.core.transaction(_("新建支部")) as session:
            return queries.branch_record(commands.create_branch(session, data))

    def update_branch(self, branch_id: uuid.UUID, data: BranchInput) -> BranchRecord:
        with self.core.transaction(_("修改支部信息")) as session:
            return queries.branch_record(commands.update_branch(session, branch_id, data))

    def groups(self, branch_id: uuid.UUID) -> list[GroupRecord]:
        with self.core.reading() as session:
            return [queries.group_record(g) for g in queries.list_groups(session, branch_id)]

    def group_names(self, branch_id: uuid.UUID) -> dict[uuid.UUID, str]:
        return {g.id: g.name for g in self.groups(branch_id)}

    def create_group(self, branch_id: uuid.UUID, name: str) -> GroupRecord:
        with self.core.transaction(_("新建党小组")) as session:
            return queries.group_record(commands.create_group(session, branch_id, name))

    def rename_group(self, group_id: uuid.UUID, name: str) -> GroupRecord:
        with self.core.transaction(_("重命名党小组")) as session:
            return queries.group_record(commands.rename_group(session, group_id, name))

    # --- people ---------------------------------------------------------------------------

    def person(self, person_id: uuid.UUID) -> PersonRecord:
        with self.core.reading() as session:
            return queries.person_record(queries.get_person(session, person_id))

    def person_input(self, person_id: uuid.UUID) -> PersonInput:
        """A person's own fields as the input an edit dialog starts from."""
        with self.core.reading() as session:
            return queries.person_input(queries.get_person(session, person_id))

    def count(self, branch_id: uuid.UUID, flt: RosterFilter) -> int:
        with self.core.reading() as session:
            return queries.count_people(session, branch_id, flt)

    def page(
        self, branch_id: uuid.UUID, flt: RosterFilter, offset: int, limit: int
    ) -> list[PersonRecord]:
        """People matching ``flt`` by name, ``limit`` of them from ``offset``."""
        with self.core.reading() as session:
            rows = queries.page_people(session, branch_id, flt, offset, limit)
            return [queries.person_record(p) for p in rows]

    def on(self, branch_id: uuid.UUID, day: dt.date) -> list[RosterEntry]:
        """Everyone with a status on ``day``: status, group and voting right on that day."""
        with self.core.reading() as session:
            return queries.roster_on(session, branch_id, day)

    def status_history(self, person_id: uuid.UUID) -> list[StatusEntry]:
        with self.core.reading() as session:
            return [queries.status_entry(s) for s in queries.status_history(session, person_id)]

    def group_history(self, person_id: uuid.UUID) -> list[GroupEntry]:
        with self.core.reading() as session:
            return [queries.group_entry(g) for g in queries.group_history(session, person_id)]

    def add_person(
        self,
        branch_id: uuid.UUID,
        data: PersonInput,
        *,
        status: PartyStatus = PartyStatus.MASSES,
        status_on: dt.date | None = None,
        group_id: uuid.UUID | None = None,
        reason: ChangeReason = ChangeReason.RECORDED,
    ) -> PersonRecord:
        """Add a person with their first status (and group) entry."""
        with self.core.transaction(_("添加人员“{name}”", name=data.name.strip())) as session:
            row = commands.create_person(
                session,
                branch_id,
                data,
                status=status,
                status_on=status_on,
                group_id=group_id,
                reason=reason,
                as_of=self.core.today(),
            )
            return queries.person_record(row)

    def update_person(self, person_id: uuid.UUID, data: PersonInput) -> PersonRecord:
        """Change a person's own fields (status and group have their own histories)."""
        with self.core.transaction(_("修改人员“{name}”", name=data.name.strip())) as session:
            row = commands.update_person(session, person_id, data, as_of=self.core.today())
            return queries.person_record(row)

    def change_status(
        self, person_id: uuid.UUID, status: PartyStatus, effective_on: dt.date, note: str = ""
    ) -> PersonRecord:
        with self.core.transaction(_("变更党员状态")) as session:
            commands.change_status(
                session, person_id, status, effective_on, note=note, as_of=self.core.today()
            )
            return queries.person_record(queries.get_person(session, person_id))

    def assign_group(
        self, person_id: uuid.UUID, group_id: uuid.UUID | None, effective_on: dt.date
    ) -> PersonRecord:
        with self.core.transaction(_("调整党小组")) as session:
            commands.assign_group(
                session, person_id, group_id, effective_on, as_of=self.core.today()
            )
            return queries.person_record(queries.get_person(session, person_id))

    def add_discipline(
        self,
        person_id: uuid.UUID,
        start_on: dt.date,
        end_on: dt.date | None,
        *,
        kind: str = "留党察看",  # i18n: stored
        note: str = "",
    ) -> None:
        with self.core.transaction(_("登记党纪处分")) as session:
            commands.add_discipline(session, person_id, start_on, end_on, kind=kind, note=note)

    # --- who keeps the records ---------------------------------------------------------

    def recorders(self, branch_id: uuid.UUID, *, retired: bool = False) -> list[RecorderRecord]:
        """Who keeps the records (记录人), the secretary first."""
        with self.core.reading() as session:
            return queries.recorders(session, branch_id, retired=retired)

    def add_recorder(self, branch_id: uuid.UUID, name: str) -> RecorderRecord:
        """Someone who keeps the records: finalising and amendments will name them."""
        with self.core.transaction(_("添加记录人")) as session:
            return queries.recorder_record(commands.add_recorder(session, branch_id, name))

    def retire_recorder(self, recorder_id: uuid.UUID) -> RecorderRecord:
        """The recorder no longer keeps records (kept: old records name them)."""
        with self.core.transaction(_("停用记录人")) as session:
            return queries.recorder_record(commands.retire_recorder(session, recorder_id))
