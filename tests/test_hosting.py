"""Hosting files, checked statically (no Docker here): the Dockerfile builds from
pyproject.toml and serves the entry file on Streamlit's port with a health check; Streamlit
Community Cloud finds its requirements and theme. (requirements.txt against pyproject.toml:
tests/test_packaging.py.)"""

import json
import re
import shlex
import tomllib

from tests.conftest import ROOT


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def command(arguments: str) -> list[str]:
    """An instruction's command, exec form (JSON) or shell form."""
    return json.loads(arguments) if arguments.startswith("[") else shlex.split(arguments)


def test_the_image_python_satisfies_requires_python():
    base = [args for word, args in instructions() if word == "FROM"]
    assert len(base) == 1
    match = re.fullmatch(r"python:(\d+)\.(\d+)-slim", base[0])
    assert match, base[0]
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    floor = tuple(int(n) for n in re.fullmatch(r">=(\d+)\.(\d+)", wanted).groups())
    assert (int(match[1]), int(match[2])) >= floor


def test_the_image_installs_the_package_from_pyproject_with_what_it_needs():
    steps = instructions()
    runs = [args for word, args in steps if word == "RUN"]
    assert any(re.fullmatch(r"pip install \.", r) for r in runs)
    install = next(i for i, (w, a) in enumerate(steps) if w == "RUN" and a == "pip install .")
    # the sources copied before the install
    copied = {p for w, a in steps[:install] if w == "COPY" for p in shlex.split(a)[:-1]}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "pyproject.toml" in copied and project["project"]["readme"] in copied
    packages = project["tool"]["setuptools"]["packages"]
    if isinstance(packages, dict):  # found: the top-level folders its include patterns name
        packages = {p.split(".")[0].rstrip("*") for p in packages["find"]["include"]}
    assert packages and set(packages) <= copied
    assert ("COPY", ". .") in steps[install:]  # then the app itself
    for path in copied:
        assert (ROOT / path).exists(), path


def test_the_container_serves_the_entry_file_on_the_exposed_port_with_a_health_check():
    steps = dict(instructions())  # one of each that matters
    assert steps["EXPOSE"] == "8501"
    cmd = command(steps["CMD"])
    assert cmd[:3] == ["streamlit", "run", "streamlit_app.py"]
    assert (ROOT / cmd[2]).is_file()
    assert "--server.port=8501" in cmd and "--server.address=0.0.0.0" in cmd
    health = steps["HEALTHCHECK"]
    check = command(health[health.index("CMD ") + 4 :])
    assert check[:2] == ["python", "-c"]
    code = check[2]
    assert "urllib.request" in code and "http://127.0.0.1:8501/_stcore/health" in code
    compile(code, "healthcheck", "exec")  # the check is valid Python
    assert "curl" not in health and "wget" not in health


def test_dockerignore_keeps_out_what_the_app_does_not_need_and_keeps_what_it_does():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".git", ".venv", "tests", "**/__pycache__"} <= ignored
    needed = {"streamlit_app.py", "pages", "ui", "analysis", "data", ".streamlit"}
    needed |= {"pyproject.toml", "README.md"}
    assert not needed & ignored


def test_streamlit_cloud_finds_requirements_and_the_theme():
    assert (ROOT / "requirements.txt").is_file() and (ROOT / "streamlit_app.py").is_file()
    # Community Cloud would read these before requirements.txt: none may shadow it
    for other in ("uv.lock", "Pipfile", "environment.yml"):
        assert not (ROOT / other).exists(), other
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["theme"]["primaryColor"].startswith("#")
    assert config["server"]["headless"] is True
