#!/usr/bin/env python3
"""Build src/newsgraph/data/actors.json.gz from the Phoenix CAMEO dictionaries.

Usage: python scripts/build_actors.py [PHOENIX_DIR] [--out PATH]

PHOENIX_DIR (default ../shared/reference/cameo/phoenix_dictionaries beside the
checkout) holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (TABARI/PETRARCH format,
petrarch2, MIT, Open Event Data Alliance). Names and codes are carried over as
facts; entries are normalised to readable names, ISO 3166 alpha-3 countries and
CAMEO sectors. The hand-written tables below add what Phoenix lacks or mis-codes:
every ISO country with its names and demonyms, international organisations,
Middle East organisations and armed groups, office holders of 2013-2022 with
dated roles, and a few role words. They win over Phoenix where both speak.

The output is deterministic (sorted, one record per line, gzip without a
timestamp); about 6.8 MB of JSON, 0.9 MB compressed.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.kb.model import Actor, Agent, Country, Role  # noqa: E402
from newsgraph.kb.normalize import key, slug  # noqa: E402
from newsgraph.kb.petrarch import (  # noqa: E402
    entry_to_actor, first_names_of, parse_actors, parse_agents)

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "cameo" / "phoenix_dictionaries"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data" / "actors.json.gz"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

# ISO 3166-1 alpha-3 | short name | other names | demonyms and adjectives.
# Kosovo uses the widely used user-assigned XKX; the last five rows are former
# countries (ISO 3166-3) that the dictionaries code.
COUNTRIES = """
AFG | Afghanistan | Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan | Afghan
ALA | Åland Islands | Aland; Åland | Ålander; Alandic
ALB | Albania | Republic of Albania | Albanian
DZA | Algeria | People's Democratic Republic of Algeria | Algerian
ASM | American Samoa | | American Samoan
AND | Andorra | Principality of Andorra | Andorran
AGO | Angola | Republic of Angola | Angolan
AIA | Anguilla | | Anguillan
ATA | Antarctica | | Antarctic
ATG | Antigua and Barbuda | Antigua | Antiguan; Barbudan
ARG | Argentina | Argentine Republic | Argentine; Argentinian; Argentinean
ARM | Armenia | Republic of Armenia | Armenian
ABW | Aruba | | Aruban
AUS | Australia | Commonwealth of Australia | Australian
AUT | Austria | Republic of Austria | Austrian
AZE | Azerbaijan | Republic of Azerbaijan | Azerbaijani; Azeri
BHS | Bahamas | The Bahamas; Commonwealth of The Bahamas | Bahamian
BHR | Bahrain | Kingdom of Bahrain | Bahraini
BGD | Bangladesh | People's Republic of Bangladesh | Bangladeshi
BRB | Barbados | | Barbadian; Bajan
BLR | Belarus | Republic of Belarus; Byelorussia | Belarusian; Belarussian
BEL | Belgium | Kingdom of Belgium | Belgian
BLZ | Belize | | Belizean
BEN | Benin | Republic of Benin | Beninese
BMU | Bermuda | | Bermudian; Bermudan
BTN | Bhutan | Kingdom of Bhutan | Bhutanese
BOL | Bolivia | Plurinational State of Bolivia | Bolivian
BES | Bonaire, Sint Eustatius and Saba | Caribbean Netherlands; Bonaire | Bonairean
BIH | Bosnia and Herzegovina | Bosnia; Bosnia-Herzegovina | Bosnian; Herzegovinian; Bosniak
BWA | Botswana | Republic of Botswana | Botswanan; Motswana; Batswana
BVT | Bouvet Island | |
BRA | Brazil | Federative Republic of Brazil | Brazilian
IOT | British Indian Ocean Territory | Chagos Islands; Diego Garcia | Chagossian
BRN | Brunei | Brunei Darussalam | Bruneian
BGR | Bulgaria | Republic of Bulgaria | Bulgarian
BFA | Burkina Faso | | Burkinabe; Burkinabé
BDI | Burundi | Republic of Burundi | Burundian
CPV | Cabo Verde | Cape Verde; Republic of Cabo Verde | Cape Verdean; Cabo Verdean
KHM | Cambodia | Kingdom of Cambodia | Cambodian; Khmer
CMR | Cameroon | Republic of Cameroon | Cameroonian
CAN | Canada | | Canadian
CYM | Cayman Islands | | Caymanian
CAF | Central African Republic | | Central African
TCD | Chad | Republic of Chad | Chadian
CHL | Chile | Republic of Chile | Chilean
CHN | China | People's Republic of China; PRC; Mainland China | Chinese
CXR | Christmas Island | | Christmas Islander
CCK | Cocos (Keeling) Islands | Cocos Islands; Keeling Islands | Cocos Islander
COL | Colombia | Republic of Colombia | Colombian
COM | Comoros | Union of the Comoros | Comoran; Comorian
COG | Republic of the Congo | Congo; Congo-Brazzaville; Congo Brazzaville | Congolese (Brazzaville)
COD | Democratic Republic of the Congo | DR Congo; DRC; D.R. Congo; Congo-Kinshasa; Congo Kinshasa; Zaire | Congolese
COK | Cook Islands | | Cook Islander
CRI | Costa Rica | Republic of Costa Rica | Costa Rican
CIV | Côte d'Ivoire | Ivory Coast; Cote d'Ivoire | Ivorian
HRV | Croatia | Republic of Croatia | Croatian; Croat
CUB | Cuba | Republic of Cuba | Cuban
CUW | Curaçao | Curacao | Curaçaoan; Curacaoan
CYP | Cyprus | Republic of Cyprus | Cypriot
CZE | Czechia | Czech Republic | Czech
DNK | Denmark | Kingdom of Denmark | Danish; Dane
DJI | Djibouti | Republic of Djibouti | Djiboutian
DMA | Dominica | Commonwealth of Dominica |
DOM | Dominican Republic | | Dominican
ECU | Ecuador | Republic of Ecuador | Ecuadorian; Ecuadorean
EGY | Egypt | Arab Republic of Egypt | Egyptian
SLV | El Salvador | Republic of El Salvador | Salvadoran; Salvadorean
GNQ | Equatorial Guinea | Republic of Equatorial Guinea | Equatorial Guinean; Equatoguinean
ERI | Eritrea | State of Eritrea | Eritrean
EST | Estonia | Republic of Estonia | Estonian
SWZ | Eswatini | Swaziland; Kingdom of Eswatini | Swazi; Emaswati
ETH | Ethiopia | Federal Democratic Republic of Ethiopia | Ethiopian
FLK | Falkland Islands | Falklands; Malvinas | Falkland Islander
FRO | Faroe Islands | Faroes | Faroese
FJI | Fiji | Republic of Fiji | Fijian
FIN | Finland | Republic of Finland | Finnish; Finn
FRA | France | French Republic | French; Frenchman; Frenchwoman
GUF | French Guiana | | French Guianese
PYF | French Polynesia | Tahiti | French Polynesian; Tahitian
ATF | French Southern Territories | French Southern and Antarctic Lands |
GAB | Gabon | Gabonese Republic | Gabonese
GMB | Gambia | The Gambia; Republic of The Gambia | Gambian
GEO | Georgia | | Georgian
DEU | Germany | Federal Republic of Germany | German
GHA | Ghana | Republic of Ghana | Ghanaian
GIB | Gibraltar | | Gibraltarian
GRC | Greece | Hellenic Republic | Greek; Hellenic
GRL | Greenland | | Greenlandic; Greenlander
GRD | Grenada | | Grenadian
GLP | Guadeloupe | | Guadeloupean
GUM | Guam | | Guamanian; Chamorro
GTM | Guatemala | Republic of Guatemala | Guatemalan
GGY | Guernsey | Bailiwick of Guernsey | Guernsey
GIN | Guinea | Republic of Guinea; Guinea-Conakry | Guinean
GNB | Guinea-Bissau | Guinea Bissau; Republic of Guinea-Bissau | Bissau-Guinean
GUY | Guyana | Co-operative Republic of Guyana | Guyanese
HTI | Haiti | Republic of Haiti | Haitian
HMD | Heard Island and McDonald Islands | |
VAT | Holy See | Vatican; Vatican City; Vatican City State | Vatican
HND | Honduras | Republic of Honduras | Honduran
HKG | Hong Kong | Hong Kong SAR | Hongkonger; Hong Konger
HUN | Hungary | | Hungarian; Magyar
ISL | Iceland | | Icelandic; Icelander
IND | India | Republic of India; Bharat | Indian
IDN | Indonesia | Republic of Indonesia | Indonesian
IRN | Iran | Islamic Republic of Iran; Persia | Iranian; Persian
IRQ | Iraq | Republic of Iraq | Iraqi
IRL | Ireland | Republic of Ireland; Eire | Irish
IMN | Isle of Man | | Manx
ISR | Israel | State of Israel | Israeli
ITA | Italy | Italian Republic | Italian
JAM | Jamaica | | Jamaican
JPN | Japan | | Japanese
JEY | Jersey | Bailiwick of Jersey | Jerseyman; Jersian
JOR | Jordan | Hashemite Kingdom of Jordan | Jordanian
KAZ | Kazakhstan | Republic of Kazakhstan | Kazakhstani; Kazakh
KEN | Kenya | Republic of Kenya | Kenyan
KIR | Kiribati | Republic of Kiribati | I-Kiribati
PRK | North Korea | Democratic People's Republic of Korea; DPRK | North Korean
KOR | South Korea | Republic of Korea; ROK | South Korean
KWT | Kuwait | State of Kuwait | Kuwaiti
KGZ | Kyrgyzstan | Kyrgyz Republic; Kirghizia | Kyrgyzstani; Kyrgyz
LAO | Laos | Lao People's Democratic Republic; Lao PDR | Laotian; Lao
LVA | Latvia | Republic of Latvia | Latvian
LBN | Lebanon | Lebanese Republic | Lebanese
LSO | Lesotho | Kingdom of Lesotho | Basotho; Mosotho
LBR | Liberia | Republic of Liberia | Liberian
LBY | Libya | State of Libya | Libyan
LIE | Liechtenstein | Principality of Liechtenstein | Liechtensteiner
LTU | Lithuania | Republic of Lithuania | Lithuanian
LUX | Luxembourg | Grand Duchy of Luxembourg | Luxembourgish; Luxembourger
MAC | Macao | Macau; Macao SAR | Macanese
MDG | Madagascar | Republic of Madagascar | Malagasy
MWI | Malawi | Republic of Malawi | Malawian
MYS | Malaysia | | Malaysian
MDV | Maldives | Republic of Maldives | Maldivian
MLI | Mali | Republic of Mali | Malian
MLT | Malta | Republic of Malta | Maltese
MHL | Marshall Islands | Republic of the Marshall Islands | Marshallese
MTQ | Martinique | | Martiniquais
MRT | Mauritania | Islamic Republic of Mauritania | Mauritanian
MUS | Mauritius | Republic of Mauritius | Mauritian
MYT | Mayotte | | Mahoran
MEX | Mexico | United Mexican States | Mexican
FSM | Micronesia | Federated States of Micronesia | Micronesian
MDA | Moldova | Republic of Moldova | Moldovan
MCO | Monaco | Principality of Monaco | Monegasque; Monacan
MNG | Mongolia | | Mongolian
MNE | Montenegro | | Montenegrin
MSR | Montserrat | | Montserratian
MAR | Morocco | Kingdom of Morocco | Moroccan
MOZ | Mozambique | Republic of Mozambique | Mozambican
MMR | Myanmar | Burma; Republic of the Union of Myanmar | Burmese; Myanmarese
NAM | Namibia | Republic of Namibia | Namibian
NRU | Nauru | Republic of Nauru | Nauruan
NPL | Nepal | Federal Democratic Republic of Nepal | Nepali; Nepalese
NLD | Netherlands | Kingdom of the Netherlands; Holland; The Netherlands | Dutch; Netherlander
NCL | New Caledonia | | New Caledonian
NZL | New Zealand | Aotearoa | New Zealander; Kiwi
NIC | Nicaragua | Republic of Nicaragua | Nicaraguan
NER | Niger | Republic of the Niger | Nigerien
NGA | Nigeria | Federal Republic of Nigeria | Nigerian
NIU | Niue | | Niuean
NFK | Norfolk Island | | Norfolk Islander
MKD | North Macedonia | Macedonia; Republic of North Macedonia; FYROM | Macedonian; North Macedonian
MNP | Northern Mariana Islands | | Northern Marianan
NOR | Norway | Kingdom of Norway | Norwegian
OMN | Oman | Sultanate of Oman | Omani
PAK | Pakistan | Islamic Republic of Pakistan | Pakistani
PLW | Palau | Republic of Palau | Palauan
PSE | Palestine | State of Palestine; Palestinian Territories; Occupied Palestinian Territories; Gaza; Gaza Strip; West Bank | Palestinian; Gazan
PAN | Panama | Republic of Panama | Panamanian
PNG | Papua New Guinea | | Papua New Guinean; Papuan
PRY | Paraguay | Republic of Paraguay | Paraguayan
PER | Peru | Republic of Peru | Peruvian
PHL | Philippines | Republic of the Philippines; The Philippines | Filipino; Philippine; Filipina
PCN | Pitcairn | Pitcairn Islands | Pitcairn Islander
POL | Poland | Republic of Poland | Polish; Pole
PRT | Portugal | Portuguese Republic | Portuguese
PRI | Puerto Rico | | Puerto Rican
QAT | Qatar | State of Qatar | Qatari
REU | Réunion | Reunion | Réunionese; Reunionese
ROU | Romania | Rumania | Romanian
RUS | Russia | Russian Federation | Russian
RWA | Rwanda | Republic of Rwanda | Rwandan
BLM | Saint Barthélemy | Saint Barthelemy; St. Barts | Barthélemois
SHN | Saint Helena, Ascension and Tristan da Cunha | Saint Helena; St Helena | Saint Helenian
KNA | Saint Kitts and Nevis | St Kitts and Nevis; Federation of Saint Kitts and Nevis | Kittitian; Nevisian
LCA | Saint Lucia | St Lucia | Saint Lucian
MAF | Saint Martin | Saint-Martin | Saint-Martinoise
SPM | Saint Pierre and Miquelon | | Saint-Pierrais; Miquelonnais
VCT | Saint Vincent and the Grenadines | St Vincent and the Grenadines; Saint Vincent | Vincentian
WSM | Samoa | Independent State of Samoa | Samoan
SMR | San Marino | Republic of San Marino | Sammarinese
STP | Sao Tome and Principe | São Tomé and Príncipe | Sao Tomean; São Toméan
SAU | Saudi Arabia | Kingdom of Saudi Arabia; KSA | Saudi; Saudi Arabian
SEN | Senegal | Republic of Senegal | Senegalese
SRB | Serbia | Republic of Serbia | Serbian; Serb
SYC | Seychelles | Republic of Seychelles | Seychellois
SLE | Sierra Leone | Republic of Sierra Leone | Sierra Leonean
SGP | Singapore | Republic of Singapore | Singaporean
SXM | Sint Maarten | | Sint Maartener
SVK | Slovakia | Slovak Republic | Slovak; Slovakian
SVN | Slovenia | Republic of Slovenia | Slovenian; Slovene
SLB | Solomon Islands | | Solomon Islander
SOM | Somalia | Federal Republic of Somalia | Somali; Somalian
ZAF | South Africa | Republic of South Africa | South African
SGS | South Georgia and the South Sandwich Islands | South Georgia |
SSD | South Sudan | Republic of South Sudan | South Sudanese
ESP | Spain | Kingdom of Spain | Spanish; Spaniard
LKA | Sri Lanka | Democratic Socialist Republic of Sri Lanka; Ceylon | Sri Lankan
SDN | Sudan | Republic of the Sudan; The Sudan | Sudanese
SUR | Suriname | Republic of Suriname; Surinam | Surinamese
SJM | Svalbard and Jan Mayen | Svalbard |
SWE | Sweden | Kingdom of Sweden | Swedish; Swede
CHE | Switzerland | Swiss Confederation | Swiss
SYR | Syria | Syrian Arab Republic | Syrian
TWN | Taiwan | Republic of China; Chinese Taipei | Taiwanese
TJK | Tajikistan | Republic of Tajikistan | Tajikistani; Tajik
TZA | Tanzania | United Republic of Tanzania | Tanzanian
THA | Thailand | Kingdom of Thailand; Siam | Thai
TLS | Timor-Leste | East Timor; Democratic Republic of Timor-Leste | Timorese; East Timorese
TGO | Togo | Togolese Republic | Togolese
TKL | Tokelau | | Tokelauan
TON | Tonga | Kingdom of Tonga | Tongan
TTO | Trinidad and Tobago | Trinidad | Trinidadian; Tobagonian
TUN | Tunisia | Republic of Tunisia | Tunisian
TUR | Turkey | Türkiye; Turkiye; Republic of Turkey; Republic of Türkiye | Turkish; Turk
TKM | Turkmenistan | | Turkmen; Turkmenistani
TCA | Turks and Caicos Islands | Turks and Caicos | Turks and Caicos Islander
TUV | Tuvalu | | Tuvaluan
UGA | Uganda | Republic of Uganda | Ugandan
UKR | Ukraine | | Ukrainian
ARE | United Arab Emirates | UAE; U.A.E.; Emirates | Emirati; Emirian
GBR | United Kingdom | United Kingdom of Great Britain and Northern Ireland; UK; U.K.; Britain; Great Britain | British; Briton; Brit
USA | United States | United States of America; US; U.S.; USA; U.S.A.; America | American; U.S.; US
UMI | United States Minor Outlying Islands | |
URY | Uruguay | Oriental Republic of Uruguay | Uruguayan
UZB | Uzbekistan | Republic of Uzbekistan | Uzbekistani; Uzbek
VUT | Vanuatu | Republic of Vanuatu | Ni-Vanuatu; Vanuatuan
VEN | Venezuela | Bolivarian Republic of Venezuela | Venezuelan
VNM | Vietnam | Viet Nam; Socialist Republic of Vietnam | Vietnamese
VGB | British Virgin Islands | Virgin Islands (British) | British Virgin Islander
VIR | United States Virgin Islands | Virgin Islands (U.S.); US Virgin Islands | U.S. Virgin Islander
WLF | Wallis and Futuna | | Wallisian; Futunan
ESH | Western Sahara | Sahrawi Arab Democratic Republic | Sahrawi; Sahrawian
YEM | Yemen | Republic of Yemen | Yemeni; Yemenite
ZMB | Zambia | Republic of Zambia | Zambian
ZWE | Zimbabwe | Republic of Zimbabwe | Zimbabwean
XKX | Kosovo | Republic of Kosovo | Kosovar; Kosovan
SUN | Soviet Union | USSR; U.S.S.R.; Union of Soviet Socialist Republics | Soviet
YUG | Yugoslavia | Federal Republic of Yugoslavia; Socialist Federal Republic of Yugoslavia | Yugoslav; Yugoslavian
DDR | East Germany | German Democratic Republic; GDR | East German
CSK | Czechoslovakia | Czechoslovak Socialist Republic | Czechoslovak; Czechoslovakian
SCG | Serbia and Montenegro | State Union of Serbia and Montenegro |
"""

# Actors: name | type | country | sector | aliases | wikidata, followed by their
# roles: "> title | country | sector | start | end" ("-" is none; end is the
# first day out of office; YYYY or YYYY-MM where only that much is certain).
ACTORS = """
# International and regional organisations
United Nations | ORG | - | IGO | UN; U.N.; UNO; The United Nations; United Nations Organization
United Nations Security Council | ORG | - | IGO | UN Security Council; U.N. Security Council; Security Council; UNSC; the Security Council
United Nations General Assembly | ORG | - | IGO | UN General Assembly; U.N. General Assembly; General Assembly; UNGA
United Nations Secretariat | ORG | - | IGO | UN Secretariat
United Nations Human Rights Council | ORG | - | IGO | UN Human Rights Council; UNHRC; Human Rights Council
Office of the United Nations High Commissioner for Human Rights | ORG | - | IGO | OHCHR; UN Human Rights Office; UN human rights office
United Nations High Commissioner for Refugees | ORG | - | IGO | UNHCR; UN Refugee Agency; UN refugee agency
United Nations Children's Fund | ORG | - | IGO | UNICEF
United Nations Educational, Scientific and Cultural Organization | ORG | - | IGO | UNESCO
United Nations Relief and Works Agency for Palestine Refugees in the Near East | ORG | - | IGO | UNRWA
World Food Programme | ORG | - | IGO | WFP; World Food Program; UN World Food Programme
World Health Organization | ORG | - | IGO | WHO; World Health Organisation
International Atomic Energy Agency | ORG | - | IGO | IAEA; UN nuclear watchdog
International Court of Justice | ORG | - | IGO | ICJ; World Court
International Criminal Court | ORG | - | IGO | ICC
International Monetary Fund | ORG | - | IGO | IMF
World Bank | ORG | - | IGO | World Bank Group
World Trade Organization | ORG | - | IGO | WTO
Organization of Islamic Cooperation | ORG | - | IGO | OIC; Organisation of Islamic Cooperation; Organisation of the Islamic Conference; Organization of the Islamic Conference
European Union | ORG | - | IGO | EU; E.U.
European Commission | ORG | - | IGO | EU Commission
European Council | ORG | - | IGO |
European Parliament | ORG | - | IGO | EU Parliament
Arab League | ORG | - | IGO | League of Arab States
North Atlantic Treaty Organization | ORG | - | IGO | NATO; North Atlantic Alliance; Atlantic Alliance
African Union | ORG | - | IGO | AU
Gulf Cooperation Council | ORG | - | IGO | GCC; Cooperation Council for the Arab States of the Gulf
Association of Southeast Asian Nations | ORG | - | IGO | ASEAN
Organization of the Petroleum Exporting Countries | ORG | - | IGO | OPEC
Organization for Security and Co-operation in Europe | ORG | - | IGO | OSCE
Shanghai Cooperation Organisation | ORG | - | IGO | SCO; Shanghai Cooperation Organization
Interpol | ORG | - | IGO | International Criminal Police Organization
International Committee of the Red Cross | ORG | - | NGO | ICRC; Red Cross
Amnesty International | ORG | - | NGO | Amnesty
Human Rights Watch | ORG | - | NGO | HRW
Doctors Without Borders | ORG | - | NGO | MSF; Medecins Sans Frontieres; Médecins Sans Frontières
# Palestinian, Lebanese, Iranian and other organisations and armed groups
Hamas | ORG | PSE | REB | Islamic Resistance Movement; Harakat al-Muqawama al-Islamiya; HAMAS
Izz ad-Din al-Qassam Brigades | ORG | PSE | REB | Qassam Brigades; al-Qassam Brigades; Ezzedine al-Qassam Brigades; Izz al-Din al-Qassam Brigades
Hamas Political Bureau | ORG | PSE | REB | Hamas politburo; Hamas political bureau
Palestinian Islamic Jihad | ORG | PSE | REB | PIJ; Palestinian Islamic Jihad Movement; Islamic Jihad; Islamic Jihad Movement in Palestine; Harakat al-Jihad al-Islami fi Filastin
Al-Quds Brigades | ORG | PSE | REB | Saraya al-Quds; Quds Brigades
Fatah | ORG | PSE | GOV | Palestine National Liberation Movement; Palestinian National Liberation Movement; Fateh; al-Fatah
Palestine Liberation Organization | ORG | PSE | GOV | PLO; Palestine Liberation Organisation
Palestinian Authority | ORG | PSE | GOV | Palestinian National Authority; PNA
Popular Front for the Liberation of Palestine | ORG | PSE | REB | PFLP
Hezbollah | ORG | LBN | REB | Hizbollah; Hizbullah; Hizballah; Hezbolla; Party of God
Islamic Revolutionary Guard Corps | ORG | IRN | MIL | IRGC; Islamic Revolution Guards Corps; Islamic Revolution Guard Corps; Revolutionary Guards; Iran's Revolutionary Guards; Revolutionary Guard Corps; Sepah; Pasdaran; Army of the Guardians of the Islamic Revolution
Quds Force | ORG | IRN | MIL | IRGC Quds Force; IRGC-QF; Qods Force; Quds Force of the IRGC
Basij | ORG | IRN | MIL | Basij Resistance Force; Basij militia
World Assembly of Islamic Awakening | ORG | IRN | REL | World Assembly of the Islamic Awakening; Islamic Awakening World Assembly
Supreme National Security Council | ORG | IRN | GOV | SNSC; Iran's Supreme National Security Council
Islamic Consultative Assembly | ORG | IRN | LEG | Majlis; Iranian parliament; Majles
Guardian Council | ORG | IRN | GOV | Council of Guardians; Guardian Council of the Constitution
Atomic Energy Organization of Iran | ORG | IRN | GOV | AEOI
Knesset | ORG | ISR | LEG | Israeli parliament
Israel Defense Forces | ORG | ISR | MIL | IDF; Israeli Defense Forces; Israeli army; Tzahal
Mossad | ORG | ISR | SPY | Israeli intelligence agency
Shin Bet | ORG | ISR | SPY | Shabak; Israel Security Agency; ISA
Houthis | ORG | YEM | REB | Ansar Allah; Ansarallah; Houthi movement; Houthi rebels; Huthis
Islamic State | ORG | - | REB | ISIS; ISIL; Daesh; Islamic State of Iraq and the Levant; Islamic State of Iraq and Syria
Al-Qaeda | ORG | - | REB | al-Qaida; al-Qa'ida; Al Qaeda
Taliban | ORG | AFG | REB | Afghan Taliban; Islamic Emirate of Afghanistan
Muslim Brotherhood | ORG | EGY | OPP | Society of the Muslim Brothers; Ikhwan
Popular Mobilization Forces | ORG | IRQ | MIL | PMF; Popular Mobilisation Forces; Hashd al-Shaabi; al-Hashd al-Shaabi; Popular Mobilization Units; PMU
Kataib Hezbollah | ORG | IRQ | REB | Kata'ib Hezbollah; Kataib Hizbullah
Kurdistan Workers' Party | ORG | TUR | REB | PKK; Kurdistan Workers Party
Syrian Democratic Forces | ORG | SYR | REB | SDF
# Iran
Ali Khamenei | PERSON | IRN | GOV | Khamenei; Ayatollah Ali Khamenei; Ayatollah Khamenei; Sayyid Ali Khamenei; Seyed Ali Khamenei; Ali Hosseini Khamenei; Sayyid Ali Hosseini Khamenei; Grand Ayatollah Ali Khamenei
> Supreme Leader | IRN | GOV | 1989-06-04 | -
> President | IRN | GOV | 1981-10-13 | 1989-08-03
Hassan Rouhani | PERSON | IRN | GOV | Rouhani; Hassan Rowhani; Hasan Rouhani; Hassan Ruhani; Hasan Rowhani; Hojatoleslam Hassan Rouhani
> President | IRN | GOV | 2013-08-03 | 2021-08-03
Ebrahim Raisi | PERSON | IRN | GOV | Raisi; Ebrahim Raeisi; Ibrahim Raisi; Ebrahim Raeesi; Seyyed Ebrahim Raisi; Sayyid Ebrahim Raisi
> President | IRN | GOV | 2021-08-03 | 2024-05-19
> Chief Justice | IRN | JUD | 2019-03-07 | 2021-07-01
Mahmoud Ahmadinejad | PERSON | IRN | GOV | Ahmadinejad; Mahmoud Ahmadi-Nejad
> President | IRN | GOV | 2005-08-03 | 2013-08-03
Mohammad Javad Zarif | PERSON | IRN | GOV | Zarif; Javad Zarif; Mohammad Javad Zarif Khonsari; Mohammad Zarif
> Foreign Minister | IRN | GOV | 2013-08-15 | 2021-08-25
Hossein Amir-Abdollahian | PERSON | IRN | GOV | Amir-Abdollahian; Hossein Amirabdollahian; Hossein Amir Abdollahian; Amirabdollahian
> Foreign Minister | IRN | GOV | 2021-08-25 | 2024-05-19
Saeed Khatibzadeh | PERSON | IRN | GOV | Khatibzadeh; Saeed Khatib-Zadeh; Saeed Khatibzade
> Foreign Ministry Spokesperson | IRN | GOV | 2020 | 2022
Nasser Kanaani | PERSON | IRN | GOV | Nasser Kanani; Kanaani
> Foreign Ministry Spokesperson | IRN | GOV | 2022 | 2024
Ali Akbar Velayati | PERSON | IRN | GOV | Velayati; Ali-Akbar Velayati; Ali Akbar Velayati
> Adviser to the Supreme Leader for International Affairs | IRN | GOV | 1997 | -
> Secretary-General of the World Assembly of Islamic Awakening | IRN | REL | 2011 | -
> Foreign Minister | IRN | GOV | 1981 | 1997
Ali Shamkhani | PERSON | IRN | GOV | Shamkhani
> Secretary of the Supreme National Security Council | IRN | GOV | 2013-09-10 | 2023-05-22
Ali Larijani | PERSON | IRN | LEG | Larijani
> Speaker of Parliament | IRN | LEG | 2008-05-28 | 2020-05-28
Mohammad Bagher Ghalibaf | PERSON | IRN | LEG | Ghalibaf; Mohammad Baqer Qalibaf; Mohammad-Bagher Ghalibaf; Qalibaf
> Speaker of Parliament | IRN | LEG | 2020-05-28 | -
Qasem Soleimani | PERSON | IRN | MIL | Soleimani; Qassem Soleimani; Qasem Suleimani; Qassem Suleimani
> Commander of the Quds Force | IRN | MIL | 1998 | 2020-01-03
Esmail Qaani | PERSON | IRN | MIL | Qaani; Esmail Ghaani; Ismail Qaani; Esmail Qa'ani
> Commander of the Quds Force | IRN | MIL | 2020-01-03 | -
Hossein Salami | PERSON | IRN | MIL | Salami
> Commander of the Islamic Revolutionary Guard Corps | IRN | MIL | 2019-04-21 | -
Mohammad Ali Jafari | PERSON | IRN | MIL |
> Commander of the Islamic Revolutionary Guard Corps | IRN | MIL | 2007-09-01 | 2019-04-21
# Palestinians
Mahmoud Abbas | PERSON | PSE | GOV | Abu Mazen; President Abbas
> President | PSE | GOV | 2005-01-15 | -
> Chairman of the Palestine Liberation Organization | PSE | GOV | 2004-11-11 | -
Rami Hamdallah | PERSON | PSE | GOV | Hamdallah
> Prime Minister | PSE | GOV | 2013-06-06 | 2019-04-14
Mohammad Shtayyeh | PERSON | PSE | GOV | Shtayyeh; Mohammed Shtayyeh; Mohammad Shtayeh
> Prime Minister | PSE | GOV | 2019-04-14 | 2024-03-31
Riyad al-Maliki | PERSON | PSE | GOV | Riyad al-Malki; Riad Malki; Riad al-Maliki
> Foreign Minister | PSE | GOV | 2007 | 2024-03-31
Ismail Haniyeh | PERSON | PSE | REB | Haniyeh; Ismail Haniya; Ismail Haniyah; Ismail Hania; Isma'il Haniyeh
> Head of the Hamas Political Bureau | PSE | REB | 2017-05-06 | 2024-07-31
> Prime Minister | PSE | GOV | 2006-03-29 | 2007-06-14
Khaled Mashal | PERSON | PSE | REB | Khaled Meshaal; Khalid Mashal; Khaled Mashaal; Khalid Mishaal; Meshaal
> Head of the Hamas Political Bureau | PSE | REB | 1996 | 2017-05-06
Yahya Sinwar | PERSON | PSE | REB | Sinwar; Yehya Sinwar
> Leader of Hamas in Gaza | PSE | REB | 2017 | 2024-10-16
Ziyad al-Nakhalah | PERSON | PSE | REB | Ziad al-Nakhala; Ziyad al-Nakhala; Ziad Nakhaleh; Ziad al-Nakhalah; Ziyad Nakhalah; Nakhalah
> Secretary-General of the Palestinian Islamic Jihad | PSE | REB | 2018-09-28 | -
Ramadan Shallah | PERSON | PSE | REB | Ramadan Abdullah Shallah; Ramadan Shalah
> Secretary-General of the Palestinian Islamic Jihad | PSE | REB | 1995 | 2018-09-28
# Lebanon, Syria
Hassan Nasrallah | PERSON | LBN | REB | Nasrallah; Sayyed Hassan Nasrallah; Hasan Nasrallah; Sheikh Hassan Nasrallah
> Secretary-General of Hezbollah | LBN | REB | 1992-02-16 | 2024-09-27
Michel Aoun | PERSON | LBN | GOV | Aoun
> President | LBN | GOV | 2016-10-31 | 2022-10-31
Saad Hariri | PERSON | LBN | GOV | Hariri; Saad al-Hariri
> Prime Minister | LBN | GOV | 2009-11-09 | 2011-06-13
> Prime Minister | LBN | GOV | 2016-12-18 | 2020-01-21
Tammam Salam | PERSON | LBN | GOV |
> Prime Minister | LBN | GOV | 2014-02-15 | 2016-12-18
Hassan Diab | PERSON | LBN | GOV |
> Prime Minister | LBN | GOV | 2020-01-21 | 2021-09-10
Najib Mikati | PERSON | LBN | GOV | Mikati; Najib Miqati
> Prime Minister | LBN | GOV | 2021-09-10 | -
Bashar al-Assad | PERSON | SYR | GOV | Assad; Bashar Assad; Bashar al-Asad; Bashar Hafez al-Assad
> President | SYR | GOV | 2000-07-17 | 2024-12-08
Walid Muallem | PERSON | SYR | GOV | Walid al-Muallem; Walid al-Moallem; Walid Moallem
> Foreign Minister | SYR | GOV | 2006-02-11 | 2020-11-16
Faisal Mekdad | PERSON | SYR | GOV | Faisal al-Mekdad; Faisal Miqdad; Fayssal Mekdad
> Foreign Minister | SYR | GOV | 2020-11-22 | 2024-12-08
# Israel
Benjamin Netanyahu | PERSON | ISR | GOV | Netanyahu; Bibi Netanyahu; Binyamin Netanyahu; Bibi
> Prime Minister | ISR | GOV | 1996-06-18 | 1999-07-06
> Prime Minister | ISR | GOV | 2009-03-31 | 2021-06-13
> Prime Minister | ISR | GOV | 2022-12-29 | -
Naftali Bennett | PERSON | ISR | GOV | Bennett
> Prime Minister | ISR | GOV | 2021-06-13 | 2022-06-30
Yair Lapid | PERSON | ISR | GOV | Lapid
> Prime Minister | ISR | GOV | 2022-07-01 | 2022-12-29
> Foreign Minister | ISR | GOV | 2021-06-13 | 2022-12-29
Benny Gantz | PERSON | ISR | GOV | Gantz; Benjamin Gantz
> Defense Minister | ISR | GOV | 2020-05-17 | 2022-12-29
Gabi Ashkenazi | PERSON | ISR | GOV | Gabi Ashkenazi; Gabriel Ashkenazi
> Foreign Minister | ISR | GOV | 2020-05-17 | 2021-06-13
Israel Katz | PERSON | ISR | GOV |
> Foreign Minister | ISR | GOV | 2019-02-17 | 2020-05-17
Reuven Rivlin | PERSON | ISR | GOV | Rivlin; Ruvi Rivlin
> President | ISR | GOV | 2014-07-24 | 2021-07-07
Isaac Herzog | PERSON | ISR | GOV | Herzog; Yitzhak Herzog; Bougie Herzog
> President | ISR | GOV | 2021-07-07 | -
Shimon Peres | PERSON | ISR | GOV | Peres
> President | ISR | GOV | 2007-07-15 | 2014-07-24
# Turkey
Recep Tayyip Erdogan | PERSON | TUR | GOV | Erdogan; Recep Tayyip Erdoğan; Erdoğan; Tayyip Erdogan; Tayyip Erdoğan
> Prime Minister | TUR | GOV | 2003-03-14 | 2014-08-28
> President | TUR | GOV | 2014-08-28 | -
Abdullah Gul | PERSON | TUR | GOV | Abdullah Gül
> President | TUR | GOV | 2007-08-28 | 2014-08-28
Ahmet Davutoglu | PERSON | TUR | GOV | Davutoglu; Ahmet Davutoğlu
> Foreign Minister | TUR | GOV | 2009-05-01 | 2014-08-29
> Prime Minister | TUR | GOV | 2014-08-28 | 2016-05-24
Binali Yildirim | PERSON | TUR | GOV | Binali Yıldırım
> Prime Minister | TUR | GOV | 2016-05-24 | 2018-07-09
Mevlut Cavusoglu | PERSON | TUR | GOV | Cavusoglu; Mevlüt Çavuşoğlu; Çavuşoğlu; Mevlut Çavuşoğlu
> Foreign Minister | TUR | GOV | 2014-08-29 | 2015-08-28
> Foreign Minister | TUR | GOV | 2015-11-24 | 2023-06-04
Hulusi Akar | PERSON | TUR | GOV |
> Defense Minister | TUR | GOV | 2018-07-10 | 2023-06-04
Ibrahim Kalin | PERSON | TUR | GOV | İbrahim Kalın; Kalin
> Presidential Spokesperson | TUR | GOV | 2014 | 2023-06-05
# Gulf
Tamim bin Hamad Al Thani | PERSON | QAT | GOV | Sheikh Tamim bin Hamad Al Thani; Tamim bin Hamad al-Thani; Sheikh Tamim; Emir Tamim; Tamim Al Thani
> Emir | QAT | GOV | 2013-06-25 | -
Hamad bin Khalifa Al Thani | PERSON | QAT | GOV | Sheikh Hamad bin Khalifa Al Thani; Hamad bin Khalifa al-Thani
> Emir | QAT | GOV | 1995-06-27 | 2013-06-25
Abdullah bin Nasser bin Khalifa Al Thani | PERSON | QAT | GOV | Sheikh Abdullah bin Nasser bin Khalifa Al Thani
> Prime Minister | QAT | GOV | 2013-06-26 | 2020-01-28
Khalid bin Khalifa bin Abdulaziz Al Thani | PERSON | QAT | GOV | Sheikh Khalid bin Khalifa bin Abdulaziz Al Thani; Khalid bin Khalifa Al Thani
> Prime Minister | QAT | GOV | 2020-01-28 | 2023-03-07
Mohammed bin Abdulrahman Al Thani | PERSON | QAT | GOV | Sheikh Mohammed bin Abdulrahman Al Thani; Mohammed bin Abdulrahman al-Thani; Mohammed bin Abdulrahman bin Jassim Al Thani
> Foreign Minister | QAT | GOV | 2016-01-27 | -
> Prime Minister | QAT | GOV | 2023-03-07 | -
Khalid bin Mohammad Al Attiyah | PERSON | QAT | GOV | Khalid al-Attiyah; Khalid bin Mohammed Al Attiyah
> Foreign Minister | QAT | GOV | 2013-06-26 | 2016-01-27
Salman bin Abdulaziz Al Saud | PERSON | SAU | GOV | King Salman; Salman bin Abdulaziz; King Salman bin Abdulaziz; King Salman bin Abdulaziz Al Saud
> King | SAU | GOV | 2015-01-23 | -
> Crown Prince | SAU | GOV | 2012-06-18 | 2015-01-23
Abdullah bin Abdulaziz Al Saud | PERSON | SAU | GOV | King Abdullah bin Abdulaziz; Abdullah bin Abdulaziz
> King | SAU | GOV | 2005-08-01 | 2015-01-23
Mohammed bin Salman | PERSON | SAU | GOV | MBS; Mohammed bin Salman Al Saud; Mohammad bin Salman; Crown Prince Mohammed bin Salman; Muhammad bin Salman
> Crown Prince | SAU | GOV | 2017-06-21 | -
> Defense Minister | SAU | GOV | 2015-01-23 | 2022-09-27
> Prime Minister | SAU | GOV | 2022-09-27 | -
Muhammad bin Nayef | PERSON | SAU | GOV | Mohammed bin Nayef; Mohammed bin Nayef Al Saud
> Crown Prince | SAU | GOV | 2015-04-29 | 2017-06-21
Saud al-Faisal | PERSON | SAU | GOV | Prince Saud al-Faisal; Saud bin Faisal Al Saud
> Foreign Minister | SAU | GOV | 1975-10-13 | 2015-04-29
Adel al-Jubeir | PERSON | SAU | GOV | Jubeir; Adel bin Ahmed al-Jubeir
> Foreign Minister | SAU | GOV | 2015-04-29 | 2018-12-27
Ibrahim Abdulaziz al-Assaf | PERSON | SAU | GOV | Ibrahim al-Assaf
> Foreign Minister | SAU | GOV | 2018-12-27 | 2019-10-23
Faisal bin Farhan Al Saud | PERSON | SAU | GOV | Faisal bin Farhan; Prince Faisal bin Farhan
> Foreign Minister | SAU | GOV | 2019-10-23 | -
Khalifa bin Zayed Al Nahyan | PERSON | ARE | GOV | Sheikh Khalifa bin Zayed Al Nahyan; Khalifa bin Zayed
> President | ARE | GOV | 2004-11-03 | 2022-05-13
Mohamed bin Zayed Al Nahyan | PERSON | ARE | GOV | Mohammed bin Zayed; Mohamed bin Zayed; MBZ; Sheikh Mohamed bin Zayed
> President | ARE | GOV | 2022-05-14 | -
> Crown Prince of Abu Dhabi | ARE | GOV | 2004-11-03 | 2022-05-14
Mohammed bin Rashid Al Maktoum | PERSON | ARE | GOV | Sheikh Mohammed bin Rashid Al Maktoum; Mohammed bin Rashid
> Prime Minister | ARE | GOV | 2006 | -
Abdullah bin Zayed Al Nahyan | PERSON | ARE | GOV | Sheikh Abdullah bin Zayed; Abdullah bin Zayed
> Foreign Minister | ARE | GOV | 2006 | -
Qaboos bin Said | PERSON | OMN | GOV | Sultan Qaboos; Qaboos bin Said al Said
> Sultan | OMN | GOV | 1970-07-23 | 2020-01-10
Haitham bin Tariq | PERSON | OMN | GOV | Sultan Haitham; Haitham bin Tariq Al Said
> Sultan | OMN | GOV | 2020-01-11 | -
Badr Albusaidi | PERSON | OMN | GOV | Badr al-Busaidi; Sayyid Badr Albusaidi; Badr bin Hamad Albusaidi
> Foreign Minister | OMN | GOV | 2020-08-18 | -
Sabah Al-Ahmad Al-Jaber Al-Sabah | PERSON | KWT | GOV | Sheikh Sabah al-Ahmad al-Jaber al-Sabah; Sheikh Sabah al-Ahmad
> Emir | KWT | GOV | 2006-01-29 | 2020-09-29
Nawaf Al-Ahmad Al-Jaber Al-Sabah | PERSON | KWT | GOV | Sheikh Nawaf al-Ahmad; Sheikh Nawaf al-Ahmad al-Jaber al-Sabah
> Emir | KWT | GOV | 2020-09-30 | 2023-12-16
Hamad bin Isa Al Khalifa | PERSON | BHR | GOV | King Hamad; King Hamad bin Isa Al Khalifa
> King | BHR | GOV | 2002-02-14 | -
Abdrabbuh Mansur Hadi | PERSON | YEM | GOV | Hadi; Abd Rabbuh Mansur Hadi; Abed Rabbo Mansour Hadi
> President | YEM | GOV | 2012-02-25 | 2022-04-07
Abdul-Malik al-Houthi | PERSON | YEM | REB | Abdulmalik al-Houthi; Abdul Malik al-Houthi
> Leader of the Houthis | YEM | REB | 2004 | -
# Egypt, Jordan, Iraq
Abdel Fattah el-Sisi | PERSON | EGY | GOV | Sisi; Abdel Fattah al-Sisi; Abdel-Fattah el-Sissi; Abdel Fattah Sisi; el-Sisi
> President | EGY | GOV | 2014-06-08 | -
> Defense Minister | EGY | GOV | 2012-08-12 | 2014-03-26
Mohamed Morsi | PERSON | EGY | GOV | Morsi; Mohammed Morsi; Mohamed Mursi
> President | EGY | GOV | 2012-06-30 | 2013-07-03
Sameh Shoukry | PERSON | EGY | GOV | Shoukry; Sameh Shukri
> Foreign Minister | EGY | GOV | 2014-06-17 | 2024-07-03
Mostafa Madbouly | PERSON | EGY | GOV | Moustafa Madbouly; Madbouly
> Prime Minister | EGY | GOV | 2018-06-07 | -
Abdullah II | PERSON | JOR | GOV | King Abdullah II; King Abdullah II of Jordan; Abdullah II bin Al-Hussein
> King | JOR | GOV | 1999-02-07 | -
Ayman Safadi | PERSON | JOR | GOV | Safadi; Ayman al-Safadi
> Foreign Minister | JOR | GOV | 2017-01-15 | -
Nouri al-Maliki | PERSON | IRQ | GOV | Nuri al-Maliki; Nouri Maliki
> Prime Minister | IRQ | GOV | 2006-05-20 | 2014-09-08
Haider al-Abadi | PERSON | IRQ | GOV | Haidar al-Abadi; Abadi
> Prime Minister | IRQ | GOV | 2014-09-08 | 2018-10-25
Adil Abdul-Mahdi | PERSON | IRQ | GOV | Adel Abdul Mahdi; Adil Abdul Mahdi
> Prime Minister | IRQ | GOV | 2018-10-25 | 2020-05-07
Mustafa al-Kadhimi | PERSON | IRQ | GOV | Mustafa Kadhimi; Mustafa al-Kadhemi; Kadhimi
> Prime Minister | IRQ | GOV | 2020-05-07 | 2022-10-27
Mohammed Shia al-Sudani | PERSON | IRQ | GOV | Mohammed Shia' al-Sudani; Mohammed al-Sudani
> Prime Minister | IRQ | GOV | 2022-10-27 | -
Barham Salih | PERSON | IRQ | GOV | Barham Saleh
> President | IRQ | GOV | 2018-10-02 | 2022-10-17
Fuad Masum | PERSON | IRQ | GOV | Fouad Massoum; Fuad Ma'sum
> President | IRQ | GOV | 2014-07-24 | 2018-10-02
Fuad Hussein | PERSON | IRQ | GOV |
> Foreign Minister | IRQ | GOV | 2020-06-06 | -
# United States
Barack Obama | PERSON | USA | GOV | Obama; Barack Hussein Obama; President Obama | Q76
> President | USA | GOV | 2009-01-20 | 2017-01-20
Donald Trump | PERSON | USA | GOV | Trump; Donald J. Trump; President Trump | Q22686
> President | USA | GOV | 2017-01-20 | 2021-01-20
> President | USA | GOV | 2025-01-20 | -
Joe Biden | PERSON | USA | GOV | Biden; Joseph Biden; Joseph R. Biden; President Biden | Q6279
> President | USA | GOV | 2021-01-20 | 2025-01-20
> Vice President | USA | GOV | 2009-01-20 | 2017-01-20
Mike Pence | PERSON | USA | GOV | Pence
> Vice President | USA | GOV | 2017-01-20 | 2021-01-20
Kamala Harris | PERSON | USA | GOV | Kamala Devi Harris
> Vice President | USA | GOV | 2021-01-20 | 2025-01-20
Hillary Clinton | PERSON | USA | GOV | Hillary Rodham Clinton
> Secretary of State | USA | GOV | 2009-01-21 | 2013-02-01
John Kerry | PERSON | USA | GOV | Kerry; John F. Kerry
> Secretary of State | USA | GOV | 2013-02-01 | 2017-01-20
Rex Tillerson | PERSON | USA | GOV | Tillerson
> Secretary of State | USA | GOV | 2017-02-01 | 2018-03-31
Mike Pompeo | PERSON | USA | GOV | Pompeo; Michael Pompeo; Michael R. Pompeo
> Secretary of State | USA | GOV | 2018-04-26 | 2021-01-20
Antony Blinken | PERSON | USA | GOV | Blinken; Tony Blinken; Antony J. Blinken
> Secretary of State | USA | GOV | 2021-01-26 | 2025-01-20
Lloyd Austin | PERSON | USA | GOV | Lloyd J. Austin
> Defense Secretary | USA | GOV | 2021-01-22 | 2025-01-20
Jake Sullivan | PERSON | USA | GOV |
> National Security Advisor | USA | GOV | 2021-01-20 | 2025-01-20
Linda Thomas-Greenfield | PERSON | USA | GOV | Thomas-Greenfield
> Ambassador to the United Nations | USA | GOV | 2021-02-24 | 2025-01-20
Nikki Haley | PERSON | USA | GOV |
> Ambassador to the United Nations | USA | GOV | 2017-01-27 | 2018-12-31
# Russia, China
Vladimir Putin | PERSON | RUS | GOV | Putin; Vladimir Vladimirovich Putin; Wladimir Putin | Q7747
> President | RUS | GOV | 2000-05-07 | 2008-05-07
> President | RUS | GOV | 2012-05-07 | -
> Prime Minister | RUS | GOV | 1999-08-16 | 2000-05-07
> Prime Minister | RUS | GOV | 2008-05-08 | 2012-05-07
Dmitry Medvedev | PERSON | RUS | GOV | Medvedev; Dmitri Medvedev
> President | RUS | GOV | 2008-05-07 | 2012-05-07
> Prime Minister | RUS | GOV | 2012-05-08 | 2020-01-16
Mikhail Mishustin | PERSON | RUS | GOV | Mishustin
> Prime Minister | RUS | GOV | 2020-01-16 | -
Sergey Lavrov | PERSON | RUS | GOV | Lavrov; Sergei Lavrov; Sergey Viktorovich Lavrov
> Foreign Minister | RUS | GOV | 2004-03-09 | -
Maria Zakharova | PERSON | RUS | GOV | Zakharova
> Foreign Ministry Spokesperson | RUS | GOV | 2015-08-10 | -
Dmitry Peskov | PERSON | RUS | GOV | Peskov; Dmitri Peskov
> Presidential Spokesperson | RUS | GOV | 2012-05 | -
Sergei Shoigu | PERSON | RUS | GOV | Shoigu; Sergey Shoigu
> Defense Minister | RUS | GOV | 2012-11-06 | 2024-05-12
Xi Jinping | PERSON | CHN | GOV | Xi; President Xi | Q15031
> President | CHN | GOV | 2013-03-14 | -
> General Secretary of the Chinese Communist Party | CHN | GOV | 2012-11-15 | -
Hu Jintao | PERSON | CHN | GOV |
> President | CHN | GOV | 2003-03-15 | 2013-03-14
Li Keqiang | PERSON | CHN | GOV |
> Premier | CHN | GOV | 2013-03-15 | 2023-03-11
Li Qiang | PERSON | CHN | GOV |
> Premier | CHN | GOV | 2023-03-11 | -
Wang Yi | PERSON | CHN | GOV |
> Foreign Minister | CHN | GOV | 2013-03-16 | 2022-12-30
> Foreign Minister | CHN | GOV | 2023-07-25 | -
Qin Gang | PERSON | CHN | GOV |
> Foreign Minister | CHN | GOV | 2022-12-30 | 2023-07-25
# Europe
Emmanuel Macron | PERSON | FRA | GOV | Macron | Q3052772
> President | FRA | GOV | 2017-05-14 | -
Francois Hollande | PERSON | FRA | GOV | François Hollande; Hollande
> President | FRA | GOV | 2012-05-15 | 2017-05-14
Manuel Valls | PERSON | FRA | GOV | Valls
> Prime Minister | FRA | GOV | 2014-03-31 | 2016-12-06
Edouard Philippe | PERSON | FRA | GOV | Édouard Philippe
> Prime Minister | FRA | GOV | 2017-05-15 | 2020-07-03
Jean Castex | PERSON | FRA | GOV | Castex
> Prime Minister | FRA | GOV | 2020-07-03 | 2022-05-16
Elisabeth Borne | PERSON | FRA | GOV | Élisabeth Borne
> Prime Minister | FRA | GOV | 2022-05-16 | 2024-01-09
Laurent Fabius | PERSON | FRA | GOV | Fabius
> Foreign Minister | FRA | GOV | 2012-05-16 | 2016-02-11
Jean-Marc Ayrault | PERSON | FRA | GOV | Ayrault
> Prime Minister | FRA | GOV | 2012-05-15 | 2014-03-31
> Foreign Minister | FRA | GOV | 2016-02-11 | 2017-05-17
Jean-Yves Le Drian | PERSON | FRA | GOV | Le Drian
> Foreign Minister | FRA | GOV | 2017-05-17 | 2022-05-20
Catherine Colonna | PERSON | FRA | GOV | Colonna
> Foreign Minister | FRA | GOV | 2022-05-20 | 2024-01-11
Angela Merkel | PERSON | DEU | GOV | Merkel; Chancellor Merkel | Q567
> Chancellor | DEU | GOV | 2005-11-22 | 2021-12-08
Olaf Scholz | PERSON | DEU | GOV | Scholz
> Chancellor | DEU | GOV | 2021-12-08 | 2025-05-06
> Finance Minister | DEU | GOV | 2018-03-14 | 2021-12-08
Frank-Walter Steinmeier | PERSON | DEU | GOV | Steinmeier
> Foreign Minister | DEU | GOV | 2013-12-17 | 2017-01-27
> President | DEU | GOV | 2017-03-19 | -
Joachim Gauck | PERSON | DEU | GOV | Gauck
> President | DEU | GOV | 2012-03-18 | 2017-03-19
Sigmar Gabriel | PERSON | DEU | GOV |
> Foreign Minister | DEU | GOV | 2017-01-27 | 2018-03-14
Heiko Maas | PERSON | DEU | GOV | Maas
> Foreign Minister | DEU | GOV | 2018-03-14 | 2021-12-08
Annalena Baerbock | PERSON | DEU | GOV | Baerbock
> Foreign Minister | DEU | GOV | 2021-12-08 | 2025-05-06
David Cameron | PERSON | GBR | GOV | Cameron
> Prime Minister | GBR | GOV | 2010-05-11 | 2016-07-13
Theresa May | PERSON | GBR | GOV |
> Prime Minister | GBR | GOV | 2016-07-13 | 2019-07-24
Boris Johnson | PERSON | GBR | GOV | Alexander Boris de Pfeffel Johnson
> Prime Minister | GBR | GOV | 2019-07-24 | 2022-09-06
> Foreign Secretary | GBR | GOV | 2016-07-13 | 2018-07-09
Liz Truss | PERSON | GBR | GOV | Elizabeth Truss; Truss
> Prime Minister | GBR | GOV | 2022-09-06 | 2022-10-25
> Foreign Secretary | GBR | GOV | 2021-09-15 | 2022-09-06
Rishi Sunak | PERSON | GBR | GOV | Sunak
> Prime Minister | GBR | GOV | 2022-10-25 | 2024-07-05
William Hague | PERSON | GBR | GOV |
> Foreign Secretary | GBR | GOV | 2010-05-12 | 2014-07-14
Philip Hammond | PERSON | GBR | GOV |
> Foreign Secretary | GBR | GOV | 2014-07-15 | 2016-07-13
Jeremy Hunt | PERSON | GBR | GOV |
> Foreign Secretary | GBR | GOV | 2018-07-09 | 2019-07-24
Dominic Raab | PERSON | GBR | GOV | Raab
> Foreign Secretary | GBR | GOV | 2019-07-24 | 2021-09-15
James Cleverly | PERSON | GBR | GOV | Cleverly
> Foreign Secretary | GBR | GOV | 2022-09-06 | 2023-11-13
Elizabeth II | PERSON | GBR | GOV | Queen Elizabeth II; Queen Elizabeth
> Queen | GBR | GOV | 1952-02-06 | 2022-09-08
Charles III | PERSON | GBR | GOV | King Charles III; King Charles; Prince Charles
> King | GBR | GOV | 2022-09-08 | -
Matteo Renzi | PERSON | ITA | GOV | Renzi
> Prime Minister | ITA | GOV | 2014-02-22 | 2016-12-12
Paolo Gentiloni | PERSON | ITA | GOV | Gentiloni
> Prime Minister | ITA | GOV | 2016-12-12 | 2018-06-01
Giuseppe Conte | PERSON | ITA | GOV | Conte
> Prime Minister | ITA | GOV | 2018-06-01 | 2021-02-13
Mario Draghi | PERSON | ITA | GOV | Draghi
> Prime Minister | ITA | GOV | 2021-02-13 | 2022-10-22
Giorgia Meloni | PERSON | ITA | GOV | Meloni
> Prime Minister | ITA | GOV | 2022-10-22 | -
Mariano Rajoy | PERSON | ESP | GOV | Rajoy
> Prime Minister | ESP | GOV | 2011-12-21 | 2018-06-02
Pedro Sanchez | PERSON | ESP | GOV | Pedro Sánchez
> Prime Minister | ESP | GOV | 2018-06-02 | -
Petro Poroshenko | PERSON | UKR | GOV | Poroshenko
> President | UKR | GOV | 2014-06-07 | 2019-05-20
Volodymyr Zelensky | PERSON | UKR | GOV | Zelensky; Volodymyr Zelenskyy; Zelenskyy; Volodymyr Zelenskiy
> President | UKR | GOV | 2019-05-20 | -
Dmytro Kuleba | PERSON | UKR | GOV | Kuleba
> Foreign Minister | UKR | GOV | 2020-03-04 | 2024-09-05
# Asia, Americas
Narendra Modi | PERSON | IND | GOV | Modi
> Prime Minister | IND | GOV | 2014-05-26 | -
Subrahmanyam Jaishankar | PERSON | IND | GOV | S. Jaishankar; Jaishankar
> Foreign Minister | IND | GOV | 2019-05-30 | -
Sushma Swaraj | PERSON | IND | GOV | Swaraj
> Foreign Minister | IND | GOV | 2014-05-26 | 2019-05-30
Nawaz Sharif | PERSON | PAK | GOV | Mian Muhammad Nawaz Sharif
> Prime Minister | PAK | GOV | 2013-06-05 | 2017-07-28
Imran Khan | PERSON | PAK | GOV |
> Prime Minister | PAK | GOV | 2018-08-18 | 2022-04-10
Shehbaz Sharif | PERSON | PAK | GOV | Shahbaz Sharif
> Prime Minister | PAK | GOV | 2022-04-11 | 2023-08-14
Shah Mahmood Qureshi | PERSON | PAK | GOV | Qureshi
> Foreign Minister | PAK | GOV | 2018-08-20 | 2022-04-10
Ashraf Ghani | PERSON | AFG | GOV | Mohammad Ashraf Ghani; Ghani
> President | AFG | GOV | 2014-09-29 | 2021-08-15
Hamid Karzai | PERSON | AFG | GOV | Karzai
> President | AFG | GOV | 2001-12-22 | 2014-09-29
Shinzo Abe | PERSON | JPN | GOV | Abe
> Prime Minister | JPN | GOV | 2012-12-26 | 2020-09-16
Yoshihide Suga | PERSON | JPN | GOV | Suga
> Prime Minister | JPN | GOV | 2020-09-16 | 2021-10-04
Fumio Kishida | PERSON | JPN | GOV | Kishida
> Prime Minister | JPN | GOV | 2021-10-04 | 2024-10-01
> Foreign Minister | JPN | GOV | 2012-12-26 | 2017-08-03
Park Geun-hye | PERSON | KOR | GOV |
> President | KOR | GOV | 2013-02-25 | 2017-03-10
Moon Jae-in | PERSON | KOR | GOV |
> President | KOR | GOV | 2017-05-10 | 2022-05-10
Yoon Suk Yeol | PERSON | KOR | GOV | Yoon Suk-yeol
> President | KOR | GOV | 2022-05-10 | -
Kim Jong Un | PERSON | PRK | GOV | Kim Jong-un; Kim Jong-Un
> Supreme Leader | PRK | GOV | 2011-12-17 | -
Jair Bolsonaro | PERSON | BRA | GOV | Bolsonaro
> President | BRA | GOV | 2019-01-01 | 2023-01-01
Luiz Inacio Lula da Silva | PERSON | BRA | GOV | Lula; Lula da Silva; Luiz Inácio Lula da Silva
> President | BRA | GOV | 2003-01-01 | 2011-01-01
> President | BRA | GOV | 2023-01-01 | -
Dilma Rousseff | PERSON | BRA | GOV | Rousseff
> President | BRA | GOV | 2011-01-01 | 2016-08-31
Justin Trudeau | PERSON | CAN | GOV | Trudeau
> Prime Minister | CAN | GOV | 2015-11-04 | 2025-03-14
Stephen Harper | PERSON | CAN | GOV |
> Prime Minister | CAN | GOV | 2006-02-06 | 2015-11-04
# Heads of international organisations
Antonio Guterres | PERSON | - | IGO | António Guterres; Guterres; Antonio Manuel de Oliveira Guterres
> Secretary-General of the United Nations | - | IGO | 2017-01-01 | -
> United Nations High Commissioner for Refugees | - | IGO | 2005-06-15 | 2016-01-01
> Prime Minister | PRT | GOV | 1995-10-28 | 2002-04-06
Ban Ki-moon | PERSON | - | IGO | Ban Ki Moon
> Secretary-General of the United Nations | - | IGO | 2007-01-01 | 2017-01-01
Jens Stoltenberg | PERSON | - | IGO | Stoltenberg
> Secretary-General of NATO | - | IGO | 2014-10-01 | 2024-10-01
Anders Fogh Rasmussen | PERSON | - | IGO |
> Secretary-General of NATO | - | IGO | 2009-08-01 | 2014-10-01
Josep Borrell | PERSON | - | IGO | Josep Borrell Fontelles; Borrell
> High Representative of the European Union for Foreign Affairs and Security Policy | - | IGO | 2019-12-01 | 2024-12-01
Federica Mogherini | PERSON | - | IGO | Mogherini
> High Representative of the European Union for Foreign Affairs and Security Policy | - | IGO | 2014-11-01 | 2019-12-01
Ursula von der Leyen | PERSON | - | IGO | von der Leyen
> President of the European Commission | - | IGO | 2019-12-01 | -
Jean-Claude Juncker | PERSON | - | IGO | Juncker
> President of the European Commission | - | IGO | 2014-11-01 | 2019-12-01
Charles Michel | PERSON | - | IGO |
> President of the European Council | - | IGO | 2019-12-01 | 2024-12-01
Donald Tusk | PERSON | - | IGO | Tusk
> President of the European Council | - | IGO | 2014-12-01 | 2019-12-01
Ahmed Aboul Gheit | PERSON | - | IGO | Ahmed Abul Gheit; Aboul Gheit
> Secretary-General of the Arab League | - | IGO | 2016-07-01 | -
Nabil Elaraby | PERSON | - | IGO | Nabil al-Arabi; Nabil Elarabi
> Secretary-General of the Arab League | - | IGO | 2011-07-01 | 2016-07-01
Yousef Al-Othaimeen | PERSON | - | IGO | Yousef bin Ahmad Al-Othaimeen; Yousef al-Othaimeen
> Secretary-General of the Organization of Islamic Cooperation | - | IGO | 2016-11 | 2021-11
Hissein Brahim Taha | PERSON | - | IGO | Hissein Brahim Taha
> Secretary-General of the Organization of Islamic Cooperation | - | IGO | 2021-11 | -
Rafael Grossi | PERSON | - | IGO | Rafael Mariano Grossi; Grossi
> Director General of the International Atomic Energy Agency | - | IGO | 2019-12-03 | -
Yukiya Amano | PERSON | - | IGO | Amano
> Director General of the International Atomic Energy Agency | - | IGO | 2009-12-01 | 2019-07-18
Tedros Adhanom Ghebreyesus | PERSON | - | IGO | Tedros; Tedros Adhanom
> Director-General of the World Health Organization | - | IGO | 2017-07-01 | -
"""

# Role words the news uses that Phoenix lacks or codes otherwise: words | sector.
AGENTS = """
spokesman | GOV
spokeswoman | GOV
spokesperson | GOV
spokespeople | GOV
foreign ministry spokesman | GOV
foreign minister | GOV
foreign ministry | GOV
minister of foreign affairs | GOV
secretary of state | GOV
foreign secretary | GOV
supreme leader | GOV
emir | GOV
crown prince | GOV
premier | GOV
chancellor | GOV
lawmaker | LEG
parliament | LEG
police | COP
policeman | COP
army | MIL
rebel | REB
militant | REB
gunman | UAF
revolutionary guards | MIL
"""


# --- supplement tables ----------------------------------------------------------

def _cell(text: str):
    text = text.strip()
    return None if text in {"", "-"} else text


def _list(text: str) -> list[str]:
    return [p.strip() for p in text.split(";") if p.strip()]


def supplement_countries() -> list[Country]:
    out = []
    for line in COUNTRIES.strip().splitlines():
        code, name, names, demonyms = (c.strip() for c in line.split("|"))
        out.append(Country(code, name, tuple(_list(names)), tuple(_list(demonyms))))
    return out


def supplement_actors() -> list[Actor]:
    out: list[Actor] = []
    for line in ACTORS.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.lstrip(">").split("|")]
        if line.startswith(">"):
            title, country, sector, start, end = (_cell(c) for c in cells)
            last = out[-1]
            roles = (*last.roles, Role(title, country, sector, start, end))
            out[-1] = Actor(**{**_fields(last), "roles": roles})
            continue
        cells += [""] * (6 - len(cells))
        name, kind, country, sector, aliases, wikidata = cells[:6]
        out.append(Actor(id="", name=name, aliases=tuple(_list(aliases)), type=kind,
                         country=_cell(country), sector=_cell(sector),
                         wikidata=_cell(wikidata)))
    return out


def _fields(actor: Actor) -> dict:
    return {f: getattr(actor, f) for f in Actor.__slots__}


def supplement_agents() -> list[Agent]:
    out = []
    for line in AGENTS.strip().splitlines():
        words, sector = (c.strip() for c in line.split("|"))
        out.append(Agent(words, sector, "~" + sector))
    return out


# --- merging ----------------------------------------------------------------------

def _keys(actor: Actor) -> set[str]:
    return {k for k in (key(n) for n in actor.names()) if k}


def _dedupe_aliases(name: str, aliases) -> tuple[str, ...]:
    seen = {key(name)}
    out = []
    for alias in sorted(dict.fromkeys(aliases), key=lambda a: (a.casefold(), a)):
        k = key(alias)
        if k and k not in seen:
            seen.add(k)
            out.append(alias)
    return tuple(out)


def merge_phoenix(actors: list[Actor]) -> list[Actor]:
    """One record per (name, country, type): Phoenix repeats many entries."""
    groups: dict[tuple, list[Actor]] = defaultdict(list)
    for a in actors:
        groups[(key(a.name), a.country, a.type)].append(a)
    out = []
    for group in groups.values():
        first = group[0]
        aliases = [al for a in group for al in (a.name, *a.aliases)]
        roles = tuple(dict.fromkeys(r for a in group for r in a.roles))
        out.append(Actor(**{**_fields(first), "aliases": _dedupe_aliases(first.name, aliases),
                            "roles": roles}))
    return out


def country_actors(countries: list[Country], phoenix: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """A GPE actor per country, absorbing Phoenix's country-level entries."""
    by_code = {c.code: c for c in countries}
    names_of = {c.code: {key(n) for n in (c.name, *c.names)} for c in countries}
    absorbed: dict[str, list[Actor]] = defaultdict(list)
    rest = []
    for a in phoenix:
        if (a.type == "GPE" and a.country in by_code and a.sector is None
                and (_keys(a) & names_of[a.country])):
            absorbed[a.country].append(a)
        else:
            rest.append(a)
    out = []
    for c in countries:
        extra = [n for a in absorbed[c.code] for n in a.names()]
        cameo = absorbed[c.code][0].cameo if absorbed[c.code] else None
        aliases = _dedupe_aliases(c.name, [*c.names, *c.demonyms, *extra])
        out.append(Actor(id="", name=c.name, aliases=aliases, type="GPE", country=c.code,
                         cameo=cameo))
    return out, rest


def apply_supplement(base: list[Actor], supplement: list[Actor]) -> list[Actor]:
    """Supplement records absorb compatible base records and claim their names."""
    index: dict[str, set[int]] = defaultdict(set)
    for i, a in enumerate(base):
        for k in _keys(a):
            index[k].add(i)
    claimed: dict[str, int] = {}
    for j, s in enumerate(supplement):
        for k in _keys(s):
            claimed.setdefault(k, j)
    absorbed: set[int] = set()
    merged = []
    for j, s in enumerate(supplement):
        hits = set()
        for k in _keys(s):
            if s.type == "PERSON" and len(k.split()) < 2:
                continue  # a surname alone does not identify the same person
            hits |= index.get(k, set())
        names = list(s.aliases)
        cameo = s.cameo
        roles = s.roles
        for i in sorted(hits - absorbed):
            b = base[i]
            if b.type != s.type or b.country != s.country:
                continue
            absorbed.add(i)
            names += [b.name, *b.aliases]
            cameo = cameo or b.cameo
            if not roles:
                roles = b.roles
        mine = {k for k, owner in claimed.items() if owner == j}
        names = [n for n in names if key(n) in mine or key(n) not in claimed]
        merged.append(Actor(**{**_fields(s), "aliases": _dedupe_aliases(s.name, names),
                               "roles": roles, "cameo": cameo}))
    out = merged
    for i, b in enumerate(base):
        if i in absorbed:
            continue
        if key(b.name) in claimed:
            continue  # the supplement has this name for another actor
        aliases = tuple(a for a in b.aliases if key(a) not in claimed)
        out.append(Actor(**{**_fields(b), "aliases": aliases}) if aliases != b.aliases else b)
    return out


def assign_ids(actors: list[Actor]) -> list[Actor]:
    """Stable slugs: the name, then name-country, then a counter on collisions."""
    ordered = sorted(actors, key=lambda a: (slug(a.name), a.country or "", a.type,
                                            a.cameo or "", a.name, a.aliases))
    bases = defaultdict(list)
    for a in ordered:
        bases[slug(a.name) or "actor"].append(a)
    out, used = [], set()
    for base, group in bases.items():
        for a in group:
            ident = base if len(group) == 1 else f"{base}-{(a.country or a.sector or 'x').lower()}"
            n = 2
            candidate = ident
            while candidate in used:
                candidate = f"{ident}-{n}"
                n += 1
            used.add(candidate)
            out.append(Actor(**{**_fields(a), "id": candidate}))
    return sorted(out, key=lambda a: a.id)


def build(source: Path) -> dict:
    countries = supplement_countries()
    codes = frozenset(c.code for c in countries)
    entries = []
    problems: list[str] = []
    for name in ACTOR_FILES:
        text = (source / name).read_text("utf-8", errors="replace")
        file_problems: list[str] = []
        entries += parse_actors(text, file_problems)
        problems += [f"{name}: {p}" for p in file_problems]
    first_names = first_names_of(entries)
    phoenix = []
    for e in entries:
        a = entry_to_actor(e, codes, first_names)
        if a is None or (a.country is None and a.sector is None):
            continue
        if "\ufffd" in a.name:
            continue
        phoenix.append(a)
    phoenix = merge_phoenix(phoenix)
    gpes, rest = country_actors(countries, phoenix)
    actors = assign_ids(apply_supplement(gpes + rest, supplement_actors()))

    agent_problems: list[str] = []
    agents = parse_agents((source / AGENT_FILE).read_text("utf-8", errors="replace"),
                          agent_problems)
    problems += [f"{AGENT_FILE}: {p}" for p in agent_problems]
    table: dict[str, Agent] = {}
    for ag in supplement_agents() + agents:
        table.setdefault(key(ag.words), ag)
    return {
        "format": "newsgraph-actors",
        "version": 1,
        "source": "Phoenix CAMEO dictionaries (openeventdata/petrarch2, MIT) "
                  "+ newsgraph supplement (scripts/build_actors.py)",
        "countries": [c.to_json() for c in sorted(countries, key=lambda c: c.code)],
        "agents": [table[k].to_json() for k in sorted(table)],
        "actors": [a.to_json() for a in actors],
        "problems": sorted(set(problems)),
    }


def dumps(data: dict) -> str:
    """JSON with one record per line: small diffs, deterministic."""
    def block(name: str) -> str:
        rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                          for r in data[name])
        return f'"{name}":[\n{rows}\n]'
    head = {k: v for k, v in data.items() if k not in {"countries", "agents", "actors", "problems"}}
    parts = [json.dumps(k) + ":" + json.dumps(v, ensure_ascii=False) for k, v in head.items()]
    parts += [block("countries"), block("agents"), block("actors")]
    return "{" + ",\n".join(parts) + "}\n"


def write(path: Path, text: str) -> None:
    """Write the JSON, gzipped (with a fixed header time) when the name ends in .gz."""
    raw = text.encode("utf-8")
    if path.suffix == ".gz":
        raw = gzip.compress(raw, compresslevel=9, mtime=0)
    path.write_bytes(raw)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--problems", action="store_true",
                        help="list the dictionary lines that could not be used")
    args = parser.parse_args(argv)
    data = build(args.source)
    if args.problems:
        print("\n".join(data["problems"]), file=sys.stderr)
    write(args.out, dumps(data))
    print(f"{args.out}: {len(data['actors'])} actors, {len(data['countries'])} countries, "
          f"{len(data['agents'])} role words; {len(data['problems'])} unusable lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
