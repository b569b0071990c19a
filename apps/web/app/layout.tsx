import type { ReactNode } from "react";

export const metadata = { title: "Studio+233", description: "Studio operations: briefs, assets, invoices, reminders." };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
