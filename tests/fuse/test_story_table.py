"""The story table: stories as rows of summed vectors, replaced chunk by chunk."""
import numpy as np
from scipy import sparse

from newsgraph.fuse.story_table import StoryTable, story_id


def _table():
    matrix = sparse.csr_matrix(np.array([[1.0, 0, 0], [0, 2.0, 0], [0, 0, 3.0], [1.0, 1.0, 1.0]]))
    return StoryTable(matrix, np.array([0.1, 0.2, 0.3, 0.4]), np.array([10, -1, 14, 20]))


def test_a_new_row_sums_its_stories_and_articles_and_retires_them():
    table = _table()
    table.replace([([], [0], "s-a"), ([], [1], "s-b")])
    table.replace([([0, 1], [2], "s-a")])  # both stories and article 2 become one story
    assert table.alive.tolist() == [False, False, True]
    assert table.sums[2].toarray().tolist() == [[1.0, 2.0, 3.0]]
    assert table.size[2] == 3 and np.isclose(table.base[2], 0.6)
    assert (table.first[2], table.last[2]) == (10, 14)  # the undated article leaves the span alone
    assert table.row_of[:3].tolist() == [2, 2, 2] and table.row_of[3] == -1
    assert sorted(table.assignments()) == [(0, "s-a"), (1, "s-a"), (2, "s-a")]


def test_only_stories_within_the_horizon_are_active():
    table = _table()
    table.replace([([], [0], "early"), ([], [1], "undated"), ([], [3], "late")])
    assert table.active(np.array([315]), horizon=300).tolist() == [1, 2]  # day 10 is out of reach, day 20 not
    assert table.active(np.array([-1]), horizon=300).tolist() == [0, 1, 2]  # an undated chunk reaches all


def test_a_story_keeps_the_id_of_its_largest_stored_part():
    assert story_id([("s-small", 2), ("s-big", 5)], ["a1"]) == "s-big"
    assert story_id([("s-b", 3), ("s-a", 3)], ["a1"]) == "s-a"
    assert story_id([], ["b2", "a1"]) == story_id([], ["a1"])
