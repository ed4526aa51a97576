"""Application files written from the text of 湘政办发〔2026〕15号, one per item and per
tricky condition, each with the outcome the text implies (its ``expected`` block, and ``why``
citing the passage). The engine must give exactly that outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.checklist.application_file import (
    ApplicationFileError,
    decode_application_bytes,
    load_application_file,
)
from workbench.core.checklist.engine import evaluate_application
from workbench.core.checklist.rules import rules_by_id

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def test_there_are_at_least_thirty_cases_covering_every_item():
    assert len(CASES) >= 30
    rules = rules_by_id("hunan-biomedicine-2026")
    assert rules is not None
    claimed = {
        c["item"] for p in CASES for c in json.loads(decode_application_bytes(p.read_bytes()))["claims"]
    }
    missing = {i.id for i in rules.items} - claimed
    # two items only ask a yes/no question (no amount, no date): covered by the engine tests
    assert missing <= {"genetic-resources-qualification", "clinical-use-upon-approval"}


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_gives_the_outcome_the_text_implies(path: Path):
    raw = path.read_bytes()
    data = json.loads(decode_application_bytes(raw))
    expected = data["expected"]
    assert data["why"], "every case says which passage it rests on"
    if "encoding" in expected:
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    if "error" in expected:
        with pytest.raises(ApplicationFileError) as info:
            load_application_file(path)
        assert info.value.code == expected["error"]["code"]
        assert info.value.field == expected["error"]["field"]
        for words in expected["error"].get("text", []):
            assert words in str(info.value)
        return
    app = load_application_file(path)
    rules = rules_by_id(app.rules_id)
    assert rules is not None
    e = evaluate_application(rules, app)
    if "policy_status" in expected:
        assert e.policy_status.value == expected["policy_status"]
    if "scope_state" in expected:
        assert e.scope_state.value == expected["scope_state"]
    scope = {c.id: c for c in e.scope}
    for cid, reason in expected.get("scope", {}).items():
        assert scope[cid].reason == reason, (cid, scope[cid])
    for claim_id, want in expected.get("claims", {}).items():
        r = e.result_for_claim(claim_id)
        assert r is not None, claim_id
        for key in ("state", "amount", "max_amount", "ceiling_only"):
            if key in want:
                got = r.state.value if key == "state" else getattr(r, key)
                assert got == want[key], (claim_id, key, got)
        reasons = {c.id: c.reason for c in r.conditions}
        for cid, reason in want.get("reasons", {}).items():
            assert reasons.get(cid) == reason, (claim_id, cid, reasons.get(cid))
        notes = {n.code for n in r.notes}
        assert set(want.get("notes", [])) <= notes, (claim_id, notes)
        assert not set(want.get("no_notes", [])) & notes, (claim_id, notes)
        if "fund" in want:
            assert r.fund is not None and r.fund.name == want["fund"]
    totals = expected.get("totals", {})
    if "after_cap" in totals:
        assert e.total_after_cap == totals["after_cap"]
    if "before_cap" in totals:
        assert e.total_before_cap == totals["before_cap"]
    by_year = {t.year: t for t in e.totals}
    for year, amount in totals.get("by_year", {}).items():
        assert by_year[int(year)].after_cap == amount, year
    for year, amount in totals.get("pending", {}).items():
        assert by_year[int(year)].pending == amount, year
    for year, amount in totals.get("ceilings", {}).items():
        assert by_year[int(year)].ceilings == amount, year
    if "capped_years" in totals:
        assert [t.year for t in e.totals if t.cap_applied] == totals["capped_years"]
    text = json.dumps(e.to_json(), ensure_ascii=False)
    for words in expected.get("text", []):
        assert words in text
