import { unitConfig } from "@studio/vitest-config";

export default unitConfig();
