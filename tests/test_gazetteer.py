"""The shipped gazetteer: complete enough, consistent, and loaded without errors."""

from collections import Counter

from analysis.actors import load_gazetteer


def test_every_state_is_named_in_every_gazetteer_language():
    gaz = load_gazetteer()
    states = {a.actor_id for a in gaz.actors.values() if a.kind == "state"}
    assert len(states) >= 193 + 4  # UN members, two observers, Taiwan, Kosovo
    assert {"VAT", "PSE", "TWN", "XKX", "PRK", "KOR", "RUS", "JPN"} <= states
    assert {"en", "it", "es", "fr", "de", "pt"} <= set(gaz.languages())
    for language in gaz.languages():
        named = {e.actor_id for e in gaz.entries_for(language) if e.type in ("name", "short")}
        assert states - {"SUN"} <= named, (language, sorted(states - named)[:10])


def test_organisations_organs_and_people_fold_into_their_actor():
    gaz = load_gazetteer()
    assert gaz.actors["UNSC"].state_id == "UN" and gaz.actors["UN"].kind == "organization"
    assert {"EU", "NATO", "G7", "G20", "ASEAN", "IAEA"} <= set(gaz.actors)
    assert gaz.actors["PERSON:Vladimir Putin"].state_id == "RUS"
    assert gaz.actors["PERSON:Kim Jong Un"].state_id == "PRK"
    assert gaz.actors["SUN"].state_id == "RUS"
    people = [a for a in gaz.actors.values() if a.kind == "person"]
    assert len(people) >= 200 and all(gaz.actors[p.state_id].kind != "person" for p in people)


def test_no_surface_names_two_actors_unconditionally():
    gaz = load_gazetteer()
    for language in gaz.languages():
        plain = Counter(
            (e.surface, e.case_sensitive)
            for e in {
                (e.actor_id, e.surface, e.case_sensitive): e
                for e in gaz.entries_for(language)
                if not e.requires and not e.is_block
            }.values()
        )
        assert [s for s, n in plain.items() if n > 1] == [], language


def test_demonyms_are_inflected_in_every_gazetteer_language():
    gaz = load_gazetteer()
    it = {e.surface for e in gaz.entries_for("it") if e.actor_id == "RUS"}
    es = {e.surface for e in gaz.entries_for("es") if e.actor_id == "RUS"}
    assert {"russo", "russa", "russi", "russe", "Mosca", "Cremlino"} <= it
    assert {"ruso", "rusa", "rusos", "rusas", "Moscú", "Rusia"} <= es
    fr = {e.surface for e in gaz.entries_for("fr") if e.actor_id == "RUS"}
    de = {e.surface for e in gaz.entries_for("de") if e.actor_id == "RUS"}
    pt = {e.surface for e in gaz.entries_for("pt") if e.actor_id == "RUS"}
    assert {"russe", "russes", "Moscou", "Russie"} <= fr
    assert {"russisch", "russische", "russischen", "Russen", "Moskau", "Russland"} <= de
    assert {"russo", "russa", "russos", "Moscovo", "Moscou", "Rússia"} <= pt


def test_every_profiled_language_has_fallback_names_for_the_states():
    from analysis.languages import SCRIPTS, profiles

    g = load_gazetteer()
    states = {a for a, actor in g.actors.items() if actor.kind == "state"}
    assert profiles(), "no language profiles"
    for code, profile in profiles().items():
        assert profile.script == "Latin" or profile.script in SCRIPTS, code
        names = g.fallback.get(code, ())
        covered = {e.actor_id for e in names}
        assert len(covered & states) >= 190, code  # the CLDR names nearly every state
        assert len(names) == len(set(names)), code  # CLDR and hand-kept forms once each
        assert {e.actor_id for e in g.entries_for(code)} >= covered  # beside English and "any"
    assert {"Северная Корея", "США"} <= {e.surface for e in g.fallback["ru"]}


def test_languages_with_a_names_file_get_no_fallback_names():
    g = load_gazetteer()
    assert not set(g.fallback) & set(g.languages())
