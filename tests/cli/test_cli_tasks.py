"""``tasks`` on the command line: list, matrix, record, show, export, import, units."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.exporters.pdf_checks import pdf_text

TASK = "hunan-biomedicine-2026:一/（一）"


def test_list_of_a_unit_as_json_gives_its_tasks_across_plans_with_role_deadline_and_status(run):
    code, out, err = run("tasks", "list", "--unit", "省科技厅", "--as-of", "2026-12-01", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 11
    first = rows[0]
    assert {
        "id",
        "plan",
        "clause",
        "task",
        "lead",
        "supporting",
        "role",
        "deadline",
        "status",
        "overdue",
        "targets",
    } <= first.keys()
    assert first["id"] == TASK and first["role"] == "lead" and first["status"] == "not_started"
    assert first["lead"] == {"name": "湖南省科学技术厅", "written": "省科技厅", "in_table": True}
    code, out, _ = run("tasks", "list", "--unit", "市发改委", "--overdue", "--as-of", "2026-12-01", "--json")
    rows = json.loads(out)
    assert rows and all(r["overdue"] for r in rows)
    assert {r["doc_id"] for r in rows} >= {"nanjing-bioeconomy-2021", "changsha-bioeconomy-2023"}


def test_record_then_show_gives_the_note_its_status_and_the_audit(run):
    code, out, err = run(
        "tasks", "record", TASK, "推进中", "已发布认定指南", "--on", "2026-11-02", "--by", "张三"
    )
    assert code == 0, err
    assert "已记录" in out
    code, out, _ = run("tasks", "show", TASK, "--json")
    shown = json.loads(out)
    assert shown["status"] == "in_progress" and shown["latest"]["note"] == "已发布认定指南"
    assert [e["action"] for e in shown["audit"]] == ["record"] and shown["audit"][0]["actor"] == "张三"


def test_a_bad_record_is_refused_with_a_message_and_stores_nothing(run):
    code, _, err = run("tasks", "record", TASK, "快好了", "x")
    assert code == 2 and "状态应为" in err and "Traceback" not in err
    code, _, err = run("tasks", "record", "no-such:一", "推进中", "x")
    assert code == 2 and "没有这项任务" in err
    code, out, _ = run("tasks", "show", TASK, "--json")
    assert json.loads(out)["audit"] == []
    code, _, err = run("tasks", "list", "--unit", "没有这个单位")
    assert code == 2 and "没有单位" in err


def test_export_then_import_of_a_filled_in_ledger(run, tmp_path):
    path = tmp_path / "科技厅.xlsx"
    code, out, err = run("tasks", "export", str(path), "--unit", "省科技厅")
    assert code == 0, err
    assert "已导出 11 项任务" in out
    book = load_workbook(path)
    sheet = book.active
    cols = {c.value: c.column for c in sheet[2]}
    sheet.cell(3, cols["进展情况"], "已完成首批认定")
    sheet.cell(3, cols["状态"], "已完成")
    book.save(path)
    code, out, err = run("tasks", "import", str(path), "--dry-run")
    assert code == 0 and "进展 1 条" in out
    code, out, _ = run("tasks", "show", TASK, "--json")
    assert json.loads(out)["audit"] == []  # a dry run writes nothing
    code, out, err = run("tasks", "import", str(path), "--by", "科技厅")
    assert code == 0, err
    code, out, _ = run("tasks", "show", TASK, "--json")
    assert json.loads(out)["status"] == "done"


def test_an_import_with_a_bad_row_lists_it_and_stores_nothing(run, tmp_path):
    path = tmp_path / "x.xlsx"
    run("tasks", "export", str(path), "--unit", "省科技厅")
    book = load_workbook(path)
    sheet = book.active
    cols = {c.value: c.column for c in sheet[2]}
    sheet.cell(3, cols["进展情况"], "好的一行")
    sheet.cell(3, cols["状态"], "推进中")
    sheet.cell(4, cols["进展情况"], "坏的一行")
    sheet.cell(4, cols["状态"], "差不多")
    book.save(path)
    code, _, err = run("tasks", "import", str(path))
    assert code == 2 and "第 4 行" in err and "未导入任何数据" in err
    code, out, _ = run("tasks", "show", TASK, "--json")
    assert json.loads(out)["audit"] == []


def test_export_as_pdf_gives_the_ledger_brief(run, tmp_path):
    path = tmp_path / "台账.pdf"
    code, out, err = run(
        "tasks", "export", str(path), "--doc", "changsha-big-health-2023", "--as-of", "2026-12-01"
    )
    assert code == 0, err
    text = pdf_text(path).replace(" ", "")
    assert "督办任务台账" in text and "长沙市大健康产业高质量发展2023年实施方案" in text
    code, _, err = run("tasks", "export", str(tmp_path / "x.csv"))
    assert code == 2 and "不支持" in err


def test_matrix_and_units(run):
    code, out, _ = run("tasks", "matrix", "--json")
    matrix = json.loads(out)
    names = [u["name"] for u in matrix["units"]]
    assert names[0] == "长沙市发展和改革委员会" and len(names) == len(set(names))
    code, out, _ = run("tasks", "units", "--json")
    unknown = {(u["written"], u["region"]) for u in json.loads(out)}
    assert ("市物流口岸办", "长沙市") in unknown and not any(w == "省科技厅" for w, _ in unknown)
