#!/usr/bin/env node
// The command line is bundled into dist/ by `npm ci` (the prepare script).
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("tasktable: dist/cli.js is missing; run `npm run build` first.\n");
  process.exit(2);
}
require(bundle).runAsProgram();
