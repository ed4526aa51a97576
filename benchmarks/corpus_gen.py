"""A generated corpus made from the bundled documents, for benchmarks.

Each generated document is a bundled one with its 文号, place names and
figures changed, so that texts, hashes and 文号 all differ while the structure
stays realistic.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "resources" / "documents").glob("*.txt"))
CITIES = ["株洲", "湘潭", "衡阳", "岳阳", "常德", "郴州", "益阳", "邵阳", "怀化", "娄底", "永州", "张家界"]
NUMBER = re.compile(r"(\d+)(\s?)(亿元|万元|家|个|名)")
DOC_NUMBER = re.compile(r"〔(\d{4})〕(\d+)号")


def generate_corpus(count: int, out_dir: Path, seed: int = 20261124) -> list[Path]:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in BUNDLED]
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = texts[i % len(texts)]
        city = CITIES[rng.randrange(len(CITIES))]
        text = text.replace("长沙", city).replace("南京", city)
        text = DOC_NUMBER.sub(lambda m, serial=1000 + i: f"〔{m.group(1)}〕{serial}号", text)
        text = NUMBER.sub(lambda m: f"{int(m.group(1)) + rng.randrange(1, 50)}{m.group(2)}{m.group(3)}", text)
        text += f"\n\n（样本文件 {i:05d}）\n"
        path = out_dir / f"generated-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
