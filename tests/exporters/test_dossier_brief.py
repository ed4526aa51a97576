"""The subsidy dossier: applicant, item states, conditions with citations, evidence and
what is missing, amounts per year before and after the cap, the trace, a data-as-of stamp."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from exporters import brief_data
from exporters.dossier_brief import build_dossier_brief, chinese_dates, evidence_from_file
from tests.conftest import ROOT
from tests.exporters.pdf_checks import pdf_text, rendered_ink
from workbench.core.checklist.application_file import load_application_file
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.phrases import format_yuan
from workbench.core.checklist.results import STATE_TEXT
from workbench.core.checklist.rules import rules_by_id
from workbench.core.workspace import Workspace

EXAMPLES = ROOT / "resources" / "examples"
CREATED = dt.datetime(2026, 11, 24, 10, 0).astimezone()


def _evaluate(path: Path):  # type: ignore[no-untyped-def]
    app = load_application_file(path)
    return evaluate_application(rules_by_id(app.rules_id), app)


def test_the_dossier_of_an_application_file_has_every_part(qapp, bundled_fonts):
    path = EXAMPLES / "changsha-innovative-drug.json"
    evaluation = _evaluate(path)
    data = brief_data.dossier_brief_from_file(None, path, fonts=bundled_fonts, created=CREATED).build()
    text = pdf_text(data)
    assert "长沙示例生物医药有限公司" in text and "91430100MA0000000X" in text
    assert "《湖南省人民政府办公厅关于促进生物医药产业创新发展的若干意见》（湘政办发〔2026〕15号）" in text
    for r in evaluation.items:
        if r.claim is not None:
            assert f"{r.item.title}（{r.claim.title}）：{STATE_TEXT[r.state]}".replace(" ", "") in text
            for c in r.conditions:
                if c.id not in ("scope", "validity.in_force"):
                    assert c.text.replace(" ", "") in text
    path_of = lambda cid: cid.split(":", 1)[1]  # noqa: E731
    drug = next(r for r in evaluation.items if r.claim and r.claim.id == "drug-1")
    assert f"依据：{path_of(drug.item.clause_id)}“{drug.item.quote}”".replace(" ", "") in text
    assert "国家药监局药品注册证书2026S00001" in text  # the one piece of evidence given
    assert "尚缺材料清单" in text
    for t in evaluation.totals:
        assert f"{t.year}年{format_yuan(t.before_cap)}" in text
    assert "评估过程" in text and chinese_dates(evaluation.trace[0].text).replace(" ", "") in text
    assert "数据截至" in text and "评估日2026年9月1日" in text
    assert rendered_ink(data) > 0.01


def test_the_cap_shows_amounts_before_and_after(bundled_fonts):
    path = EXAMPLES / "annual-cap-exceeded.json"
    evaluation = _evaluate(path)
    capped = [t for t in evaluation.totals if t.cap_applied]
    assert capped
    text = pdf_text(
        brief_data.dossier_brief_from_file(None, path, fonts=bundled_fonts, created=CREATED).build()
    )
    for t in capped:
        assert f"{t.year}年{format_yuan(t.before_cap)}{format_yuan(t.cap)}{format_yuan(t.after_cap)}" in text
    assert f"合计{format_yuan(evaluation.total_before_cap)}{format_yuan(evaluation.total_after_cap)}" in text
    assert "上限依据" in text


def test_missing_evidence_is_listed_and_given_evidence_is_not(bundled_fonts, tmp_path):
    evaluation = _evaluate(EXAMPLES / "changsha-innovative-drug.json")
    lines = evidence_from_file(
        evaluation,
        {
            "drug-1:first_registration": {"note": "证书A&B<1>"},
            "drug-1:industrialised": {"note": "", "files": [{"name": "产业化<说明>.pdf"}]},
        },
    )
    given = {e.key for e in lines if e.present}
    assert given == {"drug-1:first_registration", "drug-1:industrialised"}
    text = pdf_text(build_dossier_brief(evaluation, lines, fonts=bundled_fonts, created=CREATED).build())
    assert "证书A&B<1>" in text and "产业化<说明>.pdf" in text
    missing = [
        e
        for e in lines
        if e.asked
        and not e.present
        and e.key.split(":")[0] in {"profile", "drug-1", "device-1", "guarantee", "testing"}
    ]
    assert f"尚缺{len(missing)}项" in text


def test_a_stored_application_prints_its_evidence_and_save_time(data_dir, bundled_fonts, tmp_path):
    ws = Workspace.open(data_dir)
    try:
        stored = ws.applications.import_file(EXAMPLES / "changsha-innovative-drug.json")
        data = brief_data.dossier_brief(ws, stored.id, fonts=bundled_fonts, created=CREATED).build()
        with pytest.raises(brief_data.BriefDataError):
            brief_data.dossier_brief(ws, "no-such-application")
    finally:
        ws.close()
    text = pdf_text(data)
    saved = dt.datetime.fromisoformat(stored.updated_at)
    assert f"数据截至{saved.year}年{saved.month}月{saved.day}日" in text
    assert "国家药监局药品注册证书2026S00001" in text


def test_a_bad_application_file_is_a_data_error_naming_the_field(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"format": "workbench.application", "version": 1, "rules": "no-such-rules"}),
        encoding="utf-8",
    )
    with pytest.raises(brief_data.BriefDataError) as caught:
        brief_data.dossier_brief_from_file(None, bad)
    assert caught.value.reason == "application_file" and "rules" in caught.value.value


@pytest.mark.parametrize("build", ["stored", "on_screen"])
def test_an_evidence_file_whose_stored_copy_is_gone_counts_as_missing(
    data_dir, bundled_fonts, tmp_path, build
):
    ws = Workspace.open(data_dir)
    try:
        stored = ws.applications.import_file(EXAMPLES / "changsha-innovative-drug.json")
        scan = tmp_path / "器械注册证.pdf"
        scan.write_bytes(b"%PDF-1.4 scan")
        key = "device-1:production_approval"
        evidence = ws.applications.attach_file(stored.id, key, scan)
        ws.applications.evidence_path(evidence).write_bytes(b"altered")
        app = ws.applications.get(stored.id).application
        if build == "stored":
            data = brief_data.dossier_brief(ws, stored.id, fonts=bundled_fonts, created=CREATED).build()
        else:
            data = brief_data.dossier_brief_of(
                ws, app, stored.id, fonts=bundled_fonts, created=CREATED
            ).build()
        slots = ws.applications.evidence(stored.id)
    finally:
        ws.close()
    assert not slots[key].present
    text = pdf_text(data)
    assert "器械注册证.pdf（文件缺失）" in text
    # the example's one note (the drug's registration certificate) is all that is provided
    assert "已提供1项，尚缺7项" in text


def test_the_engines_dates_print_as_chinese_dates(bundled_fonts):
    path = EXAMPLES / "changsha-innovative-drug.json"
    text = pdf_text(
        brief_data.dossier_brief_from_file(None, path, fonts=bundled_fonts, created=CREATED).build()
    )
    assert "2026年2月14日至2031年2月13日" in text  # the validity in the trace and the condition notes
    assert "评估日2026年9月1日" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_an_evidence_file_named_by_a_full_path_prints_only_its_name(bundled_fonts, tmp_path):
    evaluation = _evaluate(EXAMPLES / "changsha-innovative-drug.json")
    files = [{"name": "/home/zhang/申报材料/注册证.pdf"}, {"name": r"C:\Users\zhang\Desktop\产业化说明.pdf"}]
    lines = evidence_from_file(evaluation, {"drug-1:industrialised": {"files": files}})
    data = build_dossier_brief(evaluation, lines, fonts=bundled_fonts, created=CREATED).build()
    text = pdf_text(data)
    assert "注册证.pdf" in text and "产业化说明.pdf" in text
    for fragment in ("/home/zhang", "zhang", "Desktop", "申报材料"):
        assert fragment not in text


def test_the_stamps_end_the_dossier_with_the_last_step_of_the_trace(bundled_fonts):
    import io

    import pypdf

    path = EXAMPLES / "annual-cap-exceeded.json"
    evaluation = _evaluate(path)
    data = brief_data.dossier_brief_from_file(None, path, fonts=bundled_fonts, created=CREATED).build()
    last = re.sub(r"\s+", "", pypdf.PdfReader(io.BytesIO(data)).pages[-1].extract_text())
    assert "数据截至" in last and "评估日" in last
    assert chinese_dates(evaluation.trace[-1].text).replace(" ", "") in last  # not the stamps alone on a page


def test_a_what_if_dossier_sets_it_beside_the_original_per_claim_and_per_year(qapp, bundled_fonts):
    what_if = EXAMPLES / "what-if-device-reclassified.json"
    original = EXAMPLES / "changsha-innovative-drug.json"
    data = brief_data.dossier_brief_from_file(
        None, what_if, fonts=bundled_fonts, created=CREATED, original=original
    ).build()
    text = re.sub(r"\s+", "", pdf_text(data))
    assert "六、试算对比" in text and "七、评估过程" in text
    assert "奖补合计（适用上限后）由550万元变为600万元，增加50万元" in text
    assert "改按其他事项" in text and "+50万元" in text
    assert "原申报·上限前" in text and "试算·上限后" in text
    plain = brief_data.dossier_brief_from_file(None, what_if, fonts=bundled_fonts, created=CREATED).build()
    assert "试算对比" not in pdf_text(plain)


def test_an_unstated_share_is_printed_as_a_ceiling_with_its_reading(qapp, bundled_fonts):
    path = ROOT / "tests/core/checklist/cases/equity-two-investments-one-ceiling.json"
    text = re.sub(
        r"\s+",
        "",
        pdf_text(
            brief_data.dossier_brief_from_file(None, path, fonts=bundled_fonts, created=CREATED).build()
        ),
    )
    assert "比例未定，最高400万元" in text and "比例未定，最高100万元" in text
    assert "另有比例未定、只列上限的事项（不计入上表）：2026年最高500万元" in text
    assert "解读：“最高不超过500万元”限的是“股权投资类企业”" in text
