// Across plans: the corpus by region and year, a concept's spread, one measure compared (chart, table,
// CSV), two plans diffed. Reads only the public REST API (/corpus, /concepts/{name}/plans,
// /indicators/compare, /plans/{a}/diff/{b}).

const $ = (selector) => document.querySelector(selector);
const enc = encodeURIComponent;

async function get(path) {
  const response = await fetch(new URL(path, document.baseURI), { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : String(text);
  return td;
}

function fillRows(tbody, rows) {
  tbody.replaceChildren(
    ...rows.map((values) => {
      const tr = document.createElement("tr");
      tr.append(...values.map(cell));
      return tr;
    }),
  );
}

function bars(svg, pairs) {
  // a plain SVG bar chart: one bar per (label, value)
  const ns = "http://www.w3.org/2000/svg";
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height")) - 20;
  const max = Math.max(1, ...pairs.map(([, v]) => v));
  const step = pairs.length ? width / pairs.length : width;
  svg.replaceChildren(
    ...pairs.flatMap(([label, value], i) => {
      const rect = document.createElementNS(ns, "rect");
      const h = (value / max) * (height - 10);
      rect.setAttribute("class", "bar");
      rect.setAttribute("x", String(i * step + 4));
      rect.setAttribute("y", String(height - h));
      rect.setAttribute("width", String(Math.max(4, step - 8)));
      rect.setAttribute("height", String(h));
      const title = document.createElementNS(ns, "title");
      title.textContent = `${label}: ${value}`;
      rect.append(title);
      const text = document.createElementNS(ns, "text");
      text.setAttribute("x", String(i * step + 4));
      text.setAttribute("y", String(height + 15));
      text.setAttribute("font-size", "11");
      text.textContent = label;
      return [rect, text];
    }),
  );
}

async function showCorpus() {
  const params = new URLSearchParams({ limit: "200" });
  if ($("#corpus-level").value) params.set("level", $("#corpus-level").value);
  if ($("#corpus-region").value.trim()) params.set("region", $("#corpus-region").value.trim());
  const answer = await get(`/corpus?${params}`);
  fillRows($("#corpus-table tbody"), answer.plans.map((p) => [p.region, p.level, p.year, p.title, p.doc_number]));
  return answer;
}

async function showSpread() {
  const answer = await get(`/concepts/${enc($("#spread-concept").value.trim())}/plans?limit=200`);
  bars($("#spread-chart"), answer.by_year.map((f) => [f.value, f.count]));
  fillRows($("#spread-table tbody"), answer.by_region.map((r) => [r.region, r.level, r.first_year, r.plans]));
}

let comparison = null;

async function showComparison() {
  comparison = await get(`/indicators/compare?q=${enc($("#compare-q").value.trim())}&limit=200`);
  const years = comparison.years;
  const head = document.createElement("tr");
  head.append(cell("地区"), ...years.map(cell));
  $("#compare-table thead").replaceChildren(head);
  const describe = (cells) => cells.map((c) => `${c.comparator} ${c.value}${c.unit}`).join("; ");
  fillRows($("#compare-table tbody"), comparison.rows.map((r) => [r.region, ...years.map((y) => describe(r.by_year[y] || []))]));
  const latest = comparison.rows.map((r) => {
    const cells = years.flatMap((y) => r.by_year[y] || []);
    const last = cells[cells.length - 1];
    return [r.region, last ? last.normalized_value ?? last.value : 0];
  });
  bars($("#compare-chart"), latest);
}

function comparisonCsv() {
  const quote = (v) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const lines = [["region", "region_code", "target_year", "name", "comparator", "value", "unit", "normalized_value",
    "normalized_unit", "plan", "evidence"].join(",")];
  for (const row of comparison?.rows || []) {
    for (const [year, cells] of Object.entries(row.by_year)) {
      for (const c of cells) {
        lines.push([row.region, row.region_code, year, c.name, c.comparator, c.value, c.unit, c.normalized_value,
          c.normalized_unit, c.plan.title, c.evidence?.text].map(quote).join(","));
      }
    }
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
  link.download = "indicator-comparison.csv";
  link.click();
}

async function fillPlanChoices(plans) {
  for (const select of [$("#diff-old"), $("#diff-new")]) {
    select.replaceChildren(...plans.map((p) => new Option(`${p.title} (${p.region || ""})`, p.id)));
  }
  if (plans.length > 1) $("#diff-new").selectedIndex = 1;
}

async function showDiff() {
  const answer = await get(`/plans/${enc($("#diff-old").value)}/diff/${enc($("#diff-new").value)}`);
  $("#diff-summary").textContent =
    `新增 added ${answer.added.length} · 删除 dropped ${answer.dropped.length} · 保留 kept ${answer.kept} · ` +
    `目标变化 changed ${answer.targets_changed.length}`;
  const target = (t) => `${t.comparator} ${t.value}${t.unit} (${t.target_year ?? ""})`;
  fillRows($("#diff-targets tbody"), answer.targets_changed.map((c) => [c.name, target(c.old_target), target(c.new_target), c.changed.join(", ")]));
  $("#diff-entities").replaceChildren(
    ...answer.added.map((e) => Object.assign(document.createElement("li"), { className: "added", textContent: `+ ${e.kind}: ${e.name}` })),
    ...answer.dropped.map((e) => Object.assign(document.createElement("li"), { className: "dropped", textContent: `− ${e.kind}: ${e.name}` })),
  );
}

function on(formId, handler) {
  $(formId).addEventListener("submit", (event) => {
    event.preventDefault();
    handler().catch((error) => { document.body.dataset.error = error.message; });
  });
}

on("#corpus-form", showCorpus);
on("#spread-form", showSpread);
on("#compare-form", showComparison);
on("#diff-form", showDiff);
$("#compare-csv").addEventListener("click", comparisonCsv);

const start = await showCorpus();
await fillPlanChoices(start.plans);
await Promise.all([showSpread(), showComparison()]);
document.body.dataset.ready = "true";
