"""Write the fallback gazetteer names: every state's name (and the EU's and the UN's) in each
language of `analysis/resources/language_profiles.toml`, from the Unicode CLDR as Babel ships
it, to `analysis/resources/gazetteer/names/cldr/<code>.csv`; and the capitals of
`names/en.csv` that name a time zone, as the CLDR's exemplar cities write them in that
language where it differs from English ("Moskou", "Москва", "平壌").

    python tools/cldr_names.py [--check]

These languages have no names file of their own; an article in one of them is matched with
the English list, the language-free list and this one. `--check` writes nothing and exits 1
when a file differs from what the installed Babel gives. (The test suite does not run it: its
output follows the installed Babel's CLDR release; tests check the files the product reads.)
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import tomllib
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "analysis" / "resources"
OUT = RESOURCES / "gazetteer" / "names" / "cldr"
#: CLDR region codes of the organisations it names, and this gazetteer's ids for them
ORGANISATIONS = {"EU": "EU", "UN": "UN"}
#: States whose ISO alpha-3 code is a user-assigned one CLDR does not alias
USER_ASSIGNED = {"XK": "XKX"}


def alpha2_to_id(actor_ids: set[str]) -> dict[str, str]:
    """CLDR's two-letter region code -> the gazetteer's id, for the states it lists."""
    aliases = get_global("territory_aliases")
    mapping = {
        targets[0]: alpha3
        for alpha3, targets in aliases.items()
        if len(alpha3) == 3 and alpha3.isalpha() and len(targets) == 1 and alpha3 in actor_ids
    }
    mapping |= {k: v for k, v in USER_ASSIGNED.items() if v in actor_ids}
    mapping |= {k: v for k, v in ORGANISATIONS.items() if v in actor_ids}
    return mapping


def capital_zones(mapping: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Time zone -> (actor id, English capital) for the capitals of `names/en.csv` whose city
    is the exemplar city of a zone of the same state ("Europe/Moscow": RUS, Moscow)."""
    with open(RESOURCES / "gazetteer" / "names" / "en.csv", encoding="utf-8", newline="") as f:
        capitals = {
            (row["actor_id"], row["surface"])
            for row in csv.DictReader(f)
            if row["type"] == "capital"
        }
    english = Locale.parse("en").time_zones
    zones = {}
    for zone, region in get_global("zone_territories").items():
        city = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        actor_id = mapping.get(region, "")
        if (actor_id, city) in capitals:
            zones[zone] = (actor_id, city)
    return zones


def english_names() -> dict[str, str]:
    """Surface -> actor of the English and language-free names an article without resources
    is also matched with."""
    named = {}
    for name in ("en.csv", "any.csv"):
        with open(RESOURCES / "gazetteer" / "names" / name, encoding="utf-8", newline="") as f:
            named |= {row["surface"]: row["actor_id"] for row in csv.DictReader(f)}
    return named


def rows_for(
    code: str, mapping: dict[str, str], zones: dict[str, tuple[str, str]]
) -> list[tuple[str, str, str, str]]:
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return []
    names = locale.territories
    rows = {
        (actor_id, names[region].strip(), "name", "")
        for region, actor_id in mapping.items()
        if names.get(region, "").strip()
    }
    named = english_names() | {surface: actor_id for actor_id, surface, *_ in rows}
    for zone, (actor_id, english) in zones.items():
        city = locale.time_zones.get(zone, {}).get("city", "").strip()
        # not a city written as another state is ("Cuba" for Juba in Turkish)
        if city and city != english and named.get(city, actor_id) == actor_id:
            rows.add((actor_id, city, "capital", ""))
    return sorted(rows)


def render(rows: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["actor_id", "surface", "type", "requires"])
    writer.writerows(rows)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    profiles = tomllib.loads((RESOURCES / "language_profiles.toml").read_text(encoding="utf-8"))
    with open(RESOURCES / "gazetteer" / "actors.csv", encoding="utf-8", newline="") as f:
        actor_ids = {row["actor_id"] for row in csv.DictReader(f)}
    mapping = alpha2_to_id(actor_ids)
    zones = capital_zones(mapping)
    stale = []
    for code in sorted(profiles):
        rows = rows_for(code, mapping, zones)
        path = OUT / f"{code}.csv"
        if not rows:
            continue
        text = render(rows)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
