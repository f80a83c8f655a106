// A frontend asking the canonical question with the generated types: the path, its query parameters
// and the answer's shape are checked by tsc against docs/openapi.json (a renamed path or field fails).
import type { components, paths } from "./schema";

type ConceptTasksOperation = paths["/concepts/{name}/tasks"]["get"];
export type ConceptTasksQuery = NonNullable<ConceptTasksOperation["parameters"]["query"]>;
export type ConceptTasks = ConceptTasksOperation["responses"][200]["content"]["application/json"];
export type Problem = components["schemas"]["Problem"];

/** Which tasks carry out a concept (its name, an alternative name or its id)? */
export async function tasksSupporting(
  concept: string,
  query: ConceptTasksQuery = { limit: 20 },
  baseUrl = "http://127.0.0.1:8000",
): Promise<ConceptTasks> {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)]),
  );
  const response = await fetch(
    `${baseUrl}/concepts/${encodeURIComponent(concept)}/tasks?${search}`,
  );
  if (!response.ok) {
    const problem = (await response.json()) as Problem; // every error is RFC 9457 problem+json
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  return (await response.json()) as ConceptTasks;
}

/** One line per task: its name, how it was found, its score and the evidence sentence. */
export function evidenceLines(answer: ConceptTasks): string[] {
  return answer.items.map(
    (item) =>
      `${item.task.name} [${item.via} ${item.score.toFixed(2)}] ${item.evidence.text ?? ""}`,
  );
}
