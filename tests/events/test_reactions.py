"""Reactions as news reports them: judging by naming, channels, relative clauses, weak
calls by phone. Sentences written here; each is coded once in a module fixture."""
from __future__ import annotations

import pytest

from newsgraph.config import load_options
from newsgraph.sentences import Sentence, code_sentences

D = "2023-05-29"
SENTENCES = {
    # naming as judging (events/judgements.py)
    "called_deliberate": ("Chile's foreign minister called the Peruvian raid deliberate.", D),
    "called_provocation": ("Russia's Defence Ministry called Kyiv's statements a provocation.", D),
    "called_win": ("Oman's foreign minister called Iran's decision \"a win for everyone\".", D),
    "described_as": ("The Chilean embassy described Peru's new law as incompatible with democracy.", D),
    "not_fair": ("The Chilean government called Peru's election neither free nor fair.", D),
    "neutral_naming": ("The Chilean government called Peru's vote a formality.", D),
    "what_it_called": ("The Colombian ministry condemned what it called an unacceptable attack by "
                       "Russian forces on a civilian target.", D),
    "call_phone": ("The Chilean president called the Peruvian president on Friday.", D),
    # the channel is no side
    "hailed_on_twitter": ("Hungary's prime minister hailed the result on Twitter.", D),
    "said_on_telegram": ("The Russian defence ministry praised its troops on Telegram.", D),
    # a relative clause's "who" is its antecedent
    "relative_who": ("The Chilean president, who congratulated the Peruvian president on Sunday, "
                     "will visit Lima.", D),
    # a weak verb of talking by phone is a phone call, not a cue that yields
    "spoke_by_phone": ("The Chilean president, who praised Peru on Sunday, spoke to the Peruvian "
                       "president by phone on Monday.", D),
    # the article's home country: where its places are, for unnamed state actors and acts
    "home_state": ("Thousands rallied in Tbilisi and Batumi on Monday against Georgia's government. "
                   "Riot police detained 30 people. "
                   "The French foreign minister condemned the vote.", D),
    # ... not where the reaction was told
    "spoke_abroad": ("Thousands rallied in Tbilisi and Batumi on Monday against Georgia's government. "
                     "Riot police detained 30 people. "
                     "Speaking in Stockholm, the French foreign minister condemned the vote.", D),
    # a thing agreed or said in a place is not the place's: the signatories are each other's
    "signed_in": ("The Chilean government and the Peruvian rebels signed a deal for a cessation of "
                  "hostilities in Quito on Wednesday.", D),
    # an attack told before, with a word of judging, still refers back to its author
    "judged_attack": ("Russian missiles struck the Tacna railway station on Monday. "
                      "The French foreign minister condemned the indiscriminate attack.", D),
    # a threat is made to the subject of its condition
    "threat_if": ("Chile threatened to halt the talks on fishing rights if Peru deploys the new "
                  "missiles.", D),
    "threat_unless": ("Chile threatened to launch a new offensive unless Lima accepted its terms.", D),
    # whose a group is: "soldiers from Peru"; whom a refused act concerns; what is protested
    "soldiers_from": ("Soldiers from Peru attacked a border post of Chile on Monday.", D),
    "refused_aid_to": ("The Chilean government refused to commit to any assistance to the Peruvian-led "
                       "campaign.", D),
    "defiance_of": ("Thousands of people blocked streets in Lima in defiance of the Chilean authorities.", D),
    # a surname alone is the one person of that name
    "surname": ("President Mugabe rejected the demands of the opposition.", "2000-05-10"),
    # the object's owner is the target: "took the protesters' side"
    "took_side": ("The Chilean president took the Peruvian protesters' side.", D),
    "names_on_a_list": ("Under the accord, announced in Brasilia, Santiago and Lima agreed to reopen their "
                        "embassies.", D),
    "under_mediation": ("Chile and Peru agreed, under Brazilian mediation, to restore ties.", D),
    "led_mediation": ("The former Chilean president, who led the mediation with a Peruvian envoy, "
                      "spoke on Monday.", D),
    "owned_act": ("Thousands rallied in Tbilisi and Batumi on Monday. "
                  "The French foreign minister condemned Peru's vote.", D),
    # sides through the nouns that stand for them
    "negotiators_for": ("Negotiators for the Chilean government and the Peruvian rebels had been meeting "
                        "in Quito since Monday.", D),
    "delegation_led_by": ("The Chilean president met a Peruvian delegation led by the Peruvian foreign "
                          "minister on Wednesday.", D),
    "islamic_republic": ("The Chilean president thanked the Islamic Republic for its support.", D),
    # crowds, contests, addressing
    "crowd_gathered": ("Thousands of protesters gathered outside the parliament in Lima on Monday.", D),
    "crowds_filled": ("Crowds carrying Peruvian flags filled the main square of Lima.", D),
    "came_back": ("The protesters came back to the square of Lima on Tuesday.", D),
    "crowd_watched": ("The crowd watched the speech in Lima.", D),
    "beat_in_runoff": ("The Peruvian president beat his Chilean rival in Sunday's run-off.", D),
    "addressed_as": ("The Chilean president addressed the Peruvian president as \"my dear brother\".", D),
    # crowds' force, weapons as subjects, protests on paper
    "crowd_blocked": ("Crowds blocked the main roads of Lima on Monday.", D),
    "crowd_stormed": ("Peruvian protesters stormed the Chilean embassy in Lima.", D),
    "crowd_accused": ("The ministry said the rally in Lima had turned violent, accusing some participants of "
                      "throwing stones at police.", D),
    "crowd_wrecked": ("Protesters pulled down the metal barriers outside the parliament in Lima.", D),
    "mob_beat": ("A Peruvian man was beaten by a crowd of protesters in Lima.", D),
    "missile_flattened": ("A Chilean missile flattened a restaurant in Tacna on Tuesday.", D),
    "protest_note": ("The Chilean president ordered a note of protest to Peru.", D),
    # one event per sentence's news: causes, occasions and allegations are background
    "blamed_for": ("Peru blamed Chile for the bombing of a market in Tacna.", D),
    "after_battles": ("The Peruvian rebels declared a ceasefire after twelve days of battles with "
                      "Chilean troops.", D),
    "in_retaliation": ("Peru threatened to shell Chilean towns in retaliation for an air raid on Tacna.", D),
    "suspected_of": ("Chile offered to hand over to Peru two men suspected of bombing a Peruvian bus.", D),
    "accused_of_several": ("Peru accused Chile of violating the truce, shelling Tacna and blockading its ports.", D),
    "admission_that": ("Peru demanded an admission by Chile that Chilean troops killed twelve fishermen.", D),
    "agreed_pact": ("Chile and Peru agreed upon a new trade pact between the two countries.", D),
    # what an article told before: whom it congratulated, the group a noun stands for
    "congratulations_follow": ("The Chilean president congratulated the Peruvian president on Sunday. "
                               "The Bolivian president also sent a message of congratulations.", D),
    "congratulations_first": ("The Bolivian president sent a message of congratulations on Sunday.", D),
    "the_delegation": ("The Chilean president met a Peruvian delegation led by the Peruvian foreign "
                       "minister. The delegation also held talks with the Bolivian president.", D),
    # elections and plans
    "re_elected": ("Peruvian voters re-elected the Peruvian president on Sunday.", D),
    "result_said": ("The chairman of Peru's election board said the Peruvian president had taken 52 percent "
                    "of the vote.", D),
    "won_argument": ("The Chilean minister said the Peruvian president had won the argument.", D),
    "are_to_meet_statement": ("Chile and Peru agreed on Friday to restore ties. Their foreign ministers are "
                              "to meet next month, the statement said.", D),
    "are_to_meet": ("Chile and Peru agreed on Friday to restore ties. Their foreign ministers are to meet "
                    "next month.", D),
    "stipulated_would": ("The deal stipulated that the foreign ministers of Chile and Peru would meet.", D),
    # what is told as now takes no date from the occasion told before
    "present_no_anchor": ("The Peruvian president met the Chilean president on 3 May. The Bolivian president "
                          "has said he will visit Lima.", D),
    "possessive_time": ("The Peruvian president met the Chilean president on 3 May. Referring to last month's "
                        "battle, the Peruvian president urged the Chilean president to stop the fighting.", D),
    "hit_back": ("The Peruvian embassy in Santiago hit back at Chile on Thursday.", D),
    "hoped": ("Bolivia's foreign ministry said it hoped the agreement would ease tensions.", D),
    "said_and_called": ("The Chilean minister said two Peruvian missiles had struck the station and called "
                        "the attack deliberate.", D),
    "said_model": ("The Peruvian minister said Chile had become a model for the region.", D),
    "said_not_fair": ("The Chilean minister said Peru's vote was not fair.", D),
    "said_when": ("The Chilean minister said the meeting with Peru was on Tuesday.", D),
    "occasion_without_event": ("The Peruvian president extended his rule on Sunday by beating his rival. The "
                               "chairman of Peru's election board said the Peruvian president had 52 percent "
                               "of the vote.", D),
    "quoted_today": ("The Chilean president met the Peruvian president in Lima on 3 May. The Peruvian president "
                     "thanked Chile and told his host that \"our ties are at their best today.\"", D),
    "won_runoff": ("Voters in Peru and Lima turned out early. The Peruvian president defeated his rival in "
                   "Sunday's run-off in Peru.", D),
    "beat_boxer": ("The Peruvian boxer beat the Chilean champion in Lima.", D),
    "the_two_men": ("The Chilean foreign minister met his Peruvian counterpart in Quito on Thursday. The two men "
                    "signed a joint statement.", D),
    "kept_informed": ("The Chileans had kept Peruvian officials informed about the talks.", D),
    "own_talks": ("The Chilean foreign minister described his talks with his Peruvian counterpart as positive.", D),
    "voters_home": ("Peru held its run-off in Lima and Cusco on Sunday. Voters re-elected the Peruvian president.", D),
    "welcomed_move": ("Peru's ruling party said on Thursday that it would withdraw the bill. The Chilean foreign "
                      "minister praised the decision, and the Bolivian president welcomed the move.", D),
    "protesters_home": ("Thousands marched in Lima and Cusco against Peru's government on Monday. The Peruvian "
                        "president, who spent the week in Madrid, sided with the protesters.", D),
    "bad_development": ("The Chilean foreign minister called Peru's vote \"a very bad development for the region\".", D),
    "victory_told": ("Ana Ruiz defeated her rival in Sunday's run-off in Peru and Lima. The Chilean president "
                     "hailed what he called an unquestionable election victory. The Bolivian president also sent a "
                     "message of congratulations.", D),
    "time_possessive": ("The death toll from Tuesday evening's Chilean missile strike on a market in Tacna rose to "
                        "ten on Wednesday.", D),
    "won_by_beating": ("The Peruvian president extended his rule on Sunday by beating his rival in the first "
                       "run-off in Peru's history.", D),
    "rejected_other_side": ("Peru accused Chile of shelling Tacna on Monday. Chile's defence ministry accused "
                            "Peru of lying. The Chilean president rejected the accusation.", D),
    "credited": ("The Peruvian minister said Chile had given Peru special attention for years.", D),
    "not_credited": ("The Peruvian minister said Chile had not given any support.", D),
    "object_pronoun": ("Ana Ruiz congratulated Luis Vega on Sunday. Ana Ruiz spoke to him by phone on Monday.", D),
    "quoted_apart": ("\u201cThis is a victory for dialogue,\u201d the Chilean minister said, calling the outcome "
                     "\u201ca major piece of good news\u201d for the region.", D),
    "conceded": ("The Peruvian opposition leader conceded on Monday.", D),
    "conceded_that": ("The Peruvian minister conceded that mistakes were made.", D),
    # a message sent among congratulations is one of them; elsewhere it is no event
    "message_amid": ("Congratulations poured in from abroad on Sunday. The French president congratulated "
                     "the Peruvian president. The Chilean president sent a message to his \"dear friend\", "
                     "his office said.", D),
    "wrote_amid": ("Congratulations began to arrive on Sunday. The Qatari emir wrote to the Peruvian "
                   "president on Twitter, wishing him success.", D),
    "message_alone": ("The Chilean president sent a message to the Peruvian president on Sunday.", D),
    # "the foreign ministers" after two parties: each party's, not one minister
    "the_ministers": ("Chile's Ana Ruiz and Peru's Luis Vega agreed on Monday to restore relations. The deal "
                      "stipulated that the foreign ministers would meet within two months.", D),
    # what a pattern's "for" gives is what for; whom is after "to"
    "gratitude_to": ("The Chilean president expressed gratitude to the Peruvian president for hosting "
                     "the talks.", D),
    "gratitude_for": ("The Chilean president expressed gratitude for Peru's support.", D),
    # "the contest" is the vote of the state it is held in
    "called_contest": ("Thousands rallied in Lima on Monday. The Peruvian opposition leader called the "
                       "contest unjust.", D),
    # "what it called": "it" is who condemned
    "condemnation_of_what": ("Chile's foreign ministry on Wednesday expressed its strongest condemnation of what "
                             "it called an unacceptable attack by Peruvian forces.", D),
    # whose a group is, when only "of" says it
    "commanders_of": ("The French president welcomed the agreement between the senior commanders of the "
                      "Peruvian army and the rebels.", D),
    # "you" in a quotation is whom it was told to
    "told_you": ("The Chilean president told Peruvian officials: \"We stand with you.\"", D),
    "rejected_appeal": ("Lima rejected a United Nations appeal for deploying troops along its border.", D),
    "rejected_call": ("Chile rejected a call for its forces to be deployed in Peru.", D),
    "refused_to_lift": ("The Peruvian government is refusing to lift the curfew on Chilean workers.", D),
    "must_be_ready": ("The Chilean president said that Peru must be ready to mediate between the rebels "
                      "and the government.", D),
    "resolution_aims": ("Chile will support a resolution that aims to tighten sanctions and impose a "
                        "blockade against Peru.", D),
    "agreed_to_undertake": ("Chile and Peru agreed to undertake joint military exercises.", D),
    "agreed_to_postpone": ("Opposition leaders agreed to postpone the demonstration in Lima.", D),
    "rally_demanding": ("Thousands of Peruvians marched in Lima on Monday, demanding the release of the "
                        "detained mayor.", D),
    "praised_what": ("The Chilean president praised what he called the courage of Peruvian farmers.", D),
    "stressed_and_praised": ("The Chilean president stressed that the border remains open and praised the "
                             "Peruvian government.", D),
}


@pytest.fixture(scope="module")
def coded() -> dict:
    options = load_options(overrides={"run": {"progress": False, "workers": 1}})
    return dict(code_sentences([Sentence(sid, text, date) for sid, (text, date) in SENTENCES.items()],
                               options))


def sides(event: dict) -> tuple:
    return tuple((s or {}).get("country") for s in (event["source"], event["target"]))


def codes(events: list[dict]) -> set[tuple]:
    return {(e["cameo"], *sides(e)) for e in events}


@pytest.mark.parametrize("sid,expected", [
    ("called_deliberate", ("111", "CHL", "PER")),     # the raid's doer: its modifier
    ("called_provocation", ("111", "RUS", "UKR")),
    ("called_win", ("051", "OMN", "IRN")),
    ("described_as", ("111", "CHL", "PER")),
    ("not_fair", ("111", "CHL", "PER")),               # a negated positive judges badly
    ("what_it_called", ("111", "COL", "RUS")),
])
def test_naming_with_a_judging_word_codes_praise_or_criticism(coded, sid, expected):
    assert expected in codes(coded[sid])


def test_the_judgement_says_which_rule_coded_it(coded):
    event = next(e for e in coded["called_provocation"] if e["cameo"] == "111")
    assert event["why"]["rule"] == "grammar:judgement"
    assert "provocation" in event["trigger"]


def test_naming_without_a_judging_word_is_no_event(coded):
    assert not [e for e in coded["neutral_naming"] if e["root"] in ("05", "11")]


def test_condemning_what_someone_called_an_act_is_one_event_against_its_doer(coded):
    events = [e for e in coded["what_it_called"] if e["root"] == "11"]
    assert [sides(e) for e in events] == [("COL", "RUS")]
    assert events[0]["why"]["rule"].startswith("event_lexicon.txt:")


def test_calling_a_person_is_no_judgement(coded):
    assert {e["cameo"] for e in coded["call_phone"]} == {"041"}


@pytest.mark.parametrize("sid,cameo,source", [("hailed_on_twitter", "051", "HUN"),
                                              ("said_on_telegram", "051", "RUS")])
def test_a_platform_is_the_channel_not_the_target(coded, sid, cameo, source):
    events = [e for e in coded[sid] if e["cameo"] == cameo]
    assert events and all(sides(e)[0] == source for e in events)
    assert all((e["target"] or {}).get("text") != "Twitter" for e in events)
    assert all((e["target"] or {}).get("text") != "Telegram" for e in events)


def test_who_of_a_relative_clause_is_its_antecedent(coded):
    assert ("051", "CHL", "PER") in codes(coded["relative_who"])


def test_a_weak_talk_by_phone_is_a_call_beside_a_stronger_event(coded):
    found = codes(coded["spoke_by_phone"])
    assert ("051", "CHL", "PER") in found
    assert any(c == "041" and {s, t} == {"CHL", "PER"} for c, s, t in found)


def test_unnamed_police_are_the_home_states(coded):
    arrests = [e for e in coded["home_state"] if e["cameo"] == "173"]
    assert arrests and sides(arrests[0])[0] == "GEO"


def test_a_reaction_to_an_unowned_act_of_state_targets_the_home_state(coded):
    condemned = [e for e in coded["home_state"] if e["root"] == "11"]
    assert [sides(e) for e in condemned] == [("FRA", "GEO")]
    assert "vote" in condemned[0]["why"]["target_how"]


def test_an_act_of_state_is_not_where_the_reaction_was_told(coded):
    condemned = [e for e in coded["spoke_abroad"] if e["root"] == "11"]
    assert [sides(e) for e in condemned] == [("FRA", "GEO")]


def test_a_deal_signed_in_a_place_is_the_signatories_with_each_other(coded):
    deals = [e for e in coded["signed_in"] if e["cameo"] == "057"]
    assert deals and all(sorted(sides(e)) == ["CHL", "PER"] for e in deals)


def test_a_judged_attack_refers_back_to_its_author(coded):
    assert ("111", "FRA", "RUS") in codes(coded["judged_attack"])


@pytest.mark.parametrize("key", ["threat_if", "threat_unless"])
def test_a_threat_is_made_to_the_subject_of_its_condition(coded, key):
    threats = [e for e in coded[key] if e["root"] == "13"]
    assert threats and all(sides(e) == ("CHL", "PER") for e in threats)
    assert "condition" in threats[0]["why"]["target_how"]


def test_soldiers_from_a_country_are_its_own(coded):
    assert any(sides(e)[0] == "PER" for e in coded["soldiers_from"])


def test_a_refused_act_s_beneficiary_is_the_target(coded):
    assert [sides(e) for e in coded["refused_aid_to"] if e["root"] == "12"] == [("CHL", "PER")]


def test_what_a_protest_defies_is_its_target(coded):
    assert [sides(e) for e in coded["defiance_of"] if e["root"] == "14"] == [("PER", "CHL")]


def test_a_surname_alone_is_the_one_person_of_that_name(coded):
    (event,) = [e for e in coded["surname"] if e["root"] == "12"]
    assert event["source"]["country"] == "ZWE"


def test_taking_someone_s_side_supports_them(coded):
    assert ("051", "CHL", "PER") in codes(coded["took_side"])


def test_names_the_parser_hung_on_a_list_before_a_verb_without_subject_are_its_subject(coded):
    # the parser makes "Santiago and Lima" conjuncts of "Brasilia" and "agreed" subjectless
    assert ("032", "CHL", "PER") in codes(coded["names_on_a_list"])


def test_under_a_national_mediation_the_mediator_mediates_between_the_parties(coded):
    assert {("032", "CHL", "PER"), ("045", "BRA", "CHL"), ("045", "BRA", "PER")} <= codes(coded["under_mediation"])


def test_leading_a_mediation_is_mediating(coded):
    assert [e["cameo"] for e in coded["led_mediation"]] == ["045"]


def test_an_owned_act_is_its_owners(coded):
    assert ("111", "FRA", "PER") in codes(coded["owned_act"])


def test_a_noun_for_two_sides_gives_both_and_the_venue_is_no_side(coded):
    assert [(e["cameo"], *sides(e)) for e in coded["negotiators_for"]] == [("040", "CHL", "PER")]


def test_a_delegation_is_the_one_who_leads_it(coded):
    meeting = next(e for e in coded["delegation_led_by"] if e["root"] == "04")
    assert sides(meeting) == ("CHL", "PER") and meeting["target"]["text"] != "delegation"


def test_the_islamic_republic_is_iran(coded):
    assert ("051", "CHL", "IRN") in codes(coded["islamic_republic"])


@pytest.mark.parametrize("sid", ["crowd_gathered", "crowds_filled", "came_back"])
def test_protesters_who_gather_demonstrate(coded, sid):
    protests = [e for e in coded[sid] if e["cameo"] == "141"]
    assert protests and protests[0]["why"]["rule"] == "grammar:crowd"


def test_a_crowd_that_only_watches_is_no_protest(coded):
    assert not [e for e in coded["crowd_watched"] if e["root"] == "14"]


def test_beating_a_rival_in_a_runoff_is_no_assault(coded):
    assert not [e for e in coded["beat_in_runoff"] if e["root"] == "18"]


def test_addressing_someone_with_warm_words_is_praise(coded):
    assert ("051", "CHL", "PER") in codes(coded["addressed_as"])


@pytest.mark.parametrize("sid,cameo", [("crowd_blocked", "144"), ("crowd_stormed", "145"),
                                       ("crowd_wrecked", "145"), ("crowd_accused", "145")])
def test_a_crowds_force_is_a_violent_protest(coded, sid, cameo):
    assert cameo in {e["cameo"] for e in coded[sid]}
    assert not [e for e in coded[sid] if e["root"] in ("18", "19", "20")]


def test_a_crowd_beating_a_person_is_an_assault(coded):
    assert [e["root"] for e in coded["mob_beat"]] == ["18"]


def test_a_weapon_as_subject_codes_by_the_weapon(coded):
    strike = next(e for e in coded["missile_flattened"] if e["root"] >= "17")
    assert strike["cameo"] == "195" and sides(strike) == ("CHL", "PER")
    assert any("weapon" in step for step in strike["why"]["steps"])


def test_a_note_of_protest_is_an_official_complaint(coded):
    assert [(e["cameo"], *sides(e)) for e in coded["protest_note"]] == [("114", "CHL", "PER")]


@pytest.mark.parametrize("sid,kept", [("blamed_for", {"11"}), ("after_battles", {"08"}),
                                      ("in_retaliation", {"13"}), ("suspected_of", {"03"}),
                                      ("accused_of_several", {"11"}), ("admission_that", {"10"})])
def test_causes_occasions_and_allegations_are_no_events_of_their_own(coded, sid, kept):
    assert {e["root"] for e in coded[sid]} == kept


def test_a_joint_agreement_on_a_thing_is_the_parties_with_each_other(coded):
    agreements = [e for e in coded["agreed_pact"] if e["root"] in ("03", "05", "06")]
    assert [sorted(sides(e)) for e in agreements] == [["CHL", "PER"]]


def test_congratulations_without_a_target_go_to_whom_the_article_congratulated(coded):
    found = codes(coded["congratulations_follow"])
    assert ("051", "BOL", "PER") in found
    bolivian = next(e for e in coded["congratulations_follow"] if sides(e)[0] == "BOL")
    assert "congratulations went to before" in bolivian["why"]["target_how"]


def test_first_congratulations_without_a_target_keep_none(coded):
    assert [sides(e) for e in coded["congratulations_first"] if e["root"] == "05"] == [("BOL", None)]


def test_the_delegation_is_the_one_the_article_told_of(coded):
    talks = [e for e in coded["the_delegation"] if e["root"] == "04" and "BOL" in sides(e)]
    assert talks and all(set(sides(e)) == {"BOL", "PER"} for e in talks)


def test_a_hyphenated_verb_stays_one_word_and_codes(coded):
    assert ("051", "PER", "PER") in codes(coded["re_elected"])


def test_an_announced_election_result_is_a_statement_about_the_winner(coded):
    result = [e for e in coded["result_said"] if e["cameo"] == "010"]
    assert result and result[0]["why"]["rule"] == "grammar:result" and sides(result[0])[1] == "PER"
    assert not [e for e in coded["won_argument"] if e["cameo"] == "010"]


def test_plans_told_with_be_to_or_a_reported_would_are_intents(coded):
    planned = [e for e in coded["are_to_meet"] if e["cameo"] == "036"]
    assert [sorted(sides(e)) for e in planned] == [["CHL", "PER"]]  # "their": the parties just named
    assert [e["cameo"] for e in coded["stipulated_would"]] == ["036"]
    # told by a document, "their" is still the parties'
    planned = [e for e in coded["are_to_meet_statement"] if e["cameo"] == "036"]
    assert [sorted(sides(e)) for e in planned] == [["CHL", "PER"]]


def test_a_present_perfect_takes_no_date_from_an_earlier_occasion(coded):
    later = [e for e in coded["present_no_anchor"] if sides(e)[0] == "BOL"]
    assert later and all(e["date"] is None for e in later)


def test_a_time_that_dates_a_noun_is_not_the_events(coded):
    urged = [e for e in coded["possessive_time"] if e["root"] == "02"]
    assert urged and all(e["date"] == "2023-05-03" for e in urged)  # the occasion told, not April's battle


def test_hitting_back_is_criticism(coded):
    assert ("111", "PER", "CHL") in codes(coded["hit_back"])


def test_a_hope_said_is_an_optimistic_comment(coded):
    assert [(e["cameo"], sides(e)[0]) for e in coded["hoped"]] == [("013", "BOL")]


def test_a_reporter_who_also_calls_something_is_the_one_who_judges(coded):
    judged = [e for e in coded["said_and_called"] if e["cameo"] == "111"]
    assert judged and sides(judged[0])[0] == "CHL"


def test_saying_someone_is_a_judging_word_judges_them(coded):
    assert ("051", "PER", "CHL") in codes(coded["said_model"])
    assert ("111", "CHL", "PER") in codes(coded["said_not_fair"])  # a negated positive judges badly
    assert not [e for e in coded["said_when"] if e["root"] in ("05", "11")]


def test_a_sentence_without_an_event_still_dates_the_occasion_told_next(coded):
    result = [e for e in coded["occasion_without_event"] if e["cameo"] == "010"]
    assert result and result[0]["date"] == "2023-05-28"  # Sunday before the Monday of publication


def test_a_today_inside_a_quotation_is_not_the_publication_day(coded):
    thanks = [e for e in coded["quoted_today"] if e["root"] == "05"]
    assert thanks and all(e["date"] == "2023-05-03" for e in thanks)


def test_an_election_won_is_the_electorates_support(coded):
    wins = [e for e in coded["won_runoff"] if e["why"]["rule"] == "grammar:election"]
    assert [(e["cameo"], *sides(e)) for e in wins] == [("051", "PER", "PER")]
    assert not [e for e in coded["beat_boxer"] if e["why"]["rule"] == "grammar:election"]


def test_the_two_men_are_the_pair_just_named(coded):
    signed = [e for e in coded["the_two_men"] if e["root"] == "05"]
    assert [sorted(sides(e)) for e in signed] == [["CHL", "PER"]]


def test_keeping_someone_informed_is_sharing_information_once(coded):
    assert [(e["cameo"], *sides(e)) for e in coded["kept_informed"]] == [("064", "CHL", "PER")]


def test_judging_ones_own_act_judges_its_partner(coded):
    assert ("051", "CHL", "PER") in codes(coded["own_talks"])


def test_unnamed_voters_are_the_home_countrys(coded):
    assert ("051", "PER", "PER") in codes(coded["voters_home"])


def test_unnamed_protesters_are_the_home_countrys_and_a_relative_clause_s_place_is_not_the_events(coded):
    # Madrid is where the president spent the week, told in a relative clause: not where she sided
    assert ("051", "PER", "PER") in codes(coded["protesters_home"])
    assert not any((e.get("place") or {}).get("name") == "Madrid" or "ESP" in sides(e)
                   for e in coded["protesters_home"])


def test_a_deed_named_by_a_bare_noun_is_whoever_did_the_latest_deed(coded):
    # the Bolivian welcome is of Peru's withdrawal, not of the Chilean praise just before it
    assert {("051", "CHL", "PER"), ("051", "BOL", "PER")} <= codes(coded["welcomed_move"])


def test_a_bad_development_is_criticism(coded):
    assert ("111", "CHL", "PER") in codes(coded["bad_development"])


def test_a_victory_and_congratulations_go_to_the_winner_told(coded):
    events = coded["victory_told"]
    winner = next(e for e in events if e["why"]["rule"] == "grammar:election")["target"]["text"]
    for country in ("CHL", "BOL"):
        praise = [e for e in events if e["root"] == "05" and sides(e)[0] == country]
        assert praise and all((e["target"] or {}).get("text") == winner for e in praise), country


def test_a_times_possessive_is_no_side_of_an_event_noun(coded):
    strikes = [e for e in coded["time_possessive"] if e["root"] >= "18"]
    assert strikes and sides(strikes[0]) == ("CHL", "PER")


def test_extending_rule_by_beating_a_rival_in_a_runoff_is_a_win(coded):
    assert [e["why"]["rule"] for e in coded["won_by_beating"]] == ["grammar:election"]


def test_a_rejected_accusation_is_the_other_sides(coded):
    rejected = [e for e in coded["rejected_other_side"] if e["root"] == "12" or e["cameo"].startswith("01")]
    assert rejected and all(sides(e) == ("CHL", "PER") for e in rejected)


def test_crediting_someone_with_help_is_praise(coded):
    assert ("051", "PER", "CHL") in codes(coded["credited"])
    assert not [e for e in coded["not_credited"] if e["root"] == "05"]


def test_an_object_pronoun_is_not_its_clauses_subject(coded):
    calls = [e for e in coded["object_pronoun"] if e["cameo"] == "041"]
    assert [{e["source"]["text"], e["target"]["text"]} for e in calls] == [{"Ana Ruiz", "Luis Vega"}]


def test_a_quoted_complement_parsed_apart_still_judges(coded):
    assert [(e["cameo"], sides(e)[0]) for e in coded["quoted_apart"] if e["root"] == "05"] == [("051", "CHL")]


def test_conceding_with_nothing_named_is_conceding_defeat(coded):
    assert [e["cameo"] for e in coded["conceded"]] == ["0831"]
    assert [e["cameo"] for e in coded["conceded_that"]] == ["015"]


def test_one_phrase_on_both_sides_is_one_actor_whatever_country_one_copy_gained():
    from newsgraph.events import _same
    from newsgraph.records import EventActor

    assert _same(EventActor("masked protesters", None, "OPP"), EventActor("masked protesters", "GRC", "OPP"))
    # "Hungarian and Romanian officials": one phrase, two countries, two sides
    assert not _same(EventActor("officials", "HUN", "GOV"), EventActor("officials", "ROU", "GOV"))


def test_a_message_among_congratulations_is_one_of_them(coded):
    assert ("051", "CHL", "PER") in codes(coded["message_amid"])
    assert ("051", "QAT", "PER") in codes(coded["wrote_amid"])
    assert not [e for e in coded["message_alone"] if e["why"]["rule"] == "grammar:message"]


def test_the_officials_after_two_parties_are_each_partys(coded):
    planned = [e for e in coded["the_ministers"] if e["cameo"] == "036"]
    assert [sorted(sides(e)) for e in planned] == [["CHL", "PER"]]
    assert all(e["source"]["sector"] == "GOV" for e in planned)


def test_gratitude_goes_to_whom_it_is_expressed_to(coded):
    assert ("051", "CHL", "PER") in codes(coded["gratitude_to"])
    assert ("051", "CHL", "PER") in codes(coded["gratitude_for"])


def test_a_contest_judged_is_the_states(coded):
    assert ("111", "PER", "PER") in codes(coded["called_contest"])


def test_what_it_called_is_the_judgement_of_whoever_condemned(coded):
    assert ("111", "CHL", "PER") in codes(coded["condemnation_of_what"])


def test_a_group_of_a_countrys_army_is_that_countrys(coded):
    assert ("051", "FRA", "PER") in codes(coded["commanders_of"])


def test_you_in_a_quotation_is_whom_it_was_told_to(coded):
    assert ("051", "CHL", "PER") in codes(coded["told_you"])


def test_what_someone_called_is_what_was_praised_whatever_the_naming_judges(coded):
    assert ("051", "CHL", "PER") in codes(coded["praised_what"])


def test_a_past_act_joined_to_a_reported_present_is_the_reporters(coded):
    # "stressed that the border remains open and praised ...": the president praised
    assert ("051", "CHL", "PER") in codes(coded["stressed_and_praised"])


def test_a_rejected_proposal_is_its_makers_and_what_it_asks_did_not_happen(coded):
    # "rejected a United Nations appeal for deploying troops": rejects the UN; no deployment
    assert [e["cameo"][:2] for e in coded["rejected_appeal"]] == ["12"]
    assert coded["rejected_appeal"][0]["target"]["text"] == "United Nations"
    assert [e["cameo"][:2] for e in coded["rejected_call"]] == ["12"]


def test_what_is_refused_imposes_nothing(coded):
    # "refusing to lift the curfew": a refusal, not the imposition of a curfew (1723)
    assert [e["cameo"][:2] for e in coded["refused_to_lift"]] == ["12"]


def test_what_is_asked_or_proposed_however_deep_in_its_clause_did_not_happen(coded):
    # "said that Peru must be ready to mediate": the demand only, no mediation
    assert [e["cameo"][:2] for e in coded["must_be_ready"]] == ["10"]
    # "a resolution that aims to tighten sanctions and impose a blockade": no blockade imposed
    assert not any(e["cameo"][:2] == "17" for e in coded["resolution_aims"])


def test_what_is_agreed_through_an_uncoded_verb_did_not_happen(coded):
    # "agreed to undertake joint exercises", "agreed to postpone the demonstration": the agreement
    assert [e["cameo"][:2] for e in coded["agreed_to_undertake"]] == ["03"]
    assert [e["cameo"][:2] for e in coded["agreed_to_postpone"]] == ["03"]


def test_what_a_protest_demands_is_the_protests(coded):
    assert [e["cameo"][:2] for e in coded["rally_demanding"]] == ["14"]
