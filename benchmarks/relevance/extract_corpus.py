"""Extract the fetched documents of corpus-manifest.json into a corpus folder.

    python benchmarks/relevance/extract_corpus.py MIRROR_ROOT CORPUS_DIR

MIRROR_ROOT holds one bare git directory per repository, named ``owner+name/repo``
(as the team's fetch tool lays them out). Each file is checked against its sha256.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path

MANIFEST = Path(__file__).with_name("corpus-manifest.json")


def paragraphs(markup: str) -> list[str]:
    out = []
    for p in re.findall(r"<p[^>]*>(.*?)</p>", markup, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
        if text:
            out.append(text)
    return out


def extract(kind: str, source: str) -> str:
    if kind == "html-paragraphs":
        return "\n".join(paragraphs(source)) + "\n"
    if kind == "json-policyContent":
        m = re.search(r"data : (\{.*?\})\n", source)
        if m is None:
            raise ValueError("no policy JSON in the source")
        data = json.loads(m.group(1))
        return "\n".join([data["policyTitle"], *paragraphs(data["policyContent"])]) + "\n"
    raise ValueError(f"unknown extraction {kind!r}")


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    mirrors, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    for doc in json.loads(MANIFEST.read_text(encoding="utf-8"))["documents"]:
        git_dir = mirrors / doc["repo"].replace("/", "+") / "repo"
        source = subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{doc['commit']}:{doc['path']}"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        text = extract(doc["extract"], source)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        status = "ok" if digest == doc["sha256"] else f"sha256 differs ({digest[:12]})"
        (out_dir / doc["file"]).write_text(text, encoding="utf-8")
        print(f"{doc['file']}: {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
