/**
 * What a failed AI run was about, for the alert: "brief <id>", "asset <id>" or "ping <id>", read from the
 * event that started it (ids only, never the brief's text).
 */
export function failedItem(original: unknown): string {
  const data = (original as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  const id = (key: string) => {
    const value = data[key];
    return typeof value === "string" ? value : undefined;
  };
  const briefId = id("briefId");
  if (briefId) return `brief ${briefId}`;
  const assetId = id("assetId");
  if (assetId) return `asset ${assetId}`;
  const pingId = id("pingId");
  if (pingId) return `ping ${pingId}`;
  return "an unknown item";
}
