"""Export from the window: the brief is built in the background, previewed with QtPdf,
saved whole, printed through QPrinter; fonts are chosen in the PDF settings."""

from __future__ import annotations

import shutil

import pypdf
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from exporters.brief_data import BriefKind
from exporters.pdf_fonts import BUNDLED_FONTS_DIR, Role
from tests.conftest import ROOT
from tests.exporters.pdf_checks import fonts_of, on_white, pdf_text, rendered_ink
from tests.ui.conftest import BACKGROUND_MS
from workbench.ui import settings as opts
from workbench.ui.dialogs.brief_preview import BriefPreviewDialog, suggested_file_name
from workbench.ui.dialogs.pdf_settings import PdfSettingsDialog


def _export(qtbot, window, **kwargs) -> BriefPreviewDialog:  # type: ignore[no-untyped-def]
    task = window.briefs.export_current(**kwargs)
    assert task is not None, window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.briefs.preview is not None, timeout=BACKGROUND_MS)
    preview = window.briefs.preview
    qtbot.addWidget(preview)
    return preview


def test_the_reader_exports_a_document_summary_shown_in_a_preview(qtbot, window, tmp_path):
    window.open_document("hunan-biomedicine-2026")
    assert window.briefs.current_request().kind is BriefKind.DOCUMENT
    preview = _export(qtbot, window)
    assert preview.page_count() >= 2
    assert preview.view.document() is preview.document
    assert "湘政办发〔2026〕15号" in preview.windowTitle() or "若干意见" in preview.windowTitle()
    out = tmp_path / "摘要.pdf"
    preview.save_to(out)
    text = pdf_text(out)
    assert "湘政办发〔2026〕15号" in text and "责任分工" in text
    assert rendered_ink(out.read_bytes()) > 0.01


def test_the_export_runs_in_the_background_with_progress(qtbot, window):
    window.open_document("changsha-bioeconomy-2023")
    with qtbot.waitSignal(window.jobEnded, timeout=BACKGROUND_MS):
        task = window.briefs.export_current()
        assert task is not None and window.task is task  # the status bar shows it; other jobs wait
        assert window.progress.isVisible()
    assert window.task is None and not window.progress.isVisible()
    qtbot.addWidget(window.briefs.preview)


def test_search_with_focus_exports_the_shown_or_the_selected_hits(qtbot, window, monkeypatch):
    panel = window.search_panel
    window.focus_search()
    panel.query_box.setText("生物医药")
    panel.run_search()
    assert len(panel.results) > 3
    panel.query_box.setFocus()
    request = window.briefs.current_request()
    assert request.kind is BriefKind.SEARCH and len(request.chosen) == len(panel.results)
    selection = panel.list.selectionModel()
    for row in (1, 2):
        selection.select(panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    chosen_titles = {panel.results[1].clause_id, panel.results[2].clause_id}

    def pick_selected(box):  # type: ignore[no-untyped-def]
        selected = next(b for b in box.buttons() if b.text().startswith("选中的"))
        box.clickedButton = lambda: selected
        return 0

    monkeypatch.setattr(QMessageBox, "exec", pick_selected)
    panel.query_box.setFocus()
    preview = _export(qtbot, window)
    text = pdf_text(preview.output.pdf)
    assert "检索词生物医药" in text and "选入本简报2条" in text
    for clause_id in chosen_titles:
        assert f"条款编号{clause_id}）" in text


def test_the_checklist_tab_exports_a_dossier_of_what_is_on_screen(qtbot, window):
    panel = window.checklist_panel
    panel.import_path(ROOT / "resources" / "examples" / "changsha-innovative-drug.json")
    window.tabs.setCurrentWidget(panel)
    request = window.briefs.current_request()
    assert request.kind is BriefKind.DOSSIER and request.application == panel.application
    preview = _export(qtbot, window)
    text = pdf_text(preview.output.pdf)
    assert "奖补申报核对简报" in text and "长沙示例生物医药有限公司" in text and "评估过程" in text


def test_the_indicators_tab_exports_the_indicators_it_shows(qtbot, window):
    panel = window.indicators_panel
    window.tabs.setCurrentWidget(panel)
    request = window.briefs.current_request()
    assert request.kind is BriefKind.INDICATORS
    assert request.listed_ids and len(request.listed_ids) == panel.proxy.rowCount()
    preview = _export(qtbot, window)
    text = pdf_text(preview.output.pdf)
    assert "产业规划指标进展报告" in text and "评估方法" in text


def test_nothing_to_export_is_a_status_message(qtbot, window):
    window.tabs.setCurrentWidget(window.reader_panel)
    window.reader_panel.show_placeholder()
    assert window.briefs.export_current() is None
    assert "没有可导出的内容" in window.statusBar().currentMessage()


def test_printing_draws_every_page_on_the_printer(qtbot, window, tmp_path):
    window.open_document("national-bioeconomy-2022")
    preview = _export(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == preview.page_count()
    printed = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == preview.page_count()
    assert rendered_ink((tmp_path / "printed.pdf").read_bytes()) > 0.01


def test_a_suggested_file_name_has_no_characters_file_systems_refuse():
    assert suggested_file_name('检索简报：A/B<c>"d"') == "检索简报：A_B_c_d.pdf"


def test_pdf_settings_report_stand_ins_and_keep_the_chosen_files(qtbot, window, tmp_path):
    dialog = PdfSettingsDialog(window.settings, window, search_dirs=[])
    qtbot.addWidget(dialog)
    body_row = list(Role).index(Role.FANGSONG)
    assert (
        "仿宋_GB2312" in dialog.report.item(body_row, 2).text()
        and "以此代替" in dialog.report.item(body_row, 2).text()
    )
    otf = tmp_path / "思源宋体.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 64)
    dialog.set_file(Role.SONG, str(otf))
    song_row = list(Role).index(Role.SONG)
    assert (
        "思源宋体.otf" in dialog.report.item(song_row, 2).text()
        and "TrueType" in dialog.report.item(song_row, 2).text()
    )
    kai = tmp_path / "kai.ttc"
    shutil.copy(BUNDLED_FONTS_DIR / "ukai.ttc", kai)
    dialog.set_file(Role.FANGSONG, str(kai))
    assert "自选字体 kai.ttc" in dialog.report.item(body_row, 2).text()
    dialog.accept()
    assert opts.PDF_FONT_FANGSONG.get(window.settings) == str(kai)


def test_the_chosen_body_font_is_embedded_in_the_exported_brief(qtbot, window, tmp_path):
    kai = tmp_path / "body.ttc"
    shutil.copy(BUNDLED_FONTS_DIR / "ukai.ttc", kai)
    opts.PDF_FONT_FANGSONG.set(window.settings, str(kai))
    window.open_document("nanjing-bioeconomy-2021")
    preview = _export(qtbot, window)
    names = fonts_of(preview.output.pdf)
    assert all(facts["embedded"] for facts in names.values())
    assert str(tmp_path).encode() not in preview.output.pdf
    assert sum("UKaiCN" in n for n in names) >= 1


def test_the_file_menu_has_the_export_and_print_actions(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("导出 PDF 简报" in t for t in texts) and any("打印简报" in t for t in texts)
    assert window.briefs.export_action.shortcut() == QKeySequence("Ctrl+E")
    assert window.briefs.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.briefs.export_action.isEnabled() and window.briefs.print_action.isEnabled()


def _ink_origin(data: bytes, size) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The leftmost and topmost dark pixel of page 1 drawn at ``size``."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    image = on_white(document.render(0, size))
    dark = [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 160
    ]
    document.close()
    return min(x for x, _ in dark), min(y for _, y in dark)


def test_a_printed_page_keeps_the_text_block_where_the_brief_puts_it(qtbot, window, tmp_path):
    from PySide6.QtCore import QSize

    window.open_document("national-bioeconomy-2022")
    preview = _export(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printer.pageLayout().margins().left() > 0  # the printer has margins of its own
    assert preview.print_to(printer) == preview.page_count()
    size = QSize(420, 594)  # 2 px per mm
    brief_x, brief_y = _ink_origin(preview.output.pdf, size)
    printed_x, printed_y = _ink_origin((tmp_path / "printed.pdf").read_bytes(), size)
    assert abs(printed_x - brief_x) <= 1.5 and abs(printed_y - brief_y) <= 1.5, (
        (brief_x, brief_y),
        (printed_x, printed_y),
    )


def test_each_panel_has_its_own_pdf_button_for_its_brief(qtbot, window, monkeypatch):
    requested = []
    monkeypatch.setattr(
        window.briefs, "export", lambda request, print_after=False: requested.append(request.kind)
    )
    assert not window.reader_panel.brief_button.isEnabled()  # nothing to summarise yet
    window.open_document("changsha-bioeconomy-2023")
    window.search_panel.query_box.setText("生物医药")
    window.search_panel.run_search()
    for panel in (window.reader_panel, window.search_panel, window.checklist_panel, window.indicators_panel):
        assert panel.brief_button.isEnabled()
        qtbot.mouseClick(panel.brief_button, Qt.MouseButton.LeftButton)
    assert requested == [BriefKind.DOCUMENT, BriefKind.SEARCH, BriefKind.DOSSIER, BriefKind.INDICATORS]
