import { loadRecentActivity } from "../../src/activity/load-recent-activity.ts";
import { stillChanging } from "../../src/activity/still-changing.ts";
import { reveal } from "../../src/crypto/reveal.ts";
import { inngestApi } from "../../src/inngest/rest-api.ts";
import { ActivityList } from "../../src/ui/activity-list.tsx";
import { ApiProblem } from "../../src/ui/api-problem.tsx";
import { AutoRefresh } from "../../src/ui/auto-refresh.tsx";
import { settle } from "../../src/ui/settle.ts";
import { requirePage } from "../../src/auth/require-page.ts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Runs" };

export default async function RunsPage() {
  await requirePage("/runs");
  const activity = await settle(loadRecentActivity(inngestApi, reveal));
  return (
    <>
      <h1>Recent runs</h1>
      <p className="lead">
        The latest studio events from every app (received in the last hour), and the function runs each one started, with their status as Inngest reports
        it ({inngestApi.config.isDev ? "the local Dev Server" : "Inngest Cloud"}). Open an item for its results.
      </p>
      <section className="panel">
        {activity.ok ? <ActivityList events={activity.value} showData linkItems /> : <ApiProblem error={activity.error} />}
      </section>
      <AutoRefresh active={activity.ok && stillChanging(activity.value)} everyMs={4000} />
    </>
  );
}
