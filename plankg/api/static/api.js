// The plankg REST API as the explorer uses it — only public endpoints, the ones any other frontend
// would call. Errors come back as RFC 9457 problem+json; they are raised as ApiError with the detail.

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem && typeof problem === "object" ? problem.detail || problem.title : problem;
    super(`${status}: ${detail || "request failed"}`);
    this.status = status;
    this.problem = problem;
  }
}

const MAX_LIMIT = 200; // the API's largest page
const cache = new Map();
const enc = encodeURIComponent;

async function request(path, options = {}) {
  // relative to the page, so the explorer keeps working behind a proxy that mounts the API on a prefix
  const response = await fetch(new URL(path, document.baseURI), {
    ...options,
    headers: { Accept: "application/json", ...(options.headers || {}) },
  });
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** GET, remembered for the page's lifetime: the graph does not change while one reads it. */
function get(path) {
  if (!cache.has(path)) {
    const pending = request(path);
    pending.catch(() => cache.delete(path)); // a failure is not remembered: the next call retries
    cache.set(path, pending);
  }
  return cache.get(path);
}

/** Every item of a paged list (Page: items, total, limit, offset). */
async function allPages(path) {
  const items = [];
  const joiner = path.includes("?") ? "&" : "?";
  for (let offset = 0; ; ) {
    const page = await get(`${path}${joiner}limit=${MAX_LIMIT}&offset=${offset}`);
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}

// No endpoint serves a plan's source text yet (GET /plans/{id} leaves it out), so it is read with the
// public read-only Cypher endpoint. A `source_text` member on GET /plans/{id}, if one appears, wins.
const SOURCE_TEXT_QUERY =
  "MATCH (p:Plan {id: $id}) RETURN p.source_text AS text, p.doc_id AS document";

async function sourceText(planId) {
  const key = `source:${planId}`;
  if (!cache.has(key)) {
    const pending = (async () => {
      const plan = await get(`plans/${enc(planId)}`);
      if (typeof plan.source_text === "string") {
        return { document: plan.evidence?.document ?? null, text: plan.source_text };
      }
      const answer = await request("cypher", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query: SOURCE_TEXT_QUERY, parameters: { id: planId } }),
      });
      const row = answer.rows[0];
      return row && typeof row.text === "string" ? { document: row.document, text: row.text } : null;
    })();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return cache.get(key);
}

export const api = {
  plans: () => allPages("plans"),
  plan: (id) => get(`plans/${enc(id)}`),
  search: (q, limit = 50) => get(`search?q=${enc(q)}&limit=${limit}`),
  conceptTasks: (name, limit = 50) => get(`concepts/${enc(name)}/tasks?limit=${limit}`),
  neighborhood: (id, depth, limit) => get(`graph/neighborhood/${enc(id)}?depth=${depth}&limit=${limit}`),
  goal: (id) => get(`goals/${enc(id)}`),
  direction: (id) => get(`directions/${enc(id)}`),
  task: (id) => get(`tasks/${enc(id)}`),
  goals: (plan) => allPages(`goals?plan=${enc(plan)}`),
  directions: (plan) => allPages(`directions?plan=${enc(plan)}`),
  tasks: (plan) => allPages(`tasks?plan=${enc(plan)}`),
  indicators: (plan) => allPages(`indicators?plan=${enc(plan)}`),
  tasksInSector: (sector) => get(`tasks?sector=${enc(sector)}&limit=${MAX_LIMIT}`),
  sectors: () => allPages("sectors"),
  sourceText,
};

/** The detail endpoint of a node type, or null when the type has none. */
export function detailOf(type, id) {
  switch (type) {
    case "Goal":
      return api.goal(id);
    case "Direction":
      return api.direction(id);
    case "Task":
      return api.task(id);
    default:
      return null;
  }
}
