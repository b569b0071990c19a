import { type AnyContractEvent } from "../contract/contract-event-type.ts";
import { toJsonSchema } from "./to-json-schema.ts";
import { type EventSchemaMeta, type JsonSchema } from "./types.ts";

export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** The committed JSON Schema of one event's `data`, with its contract metadata under `x-event`. */
export function eventJsonSchema(event: AnyContractEvent): JsonSchema {
  const { contract } = event;
  const meta: EventSchemaMeta = {
    name: contract.name,
    version: contract.version,
    owner: contract.owner,
    producers: [...contract.producers],
    consumers: [...contract.consumers],
    dedupe: contract.dedupe !== undefined,
    ...(contract.deprecated ? { deprecated: { ...contract.deprecated } } : {}),
  };
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: `urn:studio-events:event:${contract.key}`,
    title: contract.key,
    description: contract.description,
    ...(contract.deprecated ? { deprecated: true } : {}),
    "x-event": meta,
    ...markEncrypted(toJsonSchema(contract.schema)),
  };
}

/** Flags `data.encrypted` so readers of the schema know it travels as an encrypted envelope. */
function markEncrypted(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  const encrypted = properties?.encrypted;
  if (!properties || !encrypted) return schema;
  return {
    ...schema,
    properties: {
      ...properties,
      encrypted: {
        "x-encrypted": true,
        description:
          "Personal data. Encrypted as a whole by the encryption middleware on send; this schema describes it decrypted.",
        ...encrypted,
      },
    },
  };
}

/** Where an event's schema lives under `schemas/`: `events/studio/brief.submitted/v1.json`. */
export function eventSchemaPath(event: AnyContractEvent): string {
  return `events/${event.contract.name}/v${event.contract.version}.json`;
}
