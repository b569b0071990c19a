import { defineConfig } from "vitest/config";
import { deployConfig } from "@studio/vitest-config";

export default defineConfig(deployConfig());
