"""``brief search|doc|indicators|checklist|fonts`` as a person runs them."""

from __future__ import annotations

from tests.exporters.pdf_checks import fonts_of, pdf_text
from workbench.cli import main


def test_brief_search_writes_a_pdf_with_the_hits_and_filters(run, tmp_path):
    out = tmp_path / "检索简报.pdf"
    code, stdout, err = run("brief", "search", "医药产业", "--level", "省", "-o", str(out))
    assert code == 0, err
    assert "页" in stdout and str(out) in stdout
    text = pdf_text(out)
    assert "检索词医药产业" in text and "层级省" in text
    assert "湘政办发〔2026〕15号" in text
    assert all(f["embedded"] for f in fonts_of(out.read_bytes()).values())


def test_brief_doc_writes_the_summary(run, tmp_path, data_dir):
    out = tmp_path / "doc.pdf"
    code, _, err = run("brief", "doc", "hunan-biomedicine-2026", "--as-of", "2026-11-24", "-o", str(out))
    assert code == 0, err
    text = pdf_text(out)
    assert "湘政办发〔2026〕15号" in text and "效力（2026年11月24日）现行有效" in text and "责任分工" in text
    assert "奖补事项" in text  # the Hunan opinions have a rule file
    data = out.read_bytes()
    for path in (str(tmp_path), str(data_dir), "resources/fonts", "/tmp/"):
        assert path.encode() not in data


def test_an_unknown_document_is_one_line_and_no_file(run, tmp_path):
    out = tmp_path / "doc.pdf"
    code, _, err = run("brief", "doc", "no-such-doc", "-o", str(out))
    assert code == 2
    assert err.strip().count("\n") == 0 and "no-such-doc" in err and "Traceback" not in err
    assert not out.exists()


def test_a_missing_output_folder_is_named(run, tmp_path):
    code, _, err = run("brief", "doc", "hunan-biomedicine-2026", "-o", str(tmp_path / "nope" / "a.pdf"))
    assert code == 2 and "输出文件夹不存在" in err and "nope" in err


def test_an_empty_query_is_refused(run, tmp_path):
    code, _, err = run("brief", "search", "  ", "-o", str(tmp_path / "a.pdf"))
    assert code == 2 and "检索词为空" in err


def test_a_font_file_that_cannot_be_embedded_is_refused_with_its_name(run, tmp_path):
    otf = tmp_path / "SourceHan.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 100)
    out = tmp_path / "a.pdf"
    code, _, err = run("brief", "doc", "hunan-biomedicine-2026", "--font", f"song={otf}", "-o", str(out))
    assert code == 2 and "SourceHan.otf" in err and "TrueType" in err
    assert not out.exists()
    code, _, err = run("brief", "doc", "hunan-biomedicine-2026", "--font", "bold=x.ttf", "-o", str(out))
    assert code == 2 and "--font" in err


def test_brief_fonts_says_which_face_stands_in_for_which_role(run):
    code, out, err = run("brief", "fonts")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 4
    body = next(line for line in lines if line.startswith("正文"))
    assert "仿宋_GB2312" in body and ("以此代替" in body or "系统字体" in body or "自选字体" in body)


def test_brief_indicators_for_a_region(run, tmp_path):
    out = tmp_path / "ind.pdf"
    code, _, err = run("brief", "indicators", "--region", "长沙市", "--as-of", "2024-12-31", "-o", str(out))
    assert code == 0, err
    text = pdf_text(out)
    assert "产业规划指标进展报告" in text and "长沙市截至2024年12月31日" in text and "评估方法" in text
    code, _, err = run("brief", "indicators", "--region", "火星", "-o", str(out))
    assert code == 2 and "火星" in err


def test_brief_checklist_from_an_application_file(run, tmp_path):
    from tests.conftest import ROOT

    out = tmp_path / "dossier.pdf"
    code, _, err = run(
        "brief",
        "checklist",
        str(ROOT / "resources" / "examples" / "annual-cap-exceeded.json"),
        "-o",
        str(out),
    )
    assert code == 0, err
    text = pdf_text(out)
    assert "奖补申报核对简报" in text and "奖补金额测算" in text and "评估过程" in text
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run("brief", "checklist", str(bad), "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "申报文件有误" in err and "JSON" in err
    assert not (tmp_path / "x.pdf").exists()


def test_brief_checklist_needs_no_data_folder(tmp_path, capsys):
    from tests.conftest import ROOT

    folder = tmp_path / "never-opened"
    out = tmp_path / "dossier.pdf"
    code = main(
        [
            "--data-dir",
            str(folder),
            "brief",
            "checklist",
            str(ROOT / "resources" / "examples" / "annual-cap-exceeded.json"),
            "-o",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert out.is_file() and not folder.exists()
