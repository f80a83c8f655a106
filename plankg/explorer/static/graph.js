// The plan picture: a layered SVG drawing of Cytoscape.js elements (as GET /plans/{id}/graph and
// GET /graph/neighborhood give them), laid out here without any library. Columns left to right; within a column nodes follow the
// barycentre of their neighbours in earlier columns, so most edges run short and straight.

const SVG = "http://www.w3.org/2000/svg";
const FONT_SIZE = 13;
const FONT = `${FONT_SIZE}px "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;
const LINE_HEIGHT = 17;
const NODE_HEIGHT = 28;
const COLUMN_GAP = 80; // room for edges and their score labels
const NODE_GAP = 8;
const GROUP_GAP = 20;
const LANE_NODES = 30; // most nodes one column holds before it is dealt into lanes
const LANE_GAP = 28;

// How each node label and link type is drawn. Which labels and link types exist, and their Chinese and
// English names, come from plan.ttl through GET /ontology.json (useOntology), never from this file.
// Fill, stroke and text colours: every text colour reaches 4.5:1 contrast on its fill.
// SubTask is a drawing kind, not a label: a Task that is PART_OF another, named as PART_OF is.
const NODE_STYLES = {
  Plan: { fill: "#1f3a5f", stroke: "#1f3a5f", text: "#ffffff", shape: "rect" },
  Goal: { fill: "#e3f3e7", stroke: "#1e7b34", text: "#14281a", shape: "pill" },
  Direction: { fill: "#efe6fa", stroke: "#6a3fa0", text: "#24113d", shape: "hexagon" },
  Task: { fill: "#e4eefa", stroke: "#1d5fa8", text: "#0d2440", shape: "rect" },
  SubTask: { fill: "#ffffff", stroke: "#1d5fa8", text: "#0d2440", shape: "rect", dashed: true },
  Indicator: { fill: "#fff0dc", stroke: "#a85400", text: "#3d1f00", shape: "octagon" },
  Sector: { fill: "#eceff1", stroke: "#4f5f68", text: "#1c2428", shape: "parallelogram" },
  Concept: { fill: "#dff4f1", stroke: "#00695c", text: "#0b2b27", shape: "ellipse" },
  Region: { fill: "#f6efe3", stroke: "#7a5c2e", text: "#2b1f0d", shape: "pill" },
  Citation: { fill: "#f7f7f7", stroke: "#5f5f5f", text: "#1a1a1a", shape: "rect", dashed: true },
};
const EDGE_STYLES = {
  SUPPORTS: { color: "#1e7b34", width: 1.6 },
  ALIGNS_WITH: { color: "#6a3fa0", width: 1.2, dash: "6 3" },
  MEASURES: { color: "#a85400", width: 1.2 },
  PART_OF: { color: "#1d5fa8", width: 1 },
  HAS_GOAL: { color: "#8a96a3", width: 0.8 },
  HAS_DIRECTION: { color: "#8a96a3", width: 0.8 },
  HAS_TASK: { color: "#8a96a3", width: 0.8 },
  MENTIONS: { color: "#00695c", width: 0.8, dash: "2 3" },
  IN_SECTOR: { color: "#4f5f68", width: 0.8, dash: "2 3" },
  BROADER: { color: "#00695c", width: 0.8, dash: "6 3" },
  IN_REGION: { color: "#7a5c2e", width: 0.8, dash: "2 3" },
  WITHIN: { color: "#7a5c2e", width: 0.8, dash: "6 3" },
  NAMES: { color: "#5f5f5f", width: 0.8, dash: "2 3" },
  CITES: { color: "#1f3a5f", width: 1 },
  IMPLEMENTS: { color: "#1f3a5f", width: 1.2 },
  SUCCEEDS: { color: "#1f3a5f", width: 1, dash: "6 3" },
};
const UNKNOWN_NODE_STYLE = { fill: "#f4f4f4", stroke: "#555555", text: "#1a1a1a", shape: "rect" };
const UNKNOWN_EDGE_STYLE = { color: "#777777", width: 0.8 };

// Filled by useOntology: label → style and names {zh, en}; link type → style and names.
export const TYPES = {};
export const EDGE_TYPES = {};
let UNKNOWN_TYPE = { ...UNKNOWN_NODE_STYLE, zh: "", en: "" };
let UNKNOWN_EDGE = { ...UNKNOWN_EDGE_STYLE, zh: "", en: "" };

/** Take the labels, link types and their names from GET /ontology.json (plan.ttl). */
export function useOntology(ontology) {
  const names = (entry) => ({ zh: entry.names.zh || "", en: entry.names.en || "" });
  for (const node of ontology.node_labels) {
    TYPES[node.label] = { ...(NODE_STYLES[node.label] || UNKNOWN_NODE_STYLE), ...names(node) };
  }
  for (const link of ontology.link_types) {
    EDGE_TYPES[link.type] = { ...(EDGE_STYLES[link.type] || UNKNOWN_EDGE_STYLE), ...names(link) };
  }
  const partOf = EDGE_TYPES.PART_OF;
  if (partOf) TYPES.SubTask = { ...NODE_STYLES.SubTask, zh: partOf.zh, en: "Sub-task" };
  UNKNOWN_TYPE = { ...UNKNOWN_NODE_STYLE, zh: ontology.entity.zh || "", en: ontology.entity.en || "" };
  UNKNOWN_EDGE = { ...UNKNOWN_EDGE_STYLE, zh: ontology.link.zh || "", en: ontology.link.en || "" };
}

// Column of each kind in the plan picture: plan → goals, directions → indicators of goals, tasks →
// sub-tasks, indicators of tasks → concepts, sectors (see planRank). Blocks order kinds within a column.
const PLAN_RANK = { Plan: 0, Goal: 1, Direction: 1, Task: 2, SubTask: 3, Concept: 4, Sector: 4 };
const BLOCK = { Plan: 0, Goal: 0, Direction: 1, Indicator: 0, Task: 1, SubTask: 1, Sector: 2, Concept: 3 };

const PLAIN_COMPARATORS = { ">=": "≥ ", "<=": "≤ ", ">": "> ", "<": "< ", "=": "" };

export function formatNumber(value) {
  if (value === null || value === undefined || value === "") return "";
  const number = Number(value);
  return Number.isFinite(number) ? String(Number(number.toFixed(4))) : String(value);
}

/** An indicator's target as a reader writes it: ≥ 200万户, 20 → 100Mbps. */
export function formatTarget(indicator) {
  if (!indicator || indicator.value === null || indicator.value === undefined) return "";
  const unit = indicator.unit || "";
  const value = formatNumber(indicator.value);
  if (indicator.comparator === "from_to") {
    const from = formatNumber(indicator.baseline);
    return from ? `${from} → ${value}${unit}` : `→ ${value}${unit}`;
  }
  const prefix = PLAIN_COMPARATORS[indicator.comparator] ?? (indicator.comparator ? `${indicator.comparator} ` : "");
  return `${prefix}${value}${unit}`;
}

export function typeStyle(kind) {
  return TYPES[kind] || UNKNOWN_TYPE;
}

// ------------------------------------------------------------------ text measuring and fitting

const measureContext = document.createElement("canvas").getContext("2d");
function textWidth(text, bold = false) {
  measureContext.font = bold ? `bold ${FONT}` : FONT;
  return measureContext.measureText(text).width;
}

/** Up to `maxLines` lines no wider than `maxWidth`; the last one ends with … when text is left over. */
function fitLines(text, maxWidth, maxLines) {
  const characters = Array.from(text);
  const lines = [];
  let start = 0;
  while (start < characters.length && lines.length < maxLines) {
    let end = start;
    while (end < characters.length && textWidth(characters.slice(start, end + 1).join("")) <= maxWidth) end++;
    end = Math.max(end, start + 1);
    const last = lines.length === maxLines - 1;
    if (last && end < characters.length) {
      while (end > start + 1 && textWidth(`${characters.slice(start, end).join("")}…`) > maxWidth) end--;
      lines.push(`${characters.slice(start, end).join("")}…`);
      return { lines, truncated: true };
    }
    lines.push(characters.slice(start, end).join(""));
    start = end;
  }
  return { lines, truncated: false };
}

// ------------------------------------------------------------------ shapes

function svgElement(name, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(key, String(value));
  }
  if (parent) parent.appendChild(element);
  return element;
}

/** Horizontal padding each shape needs around its text. */
function shapePadding(shape, height) {
  switch (shape) {
    case "pill":
      return height / 2 + 2;
    case "hexagon":
      return height / 2 + 6;
    case "parallelogram":
      return 16;
    case "ellipse":
      return 18;
    default:
      return 10;
  }
}

export function drawShape(shape, width, height, attributes, parent) {
  const c = 7; // chamfer of the octagon, slant of the parallelogram
  switch (shape) {
    case "pill":
      return svgElement("rect", { width, height, rx: height / 2, ...attributes }, parent);
    case "ellipse":
      return svgElement("ellipse", { cx: width / 2, cy: height / 2, rx: width / 2, ry: height / 2, ...attributes }, parent);
    case "hexagon": {
      const p = height / 2;
      const d = `M${p},0H${width - p}L${width},${p}L${width - p},${height}H${p}L0,${p}Z`;
      return svgElement("path", { d, ...attributes }, parent);
    }
    case "octagon": {
      const d = `M${c},0H${width - c}L${width},${c}V${height - c}L${width - c},${height}H${c}L0,${height - c}V${c}Z`;
      return svgElement("path", { d, ...attributes }, parent);
    }
    case "parallelogram": {
      const d = `M${c + 2},0H${width}L${width - c - 2},${height}H0Z`;
      return svgElement("path", { d, ...attributes }, parent);
    }
    default:
      return svgElement("rect", { width, height, rx: 4, ...attributes }, parent);
  }
}

// ------------------------------------------------------------------ model

/**
 * Nodes and edges ready to lay out. `kind` refines the API's type: a Task with a PART_OF edge to a
 * task is a SubTask; an Indicator keeps the node it MEASURES (its column follows from it).
 */
function buildModel(elements, { hiddenTypes = new Set(), hiddenEdges = new Set(), indicators = new Map() } = {}) {
  const nodes = new Map();
  for (const { data } of elements.nodes) {
    if (hiddenTypes.has(data.type)) continue;
    nodes.set(data.id, { ...data, kind: data.type, neighbors: [], indicator: indicators.get(data.id) });
  }
  const edges = [];
  for (const { data } of elements.edges) {
    const source = nodes.get(data.source);
    const target = nodes.get(data.target);
    if (!source || !target || hiddenEdges.has(data.label)) continue;
    edges.push({ ...data, sourceNode: source, targetNode: target });
    source.neighbors.push({ node: target, edge: data });
    target.neighbors.push({ node: source, edge: data });
    if (data.label === "PART_OF" && source.type === "Task" && target.type === "Task") source.kind = "SubTask";
  }
  for (const node of nodes.values()) {
    if (node.type !== "Indicator") continue;
    const measured = node.neighbors.find((n) => n.edge.label === "MEASURES" && n.edge.source === node.id);
    node.measures = measured ? measured.node : null;
  }
  return { nodes, edges };
}

// an indicator of a task goes with the task's sub-tasks, one of a goal before the tasks
function blockOf(node) {
  if (node.type === "Indicator" && node.measures && node.measures.type === "Task") return BLOCK.SubTask;
  return BLOCK[node.kind] ?? 9;
}

function planRank(node) {
  if (node.type === "Indicator") return node.measures && node.measures.type === "Goal" ? 2 : 3;
  return PLAN_RANK[node.kind] ?? 4;
}

// Widest label per kind (px): about 13 characters of Chinese; the plan's title gets two lines.
function labelLines(node) {
  if (node.type === "Plan") return fitLines(node.label, 180, 2);
  const widest = { Concept: 150, Sector: 150, Indicator: 160 }[node.type] ?? 196;
  return fitLines(node.label, widest, 1);
}

function sizeNode(node) {
  const style = typeStyle(node.kind);
  const { lines, truncated } = labelLines(node);
  node.lines = lines;
  node.truncated = truncated;
  node.target = node.type === "Indicator" ? formatTarget(node.indicator) : "";
  const extraLines = lines.length - 1 + (node.target ? 1 : 0);
  node.height = NODE_HEIGHT + extraLines * LINE_HEIGHT;
  const widest = Math.max(...lines.map((line) => textWidth(line)), node.target ? textWidth(node.target, true) : 0);
  node.width = Math.ceil(widest + 2 * shapePadding(style.shape, NODE_HEIGHT));
}

/** Stack `lane` top-down, each node as near its barycentre as the ones above allow, then shift the lane
 * so that on average nodes sit where their neighbours pull them. */
function stack(lane) {
  let bottom = null;
  let previous = null;
  for (const node of lane) {
    const sameGroup = previous && blockOf(previous) === blockOf(node) && previous.anchor === node.anchor;
    const top = bottom === null ? -Infinity : bottom + (sameGroup ? NODE_GAP : GROUP_GAP);
    const wanted = node.desired === null ? top : node.desired - node.height / 2;
    node.y = Math.max(top, wanted === -Infinity ? 0 : wanted);
    bottom = node.y + node.height;
    previous = node;
  }
  const pulled = lane.filter((node) => node.desired !== null);
  if (pulled.length) {
    const shift = pulled.reduce((sum, node) => sum + (node.desired - node.height / 2 - node.y), 0) / pulled.length;
    for (const node of lane) node.y += shift;
  }
}

/**
 * Columns by `rankOf`; each column sorted by (block, barycentre of neighbours in earlier columns,
 * document order) and stacked. A column of more than LANE_NODES nodes (all the concepts of a plan) is
 * dealt into side-by-side lanes, so the drawing stays closer to the shape of a screen.
 */
function layout(model, rankOf) {
  const columns = new Map();
  for (const node of model.nodes.values()) {
    sizeNode(node);
    node.rank = rankOf(node);
    if (!columns.has(node.rank)) columns.set(node.rank, []);
    columns.get(node.rank).push(node);
  }
  const ranks = [...columns.keys()].sort((a, b) => a - b);
  let x = 0;
  let laneIndex = 0;
  for (const rank of ranks) {
    const column = columns.get(rank);
    for (const node of column) {
      const earlier = node.neighbors.filter((n) => n.node.rank < rank && n.node.y !== undefined);
      // structural links to the plan only count when nothing else places the node
      const meaningful = earlier.filter((n) => n.node.type !== "Plan");
      const anchors = meaningful.length ? meaningful : earlier;
      node.anchor = anchors.length ? anchors[0].node.id : null;
      node.desired = anchors.length
        ? anchors.reduce((sum, n) => sum + n.node.y + n.node.height / 2, 0) / anchors.length
        : null;
    }
    column.sort(
      (a, b) =>
        blockOf(a) - blockOf(b) ||
        (a.desired ?? 0) - (b.desired ?? 0) ||
        (a.order ?? 0) - (b.order ?? 0) ||
        a.label.localeCompare(b.label, "zh"),
    );
    const lanes = Math.ceil(column.length / LANE_NODES);
    const perLane = Math.ceil(column.length / lanes);
    for (let first = 0; first < column.length; first += perLane) {
      const lane = column.slice(first, first + perLane);
      stack(lane);
      const width = Math.max(...lane.map((node) => node.width));
      for (const node of lane) {
        node.x = x;
        node.lane = laneIndex;
      }
      laneIndex += 1;
      x += width + (first + perLane < column.length ? LANE_GAP : COLUMN_GAP);
    }
  }
}

/** A horizontal S-curve from one node's side to the other's (or a loop out when they share a column). */
function edgeGeometry(edge) {
  const a = edge.sourceNode;
  const b = edge.targetNode;
  const ay = a.y + a.height / 2;
  const by = b.y + b.height / 2;
  let x1, x2, c1, c2;
  if (a.rank === b.rank) {
    x1 = a.x + a.width;
    x2 = b.x + b.width;
    const bulge = Math.max(x1, x2) + 40;
    c1 = bulge;
    c2 = bulge;
  } else if (a.rank < b.rank) {
    x1 = a.x + a.width;
    x2 = b.x;
    const d = (x2 - x1) / 2;
    c1 = x1 + d;
    c2 = x2 - d;
  } else {
    x1 = a.x;
    x2 = b.x + b.width;
    const d = (x1 - x2) / 2;
    c1 = x1 - d;
    c2 = x2 + d;
  }
  const path = `M${x1},${ay}C${c1},${ay} ${c2},${by} ${x2},${by}`;
  // the score label sits near the source, where edges into one node are still apart
  const t = 0.18;
  const point = (p0, p1, p2, p3) =>
    (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3;
  return { path, labelX: point(x1, c1, c2, x2), labelY: point(ay, ay, by, by) };
}

// ------------------------------------------------------------------ the view

export class GraphView {
  /**
   * @param {HTMLElement} host  element the SVG goes in
   * @param {{onNode: Function, onEdge: Function}} handlers  called when a node or an edge is chosen
   */
  constructor(host, handlers) {
    this.host = host;
    this.handlers = handlers;
    this.view = { x: 20, y: 20, k: 1 };
    this.svg = svgElement("svg", {
      class: "graph-svg",
      role: "group",
      "aria-roledescription": "graph",
      "aria-label": "规划图：方向键在节点间移动，Enter 打开 / Plan picture: arrow keys move between nodes, Enter opens",
    });
    const defs = svgElement("defs", {}, this.svg);
    const marker = svgElement(
      "marker",
      { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
      defs,
    );
    svgElement("path", { d: "M0,0L10,5L0,10Z", fill: "context-stroke" }, marker);
    this.viewport = svgElement("g", { class: "viewport" }, this.svg);
    host.replaceChildren(this.svg);
    this.model = null;
    this.selectedId = null;
    this.bindPointer();
    this.bindKeys();
  }

  /** Draw `elements`. mode "plan": columns by kind; "neighborhood": columns by depth from the focus. */
  render(elements, { mode = "plan", focusId = null, keepId = null, hiddenTypes = new Set(), indicators = new Map() } = {}) {
    // In the plan picture the task column says "the plan's tasks"; its HAS_TASK lines would only
    // cross the goals and directions between them, and BROADER would loop within the concept column.
    const hiddenEdges = mode === "plan" ? new Set(["HAS_TASK", "BROADER"]) : new Set();
    const model = buildModel(elements, { hiddenTypes, hiddenEdges, indicators });
    const rankOf = mode === "plan" ? planRank : (node) => node.depth ?? 0;
    layout(model, rankOf);
    this.model = model;
    this.mode = mode;
    this.focusId = focusId;
    this.viewport.replaceChildren();
    const edgeLayer = svgElement("g", { class: "edges" }, this.viewport);
    const labelLayer = svgElement("g", { class: "edge-labels" }, this.viewport);
    const nodeLayer = svgElement("g", { class: "nodes" }, this.viewport);
    for (const edge of model.edges) this.drawEdge(edge, edgeLayer, labelLayer);
    for (const node of model.nodes.values()) this.drawNode(node, nodeLayer);
    this.nodeOrder = [...model.nodes.values()].sort((a, b) => a.lane - b.lane || a.y - b.y);
    if (this.nodeOrder.length) {
      for (const node of this.nodeOrder) node.element.setAttribute("tabindex", "-1");
      this.nodeOrder[0].element.setAttribute("tabindex", "0");
    }
    this.selectedId = null;
    this.resetView(focusId);
    if (keepId && model.nodes.has(keepId)) this.centerOn(keepId, { onlyIfHidden: true });
    return { nodes: model.nodes.size, edges: model.edges.length };
  }

  drawNode(node, parent) {
    const style = typeStyle(node.kind);
    const group = svgElement(
      "g",
      {
        class: `node node-${node.kind.toLowerCase()}${node.id === this.focusId ? " focus-node" : ""}`,
        "data-id": node.id,
        "data-type": node.type,
        "data-kind": node.kind,
        "data-subtask": node.kind === "SubTask" ? "true" : "false",
        transform: `translate(${node.x},${node.y})`,
        role: "button",
        "aria-label": `${style.zh} ${node.label}${node.target ? ` ${node.target}` : ""}`,
      },
      parent,
    );
    // the full name as a tooltip, since long names are cut short on the drawing
    svgElement("title", {}, group).textContent =
      `${style.zh} ${style.en}：${node.label}${node.target ? `（${node.target}）` : ""}`;
    drawShape(style.shape, node.width, node.height, {
      class: "shape",
      fill: style.fill,
      stroke: style.stroke,
      "stroke-width": node.id === this.focusId ? 3 : 1.4,
      "stroke-dasharray": style.dashed ? "4 3" : null,
    }, group);
    const textTop = (node.height - (node.lines.length + (node.target ? 1 : 0)) * LINE_HEIGHT) / 2;
    node.lines.forEach((line, index) => {
      const text = svgElement("text", {
        class: "label",
        x: node.width / 2,
        y: textTop + LINE_HEIGHT * index + LINE_HEIGHT / 2,
        fill: style.text,
      }, group);
      text.textContent = line;
    });
    if (node.target) {
      const target = svgElement("text", {
        class: "label target",
        x: node.width / 2,
        y: textTop + LINE_HEIGHT * node.lines.length + LINE_HEIGHT / 2,
        fill: style.text,
      }, group);
      target.textContent = node.target;
    }
    node.element = group;
  }

  drawEdge(edge, edgeLayer, labelLayer) {
    const style = EDGE_TYPES[edge.label] || UNKNOWN_EDGE;
    const { path, labelX, labelY } = edgeGeometry(edge);
    const scored = edge.score !== null && edge.score !== undefined;
    const width = edge.label === "SUPPORTS" && scored ? 0.8 + 2.4 * edge.score : style.width;
    const group = svgElement("g", {
      class: `edge edge-${edge.label.toLowerCase()}`,
      "data-id": edge.id,
      "data-type": edge.label,
      "data-source": edge.source,
      "data-target": edge.target,
    }, edgeLayer);
    svgElement("title", {}, group).textContent =
      `${edge.sourceNode.label} —${style.zh} ${edge.label}${scored ? ` ${formatNumber(edge.score)}` : ""}→ ${edge.targetNode.label}`;
    svgElement("path", { class: "hit", d: path }, group); // a wide invisible stroke to click on
    svgElement("path", {
      class: "line",
      d: path,
      stroke: style.color,
      "stroke-width": width,
      "stroke-dasharray": style.dash || null,
      "marker-end": "url(#arrow)",
    }, group);
    if (edge.label === "SUPPORTS" && scored) {
      const label = svgElement("text", {
        class: "edge-score",
        x: labelX,
        y: labelY,
        fill: style.color,
        "data-edge": edge.id,
      }, labelLayer);
      label.textContent = edge.score.toFixed(2);
      edge.scoreElement = label;
    }
    edge.element = group;
  }

  // ---------------------------------------------------------------- selection

  nodeElement(id) {
    return this.model?.nodes.get(id)?.element ?? null;
  }

  select(id, { center = false } = {}) {
    for (const element of this.viewport.querySelectorAll(".selected")) element.classList.remove("selected");
    this.selectedId = id;
    const node = this.model?.nodes.get(id);
    if (!node) return false;
    node.element.classList.add("selected");
    if (center) this.centerOn(id);
    return true;
  }

  selectEdge(id) {
    for (const element of this.viewport.querySelectorAll(".selected")) element.classList.remove("selected");
    this.selectedId = null;
    const edge = this.model?.edges.find((e) => e.id === id);
    if (!edge) return;
    edge.element.classList.add("selected");
    edge.scoreElement?.classList.add("selected");
  }

  // ---------------------------------------------------------------- pan and zoom

  applyView() {
    const { x, y, k } = this.view;
    this.viewport.setAttribute("transform", `translate(${x},${y}) scale(${k})`);
    this.svg.dataset.zoom = k.toFixed(3);
  }

  bounds() {
    const nodes = [...(this.model?.nodes.values() || [])];
    if (!nodes.length) return { x: 0, y: 0, width: 1, height: 1 };
    const minX = Math.min(...nodes.map((n) => n.x));
    const minY = Math.min(...nodes.map((n) => n.y));
    const maxX = Math.max(...nodes.map((n) => n.x + n.width)) + 50; // same-column loops bulge right
    const maxY = Math.max(...nodes.map((n) => n.y + n.height));
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  }

  /**
   * Start readable: fit the view if that keeps labels at 85 % or more, else stay at that zoom and show
   * the left of the drawing, vertically centred on the focus (the plan, or the node asked about).
   */
  resetView(focusId) {
    const box = this.bounds();
    const { width, height } = this.svg.getBoundingClientRect();
    const fit = Math.min((width - 40) / box.width, (height - 40) / box.height);
    const k = Math.min(1, Math.max(0.85, fit));
    this.view = { k, x: 20 - box.x * k, y: 20 - box.y * k };
    if (box.width * k < width - 40) this.view.x = (width - box.width * k) / 2 - box.x * k;
    if (box.height * k < height - 40) {
      this.view.y = (height - box.height * k) / 2 - box.y * k;
    } else {
      const focus = this.model.nodes.get(focusId) || this.nodeOrder[0];
      const centre = focus.y + focus.height / 2;
      const top = box.y * k; // keep the drawing's edges inside the view
      const bottom = (box.y + box.height) * k;
      this.view.y = Math.min(20 - top, Math.max(height - 20 - bottom, height / 2 - centre * k));
    }
    this.applyView();
  }

  fit() {
    const box = this.bounds();
    const { width, height } = this.svg.getBoundingClientRect();
    const k = Math.min(2, (width - 40) / box.width, (height - 40) / box.height);
    this.view = {
      k,
      x: (width - box.width * k) / 2 - box.x * k,
      y: (height - box.height * k) / 2 - box.y * k,
    };
    this.applyView();
  }

  zoomBy(factor, cx = null, cy = null) {
    const rect = this.svg.getBoundingClientRect();
    const px = cx ?? rect.width / 2;
    const py = cy ?? rect.height / 2;
    const k = Math.min(3, Math.max(0.2, this.view.k * factor));
    const ratio = k / this.view.k;
    this.view = { k, x: px - (px - this.view.x) * ratio, y: py - (py - this.view.y) * ratio };
    this.applyView();
  }

  centerOn(id, { onlyIfHidden = false } = {}) {
    const node = this.model?.nodes.get(id);
    if (!node) return;
    const rect = this.svg.getBoundingClientRect();
    const { k } = this.view;
    const sx = node.x * k + this.view.x;
    const sy = node.y * k + this.view.y;
    // in sight: inside the drawing and on the screen (the drawing may be scrolled partly out of the window)
    const top = Math.max(0, -rect.top);
    const bottom = Math.min(rect.height, window.innerHeight - rect.top);
    const visible = sx >= 0 && sx + node.width * k <= rect.width && sy >= top && sy + node.height * k <= bottom;
    if (onlyIfHidden && visible) return;
    this.view.x = rect.width / 2 - (node.x + node.width / 2) * k;
    this.view.y = rect.height / 2 - (node.y + node.height / 2) * k;
    this.applyView();
  }

  bindPointer() {
    let drag = null;
    let dragged = false;
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, vx: this.view.x, vy: this.view.y, id: event.pointerId };
      dragged = false;
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return; // a click that trembles is still a click
      if (!dragged) {
        dragged = true;
        this.svg.setPointerCapture(event.pointerId);
        this.svg.classList.add("dragging");
      }
      this.view.x = drag.vx + dx;
      this.view.y = drag.vy + dy;
      this.applyView();
    });
    const end = () => {
      drag = null;
      this.svg.classList.remove("dragging");
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener("click", (event) => {
      if (dragged) {
        dragged = false;
        return;
      }
      const nodeElement = event.target.closest(".node");
      if (nodeElement) {
        this.choose(nodeElement.dataset.id);
        return;
      }
      const edgeElement = event.target.closest(".edge");
      if (edgeElement) this.chooseEdge(edgeElement.dataset.id);
    });
    this.svg.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const rect = this.svg.getBoundingClientRect();
        const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        this.zoomBy(Math.exp(-delta * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
      },
      { passive: false },
    );
  }

  choose(id) {
    this.select(id);
    const node = this.model.nodes.get(id);
    if (node) this.handlers.onNode({ id: node.id, type: node.type, label: node.label, plan_id: node.plan_id });
  }

  chooseEdge(id) {
    const edge = this.model.edges.find((e) => e.id === id);
    if (!edge) return;
    this.selectEdge(id);
    const plain = (n) => ({ id: n.id, type: n.type, label: n.label, plan_id: n.plan_id });
    this.handlers.onEdge({
      id: edge.id,
      label: edge.label,
      score: edge.score,
      method: edge.method,
      source: plain(edge.sourceNode),
      target: plain(edge.targetNode),
    });
  }

  /** Roving focus: one tab stop for the drawing; arrows move within a column (↑↓) and across (←→). */
  bindKeys() {
    this.svg.addEventListener("keydown", (event) => {
      const element = event.target.closest(".node");
      if (!element || !this.model) return;
      const node = this.model.nodes.get(element.dataset.id);
      let next = null;
      const column = this.nodeOrder.filter((n) => n.lane === node.lane);
      const index = column.indexOf(node);
      if (event.key === "ArrowDown") next = column[index + 1];
      else if (event.key === "ArrowUp") next = column[index - 1];
      else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        const lane = node.lane + (event.key === "ArrowRight" ? 1 : -1);
        const candidates = this.nodeOrder.filter((n) => n.lane === lane);
        next = candidates.sort((a, b) => Math.abs(a.y - node.y) - Math.abs(b.y - node.y))[0];
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.choose(node.id);
        return;
      } else if (event.key === "+" || event.key === "=") {
        this.zoomBy(1.25);
      } else if (event.key === "-") {
        this.zoomBy(0.8);
      }
      if (next) {
        event.preventDefault();
        element.setAttribute("tabindex", "-1");
        next.element.setAttribute("tabindex", "0");
        next.element.focus();
        this.centerOn(next.id, { onlyIfHidden: true });
      }
    });
  }
}

/** The legend: one swatch per node kind and per edge type drawn. */
export function drawLegend(host, kinds, edgeTypes) {
  host.replaceChildren();
  for (const kind of kinds) {
    const style = typeStyle(kind);
    const item = document.createElement("li");
    const swatch = svgElement("svg", { width: 34, height: 18, viewBox: "0 0 34 18", "aria-hidden": "true" });
    drawShape(style.shape, 32, 16, {
      transform: "translate(1,1)", fill: style.fill, stroke: style.stroke,
      "stroke-width": 1.4, "stroke-dasharray": style.dashed ? "4 3" : null,
    }, swatch);
    item.append(swatch, `${style.zh} ${style.en}`);
    host.appendChild(item);
  }
  for (const type of edgeTypes) {
    const style = EDGE_TYPES[type] || UNKNOWN_EDGE;
    const item = document.createElement("li");
    const swatch = svgElement("svg", { width: 34, height: 18, viewBox: "0 0 34 18", "aria-hidden": "true" });
    svgElement("line", {
      x1: 2, y1: 9, x2: 32, y2: 9, stroke: style.color, "stroke-width": 2, "stroke-dasharray": style.dash || null,
    }, swatch);
    item.append(swatch, `${style.zh} ${type}${type === "SUPPORTS" ? "（分数 score）" : ""}`);
    host.appendChild(item);
  }
}
