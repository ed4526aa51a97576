"""The ledger over a real workspace: tasks of every plan, the matrix, progress with its audit,
targets of the same clause, and plans written in other shapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.core.tasks.ledger import Role, TaskError, TaskStatus
from workbench.core.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = dt.date(2026, 12, 1)


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


def test_every_clause_with_a_responsibility_line_of_the_bundled_plans_is_a_task(ws):
    tasks = ws.tasks.tasks()
    lines = [c for d in ws.library.documents() for c in ws.library.document(d.id).clauses if c.responsible]
    assert {t.id for t in tasks} == {c.id for c in lines}
    by_doc = {d: sum(1 for t in tasks if t.doc_id == d) for d in {t.doc_id for t in tasks}}
    assert by_doc == {
        "hunan-biomedicine-2026": 17,
        "changsha-bioeconomy-2023": 27,
        "changsha-big-health-2023": 20,
        "nanjing-bioeconomy-2021": 21,
    }  # the national plan has no responsibility lines
    assert all(t.lead is not None for t in tasks)


def test_a_task_cites_its_clause_and_names_lead_supporting_and_deadline(ws):
    t = ws.tasks.task("hunan-biomedicine-2026:二/（七）")
    assert t is not None and t.lead.name == "湖南省药品监督管理局" and t.supporting == ()
    assert t.plan.doc_number == "湘政办发〔2026〕15号" and t.deadline is None
    t = ws.tasks.task("changsha-bioeconomy-2023:三/（一）/1")
    assert t.lead.name == "湖南湘江新区管理委员会"
    assert [u.name for u in t.supporting] == [
        "浏阳经济技术开发区管理委员会",
        "长沙市发展和改革委员会",
        "长沙市科学技术局",
        "长沙市工业和信息化局",
    ]  # …等按职责分工，下同: no unit called 下同
    assert t.deadline.day == dt.date(2025, 12, 31) and t.deadline.text == "到2025年"  # the clause's own
    t = ws.tasks.task("changsha-big-health-2023:二/（一）/1")
    assert t.deadline.day == dt.date(2023, 12, 31) and t.deadline.source == "plan"  # 2023年实施方案


def test_one_department_is_one_row_of_the_matrix_however_the_plans_spell_it(ws):
    matrix = ws.tasks.matrix()
    # 市发展改革委 in both Changsha plans; 市发改委 and 市发展改革委 never two rows
    assert "长沙市发展和改革委员会" in matrix.units
    assert not [u for u in matrix.units if u in ("市发展改革委", "市发改委", "长沙市发展改革委")]
    changsha = matrix.total("长沙市发展和改革委员会")
    assert matrix.cell("长沙市发展和改革委员会", "changsha-bioeconomy-2023").total > 0
    assert matrix.cell("长沙市发展和改革委员会", "changsha-big-health-2023").total > 0
    assert changsha.lead == sum(
        1 for t in ws.tasks.tasks() if t.lead and t.lead.name == "长沙市发展和改革委员会"
    )
    # the two cities' 市科技局 stay apart
    assert {"长沙市科学技术局", "南京市科学技术局"} <= set(matrix.units)
    assert matrix.units[0] == "长沙市发展和改革委员会"  # most tasks first


def test_a_units_tasks_across_plans_with_its_role(ws):
    reports = ws.tasks.reports(AS_OF, unit="省科技厅")
    assert len(reports) == 11 and {r.task.doc_id for r in reports} == {"hunan-biomedicine-2026"}
    assert sum(r.role is Role.LEAD for r in reports) == 5
    assert [r.task.id for r in ws.tasks.reports(AS_OF, unit="湖南省科学技术厅")] == [
        r.task.id for r in reports
    ]
    leads = ws.tasks.reports(AS_OF, unit="省科技厅", role=Role.LEAD)
    assert len(leads) == 5 and all(r.task.lead.name == "湖南省科学技术厅" for r in leads)
    assert ws.tasks.reports(AS_OF, unit="没有这个单位") == []


def test_tasks_past_their_deadline_and_not_done_are_overdue(ws):
    task_id = "nanjing-bioeconomy-2021:二/（四）/1"  # 市发改委, plan period ends 2023
    before = {r.task.id: r for r in ws.tasks.reports(dt.date(2023, 12, 31), unit="南京市发展和改革委员会")}
    assert not before[task_id].overdue
    report = next(r for r in ws.tasks.reports(AS_OF) if r.task.id == task_id)
    assert report.overdue and report.status is TaskStatus.NOT_STARTED
    ws.tasks.record(task_id, "已完成", "已建成市级生物医药公共服务平台", on="2023-12-20", by="王五")
    report = next(r for r in ws.tasks.reports(AS_OF) if r.task.id == task_id)
    assert not report.overdue and report.status is TaskStatus.DONE
    assert task_id not in {r.task.id for r in ws.tasks.reports(AS_OF, overdue_only=True)}


def test_progress_notes_give_the_status_and_every_change_is_audited(ws):
    task_id = "hunan-biomedicine-2026:一/（一）"
    seen = []
    ws.tasks.subscribe(seen.append)
    ws.tasks.record(task_id, "推进中", "已发布平台认定指南", on="2026-10-10", by="张三")
    second = ws.tasks.record(task_id, "lagging", "资金拨付滞后", on=dt.date(2026, 11, 10), by="李四")
    ws.tasks.record(task_id, "推进中", "补记：九月已启动", on="2026-09-01", by="张三")  # an older report
    report = next(r for r in ws.tasks.reports(AS_OF) if r.task.id == task_id)
    assert report.status is TaskStatus.LAGGING and report.latest.note == "资金拨付滞后"
    assert [n.reported_on.isoformat() for n in ws.tasks.progress(task_id)] == [
        "2026-09-01",
        "2026-10-10",
        "2026-11-10",
    ]
    ws.tasks.retract(second.id, by="李四")
    report = next(r for r in ws.tasks.reports(AS_OF) if r.task.id == task_id)
    assert report.status is TaskStatus.IN_PROGRESS and report.latest.note == "已发布平台认定指南"
    audit = ws.tasks.audit(task_id)
    assert [(e.action, e.actor) for e in audit] == [
        ("record", "张三"),
        ("record", "李四"),
        ("record", "张三"),
        ("retract", "李四"),
    ]
    assert audit[3].before["note"] == "资金拨付滞后" and audit[3].after["retracted_at"]
    assert len(seen) == 4 and all(task_id in c.tasks for c in seen)


@pytest.mark.parametrize(
    ("task_id", "status", "note", "on", "code"),
    [
        ("no-such-doc:一", "推进中", "x", None, "unknown_task"),
        ("hunan-biomedicine-2026:一/（一）", "差不多了", "x", None, "invalid_status"),
        ("hunan-biomedicine-2026:一/（一）", "推进中", "   ", None, "missing_note"),
        ("hunan-biomedicine-2026:一/（一）", "推进中", "x", "2026-13-01", "invalid_date"),
        ("hunan-biomedicine-2026:一/（一）", "推进中", "x", "2999-01-01", "future_date"),
    ],
)
def test_a_bad_note_is_refused_and_nothing_is_stored(ws, task_id, status, note, on, code):
    with pytest.raises(TaskError) as info:
        ws.tasks.record(task_id, status, note, on=on)
    assert info.value.code == code
    assert ws.tasks.progress("hunan-biomedicine-2026:一/（一）") == [] and ws.tasks.audit() == []


def test_record_many_stores_all_or_nothing(ws):
    rows = [
        {"task_id": "hunan-biomedicine-2026:一/（一）", "status": "推进中", "note": "a"},
        {"task_id": "hunan-biomedicine-2026:一/（二）", "status": "不知道", "note": "b"},
    ]
    with pytest.raises(TaskError):
        ws.tasks.record_many(rows)
    assert ws.tasks.audit() == [] and ws.tasks.progress("hunan-biomedicine-2026:一/（一）") == []


def test_targets_of_the_same_clause_show_their_status_beside_the_task(ws):
    task_id = "nanjing-bioeconomy-2021:二/（二）/2"
    report = next(r for r in ws.tasks.reports(AS_OF) if r.task.id == task_id)
    expected = [i for i in ws.indicators.indicators() if i.clause_id == task_id]
    assert expected and [x.indicator_id for x in report.targets] == [i.id for i in expected]
    assert report.targets[0].status == ws.indicators.status(expected[0].id, AS_OF).status.value


def test_a_plan_in_other_shapes_gives_its_tasks_units_and_deadlines(ws):
    outcome = ws.library.import_files([FIXTURES / "zhuzhou-new-materials-2024.txt"])[0]
    assert outcome.ok
    tasks = {t.path: t for t in ws.tasks.tasks([outcome.doc_id])}
    assert sorted(tasks) == ["二/（一）", "二/（三）", "二/（二）", "二/（五）", "二/（四）"]
    first = tasks["二/（一）"]  # 牵头单位：…；配合单位：…；完成时限：…
    assert first.lead.name == "株洲市工业和信息化局"
    assert [u.name for u in first.supporting] == ["株洲市发展和改革委员会", "株洲市财政局"]
    assert first.deadline.day == dt.date(2025, 6, 30) and first.deadline.source == "clause"
    second = tasks["二/（二）"]  # A牵头，B、C配合
    assert second.lead.name == "株洲市科学技术局"
    assert [u.name for u in second.supporting] == ["株洲市工业和信息化局", "株洲高新区管委会"]
    assert second.deadline.day == dt.date(2026, 12, 31) and second.deadline.source == "plan"
    third = tasks["二/（三）"]  # 责任单位：A、B（牵头）、C
    assert third.lead.name == "株洲市自然资源和规划局" and third.deadline.day == dt.date(2024, 12, 31)
    fifth = tasks["二/（五）"]  # a provincial department in a city plan
    assert fifth.lead.name == "湖南省人力资源和社会保障厅"
    # Zhuzhou's 市工信局 is not Changsha's
    assert "株洲市工业和信息化局" in ws.tasks.matrix().units
    ws.library.remove(outcome.doc_id)
    assert ws.tasks.tasks([outcome.doc_id]) == []


def test_tasks_after_an_import_or_a_removal_are_the_librarys_tasks_in_order(ws):
    before = ws.tasks.tasks()
    outcome = ws.library.import_files([FIXTURES / "zhuzhou-new-materials-2024.txt"])[0]
    assert outcome.ok
    after_import = ws.tasks.tasks_after(before, {outcome.doc_id})
    assert [t.id for t in after_import] == [t.id for t in ws.tasks.tasks()]
    assert len(after_import) == len(before) + 5
    ws.library.remove("changsha-bioeconomy-2023")
    after_removal = ws.tasks.tasks_after(after_import, {"changsha-bioeconomy-2023"})
    assert [t.id for t in after_removal] == [t.id for t in ws.tasks.tasks()]
    assert not any(t.doc_id == "changsha-bioeconomy-2023" for t in after_removal)
    assert ws.tasks.tasks_after(after_removal, set()) == after_removal
