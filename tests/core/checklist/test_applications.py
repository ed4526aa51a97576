"""Saved applications: revisions, export/import, evidence files."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from db.connection import open_database
from tests.conftest import ROOT
from workbench.core.checklist.application_file import ApplicationFileError, load_application_file
from workbench.core.checklist.applications import ApplicationError, ApplicationService
from workbench.core.checklist.results import State

EXAMPLES = ROOT / "resources" / "examples"
DRUG_EXAMPLE = EXAMPLES / "changsha-innovative-drug.json"


@pytest.fixture
def service(tmp_path):
    db = open_database(tmp_path / "data" / "library.sqlite3")
    yield ApplicationService(db, tmp_path / "data")
    db.close()


@pytest.fixture
def stored(service):
    return service.create(load_application_file(DRUG_EXAMPLE))


def test_every_change_is_kept_as_a_revision(service, stored):
    changed = dataclasses.replace(stored.application, name="改过的名字")
    again = service.save(stored.id, changed, "改名")
    assert again.revision == 2 and service.get(stored.id).application.name == "改过的名字"
    assert [(r.revision, r.summary) for r in service.history(stored.id)] == [(1, "新建"), (2, "改名")]
    assert service.revision(stored.id, 1).name == stored.application.name
    restored = service.restore(stored.id, 1)
    assert restored.revision == 3 and restored.application == stored.application


def test_saving_an_unchanged_application_adds_no_revision(service, stored):
    assert service.save(stored.id, stored.application, "无变化").revision == 1
    assert len(service.history(stored.id)) == 1


def test_listeners_hear_of_every_change(service, stored):
    heard: list[str] = []
    service.subscribe(heard.append)
    service.set_note(stored.id, "drug-1:industrialised", "长沙生产基地")
    assert heard == [stored.id]


def test_the_list_shows_saved_applications(service, stored):
    [summary] = service.summaries()
    assert (summary.id, summary.name, summary.revision) == (stored.id, stored.application.name, 1)


def test_export_then_import_gives_the_same_application(service, stored, tmp_path):
    path = tmp_path / "out.json"
    service.export_file(stored.id, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "workbench.application" and data["version"] == 1
    copy = service.import_file(path)
    assert copy.id != stored.id and copy.application == stored.application
    assert len(service.summaries()) == 2


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("这不是 JSON", "(file)"),
        ('{"format": "workbench.application", "version": 9}', "version"),
        ("NEGATIVE", "claims[0].requested_amount"),
        ("BADDATE", "claims[0].event_date"),
        ("UNKNOWN", "claims[0].item"),
        ("NOPROFILE", "profile"),
    ],
)
def test_a_bad_file_imported_into_an_application_leaves_it_untouched(
    service, stored, tmp_path, content, field
):
    data = json.loads(DRUG_EXAMPLE.read_text(encoding="utf-8"))
    if content == "NEGATIVE":
        data["claims"][0]["requested_amount"] = -100
    elif content == "BADDATE":
        data["claims"][0]["event_date"] = "2026-02-30"
    elif content == "UNKNOWN":
        data["claims"][0]["item"] = "no-such-award"
    elif content == "NOPROFILE":
        del data["profile"]
    text = json.dumps(data) if content in {"NEGATIVE", "BADDATE", "UNKNOWN", "NOPROFILE"} else content
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ApplicationFileError) as info:
        service.import_file(path, into=stored.id)
    assert info.value.field == field
    assert service.get(stored.id) == stored
    assert len(service.history(stored.id)) == 1 and len(service.summaries()) == 1


def test_import_into_an_application_adds_a_revision(service, stored, tmp_path):
    data = json.loads(DRUG_EXAMPLE.read_text(encoding="utf-8"))
    data["name"] = "第二稿"
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert service.import_file(path, into=stored.id).revision == 2
    assert service.get(stored.id).application.name == "第二稿"


def test_an_attached_file_is_copied_into_the_data_folder_with_its_hash(service, stored, tmp_path):
    source = tmp_path / "注册证书.pdf"
    source.write_bytes(b"%PDF-1.4 certificate")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    evidence = service.attach_file(stored.id, "drug-1:first_registration", source)
    assert evidence.sha256 == digest and evidence.present and evidence.file_name == "注册证书.pdf"
    copy = service.data_dir / "evidence" / digest
    assert copy.read_bytes() == source.read_bytes()
    source.unlink()  # the copy is what counts
    slot = service.evidence(stored.id)["drug-1:first_registration"]
    assert slot.present and slot.files[0].present and slot.asked == "药品注册证书（批件）"


def test_evidence_shows_missing_until_a_note_or_file_is_given_and_when_the_copy_is_lost(
    service, stored, tmp_path
):
    slots = service.evidence(stored.id)
    assert not slots["drug-1:industrialised"].present
    assert slots["drug-1:first_registration"].present  # the example carries a note
    service.set_note(stored.id, "drug-1:industrialised", "长沙生产基地租赁合同")
    assert service.evidence(stored.id)["drug-1:industrialised"].present
    source = tmp_path / "合同.pdf"
    source.write_bytes(b"contract")
    f = service.attach_file(stored.id, "profile:registered", source)
    service.evidence_path(f).write_bytes(b"tampered")
    slot = service.evidence(stored.id)["profile:registered"]
    assert not slot.present and not slot.files[0].present


def test_detaching_a_file_keeps_it_out_of_the_slot(service, stored, tmp_path):
    source = tmp_path / "a.pdf"
    source.write_bytes(b"a")
    f = service.attach_file(stored.id, "profile:registered", source)
    service.remove_file(stored.id, f.id)
    assert service.evidence(stored.id)["profile:registered"].files == ()
    with pytest.raises(ApplicationError):
        service.remove_file(stored.id, f.id)


def test_evidence_for_an_unknown_condition_or_a_missing_file_is_refused(service, stored, tmp_path):
    with pytest.raises(ApplicationError) as info:
        service.set_note(stored.id, "drug-1:no_such_condition", "x")
    assert info.value.code == "unknown_evidence_key"
    with pytest.raises(ApplicationError) as info:
        service.attach_file(stored.id, "profile:registered", tmp_path / "absent.pdf")
    assert info.value.code == "evidence_unreadable"
    assert service.evidence_files(stored.id) == []
    assert len(service.history(stored.id)) == 1


def test_exported_evidence_records_reattach_on_import_when_the_file_is_here(service, stored, tmp_path):
    source = tmp_path / "证书.pdf"
    source.write_bytes(b"cert")
    service.attach_file(stored.id, "drug-1:first_registration", source)
    path = tmp_path / "out.json"
    service.export_file(stored.id, path)
    assert (
        json.loads(path.read_text(encoding="utf-8"))["evidence"]["drug-1:first_registration"]["files"][0][
            "name"
        ]
        == "证书.pdf"
    )
    copy = service.import_file(path)
    [f] = service.evidence_files(copy.id)
    assert f.present and f.file_name == "证书.pdf"


def test_an_import_that_fails_half_way_stores_nothing_and_tells_no_listener(
    service, stored, tmp_path, monkeypatch
):
    import sqlite3

    import db.applications

    source = tmp_path / "证书.pdf"
    source.write_bytes(b"cert")
    service.attach_file(stored.id, "drug-1:first_registration", source)
    path = tmp_path / "out.json"
    service.export_file(stored.id, path)
    told: list[str] = []
    service.subscribe(told.append)

    def disk_full(*_args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db.applications, "add_evidence_file", disk_full)
    with pytest.raises(sqlite3.OperationalError):
        service.import_file(path)
    assert [s.id for s in service.summaries()] == [stored.id]
    assert told == []
    monkeypatch.undo()
    copy = service.import_file(path)
    assert told == [copy.id]  # once, after the commit, for the application and its files


def test_evaluate_a_stored_application(service, stored):
    result = service.evaluate(stored.id)
    assert result.result_for_claim("drug-1").state is State.ELIGIBLE  # type: ignore[union-attr]


def test_an_unknown_application_is_a_user_error(service):
    with pytest.raises(ApplicationError) as info:
        service.get("app-nope")
    assert info.value.code == "not_found"


def test_attaching_and_removing_a_file_are_revisions_that_record_the_files(service, stored, tmp_path):
    source = tmp_path / "证书.pdf"
    source.write_bytes(b"cert")
    f = service.attach_file(stored.id, "drug-1:first_registration", source)
    service.remove_file(stored.id, f.id)
    history = service.history(stored.id)
    assert [h.revision for h in history] == [1, 2, 3]
    assert "证书.pdf" in history[1].summary and "移除" in history[2].summary
    from db import applications as table

    with_file = json.loads(table.get_revision(service.db, stored.id, 2)["data"])
    assert with_file["evidence"]["drug-1:first_registration"]["files"][0]["sha256"] == f.sha256
    without = json.loads(table.get_revision(service.db, stored.id, 3)["data"])
    assert "files" not in without["evidence"].get("drug-1:first_registration", {})


def test_restoring_a_revision_brings_back_the_files_attached_then(service, stored, tmp_path):
    key = "device-1:production_approval"  # no note in the example: only files count
    old, new = tmp_path / "旧证书.pdf", tmp_path / "新证书.pdf"
    old.write_bytes(b"old certificate")
    new.write_bytes(b"new certificate")
    first = service.attach_file(stored.id, key, old)  # revision 2
    service.remove_file(stored.id, first.id)  # revision 3
    service.attach_file(stored.id, key, new)  # revision 4
    restored = service.restore(stored.id, 2)
    assert restored.revision == 5
    assert [(f.file_name, f.present) for f in service.evidence_files(stored.id)] == [("旧证书.pdf", True)]
    assert service.evidence(stored.id)[key].present
    # and back to the start: no files at all
    service.restore(stored.id, 1)
    assert service.evidence_files(stored.id) == []
    assert not service.evidence(stored.id)[key].present
    assert service.restore(stored.id, 1).revision == 6  # nothing differs: no new revision


def test_restoring_the_revision_an_import_made_keeps_the_files_it_attached(service, stored, tmp_path):
    source = tmp_path / "证书.pdf"
    source.write_bytes(b"cert")
    service.attach_file(stored.id, "drug-1:first_registration", source)
    path = tmp_path / "out.json"
    service.export_file(stored.id, path)
    copy = service.import_file(path)
    assert [f.file_name for f in service.evidence_files(copy.id)] == ["证书.pdf"]
    latest = service.history(copy.id)[-1].revision
    service.restore(copy.id, latest)
    assert [f.file_name for f in service.evidence_files(copy.id)] == ["证书.pdf"]
