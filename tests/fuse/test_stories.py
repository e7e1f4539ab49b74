"""Story grouping on invented reports: what is one story, what is a look-alike, what is a copy.

The towns, people and events are made up for these tests.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph import load_options
from newsgraph.fuse.signatures import NUM_PERM, features_of, text_shingles, with_entities
from newsgraph.fuse.stories import StoryGrouper, _average_link

QUAKE_A = ("A magnitude 6.2 earthquake struck Valdora on Tuesday, killing at least 41 people and flattening "
           "the old market, Mayor Ines Corvo said. Rescue teams from Tarsen and Milo Bay searched the rubble "
           "through the night. The quake's epicentre lay 14 km north of Valdora, the Marean Seismic Institute "
           "said. Corvo declared three days of mourning.")
QUAKE_B = ("Rescuers in Valdora pulled survivors from collapsed buildings after the 6.2 quake, as the death "
           "toll rose to 41. Mayor Ines Corvo said the old market was destroyed. The Marean Seismic Institute "
           "placed the epicentre 14 km north of the town. Teams from Tarsen joined the search.")
QUAKE_C = ("The Valdora earthquake of magnitude 6.2 killed 41 people, officials said on Wednesday. Ines Corvo, "
           "the town's mayor, appealed for tents and blankets. Aid convoys from Milo Bay reached Valdora by "
           "evening, and the Marean Seismic Institute warned of aftershocks.")
QUAKE_LATER = ("A magnitude 4.8 earthquake shook Valdora on Friday, injuring 7 people in the suburb of Penhale, "
               "Mayor Otto Brenn said. The Marean Seismic Institute recorded the epicentre 30 km east of the "
               "town. Schools in Penhale were closed for inspection.")
VOTE_A = ("Voters in Marenport elected Lucia Farrow as governor on Sunday, giving her 54 percent against "
          "Anton Vesk. Farrow promised to rebuild the harbour and cut ferry fares. Turnout was 63 percent, "
          "the Marenport electoral board said.")
VOTE_B = ("Lucia Farrow won the Marenport governor's race with 54 percent of the vote, the electoral board "
          "announced. Her rival Anton Vesk conceded on Monday. Farrow said the harbour would come first.")
FERRY = ("A ferry carrying 230 passengers ran aground off Cape Irla in heavy fog on Thursday. The coast guard "
         "of Solvent County towed the Northern Star to port, and no one was hurt, captain Rafe Dunmore said.")

DATES = {"qa": "2023-03-07", "qb": "2023-03-07", "qc": "2023-03-08", "ql": "2024-06-14",
         "va": "2023-05-14", "vb": "2023-05-15", "fe": "2023-04-20"}
TEXTS = {"qa": QUAKE_A, "qb": QUAKE_B, "qc": QUAKE_C, "ql": QUAKE_LATER, "va": VOTE_A, "vb": VOTE_B, "fe": FERRY}


PARAMS = load_options().stories  # the packaged [stories] section


def _params(**changed):
    """The packaged [stories] section with some keys changed, as a user's config would."""
    return load_options(overrides={"stories": changed}).stories


def _features(ids, dates=DATES):
    return [features_of(i, None, TEXTS[i], dates.get(i)) for i in ids]


def _partition(stories: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for article, story in stories.items():
        groups.setdefault(story, []).append(article)
    return sorted(sorted(g) for g in groups.values())


def test_reports_of_one_event_are_one_story_and_others_stay_apart():
    stories = StoryGrouper(PARAMS).group([], _features(TEXTS))
    assert _partition(stories) == [["fe"], ["qa", "qb", "qc"], ["ql"], ["va", "vb"]]


def test_the_lookalike_quake_stays_apart_even_undated():
    stories = StoryGrouper(PARAMS).group([], _features(["qa", "qb", "ql", "va", "fe"], dates={}))
    assert stories["ql"] != stories["qa"] and stories["qa"] == stories["qb"]


def test_new_articles_join_stored_stories_without_renaming_them():
    grouper = StoryGrouper(PARAMS)
    first = _features(["qa", "va", "fe"])
    stored = grouper.group([], first)
    existing = [(f, stored[f.article_id]) for f in first]
    later = grouper.group(existing, _features(["qb", "qc", "vb", "ql"]))
    assert later["qb"] == later["qc"] == stored["qa"]
    assert later["vb"] == stored["va"]
    assert later["ql"] not in stored.values()
    assert set(later) == {"qb", "qc", "vb", "ql"}  # stored articles whose story stays are not repeated


def test_one_chunk_at_a_time_gives_the_same_stories():
    features = _features(TEXTS)
    whole = StoryGrouper(PARAMS).group([], features)
    chunked = StoryGrouper(PARAMS, chunk_size=2).group([], features)
    assert _partition(whole) == _partition(chunked)


def test_the_same_report_a_year_later_is_another_story():
    dates = dict(DATES, qb="2024-03-09")  # the same actors, town and figures, a year on
    stories = StoryGrouper(PARAMS).group([], _features(["qa", "qb", "va", "fe"], dates))
    assert stories["qa"] != stories["qb"]


def test_reports_beyond_the_horizon_are_never_one_story():
    dates = dict(DATES, qb="2027-03-07")
    stories = StoryGrouper(_params(horizon_days=365)).group([], _features(["qa", "qb", "va", "fe"], dates))
    assert stories["qa"] != stories["qb"]


def test_a_collection_of_one_story_is_one_story():
    # every article is like every other here: only their strong likeness tells it is one story
    assert len(set(StoryGrouper(PARAMS).group([], _features(["qa", "qb", "qc"])).values())) == 1


def test_story_ids_are_stable_and_named_after_their_first_article():
    one = StoryGrouper(PARAMS).group([], _features(["qc", "qa", "qb"]))
    two = StoryGrouper(PARAMS).group([], _features(["qa", "qb", "qc"]))
    assert one == two and len(set(one.values())) == 1 and next(iter(one.values())).startswith("s")


# --- near-duplicates --------------------------------------------------------------------------------------

def _copy(text: str, footer: str) -> str:
    return text + "\n\n" + footer


def test_a_syndicated_copy_with_other_boilerplate_is_a_near_duplicate():
    story = QUAKE_A + " " + QUAKE_C
    texts = {"orig": story, "copy": _copy(story, "Subscribe to the Valdora Courier."), "other": QUAKE_B}
    original = features_of("orig", None, texts["orig"], "2023-03-07")
    copy = features_of("copy", None, texts["copy"], None)
    other = features_of("other", None, texts["other"], "2023-03-07")
    pairs = StoryGrouper(PARAMS).duplicates([original], [copy, other], lambda i: text_shingles(texts[i]))
    assert [(a, b) for a, b, _ in pairs] == [("orig", "copy")]
    assert pairs[0][2] >= 0.8


def test_near_duplicates_are_verified_pair_by_pair_never_chained():
    words = [f"w{i}" for i in range(100)]
    a = " ".join(words)
    b = " ".join(words[:90] + [f"x{i}" for i in range(10)])  # A and B share most shingles
    c = " ".join(words[:80] + [f"x{i}" for i in range(10)] + [f"y{i}" for i in range(10)])  # B~C, not A~C
    texts = {"a": a, "b": b, "c": c}
    feats = [features_of(k, None, v, None) for k, v in texts.items()]
    jaccard = _params(duplicate_jaccard=0.7)
    pairs = StoryGrouper(jaccard).duplicates([], feats, lambda i: text_shingles(texts[i]))
    found = {(x, y) for x, y, _ in pairs}
    assert ("a", "b") in found and ("b", "c") in found and ("a", "c") not in found


def test_near_duplicates_always_share_a_story():
    feats = _features(["qa", "va"])
    stories = StoryGrouper(PARAMS).group([], feats, duplicates=[("qa", "va")])
    assert stories["qa"] == stories["va"]


# --- average link -----------------------------------------------------------------------------------------

def test_average_link_uses_the_lower_threshold_only_for_small_groups():
    params = _params(threshold=0.5, small_threshold=0.2, small_size=1)
    # 0-1 strong; 2 is weakly tied to 0 only: joins the pair? average (0.3 + 0) / 2 = 0.15 < 0.5
    groups = _average_link([1, 1, 1], {(0, 1): 0.9, (0, 2): 0.3}, params)
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2]]
    # a lone article joins a lone article at the lower threshold
    assert sorted(sorted(g) for g in _average_link([1, 1], {(0, 1): 0.25}, params)) == [[0, 1]]


def test_average_link_weighs_stored_stories_by_their_size():
    params = _params(threshold=0.3, small_threshold=0.3, small_size=0)
    # node 1 is a stored story of 4 articles; the edge holds the sum of 4 similarities
    assert sorted(sorted(g) for g in _average_link([1, 4], {(0, 1): 1.6}, params)) == [[0, 1]]
    assert sorted(sorted(g) for g in _average_link([1, 4], {(0, 1): 0.8}, params)) == [[0], [1]]


def test_average_link_needs_the_full_threshold_to_span_more_than_the_horizon():
    params = _params(threshold=0.3, small_threshold=0.1, small_size=4, horizon_days=300)
    # 0 and 1 one story of March (days 10, 11); 2 undated, close to both; 3 published 430 days
    # later and tied to the undated 2 alone: its average to {0, 1, 2} is 0.4 / 3, above 0.1
    edges = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (2, 3): 0.4}
    spans = [(10, 10), (11, 11), (-1, -1), (440, 440)]
    groups = sorted(sorted(g) for g in _average_link([1, 1, 1, 1], edges, params, spans))
    assert groups == [[0, 1, 2], [3]]
    # within the horizon the same ties make one story
    near = [(10, 10), (11, 11), (-1, -1), (40, 40)]
    assert sorted(sorted(g) for g in _average_link([1, 1, 1, 1], edges, params, near)) == [[0, 1, 2, 3]]
    # and a strong enough average still spans it: one report's date may be wrong
    strong = {(0, 1): 0.5, (0, 2): 0.5, (1, 2): 0.5, (2, 3): 0.5, (0, 3): 0.5, (1, 3): 0.5}
    assert sorted(sorted(g) for g in _average_link([1, 1, 1, 1], strong, params, spans)) == [[0, 1, 2, 3]]


# --- signatures -------------------------------------------------------------------------------------------

def test_features_tell_words_names_and_numbers_apart():
    f = with_entities(features_of("q", "Quake Hits Valdora", QUAKE_A, "2023-03-07"), ["ent-corvo"])
    assert {"n:valdora", "n:corvo", "n:ent-corvo", "#:6.2", "#:41", "w:rescue", "w:team"} <= set(f.terms)
    assert "n:a" not in f.terms and "w:the" not in f.terms and "n:rescue" not in f.terms  # sentence starts
    assert f.terms["w:valdora"] > f.terms["w:rubble"]  # the headline and the lead count twice
    assert f.day is not None and len(f.minhash) == NUM_PERM


def test_minhash_is_the_same_in_every_call_and_empty_for_tiny_texts():
    assert (features_of("a", None, QUAKE_A, None).minhash == features_of("b", None, QUAKE_A, None).minhash).all()
    assert len(features_of("t", None, "Too short.", None).minhash) == 0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=40)),
       st.one_of(st.none(), st.sampled_from(["2024-02-29", "2023-13-01", "yesterday", ""])))
def test_features_of_any_text_are_well_formed(text, title, published):
    f = features_of("x", title, text, published)
    assert all(term[:2] in ("w:", "n:", "#:") and isinstance(value, int) and value >= 1
               for term, value in f.terms.items())
    assert len(f.minhash) in (0, NUM_PERM)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(TEXTS)), min_size=1, max_size=7, unique=True))
def test_every_new_article_gets_exactly_one_story(ids):
    stories = StoryGrouper(PARAMS).group([], _features(ids))
    assert set(stories) == set(ids)


@pytest.mark.parametrize("word,stem", [("protesters", "protester"), ("cities", "city"), ("taxes", "tax"),
                                       ("crisis", "crisis"), ("bus", "bus"), ("press", "press")])
def test_stem_folds_plurals_only(word, stem):
    from newsgraph.fuse.signatures import stem as fold
    assert fold(word) == stem
