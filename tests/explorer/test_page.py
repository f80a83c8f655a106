"""The explorer page (issue 6), end to end: headless Chromium (Debian's chromium + chromium-driver, driven
by Selenium) against a real `plankg serve` on loopback with the seed plan loaded into a fresh embedded
store. Every expectation is read from the REST API the page itself uses (or from the seed file), so the
tests check that the page shows what the API says, not numbers copied from a run.

Screenshots of each step go to test-artifacts/explorer/ only (with metrics.json: page weight, first
contentful paint). The task-evidence step is taken at the README's window size; docs/explorer.png, the
README's committed copy, is refreshed from it by hand (cp test-artifacts/explorer/04-task-evidence.png
docs/explorer.png), never by a test run.
Without chromium/chromedriver/selenium these tests skip — except under CI=true, where they fail
(tests/support/browser.py; the browser fixture is in tests/explorer/conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.support.browser import WAIT_SECONDS, WINDOW, Server, free_port, plankg_command, require_browser
from tests.support.corpus import REPO, SEED_DOCUMENT

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts" / "explorer"
PAGE_WEIGHT_BUDGET = 150_000  # bytes of html + js + css, uncompressed
CONCEPT = "智慧社区"
SUPPORTING_TASK = "推动民生信息普惠提质增效"
README_WINDOW = (1200, 820)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`plankg load` the seed into a fresh embedded store, then `plankg serve` it on a free port."""
    require_browser()
    seed = SEED_DOCUMENT
    data_dir = tmp_path_factory.mktemp("explorer-store")
    env = {**os.environ, "PLANKG_STORE": "embedded", "PLANKG_DATA_DIR": str(data_dir)}
    loaded = subprocess.run(
        [*plankg_command(), "load", str(seed)], env=env, capture_output=True, text=True, timeout=300
    )
    assert loaded.returncode == 0, f"plankg load failed:\n{loaded.stdout}\n{loaded.stderr}"
    port = free_port()
    log_path = data_dir / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                *plankg_command(),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    client = httpx.Client(base_url=base_url, timeout=30)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"plankg serve exited with {process.returncode}:\n{log_path.read_text()}")
            try:
                if client.get("/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"plankg serve not ready after 60 s:\n{log_path.read_text()}")
            time.sleep(0.2)
        server = Server(base_url=base_url, api=client, seed_text=seed.read_text(encoding="utf-8"))
        yield server
        if server.metrics:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / "metrics.json").write_text(json.dumps(server.metrics, indent=2) + "\n")
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


# ---------------------------------------------------------------- page helpers


def wait_for(driver: Any, condition: Callable[[Any], Any], what: str, seconds: float = WAIT_SECONDS) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition, message=f"timed out waiting for {what}")


def open_page(driver: Any, server: Server) -> None:
    driver.get(server.base_url + "/")
    wait_for(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), "the page")
    driver.get_log("browser")  # start each test with an empty console


def screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def assert_console_clean(driver: Any) -> None:
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, f"browser console errors: {errors}"


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def one(driver: Any, selector: str) -> Any:
    found = css(driver, selector)
    assert found, f"nothing matches {selector}"
    return found[0]


def search(driver: Any, text: str) -> None:
    box = one(driver, "#q")
    box.clear()
    box.send_keys(text)
    wait_for(
        driver,
        lambda d: text in (one(d, "#result-count").text or "") and "…" not in one(d, "#result-count").text,
        f"the results for {text}",
    )


def client_rect(driver: Any, element: Any) -> dict[str, float]:
    rect: dict[str, float] = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,"
        "        width: r.width, height: r.height};",
        element,
    )
    return rect


def drag_picture(driver: Any, dx: float, dy: float) -> None:
    """Press in the middle of the picture, move by (dx, dy), release: a reader's pan."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    box = client_rect(driver, one(driver, "#graph"))
    x, y = int(box["left"] + box["width"] / 2), int(box["top"] + box["height"] / 2)
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(x, y).pointer_down()
    actions.pointer_action.move_to_location(x + int(dx / 2), y + int(dy / 2))
    actions.pointer_action.move_to_location(x + int(dx), y + int(dy)).pointer_up()
    actions.perform()


def pan_into_view(driver: Any, point: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """Drag the picture (as a reader would) until `point` (client coordinates) is well inside it."""
    graph = one(driver, "#graph")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", graph)
    for _ in range(12):
        box = client_rect(driver, graph)
        x, y = point()
        margin = 60
        inside_x = box["left"] + margin < x < box["right"] - margin
        if inside_x and box["top"] + margin < y < box["bottom"] - margin:
            return x, y
        cx, cy = (box["left"] + box["right"]) / 2, (box["top"] + box["bottom"]) / 2
        limit_x, limit_y = box["width"] / 2 - 20, box["height"] / 2 - 20
        drag_picture(driver, max(-limit_x, min(limit_x, cx - x)), max(-limit_y, min(limit_y, cy - y)))
    raise AssertionError("could not pan the picture to the point")


def node_centre(driver: Any, node: Any) -> Callable[[], tuple[float, float]]:
    def centre() -> tuple[float, float]:
        rect = client_rect(driver, node.find_element("css selector", ".shape"))
        return (rect["left"] + rect["right"]) / 2, (rect["top"] + rect["bottom"]) / 2

    return centre


def api_requests(driver: Any) -> list[str]:
    """Path and query of every API request the page has made since it was loaded."""
    paths: list[str] = driver.execute_script(
        "return performance.getEntriesByType('resource')"
        "  .map(e => new URL(e.name)).filter(u => !u.pathname.startsWith('/static/'))"
        "  .map(u => decodeURIComponent(u.pathname + u.search));"
    )
    return paths


def click_node(driver: Any, node_id: str) -> None:
    """Pan the picture until the node is well in sight, then click it with the mouse."""
    node = one(driver, f'#graph .node[data-id="{node_id}"]')
    x, y = pan_into_view(driver, node_centre(driver, node))
    click_at(driver, x, y)


def click_at(driver: Any, x: float, y: float) -> None:
    """A real mouse click at viewport coordinates."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y)).click()
    actions.perform()


def expected_target(indicator: dict[str, Any]) -> str:
    """How a reader writes an indicator's target (≥ 200万户, 20 → 100Mbps), from the API's fields."""

    def number(value: Any) -> str:
        number = round(float(value), 4)
        return str(int(number)) if number.is_integer() else str(number)

    unit = indicator.get("unit") or ""
    value = number(indicator["value"])
    if indicator["comparator"] == "from_to":
        return f"{number(indicator['baseline'])} → {value}{unit}"
    prefix = {">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "=": ""}[indicator["comparator"]]
    return f"{prefix}{value}{unit}"


# ---------------------------------------------------------------- tests


def test_page_is_served_offline_in_chinese_with_labelled_controls(browser: Any, server: Server) -> None:
    html = server.api.get("/")
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    assert '<html lang="zh">' in html.text
    assets = ["static/style.css", "static/app.js", "static/api.js", "static/graph.js"]
    bodies = [html.text]
    for asset in assets:
        response = server.api.get("/" + asset)
        assert response.status_code == 200, asset
        bodies.append(response.text)
    # works offline: nothing is fetched from another origin (the SVG namespace is a name, not a fetch)
    for body in bodies:
        stripped = body.replace("http://www.w3.org/2000/svg", "")
        assert "http://" not in stripped and "https://" not in stripped and "//cdn" not in stripped
    assert server.api.get("/static/../app.py").status_code == 404

    open_page(browser, server)
    assert browser.execute_script("return document.documentElement.lang") == "zh"
    unlabelled = browser.execute_script(
        "return [...document.querySelectorAll('input, select')]"
        ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)"
    )
    assert unlabelled == []
    assert one(browser, "#result-count").get_attribute("aria-live") == "polite"

    timing = browser.execute_script(
        "const paint = performance.getEntriesByType('paint');"
        "const fcp = paint.find(e => e.name === 'first-contentful-paint');"
        "const nav = performance.getEntriesByType('navigation')[0];"
        "const files = performance.getEntriesByType('resource')"
        "  .filter(e => new URL(e.name).pathname.startsWith('/static/'));"
        "return {fcp: fcp ? fcp.startTime : null, html: nav.decodedBodySize,"
        "  files: files.map(e => [new URL(e.name).pathname, e.decodedBodySize])};"
    )
    weight = timing["html"] + sum(size for _, size in timing["files"])
    server.metrics.update(
        first_contentful_paint_ms=round(timing["fcp"], 1) if timing["fcp"] is not None else None,
        page_weight_bytes=weight,
        page_files={"/": timing["html"], **dict(timing["files"])},
    )
    print(f"explorer page weight {weight} bytes; first contentful paint {timing['fcp']} ms")
    assert {path for path, _ in timing["files"]} == {"/" + asset for asset in assets}
    assert weight <= PAGE_WEIGHT_BUDGET
    screenshot(browser, "01-start")
    assert_console_clean(browser)


def test_search_groups_results_and_answers_the_concept_question(browser: Any, server: Server) -> None:
    open_page(browser, server)
    search(browser, CONCEPT)
    answer = server.get("/search", q=CONCEPT, limit=50)
    screenshot(browser, "02-search")

    # the task carrying out the concept is among the results, in the Task group, with its plan
    task_hits = [hit for hit in answer["items"] if hit["type"] == "Task" and hit["name"] == SUPPORTING_TASK]
    assert task_hits, "the API no longer finds the task; the page cannot either"
    button = one(browser, f'.result-group[data-type="Task"] .result[data-id="{task_hits[0]["id"]}"]')
    assert SUPPORTING_TASK in button.text
    plan_title = server.get(f"/plans/{task_hits[0]['plan_id']}")["title"]
    assert plan_title in button.find_element("css selector", ".plan").text

    # results grouped by type, as many in each group as the API answered, matches marked
    shown = Counter(element.get_attribute("data-type") for element in css(browser, ".result"))
    assert shown == Counter(hit["type"] for hit in answer["items"])
    marks = {mark.text for mark in css(browser, ".result mark")}
    assert marks and marks <= set(answer["terms"])
    assert str(answer["total"]) in one(browser, "#result-count").text

    # the concept question: the same tasks as GET /concepts/{name}/tasks, in order, with via and score
    expected = server.get(f"/concepts/{quote(CONCEPT)}/tasks")
    items = expected["items"]
    wait_for(browser, lambda d: len(css(d, ".concept-answer li")) == len(items), "the answer list")
    rows = css(browser, ".concept-answer li")
    assert [row.get_attribute("data-id") for row in rows] == [item["task"]["id"] for item in items]
    assert SUPPORTING_TASK in [item["task"]["name"] for item in expected["items"]]
    for row, item in zip(rows, expected["items"], strict=True):
        assert row.get_attribute("data-via") == item["via"]
        assert f"{item['score']:.2f}" in row.text
        assert item["evidence"]["text"] in row.text.replace("\n", "")
    assert f"哪些任务支撑 {CONCEPT}" in one(browser, "#concept-question").text
    assert_console_clean(browser)


def test_results_are_reachable_and_opened_with_the_keyboard(browser: Any, server: Server) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server)
    search(browser, CONCEPT)
    expected = server.get(f"/concepts/{quote(CONCEPT)}/tasks")
    wait_for(browser, lambda d: css(d, ".concept-answer li"), "the answer list")
    focusable = css(browser, "#search-section button")
    box = one(browser, "#q")
    box.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == focusable[0]
    # the focus is visible
    outline = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert browser.switch_to.active_element == focusable[1]
    browser.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert browser.switch_to.active_element == focusable[0]
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: d.find_element("id", "detail").is_displayed(), "the detail panel")
    assert one(browser, "#detail-title").text == expected["items"][0]["task"]["name"]
    # Enter on the answer opened it with the evidence that mentions the concept
    wait_for(browser, lambda d: css(d, "#evidence-mark"), "the evidence mark")
    assert one(browser, "#evidence-mark").text == expected["items"][0]["evidence"]["text"]
    assert_console_clean(browser)


def test_plan_picture_draws_every_goal_direction_task_and_indicator(browser: Any, server: Server) -> None:
    open_page(browser, server)
    plan_id = server.plan_id()
    counts = server.get(f"/plans/{plan_id}")["counts"]
    tasks = server.get("/tasks", plan=plan_id, limit=200)
    indicators = server.get("/indicators", plan=plan_id, limit=200)["items"]
    assert counts["goals"] >= 5 and counts["directions"] >= 4

    drawn = Counter(node.get_attribute("data-type") for node in css(browser, "#graph .node"))
    assert drawn["Plan"] == 1
    assert drawn["Goal"] == counts["goals"]
    assert drawn["Direction"] == counts["directions"]
    assert drawn["Task"] == counts["tasks"] == tasks["total"]
    top_level = css(browser, '#graph .node[data-type="Task"][data-subtask="false"]')
    assert len(top_level) == sum(1 for task in tasks["items"] if task["parent_id"] is None) >= 8
    assert drawn["Indicator"] == counts["indicators"] == len(indicators)

    # indicator nodes show their target; every node keeps its full name in a tooltip
    for indicator in indicators:
        node = one(browser, f'#graph .node[data-id="{indicator["id"]}"]')
        target = node.find_element("css selector", ".target").get_attribute("textContent")
        assert target == expected_target(indicator)
        title = node.find_element("css selector", "title").get_attribute("textContent")
        assert indicator["name"] in title
    smart_community = [i for i in indicators if i["name"].startswith(CONCEPT)]
    assert smart_community and expected_target(smart_community[0]).startswith("≥ 200")

    # the drawing is the API's picture of the plan: the same nodes, its SUPPORTS edges with their scores
    elements = server.get(f"/plans/{plan_id}/graph", vocabulary="false", limit=500)["elements"]
    assert {node.get_attribute("data-id") for node in css(browser, "#graph .node")} == {
        node["data"]["id"] for node in elements["nodes"]
    }
    supports = {
        edge["data"]["id"]: edge["data"]["score"]
        for edge in elements["edges"]
        if edge["data"]["label"] == "SUPPORTS"
    }
    assert supports
    drawn_supports = css(browser, '#graph .edge[data-type="SUPPORTS"]')
    assert {edge.get_attribute("data-id") for edge in drawn_supports} == set(supports)
    scores = Counter(label.get_attribute("textContent") for label in css(browser, "#graph .edge-score"))
    assert scores == Counter(f"{score:.2f}" for score in supports.values())

    # labels are readable at the starting zoom, and no two nodes overlap
    label_height = browser.execute_script(
        "return document.querySelector('#graph .node .label').getBoundingClientRect().height"
    )
    assert label_height >= 10
    overlaps = browser.execute_script(
        "const r = [...document.querySelectorAll('#graph .node .shape')].map(e => e.getBoundingClientRect());"
        "const out = [];"
        "for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {"
        "  const a = r[i], b = r[j];"
        "  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)"
        "    out.push([i, j]); }"
        "return out;"
    )
    assert overlaps == []

    # the legend names every kind and link type drawn, by its names in plan.ttl (GET /ontology.json)
    legend = one(browser, "#legend").text
    ontology = server.get("/ontology.json")
    for label in ontology["node_labels"]:
        if drawn[label["label"]]:
            assert f"{label['names']['zh']} {label['names']['en']}" in legend, label
    part_of = next(t for t in ontology["link_types"] if t["type"] == "PART_OF")
    assert f"{part_of['names']['zh']} Sub-task" in legend
    drawn_types = {edge.get_attribute("data-type") for edge in css(browser, "#graph .edge")}
    assert {"SUPPORTS", "ALIGNS_WITH", "HAS_GOAL"} <= drawn_types
    for link in ontology["link_types"]:
        if link["type"] in drawn_types:
            assert f"{link['names']['zh']} {link['type']}" in legend, link
    screenshot(browser, "03-plan-picture")

    # pan by dragging, zoom by buttons and by the wheel
    from selenium.webdriver.common.action_chains import ActionChains, ScrollOrigin

    viewport = one(browser, "#graph .viewport")
    before = viewport.get_attribute("transform")
    drag_picture(browser, -120, -80)
    assert viewport.get_attribute("transform") != before
    svg = one(browser, "#graph svg")
    zoom = float(svg.get_attribute("data-zoom"))
    one(browser, "#zoom-in").click()
    assert float(svg.get_attribute("data-zoom")) == pytest.approx(zoom * 1.25, rel=1e-3)
    one(browser, "#zoom-out").click()
    assert float(svg.get_attribute("data-zoom")) == pytest.approx(zoom, rel=1e-3)
    ActionChains(browser).scroll_from_origin(ScrollOrigin.from_element(svg), 0, 200).perform()
    wait_for(browser, lambda d: float(svg.get_attribute("data-zoom")) < zoom, "the wheel to zoom out")
    one(browser, "#zoom-fit").click()
    fitted = client_rect(browser, one(browser, "#graph .viewport"))
    box = client_rect(browser, one(browser, "#graph"))
    assert box["left"] <= fitted["left"] and fitted["right"] <= box["right"] + 1
    assert box["top"] <= fitted["top"] and fitted["bottom"] <= box["bottom"] + 1

    # the keyboard: the drawing is one tab stop; arrows move between nodes, Enter opens, Esc closes
    from selenium.webdriver.common.keys import Keys

    stops = css(browser, '#graph .node[tabindex="0"]')
    assert len(stops) == 1 and stops[0].get_attribute("data-type") == "Plan"
    browser.execute_script("arguments[0].focus()", stops[0])
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT).perform()
    first_goal = browser.switch_to.active_element
    assert first_goal.get_attribute("data-type") in {"Goal", "Direction"}
    ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
    chosen = browser.switch_to.active_element
    assert chosen.get_attribute("class").startswith("node") and chosen != first_goal
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    wait_for(browser, lambda d: d.find_element("id", "detail").is_displayed(), "the detail panel")
    assert one(browser, "#detail").get_attribute("data-id") == chosen.get_attribute("data-id")
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    wait_for(browser, lambda d: not d.find_element("id", "detail").is_displayed(), "the panel to close")
    assert browser.switch_to.active_element == chosen
    assert_console_clean(browser)


@pytest.fixture
def readme_window(browser: Any) -> Iterator[None]:
    """A smaller window, the README's picture's size, for the task-evidence screenshot; restored after."""
    browser.set_window_size(*README_WINDOW)
    yield
    browser.set_window_size(*WINDOW)


@pytest.mark.usefixtures("readme_window")
def test_clicking_a_task_highlights_its_evidence_in_the_source(browser: Any, server: Server) -> None:
    open_page(browser, server)
    plan_id = server.plan_id()
    task_id = next(
        t["id"]
        for t in server.get("/tasks", plan=plan_id, limit=200)["items"]
        if t["name"] == SUPPORTING_TASK
    )
    task = server.get(f"/tasks/{task_id}")
    start, end = task["evidence"]["span"]
    source = server.source_text(plan_id)

    node = one(browser, f'#graph .node[data-id="{task_id}"]')
    x, y = pan_into_view(browser, node_centre(browser, node))
    assert one(browser, "#detail").get_attribute("hidden") is not None  # dragging opened nothing
    click_at(browser, x, y)
    wait_for(browser, lambda d: css(d, "#evidence-mark"), "the evidence of the task")
    assert one(browser, "#detail").get_attribute("data-id") == task_id
    assert one(browser, "#detail-title").text == SUPPORTING_TASK
    mark = one(browser, "#evidence-mark")
    assert mark.text == source[start:end] == task["evidence"]["text"]
    assert mark.text == server.seed_text[start:end]  # the API's source text is the seed document's
    assert (int(mark.get_attribute("data-start")), int(mark.get_attribute("data-end"))) == (start, end)
    # the whole document is there, the span in its place, scrolled into view
    box = one(browser, "#source-text")
    assert box.get_attribute("textContent") == source
    shown, marked = client_rect(browser, box), client_rect(browser, mark)
    assert shown["top"] <= marked["top"] and marked["top"] < shown["bottom"]
    assert "selected" in node.get_attribute("class")
    # its links are listed with their scores: the goals it supports
    for goal in task["goals"]:
        assert goal["name"] in one(browser, "#detail-body").text
    # the README's picture (copied by hand): the plan redrawn with the task still chosen, from the top
    from selenium.webdriver.support.expected_conditions import staleness_of

    one(browser, "#show-plan").click()
    wait_for(browser, staleness_of(node), "the plan to be redrawn")
    redrawn = one(browser, f'#graph .node[data-id="{task_id}"]')
    assert "selected" in redrawn.get_attribute("class")  # the task the panel shows stays chosen
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, "04-task-evidence")
    assert_console_clean(browser)


def test_clicking_a_supports_edge_shows_its_score_and_the_text_stating_it(
    browser: Any, server: Server
) -> None:
    open_page(browser, server)
    edge = one(browser, '#graph .edge[data-type="SUPPORTS"]')
    source_id, target_id = edge.get_attribute("data-source"), edge.get_attribute("data-target")
    link = next(g for g in server.get(f"/tasks/{source_id}")["goals"] if g["id"] == target_id)
    plan_id = server.plan_id()
    source = server.source_text(plan_id)

    # a point on the drawn curve that is this edge's, not a neighbour's
    find_point = (
        "const edge = arguments[0], line = edge.querySelector('.line');"
        "const length = line.getTotalLength(), m = line.getScreenCTM();"
        "for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {"
        "  const p = line.getPointAtLength(length * t);"
        "  const x = p.x * m.a + p.y * m.c + m.e, y = p.x * m.b + p.y * m.d + m.f;"
        "  const hit = document.elementFromPoint(x, y);"
        "  if (hit && hit.closest('.edge') === edge) return [x, y]; }"
        "const p = line.getPointAtLength(length / 2);"
        "return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];"
    )

    def point() -> tuple[float, float]:
        x, y = browser.execute_script(find_point, edge)
        return float(x), float(y)

    x, y = pan_into_view(browser, point)
    x, y = point()
    click_at(browser, x, y)
    wait_for(browser, lambda d: d.find_element("id", "detail").is_displayed(), "the link's detail")
    assert one(browser, "#detail").get_attribute("data-type") == "SUPPORTS"
    body = one(browser, "#detail-body").text
    assert str(round(link["score"], 4)).rstrip("0").rstrip(".") in body
    assert link["method"] in body
    wait_for(browser, lambda d: css(d, "#evidence-mark"), "the link's evidence")
    start, end = link["link_span"]
    assert one(browser, "#evidence-mark").text == source[start:end]
    assert "selected" in edge.get_attribute("class")
    screenshot(browser, "05-edge-evidence")
    assert_console_clean(browser)


def test_neighbourhood_view_of_a_node_at_each_depth(browser: Any, server: Server) -> None:
    from selenium.webdriver.support.ui import Select

    open_page(browser, server)
    search(browser, SUPPORTING_TASK)
    hit = next(
        h
        for h in server.get("/search", q=SUPPORTING_TASK, limit=50)["items"]
        if h["type"] == "Task" and h["name"] == SUPPORTING_TASK
    )
    one(browser, f'.result[data-id="{hit["id"]}"]').click()
    wait_for(browser, lambda d: css(d, "#show-neighborhood"), "the neighbourhood controls")
    depth_select = Select(one(browser, "#neighborhood-depth"))
    assert [o.get_attribute("value") for o in depth_select.options] == ["1", "2", "3"]
    for depth in (1, 2):
        Select(one(browser, "#neighborhood-depth")).select_by_value(str(depth))
        one(browser, "#show-neighborhood").click()
        elements = server.get(f"/graph/neighborhood/{hit['id']}", depth=depth, limit=150)["elements"]
        wait_for(
            browser,
            lambda d, e=elements: (
                d.find_element("id", "graph").get_attribute("data-view") == "neighborhood"
                and len(css(d, "#graph .node")) == len(e["nodes"])
            ),
            f"the depth-{depth} neighbourhood",
        )
        assert {n.get_attribute("data-id") for n in css(browser, "#graph .node")} == {
            n["data"]["id"] for n in elements["nodes"]
        }
        assert len(css(browser, "#graph .edge")) == len(elements["edges"])
        assert one(browser, "#graph .focus-node").get_attribute("data-id") == hit["id"]
        assert f"depth {depth}" in one(browser, "#graph-caption").text
    screenshot(browser, "06-neighbourhood")
    one(browser, "#show-plan").click()
    wait_for(
        browser, lambda d: d.find_element("id", "graph").get_attribute("data-view") == "plan", "the plan"
    )
    assert_console_clean(browser)


def test_indicators_table_sorts_and_downloads_as_csv(browser: Any, server: Server, downloads: Path) -> None:
    open_page(browser, server)
    plan_id = server.plan_id()
    indicators = {i["id"]: i for i in server.get("/indicators", plan=plan_id, limit=200)["items"]}
    goals = {g["id"]: g["name"] for g in server.get("/goals", plan=plan_id, limit=200)["items"]}
    assert indicators

    rows = css(browser, "#indicators-table tbody tr")
    assert {row.get_attribute("data-id") for row in rows} == set(indicators)
    for row in rows:
        indicator = indicators[row.get_attribute("data-id")]
        cell = {c.get_attribute("data-key"): c.text for c in row.find_elements("css selector", "td")}
        assert cell["name"] == indicator["name"]
        assert float(cell["value"]) == indicator["value"]
        assert cell["unit"] == (indicator["unit"] or "")
        assert cell["target_year"] == str(indicator["target_year"] or "")
        if indicator["baseline"] is not None:
            assert float(cell["baseline"]) == indicator["baseline"]
        if indicator["goal_id"]:
            assert goals[indicator["goal_id"]] in cell["measures"]

    def column(key: str) -> list[str]:
        return [c.text for c in css(browser, f'#indicators-table tbody td[data-key="{key}"]')]

    header = one(browser, '#indicators-table th[data-key="value"]')
    header.find_element("css selector", "button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = [float(v) for v in column("value")]
    assert values == sorted(values)
    header.find_element("css selector", "button").click()
    assert header.get_attribute("aria-sort") == "descending"
    values = [float(v) for v in column("value")]
    assert values == sorted(values, reverse=True)
    name_header = one(browser, '#indicators-table th[data-key="name"]')
    name_header.find_element("css selector", "button").click()
    assert name_header.get_attribute("aria-sort") == "ascending"
    assert header.get_attribute("aria-sort") is None
    section = one(browser, "#indicators-section")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", section)
    screenshot(browser, "07-indicators")

    target = downloads / f"{plan_id}-indicators.csv"
    target.unlink(missing_ok=True)
    one(browser, "#download-csv").click()
    deadline = time.monotonic() + WAIT_SECONDS
    while not (target.exists() and target.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert target.exists(), f"no CSV downloaded into {downloads}: {list(downloads.iterdir())}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    table = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    shown_names = [c.text for c in css(browser, '#indicators-table td[data-key="name"]')]
    assert [row["name"] for row in table] == shown_names
    for row in table:
        indicator = indicators[row["id"]]
        assert row["name"] == indicator["name"]
        assert float(row["value"]) == indicator["value"]
        assert row["unit"] == (indicator["unit"] or "")
        assert row["comparator"] == indicator["comparator"]
        assert row["target_year"] == str(indicator["target_year"] or "")
        assert row["goal_id"] == (indicator["goal_id"] or "")
        assert row["text"] == (indicator["text"] or "")
    assert_console_clean(browser)


def test_indicator_and_sector_panels_read_their_own_endpoints(browser: Any, server: Server) -> None:
    open_page(browser, server)
    plan_id = server.plan_id()
    source = server.source_text(plan_id)
    indicators = server.get("/indicators", plan=plan_id, limit=200)["items"]
    coverage = next(i for i in indicators if i["name"].startswith(CONCEPT))
    indicator = server.get(f"/indicators/{coverage['id']}")

    # an indicator from the table: its target, its evidence, and the goal it measures (GET /indicators/{id})
    one(browser, f'#indicators-table tr[data-id="{coverage["id"]}"] td[data-key="name"] button').click()
    wait_for(browser, lambda d: css(d, "#evidence-mark"), "the indicator's evidence")
    assert one(browser, "#detail").get_attribute("data-id") == coverage["id"]
    start, end = indicator["evidence"]["span"]
    assert one(browser, "#evidence-mark").text == source[start:end] == indicator["evidence"]["text"]
    body = one(browser, "#detail-body").text
    assert indicator["goals"] and indicator["goals"][0]["name"] in body
    assert expected_target(indicator) in body

    # sectors on demand: the picture asks for the plan's vocabulary and draws its sectors, not its concepts
    one(browser, "#detail-close").click()
    one(browser, "#show-sectors").click()
    picture = server.get(f"/plans/{plan_id}/graph", vocabulary="true", limit=500)["elements"]
    sector_ids = {n["data"]["id"] for n in picture["nodes"] if n["data"]["type"] == "Sector"}
    assert sector_ids
    drawn_sectors = '#graph .node[data-type="Sector"]'
    wait_for(browser, lambda d: len(css(d, drawn_sectors)) == len(sector_ids), "the sectors in the picture")
    assert {node.get_attribute("data-id") for node in css(browser, drawn_sectors)} == sector_ids
    assert not css(browser, '#graph .node[data-type="Concept"]')

    # a sector: its members of every plan (GET /sectors/{id})
    sectors = {s["id"]: s for s in server.get("/sectors", limit=200)["items"]}
    busiest = max(sector_ids, key=lambda sector_id: sectors[sector_id]["members"])
    detail = server.get(f"/sectors/{busiest}", limit=200)
    click_node(browser, busiest)
    wait_for(
        browser,
        lambda d: (
            d.find_element("id", "detail").get_attribute("data-id") == busiest
            and css(d, "#detail-body .links")
        ),
        "the sector's members",
    )
    body = one(browser, "#detail-body").text
    for member in detail["goals"] + detail["tasks"] + detail["indicators"]:
        assert member["name"] in body
    assert ", ".join(detail["codes"]) in body
    screenshot(browser, "08-sector")

    # the page read details and whole pictures, never pages of lists or researcher's Cypher
    requests = api_requests(browser)
    assert f"/plans/{plan_id}/text" in requests
    assert f"/indicators/{coverage['id']}" in requests
    assert f"/sectors/{busiest}?limit=200" in requests
    assert f"/plans/{plan_id}/graph?vocabulary=true&limit=500" in requests
    for path in requests:
        assert not path.startswith(("/cypher", "/goals?", "/directions?", "/tasks?", "/sectors?")), path
        assert not path.startswith(f"/graph/neighborhood/{plan_id}"), path
    assert_console_clean(browser)


CONTRAST_SCRIPT = """
const parse = (c) => {
  const m = c.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return null;
  const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const luminance = ({r, g, b}) => {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const ratio = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const background = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0.5) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
};
const low = [];
let checked = 0;
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const text = walker.currentNode;
  const el = text.parentElement;
  if (!text.textContent.trim() || el.closest('svg') || !el.checkVisibility()) continue;
  const r = ratio(parse(getComputedStyle(el).color), background(el));
  checked++;
  if (r < 4.5) low.push([el.tagName, el.className, text.textContent.slice(0, 20), r.toFixed(2)]);
}
for (const node of document.querySelectorAll('#graph .node')) {
  const fill = parse(getComputedStyle(node.querySelector('.shape')).fill);
  for (const label of node.querySelectorAll('.label')) {
    const r = ratio(parse(getComputedStyle(label).fill), fill);
    checked++;
    if (r < 4.5) low.push(['svg', node.dataset.kind, label.textContent.slice(0, 20), r.toFixed(2)]);
  }
}
const canvas = parse(getComputedStyle(document.querySelector('#graph')).backgroundColor);
for (const label of document.querySelectorAll('#graph .edge-score')) {
  const r = ratio(parse(getComputedStyle(label).fill), canvas);
  checked++;
  if (r < 4.5) low.push(['svg', 'edge-score', label.textContent, r.toFixed(2)]);
}
return {checked, low};
"""


def test_text_contrast_is_at_least_4_5_to_1(browser: Any, server: Server) -> None:
    open_page(browser, server)
    search(browser, CONCEPT)
    wait_for(browser, lambda d: css(d, ".concept-answer li"), "the answer list")
    css(browser, ".result")[0].click()
    wait_for(browser, lambda d: css(d, "#detail-body .props"), "the detail panel")
    report = browser.execute_script(CONTRAST_SCRIPT)
    assert report["checked"] > 100
    assert report["low"] == [], f"text below 4.5:1 contrast: {report['low']}"
    assert_console_clean(browser)


def test_api_docs_work_with_the_network_blocked(browser: Any, server: Server) -> None:
    """/docs (Swagger UI) and /redoc load their scripts from the package: with every other origin
    blocked they still draw every operation of the OpenAPI document."""
    operations = [
        (method.upper(), path)
        for path, item in server.get("/openapi.json")["paths"].items()
        for method in item
    ]
    assert ("GET", "/concepts/{name}/tasks") in operations
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd(
        "Network.setBlockedURLs",
        {"urls": ["https://*", "*://*.com/*", "*://*.net/*", "*://*.org/*", "*://*.io/*", "*://*.cn/*"]},
    )
    try:
        browser.get(server.base_url + "/docs")
        wait_for(browser, lambda d: len(css(d, ".opblock")) >= len(operations), "Swagger UI's operations")
        shown = {
            (
                block.find_element("css selector", ".opblock-summary-method").text,
                block.find_element("css selector", ".opblock-summary-path").get_attribute("data-path"),
            )
            for block in css(browser, ".opblock")
        }
        assert set(operations) <= shown
        origins = browser.execute_script(
            "return [...new Set(performance.getEntriesByType('resource').map(e => new URL(e.name).origin))]"
        )
        assert origins == [server.base_url], origins
        screenshot(browser, "09-api-docs-offline")

        browser.get(server.base_url + "/redoc")
        wait_for(
            browser,
            lambda d: "/concepts/{name}/tasks" in d.execute_script("return document.body.innerText"),
            "ReDoc's operations",
        )
        assert_console_clean(browser)
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
