"""The unit table: one name per department within the plan's region; a person's own files extend it."""

from __future__ import annotations

import json

import pytest

from workbench.core.tasks.units import BUNDLED_UNITS, UnitTable, UnitTableError


@pytest.fixture(scope="module")
def table():
    return UnitTable.load([BUNDLED_UNITS])


@pytest.mark.parametrize(
    ("written", "region", "name"),
    [
        ("省科技厅", "湖南省", "湖南省科学技术厅"),
        ("省科技厅", "长沙市", "湖南省科学技术厅"),  # a city plan names a provincial department
        ("市发改委", "长沙市", "长沙市发展和改革委员会"),
        ("市发展改革委", "长沙市", "长沙市发展和改革委员会"),
        ("市发改委", "南京市", "南京市发展和改革委员会"),
        ("市卫健委", "南京市", "南京市卫生健康委员会"),
        ("市卫生健康委", "南京市", "南京市卫生健康委员会"),
        ("市委组织部", "株洲市", "中共株洲市委组织部"),
        ("省药品监管局等", "湖南省", "湖南省药品监督管理局"),
        ("天心区", "长沙市", "长沙市天心区人民政府"),
        ("天心区人民政府", "长沙市", "长沙市天心区人民政府"),
        ("市生态环境", "长沙市", "长沙市生态环境局"),  # a spelling slip in a bundled plan
    ],
)
def test_spellings_of_one_department_resolve_to_one_name(table, written, region, name):
    unit = table.resolve(written, region)
    assert unit.name == name and unit.known and unit.written == written


def test_the_same_words_in_two_cities_are_two_departments(table):
    assert table.resolve("市科技局", "长沙市").name != table.resolve("市科技局", "南京市").name


def test_a_name_the_table_lacks_is_qualified_by_the_region_and_marked_unknown(table):
    unit = table.resolve("市物流口岸办", "长沙市")
    assert (unit.name, unit.known) == ("长沙市物流口岸办", False)
    assert table.resolve("某某协会", "长沙市").name == "某某协会"
    assert table.resolve("市科技局", None).name == "市科技局"  # no region: as written


def test_a_region_the_table_does_not_list_still_qualifies_city_short_forms(table):
    assert table.resolve("市发改委", "某某市").name == "某某市发展和改革委员会"


def test_a_persons_file_adds_spellings_and_wins_over_the_bundled_table(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "local.json").write_text(
        json.dumps(
            {
                "format": 1,
                "units": [
                    {"name": "长沙市物流与口岸办公室", "written": ["市物流口岸办"], "within": "长沙市"},
                    {"name": "天心区政府", "written": ["天心区"], "within": "长沙市"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    table = UnitTable.for_data_dir(tmp_path)
    assert table.resolve("市物流口岸办", "长沙市").name == "长沙市物流与口岸办公室"
    assert table.resolve("市物流口岸办", "长沙市").known
    assert table.resolve("天心区", "长沙市").name == "天心区政府"
    assert table.resolve("市物流口岸办", "南京市").name == "南京市物流口岸办"  # only within 长沙市


@pytest.mark.parametrize(
    ("content", "code", "detail"),
    [
        ("{not json", "not_json", "line 1"),
        ('{"units": [{"written": ["x"]}]}', "bad_entry", "units[0].name"),
        ('{"forms": [{"level": "county", "written": ["x"], "name": "y"}]}', "bad_entry", "forms[0].level"),
        ('{"regions": "湖南省"}', "bad_entry", "regions"),
    ],
)
def test_a_bad_file_of_the_persons_is_refused_naming_the_file_and_the_entry(tmp_path, content, code, detail):
    (tmp_path / "units").mkdir()
    path = tmp_path / "units" / "mine.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnitTableError) as info:
        UnitTable.for_data_dir(tmp_path)
    assert info.value.code == code and info.value.path == path and detail in info.value.detail
