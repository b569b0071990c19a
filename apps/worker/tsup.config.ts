import { honoAppBundle } from "@studio/tsup-config";

export default honoAppBundle();
