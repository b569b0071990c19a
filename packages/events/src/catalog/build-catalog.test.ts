import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildGeneratedFiles } from "./build-catalog.ts";

const files = buildGeneratedFiles();
const markdown = files.get("docs/events.md") ?? "";

interface AsyncApi {
  channels: Record<string, { address: string; parameters?: Record<string, unknown>; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, { action: string; channel: { $ref: string }; tags: Array<{ name: string }> }>;
  components: { messages: Record<string, { name: string; payload: { schema: { properties: { data: { required: string[] } } } } }> };
}
const asyncApi = parse(files.get("docs/asyncapi.yaml") ?? "") as AsyncApi;

describe("the generated catalog", () => {
  it("writes a JSON Schema per realtime topic", () => {
    expect([...files.keys()].filter((path) => path.includes("/schemas/channels/")).sort()).toEqual([
      "packages/events/schemas/channels/studio-progress/progress.json",
      "packages/events/schemas/channels/studio-progress/result.json",
    ]);
  });

  it("lists the studio-progress channel in docs/events.md with its pattern, topics, parties and fields", () => {
    const section = markdown.slice(markdown.indexOf("## Realtime channels"));
    expect(section).toContain("### `studio-progress:{subject}`");
    expect(section).toContain("- **topics:** `progress`, `result`");
    expect(section).toContain("- **publishers:** worker");
    expect(section).toContain("- **subscribers:** web");
    expect(section).toContain("| `step` | string | yes | ≥ 1 chars |  |");
    expect(section).toContain("| `outcome` |");
    expect(section).toContain('"workflow": "intake-brief"');
  });

  it("describes the channel in asyncapi.yaml with one message per topic, sent by worker and received by web", () => {
    const channel = asyncApi.channels.studioProgress;
    expect(channel?.address).toBe("studio-progress:{subject}");
    expect(Object.keys(channel?.parameters ?? {})).toEqual(["subject"]);
    expect(Object.keys(channel?.messages ?? {})).toEqual(["studioProgressProgress", "studioProgressResult"]);
    const progress = asyncApi.components.messages.studioProgressProgress;
    expect(progress?.name).toBe("progress");
    expect(progress?.payload.schema.properties.data.required).toEqual(["workflow", "step", "label", "state", "at"]);
    expect(asyncApi.operations.send_studioProgress?.tags).toEqual([{ name: "worker" }]);
    expect(asyncApi.operations.receive_studioProgress?.tags).toEqual([{ name: "web" }]);
  });
});
