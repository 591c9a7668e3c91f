// Runs wrangler deploy for every run of every configuration under configs/
// (or of those named) and writes what run_wrangler.mjs prints for each to
// OUT/<config>[.<run>].json. Runs JOBS at a time (default: the number of CPUs).
//
//   node capture_all.mjs [--out DIR] [--jobs N] [CONFIG...]
//
// Exits 1 if any run failed, after running them all.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { allRuns } from "./runs.mjs";
import { parseRunArgs, printable, runWrangler } from "./run_wrangler.mjs";

let out = path.join(os.tmpdir(), "wrangler_out");
let jobs = os.availableParallelism?.() ?? os.cpus().length;
const only = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--out") {
        out = argv[++i];
    } else if (argv[i] === "--jobs") {
        jobs = Number(argv[++i]);
    } else {
        only.push(argv[i]);
    }
}
fs.mkdirSync(out, { recursive: true });

const runs = allRuns(only);
const started = Date.now();
const failures = [];
let next = 0;
async function worker() {
    while (next < runs.length) {
        const run = runs[next++];
        const t0 = Date.now();
        try {
            const capture = await runWrangler(parseRunArgs(["--config", run.config, ...run.args]));
            fs.writeFileSync(path.join(out, `${run.name}.json`), `${JSON.stringify(printable(capture), null, 2)}\n`);
            process.stderr.write(`ok   ${run.name} (${Date.now() - t0} ms)\n`);
        } catch (error) {
            failures.push(run.name);
            process.stderr.write(`FAIL ${run.name}: ${error.message}\n`);
        }
    }
}
await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
process.stderr.write(`${runs.length - failures.length} of ${runs.length} runs captured in ${out} `
                     + `in ${((Date.now() - started) / 1000).toFixed(1)} s with ${jobs} jobs\n`);
process.exit(failures.length > 0 ? 1 : 0);
