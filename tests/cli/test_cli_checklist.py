"""``checklist`` commands as a person or a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import make_runner

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture
def run(tmp_path, capsys):
    """On a new data folder: the first command seeds it."""
    return make_runner(tmp_path / "data", capsys)


def test_evaluate_json_gives_items_reasons_citations_amounts_totals_and_trace(run):
    code, out, err = run("checklist", "evaluate", str(EXAMPLES / "changsha-innovative-drug.json"), "--json")
    assert code == 0, err
    result = json.loads(out)
    drug = next(i for i in result["items"] if i["claim"] == "drug-1")
    assert drug["state"] == "eligible" and drug["state_text"] == "符合"
    assert drug["max_amount"] == 5_000_000 and drug["amount"] == 5_000_000
    assert all(
        c["citation"]["clause_id"] and c["citation"]["quote"] and c["reason"] for c in drug["conditions"]
    )
    guarantee = next(i for i in result["items"] if i["claim"] == "guarantee")
    assert guarantee["amount"] == 0 and guarantee["financing_limit"] == 30_000_000
    assert result["totals"]["by_year"] == [
        {
            "year": 2026,
            "before_cap": 5_500_000,
            "after_cap": 5_500_000,
            "cap": 50_000_000,
            "cap_applied": False,
            "cap_citation": None,
            "pending": 0,
            "ceilings": 0,
        }
    ]
    assert result["trace"][0]["code"] == "trace.start" and result["trace"][-1]["code"] == "trace.total"


def test_evaluate_as_of_after_expiry_says_so(run):
    code, out, _ = run(
        "checklist",
        "evaluate",
        str(EXAMPLES / "changsha-innovative-drug.json"),
        "--json",
        "--as-of",
        "2031-03-01",
    )
    assert code == 0
    result = json.loads(out)
    assert result["policy_status"] == "expired" and result["totals"]["after_cap"] == 0


def test_evaluate_prints_a_chinese_checklist_with_the_cap(run):
    code, out, _ = run("checklist", "evaluate", str(EXAMPLES / "annual-cap-exceeded.json"))
    assert code == 0
    assert (
        "【hunan-biomedicine-2026:一/（四）】" in out
        and "[符合] 首次获得药品注册批件的创新药——创新药一号" in out
    )
    assert "2026 年：5500万元 → 适用每年 5000万元 上限后 5000万元〔hunan-biomedicine-2026:附则2〕" in out


def test_evaluate_outside_hunan_cites_the_scope_clause(run):
    code, out, _ = run("checklist", "evaluate", str(EXAMPLES / "outside-hunan.json"))
    assert code == 0
    assert "适用范围：不符合〔hunan-biomedicine-2026:附则1〕" in out and "[符合]" not in out


def test_a_bad_application_file_is_one_line_naming_the_field(run, tmp_path):
    data = json.loads((EXAMPLES / "changsha-innovative-drug.json").read_text(encoding="utf-8"))
    data["claims"][0]["event_date"] = "2026-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("checklist", "evaluate", str(bad), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "claims[0].event_date" in err and "2026-02-30" in err
    missing = tmp_path / "absent.json"
    code, _, err = run("checklist", "evaluate", str(missing))
    assert code == 2 and "absent.json" in err


def test_import_list_history_export_round_trip(run, tmp_path):
    code, out, err = run("checklist", "import", str(EXAMPLES / "changsha-innovative-drug.json"))
    assert code == 0, err
    code, out, _ = run("checklist", "list", "--json")
    [entry] = json.loads(out)
    assert entry["name"] == "长沙某创新药企业 2026 年度申报" and entry["revision"] == 1
    code, out, _ = run("checklist", "list")
    assert entry["id"] in out and "第 1 版" in out
    target = tmp_path / "exported.json"
    assert run("checklist", "export", entry["id"], str(target))[0] == 0
    exported = json.loads(target.read_text(encoding="utf-8"))
    original = json.loads((EXAMPLES / "changsha-innovative-drug.json").read_text(encoding="utf-8"))
    assert exported["claims"][0]["id"] == original["claims"][0]["id"] and exported["version"] == 1
    code, _, _ = run("checklist", "import", str(target), "--into", entry["id"])
    code, out, _ = run("checklist", "history", entry["id"], "--json")
    assert [r["revision"] for r in json.loads(out)] == [1]  # the same content adds no revision


def test_a_refused_import_leaves_the_list_unchanged(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "workbench.application", "version": 1, "rules": "hunan-biomedicine-2026", "profile": {}'
        ', "claims": [{"id": "x", "item": "nope"}]}',
        encoding="utf-8",
    )
    code, _, err = run("checklist", "import", str(bad))
    assert code == 2 and "claims[0].item" in err and "nope" in err
    assert json.loads(run("checklist", "list", "--json")[1]) == []


def test_export_of_an_unknown_application_is_a_user_error(run, tmp_path):
    code, _, err = run("checklist", "export", "app-nope", str(tmp_path / "x.json"))
    assert code == 2 and "app-nope" in err


def _drug() -> dict:
    return json.loads((EXAMPLES / "changsha-innovative-drug.json").read_text(encoding="utf-8"))


def _without(data: dict, *path: str) -> dict:
    node = data
    for step in path[:-1]:
        node = node[int(step)] if isinstance(node, list) else node[step]
    del node[path[-1]]
    return data


def _with(data: dict, value: object, *path: str) -> dict:
    node = data
    for step in path[:-1]:
        node = node[int(step)] if isinstance(node, list) else node[step]
    node[int(path[-1]) if isinstance(node, list) else path[-1]] = value
    return data


# (what is wrong, the file's text, what the message must name)
BAD_FILES = [
    ("not JSON", '{"format": "workbench.application", "version": 1,', ["JSON"]),
    ("wrong version", json.dumps(_with(_drug(), 9, "version")), ["version", "9"]),
    ("missing required field", json.dumps(_without(_drug(), "claims", "0", "item")), ["claims[0].item"]),
    (
        "negative amount",
        json.dumps(_with(_drug(), -100, "claims", "0", "requested_amount")),
        ["claims[0].requested_amount", "-100"],
    ),
    (
        "impossible date",
        json.dumps(_with(_drug(), "2026-02-30", "claims", "1", "event_date")),
        ["claims[1].event_date", "2026-02-30"],
    ),
    (
        "unknown item id",
        json.dumps(_with(_drug(), "no-such-award", "claims", "0", "item")),
        ["claims[0].item", "no-such-award"],
    ),
]


@pytest.mark.parametrize(("problem", "text", "named"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_imported_into_an_application_is_refused_naming_the_field_and_leaves_it_untouched(
    run, tmp_path, problem, text, named
):
    assert run("checklist", "import", str(EXAMPLES / "changsha-innovative-drug.json"))[0] == 0
    [entry] = json.loads(run("checklist", "list", "--json")[1])
    before = tmp_path / "before.json"
    run("checklist", "export", entry["id"], str(before))
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run("checklist", "import", str(bad), "--into", entry["id"])
    assert code == 2 and err.count("\n") == 1, problem
    assert all(n in err for n in named), err
    after = tmp_path / "after.json"
    run("checklist", "export", entry["id"], str(after))
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")
    assert [r["revision"] for r in json.loads(run("checklist", "history", entry["id"], "--json")[1])] == [1]
    assert len(json.loads(run("checklist", "list", "--json")[1])) == 1


def test_a_multi_year_award_requested_below_its_ceiling_says_which_years_count(run, tmp_path):
    data = json.loads((EXAMPLES / "annual-cap-exceeded.json").read_text(encoding="utf-8"))
    [claim] = [c for c in data["claims"] if c["item"] == "national-innovation-centre"]
    claim["requested_amount"] = 8_000_000
    path = tmp_path / "request.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("checklist", "evaluate", str(path))
    assert code == 0
    assert (
        "最高 1500万元（2026 年 500万元、2027 年 500万元、2028 年 500万元），计入 800万元（2026 年 500万元、"
        "2027 年 300万元）" in out
    )


def test_evidence_lists_what_is_given_and_a_file_whose_copy_is_gone_as_missing(run, tmp_path):
    from workbench.core.workspace import Workspace

    assert run("checklist", "import", str(EXAMPLES / "changsha-innovative-drug.json"))[0] == 0
    [entry] = json.loads(run("checklist", "list", "--json")[1])
    scan, gone = tmp_path / "器械注册证.pdf", tmp_path / "产业化.pdf"
    scan.write_bytes(b"scan")
    gone.write_bytes(b"plan")
    ws = Workspace.open(tmp_path / "data")
    try:
        ws.applications.attach_file(entry["id"], "device-1:production_approval", scan)
        lost = ws.applications.attach_file(entry["id"], "device-1:industrialised", gone)
        ws.applications.evidence_path(lost).unlink()
    finally:
        ws.close()
    code, out, _ = run("checklist", "evidence", entry["id"])
    assert code == 0
    lines = {line.split("\t")[1]: line for line in out.splitlines()[1:]}
    assert (
        lines["device-1:production_approval"].startswith("✔ 已有")
        and "器械注册证.pdf" in lines["device-1:production_approval"]
    )
    assert (
        lines["device-1:industrialised"].startswith("✘ 缺少")
        and "产业化.pdf（文件缺失）" in lines["device-1:industrialised"]
    )
    assert "national-innovation-centre:newly_approved" not in lines  # not claimed
    slots = {s["key"]: s for s in json.loads(run("checklist", "evidence", entry["id"], "--json")[1])}
    assert (
        slots["device-1:industrialised"]["present"] is False
        and slots["device-1:industrialised"]["files"][0]["present"] is False
    )
    assert slots["device-1:production_approval"]["present"] is True
    code, _, err = run("checklist", "evidence", "app-nope")
    assert code == 2 and "app-nope" in err


def test_compare_sets_a_what_if_beside_the_original(run):
    original = str(EXAMPLES / "changsha-innovative-drug.json")
    what_if = str(EXAMPLES / "what-if-device-reclassified.json")
    code, out, err = run("checklist", "compare", original, what_if, "--json")
    assert code == 0, err
    result = json.loads(out)
    device = next(c for c in result["claims"] if c["claim"] == "device-1")
    assert device["changes"] == ["item"] and device["amount_delta"] == 500_000
    assert device["original"]["item"] == "innovative-device-class-2"
    assert device["what_if"]["item"] == "innovative-device-class-3"
    assert result["years"] == [
        {
            "year": 2026,
            "original": {"before_cap": 5_500_000, "after_cap": 5_500_000, "cap_applied": False},
            "what_if": {"before_cap": 6_000_000, "after_cap": 6_000_000, "cap_applied": False},
            "delta": 500_000,
        }
    ]
    code, out, err = run("checklist", "compare", original, what_if)
    assert code == 0 and "改按其他事项" in out and "+500,000元" in out


def test_a_gbk_file_is_read_and_a_broken_one_is_refused_in_chinese(run, tmp_path):
    text = (EXAMPLES / "changsha-innovative-drug.json").read_text(encoding="utf-8")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(text.encode("gbk"))
    code, out, err = run("checklist", "evaluate", str(gbk), "--json")
    assert code == 0, err
    assert json.loads(out)["totals"]["by_year"][0]["after_cap"] == 5_500_000
    broken = tmp_path / "broken.json"
    broken.write_bytes(text.replace('"version": 1,', '"version": 1').encode("utf-8"))
    code, out, err = run("checklist", "evaluate", str(broken))
    assert code != 0 and "不是有效的 JSON 文件：第 4 行第 3 列" in err and "缺少逗号" in err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\x81\x30\xff\xfe")
    code, out, err = run("checklist", "evaluate", str(binary))
    assert code != 0 and "既不是 UTF-8 也不是 GBK 编码" in err


def test_future_approvals_wait_unless_a_forecast_is_asked_for(run):
    path = str(Path(__file__).resolve().parents[1] / "core/checklist/cases/drug-approval-in-the-future.json")
    code, out, err = run("checklist", "evaluate", path, "--json")
    assert code == 0, err
    assert json.loads(out)["totals"]["after_cap"] == 0 and not json.loads(out)["forecast"]
    code, out, err = run("checklist", "evaluate", path, "--forecast")
    assert code == 0 and "【预测】" in out and "总计：500万元" in out
