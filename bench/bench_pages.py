"""How long each page takes to run, warm, on the seed corpus and on a synthetic corpus.

    python bench/bench_pages.py --articles 5000

For each corpus the tables are built once (filling the disk cache), then every page is run
through Streamlit's AppTest: a first run (filling the app's caches) and warm runs, the
median of which is reported. The actors page is also timed with a cell selected. Prints one
JSON line: {"seed": {page: seconds}, "synthetic": {page: seconds}}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAGES = {
    "overview": "pages/overview.py",
    "timeline": "pages/timeline.py",
    "actors": "pages/actors.py",
    "reader": "pages/reader.py",
    "words": "pages/words.py",
    "corpus": "pages/corpus.py",
}


def time_pages(corpus: Path, repeats: int = 3) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    from analysis import build

    os.environ["BRIEFING_CORPUS"] = str(corpus)
    build(corpus)  # fill the disk cache, as `briefing build` would before serving
    out = {}
    for name, path in {**PAGES, "actors+cell": PAGES["actors"]}.items():
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=600)
        if name == "actors+cell":
            at.query_params["cell"] = "JPN,PRK"
        at.switch_page(path)
        at.run()
        assert not at.exception, at.exception
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - start)
        out[name] = round(statistics.median(runs), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    os.environ.setdefault("BRIEFING_CACHE", tempfile.mkdtemp(prefix="briefing-pages-"))
    from bench import make_corpus

    report = {"seed": time_pages(ROOT / "data")}
    synthetic = Path(tempfile.mkdtemp(prefix="briefing-pages-corpus-"))
    make_corpus(synthetic, args.articles)
    report["synthetic"] = time_pages(synthetic)
    report["articles"] = args.articles
    print(json.dumps(report))


if __name__ == "__main__":
    main()
