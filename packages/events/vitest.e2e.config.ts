import { defineConfig } from "vitest/config";
import { e2eConfig } from "@studio/vitest-config";

export default defineConfig(e2eConfig());
