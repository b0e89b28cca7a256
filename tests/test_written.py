"""The pipeline on the annotated articles of bench/written … bench/written36 and
bench/openings (bench/score_written.py): what it measured when those articles' fixes landed
stays true."""

import importlib.util

import pytest

from analysis import config

#: per set, the least each measure may score (what it scored when its fixes landed, rounded
#: down). The sentiment floors predate the model head refitted on these sets' labels
#: (training/fit_head.py): every set scores above them now, and the held-out figure is the
#: cross-validation fit_head.py reports, not these.
FLOORS = {
    "written": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        # 0.99 until the E3 became a body (written34's writer counted it four times; this
        # set's writer left "The E3, as the three European powers are known" out): 0.988
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.97,
        "sentiment_accuracy": 0.70,
    },
    "written2": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.95,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.62,
    },
    "written3": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 0.91,
        "mention_precision": 0.96,
        "mention_recall": 0.93,
        "event_recall": 0.89,
        "sentiment_accuracy": 0.58,
    },
    "written4": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 0.91,
        "mention_precision": 0.96,
        "mention_recall": 0.95,
        "event_recall": 0.97,
        "sentiment_accuracy": 0.66,
        "translations_found": 1.0,
    },
    "written5": {
        # 1.0 until a wire story's status tag left the title: its writer kept "(LEAD)" in
        # en_yonhap's headline, written37's left it out
        "title_accuracy": 0.91,
        "source_accuracy": 1.0,
        "published_accuracy": 0.91,
        "mention_precision": 0.98,
        "mention_recall": 0.97,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.67,
        "translations_found": 1.0,
    },
    "written6": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.75,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.96,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.67,
    },
    "written7": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.92,
        "sentiment_accuracy": 0.68,
        "translations_found": 1.0,
    },
    "written8": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.58,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,  # its writers left the MSMT out
        "mention_recall": 0.95,
        "event_recall": 0.89,
        "sentiment_accuracy": 0.65,
    },
    "written9": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.97,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.71,
    },
    "written10": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.96,
        "event_recall": 0.87,
        "sentiment_accuracy": 0.71,
    },
    "written11": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.69,
    },
    "written12": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.66,
    },
    "written13": {
        "title_accuracy": 0.91,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.88,
        "sentiment_accuracy": 0.74,  # 0.757 with the model before 2026-11-24, 0.745 now
    },
    # languages without resources: names and capitals only (no sentiment method)
    "written14": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.75,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.93,
        "event_recall": 0.70,
        "sentiment_accuracy": 0.11,
    },
    # structured texts: chronologies, tables, fact boxes, Q&A, live updates, footnotes
    "written15": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.66,
        "published_accuracy": 1.0,
        "mention_precision": 0.96,
        "mention_recall": 0.95,
        "event_recall": 0.90,
        "sentiment_accuracy": 0.70,
    },
    # a wire report, an editorial, a saved page, an analysis and its translation (2026-11-24)
    "written16": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 0.91,
        "mention_precision": 0.98,
        "mention_recall": 0.97,
        "event_recall": 0.87,
        "sentiment_accuracy": 0.67,
    },
    # a pasted newsletter, a UN release, a ministry's statement, an opinion column, a Lusa
    # report, an explainer, a saved page, a report and its translation (2026-11-24)
    "written17": {
        "title_accuracy": 0.91,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.99,
        "event_recall": 0.92,
        "sentiment_accuracy": 0.65,
    },
    # a Hansard debate, a newsletter's saved page, an APA report, an Argentine daily's page,
    # an NGO release, an Agenzia Nova report, a Swiss page, a thread, a Brazilian daily's
    # page, a court's release, an Australian report and its translation (2026-11-24)
    "written18": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.97,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.65,
    },
    # a readout, an op-ed, a broadcaster's page, a government release, four dailies' pages,
    # a news site's page, a state daily's page, a report and its translation (2026-11-24)
    "written19": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.97,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.70,
    },
    # two institutions' releases, seven dailies' and agencies' pages, an agency report, an
    # article and its translation (2026-11-24)
    "written20": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.97,
        "event_recall": 0.97,
        "sentiment_accuracy": 0.72,
    },
    # four news sites' pages, a clipping, a transcript, an editorial, a radio interview, a
    # daily's page and its translation, a state agency's wire (2026-11-24)
    "written21": {
        "title_accuracy": 0.91,
        "source_accuracy": 0.58,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.73,
    },
    # four dailies', an agency's, a magazine's and broadcasters' pages, a press statement, a
    # think tank's Q&A, a broadcaster's page and its translation (2026-11-24)
    "written22": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.98,
        "sentiment_accuracy": 0.70,
    },
    # a broadcaster's page without a date, dailies' and broadcasters' pages, the UN's news, a
    # newsletter, a news site's page and its translation (2026-11-24)
    "written23": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.99,
        "event_recall": 0.92,
        "sentiment_accuracy": 0.72,
    },
    # a business daily's and a Seoul daily's English pages, an alliance's release, a saved TV
    # news page, an agency wire, a broadcaster's and dailies' pages, one with its translation
    # (2026-11-24)
    "written24": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.58,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.67,
    },
    # a cable channel's page, a magazine's argument in Markdown, a ministry's release, a state
    # agency's dispatch, dailies' and TV sites' pages, one with its translation (2026-11-24)
    "written25": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 0.91,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.98,
        "sentiment_accuracy": 0.72,
    },
    # a channel's, a daily's and a broadcaster's pages, an EU release, a speech transcript, a
    # state agency's dispatch, a Swiss daily, a page and its translation (2026-11-24)
    "written26": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.66,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.99,
        "event_recall": 0.97,
        "sentiment_accuracy": 0.69,
        "translations_found": 1.0,
    },
    "written27": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.5,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.97,
        "sentiment_accuracy": 0.75,
        "translations_found": 1.0,
    },
    "written28": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.99,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.72,
        "translations_found": 1.0,
    },
    "written29": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.74,
        "translations_found": 1.0,
    },
    "written30": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,  # its writers left the MSMT out
        "mention_recall": 0.98,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.70,
        "translations_found": 1.0,
    },
    "written31": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.66,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.99,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.70,
    },
    "written32": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.96,
        "event_recall": 0.92,
        # 0.630 before the lexicons learned success ("conseguiu incluir", one pair of 81)
        "sentiment_accuracy": 0.61,
    },
    "written33": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.75,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.78,
        "translations_found": 1.0,
    },
    "written34": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.58,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.70,
        "translations_found": 1.0,
    },
    "written35": {
        "title_accuracy": 0.91,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.97,
        "event_recall": 0.90,
        "sentiment_accuracy": 0.62,
        "translations_found": 1.0,
    },
    "written36": {
        "title_accuracy": 0.91,
        "source_accuracy": 0.5,
        "published_accuracy": 0.91,
        "mention_precision": 0.98,
        "mention_recall": 0.96,
        "event_recall": 0.91,
        "sentiment_accuracy": 0.76,
        "translations_found": 1.0,
    },
    # kept out of the head's training data (training/written_targets.py's HELD_OUT)
    "written37": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.5,
        "published_accuracy": 1.0,
        "mention_precision": 0.99,
        "mention_recall": 0.99,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.84,
        "sentiment_macro_f1": 0.76,
        "translations_found": 1.0,
    },
    # kept out too; dated in January, many positive portrayals, half in Italian, Spanish, French
    "written38": {
        "title_accuracy": 0.91,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.98,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.68,
        "sentiment_macro_f1": 0.59,
        "translations_found": 1.0,
    },
    # kept out too; dated 3 March, a live blog, a transcript, a newsletter, German, Portuguese
    "written39": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.97,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.68,
        "sentiment_macro_f1": 0.62,
        "translations_found": 1.0,
    },
    # kept out too; dated Sunday 15 March, a wrap-up, an obituary page, press reviews, a TV
    # bulletin's transcript, an interview, a Spanish article and its English edition
    "written40": {
        "title_accuracy": 0.83,
        "source_accuracy": 0.99,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.95,
        "event_recall": 0.93,
        "sentiment_accuracy": 0.67,
        "sentiment_macro_f1": 0.53,
        "translations_found": 1.0,
    },
    # kept out too; dated Thursday 9 April, a committee report, a think tank's page with
    # footnotes, a column, a corrected story, a Lusa dispatch and its translation, a live page
    "written41": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.83,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.97,
        "event_recall": 0.94,
        "sentiment_accuracy": 0.7,
        "sentiment_macro_f1": 0.58,
        "translations_found": 1.0,
    },
    # kept out too; dated Tuesday 19 May, the seeds' own story: an undated analysis and its
    # Italian translation, an editorial dated by its footer, an ANSA dispatch with its stamp
    "written42": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.88,
        "sentiment_accuracy": 0.74,
        "sentiment_macro_f1": 0.63,
        "translations_found": 1.0,
    },
    # kept out too; dated Friday 3 July, the same story: a ministry's chapter digest, an
    # interview, a broadcaster's page, two translations, a Markdown timeline
    "written43": {
        "title_accuracy": 0.91,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.75,
        "sentiment_macro_f1": 0.65,
        "translations_found": 1.0,
    },
    # kept out too; saved web pages on the same story in September: an AMP page, a live blog,
    # a print version, a page in ISO-8859-1, an email newsletter, a translation on a site
    # that prints its own name in the h1
    "written44": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.77,
        "sentiment_macro_f1": 0.63,
        "translations_found": 1.0,
    },
    # times of day in live blogs, a chronology, wire copy, a transcript (held out of training)
    "written45": {
        "title_accuracy": 0.83,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.74,
        "sentiment_macro_f1": 0.65,
    },
    # dates to come: previews, a wire diary, agendas, announcements (held out of training)
    "written46": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.92,
        # 0.852 / 0.763 until 2026-11-25, through six previews taken for translations of
        # each other (now told apart: align.TRANSLATION_BODY), which lent their readings
        "sentiment_accuracy": 0.83,
        "sentiment_macro_f1": 0.72,
        "translations_found": 1.0,
    },
    # who publishes: mastheads, brands, bylines, wire tags, credits (held out of training)
    "written47": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.91,
        "published_accuracy": 1.0,
        "mention_precision": 0.98,
        "mention_recall": 0.98,
        "event_recall": 0.95,
        "sentiment_accuracy": 0.73,  # 0.756 with three false translation pairs (written46)
        "sentiment_macro_f1": 0.65,
        "translations_found": 1.0,
    },
    # broadcasters, a parliament's record, releases under their site's name, a magazine, a
    # read-later copy; Dutch and Swedish read by their lexicons (held out of training)
    "written48": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 1.0,  # 0.917 until Swedish had its own date cues
        "mention_precision": 0.99,
        "mention_recall": 0.98,
        "event_recall": 0.97,  # 0.905 until Dutch and Swedish had language files
        "sentiment_accuracy": 0.68,
        "sentiment_macro_f1": 0.61,
    },
    # four Dutch, four Swedish, one Danish text and three others on one report (held out of
    # training); first scored before the Dutch and Swedish language files: events 0.771,
    # title 0.917, published 0.917, sentiment 0.596 / 0.530
    "written49": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.75,
        "published_accuracy": 1.0,
        "mention_precision": 0.92,  # the writer gave the MSMT no id; the gazetteer has one
        "mention_recall": 0.98,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.65,
        "sentiment_macro_f1": 0.57,
        "translations_found": 1.0,
    },
    # English, Italian and Spanish opinion, analysis and interviews on one story (held out
    # of training); first scored at ee0df76: published 0.833, mention precision 0.941
    # (surnames that are states: "Ellen Jordan", "Marco Russo"), events 0.803
    "written50": {
        "title_accuracy": 0.9,
        "source_accuracy": 0.75,
        "published_accuracy": 0.9,
        "mention_precision": 0.97,
        "mention_recall": 0.99,
        "event_recall": 0.85,
        "sentiment_accuracy": 0.66,
        "sentiment_macro_f1": 0.59,
        "translations_found": 1.0,
    },
    # people: officials the gazetteer does not know, named by their office and then by
    # surname, beside private persons, in six languages (held out of training); first scored
    # at dc264df: title 0.833, source 0.75, mentions 0.970 / 0.943, events 0.929,
    # sentiment 0.638 / 0.533
    "written51": {
        "title_accuracy": 0.95,
        "source_accuracy": 0.9,
        "published_accuracy": 1.0,
        "mention_precision": 0.97,
        "mention_recall": 0.96,
        "event_recall": 0.96,
        "sentiment_accuracy": 0.64,
        "sentiment_macro_f1": 0.53,
        "translations_found": 1.0,
    },
    # time at the turn of the year: texts of late December and early January, six languages
    # (held out of training); first scored at dc264df: events 0.732, sentiment 0.650 /
    # 0.541. Two yearless datelines fall after the machine's date, so take an earlier year
    "written52": {
        "title_accuracy": 1.0,
        "source_accuracy": 0.9,
        "published_accuracy": 0.83,
        "mention_precision": 0.99,
        "mention_recall": 0.97,
        "event_recall": 0.83,
        "sentiment_accuracy": 0.64,
        "sentiment_macro_f1": 0.53,
        "translations_found": 1.0,
    },
    # good news and mixed verdicts: states portrayed well (rescues, releases, mediation,
    # praise) beside criticism, hedged and negated praise and sarcasm, and capitals as places
    # and as governments, in five languages (held out of training); first scored at a359807:
    # title 0.833, source 0.833, mentions 0.990 / 0.990, events 0.854, sentiment 0.660 /
    # 0.618. A wire's yearless dateline takes the latest year its text names (2023)
    "written53": {
        "title_accuracy": 1.0,
        "source_accuracy": 1.0,
        "published_accuracy": 0.9,
        "mention_precision": 0.98,
        "mention_recall": 0.99,
        "event_recall": 0.88,  # 0.959 while its EFE wire's 18 September is this year's (see README)
        "sentiment_accuracy": 0.65,
        "sentiment_macro_f1": 0.61,
        "translations_found": 1.0,
    },
    # headlines and publishers under kickers, mastheads, section paths and wire datelines
    "openings": {"title_accuracy": 0.95, "source_accuracy": 1.0},
}


#: per set, the most these may be: every sentence of the first set is found in the text; an
#: article and its translation (found as a pair) read alike
CEILINGS = {
    "written": {"sentences_not_located": 0},
    "written4": {"translation_sentiment_gap": 0.05},
    "written5": {"translation_sentiment_gap": 0.05},
    "written7": {"translation_sentiment_gap": 0.05},
    "written11": {"translation_sentiment_gap": 0.05},
    "written12": {"translation_sentiment_gap": 0.05},
    "written13": {"translation_sentiment_gap": 0.05},
    "written16": {"translation_sentiment_gap": 0.05},
    "written17": {"translation_sentiment_gap": 0.05},
    "written18": {"translation_sentiment_gap": 0.05},
    "written19": {"translation_sentiment_gap": 0.05},
    "written20": {"translation_sentiment_gap": 0.05},
    "written21": {"translation_sentiment_gap": 0.05},
    "written22": {"translation_sentiment_gap": 0.05},
    "written23": {"translation_sentiment_gap": 0.05},
    "written24": {"translation_sentiment_gap": 0.05},
    "written25": {"translation_sentiment_gap": 0.05},
    "written26": {"translation_sentiment_gap": 0.05},
    "written27": {"translation_sentiment_gap": 0.05},
    "written28": {"translation_sentiment_gap": 0.05},
    "written29": {"translation_sentiment_gap": 0.05},
    "written30": {"translation_sentiment_gap": 0.05},
    "written33": {"translation_sentiment_gap": 0.05},
    "written34": {"translation_sentiment_gap": 0.05},
    "written35": {"translation_sentiment_gap": 0.05},
    "written36": {"translation_sentiment_gap": 0.05},
    "written37": {"translation_sentiment_gap": 0.05},
    "written38": {"translation_sentiment_gap": 0.05},
    "written39": {"translation_sentiment_gap": 0.05},
    "written40": {"translation_sentiment_gap": 0.05},
    "written41": {"translation_sentiment_gap": 0.05},
    "written42": {"translation_sentiment_gap": 0.05},
    "written43": {"translation_sentiment_gap": 0.05},
    # the pages' own blocks (bylines, date lines, sub-headings, captions, a live blog's
    # stamps) are read: 49 of the writers' sentences were not in the text before
    "written44": {"translation_sentiment_gap": 0.05, "sentences_not_located": 5},
    "written45": {"sentences_not_located": 3},
    "written46": {"sentences_not_located": 3, "translation_sentiment_gap": 0.05},
    # a Spanish article and its Italian translation, each read by its own lexicon: no
    # English original to project from (0.24 while false pairs lent the Italian their
    # readings; 0.059 since 2026-11-25)
    "written47": {"sentences_not_located": 0, "translation_sentiment_gap": 0.07},
    "written48": {"sentences_not_located": 0},
    "written49": {"sentences_not_located": 3, "translation_sentiment_gap": 0.05},
    # the page's "Leggi anche" links are left out with the rest of its furniture
    "written50": {"sentences_not_located": 4, "translation_sentiment_gap": 0.05},
    "written51": {"sentences_not_located": 4, "translation_sentiment_gap": 0.05},
    "written52": {"sentences_not_located": 5, "translation_sentiment_gap": 0.05},
    "written53": {"sentences_not_located": 0, "translation_sentiment_gap": 0.05},
}


def score(name: str) -> dict:
    path = config.PROJECT_ROOT / "bench" / "score_written.py"
    spec = importlib.util.spec_from_file_location("score_written", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(manifest=False, details=False, name=name)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_written_sets_keep_their_scores(name):
    report = score(name)
    assert report.get("language_accuracy", 1.0) == 1.0
    low = {k: report[k] for k, floor in FLOORS[name].items() if report[k] < floor}
    assert low == {}, f"{name} scores below its floor: {low}"
    high = {k: report[k] for k, most in CEILINGS.get(name, {}).items() if report[k] > most}
    assert high == {}, f"{name} scores above its ceiling: {high}"
