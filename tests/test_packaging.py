"""The hosting dependency file, the README's commands and the CI script agree."""

import importlib
import re
import tomllib

from tests.conftest import ROOT


def _names(requirements: list[str]) -> list[str]:
    return [re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements]


def test_requirements_txt_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == project["dependencies"], (
        "requirements.txt must list pyproject's dependencies, in order:\n"
        + "\n".join(project["dependencies"])
    )
    assert all(re.search(r">=\d", dep) for dep in project["dependencies"])  # lower bounds


def _third_party_imports() -> set[str]:
    """Top-level modules outside the standard library that the product's code imports."""
    local = {"analysis", "ui", "tests", "pages"}
    stdlib = set(__import__("sys").stdlib_module_names)
    used = set()
    for path in [
        *ROOT.glob("analysis/**/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("pages/*.py"),
        ROOT / "streamlit_app.py",
    ]:
        for mod in re.findall(r"^\s*(?:from|import)\s+([\w]+)", path.read_text(), re.M):
            if mod not in stdlib and mod not in local and mod != "__future__":
                used.add(mod)
    return used


def test_every_third_party_import_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = set(_names(project["dependencies"])) | set(
        _names(project["optional-dependencies"]["test"])
    )
    aliases = {
        "lingua": "lingua-language-detector",
        "markdown_it": "markdown-it-py",
        "charset_normalizer": "charset-normalizer",
        "yaml": "pyyaml",
        "dateutil": "python-dateutil",
    }
    used = {aliases.get(mod, mod).lower() for mod in _third_party_imports()}
    assert used - declared == set()


def test_every_third_party_import_imports():
    """The declared dependencies bring what they need: lxml 6.1.3 dropped the extra that
    brought trafilatura's HTML cleaner, and the product fell back to its plain reader on every
    page (caught only by what the extractor would have dropped)."""
    failed = {}
    for mod in sorted(_third_party_imports()):
        try:
            importlib.import_module(mod)
        except ImportError as err:
            failed[mod] = str(err)
    assert failed == {}


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, re.S)
    commands = [line for line in blocks[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert "streamlit run streamlit_app.py" in commands[0]
    assert commands[1].strip() == "bash tests/run.sh"
    assert "bash tests/run.sh" in (ROOT / ".ci" / "run").read_text()
