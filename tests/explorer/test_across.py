"""The across-plans page (static/corpus.html) in headless Chromium against `plankg serve` over a corpus
of real and edited plans: the corpus view filters by level and region, the concept's spread and the
indicator comparison draw their charts and tables (the comparison downloads as CSV), and the diff view
shows exactly the targets the 十四五 copy changed."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.browser import WAIT_SECONDS, Server, free_port, plankg_command, require_browser
from tests.support.corpus_variants import (
    CHANGED_TARGETS,
    other_city,
    qingdao_13th,
    qingdao_14th,
    vocational,
    write,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`plankg load` five plans into a fresh embedded store, then `plankg serve` them."""
    require_browser()
    tmp = tmp_path_factory.mktemp("across-page")
    paths = write(tmp, qingdao_13th(), qingdao_14th(), other_city("济南"), other_city("杭州"), vocational())
    env = {**os.environ, "PLANKG_STORE": "embedded", "PLANKG_DATA_DIR": str(tmp / "db")}
    loaded = subprocess.run(
        [*plankg_command(), "load", *map(str, paths)], env=env, capture_output=True, text=True, timeout=600
    )
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    port = free_port()
    process = subprocess.Popen(
        [*plankg_command(), "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if client.get("/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "plankg serve did not start"
            time.sleep(0.2)
        yield Server(base_url=f"http://127.0.0.1:{port}", api=client, seed_text="")
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def _wait(driver: Any, condition: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_SECONDS).until(condition)


def _rows(driver: Any, table: str) -> list[list[str]]:
    """The table's body cells, read in one script call (the page may redraw a table meanwhile)."""
    rows: list[list[str]] = driver.execute_script(
        "return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
        ".map(tr => [...tr.cells].map(td => td.textContent))",
        table,
    )
    return rows


def test_corpus_spread_comparison_and_diff_views(
    browser: Any,
    server: Server,
    downloads: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(f"{server.base_url}/static/corpus.html")
    _wait(browser, lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")
    assert len(_rows(browser, "#corpus-table")) == 5
    Select(browser.find_element(By.ID, "corpus-level")).select_by_value("city")
    browser.find_element(By.ID, "corpus-region").send_keys("山东")
    browser.find_element(By.CSS_SELECTOR, "#corpus-form button").click()
    _wait(browser, lambda b: len(_rows(b, "#corpus-table")) == 3)
    assert {row[0] for row in _rows(browser, "#corpus-table")} == {"青岛市", "济南市"}

    spread = {row[0]: row[2:] for row in _rows(browser, "#spread-table")}
    assert spread == {"青岛市": ["2016", "2"], "济南市": ["2016", "1"], "杭州市": ["2016", "1"]}
    assert len(browser.find_elements(By.CSS_SELECTOR, "#spread-chart rect")) == 2  # 2016 and 2021

    comparison = {row[0]: row[1:] for row in _rows(browser, "#compare-table")}
    assert comparison["青岛市"] == [">= 90%", ">= 98%"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#compare-chart rect")) == 3
    browser.find_element(By.ID, "compare-csv").click()
    csv_path = downloads / "indicator-comparison.csv"
    _wait(browser, lambda b: csv_path.is_file() and csv_path.stat().st_size > 0)
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert sorted((r["region"], r["target_year"], r["value"]) for r in rows if r["region"] == "青岛市") == [
        ("青岛市", "2020", "90"),
        ("青岛市", "2025", "98"),
    ]

    titles = {
        o.text.split(" (")[0]: o.get_attribute("value")
        for o in browser.find_elements(By.CSS_SELECTOR, "#diff-old option")
    }
    old = next(v for t, v in titles.items() if t.startswith("青岛") and "十三五" in t)
    new = next(v for t, v in titles.items() if t.startswith("青岛") and "十四五" in t)
    Select(browser.find_element(By.ID, "diff-old")).select_by_value(old)
    Select(browser.find_element(By.ID, "diff-new")).select_by_value(new)
    browser.find_element(By.CSS_SELECTOR, "#diff-form button").click()
    _wait(browser, lambda b: len(_rows(b, "#diff-targets")) > 0)
    changed = _rows(browser, "#diff-targets")
    assert len(changed) == len(CHANGED_TARGETS)
    assert {row[0] for row in changed} == {"互联网用户数", "政务事项网办率"}
    assert all(row[3] == "value" for row in changed)
