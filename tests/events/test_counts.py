"""Casualty and detention counts, on sentences written here for these tests."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.events.counts import find_counts

KEYS = {"killed", "injured", "detained"}


@pytest.mark.parametrize("sentence,expected", [
    # subject of a passive, several categories in one sentence
    ("Over 150 Palestinians were injured and 400 others detained in the raid.",
     {"injured": 150, "detained": 400}),
    ("At least 19 Palestinians were hurt in conflicts on Sunday.", {"injured": 19}),
    ("32 were detained.", {"detained": 32}),
    ("Police said 14 people had been arrested after the match.", {"detained": 14}),
    ("Two people have been killed and 3 wounded.", {"killed": 2, "injured": 3}),
    ("Two soldiers were shot and killed at a checkpoint.", {"killed": 2}),
    ("Three villagers were stabbed to death.", {"killed": 3}),
    ("Two guards were fatally shot.", {"killed": 2}),
    # object of an active verb
    ("The gunmen opened fire, killing three and wounding 12.", {"killed": 3, "injured": 12}),
    ("Police arrested 32 people outside the stadium.", {"detained": 32}),
    ("The blast killed 1,200 people and injured 3,400 more.", {"killed": 1200, "injured": 3400}),
    ("Israeli forces rounded up 15 Palestinians overnight.", {"detained": 15}),
    ("A car bomb exploded near the market, killing an officer.", {"killed": 1}),
    ("The shooting killed four and wounded at least a dozen.", {"killed": 4, "injured": 12}),
    ("Police took 12 people into custody.", {"detained": 12}),
    # the number belongs to the victims, not to the agent
    ("Two missiles killed five people in the village.", {"killed": 5}),
    ("Two gunmen killed three passers-by.", {"killed": 3}),
    # adjectives, intransitives, tolls and lives
    ("The bombing hit the bazaar, leaving two dead and dozens injured.",
     {"killed": 2, "injured": 24}),
    ("The clashes left 10 dead and more than 100 wounded.", {"killed": 10, "injured": 100}),
    ("Two people died in hospital on Tuesday.", {"killed": 2}),
    ("Twenty-five miners lost their lives.", {"killed": 25}),
    ("By the evening the death toll rose to 45.", {"killed": 45}),
    ("The number of injured climbed to 250.", {"injured": 250}),
    # the casualty word before the people it counts
    ("The governor said 98 wounded people had been taken to hospitals.", {"injured": 98}),
    ("Three injured soldiers were flown to the capital.", {"injured": 3}),
    ("The landslide claimed 12 lives.", {"killed": 12}),
    ("The storm claimed the lives of 1,100 people.", {"killed": 1100}),
    ("Three hikers were hurt and four others sustained serious injuries.", {"injured": 4}),
    ("Officers made 40 arrests during the night.", {"detained": 40}),
    # number words and vague quantities
    ("Nineteen soldiers were slain in the ambush.", {"killed": 19}),
    ("Two hundred and fifty people were wounded.", {"injured": 250}),
    ("A dozen guards were wounded.", {"injured": 12}),
    ("Two dozen people were injured in the stampede.", {"injured": 24}),
    ("Half a dozen fans were hurt.", {"injured": 6}),
    ("Dozens were injured when the stand collapsed.", {"injured": 24}),
    ("Scores of students were detained.", {"detained": 40}),
    ("Hundreds of marchers were arrested.", {"detained": 200}),
    ("Thousands were rounded up in the crackdown.", {"detained": 2000}),
    ("Several bystanders were hurt.", {"injured": 3}),
    ("A few activists were taken into custody.", {"detained": 3}),
    ("More than 200 people were arrested.", {"detained": 200}),
    ("Nearly 30 people were killed.", {"killed": 30}),
    ("Up to 40 people may have died.", {"killed": 40}),
    ("Some 50 demonstrators were rounded up.", {"detained": 50}),
    ("About 12 people were injured.", {"injured": 12}),
    ("An estimated 200 people were killed.", {"killed": 200}),
    ("One person was killed and another injured.", {"killed": 1, "injured": 1}),
    ("Both were arrested at the airport.", {"detained": 2}),
    ("Many people were killed.", {}),
    # "a"/"an" with a singular noun, ages and asides
    ("A police officer was wounded.", {"injured": 1}),
    ("A 25-year-old man was arrested in 2021.", {"detained": 1}),
    ("A man aged 34 was killed.", {"killed": 1}),
    ("Five people, including two children, were killed in the strike.", {"killed": 5}),
    ("At least 50 people, five of them children, were killed on Friday.", {"killed": 50}),
    ("Ten people, two of whom were police officers, were injured.", {"injured": 10}),
    ("14 people were injured, among them two police officers.", {"injured": 14}),
    ("Two Palestinians in the West Bank were killed.", {"killed": 2}),
    # negations give an explicit 0
    ("No one was hurt in the fire.", {"injured": 0}),
    ("Nobody was killed.", {"killed": 0}),
    ("No injuries were reported.", {"injured": 0}),
    ("No arrests have been made.", {"detained": 0}),
    ("None of the passengers were hurt.", {"injured": 0}),
    ("The two men were not injured.", {"injured": 0}),
    ("There were no casualties.", {"killed": 0, "injured": 0}),
    ("The crew landed without injuries.", {"injured": 0}),
    # numbers that are not counts of people
    ("On May 16 the 25-year-old was arrested.", {}),
    ("The suspect, 25, was arrested on Friday.", {}),
    ("Since May 16 people have been arrested.", {}),
    ("In 2021 people were killed.", {}),
    ("He was jailed for 20 years after killing two people.", {"killed": 2}),
    ("Two people were killed three days ago.", {"killed": 2}),
    ("A man was arrested a week later.", {"detained": 1}),
    ("A ransom of $5 million was paid and two men were arrested.", {"detained": 2}),
    ("20 percent of the wounded were children.", {}),
    ("He was sentenced to death.", {}),
    ("An arrest warrant was issued.", {}),
    ("Two rallies were held on Sunday.", {}),
    ("Two men were held by police.", {"detained": 2}),
    # the same category twice keeps the maximum
    ("Three people were killed on Monday and 7 were killed on Tuesday.", {"killed": 7}),
])
def test_find_counts(sentence, expected):
    assert find_counts(sentence) == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_returns_counts(text):
    counts = find_counts(text)
    assert set(counts) <= KEYS
    assert all(type(v) is int and v >= 0 for v in counts.values())


_WORDY = st.lists(st.sampled_from([
    "killed", "injured", "arrested", "were", "no", "one", "a", "dozen", "dozens", "two",
    "people", "at", "least", "death", "toll", "rose", "to", "of", "1,200", "45", "2021",
    "held", "in", "custody", "hundreds", "thousands", "and", "killing", "-", ",", ".", "$",
]), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WORDY)
def test_never_raises_on_casualty_vocabulary(text):
    counts = find_counts(text)
    assert set(counts) <= KEYS
    assert all(type(v) is int and v >= 0 for v in counts.values())


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=100_000))
def test_digit_counts_round_trip(n):
    assert find_counts(f"{n:,} people were killed") == {"killed": n}
