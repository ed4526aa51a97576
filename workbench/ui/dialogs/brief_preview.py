"""The brief preview: the PDF as it will print (QtPdf), then Save as… or Print….

The PDF is built in the background (``brief_job`` through ``TaskRunner``); the dialog
only shows bytes it is given, so it never waits on the store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSettings, QSize
from PySide6.QtGui import QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exporters.brief_data import BriefOutput, BriefRequest
from workbench.core.atomic_files import write_atomically
from workbench.ui import settings as opts

PRINT_DPI = 300  # pages are drawn as images; more than this only costs memory


def brief_job(
    data_dir: Path,
    request: BriefRequest,
    font_files: Mapping[str, str],
    *,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> BriefOutput | None:
    """Build a brief on a worker thread with its own connection; None if cancelled."""
    from exporters.brief_data import make_brief
    from exporters.pdf_fonts import Role, load_brief_fonts, resolve_fonts
    from workbench.core.workspace import Workspace

    progress(0, 3)
    fonts = load_brief_fonts(resolve_fonts({Role(k): v for k, v in font_files.items() if v}))
    if cancelled():
        return None
    progress(1, 3)
    ws = Workspace.open(data_dir, seed=False)
    try:
        output = make_brief(ws, request, fonts=fonts)
    finally:
        ws.close()
    progress(3, 3)
    return None if cancelled() else output


def font_files_from(settings: QSettings) -> dict[str, str]:
    return {role: option.get(settings) for role, option in opts.PDF_FONT_OPTIONS.items()}


def suggested_file_name(title: str) -> str:
    """A file name from the brief's title, without characters file systems refuse."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title).strip(" ._") or "brief"
    return name[:80] + ".pdf"


class BriefPreviewDialog(QDialog):
    def __init__(self, output: BriefOutput, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.output = output
        self.settings = settings
        self.setWindowTitle(self.tr("简报预览：{0}").format(output.title))
        self.setObjectName("briefPreview")
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(output.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(self.tr("共 {0} 页").format(self.document.pageCount()))
        self.save_button = QPushButton(self.tr("另存为(&S)…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.print_button = QPushButton(self.tr("打印(&P)…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_brief)
        self.close_button.clicked.connect(self.reject)
        self.resize(760, 900)

    def page_count(self) -> int:
        return self.document.pageCount()

    # --- saving ----------------------------------------------------------------------

    def save_as(self) -> Path | None:
        start = Path(opts.LAST_EXPORT_DIR.get(self.settings) or Path.home()) / suggested_file_name(
            self.output.title
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存 PDF 简报"), str(start), self.tr("PDF 文件 (*.pdf)")
        )
        if not name:
            return None
        path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            self.save_to(path)
        except OSError as exc:
            QMessageBox.warning(
                self, self.tr("未能保存"), self.tr("无法写入 {0}：{1}").format(path, exc.strerror or exc)
            )
            return None
        opts.LAST_EXPORT_DIR.set(self.settings, str(path.parent))
        self.info.setText(self.tr("已保存到 {0}").format(path))
        return path

    def save_to(self, path: Path) -> None:
        """Write the PDF whole or not at all (a half-written file is worse than none)."""
        write_atomically(path, self.output.pdf)

    # --- printing ---------------------------------------------------------------------

    def print_brief(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.output.title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印简报"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw the chosen pages on ``printer`` at their true size; returns how many."""
        # Measured from the paper's edge, not from the printable area: fitting the page into
        # the area inside the printer's margins would shrink the GB/T 9704 text block and shift it.
        printer.setFullPage(True)
        count = self.page_count()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("未能打印"), self.tr("打印机无法开始打印。"))
            return 0
        printed = 0
        try:
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                dpi = min(printer.resolution(), PRINT_DPI)
                image = self.document.render(
                    page, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                )
                scale = min(target.width() / image.width(), target.height() / image.height())
                size = QRectF(QPointF(0, 0), QPointF(image.width() * scale, image.height() * scale))
                painter.drawImage(size, image)
                printed += 1
        finally:
            painter.end()
        return printed
