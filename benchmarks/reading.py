"""Reading speed and memory: a document just under the 50 MiB default limit, per text path, plus HTML.

Each case runs in a fresh child process (so peak RSS is that read's own) and prints seconds and peak
RSS. Cases: UTF-8 with LF (the fast path), GB18030 with CRLF (legacy decode + plausibility scoring +
newline normalisation), Big5, and HTML (lxml + BeautifulSoup: the slow one, reported without a target).
Target: every 50 MiB plain-text read in under 5 s and under 1 GiB peak RSS on the 2-core CI machine.

    python benchmarks/reading.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.corpus import SEED_DOCUMENT as SEED

LIMIT = 50 * 1024 * 1024
TARGET_SECONDS = 5.0
TARGET_RSS_MB = 1024.0
TRADITIONAL = "臺北市智慧城市發展計畫，到2025年建成國際領先的智慧城市，寬頻網路覆蓋率達到百分之九十五以上。\n"


def _child(path: str) -> None:
    from plankg.loaders.reading import read_document

    started = time.perf_counter()
    document = read_document(path)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"seconds": seconds, "peak_mb": peak_mb, "chars": document.chars, "encoding": document.encoding}
        )
    )


def _fill(path: Path, chunk: bytes, size: int) -> None:
    path.write_bytes(chunk * (size // len(chunk)))


def main() -> int:
    seed = SEED.read_text(encoding="utf-8")
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "utf-8, LF, 50 MiB": ("a.txt", (seed + "\n").encode("utf-8"), LIMIT - 1),
            "gb18030, CRLF, 50 MiB": (
                "b.txt",
                (seed + "\n").replace("\n", "\r\n").encode("gb18030"),
                LIMIT - 1,
            ),
            "big5, LF, 50 MiB": ("c.txt", TRADITIONAL.encode("big5"), LIMIT - 1),
            "html, 50 MiB": (
                "d.html",
                b"<html><body>" + "".join(f"<p>{line}</p>\n" for line in seed.split("\n")).encode("utf-8"),
                LIMIT - 1,
            ),
        }
        for name, (filename, chunk, size) in cases.items():
            path = Path(folder) / filename
            _fill(path, chunk, size)
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
            )
            figures = json.loads(result.stdout)
            ok = name.startswith("html") or (
                figures["seconds"] < TARGET_SECONDS and figures["peak_mb"] < TARGET_RSS_MB
            )
            failures += not ok
            print(
                f"{name:24} {path.stat().st_size / 1024 / 1024:6.1f} MiB  {figures['seconds']:6.2f} s  "
                f"peak RSS {figures['peak_mb']:6.0f} MB  {figures['chars']:>11,} chars  "
                f"{figures['encoding']}  {'ok' if ok else 'SLOW'}"
            )
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        sys.exit(main())
