// The differential test of one run: what the real `wrangler deploy` uploads
// (run_wrangler.mjs) against what `cfdo upload` prints for the same
// configuration and arguments, compared as metadata (compare.mjs).
//
//   node differential.mjs CONFIG [RUN ARGS...]
//
// The cfdo tool is $CFDO_CLI (CMake sets it to the cfdo_cli target's file);
// when it is not set the test is skipped (exit 77), after wrangler ran. With
// $CFDO_WRANGLER_CAPTURE set, wrangler's capture is also written to that file.
// Exits 0 when the metadata are equal, 1 when they differ or a step fails, 2
// on a usage error.
//
// cfdo's command line and the shape of its output are not final: the two
// functions below, cfdoUploadArgs and cfdoMetadataOf, are the places to
// adjust.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { compareMetadata, formatDiffs } from "./compare.mjs";
import { mainOf } from "./runs.mjs";
import { DEFAULT_ACCOUNT_ID, parseRunArgs, printable, runWrangler } from "./run_wrangler.mjs";

export const SKIP = 77;

// The arguments of `cfdo upload` for a run: the run's own arguments (--env,
// --deployed-tag, --account-id), the Worker's module (the configuration's
// `main` source: cfdo takes a module already bundled, and these sources need
// no bundling), then the configuration. Whether the Worker exists without a
// migration tag (--worker-exists) or not at all (--new-worker, the default)
// makes no difference to what wrangler uploads: every step, no old_tag, as
// `cfdo upload` without a deployed tag.
export function cfdoUploadArgs({ config, runArgs, module }) {
    const args = runArgs.filter((arg) => arg !== "--worker-exists" && arg !== "--new-worker");
    return ["upload", ...args, "--module", module, config];
}

// The metadata in what `cfdo upload` prints (a request, as `cfdo request`
// prints one): the `metadata` part of its multipart body.
export function cfdoMetadataOf(output) {
    const contentType = output?.headers?.["Content-Type"] ?? "";
    const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
    // (A body that is not UTF-8, binary parts included, is printed as base64.)
    const body = typeof output?.body === "string" ? output.body
        : typeof output?.body_base64 === "string" ? Buffer.from(output.body_base64, "base64").toString("latin1")
        : undefined;
    if (!boundary || body === undefined) {
        throw new Error("cfdo's output is not a multipart request");
    }
    for (const part of body.split(`--${boundary}`)) {
        const headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd < 0 || !/name="metadata"/.test(part.slice(0, headerEnd))) {
            continue;
        }
        const text = part.slice(headerEnd + 4).replace(/\r\n$/, "");
        return JSON.parse(typeof output.body === "string" ? text : Buffer.from(text, "latin1").toString("utf8"));
    }
    throw new Error("cfdo's output has no metadata part");
}

// When the Worker exists and there is nothing to migrate, wrangler uploads
// through `POST .../scripts/{name}/versions` and gives the code update
// strategy to the deployment it creates next, not to the metadata; `cfdo
// upload` always prints the classic upload, which carries it.
export function asWranglerRouted(capture, cfdoMetadata) {
    if (capture.method === "POST" && capture.path.endsWith("/versions")) {
        const { code_update_strategy: _, ...rest } = cfdoMetadata;
        return rest;
    }
    return cfdoMetadata;
}

function fail(message) {
    process.stderr.write(`differential: ${message}\n`);
    process.exit(1);
}

const [config, ...runArgs] = process.argv.slice(2);
if (!config) {
    process.stderr.write("usage: node differential.mjs CONFIG [RUN ARGS...]   (with CFDO_CLI set)\n");
    process.exit(2);
}
let options;
try {
    options = parseRunArgs(["--config", config, ...runArgs]);
} catch (error) {
    process.stderr.write(`differential: ${error.message}\n`);
    process.exit(2);
}

// 1. wrangler.
let capture;
try {
    capture = await runWrangler(options);
} catch (error) {
    fail(`wrangler: ${error.message}`);
}
if (process.env.CFDO_WRANGLER_CAPTURE) {
    const file = path.resolve(process.env.CFDO_WRANGLER_CAPTURE);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(printable(capture), null, 2)}\n`);
}
process.stdout.write(`wrangler: ${capture.method} ${capture.path}?${new URLSearchParams(capture.query)}`
                     + `${Object.keys(capture.headers).length ? ` ${JSON.stringify(capture.headers)}` : ""}\n`);

// 2. cfdo.
const cli = process.env.CFDO_CLI;
if (!cli) {
    process.stdout.write("CFDO_CLI is not set (the cfdo_cli target is not built): skipped\n");
    process.exit(SKIP);
}
let module;
try {
    module = mainOf(path.resolve(config), options.env);
} catch (error) {
    fail(error.message);
}
const args = cfdoUploadArgs({ config: path.resolve(config), runArgs, module });
const result = spawnSync(cli, args, {
    cwd: path.dirname(path.resolve(config)),
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, CLOUDFLARE_ACCOUNT_ID: options.accountId ?? DEFAULT_ACCOUNT_ID },
});
const command = [cli, ...args].map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg))).join(" ");
if (result.error) {
    fail(`${command}: ${result.error.message}`);
}
if (result.status !== 0) {
    fail(`${command} exited ${result.status ?? result.signal}\n${result.stderr}${result.stdout}`);
}
let cfdoMetadata;
try {
    cfdoMetadata = cfdoMetadataOf(JSON.parse(result.stdout));
} catch (error) {
    fail(`${command}: ${error.message}\n--- its output ---\n${result.stdout}`);
}

// 3. The comparison: the metadata, and the headers the API reads
// (`Cloudflare-*`, `CF-*`: the script API date a Workflow export needs).
const diffs = compareMetadata(capture.metadata, asWranglerRouted(capture, cfdoMetadata));
const cfdoHeaders = Object.fromEntries(Object.entries(JSON.parse(result.stdout).headers ?? {})
    .filter(([name]) => /^(cloudflare-|cf-)/i.test(name)).map(([name, value]) => [name.toLowerCase(), value]));
const wranglerHeaders = Object.fromEntries(Object.entries(capture.headers ?? {})
    .map(([name, value]) => [name.toLowerCase(), value]));
for (const name of new Set([...Object.keys(wranglerHeaders), ...Object.keys(cfdoHeaders)])) {
    if (wranglerHeaders[name] !== cfdoHeaders[name]) {
        diffs.push({ path: `(header ${name})`, left: wranglerHeaders[name] ?? "(absent)",
                     right: cfdoHeaders[name] ?? "(absent)" });
    }
}
if (diffs.length > 0) {
    process.stdout.write(`${command}\n${diffs.length} difference${diffs.length === 1 ? "" : "s"} between wrangler's metadata and cfdo's:\n${formatDiffs(diffs)}\n`);
    process.exit(1);
}
process.stdout.write("cfdo's metadata equal wrangler's\n");
