"""Folding shared by the search index and the query side: one rule at a time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.search.folding import compact, fold, fold_char, fold_compact

# Text that looks like policy documents: CJK, Latin, digits, spaces, dashes, punctuation.
policy_chars = st.sampled_from(
    list("生物医药产业细胞治療億萬元年著薴")
    + list("ABCgcpＧＣＰａ５0123456789%％")
    + list(" \u3000\xa0\t\n")
    + list("-—–－‐―─")
    + list("，。、；：（）“”《》.!?")
)
policy_text = st.text(policy_chars, max_size=60)


# --- width ---------------------------------------------------------------------


def test_full_width_letters_digits_and_punctuation_fold_to_half_width():
    assert fold("ＧＣＰ") == "gcp"
    assert fold("１２３４５") == "12345"
    assert fold("１５％") == "15%"
    assert fold("（一）") == "(一)"
    assert fold("ＡＢＳＬ－３") == "absl-3"


def test_half_width_katakana_and_compatibility_forms_fold_when_one_character():
    assert fold("｡") == "。"
    assert fold("①") == "1"
    # a compatibility character whose NFKC form is longer is kept as it is
    assert fold("℃") == "℃"
    assert fold("㎡") == "㎡"


# --- case ----------------------------------------------------------------------


def test_case_is_folded():
    assert fold("GCP") == fold("gcp") == fold("Gcp") == fold("ＧＣＰ") == fold("ｇｃｐ")


def test_a_character_whose_lower_case_is_longer_is_kept():
    assert len(fold("İ")) == 1


# --- dashes --------------------------------------------------------------------


@pytest.mark.parametrize("dash", ["-", "—", "–", "－", "‐", "‑", "‒", "―", "−", "﹣", "─"])
def test_dash_variants_fold_to_a_hyphen(dash):
    assert fold(f"CAR{dash}T") == "car-t"
    assert fold(f"BSL{dash}3") == "bsl-3"


# --- spaces --------------------------------------------------------------------


def test_white_space_variants_fold_to_a_space_but_line_breaks_stay():
    assert fold("a\u3000b\xa0c\td") == "a b c d"
    assert fold("a\nb") == "a\nb"
    assert fold("细\u200b胞") == "细 胞"


# --- traditional → simplified --------------------------------------------------


def test_traditional_characters_fold_to_simplified():
    assert fold("細胞治療") == "细胞治疗"
    assert fold("產業規模") == "产业规模"
    assert fold("醫療器械") == "医疗器械"


def test_simplified_text_is_unchanged():
    text = "支持生物医药创新平台建设，每个平台每年一次性奖补500万元。"
    assert fold(text) == text.replace("，", ",")


def test_characters_fold_the_same_alone_and_inside_words():
    # Per character, not per phrase: a one-character query folds as the text does.
    for word in ["显著", "著作", "乾坤", "覆盖", "细胞治療"]:
        assert fold(word) == "".join(fold(c) for c in word)


def test_fold_char_is_one_character():
    for c in "Ｇ細—\u3000İ①℃":
        assert len(fold_char(c)) == 1


# --- properties ----------------------------------------------------------------


@settings(max_examples=300)
@given(policy_text)
def test_fold_preserves_length_and_is_idempotent(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


# --- spaces between numbers and units ------------------------------------------


def test_spaces_next_to_chinese_are_dropped():
    assert compact(fold("4000 亿元")).text == "4000亿元"
    assert compact(fold("到 2025 年")).text == "到2025年"
    assert (
        compact(fold("长沙市大健康产业高质量发展 2023年实施方案")).text
        == "长沙市大健康产业高质量发展2023年实施方案"
    )
    assert compact(fold("整合社会\n\n资源投入")).text == "整合社会资源投入"
    assert compact(fold("符合 ＧＣＰ、ICH 标准")).text == "符合gcp、ich标准"


def test_spaces_between_latin_words_and_numbers_stay():
    assert compact(fold("ICH GCP")).text == "ich gcp"
    assert compact(fold("CAR T")).text == "car t"
    assert compact(fold("  5G  ")).text == "5g"


def test_compact_maps_back_to_the_original_offsets():
    text = "产业规模达到 4000 亿元，符合 ＧＣＰ 标准"
    c = fold_compact(text)
    start = c.text.index("4000亿元")
    a, b = c.source_span(start, start + len("4000亿元"))
    assert text[a:b] == "4000 亿元"
    start = c.text.index("gcp")
    a, b = c.source_span(start, start + 3)
    assert text[a:b] == "ＧＣＰ"


@settings(max_examples=300)
@given(policy_text)
def test_every_compact_character_comes_from_its_source_offset(text):
    c = fold_compact(text)
    folded = fold(text)
    assert [folded[c.to_source(i)] for i in range(len(c.text))] == list(c.text)
    offsets = [c.to_source(i) for i in range(len(c.text))]
    assert offsets == sorted(set(offsets))
    assert all(not ch.isspace() for ch in c.text[:1] + c.text[-1:])
