# The plankg HTTP API (`plankg serve`), for docker-compose.yml or on its own:
#   docker build -t plankg-api . && docker run -p 8000:8000 -e PLANKG_STORE=neo4j \
#     -e PLANKG_NEO4J_URI=bolt://host:7687 -e PLANKG_NEO4J_PASSWORD=... plankg-api
# Configuration is PLANKG_* environment variables only (plankg/settings.py); no .env is copied in.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# A fixed uid/gid without a login shell; its home holds the embedded store's default data
# directory (~/.local/share/plankg) should the container run with PLANKG_STORE=embedded.
RUN groupadd --system --gid 10001 plankg \
 && useradd --system --uid 10001 --gid plankg --create-home --home-dir /home/plankg \
      --shell /usr/sbin/nologin plankg

WORKDIR /src
# pyproject.toml names README.md as the package readme, so the build needs it.
COPY pyproject.toml README.md ./
COPY plankg ./plankg
# Every dependency ships a manylinux wheel or is pure Python (ladybug needs glibc >= 2.28; the
# Debian base has it). The source tree is dropped once the package is in site-packages.
RUN pip install --no-cache-dir . \
 && cd / && rm -rf /src

USER plankg
WORKDIR /home/plankg
EXPOSE 8000

# The slim image has no curl or wget: ask /healthz with the standard library (non-2xx raises).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["plankg", "serve", "--host", "0.0.0.0", "--port", "8000"]
