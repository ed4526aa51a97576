"""The policy thesaurus: groups of words that policy texts use for the same thing.

The bundled groups are data (``resources/thesaurus/policy-synonyms.json``, each
with where its wording was seen); a person adds groups of their own in the
data folder (``thesaurus.json``, the same form, written from the search panel).
Words are folded and compacted as the index folds text, so ``首台（套）`` and
``首台(套)`` are one word here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.atomic_files import write_atomically
from workbench.core.paths import RESOURCES_DIR
from workbench.core.search.folding import fold_compact

BUNDLED_THESAURUS = RESOURCES_DIR / "thesaurus" / "policy-synonyms.json"
USER_THESAURUS_FILE = "thesaurus.json"
MAX_VARIANTS = 8  # synonyms tried per query word


class ThesaurusError(ValueError):
    """A thesaurus file that cannot be read; the message names the file and the problem."""


def _fold(word: str) -> str:
    return fold_compact(word).text.replace(" ", "")


@dataclass(frozen=True, slots=True)
class Thesaurus:
    groups: tuple[tuple[str, ...], ...]  # folded words, as listed

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> Thesaurus:
        out: list[tuple[str, ...]] = []
        for group in groups:
            words = tuple(dict.fromkeys(w for w in (_fold(x) for x in group) if w))
            if len(words) > 1:
                out.append(words)
        return cls(tuple(out))

    def merged(self, other: Thesaurus) -> Thesaurus:
        return Thesaurus(self.groups + other.groups)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w for g in self.groups for w in g)

    def synonyms(self, word: str) -> list[str]:
        """The other words of every group holding ``word`` (folded); then the word
        with a group's word inside it replaced (科创企业 → 科技创新企业)."""
        word = _fold(word)
        out: dict[str, None] = {}
        for group in self.groups:
            if word in group:
                out.update((w, None) for w in group if w != word)
        if not out:
            for group in self.groups:
                for w in sorted(group, key=len, reverse=True):
                    if len(w) > 1 and w in word and w != word:
                        out.update((word.replace(w, v), None) for v in group if v != w)
                        break
        out.pop(word, None)
        # a synonym holding the word finds nothing the word does not find literally
        return [w for w in out if word not in w][:MAX_VARIANTS]


def load_groups(path: Path) -> list[list[str]]:
    """The groups of a thesaurus file: ``{"groups": [{"words": [...]}, ...]}`` or a list of word lists."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ThesaurusError(f"{path}: {e}") from e
    raw = data.get("groups") if isinstance(data, dict) else data
    if not isinstance(raw, list):
        raise ThesaurusError(f"{path}: expected a list of groups")
    groups: list[list[str]] = []
    for k, g in enumerate(raw, 1):
        words = g.get("words") if isinstance(g, dict) else g
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ThesaurusError(f"{path}: group {k} is not a list of words")
        groups.append(words)
    return groups


def parse_user_text(text: str) -> list[list[str]]:
    """Groups written one a line, words separated by spaces, commas or 、 (the editor's form)."""
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for sep in "，,、；;／/":
            line = line.replace(sep, " ")
        words = line.split()
        if words:
            groups.append(words)  # a lone word is refused when saved
    return groups


def format_user_text(groups: Iterable[Sequence[str]]) -> str:
    return "".join(" ".join(g) + "\n" for g in groups)


def save_user_groups(path: Path, groups: Iterable[Sequence[str]]) -> None:
    data = {"groups": [{"words": list(g)} for g in groups]}
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def load_thesaurus(user_file: Path | None = None) -> Thesaurus:
    bundled = Thesaurus.from_groups(load_groups(BUNDLED_THESAURUS))
    if user_file is None:
        return bundled
    return bundled.merged(Thesaurus.from_groups(load_groups(user_file)))
