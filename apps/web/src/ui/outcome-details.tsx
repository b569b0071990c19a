import { briefAnalysisSchema, type BriefAnalysis } from "@studio/events";
import { toJson } from "./format.ts";

/**
 * Shows a workflow's result: a brief analysis (from the AI app) as a readable summary when the
 * value holds one, a project id when there is one, and the raw value behind a disclosure.
 */
export function OutcomeDetails({ value, rawLabel = "Raw result" }: { value: unknown; rawLabel?: string }) {
  const record = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const analysis = briefAnalysisSchema.safeParse(record.analysis ?? value);
  const projectId = typeof record.projectId === "string" ? record.projectId : undefined;
  return (
    <div className="stack">
      {projectId && (
        <p>
          Project: <strong data-testid="project-id">{projectId}</strong>
        </p>
      )}
      {analysis.success && <AnalysisView analysis={analysis.data} />}
      <details>
        <summary>{rawLabel}</summary>
        <pre>{toJson(value)}</pre>
      </details>
    </div>
  );
}

function AnalysisView({ analysis }: { analysis: BriefAnalysis }) {
  return (
    <section aria-label="AI analysis" data-testid="analysis">
      <h3>AI analysis</h3>
      <p>{analysis.summary}</p>
      <dl className="facts">
        <dt>Estimate</dt>
        <dd>
          {analysis.estimate.hours} hours ({analysis.estimate.confidence} confidence)
        </dd>
        <dt>Deliverables</dt>
        <dd>
          <ul>
            {analysis.deliverables.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </dd>
        <dt>Risks</dt>
        <dd>
          {analysis.risks.length === 0 ? (
            "None noted"
          ) : (
            <ul>
              {analysis.risks.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
