"""Target extraction on real plans: recall per document and the look-alikes proposed.

    python benchmarks/targets_bench.py CORPUS_DIR [TRUTH_DIR]

CORPUS_DIR holds the plans (.txt/.docx/.pdf/.xlsx) as fetched (they are never committed;
see benchmarks/targets_truth/MANIFEST.md for where each one comes from). TRUTH_DIR
(default benchmarks/targets_truth) holds one JSON file per plan, written by reading it:

    {"file": "某市十四五规划纲要.txt", "title": "…", "targets": [
        {"name": "地区生产总值", "value": 8000, "unit": "亿元", "deadline": "2025",
         "attribute": "expected"}, …]}

Each plan is imported into a fresh data folder (readers, clause parser, metadata as a user's
import runs them) and its proposals are matched to the labelled targets: a proposal matches a
label with the same value (target_low, or the label's "value") and unit whose names share
most of their characters. Recall = labelled targets matched / labelled targets; a look-alike
is a proposal that matches no label. Goal: mean recall ≥ 0.90, look-alikes ≤ 1 in 20 proposals.
"""

from __future__ import annotations

import json
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
warnings.filterwarnings("ignore", category=SyntaxWarning)

from workbench.core.indicators.targets import TargetProposal  # noqa: E402
from workbench.core.workspace import Workspace  # noqa: E402

DEFAULT_TRUTH = Path(__file__).resolve().parent / "targets_truth"
UNIT_FOLD = {"％": "%", "亿": "亿元", "万亿": "万亿元"}
RECALL_GOAL = 0.90
LOOKALIKE_GOAL = 1 / 20


def _unit(text: str | None) -> str:
    text = (text or "").strip()
    return UNIT_FOLD.get(text, text)


def _overlap(a: str, b: str) -> float:
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    shared = sum(1 for ch in set(a) if ch in b)
    return shared / min(len(set(a)), len(set(b)))


def matches(proposal: TargetProposal, label: dict[str, Any]) -> bool:
    if abs(proposal.target_low - float(label["value"])) > 1e-9:
        return False
    if _unit(proposal.unit) != _unit(label.get("unit")):
        return False
    return _overlap(proposal.name, str(label["name"])) >= 0.6


def score(proposals: list[TargetProposal], labels: list[dict[str, Any]]) -> tuple[int, list[TargetProposal]]:
    """(labels matched, proposals matching no label); each label and proposal is used once."""
    free = list(range(len(labels)))
    found = 0
    lookalikes: list[TargetProposal] = []
    for p in proposals:
        hit = next((k for k in free if matches(p, labels[k])), None)
        if hit is None:
            if any(matches(p, label) for label in labels):
                continue  # a second proposal of a target already found (the text repeats a table row)
            lookalikes.append(p)
        else:
            free.remove(hit)
            found += 1
    return found, lookalikes


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    corpus = Path(argv[0])
    truth_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_TRUTH
    truths = sorted(truth_dir.glob("*.json"))
    if not corpus.is_dir() or not truths:
        print(
            f"usage: python benchmarks/targets_bench.py CORPUS_DIR [TRUTH_DIR]  (no plans or labels in {corpus})"
        )
        return 2
    print("| 文件 | 标注目标 | 找到 | 召回率 | 建议数 | 误报（非目标） |")
    print("|---|---:|---:|---:|---:|---:|")
    recalls: list[float] = []
    total_proposals = total_lookalikes = 0
    examples: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "data")
        try:
            for truth_path in truths:
                truth = json.loads(truth_path.read_text(encoding="utf-8"))
                path = corpus / truth["file"]
                if not path.exists():
                    print(f"| {truth['file']} | 缺少文件 | | | | |")
                    continue
                outcome = ws.library.import_file(path)
                if not outcome.ok:
                    print(f"| {truth['file']} | 导入失败：{outcome.problem} | | | | |")
                    continue
                proposals = ws.indicators.extract(str(outcome.doc_id))
                labels = truth["targets"]
                found, lookalikes = score(proposals, labels)
                recall = found / len(labels) if labels else 1.0
                recalls.append(recall)
                total_proposals += len(proposals)
                total_lookalikes += len(lookalikes)
                print(
                    f"| {truth['file']} | {len(labels)} | {found} | {recall:.2f} "
                    f"| {len(proposals)} | {len(lookalikes)} |"
                )
                examples.extend(f"{truth['file']}: {p.name} {p.value_text}" for p in lookalikes[:5])
        finally:
            ws.close()
    if not recalls:
        return 1
    mean = sum(recalls) / len(recalls)
    rate = total_lookalikes / total_proposals if total_proposals else 0.0
    print()
    print("| 文件数 | 平均召回率 | 目标 | 建议数 | 误报 | 误报率 | 目标 |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    verdict = "达到" if mean >= RECALL_GOAL and rate <= LOOKALIKE_GOAL else "未达到"
    print(
        f"| {len(recalls)} | {mean:.3f} | ≥ {RECALL_GOAL:.2f} | {total_proposals} | {total_lookalikes} "
        f"| {rate:.3f} | ≤ {LOOKALIKE_GOAL:.3f}（{verdict}） |"
    )
    if examples:
        print()
        print("误报示例（每个文件最多 5 条）：")
        for line in examples:
            print(f"- {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
