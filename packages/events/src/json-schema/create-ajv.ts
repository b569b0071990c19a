import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: depending on the loader its default import is the plugin or the module.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export interface AjvMode {
  /**
   * `false` (the JSON Schema 2020-12 default): `format` is an annotation and the `pattern` next to
   * it carries the rule, exactly as zod applies it. `true`: also assert formats with ajv-formats,
   * as some consumers' validators do.
   */
  readonly assertFormats: boolean;
}

/**
 * An ajv for the committed schemas (draft 2020-12, strict). Patterns run without the `u` flag, as
 * zod runs its regular expressions; lengths count code points in both.
 */
export function createAjv({ assertFormats }: AjvMode): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: assertFormats, unicodeRegExp: false });
  ajv.addKeyword({ keyword: "x-event" }).addKeyword({ keyword: "x-function" }).addKeyword({ keyword: "x-channel" }).addKeyword({ keyword: "x-encrypted" });
  if (assertFormats) addFormats(ajv);
  return ajv;
}
