"""Briefing's analysis package: corpus in, tidy tables out (no Streamlit here).

from analysis import build
result = build("data")          # BuildResult: .tables (schema.Tables) and .problems
result.tables.mentions.head()
"""

from analysis.corpus import Problem, Source
from analysis.pipeline import BuildResult, build
from analysis.schema import TABLE_NAMES, Tables

__all__ = ["BuildResult", "Problem", "Source", "TABLE_NAMES", "Tables", "build"]
__version__ = "0.1.0"
