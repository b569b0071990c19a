#!/usr/bin/env node
console.error("studio-decrypt: not implemented yet");
process.exit(1);
