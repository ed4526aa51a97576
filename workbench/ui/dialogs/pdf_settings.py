"""PDF brief fonts: a TrueType file per role, and which face stands in for which."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exporters.pdf_fonts import FontResolution, Role, RoleResolution, Source, resolve_fonts
from workbench.core.words import FONT_PROBLEM_WORDS, FONT_ROLE_WORDS
from workbench.ui import settings as opts
from workbench.ui.labels import translated


class PdfSettingsDialog(QDialog):
    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, search_dirs: list[Path] | None = None
    ) -> None:
        """``search_dirs``: the folders searched for system fonts (None: this system's)."""
        super().__init__(parent)
        self.settings = settings
        self.search_dirs = search_dirs
        self.setWindowTitle(self.tr("PDF 简报字体"))
        self.setObjectName("pdfSettings")
        self.role_names = {role: translated(FONT_ROLE_WORDS, role) for role in Role}
        self.edits: dict[Role, QLineEdit] = {}
        files = QGroupBox(self.tr("自选字体文件（TrueType .ttf/.ttc；留空则使用系统或内置字体）"))
        grid = QGridLayout(files)
        for row, role in enumerate(Role):
            edit = QLineEdit(opts.PDF_FONT_OPTIONS[role.value].get(settings))
            edit.setObjectName(f"font_{role.value}")
            edit.setPlaceholderText(self.tr("自动"))
            edit.editingFinished.connect(self.refresh_report)
            choose = QPushButton(self.tr("选择…"))
            choose.clicked.connect(lambda _=False, r=role: self.choose_file(r))
            clear = QPushButton(self.tr("清除"))
            clear.clicked.connect(lambda _=False, r=role: self.set_file(r, ""))
            grid.addWidget(QLabel(self.role_names[role]), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(choose, row, 2)
            grid.addWidget(clear, row, 3)
            self.edits[role] = edit
        grid.setColumnStretch(1, 1)
        self.report = QTableWidget(len(Role), 3)
        self.report.setObjectName("fontReport")
        self.report.setHorizontalHeaderLabels([self.tr("用途"), self.tr("采用的字体"), self.tr("说明")])
        self.report.verticalHeader().setVisible(False)
        self.report.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(files)
        layout.addWidget(QLabel(self.tr("各用途实际采用的字体：")))
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self.resolution: FontResolution | None = None
        self.refresh_report()

    def chosen_files(self) -> dict[Role, str]:
        return {role: edit.text().strip() for role, edit in self.edits.items()}

    def choose_file(self, role: Role) -> None:
        start = self.edits[role].text() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择字体文件"),
            start,
            self.tr("TrueType 字体 (*.ttf *.ttc *.TTF *.TTC);;所有文件 (*)"),
        )
        if name:
            self.set_file(role, name)

    def set_file(self, role: Role, path: str) -> None:
        self.edits[role].setText(path)
        self.refresh_report()

    def refresh_report(self) -> FontResolution:
        self.resolution = resolve_fonts({r: p for r, p in self.chosen_files().items() if p}, self.search_dirs)
        for row, line in enumerate(self.resolution.report()):
            values = [
                self.role_names[line.role],
                line.face.family + (f"（{line.face.preferred}）" if line.face.preferred else ""),
                self.explain(line),
            ]
            for col, value in enumerate(values):
                self.report.setItem(row, col, QTableWidgetItem(value))
        self.report.resizeRowsToContents()
        self.report.resizeColumnToContents(0)
        self.report.resizeColumnToContents(1)
        return self.resolution

    def explain(self, line: RoleResolution) -> str:
        """Where the face comes from, and what it stands in for."""
        parts = [
            self.tr("未采用 {0}：{1}").format(name, translated(FONT_PROBLEM_WORDS, problem))
            for name, problem in line.rejected
        ]
        if line.source is Source.USER:
            parts.append(self.tr("自选字体 {0}").format(line.face.path.name))
        elif line.source is Source.SYSTEM:
            parts.append(self.tr("系统字体 {0}").format(line.face.path.name))
        else:
            parts.append(self.tr("内置字体；未找到 {0}，以此代替").format("、".join(line.wanted)))
        return "；".join(parts)

    def accept(self) -> None:
        for role, path in self.chosen_files().items():
            opts.PDF_FONT_OPTIONS[role.value].set(self.settings, path)
        self.settings.sync()
        super().accept()
