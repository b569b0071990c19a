import type { ReactNode } from "react";
import { currentUser } from "../src/auth/current-user.ts";
import { inngestApi } from "../src/inngest/rest-api.ts";
import { modeLabel } from "../src/inngest/mode-label.ts";
import { SiteHeader } from "../src/ui/site-header.tsx";
import "./globals.css";

export const metadata = {
  title: { default: "Studio+233", template: "%s · Studio+233" },
  description: "Studio operations: briefs, assets, invoices, reminders, followed live.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Only to show who is signed in: every page checks access itself (requirePage).
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader mode={modeLabel(inngestApi.config)} user={user} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
