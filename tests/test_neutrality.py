"""Neutrality probes of the loaded-language lens: accuracy, not balance.

A word is loaded when, in its context, it judges instead of describing. The standard
neutral word of the wire services for an event is not loaded ("invasion" of an invasion,
"militants", "seized" of territory); the same device gets the same verdict whichever side
it describes, wherever it stands in the sentence and however it is capitalised.

The tables are written by hand from general knowledge of news style, never from a
training corpus, and never tuned to come out even: a mirrored pair agrees because the
method is symmetric, not because a flag was added or dropped. Run this file as a script
to print the figures (recall on the loaded probes, false flags on the neutral probes,
agreement of the mirrored pairs)::

    python tests/test_neutrality.py
"""

from __future__ import annotations

import re

import pytest

import mediakit
from mediakit.lenses import loaded


def _spans(text: str):
    a = mediakit.load_article(text)
    return [s for s in loaded.find(a, {}) if s.label not in loaded.NO_VERDICT and s.get("voice", "writer") == "writer"]


def verdicts(text: str) -> list[str]:
    """The words the lens gives a verdict on in the writer's own voice, lower-cased, in text order
    (contested namings give a choice, not a verdict, and are left out)."""
    return [s.text.lower() for s in _spans(text)]


def devices(text: str) -> list[tuple[str, str]]:
    """The verdicts as ``(label, explanation)`` in text order: what a mirrored pair must share (the
    swapped words themselves, "far-left" / "far-right", may differ)."""
    return [(s.label, s.explanation) for s in _spans(text)]


# -- the standard neutral words: never flagged -------------------------------------------

NEUTRAL = [
    # invasions the wire services call invasions, whichever side invaded
    "Russia launched its full-scale invasion of Ukraine in February 2022.",
    "Russian forces invaded Ukraine on Feb. 24, 2022.",
    "The US-led invasion of Iraq began in March 2003.",
    "Iraq invaded Kuwait in August 1990.",
    "Turkey's invasion of Cyprus in 1974 divided the island.",
    "The Soviet invasion of Afghanistan began in December 1979.",
    # "militants", "fighters", "rebels": the wire services' words for armed groups
    "Hamas militants crossed into southern Israel on Saturday.",
    "Militants attacked an army post in northwestern Pakistan.",
    "Militants killed 26 tourists near Pahalgam in Indian-administered Kashmir.",
    "Houthi militants fired a missile at a cargo ship.",
    "Rebel fighters entered the city overnight.",
    "The Rapid Support Forces and Sudan's army have fought since April 2023.",
    # "seize": the wire services' verb for taking territory or control
    "Rebels seized the town of Goma in January.",
    "Israeli forces seized the Rafah crossing on Tuesday.",
    "Hamas seized control of Gaza in 2007.",
    "Taliban fighters seized Kabul in August 2021.",
    "Ukrainian troops seized several villages in the Kursk region.",
    "Russian troops seized the Zaporizhzhia nuclear plant.",
    "Tigrayan forces seized the town of Lalibela.",
    "Police seized 40 kilograms of cocaine at the port.",
    "SEIZED: the documents taken from the office.",
    # other plain reporting of conflict, any side
    "India and Pakistan exchanged fire across the Line of Control.",
    "China's military held drills around Taiwan on Monday.",
    "Taiwan's defence ministry tracked 30 Chinese aircraft.",
    "Ethiopian federal troops entered Mekelle in November 2020.",
    "The army said it had killed 12 insurgents.",
    "The Republican senator criticised the bill.",
    "The Democratic senator criticised the bill.",
    "Kyiv and Moscow exchanged prisoners on Friday.",
    "Talks in Kiev ended without agreement.",
    # a word's sense follows its topic
    "The coach praised the squad's aggression after the derby, and the striker scored twice.",
    "Doctors removed an aggressive tumour, and the patients' cells were tested.",
    "The league leaders crushed the visitors 4-0 at their stadium as the season ended.",
    "Firefighters battled the blaze for six hours.",
    # a second set, written after the first round of changes and run once before any fix
    "Israeli troops pushed deeper into Gaza City on Wednesday.",
    "The junta seized power in a coup in 2021.",
    "Armed men seized 30 students from a school in Kaduna.",
    "Azerbaijan launched an offensive in Nagorno-Karabakh.",
    "The Houthis seized a cargo ship in the Red Sea.",
    "Separatists in eastern Ukraine declared independence in 2014.",
    "Protesters occupied the square for three days.",
    "Hezbollah fired rockets into northern Israel.",
    "The company launched an aggressive pricing strategy to win market share from competitors.",
    "Pakistan-based militants were blamed for the attack.",
    "Residents woke to sirens.",
    # a third set (other conflicts, US politics, headlines, designations), run once before any fix;
    # it found "stormed" of a forced entry, "war on" of a literal war and official designations flagged
    "Israeli airstrikes killed 40 people in Gaza on Tuesday, health officials said.",
    "Hamas fighters killed 1,200 people in Israel on Oct. 7, 2023.",
    "Israeli settlers attacked a village in the occupied West Bank.",
    "The Myanmar military seized power in a coup in February 2021.",
    "Resistance fighters captured a border town in Shan state.",
    "Sudan's army recaptured Khartoum's presidential palace.",
    "The RSF took control of El Fasher after an 18-month siege.",
    "Eritrean troops withdrew from parts of Tigray.",
    "Indian missiles struck sites in Pakistan on May 7.",
    "Pakistan said it shot down five Indian jets.",
    "Republicans won control of the House in the midterm elections.",
    "Democrats won control of the House in the midterm elections.",
    "The progressive congresswoman introduced a bill on rent.",
    "The conservative congressman introduced a bill on taxes.",
    "Russia annexed Crimea in 2014.",
    "Ukraine's forces retook Kherson in November 2022.",
    "Israel's invasion of Lebanon in 1982 reached Beirut.",
    "INVASION ANNIVERSARY: Ukraine marks three years of war.",
    "Militants Kill Soldiers in Kashmir",
    "Troops Seize Border Town",
    "The protesters were arrested after they stormed the compound.",
    "Police stormed the hideout before dawn.",
    "Russia's war on Ukraine entered its fourth year.",
    "Israel's war on Hamas entered its second year.",
    "The PKK, designated a terrorist group by Turkey, denied it.",
    "The EU lists Hezbollah's armed wing as a terrorist organisation.",
    "Russia designated the foundation an extremist organisation.",
    "Police are treating the stabbing as a terrorist incident.",
    "The country's tax regime changed in April.",
    "The striker's aggressive pressing won the ball back.",
    "Iran's hard-line president won the vote.",
    "Hardliners in Congress blocked the bill.",
    "Hardline settlers set up an outpost.",
    "The genocide in Rwanda killed about 800,000 people in 1994.",
    "The Srebrenica genocide was in July 1995.",
    "Rioters looted shops, witnesses said.",
    "Soldiers looted homes in the village, residents said.",
    "Shares soared 20 percent after the earnings report.",
    "Mladic was convicted of genocide in 2017.",
    "South Africa accused Israel of genocide at the World Court.",
    "Russia accused Ukraine of genocide in the Donbas.",
    "The former president was charged with treason.",
    # a fourth set (superlatives against a record, compounds), written with the rules, before measuring
    "It was the deadliest earthquake in Turkey's modern history.",
    "It was the worst flood in Pakistan in 50 years.",
    "Gaza's worst outbreak of disease in decades spread.",
    "Israel's worst attack since 1973 killed 1,200 people.",
    "The WORST DROUGHT ON RECORD hit Kenya.",
    "Washington has long debated regime change in Iran.",
    "Moscow denied seeking regime-change in Kyiv.",
    "Ukraine set up a counter-propaganda unit.",
    "Russia set up a counter-propaganda unit.",
    "Panic buying emptied shops in Tel Aviv.",
    "Panic buying emptied shops in Tehran.",
    "Gaza needs disaster recovery funds, the UN said.",
    "Israel approved disaster aid for the north.",
    # a fifth set (counts after "most", negation, set phrases, sweeping quantifiers), written with the rules
    "Likud won the most seats in the Knesset.",
    "Yesh Atid won the most votes in Tel Aviv.",
    "Her list still won the most votes in the capital.",
    "Russia won the fewest medals since 1996.",
    "Almost no one was hurt when the missile hit Kharkiv.",
    "Almost nobody was hurt when the rocket hit Sderot.",
    "The minister played the fool at the charity gala.",
    "Marine biologists tagged fish like sharks and rays off Gaza.",
    "Gaza's worst-ever outbreak of polio spread in August.",
    "It was Israel's deadliest ever attack on Iran.",
    "The general went on trial for treason in Kyiv.",
    "The general went on trial for treason in Moscow.",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_standard_neutral_words_are_not_flagged(text):
    """Is the wire services' standard description of an event left unflagged (whichever side it concerns)?"""
    assert verdicts(text) == []


# -- loaded words: flagged, whichever side, wherever, however capitalised ----------------------

LOADED = [
    ("Dictator Vladimir Putin ordered the strike.", ["dictator"]),
    ("Dictator Volodymyr Zelensky ordered the strike.", ["dictator"]),
    ("The strike was ordered by the dictator.", ["dictator"]),
    ("DICTATOR PUTIN ORDERS STRIKE", ["dictator"]),
    ("the dictator ordered the strike.", ["dictator"]),
    ("Hamas terrorists crossed into southern Israel.", ["terrorists"]),
    ("Settler terrorists attacked the village.", ["terrorists"]),
    ("The regime in Moscow denied it.", ["regime"]),
    ("The regime in Kyiv denied it.", ["regime"]),
    ("The Kremlin's puppet in Minsk spoke.", ["puppet"]),
    ("Washington's puppet in Kyiv spoke.", ["puppet"]),
    ("The senator slammed the Democrats' plan.", ["slammed"]),
    ("The senator slammed the Republicans' plan.", ["slammed"]),
    ("Indian forces unleashed a brutal crackdown in Kashmir.", ["unleashed", "brutal", "crackdown"]),
    ("Pakistani forces unleashed a brutal crackdown in Balochistan.", ["unleashed", "brutal", "crackdown"]),
    ("The heroic defenders of Mariupol held out.", ["heroic"]),
    ("The heroic defenders of Bakhmut held out.", ["heroic"]),
    ("Sudan's army butchered civilians in Khartoum.", ["butchered"]),
    ("The RSF butchered civilians in El Fasher.", ["butchered"]),
    ("Beijing's aggression against Taiwan grows.", ["aggression"]),
    ("Taipei's aggression against China grows.", ["aggression"]),
    ("The US war machine rolled into Iraq.", ["war machine"]),
    ("Saddam's war machine rolled into Kuwait.", ["war machine"]),
    ("Far-left activists blocked the road.", ["far-left activists"]),
    ("Far-right activists blocked the road.", ["far-right activists"]),
    ("The radical left wants to destroy the country.", ["radical left"]),
    ("The radical right wants to destroy the country.", ["radical right"]),
    ("Ethiopia's army is led by a warlord.", ["warlord"]),
    ("Tigray's forces are led by a warlord.", ["warlord"]),
    ("It was a shameful vote by the Tories.", ["shameful"]),
    ("It was a shameful vote by Labour.", ["shameful"]),
    ("Hamas militants and their cronies fled.", ["cronies"]),
    # the second set (see NEUTRAL)
    ("The Zionist entity bombed Gaza.", ["zionist entity"]),
    ("The butcher of Damascus spoke.", ["butcher of"]),
    ("Modi's goons attacked the protesters.", ["goons"]),
    ("Pakistan's terror factories churn out fighters.", ["terror factories"]),
    ("The heroic Tigrayan fighters prevailed.", ["heroic"]),
    ("Washington's lapdogs in Europe agreed.", ["lapdogs"]),
    ("Woke activists ruined the film.", ["woke activists"]),
    # the third set (see NEUTRAL)
    ("Israeli soldiers are thugs.", ["thugs"]),
    ("Hamas fighters are thugs.", ["thugs"]),
    ("The Zionist regime bombed Gaza.", ["zionist regime"]),
    ("The Iranian regime executed a protester.", ["regime"]),
    ("The RSF savages burned the market.", ["savages"]),
    ("Army savages burned the market.", ["savages"]),
    ("Modi's fascist government passed the law.", ["fascist"]),
    ("Pakistan's fascist government passed the law.", ["fascist"]),
    ("Trump's cronies got the contracts.", ["cronies"]),
    ("Biden's cronies got the contracts.", ["cronies"]),
    ("The MAGA cultists lost the vote.", ["cultists"]),
    ("The brutal junta bombed the school.", ["brutal"]),
    ("The brutal rebels bombed the school.", ["brutal"]),
    ("Abiy's genocidal war on Tigray continued.", ["genocidal"]),
    ("The TPLF's genocidal war continued.", ["genocidal"]),
    ("DICTATOR MODI BANS PROTESTS", ["dictator"]),
    ("Dictator Sharif bans protests", ["dictator"]),
    ("Radical Islamists attacked the church.", ["radical islamists"]),
    ("Radical Hindu nationalists attacked the mosque.", ["radical hindu nationalists"]),
    ("The mayor's war on drivers goes on.", ["war on"]),
    ("The minister stormed out of the meeting.", ["stormed out"]),
    ("Biden Slams Republicans Over Budget", ["slams"]),
    ("Israel is committing genocide in Gaza.", ["genocide"]),
    ("Hamas is committing genocide against Jews.", ["genocide"]),
    ("The ministers looted the treasury.", ["looted"]),
    ("TRUMP BLASTS DEMOCRATS", ["blasts"]),
    # the fourth set (see NEUTRAL): the same words with no record, or as plain labels
    ("It was the worst government in Turkey's modern history.", ["worst"]),
    ("Kyiv's regime-backed militias fought.", ["regime"]),
    ("Moscow's state propaganda repeated the claim.", ["propaganda"]),
    pytest.param(
        "Israeli butchers bombed the hospital.",
        ["butchers"],
        marks=pytest.mark.xfail(
            reason="known gap: 'butcher' is listed only as 'butcher of'; the bare noun is also a trade", strict=True
        ),
    ),
    pytest.param(
        "The mainstream media hid the truth.",
        ["mainstream media"],
        marks=pytest.mark.xfail(
            reason="known gap: 'mainstream media' is also a plain description; the lens cannot tell the sneer from it",
            strict=True,
        ),
    ),
]


LOADED += [
    # the fifth set (opinion devices: similes, evaluative phrases, sweeping quantifiers, negated labels)
    ("Labour's donors circled the contract like vultures.", ["like vultures"]),
    ("Tory donors circled the contract like vultures.", ["like vultures"]),
    ("The same sad spectacle played out in Kyiv.", ["sad spectacle"]),
    ("The same sad spectacle played out in Moscow.", ["sad spectacle"]),
    ("It is a textbook case of ideology over common sense.", ["textbook case of", "over common sense"]),
    ("Hamas's plan is one that almost nobody asked for.", ["almost nobody"]),
    ("Israel's plan is one that almost nobody asked for.", ["almost nobody"]),
    ("Nobody asked for the Democrats' new tax.", ["nobody asked for"]),
    ("Nobody asked for the Republicans' new tax.", ["nobody asked for"]),
    ("Ukraine's fight is not hopeless.", ["hopeless"]),  # negated: still named, said to be negated
    ("Russia's fight is not hopeless.", ["hopeless"]),
    ("The Likud list won the most shameful victory.", ["most shameful"]),
]


@pytest.mark.parametrize("text, expected", LOADED)
def test_loaded_words_are_flagged_whichever_side(text, expected):
    """Is a judging word flagged in the writer's voice, whichever side it describes, at any place, in any case?"""
    assert verdicts(text) == expected


# -- mirrored pairs: the same sentence with the sides (or the position, or the case) swapped --------

MIRRORED = [
    ("Russia's invasion of Ukraine entered its third year.", "Iraq's invasion of Kuwait entered its sixth month."),
    ("Hamas militants fired rockets at Israel.", "Hezbollah militants fired rockets at Israel."),
    ("Israeli troops seized the crossing.", "Hamas fighters seized the crossing."),
    ("Ukrainian troops seized the village.", "Russian troops seized the village."),
    ("Indian troops seized the post.", "Pakistani troops seized the post."),
    ("Dictator Putin spoke on Monday.", "Dictator Zelensky spoke on Monday."),
    ("Dictator Xi spoke on Monday.", "Dictator Lai spoke on Monday."),
    ("Dictator Putin spoke on Monday.", "On Monday spoke dictator Putin."),
    ("Dictator Putin spoke on Monday.", "DICTATOR Putin spoke on Monday."),
    ("The regime in Tehran denied it.", "The regime in Washington denied it."),
    ("The regime in Beijing denied it.", "The regime in Taipei denied it."),
    ("The Sudanese army's brutal assault continued.", "The RSF's brutal assault continued."),
    ("The Ethiopian army's brutal assault continued.", "The Tigrayan forces' brutal assault continued."),
    ("American troops slaughtered the villagers.", "Iraqi troops slaughtered the villagers."),
    ("The senator slammed the Democrats.", "The senator slammed the Republicans."),
    ("Far-left thugs attacked the rally.", "Far-right thugs attacked the rally."),
    ("The liberal elite despise you.", "The conservative elite despise you."),
    ("Hamas terrorists attacked the kibbutz.", "Israeli terrorists attacked the village."),
    ("The heroic Ukrainian army held the line.", "The heroic Russian army held the line."),
    ("Militants attacked a police post in Kashmir.", "Militants attacked a police post in Balochistan."),
    ("China's aggression in the strait worries Japan.", "America's aggression in the strait worries China."),
    ("The Labour government's disastrous policy failed.", "The Conservative government's disastrous policy failed."),
    ("Biden's so-called plan was unveiled.", "Trump's so-called plan was unveiled."),
    ("Protesters stormed the Capitol.", "Protesters stormed the parliament in Colombo."),
    # the third set (see NEUTRAL)
    ("Israeli forces seized the hospital.", "Hamas fighters seized the hospital."),
    ("Israeli butchers of Gaza spoke.", "Hamas butchers of Gaza spoke."),
    ("Sudan's army is a gang of thugs.", "The RSF is a gang of thugs."),
    ("Myanmar's junta thugs burned the village.", "Arakan Army thugs burned the village."),
    ("Ethiopia's brutal army advanced.", "Tigray's brutal army advanced."),
    ("Modi's regime cracked down.", "Sharif's regime cracked down."),
    ("Indian terrorists struck Quetta.", "Pakistani terrorists struck Pahalgam."),
    ("The radical left rioted.", "The radical right rioted."),
    ("Democrat cronies profited.", "Republican cronies profited."),
    ("The senator blasted Biden.", "The senator blasted Trump."),
    ("Netanyahu's regime rejected the plan.", "Hamas's regime rejected the plan."),
    ("Heroic Ukrainian defenders held the city.", "Heroic Russian defenders held the city."),
    ("Russian invaders shelled the town.", "Ukrainian invaders shelled the town."),
    ("The attack was ordered by butcher Putin.", "Butcher Putin ordered the attack."),
    ("Terrorist Hamas attacked.", "terrorist Hamas attacked."),
    ("The terrorist group attacked.", "THE TERRORIST GROUP ATTACKED."),
    ("Slammed by critics, Biden resigned.", "Biden resigned, slammed by critics."),
    ("Tigrayan forces seized Mekelle.", "Ethiopian forces seized Mekelle."),
    ("The Houthi militia seized the ship.", "The Israeli navy seized the ship."),
    ("Pro-Palestinian thugs disrupted the lecture.", "Pro-Israel thugs disrupted the lecture."),
    ("Leftist mobs tore down the statue.", "Rightist mobs tore down the statue."),
    ("The so-called Palestinian state.", "The so-called Jewish state."),
    ("The far-right AfD won seats.", "The far-left Linke won seats."),
    ("Far-left Democrats voted no.", "Far-right Republicans voted no."),
    ("Indian aggression in Kashmir continued.", "Pakistani aggression in Kashmir continued."),
    ("Hamas's barbaric attack shocked the world.", "Israel's barbaric attack shocked the world."),
    ("Russia's war on Ukraine went on.", "Israel's war on Hamas went on."),
    ("Biden Slams Republicans Over Budget", "Trump Slams Democrats Over Budget"),
    ("Russia is committing genocide in Ukraine.", "Ukraine is committing genocide in Donbas."),
    ("Russian soldiers looted homes, residents said.", "Ukrainian soldiers looted homes, residents said."),
    ("The Democrats looted the treasury.", "The Republicans looted the treasury."),
    ("Senator Slams Bill", "Senator Slammed Bill"),
    ("Republicans slammed by Biden", "Democrats Slammed By Trump"),
    ("Minister blasts critics", "MINISTER BLASTS CRITICS"),
    ("Protesters stormed the Capitol in Washington.", "Protesters stormed Congress in Brasilia."),
    (
        "The PKK, designated a terrorist group by Turkey, denied it.",
        "Hamas, designated a terrorist group by Israel, denied it.",
    ),
    # the fourth set (see NEUTRAL)
    ("Russia's worst attack on Kyiv since 2022 killed 20.", "Ukraine's worst attack on Belgorod since 2022 killed 20."),
    ("Israel's worst attack in decades hit Gaza.", "Hamas's worst attack in decades hit Israel."),
    ("The worst flood on record hit Pakistan.", "The worst flood on record hit India."),
    ("Modi's worst decision in years.", "Sharif's worst decision in years."),
    ("The worst attack in Israel's history.", "THE WORST ATTACK IN ISRAEL'S HISTORY."),
    ("Washington pursued regime change in Caracas.", "Moscow pursued regime-change in Kyiv."),
    ("Israel's counter-propaganda unit replied.", "Hamas's counter-propaganda unit replied."),
    ("Israel's propaganda unit replied.", "Hamas's propaganda unit replied."),
    ("Panic buying hit Moscow.", "Panic buying hit Kyiv."),
    ("Hamas gunmen hijacked a bus near Jerusalem.", "Settlers hijacked a bus near Hebron."),
    ("He is on Israel's most wanted terrorists list.", "He is on Iran's most wanted terrorists list."),
    ("India's most wanted terrorist was caught.", "Pakistan's most wanted terrorist was caught."),
    ("The Houthis hijacked a cargo ship.", "Somali pirates hijacked a cargo ship."),
    ("Leftists hijacked the debate.", "Rightists hijacked the debate."),
    ("Pakistan's reform was a disaster.", "India's reform was a disaster."),
    ("Russians reacted with panic.", "Ukrainians reacted with panic."),
    # the fifth set
    ("Labour won the most seats.", "The Conservatives won the most seats."),
    ("Netanyahu's list won the most votes.", "Lapid's list won the most votes."),
    ("Gazprom won the most contracts.", "Naftogaz won the most contracts."),
    ("Gazprom won the most lucrative contracts.", "Naftogaz won the most lucrative contracts."),
    ("Protesters circled Netanyahu like vultures.", "Protesters circled Lapid like vultures."),
    ("Settlers behaved like a pack of wolves.", "Militants behaved like a pack of wolves."),
    ("Settlers circled like hungry vultures.", "Like hungry vultures, militants circled."),
    ("Russia's worst-ever flood hit Orsk.", "Ukraine's worst-ever flood hit Odesa."),
    ("Russia's worst-ever leader.", "Ukraine's worst-ever leader."),
    ("His conviction for treason in Minsk was upheld.", "His conviction for treason in Vilnius was upheld."),
    ("The treason of Minsk's rulers.", "The treason of Vilnius's rulers."),
    ("The Kremlin's case is not hopeless.", "Kyiv's case is not hopeless."),
    ("Kyiv's case isn't hopeless.", "The Kremlin's case isn't hopeless."),
    ("Putin did not criticise the corrupt courts.", "Zelensky did not criticise the corrupt courts."),
    ("Nobody wants Biden's plan.", "Nobody wants Trump's plan."),
    ("Supporters of Modi played the fool.", "Supporters of Gandhi played the fool."),
    (
        "The coach praised the team's aggression, the striker scored and the league title was won.",
        "The manager praised the side's aggression, the goalkeeper saved a penalty and the league title was won.",
    ),
]


@pytest.mark.parametrize("left, right", MIRRORED)
def test_mirrored_pairs_agree(left, right):
    """With the sides (or the place in the sentence, or the case) swapped, does the lens give the same verdicts?"""
    assert devices(left) == devices(right)


# -- every neutral alternative passes the kit's own lens and keeps the meaning --------------------


def _options(alternative: str) -> list[str]:
    """The wordings an alternative offers: variants (``|``) and options (`` / ``), without notes in brackets."""
    out = []
    for part in alternative.split("|"):
        for option in part.split(" / "):
            option = re.sub(r"\([^)]*\)", "", option).strip().strip(".;,")
            if option:
                out.append(option)
    return out


def _alternatives():
    seen = set()
    for t in loaded.matcher().terms:
        for option in _options(t.alternative):
            if option.lower() not in seen:
                seen.add(option.lower())
                yield pytest.param(option, id=f"{t.term.split('|')[0]}->{option}")


@pytest.mark.parametrize("option", list(_alternatives()))
def test_every_alternative_passes_the_lens(option):
    """Does every neutral wording the word lists offer pass the loaded lens itself, in a neutral sentence?"""
    a = mediakit.load_article(f"They said it was {option} in the report.")
    assert [s.text for s in loaded.find(a, {})] == []


def _term_params():
    seen = set()
    for t in loaded.matcher().terms:
        if t.term not in seen:
            seen.add(t.term)
            yield pytest.param(t.term, id=t.term.split("|")[0])


@pytest.mark.parametrize("term", list(_term_params()))
def test_every_inflected_alternative_passes_the_lens(term):
    """Does the alternative the lens actually offers for each form of a word (inflected like the match:
    "slammed" -> "criticised") pass the lens itself?"""
    t = next(t for t in loaded.matcher().terms if t.term == term)
    offered = set()
    for v in (v.strip() for v in t.term.split("|")):
        if not v or v.startswith("-") or "*" in v:
            continue
        forms = [v]
        if t.match == "verb":
            forms = [" ".join([f, *v.split()[1:]]) for f in loaded.verb_forms(v.split()[0]).values()]
        for w in forms:
            for text in (f"Officials said they {w} it.", f"Officials said the {w} was there."):
                for s in loaded.find(mediakit.load_article(text), {}):
                    offered.update(_options(s.alternative))
    for option in sorted(offered):
        a = mediakit.load_article(f"They said it was {option} in the report.")
        assert [s.text for s in loaded.find(a, {})] == [], option


@pytest.mark.parametrize(
    "term, not_the_same",
    [
        ("crushed", "defeated"),  # a heavy defeat is not any defeat
        ("daring", "bold"),  # "bold" is still a judgement
        ("daring", "risky"),
        ("trounce", "defeat"),
        ("humiliate", "defeat"),
        ("outrageous", "controversial"),  # itself a listed judgement
        ("stormed out", "left in anger"),  # "in anger" is still a reading of the person's mood
        ("slammed", "attacked"),  # an attack is a blow too
        ("cultist", "fanatic"),  # itself a label
    ],
)
def test_alternatives_keep_the_meaning(term, not_the_same):
    """Is no alternative a wording that changes the meaning or still judges ("crushed" is not "defeated"; "bold" for "daring")?"""
    t = next(t for t in loaded.matcher().terms if t.term.split("|")[0] == term)
    assert not_the_same not in [o.lower() for o in _options(t.alternative)]


def figures() -> dict[str, float]:
    """Recall on the loaded probes, false flags on the neutral probes, agreement of the mirrored pairs."""
    found = total = 0
    for case in LOADED:
        text, expected = case.values if hasattr(case, "values") else case
        got = verdicts(text)
        total += len(expected)
        found += sum(1 for w in expected if w in got)
    false = sum(1 for text in NEUTRAL if verdicts(text))
    agree = sum(1 for a, b in MIRRORED if devices(a) == devices(b))
    return {
        "recall": found / total,
        "false_flags": false / len(NEUTRAL),
        "mirrored_agreement": agree / len(MIRRORED),
        "loaded_words": total,
        "neutral_probes": len(NEUTRAL),
        "mirrored_pairs": len(MIRRORED),
    }


if __name__ == "__main__":
    for k, v in figures().items():
        print(f"{k:20s} {v:.3f}" if isinstance(v, float) else f"{k:20s} {v}")
