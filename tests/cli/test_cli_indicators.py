"""``indicators`` on the command line: list, extract, record, import, export."""

from __future__ import annotations

import json

import pytest


def test_list_json_has_the_promised_fields_for_every_bundled_target(run):
    code, out, err = run("indicators", "list", "--as-of", "2024-06-30", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) >= 40
    for r in rows:
        assert {
            "id",
            "document",
            "clause_id",
            "name",
            "region",
            "unit",
            "comparator",
            "target_low",
            "target_high",
            "deadline",
            "status",
        } <= r.keys()
    scale = next(
        r for r in rows if r["document"] == "changsha-bioeconomy-2023" and r["name"] == "生物经济产业规模"
    )
    assert (scale["target_low"], scale["target_high"], scale["unit"], scale["deadline"], scale["region"]) == (
        4000,
        None,
        "亿元",
        "2025",
        "长沙市",
    )
    assert scale["clause_id"] == "changsha-bioeconomy-2023:二" and scale["status"] == "no_data"
    ranged = next(r for r in rows if r["comparator"] == "range")
    assert ranged["target_high"] > ranged["target_low"]
    recurring = next(r for r in rows if r["recurring"])
    assert recurring["deadline"] is None
    past = next(r for r in rows if r["deadline"] == "2023-12-31")
    assert (past["status"], past["reason"]) == (
        "no_data",
        "no_observation_past_deadline",
    )  # nothing recorded is not a miss


def test_list_text_writes_targets_as_chinese_does_and_marks_no_data_past_the_deadline(run):
    code, out, _ = run("indicators", "list", "--as-of", "2026-06-30")
    lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert code == 0
    assert lines["nanjing-bioeconomy-2021.t06"][4] == "10家左右"  # 营收超50亿元的企业10家左右
    assert lines["changsha-bioeconomy-2023.t26"][4] == "30个左右"
    assert lines["changsha-bioeconomy-2023.t23"][4] == "达到35家"
    assert lines["changsha-bioeconomy-2023.t04"][4] == "2—3家"
    assert any(t[4].endswith("以上") for t in lines.values())
    assert lines["nanjing-bioeconomy-2021.t01"][1] == "[暂无数据（已过期限）]"
    assert lines["changsha-bioeconomy-2023.t26"][1] == "[暂无数据]"  # recurring: never past a deadline


def test_list_filters_by_region(run):
    code, out, _ = run("indicators", "list", "--region", "南京市", "--json")
    assert code == 0 and {r["region"] for r in json.loads(out)} == {"南京市"}


def test_record_then_list_shows_the_status_and_a_second_value_needs_replace(run):
    nj = "nanjing-bioeconomy-2021.t01"
    assert run("indicators", "record", nj, "2021", "3000", "--by", "张三", "--note", "统计公报")[0] == 0
    code, out, _ = run("indicators", "record", nj, "2022", "3700")
    assert code == 0 and "3700亿元" in out
    code, _, err = run("indicators", "record", nj, "2022", "3800")
    assert code == 2 and "--replace" in err and "Traceback" not in err
    code, out, _ = run("indicators", "record", nj, "2022", "3800", "--replace")
    assert code == 0 and "替换原值 3700" in out
    rows = json.loads(run("indicators", "list", "--as-of", "2023-06-30", "--json")[1])
    assert next(r for r in rows if r["id"] == nj)["status"] == "on_track"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("no-such", "2022", "1"), "没有这个指标"),
        (("nanjing-bioeconomy-2021.t01", "2022-13", "1"), "期间不存在"),
        (("nanjing-bioeconomy-2021.t01", "2022", "很多"), "不是数字"),
    ],
)
def test_record_errors_are_one_line_messages(run, args, words):
    code, _, err = run("indicators", "record", *args)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_extract_proposes_targets_of_a_document_with_clause_and_sentence(run):
    code, out, _ = run("indicators", "extract", "changsha-bioeconomy-2023", "--all", "--json")
    assert code == 0
    proposals = json.loads(out)
    scale = next(p for p in proposals if p["value_text"] == "4000亿元")
    assert (
        scale["clause_id"] == "changsha-bioeconomy-2023:二"
        and scale["deadline"] == "2025"
        and "4000 亿元" in scale["sentence"]
    )
    code, out, _ = run("indicators", "extract", "changsha-bioeconomy-2023", "--json")
    assert json.loads(out) == []  # all already accepted as the bundled targets
    code, _, err = run("indicators", "extract", "no-such-doc")
    assert code == 2 and "no-such-doc" in err


def test_import_with_bad_rows_lists_them_and_imports_nothing_then_export_round_trips(run, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "指标编号,期间,数值\nnanjing-bioeconomy-2021.t01,2022,3500\nnanjing-bioeconomy-2021.t01,2022,abc\nmissing,2022,1\n",
        encoding="utf-8",
    )
    code, _, err = run("indicators", "import", str(bad))
    assert code == 2
    assert (
        "第 3 行" in err
        and "not_a_number" in err
        and "第 4 行" in err
        and "unknown_indicator" in err
        and "未导入任何数据" in err
    )
    assert "2022" not in run("indicators", "list", "--region", "南京市")[1]
    good = tmp_path / "good.csv"
    good.write_text("指标编号,期间,数值\nnanjing-bioeconomy-2021.t01,2022,3500\n", encoding="utf-8")
    assert run("indicators", "import", str(good), "--dry-run")[0] == 0
    code, out, _ = run("indicators", "import", str(good), "--by", "张三")
    assert code == 0 and "观测值 1 条" in out
    out_path = tmp_path / "export.csv"
    assert run("indicators", "export", str(out_path))[0] == 0
    assert "3500" in out_path.read_text(encoding="utf-8-sig")
    assert run("indicators", "export", str(tmp_path / "all.xlsx"))[0] == 0
    code, _, err = run("indicators", "export", str(tmp_path / "x.json"))
    assert code == 2 and ".xlsx" in err


def test_compare_puts_the_two_cities_4000_yi_targets_side_by_side(run):
    code, out, _ = run("indicators", "compare")
    assert code == 0 and "生物经济产业规模" in out.splitlines()
    code, out, _ = run(
        "indicators", "compare", "changsha-bioeconomy-2023.t01", "--as-of", "2024-06-30", "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["unit"] == "亿元"
    assert [(r["region"], r["target_low"], r["deadline"], r["status"]) for r in data["rows"]] == [
        ("南京市", 4000, "2023", "no_data"),
        ("长沙市", 4000, "2025", "no_data"),
    ]
    code, _, err = run("indicators", "compare", "没有这个口径")
    assert code == 2 and "没有这个口径" in err


def test_history_shows_every_change_with_who_and_the_old_value(run):
    nj = "nanjing-bioeconomy-2021.t01"
    run("indicators", "record", nj, "2022", "3500", "--by", "张三")
    run("indicators", "record", nj, "2022", "3600", "--by", "李四", "--replace")
    code, out, _ = run("indicators", "history", nj)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 3
    assert "创建" in lines[0] and "张三" in lines[1] and "记录" in lines[1]
    assert "李四" in lines[2] and "替换" in lines[2] and "3500 → 3600" in lines[2]
    code, out, _ = run("indicators", "history", nj, "--json")
    assert [e["action"] for e in json.loads(out)] == ["create", "record", "replace"]
    assert run("indicators", "history", "no-such")[0] == 2
