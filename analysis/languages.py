"""Per-language resources (resources/languages/<code>.toml) and language identification.

Identification is two-stage, because lingua on whole articles runs at ~200 articles/s here,
slower than tokenising them: a fast count of each configured language's frequent function
words decides clear cases; lingua, restricted to the configured languages so its models stay
small, decides the close calls. Text with too few function words of any configured language is
reported as unknown (`config.UNKNOWN_LANGUAGE`) and processed by the multilingual fallback.

Text in a language without resources but with a profile in `resources/language_profiles.toml`
(its function words, or its script) is named as that language rather than mistaken for a
configured one (Dutch shares "de" and "en" with Spanish), and read with the fallback too.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from analysis import config

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: A run of letters: an elision is two ("l'invasione"), a hyphenated word two or more.
LETTERS_RE = re.compile(r"[^\W\d_]+")
FAST_WORD_RE = re.compile(r"\w+")  # digits count as words too: a little less share, much faster

#: Share of a text's words that must be function words of the best language to accept it.
MIN_FUNCTION_SHARE = 0.10
#: A language without resources needs this many function-word hits (its lists are shorter).
MIN_OTHER_HITS = 3
#: Below this many words the function-word share is too noisy to call a text unknown.
MIN_EVIDENCE_WORDS = 12
#: The best language must beat the runner-up by this factor to skip lingua.
CLEAR_MARGIN = 1.6
#: Fewer words than this in a paragraph: too little evidence to differ from its article.
MIN_PARAGRAPH_WORDS = 4
#: A paragraph needs this many function-word hits to be labelled differently from its article.
MIN_PARAGRAPH_HITS = 3
#: lingua looks at most this many characters (its cost grows with length).
LINGUA_SAMPLE_CHARS = 1200


@dataclass(frozen=True)
class Offices:
    """A language's words of office (the `[offices]` table of its file): they join a person's
    name to a state's office ("Russian Deputy Foreign Minister Andrei Rudenko")."""

    titles: frozenset[str]  # heads: "minister", "ambassador", "portavoce"
    words: frozenset[str]  # an office's other words: "deputy", "foreign", "esteri"
    links: frozenset[str]  # articles and links inside an office's name: "of", "degli"
    posts: frozenset[str]  # where a post is, or to whom: "to", "in", "presso", "ante"
    former: frozenset[str]  # a former holder: "former", "ex", "già"
    #: a word ending in a title is that title (German "Vizeaußenminister", Swedish
    #: "utrikesminister")
    compounds: bool = False


@dataclass(frozen=True)
class LanguageData:
    """Everything language-specific the pipeline uses; one TOML file per language."""

    code: str
    name: str  # in the language's own words ("Português")
    function_words: frozenset[str]
    abbreviations: frozenset[str]
    locatives: frozenset[str]
    name_links: frozenset[str]
    conjunctions: frozenset[str]
    byline_prefixes: tuple[str, ...]
    published_cues: tuple[str, ...]
    credit_cues: tuple[str, ...]
    #: a closing sentence's words before the date it came out ("first published on …")
    published_words: tuple[str, ...] = ()
    #: a speech's or statement's line giving the day it was delivered ("Delivered on: 18
    #: November 2025"): the text after it speaks from that day ("tonight", "today")
    delivered_cues: tuple[str, ...] = ()
    #: the formula that closes a signed document, then its place and date ("Hecho en
    #: Montevideo, el 6 de diciembre de 2024.", "Done at Brussels on 3 March 2025.")
    signed_words: tuple[str, ...] = ()
    #: words of a publisher's name on a short line above the headline: a masthead or letterhead
    #: ("The Continental Post", "Ministry of Foreign Affairs of Japan"), not the title
    publisher_words: frozenset[str] = frozenset()
    #: the words naming a broadcaster's service after its acronym on a masthead line ("ABC
    #: News", "NHK World")
    acronym_publisher_words: frozenset[str] = frozenset()
    #: the word opening a masthead's edition after its separator ("TG1 – Edizione delle
    #: 20:00", "BBC News – Evening Edition"): the name before it is the publisher's
    edition_words: frozenset[str] = frozenset()
    #: a correspondent's title between a writer's name and the capital they write from
    #: ("ÁLVARO SANZ Corresponsal Washington")
    correspondent_words: tuple[str, ...] = ()
    #: a writer's post after their publisher's name in a byline ("HARUKA MIYOSHI, Nikkei staff
    #: writer")
    staff_words: tuple[str, ...] = ()
    #: a newsroom's bureau joined to its publisher's name in a byline ("Von Martin Falkner,
    #: ARD-Studio Tokio")
    bureau_words: tuple[str, ...] = ()
    #: the word for a newsroom that signs a story with its publisher's name ("Redacción La
    #: Crónica Andina | Lima")
    newsroom_words: tuple[str, ...] = ()
    #: the words of a publisher's promotion of itself before its name ("become a member of The
    #: Kyiv Independent", "iscriviti alla newsletter «Il Punto» del Corriere della Sera")
    promotion_words: tuple[str, ...] = ()
    #: a follow button a copied page leaves after a byline's names ("Par :RFI Suivre")
    follow_words: tuple[str, ...] = ()
    #: definite articles (the date grammar's `articles`): a masthead in capitals may open with
    #: one ("DER SPIEGEL", "THE ECONOMIST")
    articles: frozenset[str] = frozenset()
    #: a short topic line sits above the headline (German Dachzeile): of two headline lines,
    #: a first one of a few words, shorter than the second, is not the title
    topic_line_first: bool = False
    #: the reserved-rights formula of a copyright line, lower-cased ("riproduzione riservata")
    rights_reserved: frozenset[str] = frozenset()
    #: an e-mail's link to its web version, lower-cased ("view this email in your browser"):
    #: the line that opens a pasted newsletter, not its title
    web_view_lines: tuple[str, ...] = ()
    #: a document's kind printed alone above its headline ("Press release", "Nota de prensa")
    document_labels: frozenset[str] = frozenset()
    months: dict[str, int] = field(default_factory=dict)
    #: those who govern, before a locative: "officials in Bamako" is the government
    governing: frozenset[str] = frozenset()
    #: verbs whose locative names who receives: "fournirait à Pyongyang" is the government
    recipients: frozenset[str] = frozenset()
    #: a capital after one of these, with a travel word among the few words before it, or
    #: right after a travel word, is a destination: "a visit to Moscow", "visited Tokyo"
    destinations: frozenset[str] = frozenset()
    travel_words: frozenset[str] = frozenset()
    #: after a hyphen, these make a capital a place: "Dakar-based"
    place_compounds: frozenset[str] = frozenset()
    #: prepositions that make a capital a place only where they open a clause ("A Tokyo la
    #: Borsa …", "Iran, a Mascate riprendono …"), being datives elsewhere ("armi a Mosca")
    fronted_locatives: frozenset[str] = frozenset()
    #: nouns that, linked to a capital, make it a place: "the city of Tripoli", "en el oeste
    #: de Caracas"
    place_nouns: frozenset[str] = frozenset()
    #: nouns of a post abroad: right before a fronted locative, the capital after it is where
    #: the post is ("l'ambasciata a Pechino"), not those who govern there
    seat_nouns: frozenset[str] = frozenset()
    #: impersonal subjects ("on", "man", "si"): after a capital that opens its sentence with a
    #: locative, they make it those who govern there ("À Téhéran, on suit le dossier")
    impersonal: frozenset[str] = frozenset()
    #: where a route starts ("da Pyongyang a Mosca"): the capital after it and a
    #: fronted locative is no name's place
    route_from: frozenset[str] = frozenset()
    #: words right before a locative that make the capital after it the topic, no place
    #: ("Quanto a Pyongyang, ha restituito …", "Quant à Pékin")
    topic_words: frozenset[str] = frozenset()
    #: nouns of a meeting or its outcome that make the capital right before them (after one of
    #: `venue_determiners`) its venue: "the Vilnius summit", "the Madrid talks"
    venue_nouns: frozenset[str] = frozenset()
    venue_determiners: frozenset[str] = frozenset()
    #: travel words may follow the destination ("nach Peking reisen": German puts the verb
    #: last), so the few words after a capital are read too
    travel_after: bool = False
    #: a number's dot before these is an ordinal, not a sentence end ("am 27. Januar"):
    #: the file's `ordinal_followers`, plus its month names where `ordinal_dot` is true
    ordinal_followers: frozenset[str] = frozenset()
    #: a period closing one of these ("a.m", "p.m") is no sentence end before a bracket or one
    #: of `clock_followers` (the file's weekdays and `time_zones`, lower case): "at 3 p.m.
    #: Monday", "9 a.m. (0000 GMT)"
    day_part_marks: frozenset[str] = frozenset()
    clock_followers: frozenset[str] = frozenset()
    #: a state's name or demonym right before one of these heads (one capitalised word may
    #: come between) or right after one of those names another body: "Qatar Airways",
    #: "Australian Open", "Cruz Roja China" (regular expressions, None when the file has none)
    name_heads_after: re.Pattern | None = None
    name_heads_before: re.Pattern | None = None
    #: after a state's name (not its demonym, not an acronym), nouns of a field of expertise,
    #: after a space or a hyphen ("a Korea specialist", "China watchers", "China-onderzoeker"):
    #: the name is the field, no mention
    field_nouns: re.Pattern | None = None
    #: every noun is capitalised (German): a capitalised word after a capital is no sign of
    #: a longer name ("wonach Pjöngjang Soldaten geschickt hat")
    capitalised_nouns: bool = False
    #: demonyms are written in lower case, nouns and adjectives alike ("i russi", "el
    #: gobierno alemán"): a capitalised one inside a sentence is a surname ("Mario Russo",
    #: "Rodrigo Alemán")
    lowercase_demonyms: bool = False
    #: articles (and their contractions) before a body's capitalised name, whose capitalised
    #: demonym is the state's ("la República Portuguesa", "la Fuerza Aeroespacial Colombiana")
    name_articles: frozenset[str] = frozenset()
    #: the language's name in English, for messages ("Portuguese")
    english_name: str = ""
    #: other spellings of the same words ([("ß", "ss")]: Swiss German), which the word lists
    #: and the gazetteer's names of the language take in too
    spelling_variants: tuple[tuple[str, str], ...] = ()
    #: the ending a person's name takes in the genitive ("Wadephuls Reise"), and the endings
    #: after which it takes none ("Merz' Rede")
    genitive_suffix: str = ""
    genitive_bare_after: tuple[str, ...] = ()
    offices: Offices | None = None


@dataclass(frozen=True)
class Profile:
    """A language recognised without resources of its own (resources/language_profiles.toml)."""

    code: str
    name: str
    script: str
    function_words: frozenset[str] = frozenset()
    #: letters a state's name may carry after its stem ("Rosji", "Россией", "러시아에")
    name_suffix: int = 0
    #: the spaCy language whose tokenizer reads it, where that is not its own
    tokenizer: str = ""
    #: a name shorter than this many letters (once its final vowels are gone) takes no suffix
    min_stem: int = 4
    #: words before a capital that make it a place ("w Warszawie", "в Москве", "在北京")
    locatives: frozenset[str] = frozenset()
    #: endings or particles right after a capital that make it a place ("Moskova'da",
    #: "東京で", "서울에서")
    place_suffixes: tuple[str, ...] = ()
    #: the twelve months in the locative case, January first, where dateparser lists none
    #: ("в сентябре", "у червні")
    month_locatives: tuple[str, ...] = ()
    #: words before a month naming a part of it, which make a bare month a date as a locative
    #: does ("primo maj", "ultimo oktober")
    month_parts: frozenset[str] = frozenset()
    #: languages with resources that share most of its function words (Danish and Norwegian
    #: with Swedish, Afrikaans with Dutch): their lists leave those words out, so where one
    #: of them is configured the function words cannot tell the two apart, and lingua does
    kin: frozenset[str] = frozenset()


@cache
def profiles() -> dict[str, Profile]:
    """Every recognised language without a resource file, by ISO 639-1 code."""
    if not config.LANGUAGE_PROFILES.exists():
        return {}
    raw = tomllib.loads(config.LANGUAGE_PROFILES.read_text(encoding="utf-8"))
    own = config.resource_languages()
    return {
        code: Profile(
            code=code,
            name=str(entry.get("name", code)),
            script=str(entry.get("script", "Latin")),
            function_words=frozenset(w.lower() for w in entry.get("function_words", ())),
            name_suffix=int(entry.get("name_suffix", 0)),
            tokenizer=str(entry.get("tokenizer", "")),
            min_stem=int(entry.get("min_stem", 4)),
            locatives=frozenset(w.lower() for w in entry.get("locatives", ())),
            place_suffixes=tuple(entry.get("place_suffixes", ())),
            month_locatives=tuple(w.lower() for w in entry.get("month_locatives", ())),
            month_parts=frozenset(w.lower() for w in entry.get("month_parts", ())),
            kin=frozenset(entry.get("kin", ())),
        )
        for code, entry in raw.items()
        if code not in own
    }


def language_name(code: str) -> str:
    """The English name of a language ("Dutch"), else its code."""
    if code in profiles():
        return profiles()[code].name
    if english := language_data(code).english_name:
        return english
    return "unknown" if code == config.UNKNOWN_LANGUAGE else code


UPPER_START = "A-ZÀ-ÖØ-Þ"


def _phrases(heads) -> str:
    """An alternation of phrases whose spaces match any run of spaces or tabs."""
    return "|".join(r"[ \t]+".join(map(re.escape, h.split())) for h in sorted(heads, key=len)[::-1])


def _heads_after(heads) -> re.Pattern | None:
    """Matches right after a name: at most two capitalised words ("Australian Strategic
    Policy Institute"), then a head, then no letter."""
    if not heads:
        return None
    return re.compile(
        rf"(?:[ \t]+[{UPPER_START}][\w'’.-]*){{0,2}}[ \t]+(?:{_phrases(heads)})(?!\w)"
    )


#: What joins an institution's name to the state it is "of": "de", "du", "de la", "of the"
INSTITUTION_LINK = r"(?:of|de|du|des|del|della|di|do|da|dos|der|des)(?:[ \t]+(?:la|the))?|d['’]"


def _heads_before(heads, institutions=()) -> re.Pattern | None:
    """Matches at the end of the text before a name: a head, then spaces; or an
    institution's head, one to three capitalised words and a link ("Fondation Asie
    Pacifique du Canada") or none ("Universidade Católica Portuguesa")."""
    if not heads and not institutions:
        return None
    parts = [rf"(?:{_phrases(heads)})[ \t]+"] if heads else []
    if institutions:
        parts.append(
            rf"(?:{_phrases(institutions)})(?:[ \t]+[A-ZÀ-Ý][\w'’-]*){{1,3}}[ \t]+"
            rf"(?:(?:{INSTITUTION_LINK})[ \t]*)?"
        )
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})$")


def with_english(code: str, attribute: str) -> str:
    """A regex alternation of a word list of `code`'s and English's (longest first, so a
    longer title wins), or "" when neither has one: English page furniture is common in
    every language ("Correspondent", "staff writer")."""
    words = getattr(language_data(code), attribute) + getattr(language_data("en"), attribute)
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def spelled(word: str, variants: list[list[str]]) -> list[str]:
    """`word` and its other spellings: with `variants` [["ß", "ss"]] (Swiss German writes
    "Aussenministerium", "Grossbritannien"), "Außenministerium" and "Aussenministerium"."""
    forms = [word]
    for written, other in variants:
        forms += [f.replace(written, other) for f in forms if written in f]
    return list(dict.fromkeys(forms))


def with_spelling_variants(raw: dict) -> dict:
    """A language file's word lists with the other spellings its `spelling_variants` name."""
    variants = raw.get("spelling_variants", [])
    if not variants:
        return raw
    return {
        key: [form for word in value for form in spelled(word, variants)]
        if isinstance(value, list) and all(isinstance(w, str) for w in value)
        else value
        for key, value in raw.items()
    }


@cache
def language_data(code: str) -> LanguageData:
    """Resources for `code`; the unknown-language fallback gets English punctuation rules only."""
    path = config.LANGUAGES_DIR / f"{code}.toml"
    if not path.exists():
        return LanguageData(
            code, code, frozenset(), frozenset(), frozenset(), frozenset(), frozenset(), (), (), ()
        )
    raw = with_spelling_variants(tomllib.loads(path.read_text(encoding="utf-8")))
    months = {k.lower(): int(v) for k, v in raw.get("months", {}).items()}
    name_links = frozenset(w.lower() for w in raw.get("name_links", ()))
    name_articles = frozenset(w.lower() for w in raw.get("name_articles", ()))
    articles = frozenset(
        w.casefold() for w in raw.get("temporal", {}).get("articles", ()) if w.isalpha()
    )
    return LanguageData(
        code=raw["code"],
        name=raw.get("name", code),
        function_words=frozenset(w.lower() for w in raw.get("function_words", ())),
        abbreviations=frozenset(raw.get("abbreviations", ())),
        locatives=frozenset(w.lower() for w in raw.get("locatives", ())),
        name_links=name_links,
        conjunctions=frozenset(w.lower() for w in raw.get("conjunctions", ())),
        byline_prefixes=tuple(raw.get("byline_prefixes", ())),
        published_cues=tuple(raw.get("published_cues", ())),
        credit_cues=tuple(raw.get("credit_cues", ())),
        published_words=tuple(raw.get("published_words", ())),
        delivered_cues=tuple(w.casefold() for w in raw.get("delivered_cues", ())),
        signed_words=tuple(raw.get("signed_words", ())),
        publisher_words=frozenset(w.casefold() for w in raw.get("publisher_words", ())),
        acronym_publisher_words=frozenset(
            w.casefold() for w in raw.get("acronym_publisher_words", ())
        ),
        edition_words=frozenset(w.casefold() for w in raw.get("edition_words", ())),
        correspondent_words=tuple(raw.get("correspondent_words", ())),
        staff_words=tuple(raw.get("staff_words", ())),
        bureau_words=tuple(raw.get("bureau_words", ())),
        newsroom_words=tuple(raw.get("newsroom_words", ())),
        promotion_words=tuple(raw.get("promotion_words", ())),
        follow_words=tuple(raw.get("follow_words", ())),
        articles=articles,
        topic_line_first=bool(raw.get("topic_line_first", False)),
        rights_reserved=frozenset(w.casefold() for w in raw.get("rights_reserved", ())),
        web_view_lines=tuple(w.casefold() for w in raw.get("web_view_lines", ())),
        document_labels=frozenset(w.casefold() for w in raw.get("document_labels", ())),
        months=months,
        governing=frozenset(w.lower() for w in raw.get("governing", ())),
        recipients=frozenset(w.lower() for w in raw.get("recipients", ())),
        destinations=frozenset(w.lower() for w in raw.get("destinations", ())),
        travel_words=frozenset(w.lower() for w in raw.get("travel_words", ())),
        place_compounds=frozenset(w.lower() for w in raw.get("place_compounds", ())),
        fronted_locatives=frozenset(w.lower() for w in raw.get("fronted_locatives", ())),
        place_nouns=frozenset(w.lower() for w in raw.get("place_nouns", ())),
        seat_nouns=frozenset(w.lower() for w in raw.get("seat_nouns", ())),
        impersonal=frozenset(w.lower() for w in raw.get("impersonal", ())),
        route_from=frozenset(w.lower() for w in raw.get("route_from", ())),
        topic_words=frozenset(w.lower() for w in raw.get("topic_words", ())),
        venue_nouns=frozenset(w.lower() for w in raw.get("venue_nouns", ())),
        venue_determiners=frozenset(w.lower() for w in raw.get("venue_determiners", ())),
        travel_after=bool(raw.get("travel_after", False)),
        name_heads_after=_heads_after(raw.get("name_heads_after", ())),
        field_nouns=(
            re.compile(rf"(?:[ \t]+|[-‐])(?:{_phrases(raw['field_nouns'])})(?!\w)")
            if raw.get("field_nouns")
            else None
        ),
        name_heads_before=_heads_before(
            raw.get("name_heads_before", ()), raw.get("institution_heads", ())
        ),
        ordinal_followers=frozenset(
            [w.lower() for w in raw.get("ordinal_followers", ())]
            + (list(months) if raw.get("ordinal_dot") else [])
        ),
        day_part_marks=frozenset(w.lower() for w in raw.get("day_part_marks", ())),
        clock_followers=frozenset(
            [w.lower() for w in raw.get("temporal", {}).get("weekdays", {})]
            + [w.lower() for w in raw.get("time_zones", ())]
        ),
        capitalised_nouns=bool(raw.get("capitalised_nouns", False)),
        lowercase_demonyms=bool(raw.get("lowercase_demonyms", False)),
        name_articles=name_articles,
        english_name=str(raw.get("english_name", "")),
        spelling_variants=tuple(tuple(pair) for pair in raw.get("spelling_variants", ())),
        genitive_suffix=raw.get("genitive_suffix", ""),
        genitive_bare_after=tuple(raw.get("genitive_bare_after", ())),
        offices=_offices(raw.get("offices"), name_links | name_articles | articles),
    )


def _offices(table: dict | None, links: frozenset[str]) -> Offices | None:
    """The file's `[offices]`; `links` are the language's name links and articles, which
    join an office's words too."""
    if not table:
        return None

    def words(key: str) -> frozenset[str]:
        return frozenset(w.casefold() for w in table.get(key, ()))

    return Offices(
        titles=words("titles"),
        words=words("words"),
        links=words("links") | links,
        posts=words("posts"),
        former=words("former"),
        compounds=bool(table.get("compounds", False)),
    )


@dataclass(frozen=True)
class Guess:
    """A language decision with the evidence behind it."""

    language: str  # ISO 639-1, or config.UNKNOWN_LANGUAGE
    method: str  # "function-words", "lingua", "too-short", "no-evidence"
    share: float  # share of words that are function words of `language`
    hits: int


LETTER_RE = re.compile(r"[^\W\d_]")
NON_LATIN_RE = re.compile(r"[^\W\d_\u0000-\u024f]")


def latin_share(text: str, n_letters: int | None = None) -> float:
    """Share of letters that are Latin script (basic, Latin-1 and Extended-A/B ranges);
    `n_letters` may be given when the caller already counted them."""
    letters = len(LETTER_RE.findall(text)) if n_letters is None else n_letters
    if not letters:
        return 0.0
    if text.isascii():
        return 1.0
    return max(0.0, 1 - len(NON_LATIN_RE.findall(text)) / letters)


def _counts(words: list[str] | Counter, languages: tuple[str, ...]) -> dict[str, int]:
    """Function-word hits per language (one dictionary pass, not one per language)."""
    tally = words if isinstance(words, Counter) else Counter(words)
    return {
        code: sum(tally[w] for w in tally.keys() & language_data(code).function_words)
        for code in languages
    }


@cache
def _lingua(languages: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in languages]
    if len(langs) < 2:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _ask_lingua(text: str, languages: tuple[str, ...]) -> str | None:
    detector = _lingua(languages)
    if detector is None:
        return None
    found = detector.detect_language_of(text[:LINGUA_SAMPLE_CHARS])
    return found.iso_code_639_1.name.lower() if found is not None else None


#: Letters of each script other than Latin that a profile may name.
SCRIPTS = {
    "Cyrillic": "\u0400-\u04ff",
    "Greek": "\u0370-\u03ff",
    "Arabic": "\u0600-\u06ff\u0750-\u077f",
    "Hebrew": "\u0590-\u05ff",
    "Devanagari": "\u0900-\u097f",
    "Han": "\u3400-\u4dbf\u4e00-\u9fff",
    "Kana": "\u3040-\u30ff",
    "Hangul": "\u1100-\u11ff\uac00-\ud7af",
    "Thai": "\u0e00-\u0e7f",
    "Georgian": "\u10a0-\u10ff",
    "Armenian": "\u0530-\u058f",
}
SCRIPT_RES = {name: re.compile(f"[{chars}]") for name, chars in SCRIPTS.items()}
#: Japanese text mixes kana into its kanji; this share of kana among the two makes it Japanese.
MIN_KANA_SHARE = 0.05


def _other_counts(words: Counter, languages: tuple[str, ...], script: str) -> dict[str, int]:
    """Function-word hits of the profiled languages in `script`, and of the languages with
    resources that are not configured; a word some configured language also uses counts for
    that language only."""
    index = _other_index(languages, script)
    counts: Counter = Counter()
    # the intersection is small and made in C; sorted, so that ties rank alike in every
    # process (a set of strings iterates in an order that changes with the hash seed)
    for word in sorted(words.keys() & index.keys()):
        for code in index[word]:
            counts[code] += words[word]
    return dict(counts)


@cache
def _other_index(languages: tuple[str, ...], script: str) -> dict[str, tuple[str, ...]]:
    """`_other_counts`'s word lists, without the words of the configured languages, as
    word -> the languages it is a function word of."""
    taken = {w for code in languages for w in language_data(code).function_words}
    lists = {c: p.function_words for c, p in profiles().items() if p.script == script}
    if script == "Latin":
        own = config.resource_languages() - set(languages)
        lists |= {c: language_data(c).function_words for c in sorted(own)}
    index: dict[str, tuple[str, ...]] = {}
    for code, words in lists.items():
        for word in words - taken:
            index[word] = (*index.get(word, ()), code)
    return index


def _identify_script(sample: str, words: list[str], languages: tuple[str, ...]) -> Guess:
    """Text not in Latin script: the profiled language of its script, its function words
    choosing among several."""
    letters = {name: len(rx.findall(sample)) for name, rx in SCRIPT_RES.items()}
    script = max(letters, key=letters.get)
    if not letters[script]:
        return Guess(config.UNKNOWN_LANGUAGE, "no-evidence", 0.0, 0)
    if script in ("Han", "Kana"):
        kana = letters["Kana"] / max(letters["Kana"] + letters["Han"], 1)
        script = "Kana" if kana >= MIN_KANA_SHARE else "Han"
    of_script = [c for c, p in profiles().items() if p.script == script]
    if not of_script:
        return Guess(config.UNKNOWN_LANGUAGE, "no-evidence", 0.0, 0)
    if len(of_script) == 1:
        return Guess(of_script[0], "script", 0.0, 0)
    counts = _other_counts(Counter(words), languages, script)
    best = max(of_script, key=lambda c: counts.get(c, 0))
    if not counts.get(best):
        return Guess(config.UNKNOWN_LANGUAGE, "no-evidence", 0.0, 0)
    return Guess(best, "function-words", counts[best] / len(words), counts[best])


def identify(text: str, languages: tuple[str, ...] | None = None) -> Guess:
    """Language of a whole article (or any text long enough to carry evidence): one of the
    configured `languages`, a recognised language without resources (`profiles`), or
    unknown."""
    languages = languages or config.configured_languages()
    sample = text[:3_000]
    words = FAST_WORD_RE.findall(sample.lower())
    if not words or not LETTER_RE.search(sample):  # nothing, or numbers only
        return Guess(config.UNKNOWN_LANGUAGE, "no-evidence", 0.0, 0)
    if latin_share(sample, sum(map(len, words))) < 0.5:  # the configured ones are all Latin
        return _identify_script(sample, words, languages)
    tally = Counter(words)
    counts = _counts(tally, languages) | _other_counts(tally, languages, "Latin")
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    best, hits = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0
    share = hits / len(words)
    # a profiled language's list leaves out the words it shares with the configured ones
    least = MIN_FUNCTION_SHARE if best in languages else MIN_FUNCTION_SHARE / 2
    weak = best not in languages and hits < MIN_OTHER_HITS
    if (share < least or weak) and len(words) >= MIN_EVIDENCE_WORDS:
        return Guess(config.UNKNOWN_LANGUAGE, "no-evidence", share, hits)
    # its kin configured, or only not configured (Dutch read with the fallback): either way
    # a candidate whose words the profile's list leaves out
    known = set(languages) | config.resource_languages()
    kin = best in profiles() and profiles()[best].kin & known and _lingua_knows(best)
    if share >= least and hits >= CLEAR_MARGIN * max(runner, 1) and not kin:
        return Guess(best, "function-words", share, hits)
    # A close call (or a language its configured kin shares its words with): lingua decides
    # among the configured languages and the leading others.
    others = tuple(c for c, n in ranked[:2] if c not in languages and n and _lingua_knows(c))
    if kin:  # and the kin not configured, which the profile's list left behind
        others += tuple(sorted(profiles()[best].kin - set(languages) - set(others)))
    chosen = _ask_lingua(text, languages + others) or best
    return Guess(chosen, "lingua", counts.get(chosen, 0) / len(words), counts.get(chosen, 0))


def _lingua_knows(code: str) -> bool:
    from lingua import IsoCode639_1

    return hasattr(IsoCode639_1, code.upper())


def paragraph_language(counts: dict[str, int], n_words: int, article_language: str) -> str:
    """A paragraph's language from its function-word counts: its article's unless its own
    evidence clearly says otherwise.

    Headlines, datelines and captions carry little evidence, so a paragraph differs from its
    article only with several function words of another language and few of the article's
    own (a Spanish headline over an English body).
    """
    if n_words < MIN_PARAGRAPH_WORDS or not counts:
        return article_language
    best = max(counts, key=counts.get)
    own = counts.get(article_language, 0)
    if best == article_language or counts[best] < MIN_PARAGRAPH_HITS:
        return article_language
    if counts[best] >= CLEAR_MARGIN * max(own, 1) and counts[best] / n_words >= 0.2:
        return best
    return article_language


def identify_paragraph(text: str, article_language: str, languages: tuple[str, ...]) -> str:
    """`paragraph_language` on raw text (the pipeline computes the counts from tokens)."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    return paragraph_language(_counts(words, languages), len(words), article_language)
