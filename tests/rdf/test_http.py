"""Linked data over HTTP (FastAPI TestClient over the seed, on both backends): /export with content
negotiation, /context.jsonld, dereferenceable /id/ IRIs, and the SPARQL 1.1 Protocol endpoint."""

from __future__ import annotations

import json
import time

import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, RDFS, Graph, URIRef

from plankg.api import create_app
from plankg.graph import GraphStore
from plankg.rdf.describe import describe, render_html
from plankg.rdf.export import store_triples, to_rdflib_graph
from plankg.rdf.mapping import PK, RdfMapping, jsonld_context
from plankg.rdf.negotiation import negotiate
from tests.support.api import api_settings, assert_problem
from tests.support.graphs import plan_graph
from tests.support.rdf_sample import sample_graph

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
PREFIXES = """PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# "Which tasks carry out 智慧社区?" as SPARQL: top-level tasks whose own text or a sub-task's mentions
# the concept or a narrower one — the question GET /concepts/{name}/tasks answers.
TASKS_OF_CONCEPT = (
    PREFIXES
    + """SELECT DISTINCT ?id WHERE {
  ?asked a pk:Concept ; rdfs:label "智慧社区"@zh .
  ?named skos:broader* ?asked .
  ?mention a pk:Task ; pk:mentions ?named ; dcterms:isPartOf* ?task .
  FILTER NOT EXISTS { ?task dcterms:isPartOf ?parent }
  ?task pk:id ?id .
}"""
)


def sparql_ids(response_json: dict, var: str = "id") -> set[str]:
    return {binding[var]["value"] for binding in response_json["results"]["bindings"]}


# ---------------------------------------------------------------- content negotiation


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "text/turtle"),
        ("*/*", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/ld+json;q=0.5, application/n-triples;q=0.9", "application/n-triples"),
        ("text/*;q=0.3, application/rdf+xml;q=0.2", "text/turtle"),
        ("application/*, text/turtle;q=0.1", "application/n-triples"),
        ("text/turtle;q=0, */*;q=0.1", "application/n-triples"),
        ("application/json", "application/ld+json"),
        ("image/png", None),
        ("text/turtle;q=0", None),
    ],
)
def test_negotiation_honours_q_values_and_specificity(accept: str | None, expected: str | None) -> None:
    offers = ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
    assert negotiate(accept, offers) == expected


# ---------------------------------------------------------------- export


@pytest.fixture(scope="module")
def export_size(client: TestClient) -> int:
    """Triples in the N-Triples export, the reference the other formats must match."""
    return len(Graph().parse(data=client.get("/export?format=nt").content, format="nt"))


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/rdf+xml;q=0.4, text/turtle;q=0.7", "text/turtle", "turtle"),
    ],
)
def test_export_negotiates_the_format(
    client: TestClient, export_size: int, accept: str, media: str, rdflib_format: str
) -> None:
    response = client.get("/export", headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert "Accept" in response.headers["vary"]
    assert len(Graph().parse(data=response.content, format=rdflib_format)) == export_size > 1000


def test_export_format_parameter_overrides_accept(client: TestClient) -> None:
    response = client.get("/export?format=nt", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("application/n-triples")


def test_export_refuses_what_it_cannot_offer(client: TestClient) -> None:
    problem = assert_problem(client.get("/export", headers={"Accept": "text/html"}), 406)
    assert "text/turtle" in problem["detail"]
    assert_problem(client.get("/export?format=csv"), 422)
    assert_problem(client.get("/export?plan=no-such-plan"), 404)


def test_export_of_one_plan(client: TestClient) -> None:
    whole = Graph().parse(data=client.get("/export?format=nt").content, format="nt")
    (plan_id,) = {str(o) for o in whole.objects(None, PK.planId)}
    one = Graph().parse(data=client.get(f"/export?format=ttl&plan={plan_id}").content, format="turtle")
    assert set(one.subjects(PK.planId, None)) == set(whole.subjects(PK.planId, None))
    assert 0 < len(one) <= len(whole)


def test_context_is_published_and_used_inline(client: TestClient) -> None:
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    assert response.json() == {"@context": jsonld_context()}
    exported = client.get("/export?format=jsonld").json()
    assert exported["@context"] == jsonld_context()


# ---------------------------------------------------------------- dereferencing


def _a_supporting_task(client: TestClient) -> tuple[str, str]:
    query = PREFIXES + "SELECT ?task ?goal WHERE { ?task pk:supports ?goal } ORDER BY ?task ?goal LIMIT 1"
    binding = client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]
    return binding["task"]["value"], binding["goal"]["value"]


def test_entity_iri_dereferences_to_turtle_and_json_ld(client: TestClient) -> None:
    task, goal = _a_supporting_task(client)
    path = "/id/" + task.split("/id/", 1)[1]
    for accept, rdflib_format in (
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("*/*", "turtle"),
    ):
        response = client.get(path, headers={"Accept": accept})
        assert response.status_code == 200, response.text
        assert "Accept" in response.headers["vary"]
        description = Graph().parse(data=response.content, format=rdflib_format)
        subject = URIRef(task)
        assert (subject, RDF.type, PK.Task) in description
        assert (subject, PK.supports, URIRef(goal)) in description
        assert description.value(URIRef(goal), RDFS.label) is not None  # the link's end is named
        # The evidence span and the qualified link with its score come along.
        span = description.value(subject, PK.evidence)
        assert description.value(span, PK.start) is not None
        links = [
            lk
            for lk in description.subjects(PK.linkSource, subject)
            if description.value(lk, PK.linkType) == PK.supports
        ]
        assert links and description.value(links[0], PK.score) is not None


def test_entity_iri_gives_html_to_browsers(client: TestClient) -> None:
    task, goal = _a_supporting_task(client)
    response = client.get("/id/" + task.split("/id/", 1)[1], headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    label = (
        Graph()
        .parse(data=client.get("/id/" + task.split("/id/", 1)[1]).content, format="turtle")
        .value(URIRef(task), RDFS.label)
    )
    assert f"<h1>{label}</h1>" in page
    assert f'href="/id/{goal.split("/id/", 1)[1]}"' in page  # links stay inside the API


def test_sector_code_iris_dereference(client: TestClient) -> None:
    query = PREFIXES + "SELECT ?code WHERE { ?s a pk:Sector ; skos:closeMatch ?code } ORDER BY ?code LIMIT 1"
    (code,) = {
        b["code"]["value"]
        for b in client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    }
    response = client.get("/id/" + code.split("/id/", 1)[1], headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.text
    description = Graph().parse(data=response.content, format="turtle")
    notation = description.value(URIRef(code), URIRef("http://www.w3.org/2004/02/skos/core#notation"))
    assert notation is not None and code.endswith("/" + str(notation))


def test_unknown_or_unacceptable_entity(client: TestClient) -> None:
    assert_problem(client.get("/id/task/no-such-task"), 404)
    task, _ = _a_supporting_task(client)
    assert_problem(client.get("/id/" + task.split("/id/", 1)[1], headers={"Accept": "image/png"}), 406)


def test_every_iri_dereferences_to_what_the_whole_export_says(client: TestClient, seeded: GraphStore) -> None:
    """GET /id/… reads named queries, not the whole graph; its description of every entity, qualified
    link, document and code IRI of the export equals `describe` over the full export."""
    mapping = RdfMapping(api_settings().base_iri)
    whole = to_rdflib_graph(store_triples(seeded, mapping))
    iris = {str(s) for s in whole.subjects() if isinstance(s, URIRef) and "#" not in str(s)}
    iris = {iri for iri in iris if iri.startswith(mapping.base) and not iri.endswith(("/cofog", "-2017"))}
    kinds = {iri[len(mapping.base) :].split("/")[0] for iri in iris}
    assert {"plan", "task", "goal", "concept", "sector", "link", "document", "codelist"} <= kinds
    derived = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    for iri in sorted(iris):
        response = client.get("/id/" + iri[len(mapping.base) :], headers={"Accept": "application/n-triples"})
        assert response.status_code == 200, (iri, response.text)
        served = set(Graph().parse(data=response.content, format="nt"))
        if iri.startswith(mapping.base + "document/"):
            # a document lists the entities read from it (its links too would pass the 1000 shown)
            assert served <= set(whole), iri
            entities = {s for s in whole.subjects(derived, URIRef(iri)) if "/link/" not in str(s)}
            assert entities and entities == set(served_subjects(served, derived, iri)), iri
        else:
            assert served == set(describe(whole, iri)), iri


def served_subjects(triples: set[tuple[object, object, object]], predicate: URIRef, iri: str) -> list[object]:
    return [s for s, p, o in triples if p == predicate and o == URIRef(iri)]


def test_an_unknown_iri_is_a_quick_404_without_building_the_graph(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a"))
    with TestClient(create_app(api_settings(), store=store)) as app_client:
        task = app_client.get("/tasks").json()["items"][0]["id"]
        assert app_client.get(f"/id/task/{task}").status_code == 200
        store.write_document(plan_graph("plan-b"))  # a change: the old way rebuilt the whole graph now
        started = time.monotonic()
        for path in (
            "/id/task/no-such-task",
            "/id/goal/" + task,
            "/id/document/no-such-doc",
            "/id/link/supports/task/x/goal/y",
            "/id/codelist/cofog/99.9",
            "/id/nothing/at-all",
        ):
            assert_problem(app_client.get(path), 404)
        assert time.monotonic() - started < 2.0
        assert getattr(app_client.app.state, "sparql_service", None) is None  # no graph was built


# ---------------------------------------------------------------- SPARQL


def test_sparql_answers_the_canonical_question_like_the_rest_api(client: TestClient) -> None:
    answer = client.get("/concepts/智慧社区/tasks", params={"limit": 200})
    assert answer.status_code == 200
    rest_ids = {item["task"]["id"] for item in answer.json()["items"]}
    response = client.get("/sparql", params={"query": TASKS_OF_CONCEPT})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert rest_ids and sparql_ids(response.json()) == rest_ids


def test_sparql_protocol_forms_give_the_same_answer(client: TestClient) -> None:
    expected = sparql_ids(client.get("/sparql", params={"query": TASKS_OF_CONCEPT}).json())
    form = client.post("/sparql", data={"query": TASKS_OF_CONCEPT})
    direct = client.post(
        "/sparql", content=TASKS_OF_CONCEPT.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    for response in (form, direct):
        assert response.status_code == 200, response.text
        assert sparql_ids(response.json()) == expected


def test_sparql_results_as_csv_and_xml(client: TestClient) -> None:
    expected = sparql_ids(client.get("/sparql", params={"query": TASKS_OF_CONCEPT}).json())
    csv = client.get("/sparql", params={"query": TASKS_OF_CONCEPT}, headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0] == "id" and set(lines[1:]) == expected
    xml = client.get(
        "/sparql", params={"query": TASKS_OF_CONCEPT}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    assert all(task_id in xml.text for task_id in expected)


def test_sparql_ask_and_construct(client: TestClient) -> None:
    ask = client.get("/sparql", params={"query": PREFIXES + "ASK { ?t a pk:Task }"})
    assert ask.json()["boolean"] is True
    assert_problem(
        client.get(
            "/sparql", params={"query": PREFIXES + "ASK { ?t a pk:Task }"}, headers={"Accept": "text/csv"}
        ),
        406,
    )
    construct = client.get(
        "/sparql",
        params={"query": PREFIXES + "CONSTRUCT { ?g rdfs:label ?n } WHERE { ?g a pk:Goal ; rdfs:label ?n }"},
        headers={"Accept": "text/turtle"},
    )
    assert construct.headers["content-type"].startswith("text/turtle")
    goals = Graph().parse(data=construct.content, format="turtle")
    assert len(set(goals.subjects())) == len(goals) > 0


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {
            "method": "POST",
            "content": b"DELETE WHERE { ?s ?p ?o }",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "GET", "params": {"query": "DELETE WHERE { ?s ?p ?o }"}},
        {"method": "POST", "data": {"query": "CLEAR DEFAULT"}},
    ],
)
def test_sparql_refuses_updates(client: TestClient, request_kwargs: dict) -> None:
    before = sparql_ids(client.get("/sparql", params={"query": TASKS_OF_CONCEPT}).json())
    kwargs = dict(request_kwargs)  # parametrize shares the dict between the two backends' runs
    method = kwargs.pop("method")
    problem = assert_problem(client.request(method, "/sparql", **kwargs), 403)
    assert "Update" in problem["detail"]
    assert sparql_ids(client.get("/sparql", params={"query": TASKS_OF_CONCEPT}).json()) == before


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"query": "SELEC ?x WHERE { ?x ?y ?z }"}, 400),
        ({"query": "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }"}, 400),
        ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 400),
        ({"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "http://example.org/g"}, 400),
    ],
)
def test_sparql_bad_queries_are_problems(client: TestClient, params: dict, status: int) -> None:
    assert_problem(client.get("/sparql", params=params), status)


def test_sparql_post_needs_a_query_media_type(client: TestClient) -> None:
    assert_problem(client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"}), 415)
    assert_problem(client.post("/sparql", data={"other": "x"}), 400)


def test_sparql_service_description(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    description = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in description


def test_sparql_time_limit_stops_a_runaway_query(seeded: GraphStore) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with TestClient(create_app(api_settings(sparql_timeout_seconds=1.0), store=seeded)) as limited:
        limited.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})  # builds the cached graph first
        started = time.monotonic()
        problem = assert_problem(limited.get("/sparql", params={"query": runaway}), 504)
        assert time.monotonic() - started < 10
        assert "limit" in problem["detail"]
        # The endpoint still answers afterwards.
        assert limited.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_sparql_sees_the_current_graph(store: GraphStore) -> None:
    count_plans = PREFIXES + "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pk:Plan }"
    store.write_document(plan_graph("plan-a"))
    with TestClient(create_app(api_settings(), store=store)) as app_client:

        def plans() -> int:
            return int(
                app_client.get("/sparql", params={"query": count_plans}).json()["results"]["bindings"][0][
                    "n"
                ]["value"]
            )

        assert plans() == 1
        service = app_client.app.state.sparql_service  # type: ignore[attr-defined]
        assert service.graph(store) is service.graph(store)  # unchanged store: the cached graph
        store.write_document(plan_graph("plan-b"))
        assert plans() == 2
        store.delete_plan("plan-a")
        assert plans() == 1
        assert json.loads(app_client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).text)["boolean"]


def test_entity_page_escapes_text() -> None:
    graph = sample_graph()
    task = next(n for n in graph.nodes if n.label == "Task")
    hostile = '<script>alert("x")</script> & 智慧社区'
    graph.nodes[graph.nodes.index(task)] = task.model_copy(
        update={"properties": {**task.properties, "name": hostile}}
    )
    mapping = RdfMapping("https://w3id.org/plankg/id/")
    iri = mapping.node_iri("Task", task.id)
    page = render_html(describe(to_rdflib_graph(mapping.graph_triples(graph)), iri), iri, mapping.base)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 智慧社区" in page
