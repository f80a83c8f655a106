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

/** The plan's decoded source text, {plan, document, text}; null when the plan has none. */
async function sourceText(planId) {
  try {
    return await get(`plans/${enc(planId)}/text`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const api = {
  ontology: () => get("ontology.json"),
  plans: () => allPages("plans"),
  plan: (id) => get(`plans/${enc(id)}`),
  planGraph: (id, vocabulary, limit) => get(`plans/${enc(id)}/graph?vocabulary=${vocabulary}&limit=${limit}`),
  search: (q, limit = 50) => get(`search?q=${enc(q)}&limit=${limit}`),
  conceptTasks: (name, limit = 50) => get(`concepts/${enc(name)}/tasks?limit=${limit}`),
  neighborhood: (id, depth, limit) => get(`graph/neighborhood/${enc(id)}?depth=${depth}&limit=${limit}`),
  goal: (id) => get(`goals/${enc(id)}`),
  direction: (id) => get(`directions/${enc(id)}`),
  task: (id) => get(`tasks/${enc(id)}`),
  indicator: (id) => get(`indicators/${enc(id)}`),
  sector: (id) => get(`sectors/${enc(id)}?limit=${MAX_LIMIT}`),
  indicators: (plan) => allPages(`indicators?plan=${enc(plan)}`),
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
    case "Indicator":
      return api.indicator(id);
    case "Sector":
      return api.sector(id);
    default:
      return null;
  }
}
