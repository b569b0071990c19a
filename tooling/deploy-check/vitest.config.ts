import { defineConfig } from "vitest/config";
import { unitConfig } from "@studio/vitest-config";

export default defineConfig(unitConfig());
