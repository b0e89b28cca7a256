# Self-hosting the app:
#   docker build -t briefing .
#   docker run -p 8501:8501 briefing                      (the embedded corpus)
#   docker run -p 8501:8501 -v /path/to/articles:/corpus -e BRIEFING_CORPUS=/corpus briefing
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BRIEFING_CACHE=/home/briefing/.cache/briefing

WORKDIR /app
# The dependencies first (a layer that survives edits to the app), from pyproject.toml.
COPY pyproject.toml README.md ./
COPY analysis ./analysis
RUN pip install .
COPY . .

RUN useradd --create-home briefing
USER briefing

EXPOSE 8501
# Streamlit's own health endpoint, checked with the Python already in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]
CMD ["streamlit", "run", "streamlit_app.py", "--server.port=8501", "--server.address=0.0.0.0"]
