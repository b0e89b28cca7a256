"""Turn the bytes of one article file into clean text, or into a clear problem.

Plain text, Markdown and HTML are read; anything else (empty, binary, oversized, undecodable)
becomes a `BadInput` with a message naming the problem. Nothing here renders or executes the
article's markup: HTML is reduced to text (scripts, styles and attributes are dropped).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise

from analysis import config
from analysis.languages import LETTERS_RE


class BadInput(ValueError):
    """An article file that cannot be read; the message says why, in plain words."""


@dataclass
class Extracted:
    """Text of one article plus the metadata its format carried (HTML meta, front matter)."""

    text: str
    format: str  # "text", "markdown" or "html"
    encoding: str
    title: str = ""
    published: str = ""  # raw date string found in metadata
    source: str = ""
    url: str = ""
    language: str = ""
    warnings: list[str] = field(default_factory=list)
    #: a page's blocks between its headline and its body that the body lacks (standfirst,
    #: byline, date line): where a page without date metadata may still print its date
    header: tuple[str, ...] = ()
    #: the alt text of a page's logo: who publishes it when nothing else names them
    logo: str = ""


MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .xlsx file is one)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program (ELF binary)",
}
WESTERN = ("cp1252", "latin_1", "iso8859_15")
#: A Western European code page is preferred to the detector's choice when that decodes no
#: more cleanly and fits its language's letter frequencies better by less than this: on a
#: short text the fit is noise ("è" read as Czech "č"), and browsers in Western locales read
#: undeclared text as Windows-1252 too
WESTERN_MARGIN = 0.1
#: Encodings a file declares itself (a byte-order mark) or that strict decoding proves
DECLARED = ("utf-8", "utf-8-sig", "utf-16", "utf-32")
#: Plain names of the code pages a guess most often lands on
ENCODING_NAMES = {
    "cp1252": "Windows-1252 (Western European)",
    "latin_1": "Latin-1 (Western European)",
    "iso8859_15": "Latin-9 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "iso8859_2": "Latin-2 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)",
    "mac_roman": "Mac OS Roman",
    "shift_jis": "Shift JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "gb18030": "GB18030 (Chinese)",
    "big5": "Big5 (Chinese)",
    "euc_kr": "EUC-KR (Korean)",
}
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def format_of(name: str) -> str:
    """'text', 'markdown' or 'html' from a file name's suffix."""
    lower = name.lower()
    if lower.endswith(config.HTML_SUFFIXES):
        return "html"
    if lower.endswith(config.MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} KB"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: BOMs first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then a detector."""
    if not data.strip():
        raise BadInput("the file is empty")
    for magic, what in MAGIC.items():
        if data.startswith(magic):
            raise BadInput(f"this is {what}, not text; save the article as .txt, .md or .html")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise BadInput(
                    f"it starts like {encoding} text but is not valid {encoding}"
                ) from err
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a byte-order mark: every other byte of Latin text is zero.
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return _plausible(data.decode(encoding)), encoding
        except (UnicodeDecodeError, BadInput):
            raise BadInput("it is a binary file, not text") from None
    try:
        return _plausible(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise BadInput("it is a binary file, or text in an encoding that could not be recognised")
    close = {
        m.encoding: m
        for m in matches
        if m.chaos <= best.chaos and m.coherence >= best.coherence - WESTERN_MARGIN
    }
    best = next((close[e] for e in WESTERN if e in close), best)
    return _plausible(str(best)), best.encoding


def guessed_encoding_note(encoding: str) -> str:
    """What to tell the user about a file whose encoding was guessed ("" when it was not)."""
    if encoding.lower().replace("_", "-").startswith(DECLARED):
        return ""
    name = ENCODING_NAMES.get(encoding, encoding)
    return (
        f"the file is not UTF-8; it was read as {name}, a guess: if accented letters look "
        "wrong, save it as UTF-8"
    )


def _plausible(text: str) -> str:
    """Reject decoded 'text' that is mostly control characters (a binary file)."""
    sample = text[:20_000]
    bad = len(CONTROL_RE.findall(sample))
    if bad > max(8, len(sample) // 50):
        raise BadInput("it is a binary file, not text")
    return text


def clean(text: str) -> str:
    """Normalise newlines and Unicode (NFC), drop control characters and trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = CONTROL_RE.sub("", unicodedata.normalize("NFC", text))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


#: Hard-wrapped text: most lines no longer than this many characters (PDF columns, e-mail's 72)
WRAP_WIDTHS = (40, 100)
#: …and at least half of the lines followed by another line end mid-sentence
WRAPPED_SHARE = 0.5
MIN_WRAPPED_LINES = 5
LINE_END_RE = re.compile(r"[.!?:;\"”’)\]]$")
#: A line that opens a list item or a note ("2 Armed Forces…", "- Entry…")
ITEM_START_RE = re.compile(r"^\s*(?:\d{1,3}[.)]?\s|[-*•–]\s)")
SPLIT_WORD_RE = re.compile(r"([^\W\d_]+)-$")
FIRST_WORD_RE = re.compile(r"\s*(\S+)")
HYPHENATED_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")  # from a word's start only


def unwrap(text: str) -> str:
    """Text with hard line breaks (pasted from a PDF, a plain-text e-mail) joined back into
    its paragraphs, so that a sentence is not cut at every line's end. Only text whose lines
    share a width and mostly end mid-sentence is rewrapped; a line is joined to the next when
    it ends mid-sentence or the next line's first word would not have fitted on it, not
    before a list item or a note after a full stop. A word split at a line's end is joined
    again ("coop-" + "eration"), with its hyphen where the text writes it so elsewhere."""
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < MIN_WRAPPED_LINES:
        return text
    width = lengths[int(0.9 * (len(lengths) - 1))]
    inner = [a for a, b in pairwise(lines) if a.strip() and b.strip()]
    mid = sum(len(a) >= 0.6 * width and not LINE_END_RE.search(a) for a in inner)
    wrapped = WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and len(inner) >= MIN_WRAPPED_LINES
    if not wrapped or mid < WRAPPED_SHARE * len(inner):
        return text
    hyphenated = set(HYPHENATED_RE.findall(text.lower()))  # "well-known", written so
    # each output line as the pieces it is joined from; `last`: the line before, as written
    out, last = [[lines[0]]], lines[0]
    for line in lines[1:]:
        first = FIRST_WORD_RE.match(line)
        ends = LINE_END_RE.search(last)
        joins = (
            last.strip()
            and first
            and not (ends and ITEM_START_RE.match(line))
            and (
                (not ends and len(last) >= 0.6 * width)
                or len(last) + 1 + len(first.group(1)) > width
            )
        )
        split = joins and line[:1].islower() and SPLIT_WORD_RE.search(last)
        if split:
            whole = f"{split.group(1)}-{LETTERS_RE.match(line).group()}".lower()
            if whole not in hyphenated:
                out[-1][-1] = out[-1][-1][:-1]
            out[-1].append(line)
        elif joins:
            out[-1] += [" ", line.lstrip()]
        else:
            out.append([line])
        last = line
    return "\n".join("".join(pieces) for pieces in out)


def check_size(n_bytes: int) -> None:
    """Refuse a file too large to be one news article, before reading it."""
    if n_bytes > config.MAX_ARTICLE_BYTES:
        raise BadInput(
            f"the file is {_size(n_bytes)}, more than the {_size(config.MAX_ARTICLE_BYTES)} "
            "allowed for one article (set BRIEFING_MAX_ARTICLE_BYTES to raise the limit)"
        )


def extract(name: str, data: bytes) -> Extracted:
    """Read one article file; raises BadInput with a plain-words reason when it cannot."""
    check_size(len(data))
    raw, encoding = decode(data)
    kind = format_of(name)
    if kind == "html":
        result = _from_html(raw)
    elif kind == "markdown":
        result = _from_markdown(raw)
    else:
        result = Extracted(text=raw, format="text", encoding=encoding)
    result.encoding = encoding
    if note := guessed_encoding_note(encoding):
        result.warnings.append(note)
    result.text = clean(result.text)
    if kind == "text":
        result.text = unwrap(result.text)
    if not result.text.strip():
        raise BadInput("no article text was found in it")
    return result


# --- Markdown ---------------------------------------------------------------------------------

FRONT_MATTER_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
#: A table row is one line, its cells' texts joined by this (Markdown, HTML and the
#: extractor's rows alike), so that a chronology's date and its event are one sentence
CELL_SEPARATOR = " | "


#: An inline HTML tag in Markdown: whether it closes, and its name
INLINE_TAG_RE = re.compile(r"<\s*(/?)\s*([A-Za-z][\w-]*)|")
#: HTML elements whose content is code or embedded content, never text (Markdown drops them
#: inline with what they hold; an HTML page, with the rest of `SKIP_TAGS`)
CODE_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object"})


def _from_markdown(raw: str) -> Extracted:
    """Markdown to one line per block (heading, paragraph, list item), inline markup dropped."""
    from markdown_it import MarkdownIt

    meta: dict[str, str] = {}
    match = FRONT_MATTER_RE.match(raw)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        raw = raw[match.end() :]
    lines, title = [], _without_site(meta.get("title", ""), meta.get("site", ""))
    row: list[str] | None = None  # the cells of the table row being read
    tokens = MarkdownIt("commonmark").enable("table").parse(raw)
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            if line := CELL_SEPARATOR.join(cell for cell in row if cell):
                lines.append(line)
            row = None
        if token.type != "inline":
            continue
        parts = []
        hidden = ""  # the element whose content is no text ("<script>…</script>") we are in
        for child in token.children or []:
            if child.type == "html_inline":
                closing, name = INLINE_TAG_RE.match(child.content).groups(default="")
                if not hidden and not closing and name.lower() in CODE_TAGS:
                    hidden = name.lower()
                elif hidden and closing and name.lower() == hidden:
                    hidden = ""
            elif hidden:
                continue
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        line = re.sub(r"\s+", " ", "".join(parts)).strip()
        if row is not None:
            row.append(line)
            continue
        if not line:
            continue
        heading = i > 0 and tokens[i - 1].type == "heading_open"
        if not title and heading:
            title = line
        if not lines and not heading and meta.get("title"):
            # the headline is in the front matter only: it opens the text, as a page's does
            lines.append(re.sub(r"\s+", " ", meta["title"]).strip())
        lines.append(line)
    # a web clipper's "source" is the page's address, its "site" the publisher's name
    values = [meta.get(key, "") for key in ("source", "publisher", "site")]
    addresses = [v for v in values if v.startswith(("http://", "https://"))]
    return Extracted(
        text="\n\n".join(lines),
        format="markdown",
        encoding="",
        title=title,
        published=meta.get("date", "") or meta.get("published", ""),
        source=next((v for v in values if v and v not in addresses), ""),
        url=meta.get("url", "") or next(iter(addresses), ""),
        language=meta.get("language", "") or meta.get("lang", ""),
    )


def _without_site(title: str, site: str) -> str:
    """A page title without the site's name a clipper's `site` field gives ("Putin and Kim's
    naval alliance | New Statesman" on the New Statesman)."""
    parts = TITLE_SITE_RE.split(title)
    if site and len(parts) > 1 and parts[-1].strip().casefold() == site.strip().casefold():
        return title[: title.rfind(parts[-1])].rstrip(" |–—-·:")
    return title


# --- HTML -------------------------------------------------------------------------------------

BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "br",
    "figcaption",
    "dd",
    "dt",
    "main",
    "aside",
    "table",
}
SKIP_TAGS = {
    *CODE_TAGS,
    "svg",
    "head",
    "nav",
    "form",
    "button",
    "select",
    "textarea",
    "label",
}
DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "og:published_time",
    "sailthru.date",
    "parsely-pub-date",
)


#: Elements with no end tag
VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
#: A class, id or role naming a page's furniture rather than its article: shares, related
#: links, newsletters, ads, cookie banners, tags, breadcrumbs, comments, menus, mastheads
FURNITURE_RE = re.compile(
    r"(?:^|[\s_-])(?:related|share|sharing|social|newsletter|promo|advert\w*|ads?|adslot|"
    r"banner|cookies?|consent|comments?|tags?|taglist|keywords|breadcrumbs?|sidebar|"
    r"widgets?|most-?read|popular|recommend\w*|subscri\w*|paywall|outbrain|taboola|"
    r"menu|navbar|nav|navigation|masthead|complementary|contentinfo|search|"
    r"read-?(?:also|more|next)|see-?also|more-?(?:on|from|stories)|leggi-?anche|"
    r"veja-?tamb\w*|lee-?tambien|sponsor\w*|ticker|marquee|comentarios|commenti|"
    r"commentaires|kommentare|temas|etiquetas)(?:$|[\s_-])",
    re.I,
)
#: An inline style that hides an element (an email's preheader)
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: The headings a page's headline may be printed in
HEADING_TAGS = ("h1", "h2", "h3")
#: A block this share of whose letters sit in links is a link list's item or a menu entry
LINKED_SHARE = 0.9


@dataclass
class Block:
    """One block of a page's visible text, with what the reader saw around it."""

    text: str
    furniture: bool  # all of it inside an element whose class, id or role names furniture
    linked: bool  # (nearly) all of it link text


class _Reader(HTMLParser):
    """Collects block text and metadata; never keeps attributes other than the ones it reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.title = ""
        self.h1 = ""
        self._in_title = self._in_h1 = self._in_ld = False
        #: the page's h1, h2 and h3 headings in order: (tag, text, inside furniture)
        self.headings: list[tuple[str, str, bool]] = []
        self._heading: list[str] | None = None
        self.json_ld: list[str] = []
        self.time_datetime = ""
        self._row = False  # inside a table row: its cells are joined on one line
        #: open elements: (tag, inside furniture, hidden, a link)
        self._open: list[tuple[str, bool, bool, bool]] = []
        self._chars = [0, 0, 0]  # the current block's letters: all, in furniture, in links
        self.logo = ""  # the alt text of the page's first logo image

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            total, furniture, linked = self._chars
            self.blocks.append(
                Block(line, total > 0 and furniture == total, 0 < LINKED_SHARE * total <= linked)
            )
        self.current = []
        self._chars = [0, 0, 0]

    @property
    def lines(self) -> list[str]:
        """The page's visible blocks' texts, in order."""
        return [block.text for block in self.blocks]

    def _context(self) -> tuple[bool, bool, bool]:
        top = self._open[-1] if self._open else ("", False, False, False)
        return top[1], top[2], top[3]

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "time" and a.get("datetime") and not self.time_datetime:
            self.time_datetime = a["datetime"]
        elif tag == "html" and a.get("lang"):
            self.meta.setdefault("html:lang", a["lang"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "img" and not self.logo and "logo" in (a.get("src", "") + a.get("class", "")):
            self.logo = " ".join(a.get("alt", "").split())
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
        if tag == "title":
            self._in_title = True
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in HEADING_TAGS:
            self._heading = []
        if tag in BLOCK_TAGS:
            self._flush()
        if tag not in VOID_TAGS:
            furniture, hidden, link = self._context()
            names = " ".join((a.get("class", ""), a.get("id", ""), a.get("role", "")))
            self._open.append(
                (
                    tag,
                    furniture or tag == "aside" or bool(FURNITURE_RE.search(names)),
                    hidden or "hidden" in a or bool(HIDDEN_STYLE_RE.search(a.get("style", ""))),
                    link or tag == "a",
                )
            )
        self._row = tag == "tr" or (self._row and tag not in ("table", "tr"))
        if tag in ("td", "th") and self._row and "".join(self.current).strip():
            self.current.append(CELL_SEPARATOR)

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_ld = False
        if tag == "h1":
            self._in_h1 = False
        if tag in HEADING_TAGS and self._heading is not None:
            if text := " ".join("".join(self._heading).split()):
                self.headings.append((tag, text, self._context()[0]))
            self._heading = None
        if tag in ("tr", "table"):
            self._row = False
        if tag in BLOCK_TAGS:
            self._flush()
        for i in range(len(self._open) - 1, -1, -1):  # close it and what it left open
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)
        if self._in_title:
            self.title += data
        furniture, hidden, link = self._context()
        if self.skip or hidden:
            return
        if self._in_h1:
            self.h1 += data
        if self._heading is not None:
            self._heading.append(data)
        self.current.append(data)
        letters = sum(map(len, LETTERS_RE.findall(data)))
        self._chars[0] += letters
        self._chars[1] += letters if furniture else 0
        self._chars[2] += letters if link else 0

    def close(self):
        super().close()
        self._flush()


def _json_ld_dates(blobs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            for key in ("datePublished", "dateCreated", "headline", "url", "articleSection"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for blob in blobs:
        try:
            walk(json.loads(blob))
        except (ValueError, RecursionError):
            continue
    return found


#: A standfirst is a sentence or two: at least this many words, ending as a sentence ends.
STANDFIRST_WORDS = 8
#: How many blocks after the headline may hold it (a kicker, a byline, a date line between).
STANDFIRST_BLOCKS = 4
#: A block of at least this many words that the extracted body holds is its first paragraph.
LEDE_WORDS = 25


def _header(lines: list[str], headline: str, body: str) -> list[str]:
    """The few blocks of a page between its headline and its body's first paragraph of some
    length (the extractor may drop them with the page's header: standfirst, byline, date
    line, lead caption), if the headline is found."""
    if not headline or headline not in lines:
        return []
    after = lines[lines.index(headline) + 1 :]
    end = next(
        (
            i
            for i, line in enumerate(after)
            if len(line.split()) >= LEDE_WORDS and line[:60] in body
        ),
        None,
    )
    return [] if end is None or end > STANDFIRST_BLOCKS else after[:end]


def _standfirst(header: list[str], body: str) -> str:
    """The standfirst that the extractor dropped with the page's header: among the blocks
    between the headline and the body, the first of some length that sits right under the
    headline or ends as a sentence ("As the ice retreats, Russia digs in …"), when the body
    does not hold it already."""
    for i, line in enumerate(header):
        sentence = i == 0 or line.rstrip()[-1:] in ".!?…"  # right under it, or a sentence
        if len(line.split()) >= STANDFIRST_WORDS and sentence and line not in body:
            return line
    return ""


#: What separates a page title from the site's name: "Headline | Site", "Headline - Site",
#: "Site :: Headline"
TITLE_SITE_RE = re.compile(r"\s+(?:[|–—·»-]|::)\s+")


def _confirms(title: str, headline: str) -> bool:
    """Whether a page's title confirms its h1 as the article's headline: it starts with the
    h1, or the h1 starts with the title less its site's name (a title shortened for
    search: "Leader says Russia shot down plane by mistake | Site" over "…by mistake,
    demands Moscow admit guilt"), or with the title's part after the site's name ("Site ::
    Headline"). A heading that is the site's name before the story confirms nothing."""
    parts = TITLE_SITE_RE.split(title)
    if len(parts) > 1 and headline == parts[0] and _site_first(parts):
        return False
    if title.startswith(headline):
        return True
    if len(parts[0].split()) >= 4 and headline.startswith(parts[0]):
        return True
    return _site_first(parts) and headline.startswith(parts[1])


def _site_parts(title: str) -> list[str]:
    """The parts of a page title that name its site (and section), not its story."""
    parts = TITLE_SITE_RE.split(title)
    return parts[:1] if _site_first(parts) else parts[1:]


def _site_first(parts: list[str]) -> bool:
    """Whether a page title's parts are a site's name and then a longer story."""
    return len(parts) > 1 and len(parts[0].split()) <= min(
        SITE_NAME_WORDS, len(parts[1].split()) - 3
    )


#: A page title tells the same story as a headline when this share of its words are the
#: headline's ("Thailand-Cambodia clashes explained: what we know" over "Thailand-Cambodia
#: border clashes: What we know about the deadliest fighting …")
SAME_STORY_SHARE = 0.6
#: A site's name after its page title is at most this long
SITE_NAME_WORDS = 5


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _same_story(title: str, headline: str) -> bool:
    """Whether most of a page title's words (less its site's name) are the headline's."""
    short = _words(TITLE_SITE_RE.split(title)[0])
    return len(short) >= 3 and len(short & _words(headline)) >= SAME_STORY_SHARE * len(short)


def _site_name(page_title: str, headline: str) -> str:
    """The site's name a page title adds after the headline ("Headline | Nordstern
    Nachrichten", "Headline - Horizon Infos") or before it ("PressLingua :: Headline")."""
    parts = TITLE_SITE_RE.split(page_title)
    if len(parts) < 2 or not headline:
        return ""
    if _site_first(parts) and headline.startswith(parts[1]):
        return parts[0]
    if len(parts[-1].split()) > SITE_NAME_WORDS:
        return ""
    story = " ".join(parts[:-1])
    return parts[-1] if _confirms(headline, story) or _same_story(story, headline) else ""


#: A table row as the extractor writes it ("| 5 de abril | México rompe … |"), and the rule
#: under a header row ("|---|---|")
TABLE_ROW_RE = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
TABLE_RULE_RE = re.compile(r"^[\s|:-]*-[\s|:-]*$")
#: A bar between two cells (the extractor escapes a bar inside a cell: "2026 \\| Edición")
CELL_BAR_RE = re.compile(r"(?<!\\)\|")


def _table_rows(body: str) -> str:
    """The extractor's table rows as the other readers write them: the rule under a header
    row dropped, each row's non-empty cells joined by `CELL_SEPARATOR`, no outer bars."""

    def row(match: re.Match) -> str:
        if TABLE_RULE_RE.match(match.group(1)):
            return ""
        cells = (cell.strip().replace("\\|", "|") for cell in CELL_BAR_RE.split(match.group(1)))
        return CELL_SEPARATOR.join(cell for cell in cells if cell)

    return TABLE_ROW_RE.sub(row, body)


def _headline(reader: _Reader, titles: list[str]) -> str:
    """The heading that prints the article's headline: the first h1, h2 or h3 outside the
    page's furniture that a page title confirms (an h1 first: a site may print its own name
    in the h1), else the first h1."""
    headings = [(tag, text) for tag, text, furniture in reader.headings if not furniture]
    ordered = [t for tag, t in headings if tag == "h1"] + [t for tag, t in headings if tag != "h1"]
    for text in ordered:
        if any(_confirms(t, text) for t in titles):
            return text
    h1s = [text for tag, text, _ in reader.headings if tag == "h1"]
    return h1s[0] if h1s else " ".join(reader.h1.split())


#: A block of at least this many words is matched to the extracted body by its beginning
#: (the extractor may join or split blocks), and can mark where the article runs
LONG_BLOCK_WORDS = 8
#: The headline opens the article when it is at most this many blocks above the body's first
#: long block (a kicker, a standfirst, a byline, a date line, a photo and its caption between)
HEADER_BLOCKS = 8
#: At most this many short blocks right above the headline belong to it (a kicker, a date
#: line: "Ausgabe 38/2026 · 17. September 2026"), each of at most `KICKER_WORDS` words
KICKER_BLOCKS = 2
KICKER_WORDS = 12
#: A breadcrumb ("Europe » Italy » Foreign affairs"), never a kicker
BREADCRUMB_RE = re.compile(r"\S\s*[»›>/]\s*\S.*[»›>/]|^[^»›>]*\s[»›>]\s[^»›>]*$")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _restore(blocks: list[Block], body: str, headlines: list[str], sites: set[str]) -> str:
    """The extracted body with the article's own blocks that the extractor dropped put back
    in their places: its headline (the page's headline or title, `headlines`, printed as a
    block) and what sits around it (kicker, standfirst, byline, date
    line), sub-headings, captions, a live blog's time stamps, an embedded post. They are the
    page's blocks from the headline (or the body's first long block) to the body's last long
    block that lie outside the page's furniture (related links, shares, ads, tags: their
    classes say so), are not link text and do not only name the site (`sites`, casefolded: a
    masthead above the headline). The body is returned as it is when it cannot be
    placed among the page's blocks."""
    lines = body.split("\n")
    normed = [_norm(line) for line in lines]
    joined = " ".join(normed)

    def long(text: str) -> bool:
        return len(text.split()) >= LONG_BLOCK_WORDS

    placed: list[int | None] = []  # each block's line in the body, if it is there
    cursor = 0
    for block in blocks:
        text = _norm(block.text)
        found = None
        if not block.furniture:
            for j in range(cursor, len(lines)):
                if normed[j] == text or (
                    long(text)
                    and (text[:60] in normed[j] or long(normed[j]) and normed[j][:60] in text)
                ):
                    found = cursor = j
                    break
        placed.append(found)
    core = [i for i, j in enumerate(placed) if j is not None and long(blocks[i].text)]
    if not core:
        return body
    first, last = core[0], core[-1]
    heads = {_norm(h) for h in headlines if h}
    top = next(
        (
            i
            for i in range(max(0, first - HEADER_BLOCKS), first + 1)
            if _norm(blocks[i].text) in heads
        ),
        first,
    )

    def own(block: Block) -> bool:
        return (
            not block.furniture
            and not block.linked
            and bool(re.search(r"\w", block.text))
            and _norm(block.text).casefold() not in sites
        )

    for _ in range(KICKER_BLOCKS):  # a kicker or a date line above (the body may hold one)
        above = blocks[top - 1] if top > 0 else None
        if (
            above is None
            or placed[top - 1] is None
            and (
                not own(above)
                or len(above.text.split()) > KICKER_WORDS
                or BREADCRUMB_RE.search(above.text)
            )
        ):
            break
        top -= 1
    inserts: dict[int, list[str]] = {}
    at = -1  # the body line the next dropped block follows
    for i in range(top, last + 1):
        block = blocks[i]
        if placed[i] is not None:
            at = placed[i]
            continue
        text = _norm(block.text)
        kept = text[:60] in joined if long(text) else text in normed
        if own(block) and not kept:
            inserts.setdefault(at, []).append(block.text)
    if not inserts:
        return body
    out = inserts.get(-1, [])
    for j, line in enumerate(lines):
        out.append(line)
        out.extend(inserts.get(j, []))
    return "\n".join(out)


#: A logo's alt text that names no site
LOGO_WORDS_RE = re.compile(r"\b(?:logo|home|homepage|startseite|inicio|accueil)\b", re.I)


def _source(
    meta: dict[str, str], ld: dict[str, str], logo: str, titles: list[str], site: str
) -> str:
    """Who publishes the page: its social site name (unless that names the article's
    section, as some sites' do: "Mundo" beside the publisher "j1"), the JSON-LD publisher,
    its logo's alt text where a page title names the site so too ("DIE WARTE" in "… | DIE
    WARTE – Druckversion"), the site's name in its title."""
    social = _named(meta.get("og:site_name", "").strip(), ld.get("publisher", "").strip())
    section = ld.get("articleSection", "").strip().casefold()
    if social and not (section and social.casefold() == section and ld.get("publisher")):
        return social
    if ld.get("publisher", "").strip():
        return ld["publisher"].strip()
    if logo and logo.casefold() in {p.casefold() for t in titles for p in _site_parts(t)}:
        return logo
    return site.strip()


#: A site's address given as its name: "dw.com", "FAZ.NET", "Le Monde.fr"
SITE_ADDRESS_RE = re.compile(r"(?:www\.)?(?P<name>[^\W_][\w -]*?)\.(?:[a-z]{2,4}|[A-Z]{2,4})")


def _named(site: str, publisher: str) -> str:
    """A site name that is the site's address read as the publisher's name: the name it
    writes before its domain ("Le Monde.fr" is Le Monde), or the JSON-LD publisher whose
    initials the address spells ("dw.com" is Deutsche Welle's, "FAZ.NET" the Frankfurter
    Allgemeine Zeitung's). Any other site name as it is."""
    m = SITE_ADDRESS_RE.fullmatch(site)
    if not m:
        return site
    name = m.group("name")
    if " " in name:
        return name
    initials = "".join(w[0] for w in re.findall(r"\w+", publisher) if w[0].isupper())
    return publisher if len(initials) > 1 and initials.casefold() == name.casefold() else site


def _logo(alt: str) -> str:
    """A logo's alt text, if it reads as a site's name."""
    alt = alt.strip()
    return alt if 0 < len(alt.split()) <= SITE_NAME_WORDS and not LOGO_WORDS_RE.search(alt) else ""


def _from_html(raw: str) -> Extracted:
    """Article body by trafilatura; metadata from meta/time/JSON-LD; a plain parser as fallback."""
    reader = _Reader()
    warnings: list[str] = []
    try:
        reader.feed(raw)
        reader.close()
    except Exception as err:  # html.parser is lenient; a failure here means truly broken markup
        warnings.append(f"the HTML could not be fully parsed ({err.__class__.__name__})")
    ld = _json_ld_dates(reader.json_ld)
    meta = reader.meta
    body = ""
    try:
        import trafilatura

        body = (
            trafilatura.extract(
                raw,
                include_comments=False,
                include_tables=True,
                include_links=False,
                include_images=False,
                favor_precision=False,
                deduplicate=False,
            )
            or ""
        )
        body = _table_rows(body)
    except Exception as err:  # trafilatura is best effort; the plain reader still has the text
        warnings.append(f"article extraction failed ({err.__class__.__name__}); used plain text")
    lines = reader.lines
    plain = "\n\n".join(lines)
    if len(body.split()) < max(20, len(plain.split()) // 4):
        body = plain  # short or empty extraction: keep every visible block instead
    titles = [
        " ".join((t or "").split())
        for t in (meta.get("og:title"), reader.title, ld.get("headline"))
    ]
    headline = _headline(reader, [t for t in titles if t])
    confirmed = any(_confirms(t, headline) for t in titles if t)
    logo = _logo(reader.logo)
    if body is not plain:
        sites = {
            _norm(name).casefold()
            for name in (
                *(part for t in titles for part in _site_parts(t)),
                meta.get("og:site_name", ""),
                ld.get("publisher", ""),
                reader.logo,
            )
            if name
        }
        body = _restore(reader.blocks, body, [headline if confirmed else "", *titles], sites)
    # The title is the headline the page prints (its h1, where a page title tells the same
    # story: a social title is often shortened), else the page's own titles.
    printed = confirmed or any(_same_story(t, headline) for t in titles if t)
    og_title, page_title, ld_headline = titles
    title = headline if headline and printed else og_title or headline or page_title or ld_headline
    # Where the body still lacks the page's headline, put it back on top, so that its names,
    # dates and stance are read (only a heading the page's title confirms).
    if len(headline.split()) >= 3 and confirmed and headline not in body[:2000]:
        body = f"{headline}\n\n{body}"
    header = _header(lines, headline, body) if confirmed else []
    if standfirst := _standfirst(header, body):
        first, _, rest = body.partition("\n\n")
        body = (  # right under the headline
            f"{first}\n\n{standfirst}\n\n{rest}"
            if first.strip() == headline
            else f"{standfirst}\n\n{body}"
        )
    published = (
        next((meta[k] for k in DATE_META if meta.get(k)), "")
        or ld.get("datePublished", "")
        or reader.time_datetime
    )
    return Extracted(
        text=body,
        format="html",
        encoding="",
        title=re.sub(r"\s+", " ", title),
        published=published.strip(),
        source=_source(meta, ld, logo, titles, _site_name(page_title, title)),
        logo=logo,
        url=(meta.get("og:url") or meta.get("canonical") or ld.get("url", "")).strip(),
        language=meta.get("html:lang", "").split("-")[0].lower(),
        warnings=warnings,
        header=tuple(line for line in header if line not in body),
    )
