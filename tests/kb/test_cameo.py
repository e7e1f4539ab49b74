"""The packaged CAMEO table: facts GDELT and PLOVER users rely on."""
import pytest

from newsgraph.kb.cameo import describe, load_cameo


def test_table_has_every_root_and_base_code():
    table = load_cameo()
    assert len(table) == 311
    assert {c.root for c in table.values()} == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize("code,root,quad,goldstein,plover", [
    ("041", "04", 1, 1.0, "CONSULT"),
    ("051", "05", 1, 3.4, "SUPPORT"),
    ("112", "11", 3, -2.0, "ACCUSE"),
    ("173", "17", 4, -5.0, "COERCE"),
    ("190", "19", 4, -10.0, "ASSAULT"),
    ("010", "01", 1, 0.0, None),
])
def test_rows(code, root, quad, goldstein, plover):
    row = describe(code)
    assert (row.root, row.quad_class, row.goldstein, row.plover) == (root, quad, goldstein, plover)


def test_unknown_code_is_named():
    with pytest.raises(KeyError, match="999"):
        describe("999")


def test_symmetric_codes_and_either_way_roots_are_codes_of_the_table():
    from newsgraph.kb.cameo import SIDES_EITHER_WAY_ROOTS, SYMMETRIC_CODES

    table = load_cameo()
    assert SYMMETRIC_CODES <= set(table)
    assert {table[c].root for c in SYMMETRIC_CODES} <= SIDES_EITHER_WAY_ROOTS
    assert "042" not in SYMMETRIC_CODES and "042"[:2] in SIDES_EITHER_WAY_ROOTS  # a visit is hosted


def test_a_dictionarys_own_code_takes_its_root_from_cameo_when_cameo_has_the_root():
    table = load_cameo()
    assert "066" not in table and "918" not in table  # membership stays CAMEO's own
    ferry = table["066"]
    assert (ferry.root, ferry.quad_class, ferry.plover) == ("06", 2, table["06"].plover)
    assert ferry.goldstein == table["06"].goldstein
    trade = table["918"]
    assert (trade.root, trade.quad_class, trade.goldstein, trade.plover) == ("91", 0, 0.0, None)
    with pytest.raises(KeyError):
        table["abc"]
