import { createApiToken } from "../../src/actions/create-api-token.ts";
import { createUser } from "../../src/actions/create-user.ts";
import { revokeApiToken } from "../../src/actions/revoke-api-token.ts";
import { setUserRole } from "../../src/actions/set-user-role.ts";
import { listApiTokens } from "../../src/auth/api-tokens/list-api-tokens.ts";
import { TOKEN_SCOPES } from "../../src/auth/api-tokens/token-scopes.ts";
import { appAuth } from "../../src/auth/auth.ts";
import { requestHeaders } from "../../src/auth/request-headers.ts";
import { requirePage } from "../../src/auth/require-page.ts";
import { ROLES } from "../../src/auth/roles.ts";
import { appDatabase } from "../../src/db/app-database.ts";
import { AdminForm } from "../../src/ui/admin-form.tsx";
import { formatInstant } from "../../src/ui/format.ts";

export const metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

/** Users and their roles, and the API tokens machines use (admins only). */
export default async function AdminPage() {
  const me = await requirePage("/admin");
  const { users } = await (await appAuth()).api.listUsers({ query: { limit: 500, sortBy: "createdAt", sortDirection: "asc" }, headers: await requestHeaders() });
  const tokens = await listApiTokens(await appDatabase());
  const roleOptions = ROLES.map((r) => (
    <option key={r} value={r}>
      {r}
    </option>
  ));
  return (
    <>
      <h1>Admin</h1>
      <p className="lead">Viewers read, operators also send events, admins also manage users and API tokens.</p>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        <div className="table-wrap">
          <table className="table" data-testid="users">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>
                    {u.id === me.id ? (
                      <span>{u.role} (you)</span>
                    ) : (
                      <AdminForm action={setUserRole} label={`Role of ${u.email}`} submitLabel="Set role">
                        <input type="hidden" name="userId" value={u.id} />
                        <select name="role" defaultValue={u.role ?? "viewer"} aria-label={`Role of ${u.email}`}>
                          {roleOptions}
                        </select>
                      </AdminForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 style={{ marginTop: "1rem" }}>Add a user</h3>
        <AdminForm action={createUser} label="Add a user" submitLabel="Add user">
          <label>
            Name <input name="name" required />
          </label>
          <label>
            Email <input name="email" type="email" required />
          </label>
          <label>
            Password <input name="password" type="password" autoComplete="new-password" placeholder="blank: Google / GitHub only" />
          </label>
          <label>
            Role{" "}
            <select name="role" defaultValue="viewer">
              {roleOptions}
            </select>
          </label>
        </AdminForm>
      </section>
      <section className="panel" aria-labelledby="tokens-title">
        <h2 id="tokens-title">API tokens</h2>
        <p className="muted">
          For machines posting to <code>/api/events/&lt;event&gt;</code> (e.g. the payment provider&apos;s <code>invoice.paid</code>) as{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored: a token is shown once, when it is created.
        </p>
        <div className="table-wrap">
          <table className="table" data-testid="api-tokens">
            <thead>
              <tr>
                <th>Name</th>
                <th>Starts</th>
                <th>May send</th>
                <th>Created</th>
                <th>Last used</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.start}…</code>
                  </td>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{formatInstant(t.createdAt.toISOString())}</td>
                  <td>{t.lastUsedAt ? formatInstant(t.lastUsedAt.toISOString()) : "never"}</td>
                  <td>
                    {t.revokedAt ? (
                      `revoked ${formatInstant(t.revokedAt.toISOString())}`
                    ) : (
                      <AdminForm action={revokeApiToken} label={`Revoke ${t.name}`} submitLabel="Revoke" danger>
                        <input type="hidden" name="tokenId" value={t.id} />
                      </AdminForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 style={{ marginTop: "1rem" }}>Create a token</h3>
        <AdminForm action={createApiToken} label="Create a token" submitLabel="Create token">
          <label>
            Name <input name="name" required placeholder="payment provider" />
          </label>
          <fieldset>
            <legend>May send</legend>
            {TOKEN_SCOPES.map((scope) => (
              <label key={scope} style={{ marginRight: "1rem", whiteSpace: "nowrap" }}>
                <input type="checkbox" name="scope" value={scope} /> {scope}
              </label>
            ))}
          </fieldset>
        </AdminForm>
      </section>
    </>
  );
}
