"""The event coder's rules, end to end through the sentence coder, on sentences written here.

Every sentence is coded once per options object in a module-scoped fixture: the spaCy
pipeline loads once, so the file stays fast. The sentences are generic news English.
"""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.events.modality import intent_code
from newsgraph.kb.cameo import load_cameo
from newsgraph.sentences import Sentence, code_sentences

D = "2022-03-10"  # a Thursday
# id -> (text, sentence date)
SENTENCES = {
    # plain verb triggers
    "criticize": ("The French president criticized Iran over its nuclear program.", D),
    "condemn": ("The Turkish government condemned Israel.", D),
    "praise": ("The Japanese prime minister praised the Indian government.", D),
    "meet": ("The Iranian foreign minister met the Qatari emir in Doha.", D),
    "accuse": ("Iran accused the United States of sabotage.", D),
    # verb + preposition
    "meet_with": ("The Turkish president met with Egyptian officials in Ankara.", D),
    "call_on": ("Jordan called on Israel to halt the demolitions.", D),
    # verb + object noun
    "held_talks": ("Indian diplomats held talks with Chinese officials on Tuesday.", D),
    "sanctions": ("The United States imposed sanctions on Venezuela.", D),
    "support": ("Kenya expressed support for Somalia.", D),
    # the telephone
    "phone_by": ("The Iranian president spoke by phone with his Turkish counterpart on Monday.", D),
    "phone_call_noun": ("The Egyptian foreign minister discussed the crisis in a phone call with his Saudi "
                        "counterpart.", D),
    "phone_held_call": ("The Japanese prime minister held a phone call with the Indian prime minister on "
                        "Monday.", D),
    "phoned": ("The Turkish president phoned the Russian president on Friday.", D),
    "phone_article": ("The Iranian president spoke by phone with his Turkish counterpart on Monday. "
                      "He also spoke with the Qatari emir.", D),
    "spoke_with": ("The Iranian president spoke with the Qatari emir.", D),
    "call_counterpart": ("The Turkish foreign minister called his Russian counterpart on Friday.", D),
    # passive voice
    "passive_arrest": ("Three Iranian journalists were arrested by Turkish police in Istanbul on Saturday.", D),
    "passive_noun": ("The Pope's visit to Iraq was welcomed by the Iraqi government.", D),
    # compound and generic actors
    "compound_adj": ("Hungarian and Romanian officials criticized the European Commission.", D),
    "compound_names": ("Iran and Iraq condemned the Israeli airstrike.", D),
    "generic_police": ("Israeli police arrested three Palestinian youths.", D),
    # symmetric consultations
    "sym_iq": ("Iran and Qatar held talks on Sunday.", D),
    # places as sides: a capital that speaks is its government; a town acted on is its country's
    "capital_denies": ("Moscow denied the report on Monday.", D),
    "capital_accused": ("Kenya accused Kampala of arming the rebels.", D),
    "town_struck": ("Russian missiles struck Kharkiv on Monday.", D),
    # acts two parties do together, with each other
    "joint_signing": ("Chile and Peru signed a trade agreement in Lima on Monday.", D),
    "joint_adjectives": ("Senior Chilean and Peruvian officials signed a border agreement on Monday.", D),
    # "its forces" of a speaker are the speaker's
    "its_forces": ("The Chilean defence ministry said its forces had struck a rebel camp.", D),
    "its_partners": ("Chile demanded that its trade partners reject the tariffs.", D),
    "welcomed_deal_between": ("Brazil welcomed the agreement between the Chilean government and the rebels.", D),
    "when_clause": ("The Chilean minister met Ana Ruiz in August 2021, when he travelled to Lima for talks.", D),
    "fired_water_cannon": ("Police in Chile fired water cannon and tear gas at thousands of protesters on Monday.", D),
    "threw_stones": ("Protesters threw stones at police in Lima.", D),
    "riot_police_marched": ("Riot police stood outside the parliament all night.", D),
    "stormed_town": ("Peruvian troops stormed Chiclayo on Monday.", D),
    "rejected_accusations": ("Chile accused Peru of spying on Monday. Peru rejected the accusations.", D),
    "ministers_of_two": ("The foreign ministers of Saudi Arabia and Iran met on Thursday.", D),
    # a reaction to an act of force told before is aimed at who did it
    "condemned_the_strike": ("Peruvian troops shelled a village in Ecuador on Monday. Chile condemned the "
                             "attack on Tuesday, and Bolivia condemned the Chilean raid.", D),
    "sym_qi": ("Qatar and Iran held talks on Sunday.", D),
    "sym_meet_jp": ("The Japanese prime minister met the Australian prime minister on Thursday.", D),
    "sym_meet_au": ("The Australian prime minister met the Japanese prime minister on Thursday.", D),
    # negation
    "neg_did_not": ("The Egyptian president did not meet the Israeli prime minister.", D),
    "neg_never": ("Iran never met Saudi officials.", D),
    "neg_no_meeting": ("There was no meeting between the Egyptian president and the Israeli prime minister.", D),
    "neg_will_not": ("The Japanese prime minister will not visit China.", D),
    "neg_refused": ("The Egyptian president refused to meet the Israeli prime minister.", D),
    "neg_failed": ("The rebels failed to attack the Syrian army.", D),
    # conditional and modal
    "conditional": ("Israel would attack Iran if talks failed.", D),
    "modal": ("Israel might attack Iran.", D),
    # intent, threat and the future
    "offer_mediate": ("Turkey offered to mediate between Russia and Ukraine on Monday.", D),
    "threaten_attack": ("North Korea threatened to attack South Korea.", D),
    "threaten_sanctions": ("Russia threatened to impose sanctions on Japan.", D),
    "will_visit": ("The Indian prime minister will visit Japan next week.", D),
    "going_to": ("Iran is going to attack Israel.", D),
    "they_will_release": ("The Kurdish rebels said they will release the Turkish soldiers.", D),
    "it_would_meet": ("Iran said it would meet Qatari officials next month.", D),
    # demands and requests
    "demand_stressed": ("Jordan stressed that Israel must release the prisoners.", D),
    "demand_said": ("Jordan said Israel must release the prisoners.", D),
    "demanded_that": ("Jordan demanded that Israel release the prisoners.", D),
    "urged_to": ("Jordan urged Israel to release the prisoners.", D),
    # weapons as instruments
    "showered": ("The Syrian army showered the rebels with rockets.", D),
    "pelted": ("The Israeli army pelted Gaza with rockets.", D),
    "showered_passive": ("Saudi soldiers were showered with rockets by Houthi rebels.", D),
    "tear_gas": ("Kenyan police dispersed the protesters with tear gas.", D),
    # counts
    "counts_arrest": ("Police arrested 32 protesters and injured 14.", D),
    "counts_kill": ("Syrian government forces killed 12 civilians and wounded 30 others in Idlib.", D),
    "counts_meet": ("The Iranian foreign minister met 12 Qatari officials.", D),
    # victims of an event noun
    "victims": ("Over 40 Palestinians were wounded in the raid in Jenin.", D),
    "victims_source": ("Over 40 Palestinians were wounded in an Israeli raid.", D),
    "police_raid": ("Police raided the offices of the opposition newspaper on Monday.", D),
    "bare_noun": ("A raid took place on Monday.", D),
    # statements alone
    "said_only": ("The Kenyan president said the economy was growing.", D),
    # dates
    "date_sunday": ("Iran's foreign minister met his Qatari counterpart on Sunday.", "2021-05-19"),
    "date_sunday_same_day": ("Iran's foreign minister met his Qatari counterpart on Sunday.", "2021-05-16"),
    "date_weekday_no_published": ("Iran's foreign minister met his Qatari counterpart on Sunday.", None),
    "date_none": ("The Iranian president met the Qatari emir.", None),
    "date_none_published": ("The Iranian president met the Qatari emir.", D),
    "date_yesterday": ("Israeli troops killed two Palestinian gunmen yesterday.", D),
    "date_absolute": ("Israeli troops killed two Palestinian gunmen on May 16, 2021.", D),
    "date_last_week": ("The Indian prime minister visited Japan last week.", D),
    "date_anchor": ("The Iranian president met the Qatari emir on Sunday. He praised Qatar for its mediation.", D),
    "date_past_perfect": ("The Iranian foreign minister met the Qatari emir on Sunday. "
                          "Qatar had rejected the Iranian proposal.", D),
    "date_simple_past": ("The Iranian foreign minister met the Qatari emir on Sunday. "
                         "Qatar rejected the Iranian proposal.", D),
    # bare country names as actors
    "name_egypt": ("Egypt criticized Israel.", D),
    "name_india": ("The Japanese prime minister praised India.", D),
    # a real verb the packaged lexicon does not code
    "serenade": ("The French president serenaded the German chancellor.", D),
    # deaths without an actor, and contests, are not violence between actors
    "quake_kills": ("The earthquake killed 23 people in the Turkish city of Malatya.", D),
    "flood_destroys": ("Floods destroyed hundreds of homes in Pakistan on Sunday.", D),
    "gunmen_kill": ("Gunmen killed 12 villagers in northern Nigeria.", D),
    "beat_vote": ("The opposition leader beat the Kenyan president with 54 percent of the vote.", D),
    "beat_score": ("Ghana beat Nigeria 3-1 in the final on Sunday.", D),
    "beat_protesters": ("Iranian police beat protesters with batons in Tehran.", D),
    # the unnamed other party to a refusal is the foreign party the sentence names
    "refusal_domestic": ("Hamas rejected calls for a truce.", D),
    # an attempted attack is an act of its own
    "attempt_assassinate": ("Gunmen tried to assassinate the Iraqi prime minister in Baghdad.", D),
    "assassinate": ("Gunmen assassinated the Iraqi prime minister in Baghdad.", D),
}

# Coded with a user lexicon over the packaged one, and hypothetical events kept.
USER_LEXICON = "# test lexicon\n051 serenade\n110 criticize\n"
USER_SENTENCES = {
    "serenade": ("The French president serenaded the German chancellor.", D),
    "criticize": ("The French president criticized Iran over its nuclear program.", D),
    "conditional": ("Israel would attack Iran if talks failed.", D),
    "modal": ("Israel might attack Iran.", D),
    "plain_attack": ("Israel attacked Iran.", D),
}


def _code(sentences: dict, options) -> dict:
    return dict(code_sentences([Sentence(sid, text, date) for sid, (text, date) in sentences.items()], options))


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    return _code(SENTENCES, options)


@pytest.fixture(scope="module")
def coded_user(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("lexicon") / "user_lexicon.txt"
    path.write_text(USER_LEXICON, "utf-8")
    # a separate options object: options are a cache key of the pipeline and the lexicon
    options = load_options(overrides={"run": {"progress": False, "workers": 1},
                                      "events": {"lexicon_files": [str(path)], "keep_hypothetical": True}})
    return _code(USER_SENTENCES, options)


# ---------------------------------------------------------------- helpers

def country(side) -> str | None:
    return side["country"] if side else None


def with_root(events: list[dict], root: str) -> list[dict]:
    return [e for e in events if e["root"] == root]


def one(events: list[dict], root: str) -> dict:
    found = with_root(events, root)
    assert len(found) == 1, f"expected one event of root {root}, got {[e['cameo'] for e in events]}"
    return found[0]


def pair(event: dict) -> tuple:
    return country(event["source"]), country(event["target"])


# ---------------------------------------------------------------- the record

def test_every_sentence_was_coded(coded):
    assert set(coded) == set(SENTENCES)


def test_records_are_consistent_with_the_cameo_table(coded):
    table = load_cameo()
    for sid, events in coded.items():
        for e in events:
            row = table[e["cameo"]]
            assert e["root"] == row.root == e["cameo"][:2], sid
            assert e["quad_class"] == row.quad_class in (1, 2, 3, 4), sid
            assert e["goldstein"] == row.goldstein, sid
            assert 0 < e["confidence"] <= 1, sid
            assert e["date"] is None or len(e["date"]) == 10, sid
            assert isinstance(e["flags"], list) and isinstance(e["counts"], dict), sid


# ---------------------------------------------------------------- plain verbs, prepositions, object nouns

@pytest.mark.parametrize("sid,cameo,source,target", [
    ("criticize", "111", "FRA", "IRN"),
    ("condemn", "111", "TUR", "ISR"),
    ("praise", "051", "JPN", "IND"),
    ("accuse", "112", "IRN", "USA"),
    ("call_on", "020", "JOR", "ISR"),
    ("sanctions", "163", "USA", "VEN"),
    ("support", "051", "KEN", "SOM"),
])
def test_directed_verb_triggers(coded, sid, cameo, source, target):
    event = one(coded[sid], cameo[:2])
    assert event["cameo"] == cameo
    assert pair(event) == (source, target)


def test_generic_government_actor_keeps_its_sector(coded):
    event = one(coded["condemn"], "11")
    assert event["source"]["sector"] == "GOV"


def test_plain_meet_is_a_consultation(coded):
    event = one(coded["meet"], "04")
    assert event["cameo"] == "040"
    assert {country(event["source"]), country(event["target"])} == {"IRN", "QAT"}
    assert event["trigger"] == "met"


def test_meet_with_uses_the_preposition(coded):
    event = one(coded["meet_with"], "04")
    assert event["cameo"] == "040"
    assert event["trigger"] == "met with"
    assert {country(event["source"]), country(event["target"])} == {"TUR", "EGY"}


def test_called_on_codes_the_appeal_not_the_act_appealed_for(coded):
    events = coded["call_on"]
    assert [e["root"] for e in events] == ["02"]
    assert events[0]["trigger"] == "called on"


def test_object_noun_pattern_beats_the_bare_verb(coded):
    event = one(coded["held_talks"], "04")
    assert event["cameo"] == "046"
    assert event["trigger"] == "held talks"
    assert {country(event["source"]), country(event["target"])} == {"IND", "CHN"}
    # a more specific pattern is more confident than a bare verb
    assert event["confidence"] > one(coded["meet"], "04")["confidence"]


def test_object_noun_with_preposition(coded):
    event = one(coded["sanctions"], "16")
    assert event["trigger"] == "imposed sanctions on"


# ---------------------------------------------------------------- the telephone

@pytest.mark.parametrize("sid,countries", [
    ("phone_by", {"IRN", "TUR"}),
    ("phone_held_call", {"JPN", "IND"}),
    ("phoned", {"TUR", "RUS"}),
])
def test_phone_consultations(coded, sid, countries):
    event = one(coded[sid], "04")
    assert event["cameo"] == "041"
    assert {country(event["source"]), country(event["target"])} == countries


def test_phone_call_noun_is_a_phone_consultation(coded):
    calls = [e for e in coded["phone_call_noun"] if e["trigger"] == "call"]
    assert len(calls) == 1
    assert calls[0]["cameo"] == "041"
    assert pair(calls[0]) == ("EGY", "SAU")


def test_a_later_meeting_names_its_own_channel(coded):
    """No article-wide "phone diplomacy" state (issue 13: it was shaped on one seed): a
    later "spoke with" that names no channel is a plain consultation."""
    later = [e for e in coded["phone_article"] if e["target"] and e["target"]["country"] == "QAT"]
    assert [e["cameo"] for e in later] == ["040"]
    assert [e["cameo"] for e in coded["spoke_with"]] == ["040"]


def test_calling_a_counterpart_targets_the_counterpart(coded):
    event = one(coded["call_counterpart"], "04")
    assert event["cameo"] == "041"
    # a symmetric code: the pair, in a stable order
    assert {country(event["source"]), country(event["target"])} == {"TUR", "RUS"}


# ---------------------------------------------------------------- passive voice

def test_passive_agent_is_the_source(coded):
    event = one(coded["passive_arrest"], "17")
    assert event["cameo"] == "173"
    assert "passive" in event["flags"]
    assert event["source"]["country"] == "TUR" and event["source"]["sector"] == "COP"
    assert event["target"]["country"] == "IRN"
    assert event["counts"] == {"detained": 3}
    assert event["date"] == "2022-03-05"


def test_passive_welcome_of_an_event_noun(coded):
    events = coded["passive_noun"]
    visit = one(events, "04")
    assert visit["cameo"] == "042" and country(visit["target"]) == "IRQ"
    welcome = one(events, "05")
    assert "passive" in welcome["flags"]
    assert welcome["source"]["country"] == "IRQ" and welcome["source"]["sector"] == "GOV"


# ---------------------------------------------------------------- compound and generic actors

def test_coordinated_adjectives_give_one_event_per_country(coded):
    events = with_root(coded["compound_adj"], "11")
    assert sorted(country(e["source"]) for e in events) == ["HUN", "ROU"]
    assert all(e["target"]["sector"] == "IGO" for e in events)


def test_coordinated_names_give_one_event_per_country(coded):
    events = with_root(coded["compound_names"], "11")
    assert sorted(pair(e) for e in events) == [("IRN", "ISR"), ("IRQ", "ISR")]


def test_generic_actor_country_and_sector(coded):
    event = one(coded["generic_police"], "17")
    assert event["cameo"] == "173"
    assert (event["source"]["country"], event["source"]["sector"]) == ("ISR", "COP")
    assert event["target"]["country"] == "PSE"
    assert event["counts"] == {"detained": 3}


# ---------------------------------------------------------------- symmetric consultations

def test_joint_subject_of_talks_is_one_record(coded):
    events = coded["sym_iq"]
    assert len(events) == 1
    assert events[0]["cameo"] == "046"
    assert {country(events[0]["source"]), country(events[0]["target"])} == {"IRN", "QAT"}


def test_symmetric_direction_does_not_depend_on_word_order(coded):
    a, b = one(coded["sym_iq"], "04"), one(coded["sym_qi"], "04")
    assert pair(a) == pair(b)
    a, b = one(coded["sym_meet_jp"], "04"), one(coded["sym_meet_au"], "04")
    assert pair(a) == pair(b)
    assert set(pair(a)) == {"JPN", "AUS"}


# ---------------------------------------------------------------- negation

@pytest.mark.parametrize("sid", ["neg_did_not", "neg_never", "neg_no_meeting", "neg_will_not"])
def test_negated_triggers_are_not_coded(coded, sid):
    assert coded[sid] == []


def test_refused_meeting_is_a_rejection_not_a_meeting(coded):
    events = coded["neg_refused"]
    assert with_root(events, "04") == []
    assert pair(one(events, "12")) == ("EGY", "ISR")


def test_failed_attack_is_not_an_attack(coded):
    assert with_root(coded["neg_failed"], "19") == []


# ---------------------------------------------------------------- conditional and modal

@pytest.mark.parametrize("sid", ["conditional", "modal"])
def test_hypothetical_events_are_dropped_by_default(coded, sid):
    assert coded[sid] == []


@pytest.mark.parametrize("sid", ["conditional", "modal"])
def test_hypothetical_events_are_kept_on_request_and_flagged(coded_user, sid):
    event = one(coded_user[sid], "19")
    assert "hypothetical" in event["flags"]
    assert pair(event) == ("ISR", "IRN")
    plain = one(coded_user["plain_attack"], "19")
    assert "hypothetical" not in plain["flags"]
    assert event["confidence"] == pytest.approx(plain["confidence"] - 0.25)


# ---------------------------------------------------------------- intent, threat, future

def test_offer_to_mediate_is_an_intent(coded):
    events = coded["offer_mediate"]
    assert events and all(e["cameo"] == "039" and "intent" in e["flags"] for e in events)
    assert {country(e["source"]) for e in events} == {"TUR"}
    assert {country(e["target"]) for e in events} == {"RUS", "UKR"}
    assert {e["date"] for e in events} == {"2022-03-07"}


@pytest.mark.parametrize("sid,cameo,source,target", [
    ("threaten_attack", "138", "PRK", "KOR"),
    ("threaten_sanctions", "1312", "RUS", "JPN"),
])
def test_threatened_act_is_a_threat(coded, sid, cameo, source, target):
    event = one(coded[sid], "13")
    assert event["cameo"] == cameo
    assert "intent" in event["flags"]
    assert pair(event) == (source, target)


def test_future_visit_is_an_intent_to_meet(coded):
    event = one(coded["will_visit"], "03")
    assert event["cameo"] == "036"
    assert "future" in event["flags"]
    assert pair(event) == ("IND", "JPN")
    assert (event["date"], event["date_precision"], event["period"]) == (None, "week", "2022-W11")


def test_going_to_attack_is_a_threat(coded):
    event = one(coded["going_to"], "13")
    assert "future" in event["flags"]
    assert pair(event) == ("IRN", "ISR")


def test_reported_future_release_by_a_pronoun_subject(coded):
    event = one(coded["they_will_release"], "03")
    assert event["cameo"] == "0353"
    assert event["source"]["sector"] == "REB"
    assert (event["target"]["country"], event["target"]["sector"]) == ("TUR", "MIL")


def test_reported_future_meeting_with_it_as_subject(coded):
    event = one(coded["it_would_meet"], "03")
    assert event["cameo"] == "036"
    assert pair(event) == ("IRN", "QAT")


# ---------------------------------------------------------------- demands and requests

def test_must_in_a_stressed_clause_is_a_demand(coded):
    events = coded["demand_stressed"]
    demand = one(events, "10")
    assert demand["cameo"] == "100"
    assert pair(demand) == ("JOR", "ISR")
    assert with_root(events, "08") == []  # the release demanded has not happened


def test_must_in_a_said_clause_is_a_demand(coded):
    demand = one(coded["demand_said"], "10")
    assert pair(demand) == ("JOR", "ISR")


def test_demanded_that_targets_the_clause_subject(coded):
    demand = one(coded["demanded_that"], "10")
    assert pair(demand) == ("JOR", "ISR")


def test_what_is_demanded_is_not_an_event(coded):
    assert with_root(coded["demanded_that"], "08") == []


def test_what_is_urged_is_not_an_event(coded):
    events = coded["urged_to"]
    assert [e["cameo"] for e in events] == ["020"]
    assert pair(events[0]) == ("JOR", "ISR")


# ---------------------------------------------------------------- weapons as instruments

def test_showered_with_rockets_is_an_aerial_attack(coded):
    event = one(coded["showered"], "19")
    assert event["cameo"] == "195"
    assert (event["source"]["country"], event["source"]["sector"]) == ("SYR", "MIL")
    assert "rockets" in event["trigger"]


def test_pelted_with_rockets_is_an_aerial_attack(coded):
    event = one(coded["pelted"], "19")
    assert event["cameo"] == "195"
    assert pair(event) == ("ISR", "PSE")


def test_passive_weapon_attack(coded):
    event = one(coded["showered_passive"], "19")
    assert event["cameo"] == "195"
    assert event["source"]["sector"] == "REB"
    assert event["target"]["country"] == "SAU"


def test_tear_gas_is_crowd_control(coded):
    event = one(coded["tear_gas"], "17")
    assert event["cameo"] == "175"
    assert (event["source"]["country"], event["source"]["sector"]) == ("KEN", "COP")


# ---------------------------------------------------------------- counts

def test_arrest_counts_and_injured_count(coded):
    events = coded["counts_arrest"]
    assert events
    assert all(e["root"] >= "14" for e in events)
    assert one(events, "17")["counts"] == {"detained": 32, "injured": 14}


def test_killed_and_wounded_counts(coded):
    event = one(coded["counts_kill"], "19")
    assert event["counts"] == {"killed": 12, "injured": 30}
    assert event["source"]["country"] == "SYR"


def test_cooperative_events_carry_no_counts(coded):
    event = one(coded["counts_meet"], "04")
    assert event["counts"] == {}


# ---------------------------------------------------------------- victims of an event noun

def test_victims_of_a_raid_are_its_target(coded):
    event = one(coded["victims"], "17")
    assert event["cameo"] == "170"
    assert "victims" in event["flags"]
    assert country(event["target"]) == "PSE"
    assert event["counts"] == {"injured": 40}
    assert event["place"] and event["place"]["country"] == "PSE"


def test_victims_of_a_raid_with_its_author(coded):
    # a raid by a state is an assault (CAMEO.2.0's RAID 190); the raid of no one named stays 170
    event = next(e for e in coded["victims_source"] if e["cameo"] == "190")
    assert pair(event) == ("ISR", "PSE")
    assert event["counts"] == {"injured": 40}
    assert any("raid by troops or a state" in step for step in event["why"]["steps"])


def test_a_police_raid_is_coercion(coded):
    assert [e["cameo"] for e in coded["police_raid"]] == ["170"]


def test_bare_event_noun_with_no_side_is_not_coded(coded):
    assert coded["bare_noun"] == []


def test_a_statement_alone_is_not_an_event(coded):
    assert coded["said_only"] == []


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("sid,date,precision,period", [
    ("date_sunday", "2021-05-16", "day", "2021-05-16"),  # last Sunday before a Wednesday
    ("date_sunday_same_day", "2021-05-16", "day", "2021-05-16"),  # a Sunday's "on Sunday" is that day
    ("held_talks", "2022-03-08", "day", "2022-03-08"),
    ("phoned", "2022-03-04", "day", "2022-03-04"),
    ("date_yesterday", "2022-03-09", "day", "2022-03-09"),
    ("date_absolute", "2021-05-16", "day", "2021-05-16"),
    ("date_last_week", None, "week", "2022-W09"),  # a week fixes no day: its period says which
    ("date_weekday_no_published", None, None, None),  # a weekday without a reference date
    ("date_none", None, None, None),
    ("date_none_published", None, None, None),  # the publication date alone is not the event's
])
def test_event_dates(coded, sid, date, precision, period):
    events = coded[sid]
    assert events
    assert {(e["date"], e["date_precision"], e["period"]) for e in events} == {(date, precision, period)}


def test_a_later_sentence_keeps_the_occasion_date(coded):
    praise = one(coded["date_anchor"], "05")
    assert pair(praise) == ("IRN", "QAT")
    assert praise["date"] == "2022-03-06"


def test_past_perfect_gets_no_date(coded):
    rejected = one(coded["date_past_perfect"], "12")
    assert pair(rejected) == ("QAT", "IRN")
    assert rejected["date"] is None
    # the same sentence in the simple past tells the occasion already dated
    assert one(coded["date_simple_past"], "12")["date"] == "2022-03-06"


# ---------------------------------------------------------------- places

def test_place_named_in_the_clause(coded):
    event = one(coded["meet"], "04")
    assert event["place"] is not None
    assert event["place"]["country"] == "QAT"


def test_an_attempted_assassination_is_coded_as_the_attempt(coded):
    assert one(coded["attempt_assassinate"], "18")["cameo"] == "185"  # attempt to assassinate
    assert one(coded["assassinate"], "18")["cameo"] == "186"


def test_place_of_a_passive_arrest(coded):
    assert one(coded["passive_arrest"], "17")["place"]["country"] == "TUR"


# ---------------------------------------------------------------- country names

@pytest.mark.parametrize("sid,source,target", [
    ("name_egypt", "EGY", "ISR"),
    ("name_india", "JPN", "IND"),
])
def test_bare_country_names_are_their_countries(coded, sid, source, target):
    assert [pair(e) for e in coded[sid]] == [(source, target)]


# ---------------------------------------------------------------- user lexicon

def test_uncoded_verb_is_not_an_event_with_the_packaged_lexicon(coded):
    assert coded["serenade"] == []


def test_user_lexicon_adds_a_verb(coded_user):
    event = one(coded_user["serenade"], "05")
    assert event["cameo"] == "051"
    assert pair(event) == ("FRA", "DEU")


def test_user_lexicon_overrides_a_packaged_code(coded_user):
    event = one(coded_user["criticize"], "11")
    assert event["cameo"] == "110"
    assert pair(event) == ("FRA", "IRN")


# ---------------------------------------------------------------- intent_code

@pytest.mark.parametrize("code,expected", [
    ("040", "036"),  # meet -> intent to meet
    ("042", "036"),
    ("045", "039"),  # mediate -> intent to mediate
    ("046", "036"),
    ("0841", "0353"),  # release -> intent to release
    ("163", "1312"),  # sanctions -> threaten sanctions
    ("173", "137"),  # arrest -> threaten repression
    ("141", "133"),
    ("190", "138"),  # attack -> threaten force
    ("195", "1384"),
    ("111", "111"),  # verbal acts stay as they are
    ("020", "020"),
    ("100", "100"),
    ("130", "130"),
])
def test_intent_code(code, expected):
    assert intent_code(code) == expected


def test_intent_code_always_gives_a_known_code():
    table = load_cameo()
    for code in table:
        assert intent_code(code) in table, code


@pytest.mark.parametrize("sid", ["quake_kills", "flood_destroys", "beat_vote", "beat_score"])
def test_disasters_and_contests_are_not_violence(coded, sid):
    assert not [e for e in coded[sid] if e["root"] in ("17", "18", "19", "20")], coded[sid]


def test_people_who_kill_or_beat_are_still_coded(coded):
    assert one(coded["gunmen_kill"], "19")["cameo"].startswith("19")
    assert one(coded["beat_protesters"], "18")["cameo"] == "182"


def test_the_unnamed_party_to_a_refusal_stays_the_inferred_one(coded):
    """A refusal's missing target is inferred by the general rule (the refuser's own
    side), not swapped for another party the sentence happens to name."""
    assert pair(one(coded["refusal_domestic"], "12")) == ("PSE", "PSE")


# ---------------------------------------------------------------- places and joint acts

def test_a_capital_that_speaks_is_its_government(coded):
    deny = one(coded["capital_denies"], "01")
    assert (deny["source"]["text"], deny["source"]["country"], deny["source"]["sector"]) == ("Moscow", "RUS", "GOV")
    accuse = one(coded["capital_accused"], "11")
    assert (accuse["target"]["country"], accuse["target"]["sector"]) == ("UGA", "GOV")


def test_a_town_acted_on_codes_to_its_country_not_to_a_government(coded):
    strike = one(coded["town_struck"], "19")
    assert strike["target"]["country"] == "UKR" and strike["target"]["sector"] is None
    assert strike["target"]["entity_id"] is None  # a place, not a party of its own


def test_two_parties_that_sign_together_sign_with_each_other(coded):
    signing = one(coded["joint_signing"], "05")
    assert {country(signing["source"]), country(signing["target"])} == {"CHL", "PER"}
    assert signing["why"]["target_how"].startswith("coordinated with the source")
    # one phrase, two countries: two sides, not one actor twice
    assert pair(one(coded["joint_adjectives"], "05")) in {("CHL", "PER"), ("PER", "CHL")}


def test_its_forces_are_the_speakers_and_its_partners_are_not(coded):
    strike = one(coded["its_forces"], "19")
    assert (strike["source"]["country"], strike["source"]["sector"]) == ("CHL", "MIL")
    demand = one(coded["its_partners"], "10")
    assert country(demand["target"]) != "CHL"


def test_a_reaction_to_an_act_of_force_told_before_targets_who_did_it(coded):
    condemned = with_root(coded["condemned_the_strike"], "11")
    by_source = {country(e["source"]): e for e in condemned}
    assert country(by_source["CHL"]["target"]) == "PER"
    assert by_source["CHL"]["why"]["target_how"].startswith("who did the 'attack'")
    assert country(by_source["BOL"]["target"]) == "CHL"  # a raid the sentence says is Chile's


def test_rejected_accusations_target_the_accuser(coded):
    rejection = [e for e in coded["rejected_accusations"] if country(e["source"]) == "PER"]
    assert rejection and country(rejection[0]["target"]) == "CHL"


def test_the_ministers_of_two_countries_are_two_sides(coded):
    meeting = one(coded["ministers_of_two"], "04")
    assert {country(meeting["source"]), country(meeting["target"])} == {"SAU", "IRN"}


def test_a_deal_between_parties_is_aimed_at_each_party(coded):
    welcomes = with_root(coded["welcomed_deal_between"], "05")
    assert ("BRA", "CHL") in [pair(e) for e in welcomes]
    assert {e["target"]["text"] for e in welcomes} == {"Chilean government", "rebels"}


def test_a_when_clause_happens_at_its_heads_time(coded):
    events = coded["when_clause"]
    assert events and all((e["date"], e["date_precision"], e["period"]) == (None, "month", "2021-08")
                          for e in events)


def test_a_weapon_fired_or_used_at_someone_is_an_attack_on_them(coded):
    cannon = one(coded["fired_water_cannon"], "17")
    assert cannon["cameo"] == "175" and cannon["source"]["sector"] == "COP"
    assert cannon["target"]["sector"] == "OPP" and cannon["why"]["rule"] == "grammar:weapon"
    # protesters' force against the police is a riot (145); a mob's against a person stays an assault
    stones = one(coded["threw_stones"], "14")
    assert stones["cameo"] == "145" and stones["target"]["sector"] == "COP"


def test_an_event_noun_modifying_another_noun_is_no_event(coded):
    assert not with_root(coded["riot_police_marched"], "14")


def test_a_town_acted_on_is_where_the_event_happened(coded):
    raid = one(coded["stormed_town"], "19")
    assert raid["place"]["name"] == "Chiclayo" and raid["place"]["country"] == "PER" and raid["place"]["lat"]
