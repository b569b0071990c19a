/** `analyseBrief` → `analyse-brief`, `reminderScheduledV2` → `reminder-scheduled-v2`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([a-z])([0-9])/g, "$1-$2")
    .toLowerCase();
}
