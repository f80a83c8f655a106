// plankg explorer: search, the concept question, the plan picture, evidence in the source text and
// the indicators table — all read through the public REST API (see api.js).

import { api, detailOf } from "./api.js";
import {
  EDGE_TYPES, GraphView, TYPES, drawLegend, formatNumber, formatTarget, typeStyle, useOntology,
} from "./graph.js";

const $ = (selector) => document.querySelector(selector);
const RESULT_TYPES = ["Goal", "Direction", "Task", "Indicator", "Sector", "Concept", "Region", "Plan", "Citation"];
const PLAN_LIMIT = 500; // nodes of the plan picture (GET /plans/{id}/graph keeps the plan's own first)
const NEIGHBORHOOD_LIMIT = 150;
const SEARCH_DELAY_MS = 220;
const COMPARATOR_SYMBOLS = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", from_to: "→" };
const VIA_TEXT = { direct: "直接提及 direct", subtask: "经子任务 via sub-task", narrower: "经下位概念 via narrower concept" };

const state = {
  plans: [],
  planTitles: new Map(),
  planId: null,
  view: null, // {mode: "plan"} or {mode: "neighborhood", id, depth}
  elements: null,
  indicatorRows: [],
  sort: { key: null, direction: 1 },
  searchSeq: 0,
  detailSeq: 0,
  returnFocus: null,
};

let graph;

// ------------------------------------------------------------------ small DOM helpers

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") element.className = value;
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/** `text` with every occurrence of the terms wrapped in <mark> (longest term first, no overlaps). */
function highlighted(text, terms) {
  const fragment = document.createDocumentFragment();
  const words = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  let plain = "";
  for (let i = 0; i < text.length; ) {
    const word = words.find((w) => text.startsWith(w, i));
    if (word) {
      if (plain) fragment.append(plain);
      plain = "";
      fragment.append(el("mark", {}, word));
      i += word.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) fragment.append(plain);
  return fragment;
}

function typeLabel(type) {
  const style = typeStyle(type);
  return `${style.zh} ${style.en}`;
}

function planTitle(planId) {
  if (!planId) return "";
  return state.planTitles.get(planId) || planId;
}

function setStatus(element, text, isError = false) {
  element.textContent = text;
  element.classList.toggle("error", isError);
}

function errorText(error) {
  return `出错了 Error — ${error.message}`;
}

// Spans count Unicode code points (Python's str); JavaScript strings count UTF-16 units.
function utf16Span(text, [start, end]) {
  if (!/[\uD800-\uDBFF]/.test(text)) return [start, end];
  let unit = 0;
  let point = 0;
  let from = null;
  while (point < end && unit < text.length) {
    if (point === start) from = unit;
    const code = text.codePointAt(unit);
    unit += code > 0xffff ? 2 : 1;
    point += 1;
  }
  return [from ?? unit, unit];
}

// ------------------------------------------------------------------ search

function scheduleSearch() {
  clearTimeout(scheduleSearch.timer);
  scheduleSearch.timer = setTimeout(() => runSearch($("#q").value), SEARCH_DELAY_MS);
}

async function runSearch(raw) {
  const query = raw.trim();
  const seq = ++state.searchSeq;
  const section = $("#search-section");
  if (!query) {
    section.hidden = true;
    $("#results").replaceChildren();
    $("#concept-question").replaceChildren();
    setStatus($("#result-count"), "");
    return;
  }
  section.hidden = false;
  setStatus($("#result-count"), `搜索中… Searching “${query}”…`);
  let answer;
  try {
    answer = await api.search(query);
  } catch (error) {
    if (seq === state.searchSeq) setStatus($("#result-count"), errorText(error), true);
    return;
  }
  if (seq !== state.searchSeq) return; // a newer query is on its way
  const shown = answer.items.length;
  const more = answer.total > shown ? `，显示前 ${shown} 条 (showing ${shown})` : "";
  setStatus($("#result-count"), `“${query}”：${answer.total} 条结果${more} · ${answer.total} results`);
  renderResults(answer);
  renderConceptOffers(query, answer.items.filter((hit) => hit.type === "Concept"));
}

function renderResults(answer) {
  const groups = new Map(RESULT_TYPES.map((type) => [type, []]));
  for (const hit of answer.items) {
    if (!groups.has(hit.type)) groups.set(hit.type, []);
    groups.get(hit.type).push(hit);
  }
  const terms = answer.terms.length ? answer.terms : [answer.query];
  const blocks = [];
  for (const [type, hits] of groups) {
    if (!hits.length) continue;
    const style = typeStyle(type);
    const headingId = `results-${type.toLowerCase()}`;
    blocks.push(
      el("section", { class: "result-group", "aria-labelledby": headingId, dataset: { type } },
        el("h3", { id: headingId }, typeLabel(type), el("span", { class: "badge" }, String(hits.length))),
        el("ul", {},
          hits.map((hit) =>
            el("li", {},
              el("button", {
                type: "button",
                class: "result",
                style: `--type-color: ${style.stroke}`,
                dataset: { id: hit.id, type: hit.type },
                onclick: () => openFromResult(hit),
              },
                el("span", { class: "name" }, highlighted(hit.name || hit.id, hit.matched.length ? hit.matched : terms)),
                el("span", { class: "plan" }, hit.plan_id ? planTitle(hit.plan_id) : "跨规划共享 shared by all plans"),
                hit.snippet && hit.snippet !== hit.name
                  ? el("span", { class: "snippet" }, highlighted(hit.snippet, hit.matched.length ? hit.matched : terms))
                  : null,
              ),
            ),
          ),
        ),
      ),
    );
  }
  $("#results").replaceChildren(...blocks);
}

function openFromResult(hit) {
  const node = { id: hit.id, type: hit.type, label: hit.name || hit.id, plan_id: hit.plan_id };
  openNode(node); // opens the panel first, so the picture is centred in the space that is left
  locateInPicture(node);
}

/** Select the node in the picture; for another plan's node, draw that plan first. */
async function locateInPicture(node) {
  if (graph.select(node.id, { center: true })) return;
  if (node.plan_id && node.plan_id !== state.planId && state.planTitles.has(node.plan_id)) {
    $("#plan-select").value = node.plan_id;
    await selectPlan(node.plan_id);
    graph.select(node.id, { center: true });
  }
}

// ------------------------------------------------------------------ the concept question

function renderConceptOffers(query, conceptHits) {
  const host = $("#concept-question");
  host.replaceChildren();
  if (!conceptHits.length) return;
  const exact = conceptHits.find((hit) => hit.name === query);
  const others = conceptHits.filter((hit) => hit !== exact).slice(0, 4);
  if (exact) host.append(conceptAnswerBlock(exact.name));
  if (others.length) {
    host.append(
      el("p", { class: "hint", id: "offers-label" }, "也可以问 Also ask about related concepts:"),
      el("ul", { class: "offers", "aria-labelledby": "offers-label" },
        others.map((hit) =>
          el("li", {},
            el("button", {
              type: "button",
              class: "offer",
              onclick: () => {
                const block = conceptAnswerBlock(hit.name);
                host.replaceChildren(block);
                block.querySelector("button, h3")?.focus();
              },
            }, `哪些任务支撑 ${hit.name}？`),
          ),
        ),
      ),
    );
  }
}

/** "哪些任务支撑 X？": GET /concepts/{name}/tasks, with via, score and the evidence of each task. */
function conceptAnswerBlock(name) {
  const list = el("ol", { class: "concept-answer", "aria-live": "polite" });
  const total = el("p", { class: "status" }, "查询中… Asking…");
  const block = el("div", { class: "concept-block", dataset: { concept: name } },
    el("h3", { tabindex: "-1" }, `哪些任务支撑 ${name}？`, el("span", { class: "badge" }, `which tasks support ${name}?`)),
    total,
    list,
  );
  api.conceptTasks(name).then(
    (answer) => {
      setStatus(total, `${answer.total} 个任务 · ${answer.total} task(s), most relevant first`);
      list.replaceChildren(
        ...answer.items.map((item) => conceptAnswerItem(item, answer.concept)),
      );
    },
    (error) => setStatus(total, errorText(error), true),
  );
  return block;
}

function conceptAnswerItem(item, concept) {
  const via =
    item.via === "subtask" && item.mentioned_by
      ? `${VIA_TEXT.subtask}：${item.mentioned_by.name}`
      : item.via === "narrower"
        ? `${VIA_TEXT.narrower}：${item.matched_concept}`
        : VIA_TEXT[item.via] || item.via;
  const task = { id: item.task.id, type: "Task", label: item.task.name, plan_id: item.task.plan_id };
  return el("li", { dataset: { id: item.task.id, via: item.via } },
    el("span", { class: "score", title: "相关度 score" }, item.score.toFixed(2)),
    el("span", {},
      el("button", {
        type: "button",
        class: "link-button task-link",
        onclick: () => {
          openNode(task, { evidence: item.evidence, note: `提及 ${item.matched_concept} 的原文 · the text that mentions it` });
          locateInPicture(task);
        },
      }, item.task.name),
      el("span", { class: "badge via" }, via),
    ),
    el("span", { class: "evidence-text" },
      highlighted(item.evidence.text || "", [item.matched_concept, concept.name, ...(concept.alt_names || [])]),
    ),
  );
}

// ------------------------------------------------------------------ plan picture

function hiddenTypes() {
  const hidden = new Set();
  if (!$("#show-concepts").checked) hidden.add("Concept");
  if (!$("#show-sectors").checked) hidden.add("Sector");
  return hidden;
}

/** Indicators of every plan that has one among the elements, by id (for the targets on the drawing). */
async function indicatorsFor(elements) {
  const plans = new Set(
    elements.nodes.filter((n) => n.data.type === "Indicator" && n.data.plan_id).map((n) => n.data.plan_id),
  );
  const byId = new Map();
  for (const planId of plans) {
    for (const indicator of await api.indicators(planId)) byId.set(indicator.id, indicator);
  }
  return byId;
}

async function drawPicture(elements, options, caption) {
  const indicators = await indicatorsFor(elements);
  // the node the panel shows stays chosen, and in sight, when the plan is redrawn
  const shown = $("#detail").hidden || options.mode !== "plan" ? null : $("#detail").dataset.id;
  const drawn = graph.render(elements, { keepId: shown, ...options, indicators });
  if (shown) graph.select(shown);
  const kinds = new Set();
  for (const node of graph.model.nodes.values()) kinds.add(node.kind);
  const edgeTypes = new Set(graph.model.edges.map((edge) => edge.label));
  drawLegend(
    $("#legend"),
    Object.keys(TYPES).filter((kind) => kinds.has(kind)),
    Object.keys(EDGE_TYPES).filter((type) => edgeTypes.has(type)),
  );
  setStatus($("#graph-caption"), `${caption} · ${drawn.nodes} 个节点 nodes · ${drawn.edges} 条连线 links`);
}

async function showPlan() {
  if (!state.planId) return;
  state.view = { mode: "plan" };
  setStatus($("#graph-caption"), "加载中… Loading…");
  const hidden = hiddenTypes();
  const vocabulary = !(hidden.has("Concept") && hidden.has("Sector")); // concepts and sectors only on demand
  try {
    const answer = await api.planGraph(state.planId, vocabulary, PLAN_LIMIT);
    state.elements = answer.elements;
    const cut = answer.truncated ? "（已截断 truncated）" : "";
    await drawPicture(answer.elements, { mode: "plan", hiddenTypes: hidden }, `规划图：${planTitle(state.planId)}${cut}`);
    $("#graph").dataset.view = "plan";
  } catch (error) {
    setStatus($("#graph-caption"), errorText(error), true);
  }
}

async function showNeighborhood(node, depth) {
  state.view = { mode: "neighborhood", id: node.id, depth };
  setStatus($("#graph-caption"), "加载中… Loading…");
  $("#picture-section").scrollIntoView({ block: "start" });
  try {
    const answer = await api.neighborhood(node.id, depth, NEIGHBORHOOD_LIMIT);
    const cut = answer.truncated ? `（前 ${NEIGHBORHOOD_LIMIT} 个节点 first ${NEIGHBORHOOD_LIMIT}）` : "";
    await drawPicture(
      answer.elements,
      { mode: "neighborhood", focusId: node.id },
      `邻域 Neighbourhood：${node.label} · 深度 depth ${depth}${cut}`,
    );
    $("#graph").dataset.view = "neighborhood";
    graph.select(node.id);
  } catch (error) {
    setStatus($("#graph-caption"), errorText(error), true);
  }
}

async function selectPlan(planId) {
  state.planId = planId;
  await Promise.all([showPlan(), loadIndicators(planId)]);
}

// ------------------------------------------------------------------ detail panel and evidence

function openPanel() {
  const panel = $("#detail");
  if (panel.hidden) state.returnFocus = document.activeElement;
  panel.hidden = false;
  document.body.classList.add("detail-open");
  panel.scrollTop = 0;
  // the panel narrows the picture: keep what was chosen in it in sight
  if (graph.selectedId) graph.centerOn(graph.selectedId, { onlyIfHidden: true });
}

function closePanel() {
  $("#detail").hidden = true;
  document.body.classList.remove("detail-open");
  state.detailSeq++;
  if (state.returnFocus && document.contains(state.returnFocus)) state.returnFocus.focus();
}

function propsTable(rows) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return el("table", { class: "props" },
    el("tbody", {}, shown.map(([key, value]) => el("tr", {}, el("th", { scope: "row" }, key), el("td", {}, value)))),
  );
}

function nodeButton(node, text = node.label) {
  return el("button", {
    type: "button",
    class: "link-button",
    dataset: { id: node.id, type: node.type },
    onclick: () => {
      openNode(node);
      graph.select(node.id, { center: true });
    },
  }, text);
}

/** One list of linked nodes (LinkedEntity): name, score, method, and the link's own evidence. */
function linkSection(title, type, links, planId) {
  if (!links || !links.length) return null;
  return el("section", { class: "links" },
    el("h3", {}, `${title} (${links.length})`),
    el("ul", {},
      links.map((link) =>
        el("li", {},
          nodeButton({ id: link.id, type, label: link.name, plan_id: link.plan_id ?? planId }),
          link.score !== null && link.score !== undefined
            ? el("span", { class: "score", title: "分数 score" }, formatNumber(link.score))
            : null,
          link.method ? el("span", { class: "method" }, link.method) : null,
          link.link_span
            ? el("button", {
                type: "button",
                class: "span-button",
                title: "在原文中显示这条连线的证据 Show this link's evidence",
                onclick: () => showSource(link.plan_id ?? planId, link.link_span, `连线证据 Link evidence：${link.name}`),
              }, "原文 evidence")
            : null,
        ),
      ),
    ),
  );
}

function neighborhoodControls(node) {
  const selectId = "neighborhood-depth";
  const depth = el("select", { id: selectId },
    [1, 2, 3].map((d) => el("option", { value: d, selected: d === 1 }, String(d))),
  );
  return [
    el("label", { for: selectId }, "深度 Depth"),
    depth,
    el("button", {
      type: "button",
      id: "show-neighborhood",
      onclick: () => showNeighborhood(node, Number(depth.value)),
    }, "显示邻域 Neighbourhood"),
  ];
}

/** The plan's source text in the panel, the span (if any) in <mark>, scrolled into view. */
async function showSource(planId, span, note) {
  const box = $("#source-text");
  const seq = state.detailSeq;
  setStatus($("#evidence-note"), note || "");
  if (!planId) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.replaceChildren("加载原文… Loading the source text…");
  let source;
  try {
    source = await api.sourceText(planId);
  } catch (error) {
    if (seq === state.detailSeq) box.replaceChildren(el("span", { class: "error" }, errorText(error)));
    return;
  }
  if (seq !== state.detailSeq) return;
  if (!source) {
    box.replaceChildren("没有原文 No source text for this plan.");
    return;
  }
  box.dataset.document = source.document || "";
  box.dataset.plan = planId;
  if (!span) {
    box.replaceChildren(source.text);
    box.scrollTop = 0;
    return;
  }
  const [start, end] = utf16Span(source.text, span);
  const mark = el("mark", { id: "evidence-mark", dataset: { start: span[0], end: span[1] } }, source.text.slice(start, end));
  box.replaceChildren(source.text.slice(0, start), mark, source.text.slice(end));
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
}

async function openNode(node, { evidence = null, note = null } = {}) {
  const seq = ++state.detailSeq;
  openPanel();
  $("#detail-kind").textContent = `${typeLabel(node.type)}${node.plan_id ? ` · ${planTitle(node.plan_id)}` : ""}`;
  $("#detail-title").textContent = node.label;
  $("#detail").dataset.id = node.id;
  $("#detail").dataset.type = node.type;
  $("#detail-actions").replaceChildren(...neighborhoodControls(node));
  $("#detail-body").replaceChildren(el("p", { class: "status" }, "加载中… Loading…"));
  $("#detail-title").focus({ preventScroll: true });
  try {
    const { body, planId, span, sourceNote } = await nodeDetail(node);
    if (seq !== state.detailSeq) return;
    $("#detail-body").replaceChildren(...body.filter(Boolean));
    if (evidence && evidence.span) await showSource(planId, evidence.span, note);
    else await showSource(planId, span, sourceNote);
  } catch (error) {
    if (seq === state.detailSeq) $("#detail-body").replaceChildren(el("p", { class: "error" }, errorText(error)));
  }
}

const EVIDENCE_NOTE = "高亮处是它在规划原文中的位置 · highlighted: where it stands in the plan";

/** What the panel shows for each type, read from that type's endpoint. */
async function nodeDetail(node) {
  switch (node.type) {
    case "Task": {
      const task = await api.task(node.id);
      const plan = task.plan_id;
      return {
        planId: plan,
        span: task.evidence?.span,
        sourceNote: EVIDENCE_NOTE,
        body: [
          propsTable([["编号 id", task.id], ["顺序 order", task.order]]), // its text: the highlight above
          linkSection("上级任务 Parent task", "Task", task.parent ? [task.parent] : [], plan),
          linkSection("子任务 Sub-tasks", "Task", task.subtasks, plan),
          linkSection("支撑的目标 Goals it supports", "Goal", task.goals, plan),
          linkSection("方向 Directions", "Direction", task.directions, plan),
          linkSection("指标 Indicators", "Indicator", task.indicators, plan),
          linkSection("概念 Concepts", "Concept", task.concepts, plan),
          linkSection("领域 Sectors", "Sector", task.sectors, plan),
        ],
      };
    }
    case "Goal": {
      const goal = await api.goal(node.id);
      const plan = goal.plan_id;
      return {
        planId: plan,
        span: goal.evidence?.span,
        sourceNote: EVIDENCE_NOTE,
        body: [
          propsTable([["编号 id", goal.id], ["顺序 order", goal.order]]), // its text: the highlight above
          linkSection("指标 Indicators", "Indicator", goal.indicators, plan),
          linkSection("支撑它的任务 Tasks supporting it", "Task", goal.tasks, plan),
          linkSection("领域 Sectors", "Sector", goal.sectors, plan),
          linkSection("概念 Concepts", "Concept", goal.concepts, plan),
        ],
      };
    }
    case "Direction": {
      const direction = await api.direction(node.id);
      const plan = direction.plan_id;
      return {
        planId: plan,
        span: direction.evidence?.span,
        sourceNote: EVIDENCE_NOTE,
        body: [
          propsTable([["编号 id", direction.id], ["顺序 order", direction.order]]), // its text: the highlight above
          linkSection("对应的任务 Tasks aligned with it", "Task", direction.tasks, plan),
          linkSection("概念 Concepts", "Concept", direction.concepts, plan),
        ],
      };
    }
    case "Indicator":
      return indicatorDetail(node);
    case "Plan": {
      const plan = await api.plan(node.id);
      const counts = Object.entries(plan.counts || {}).map(([kind, n]) => `${kind} ${n}`).join(" · ");
      return {
        planId: plan.id,
        span: plan.evidence?.span,
        sourceNote: "规划全文 · the whole plan",
        body: [
          propsTable([
            ["编号 id", plan.id],
            ["标题 title", plan.title || plan.name],
            ["地区 region", plan.region],
            ["期限 period", plan.period_start ? `${plan.period_start}–${plan.period_end ?? ""}` : null],
            ["发布 issuer", plan.issuer],
            ["版次 edition", plan.edition],
            ["文档 document", plan.evidence?.document],
            ["数量 counts", counts],
          ]),
        ],
      };
    }
    case "Concept":
      return conceptDetail(node);
    case "Sector":
      return sectorDetail(node);
    default:
      return { planId: node.plan_id, span: null, body: [propsTable([["编号 id", node.id]])] };
  }
}

async function indicatorDetail(node) {
  const indicator = await api.indicator(node.id);
  const planId = indicator.plan_id;
  return {
    planId,
    span: indicator.evidence?.span,
    sourceNote: EVIDENCE_NOTE,
    body: [
      propsTable([
        ["目标 target", formatTarget(indicator)],
        ["原文 text", indicator.text],
        ["比较 comparator", indicator.comparator],
        ["目标值 value", formatNumber(indicator.value)],
        ["单位 unit", indicator.unit],
        ["基期值 baseline", formatNumber(indicator.baseline)],
        ["目标年 target year", indicator.target_year],
        ["标准化 normalised", indicator.normalized_value !== null ? `${formatNumber(indicator.normalized_value)} ${indicator.normalized_unit || ""}` : null],
        ["编号 id", indicator.id],
      ]),
      linkSection("衡量的目标 Goal it measures", "Goal", indicator.goals, planId),
      linkSection("衡量的任务 Task it measures", "Task", indicator.tasks, planId),
      linkSection("领域 Sectors", "Sector", indicator.sectors, planId),
      linkSection("概念 Concepts", "Concept", indicator.concepts, planId),
    ],
  };
}

async function conceptDetail(node) {
  const answer = await api.conceptTasks(node.id);
  const concept = answer.concept;
  const first = answer.items.find((item) => item.evidence?.span);
  const list = el("ol", { class: "concept-answer" }, answer.items.map((item) => conceptAnswerItem(item, concept)));
  return {
    planId: first ? first.task.plan_id : null,
    span: first ? first.evidence.span : null,
    sourceNote: first ? `最相关任务提及 ${first.matched_concept} 的原文 · where the best task mentions it` : "概念没有原文位置 · a concept has no span of its own",
    body: [
      propsTable([
        ["编号 id", concept.id],
        ["别名 alt names", (concept.alt_names || []).join("、")],
        ["上位概念 broader", (concept.broader || []).join("、")],
        ["候选 candidate", concept.candidate ? "是 yes (found in a document)" : "否 no (in the concept scheme)"],
      ]),
      el("section", { class: "links" },
        el("h3", {}, `哪些任务支撑 ${concept.name}？ (${answer.total})`),
        list,
      ),
    ],
  };
}

async function sectorDetail(node) {
  const sector = await api.sector(node.id);
  const cut = sector.truncated ? "（下列只列出一部分 only the first are listed）" : "";
  return {
    planId: null,
    span: null,
    sourceNote: "领域没有原文位置 · a sector has no span of its own",
    body: [
      propsTable([
        ["编号 id", sector.id],
        ["代码 codes", sector.codes.join(", ")],
        ["别名 alt names", sector.alt_names.join("、")],
        ["成员 members", `${sector.members}${cut}`],
      ]),
      linkSection("目标 Goals", "Goal", sector.goals, null),
      linkSection("任务 Tasks", "Task", sector.tasks, null),
      linkSection("指标 Indicators", "Indicator", sector.indicators, null),
    ],
  };
}

/** A link of the drawing: its type, score and method, and the text that states it. */
async function openEdge(edge) {
  const seq = ++state.detailSeq;
  openPanel();
  $("#detail").dataset.id = edge.id;
  $("#detail").dataset.type = edge.label;
  $("#detail-kind").textContent = `连线 Link · ${(EDGE_TYPES[edge.label] || {}).zh || ""} ${edge.label}`;
  $("#detail-title").textContent = `${edge.source.label} → ${edge.target.label}`;
  $("#detail-actions").replaceChildren();
  $("#detail-title").focus({ preventScroll: true });
  $("#detail-body").replaceChildren(
    propsTable([
      ["类型 type", edge.label],
      ["分数 score", edge.score !== null && edge.score !== undefined ? formatNumber(edge.score) : null],
      ["方法 method", edge.method],
      ["从 from", nodeButton(edge.source, `${typeLabel(edge.source.type)}：${edge.source.label}`)],
      ["到 to", nodeButton(edge.target, `${typeLabel(edge.target.type)}：${edge.target.label}`)],
    ]),
  );
  try {
    const found = await linkEvidence(edge);
    if (seq !== state.detailSeq) return;
    const planId = edge.source.plan_id || edge.target.plan_id;
    await showSource(planId, found.span, found.note);
  } catch (error) {
    if (seq === state.detailSeq) setStatus($("#evidence-note"), errorText(error), true);
  }
}

/** Where a link is stated: the link_span the detail endpoint of either end gives for the other. */
async function linkEvidence(edge) {
  for (const [from, to] of [[edge.source, edge.target], [edge.target, edge.source]]) {
    const pending = detailOf(from.type, from.id);
    if (!pending) continue;
    const detail = await pending;
    for (const value of Object.values(detail)) {
      const links = Array.isArray(value) ? value : value && typeof value === "object" && "link_span" in value ? [value] : [];
      const link = links.find((item) => item && item.id === to.id);
      if (link && link.link_span) return { span: link.link_span, note: "连线证据 · the text that states this link" };
    }
  }
  // a plan's HAS_* link: the child's own evidence states it
  const child = edge.source.type === "Plan" ? edge.target : edge.source;
  const childDetail = await (detailOf(child.type, child.id) || Promise.resolve(null));
  if (childDetail?.evidence?.span) return { span: childDetail.evidence.span, note: "连线证据（所连节点的原文）· the linked node's text" };
  return { span: null, note: "这条连线没有原文位置 · no span states this link" };
}

// ------------------------------------------------------------------ indicators table

async function loadIndicators(planId) {
  const status = $("#indicator-count");
  setStatus(status, "加载中… Loading…");
  try {
    const indicators = await api.indicators(planId);
    if (planId !== state.planId) return;
    state.indicatorRows = indicators.map((indicator) => ({
      ...indicator,
      measures: indicator.goal_id
        ? indicator.goal_name || indicator.goal_id
        : indicator.task_id
          ? indicator.task_name || indicator.task_id
          : "",
      measuresType: indicator.goal_id ? "Goal" : indicator.task_id ? "Task" : null,
    }));
    state.sort = { key: null, direction: 1 };
    renderIndicatorTable();
    setStatus(status, `${planTitle(planId)}：${indicators.length} 个指标 · ${indicators.length} indicators`);
  } catch (error) {
    setStatus(status, errorText(error), true);
  }
}

function compareValues(a, b) {
  const empty = (v) => v === null || v === undefined || v === "";
  if (empty(a) && empty(b)) return 0;
  if (empty(a)) return 1; // blanks last, whichever the direction
  if (empty(b)) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "zh");
}

function sortedRows() {
  const { key, direction } = state.sort;
  if (!key) return state.indicatorRows;
  return [...state.indicatorRows].sort((x, y) => {
    const blank = (v) => v === null || v === undefined || v === "";
    if (blank(x[key]) !== blank(y[key])) return blank(x[key]) ? 1 : -1;
    return direction * compareValues(x[key], y[key]);
  });
}

function renderIndicatorTable() {
  for (const th of document.querySelectorAll("#indicators-table th")) {
    const sorted = th.dataset.key === state.sort.key;
    if (sorted) th.setAttribute("aria-sort", state.sort.direction > 0 ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  const rows = sortedRows().map((row) => {
    const node = { id: row.id, type: "Indicator", label: row.name, plan_id: row.plan_id };
    const measured = row.measuresType
      ? { id: row.goal_id || row.task_id, type: row.measuresType, label: row.measures, plan_id: row.plan_id }
      : null;
    return el("tr", { dataset: { id: row.id } },
      el("td", { dataset: { key: "name" } }, nodeButton(node)),
      el("td", { dataset: { key: "comparator" }, title: row.comparator || "" }, COMPARATOR_SYMBOLS[row.comparator] || row.comparator || ""),
      el("td", { class: "number", dataset: { key: "value" } }, formatNumber(row.value)),
      el("td", { dataset: { key: "unit" } }, row.unit || ""),
      el("td", { class: "number", dataset: { key: "baseline" } }, formatNumber(row.baseline)),
      el("td", { class: "number", dataset: { key: "target_year" } }, row.target_year ?? ""),
      el("td", { dataset: { key: "measures" } },
        measured ? nodeButton(measured, `${typeStyle(measured.type).zh}：${measured.label}`) : ""),
    );
  });
  $("#indicators-table tbody").replaceChildren(...rows);
}

function sortBy(key) {
  state.sort = state.sort.key === key ? { key, direction: -state.sort.direction } : { key, direction: 1 };
  renderIndicatorTable();
}

const CSV_COLUMNS = [
  "id", "name", "text", "comparator", "value", "unit", "baseline", "target_year",
  "normalized_value", "normalized_unit", "goal_id", "task_id", "measures",
];

function csvField(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV (RFC 4180), in its current order; the BOM makes Excel read it as UTF-8. */
function indicatorsCsv(rows) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvField(row[column])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function downloadCsv() {
  const blob = new Blob([indicatorsCsv(sortedRows())], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: `${state.planId}-indicators.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setStatus($("#indicator-count"), `已下载 Downloaded ${state.planId}-indicators.csv（${state.indicatorRows.length} 行 rows）`);
}

// ------------------------------------------------------------------ keyboard

/** ↓ from the box enters the results; ↑↓ move through them; Esc goes back to the box. */
function bindResultKeys() {
  const input = $("#q");
  const focusables = () => [...document.querySelectorAll("#search-section button")];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = focusables()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  $("#search-section").addEventListener("keydown", (event) => {
    const items = focusables();
    const index = items.indexOf(document.activeElement);
    if (index < 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) input.focus();
      else items[Math.min(next, items.length - 1)].focus();
    } else if (event.key === "Escape") {
      input.focus();
    }
  });
}

// ------------------------------------------------------------------ start

async function start() {
  graph = new GraphView($("#graph"), { onNode: (node) => openNode(node), onEdge: (edge) => openEdge(edge) });
  $("#search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(scheduleSearch.timer);
    runSearch($("#q").value);
  });
  $("#q").addEventListener("input", scheduleSearch);
  bindResultKeys();
  $("#plan-select").addEventListener("change", (event) => selectPlan(event.target.value));
  $("#show-plan").addEventListener("click", () => showPlan());
  for (const id of ["#show-concepts", "#show-sectors"]) {
    $(id).addEventListener("change", () => {
      if (state.view?.mode === "plan") showPlan();
    });
  }
  $("#zoom-in").addEventListener("click", () => graph.zoomBy(1.25));
  $("#zoom-out").addEventListener("click", () => graph.zoomBy(0.8));
  $("#zoom-fit").addEventListener("click", () => graph.fit());
  for (const th of document.querySelectorAll("#indicators-table th")) {
    th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.key));
  }
  $("#download-csv").addEventListener("click", downloadCsv);
  $("#detail-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("#detail").hidden && !event.target.closest("#search-section")) closePanel();
  });

  try {
    useOntology(await api.ontology());
    state.plans = await api.plans();
  } catch (error) {
    setStatus($("#graph-caption"), errorText(error), true);
    return;
  }
  for (const plan of state.plans) state.planTitles.set(plan.id, plan.title || plan.name || plan.id);
  $("#plan-select").replaceChildren(
    ...state.plans.map((plan) => el("option", { value: plan.id }, planTitle(plan.id))),
  );
  if (!state.plans.length) {
    setStatus($("#graph-caption"), "还没有规划：先运行 plankg load 或 plankg demo · No plan loaded yet: run `plankg demo`.");
    setStatus($("#indicator-count"), "");
    return;
  }
  await selectPlan(state.plans[0].id);
  document.body.dataset.ready = "true";
}

start();
