import { loadItemActivity } from "../../../src/activity/load-item-activity.ts";
import { sentEvent } from "../../../src/activity/sent-event.ts";
import { stillChanging } from "../../../src/activity/still-changing.ts";
import { reveal } from "../../../src/crypto/reveal.ts";
import { appDatabase } from "../../../src/db/app-database.ts";
import { inngestApi } from "../../../src/inngest/rest-api.ts";
import { findItem } from "../../../src/read-model/find-item.ts";
import { itemFailures } from "../../../src/read-model/item-failures.ts";
import { itemOutgoing } from "../../../src/read-model/item-outgoing.ts";
import { projectionLag } from "../../../src/read-model/projection-lag.ts";
import { progressSubject } from "../../../src/realtime/progress-subject.ts";
import { ActivityList } from "../../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../../src/ui/auto-refresh.tsx";
import { FailureList } from "../../../src/ui/failure-list.tsx";
import { LiveProgress } from "../../../src/ui/live-progress.tsx";
import { NotSentNotice } from "../../../src/ui/not-sent-notice.tsx";
import { ProjectionLagNote } from "../../../src/ui/projection-lag-note.tsx";
import { SentNotice } from "../../../src/ui/sent-notice.tsx";
import { settle } from "../../../src/ui/settle.ts";
import { toJson } from "../../../src/ui/format.ts";
import { requirePage } from "../../../src/auth/require-page.ts";
import { roleGrants } from "../../../src/auth/roles.ts";
import { listItemAudit } from "../../../src/audit/list-item-audit.ts";
import { AuditList } from "../../../src/ui/audit-list.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/assets/[assetId]">) {
  return { title: `Asset ${decodeURIComponent((await params).assetId)}` };
}

export default async function AssetPage({ params, searchParams }: PageProps<"/assets/[assetId]">) {
  const assetId = decodeURIComponent((await params).assetId);
  const user = await requirePage("/assets/[assetId]", `/assets/${encodeURIComponent(assetId)}`);
  const db = await appDatabase();
  const audit = await listItemAudit(db, "asset", assetId);
  const [row, outgoing, failures, lag, activity] = await Promise.all([
    findItem(db, "asset", assetId),
    itemOutgoing(db, "asset", assetId),
    itemFailures(db, "asset", assetId),
    projectionLag(db, "asset"),
    settle(loadItemActivity(db, inngestApi, reveal, "asset", assetId)),
  ]);
  const events = activity.ok ? activity.value : [];
  const sent = sentEvent(await searchParams, outgoing);
  const asset = row?.uploadedAt ? row : undefined;
  const processed = row?.renditions ? { renditions: row.renditions } : undefined;
  const tagging = row?.tagging ? ((await reveal(row.tagging)).value as { tags: string[]; altText: string }) : undefined;
  const tagged = tagging && row?.tagModel ? { ...tagging, model: row.tagModel } : undefined;
  return (
    <>
      <SentNotice sent={sent} />
      <NotSentNotice outgoing={outgoing} canRetry={roleGrants(user.role, "operator")} />
      <div className="page-head">
        <h1>{asset?.fileName ?? `Asset ${assetId}`}</h1>
        <span className="badge">{tagged ? "Tagged" : processed ? "Renditions ready" : "Processing"}</span>
      </div>
      <div className="grid grid--2">
        <section className="panel" aria-labelledby="asset-facts">
          <h2 id="asset-facts">Asset</h2>
          {asset ? (
            <dl className="facts">
              <dt>Asset id</dt>
              <dd>
                <code>{assetId}</code>
              </dd>
              <dt>Project</dt>
              <dd>{asset.projectId}</dd>
              <dt>Type</dt>
              <dd>{asset.contentType}</dd>
              <dt>Size</dt>
              <dd>{asset.bytes?.toLocaleString("en-GB")} bytes</dd>
              <dt>Source</dt>
              <dd>
                <a href={asset.sourceUrl ?? undefined}>{asset.sourceUrl}</a>
              </dd>
            </dl>
          ) : (
            <p className="muted">{row ? "Its results have arrived, but not its registration yet." : `No asset with id ${assetId} is recorded in the console's database.`}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="asset-results">
          <h2 id="asset-results">Results</h2>
          {tagged && (
            <dl className="facts">
              <dt>Tags</dt>
              <dd>{tagged.tags.join(", ")}</dd>
              <dt>Alt text</dt>
              <dd>{tagged.altText}</dd>
              <dt>Model</dt>
              <dd>
                {tagged.model.provider} / {tagged.model.name}
                {tagged.model.offline ? " (offline stand-in)" : ""}
              </dd>
            </dl>
          )}
          {processed ? (
            <details>
              <summary>Renditions</summary>
              <pre>{toJson(processed)}</pre>
            </details>
          ) : (
            !tagged && <p className="muted">Renditions and tags appear here when the workflows finish.</p>
          )}
        </section>
      </div>
      <div className="stack" style={{ marginTop: "1rem" }}>
        <LiveProgress subject={progressSubject("asset", assetId)} />
        <AuditList entries={audit} />
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Events and runs</h2>
          {activity.ok ? <ActivityList events={events} /> : <ApiProblem error={activity.error} />}
        </section>
        <FailureList failures={failures} />
        <ProjectionLagNote lag={lag} />
      </div>
      <AutoRefresh active={activity.ok && stillChanging(events)} />
      <AutoRefresh active={!row} forMs={60_000} />
    </>
  );
}
