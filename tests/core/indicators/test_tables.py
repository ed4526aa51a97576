"""Observations and indicators through real .xlsx and .csv files: preview, validation, all or nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from workbench.core.indicators.tables import (
    TableFileError,
    apply_import,
    export_file,
    import_file,
    preview_import,
)
from workbench.core.workspace import Workspace

NJ = "nanjing-bioeconomy-2021.t01"  # 生物经济产业规模, 亿元
CS = "changsha-bioeconomy-2023.t23"  # 上市企业总数, 家


@pytest.fixture
def ws(data_dir):
    workspace = Workspace.open(data_dir)
    yield workspace
    workspace.close()


def write_xlsx(path, rows, headers=("指标编号", "期间", "数值", "单位", "来源说明")):
    book = Workbook()
    sheet = book.active
    sheet.title = "观测值"
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_the_bundled_indicator_ids_used_here_are_what_they_seem(ws):
    assert ws.indicators.get(NJ).name == "生物经济产业规模"
    assert ws.indicators.get(CS).name == "上市企业总数" and ws.indicators.get(CS).unit == "家"


def test_an_xlsx_file_with_bad_rows_imports_nothing_and_lists_every_bad_row(ws, tmp_path):
    ws.indicators.record(NJ, "2021", 3000)
    path = write_xlsx(
        tmp_path / "观测.xlsx",
        [
            (NJ, 2022, 3500, "亿元", "统计公报"),  # row 2: fine
            (NJ, "2022", 3600, "亿元", None),  # row 3: same period twice
            ("no-such-indicator", 2022, 1, "家", None),  # row 4
            (CS, "2023-13", 30, "家", None),  # row 5: no 13th month
            (CS, 2023, "三十", "家", None),  # row 6: text in a number cell
            (CS, 2024, 31, "亿元", None),  # row 7: wrong unit
            (NJ, 2021, 3100, "亿元", None),  # row 8: already recorded
        ],
    )
    preview = preview_import(ws.indicators, path)
    found = [(p.row, p.column, p.code) for p in preview.problems]
    assert found == [
        (3, "期间", "duplicate_period"),
        (4, "指标编号", "unknown_indicator"),
        (5, "期间", "impossible_period"),
        (6, "数值", "not_a_number"),
        (7, "单位", "wrong_unit"),
        (8, "期间", "observation_exists"),
    ]
    assert preview.problems[3].value == "三十" and preview.problems[0].sheet == "观测值"
    with pytest.raises(ValueError):
        apply_import(ws.indicators, preview)
    _, result = import_file(ws.indicators, path)
    assert result is None
    assert [o.value for o in ws.indicators.observations(NJ)] == [3000]
    assert ws.indicators.observations(CS) == []


def test_a_clean_csv_imports_every_row_in_one_go_and_replacing_is_explicit(ws, tmp_path):
    path = tmp_path / "观测.csv"
    path.write_text(
        f'指标编号,期间,数值,来源说明,填报人\n{NJ},2021,3000,公报,张三\n{NJ},2022,"3,600",公报,张三\n{CS},2023-Q4,30,,\n',
        encoding="utf-8-sig",
    )
    preview = preview_import(ws.indicators, path)
    assert preview.ok and [o["row"] for o in preview.observations] == [2, 3, 4]
    result = apply_import(ws.indicators, preview, by="导入")
    assert (result.observations, result.replaced) == (3, 0)
    assert [(o.period, o.value, o.entered_by) for o in ws.indicators.observations(NJ)] == [
        ("2021", 3000, "张三"),
        ("2022", 3600, "张三"),
    ]
    assert ws.indicators.observations(CS)[0].period == "2023-Q4"
    again = preview_import(ws.indicators, path)
    assert {p.code for p in again.problems} == {"observation_exists"}
    replacing = preview_import(ws.indicators, path, replace=True)
    assert replacing.ok and replacing.replacements == 3
    apply_import(ws.indicators, replacing)
    assert [a.action for a in ws.indicators.audit(NJ) if a.entity == "observation"] == [
        "record",
        "record",
        "replace",
        "replace",
    ]


def test_a_gb18030_csv_from_an_old_excel_is_read(ws, tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(f"指标编号,期间,数值\n{NJ},2022,3500\n".encode("gb18030"))
    assert preview_import(ws.indicators, path).ok


def test_a_file_without_the_needed_columns_is_refused_by_name(ws, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [(NJ, 2022)], headers=("指标编号", "期间"))
    preview = preview_import(ws.indicators, path)
    assert [(p.row, p.column, p.code) for p in preview.problems] == [(1, "数值", "missing_column")]
    with pytest.raises(TableFileError) as info:
        preview_import(ws.indicators, tmp_path / "notes.txt")
    assert info.value.code == "unsupported_type"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(TableFileError) as info:
        preview_import(ws.indicators, broken)
    assert info.value.code == "unreadable"


def test_export_to_xlsx_has_both_sheets_and_reimports_into_another_folder(ws, tmp_path, seeded_template):
    import shutil

    ws.indicators.record(NJ, "2022", 3500, note="公报", by="张三")
    path = tmp_path / "导出.xlsx"
    export_file(ws.indicators, path)
    book = load_workbook(path)
    assert book.sheetnames == ["指标", "观测值"]
    rows = list(book["观测值"].iter_rows(values_only=True))
    assert rows[0][:6] == ("指标编号", "指标名称", "地区", "单位", "期间", "数值") and rows[1][4:6] == (
        "2022",
        3500,
    )
    indicator_rows = list(book["指标"].iter_rows(values_only=True))
    assert len(indicator_rows) == 1 + len(ws.indicators.indicators())
    status = indicator_rows[0].index("状态")
    assert {row[status] for row in indicator_rows[1:]} <= {
        "暂无数据",
        "暂无数据（已过期限）",
        "需加快进度",
        "进展顺利",
        "已实现",
        "进展有限",
        "出现倒退",
        "已逾期",
    }  # words, not codes
    other_dir = tmp_path / "other"
    shutil.copytree(seeded_template, other_dir)
    other = Workspace.open(other_dir)
    try:
        preview = preview_import(other.indicators, path)
        assert preview.ok, preview.problems
        result = apply_import(other.indicators, preview)
        assert result.observations == 1 and result.indicators_created == 0
        assert other.indicators.observations(NJ)[0].value == 3500
        assert other.indicators.get(NJ).target_low == 4000  # unchanged rows are not edited
        assert [a.action for a in other.indicators.audit(NJ)] == ["create", "record"]
    finally:
        other.close()


def test_indicator_rows_create_new_indicators_and_bad_ones_are_listed(ws, tmp_path):
    path = tmp_path / "指标.csv"
    path.write_text(
        "指标编号,指标名称,地区,单位,比较方式,目标值,目标上限,期限\n"
        ",新增孵化器,某市,家,以上,10,,2027\n"
        ",区间指标,某市,家,range,5,3,2027\n"
        ",无单位,某市,,达到,5,,2027\n",
        encoding="utf-8",
    )
    preview = preview_import(ws.indicators, path)
    assert [(p.row, p.code) for p in preview.problems] == [(3, "invalid_range"), (4, "invalid_unit")]
    before = len(ws.indicators.indicators())
    assert import_file(ws.indicators, path)[1] is None and len(ws.indicators.indicators()) == before
    path.write_text(
        "指标名称,地区,单位,比较方式,目标值,期限\n新增孵化器,某市,家,以上,10,2027\n", encoding="utf-8"
    )
    _, result = import_file(ws.indicators, path)
    assert result.indicators_created == 1
    (made,) = ws.indicators.indicators(region="某市")
    assert (made.name, made.comparator.value, made.target_low, made.deadline, made.origin) == (
        "新增孵化器",
        "at_least",
        10,
        "2027",
        "imported",
    )


def test_a_csv_export_writes_whole_numbers_without_a_decimal_point(ws, tmp_path):
    ws.indicators.record(NJ, "2022", 3500)
    ws.indicators.record(NJ, "2023", 3612.5)
    path = tmp_path / "观测.csv"
    export_file(ws.indicators, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].split(",")[5] == "3500" and lines[2].split(",")[5] == "3612.5"
    export_file(ws.indicators, tmp_path / "指标.csv", kind="indicators")
    assert ",4000," in (tmp_path / "指标.csv").read_text(encoding="utf-8-sig") and "4000.0" not in (
        tmp_path / "指标.csv"
    ).read_text(encoding="utf-8-sig")


def test_an_export_that_fails_half_way_keeps_the_earlier_file(ws, tmp_path, monkeypatch):
    import pandas as pd

    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "导出.xlsx"
    export_file(ws.indicators, path)
    before = path.read_bytes()
    real = pd.DataFrame.to_excel

    def fail_on_observations(frame, writer, *args, sheet_name="Sheet1", **kwargs):
        if sheet_name == "观测值":
            raise OSError("disk full")
        return real(frame, writer, *args, sheet_name=sheet_name, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_excel", fail_on_observations)
    with pytest.raises(OSError):
        export_file(ws.indicators, path)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["导出.xlsx"]


def test_an_export_to_an_unknown_type_is_refused_before_anything_is_created(ws, tmp_path):
    with pytest.raises(TableFileError) as info:
        export_file(ws.indicators, tmp_path / "new" / "指标.txt")
    assert info.value.code == "unsupported_type"
    assert not (tmp_path / "new").exists()


def test_an_export_into_a_folder_that_does_not_exist_is_refused_and_creates_nothing(ws, tmp_path):
    target = tmp_path / "无此文件夹" / "指标.xlsx"
    with pytest.raises(TableFileError) as caught:
        export_file(ws.indicators, target)
    assert caught.value.code == "no_folder"
    assert not target.parent.exists()
