/** What an Admin page form shows after a submit; `token` is a new API token, shown this once. */
export type AdminFormState = { status: "idle" | "done" | "error"; message?: string; token?: string };

export const initialAdminFormState: AdminFormState = { status: "idle" };
