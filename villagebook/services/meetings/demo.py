"""Demo meetings for 青山村: two years of organisational life, with a few deliberate gaps.

Every record is consistent (the host, the recorder and every speaker attended; votes are
counted from those present) and holds what its kind needs.  The deliberate gaps and breaches
are what ``villagebook check`` should find:

- one month without a committee meeting (five months ago): MTG-COMMITTEE-M;
- one quarter without a Party lesson (a year ago): MTG-LESSON-Q;
- one record finalised late: MTG-RECORD-3WD; the latest records still drafts;
- a group meeting of fourteen months ago, finalised before the content rules with its topic
  but no speech summary (a record kept from before): MTG-THIN;
- the general meeting of six months ago, whose speaker's attendance was later corrected to
  请假 while the speech stayed in the record: MTG-CONSISTENCY;
- the committee meeting of eight months ago, imported with a tally of more votes than
  members present: MTG-CONSISTENCY.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from bisect import bisect_right

from sqlmodel import Session, col, select

from villagebook.domain.common.calendar import add_months, add_working_days
from villagebook.domain.meetings.periods import (
    PlanItemInput,
)
from villagebook.domain.meetings.validation import expected_entries
from villagebook.domain.meetings.values import (
    SECRETARY_ROLE,
    Appraisal,
    AppraisalVerdict,
    AttendanceInput,
    MeetingInput,
    MeetingKind,
    Presence,
    Speech,
    Vote,
)
from villagebook.services.meetings import _finality, commands, queries
from villagebook.services.roster import queries as roster_queries
from villagebook.services.roster.queries import RosterEntry, roster_on
from villagebook.storage.models import Branch, Discipline, GroupAssignment, Person, StatusChange

PLACE = "村党群服务中心会议室"
LEAVE_REASONS = ("外出务工", "生病住院", "照顾家中老人", "在外地上学陪读", "农忙抢收")

GENERAL_TOPICS = (
    ["传达学习上级精神", "研究部署春耕生产和森林防火工作"],
    ["讨论村集体经济合作社分红方案", "通报上半年党费收缴情况"],
    ["传达学习县委全会精神", "讨论村级公益事业一事一议项目"],
    ["研究部署冬季农田水利建设", "讨论年度党员发展计划"],
)
COMMITTEE_TOPICS = (
    "研究本月重点工作安排",
    "研究部署人居环境整治",
    "讨论低保对象评议初步意见",
    "研究党员教育培训计划",
    "研究防汛和地质灾害隐患排查",
    "研究茶叶产业合作社发展",
)
GROUP_TOPICS = (
    "学习党章和党内法规",
    "交流本组党员联系农户情况",
    "学习习近平新时代中国特色社会主义思想",
    "讨论组内困难群众帮扶措施",
)
THEME_TOPICS = (
    "重温入党誓词，开展志愿服务清扫村道",
    "走访慰问老党员和困难群众",
    "集中学习《中国共产党农村基层组织工作条例》",
    "参观县红色教育基地",
    "开展移风易俗宣传",
    "为留守儿童开展暑期安全教育",
)
LESSONS = (
    ("坚定理想信念，做合格党员", "会议室", PLACE),
    ("发展特色产业，带领群众增收", "田间地头", "村茶叶合作社基地"),
    ("学习新修订的《中国共产党纪律处分条例》", "会议室", PLACE),
    ("从红色历史中汲取奋进力量", "红色教育基地", "县革命历史纪念馆"),
    ("人民调解中的群众工作方法", "调解现场", "村人民调解室"),
)
LONG_SPEECH = (
    "今年以来，村党支部围绕乡村振兴这条主线，重点抓了三件事。"
    "一是茶叶产业：全村新扩茶园二百一十亩，合作社统一采购茶苗和有机肥，"
    "带动六十八户群众参与，其中脱贫户二十三户；春茶收购价比去年每斤高出三元，"
    "但加工厂的烘干设备不够，旺季排队严重，需要研究争取项目资金。"
    "二是人居环境：各组轮流清理河道和村道，垃圾集中清运点由四个增加到七个，"
    "但三组和五组仍有乱堆乱放现象，请两个党小组长牵头，每月检查一次，结果在村务公开栏公布。"
    "三是党员队伍：外出务工党员占到三分之一，组织生活参加不齐，"
    "建议对外出党员建立微信学习小组，回村时补课，并由联系的支委每季度电话谈心一次。"
    "下一步，支部要把议事决策的程序走扎实，凡是涉及集体资金和群众切身利益的事项，"
    "一律按照四议两公开的程序办理，会议记录当场整理、三天内定稿，接受党员和群众监督。"
) * 2


def _presence(rng: random.Random, expected: list[RosterEntry]) -> list[AttendanceInput]:
    rows = []
    for entry in expected:
        roll = rng.random()
        if roll < 0.08:
            rows.append(
                AttendanceInput(
                    entry.person_id, entry.name, Presence.LEAVE, rng.choice(LEAVE_REASONS)
                )
            )
        elif roll < 0.1:
            rows.append(AttendanceInput(entry.person_id, entry.name, Presence.ABSENT))
        else:
            rows.append(AttendanceInput(entry.person_id, entry.name))
    return rows


def _by_role(roster: list[RosterEntry], role: str) -> RosterEntry | None:
    return next((e for e in roster if e.committee_role == role and e.is_member), None)


def _change_days(session: Session, branch_id: uuid.UUID) -> list[dt.date]:
    """Every day on which someone's status, group or discipline changes (sorted)."""
    people = select(col(Person.id)).where(Person.branch_id == branch_id)
    days: set[dt.date] = set()
    days.update(
        session.exec(
            select(col(StatusChange.effective_on)).where(col(StatusChange.person_id).in_(people))
        ).all()
    )
    days.update(
        session.exec(
            select(col(GroupAssignment.effective_on)).where(
                col(GroupAssignment.person_id).in_(people)
            )
        ).all()
    )
    for record in session.exec(select(Discipline).where(col(Discipline.person_id).in_(people))):
        days.add(record.start_on)
        if record.end_on is not None:
            days.add(record.end_on + dt.timedelta(days=1))
    return sorted(days)


class _Maker:
    def __init__(self, session: Session, branch: Branch, today: dt.date, rng: random.Random):
        self.session = session
        self.branch = branch
        self.today = today
        self.rng = rng
        self.groups = roster_queries.list_groups(session, branch.id)
        self.late_done = False
        #: (kind, day, id) of every record made, for the deliberate breaches.
        self.made: list[tuple[MeetingKind, dt.date, uuid.UUID]] = []
        self._rosters: dict[int, list[RosterEntry]] = {}
        self._changes = _change_days(session, branch.id)

    def roster(self, day: dt.date) -> list[RosterEntry]:
        """The roster on ``day``; days between the same two roster changes share one."""
        key = bisect_right(self._changes, day)
        if key not in self._rosters:
            self._rosters[key] = roster_on(self.session, self.branch.id, day)
        return self._rosters[key]

    def make(
        self,
        kind: MeetingKind,
        day: dt.date,
        topics: list[str],
        *,
        group_id: uuid.UUID | None = None,
        **extra: object,
    ) -> None:
        if day >= self.today:
            return
        roster = self.roster(day)
        secretary = _by_role(roster, SECRETARY_ROLE)
        recorder = _by_role(roster, "组织委员")
        expected = expected_entries(roster, kind, group_id)
        host = secretary
        if kind is MeetingKind.GROUP and expected:
            host = expected[0]
            recorder = expected[-1]
        group = kind is MeetingKind.GROUP
        data = MeetingInput(
            kind=kind,
            held_on=day,
            start_time=dt.time(19, 30) if group else dt.time(9, 0),
            end_time=dt.time(21, 0) if group else dt.time(11, 30),
            place="组长家中" if group else PLACE,
            group_id=group_id,
            host_id=host.person_id if host else None,
            recorder_id=recorder.person_id if recorder else None,
            topics=topics,
            attendance=_presence(self.rng, expected),
        )
        for key, value in extra.items():
            setattr(data, key, value)
        _attending(data, [host, recorder])
        if not data.speeches and host is not None and kind is not MeetingKind.TALKS:
            present = [e for e in expected if _present(data, e.person_id)]
            data.speeches = _speeches(host, present, topics[0])
        if kind in (MeetingKind.GENERAL, MeetingKind.COMMITTEE) and data.votes:
            data.votes = _tallied(data, expected)
        meeting = commands.create(
            self.session, self.branch.id, data, as_of=self.today, roster=roster
        )
        self.made.append((kind, day, meeting.id))
        self.finalise(meeting.id, day)

    def finalise(self, meeting_id: uuid.UUID, day: dt.date) -> None:
        """A day after the meeting; once, lately, eight days after; the latest stay drafts."""
        deadline = add_working_days(day, 3)
        if deadline >= self.today:
            return  # the latest records are still drafts
        finalised = add_working_days(day, 1)
        if not self.late_done and day >= add_months(self.today, -4):
            finalised = add_working_days(day, 8)
            self.late_done = True
        on = min(finalised, self.today)
        commands.finalise(self.session, meeting_id, on=on, as_of=self.today)


def _present(data: MeetingInput, person_id: uuid.UUID) -> bool:
    return any(
        r.person_id == person_id and r.presence is Presence.PRESENT for r in data.attendance or []
    )


def _attending(data: MeetingInput, people: list[RosterEntry | None]) -> None:
    """The host, the recorder and every speaker attended (the demo's records are consistent)."""
    ids = {p.person_id for p in people if p is not None}
    names = {s.speaker for s in data.speeches} if data.kind is not MeetingKind.TALKS else set()
    for row in data.attendance or []:
        if row.person_id in ids or row.name in names:
            row.presence, row.reason = Presence.PRESENT, ""


def _speeches(lead: RosterEntry, present: list[RosterEntry], topic: str) -> list[Speech]:
    speeches = [Speech(speaker=lead.name, summary=f"就“{topic}”作说明，提出具体要求。")]
    others = [e for e in present if e.person_id != lead.person_id]
    if others:
        other = others[len(others) // 2]
        summary = "表示赞同，建议把任务分解到组、落实到人。"
        speeches.append(Speech(speaker=other.name, summary=summary))
    return speeches


def _tallied(data: MeetingInput, expected: list[RosterEntry]) -> list[Vote]:
    """The votes counted from who came: all voting members present but one say yes."""
    present = sum(
        1
        for row in data.attendance or []
        if row.presence is Presence.PRESENT
        and any(e.person_id == row.person_id and e.can_vote for e in expected)
    )
    tally = {"yes": max(present - 1, 0), "abstain": 1 if present else 0}
    return [vote.model_copy(update=tally) for vote in data.votes]


def _month_starts(today: dt.date) -> list[dt.date]:
    first = add_months(today, -24).replace(day=1)
    months = []
    day = first
    while day <= today:
        months.append(day)
        day = add_months(day, 1)
    return months


def populate(session: Session, branch: Branch, today: dt.date, rng: random.Random) -> None:
    maker = _Maker(session, branch, today, rng)
    gap_committee = add_months(today, -5).replace(day=1)
    gap_lesson_quarter = add_months(today, -12).replace(day=1)
    gap_lesson_quarter = gap_lesson_quarter.replace(
        month=3 * ((gap_lesson_quarter.month - 1) // 3) + 1
    )
    for index, month in enumerate(_month_starts(today)):
        _month(maker, index, month, gap_committee, gap_lesson_quarter)
    _current_plan(session, branch, today)
    _breaches(maker)


def _made(maker: _Maker, kind: MeetingKind, months_ago: int) -> uuid.UUID | None:
    """The first finalised record of ``kind`` held in the month ``months_ago`` months back."""
    month = add_months(maker.today, -months_ago)
    for made_kind, day, meeting_id in maker.made:
        if made_kind is kind and (day.year, day.month) == (month.year, month.month):
            return meeting_id
    return None


def _breaches(maker: _Maker) -> None:
    """The deliberate MTG-THIN and MTG-CONSISTENCY breaches of the module's docstring."""
    session, today = maker.session, maker.today
    thin = _made(maker, MeetingKind.GROUP, 14)
    if thin is not None:  # kept from before the content rules: no speech summary
        meeting = queries.get_meeting(session, thin)
        meeting.speeches = []
        session.add(meeting)
        session.flush()
        _finality.seal(session, meeting)  # kept as it was finalised: no tampering
    general = _made(maker, MeetingKind.GENERAL, 6)
    if general is not None:  # a speaker's attendance corrected afterwards; the speech stays
        record = queries.record(session, general)
        speaker = next(
            (
                a
                for s in record.speeches
                for a in record.expected
                if a.name == s.speaker and a.person_id and a.person_id != record.host_id
            ),
            None,
        )
        if speaker is not None and speaker.person_id is not None:
            commands.amend_attendance(
                session,
                general,
                speaker.person_id,
                Presence.LEAVE,
                "外出务工",
                "核对签到表，该同志当天请假",
                on=today,
            )
    committee = _made(maker, MeetingKind.COMMITTEE, 8)
    if committee is not None:  # imported from another program with an impossible tally
        meeting = queries.get_meeting(session, committee)
        meeting.votes = [Vote(motion="关于本月重点工作安排的决定", yes=9, no=0, abstain=1)]
        session.add(meeting)
        session.flush()
        _finality.seal(session, meeting)  # sealed as imported: the tally is the breach
    session.flush()


def _month(
    maker: _Maker, index: int, month: dt.date, gap_committee: dt.date, gap_lesson: dt.date
) -> None:
    rng = maker.rng
    if month != gap_committee:
        maker.make(
            MeetingKind.COMMITTEE,
            month.replace(day=3),
            [COMMITTEE_TOPICS[index % len(COMMITTEE_TOPICS)]],
            resolutions="会议议定：各项工作由分管支委牵头，月底前报告进展。",
        )
    maker.make(
        MeetingKind.THEME_DAY,
        month.replace(day=10),
        [THEME_TOPICS[index % len(THEME_TOPICS)]],
    )
    for group in maker.groups:
        maker.make(
            MeetingKind.GROUP,
            month.replace(day=rng.randint(14, 20)),
            [GROUP_TOPICS[(index + group.sort_order) % len(GROUP_TOPICS)]],
            group_id=group.id,
        )
    quarter_month = (month.month - 1) % 3
    if quarter_month == 1:
        _general(maker, index, month)
        q_start = month.replace(month=month.month - 1)
        if q_start != gap_lesson:
            _lesson(maker, index, month)
    if month.month == 11:
        _talks(maker, month)
    if month.month == 12:
        _year_end(maker, month)


def _general(maker: _Maker, index: int, month: dt.date) -> None:
    topics = GENERAL_TOPICS[(month.month - 1) // 3]
    roster = maker.roster(month.replace(day=20))
    secretary = _by_role(roster, SECRETARY_ROLE)
    speeches = []
    if secretary is not None:
        summary = LONG_SPEECH if index % 2 == 1 else LONG_SPEECH[:160]
        speeches.append(Speech(speaker=secretary.name, summary=summary))
    deputy = _by_role(roster, "副书记")
    if deputy is not None:
        summary = "建议合作社分红方案先在各组征求意见，再提交村民代表会议。"
        speeches.append(Speech(speaker=deputy.name, summary=summary))
    maker.make(
        MeetingKind.GENERAL,
        month.replace(day=20),
        list(topics),
        speeches=speeches,
        votes=[Vote(motion=f"关于{topics[1]}的决议")],
        resolutions=f"会议同意{topics[1]}，由支委会组织实施，按程序公开。",
    )


def _lesson(maker: _Maker, index: int, month: dt.date) -> None:
    day = month.replace(day=21)
    roster = maker.roster(day)
    title, place_type, place = LESSONS[index % len(LESSONS)]
    secretary = _by_role(roster, SECRETARY_ROLE)
    deputy = _by_role(roster, "副书记")
    lecturer = secretary if month.month in (5, 11) else deputy
    maker.make(
        MeetingKind.LESSON,
        day,
        [title],
        title=title,
        place=place,
        place_type=place_type,
        lecturer_id=lecturer.person_id if lecturer else None,
        lecturer_name="" if lecturer else "镇党委组织委员",
    )


def _talks(maker: _Maker, month: dt.date) -> None:
    day = month.replace(day=8)
    roster = maker.roster(day)
    members = [e for e in roster if e.is_member and not e.committee_role][:4]
    maker.make(
        MeetingKind.TALKS,
        day,
        ["支委与党员谈心谈话"],
        speeches=[
            Speech(speaker=m.name, summary="谈了思想和家庭情况，对村里工作提了建议。")
            for m in members
        ],
    )


def _year_end(maker: _Maker, month: dt.date) -> None:
    day = month.replace(day=26)
    maker.make(
        MeetingKind.ORG_LIFE,
        day,
        ["对照检查，开展批评与自我批评"],
        title=f"{day.year}年度组织生活会",
        resolutions="针对查摆出的问题，逐条制定整改措施，明确责任人和时限。",
    )
    roster = maker.roster(day + dt.timedelta(days=1))
    members = [e for e in roster if e.is_member]
    verdicts = [AppraisalVerdict.EXCELLENT] * 3 + [AppraisalVerdict.QUALIFIED] * len(members)
    maker.make(
        MeetingKind.APPRAISAL,
        day + dt.timedelta(days=1),
        ["民主评议党员"],
        appraisals=[
            Appraisal(
                person_id=m.person_id,
                name=m.name,
                self_review="已作个人自评",
                peer_review="党员互评意见已汇总",
                verdict=verdicts[i],
            )
            for i, m in enumerate(members)
        ],
    )


def _current_plan(session: Session, branch: Branch, today: dt.date) -> None:
    quarter = (today.month - 1) // 3 + 1
    first = dt.date(today.year, 3 * quarter - 2, 1)
    items = [
        PlanItemInput(
            MeetingKind.GENERAL,
            first.replace(month=first.month + 1, day=20),
            GENERAL_TOPICS[quarter - 1][0],
        ),
        PlanItemInput(
            MeetingKind.LESSON, first.replace(month=first.month + 2, day=15), "学习贯彻全会精神"
        ),
    ]
    filed_on = min(first.replace(day=4), today)
    plan = commands.save_plan(session, branch.id, today.year, quarter, items, filed_on=filed_on)
    held = {
        (m.kind, m.held_on): m.id for m in queries.list_meetings(session, branch.id, first, today)
    }
    for item in queries.plan_items(session, plan.id):
        item.meeting_id = held.get((item.kind, item.planned_on))
        session.add(item)
    session.flush()
