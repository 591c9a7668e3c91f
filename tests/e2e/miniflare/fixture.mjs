// Runs the Worker version a cfdo create-version request describes on
// Miniflare, and serves it behind Cloudflare-shaped routes on 127.0.0.1:
//
//   node fixture.mjs REQUEST.json                 serve until stdin closes or SIGTERM
//   node fixture.mjs REQUEST.json --run PROGRAM [ARG...]
//                                                 serve while PROGRAM runs, exit with its status
//
// REQUEST.json is cfdo::to_json(request) of a create_version request (what
// write_counter_request writes). Nothing of the Worker is written here: the
// modules come from content_base64, the entry point from main_module, the
// Durable Object classes from the durable_object_namespace bindings and their
// storage from the version's migrations or its declarative exports, so a
// wrong class name, module name or base64 in cfdo's output fails to start.
//
// Routes (the API ones need `Authorization: Bearer $CLOUDFLARE_API_TOKEN`):
//   GET /client/v4/accounts/:account/workers/durable_objects/namespaces
//   GET /client/v4/accounts/:account/workers/durable_objects/namespaces/:id/objects
//       forwarded to Miniflare's local explorer; namespaces are paged by
//       `page`/`per_page` as Cloudflare pages them (the explorer lists all)
//   GET /client/v4/accounts/:account/workers/services/:name
//       the Worker's service as Cloudflare answers it, from what was deployed:
//       its migration tag is the version's new_tag; another name is a Worker
//       that does not exist (404, 10007)
//   ANY /worker/...   the Worker itself
//
// Serving, the first line on stdout is JSON: {"api": URL, "worker": URL} once
// listening, or {"error": MESSAGE} (Miniflare's own message) when the Worker
// cannot start, and the exit status is then 1. With --run, the program gets
// CLOUDFLARE_API_BASE_URL and CLOUDFLARE_API_TOKEN in its environment and the
// fixture prints nothing on stdout.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Log, LogLevel, Miniflare } from "miniflare";

const loopback = "127.0.0.1";

class FixtureError extends Error {}

// ---------------------------------------------------------------- the Worker

// How Miniflare reads each module content type Cloudflare accepts.
const miniflareModuleTypes = {
  "application/javascript+module": "ESModule",
  "text/javascript+module": "ESModule",
  "application/javascript": "CommonJS",
  "text/javascript": "CommonJS",
  "application/wasm": "CompiledWasm",
  "text/plain": "Text",
  "application/octet-stream": "Data",
};

// Buffer.from(..., "base64") skips what is not base64; Cloudflare does not.
function decodeBase64Strictly(text, moduleName) {
  const bytes = Buffer.from(text, "base64");
  if (typeof text !== "string" || bytes.toString("base64") !== text) {
    throw new FixtureError(`module ${JSON.stringify(moduleName)}: content_base64 is not canonical base64`);
  }
  return bytes;
}

function workerNameOf(requestPath) {
  const match = /^\/accounts\/([^/]+)\/workers\/workers\/([^/]+)\/versions$/.exec(requestPath ?? "");
  if (!match) throw new FixtureError(`not a create-version path: ${JSON.stringify(requestPath)}`);
  return { account: decodeURIComponent(match[1]), worker: decodeURIComponent(match[2]) };
}

// Nothing is deployed when the fixture starts, so the version alone says which
// Durable Object classes have a namespace, and with which storage: what its
// migrations create, or what its exports declare live. Each maps a class name
// to { useSQLite }. What needs a class deployed before, or is not modelled
// here, is refused rather than guessed.

// The migration (single-step or multi-step), its steps applied in order.
function classesOfMigrations(migrations) {
  const classes = new Map();
  for (const step of migrations.steps ?? [migrations]) {
    for (const name of step.new_classes ?? []) classes.set(name, { useSQLite: false });
    for (const name of step.new_sqlite_classes ?? []) classes.set(name, { useSQLite: true });
    for (const { from, to } of step.renamed_classes ?? []) {
      if (!classes.has(from)) throw new FixtureError(`migrations: class ${JSON.stringify(from)} is renamed, but nothing created it (nothing is deployed here)`);
      classes.set(to, classes.get(from));
      classes.delete(from);
    }
    for (const name of step.deleted_classes ?? []) classes.delete(name);
    if ((step.transferred_classes ?? []).length > 0) throw new FixtureError("migrations: transferred_classes are not supported here");
  }
  return classes;
}

// The exports map: a live `durable-object` entry is a class, `sqlite` storage
// as new_sqlite_classes gives it; tombstones create nothing.
function classesOfExports(exports) {
  if (typeof exports !== "object" || exports === null || Array.isArray(exports)) {
    throw new FixtureError("exports is not an object keyed by name");
  }
  const classes = new Map();
  for (const [name, entry] of Object.entries(exports)) {
    const what = `exports ${JSON.stringify(name)}`;
    if (entry?.type !== "durable-object") throw new FixtureError(`${what}: type ${entry?.type} is not supported here`);
    const state = entry.state ?? "created";
    switch (state) {
      case "created":
        if (entry.container !== undefined) throw new FixtureError(`${what}: containers are not supported here`);
        if (entry.storage === "sqlite") classes.set(name, { useSQLite: true });
        // Cloudflare keeps legacy-kv only for a key-value class already live.
        else if (entry.storage === "legacy-kv") throw new FixtureError(`${what}: legacy-kv storage needs a deployed key-value class (nothing is deployed here)`);
        else throw new FixtureError(`${what}: storage ${JSON.stringify(entry.storage)} is not sqlite or legacy-kv`);
        break;
      case "deleted":
      case "renamed":
      case "transferred":
        break;
      case "expecting-transfer":
        throw new FixtureError(`${what}: transfers are not supported here`);
      default:
        throw new FixtureError(`${what}: state ${JSON.stringify(state)} is not one Cloudflare knows`);
    }
  }
  return classes;
}

function durableObjectClassesOf(version) {
  const declaresDurableObjects = Object.values(version.exports ?? {}).some((entry) => entry?.type === "durable-object");
  if (declaresDurableObjects && version.migrations !== undefined) {
    throw new FixtureError("the version has migrations and Durable Object exports (Cloudflare takes one or the other)");
  }
  if (version.exports !== undefined) return classesOfExports(version.exports);
  if (version.migrations !== undefined) return classesOfMigrations(version.migrations);
  return new Map();
}

// The Miniflare options for the version, or a FixtureError saying what this
// fixture cannot run (it runs what the seed's Counter needs, and refuses the rest loudly).
function miniflareOptionsFor(request, modulesRoot) {
  if (request.method !== "POST") throw new FixtureError(`expected a POST, got ${request.method}`);
  const { worker } = workerNameOf(request.path);
  const version = request.body;
  if (typeof version !== "object" || version === null) throw new FixtureError("the request has no JSON body");

  const modules = (version.modules ?? []).map((module) => {
    const type = miniflareModuleTypes[module.content_type];
    if (!type) throw new FixtureError(`module ${JSON.stringify(module.name)}: content type ${module.content_type} is not supported here`);
    const modulePath = path.resolve(modulesRoot, module.name);
    if (path.relative(modulesRoot, modulePath) !== module.name) {
      throw new FixtureError(`module name ${JSON.stringify(module.name)} is not a plain relative path`);
    }
    return { type, path: modulePath, contents: decodeBase64Strictly(module.content_base64, module.name), name: module.name };
  });
  // Miniflare's entry point is its first module.
  const main = modules.findIndex((module) => module.name === version.main_module);
  if (main < 0) throw new FixtureError(`main_module ${JSON.stringify(version.main_module)} is not among the modules`);
  modules.unshift(...modules.splice(main, 1));

  const classes = durableObjectClassesOf(version);
  const durableObjects = {};
  const bindings = {};
  for (const binding of version.bindings ?? []) {
    switch (binding.type) {
      case "durable_object_namespace":
        if (binding.script_name !== undefined && binding.script_name !== worker) {
          throw new FixtureError(`binding ${binding.name}: classes of other Workers (${binding.script_name}) are not supported here`);
        }
        if (!classes.has(binding.class_name)) {
          throw new FixtureError(`binding ${binding.name}: class ${JSON.stringify(binding.class_name)} is created by neither the version's migrations nor its exports (nothing is deployed here)`);
        }
        durableObjects[binding.name] = { className: binding.class_name, useSQLite: classes.get(binding.class_name).useSQLite };
        break;
      case "plain_text":
      case "secret_text":
        bindings[binding.name] = binding.text;
        break;
      case "json":
        bindings[binding.name] = binding.json;
        break;
      default:
        throw new FixtureError(`binding ${binding.name}: type ${binding.type} is not supported here`);
    }
  }

  return {
    name: worker,
    modules: modules.map(({ type, path: modulePath, contents }) => ({ type, path: modulePath, contents })),
    modulesRoot,
    compatibilityDate: version.compatibility_date,
    compatibilityFlags: version.compatibility_flags ?? [],
    durableObjects,
    bindings,
  };
}

// ------------------------------------------------------- the Cloudflare API

function envelope(result, resultInfo) {
  return { success: true, errors: [], messages: [], result, ...(resultInfo ? { result_info: resultInfo } : {}) };
}

function failure(code, message) {
  return { success: false, errors: [{ code, message }], messages: [], result: null };
}

// Cloudflare pages the namespace list by page/per_page (1-based, 20 by
// default); the explorer returns every namespace at once.
function pageOfNamespaces(all, query) {
  const page = Number(query.get("page") ?? 1);
  const perPage = Number(query.get("per_page") ?? 20);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1) {
    return [400, failure(10001, "page and per_page must be positive integers")];
  }
  const result = all.slice((page - 1) * perPage, page * perPage);
  return [200, envelope(result, {
    page, per_page: perPage, count: result.length, total_count: all.length,
    total_pages: Math.max(1, Math.ceil(all.length / perPage)),
  })];
}

async function explorerJson(mf, explorerPath) {
  const response = await mf.dispatchFetch(`http://localhost/cdn-cgi/explorer/api${explorerPath}`);
  return [response.status, await response.json()];
}

// The Worker's service: what wrangler reads the deployed migration tag from.
function serviceOf(deployed, name) {
  if (name !== deployed.worker) return [404, failure(10007, "This Worker does not exist on your account.")];
  const script = { id: deployed.worker, ...(deployed.migrationTag ? { migration_tag: deployed.migrationTag } : {}) };
  return [200, envelope({ id: deployed.worker, default_environment: { environment: "production", script } })];
}

async function answerApi(mf, deployed, apiPath, query) {
  const { account } = deployed;
  const service = new RegExp(`^/accounts/${encodeURIComponent(account)}/workers/services/([^/]+)$`).exec(apiPath);
  if (service) return serviceOf(deployed, decodeURIComponent(service[1]));
  const prefix = `/accounts/${encodeURIComponent(account)}/workers/durable_objects/namespaces`;
  if (apiPath === prefix) {
    const [status, listed] = await explorerJson(mf, "/workers/durable_objects/namespaces");
    if (status !== 200 || !listed.success) return [status, listed];
    return pageOfNamespaces(listed.result, query);
  }
  const objects = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/([^/]+)/objects$`).exec(apiPath);
  if (objects) {
    const forwarded = new URLSearchParams();
    for (const name of ["limit", "cursor"]) if (query.has(name)) forwarded.set(name, query.get(name));
    const suffix = forwarded.size > 0 ? `?${forwarded}` : "";
    return explorerJson(mf, `/workers/durable_objects/namespaces/${objects[1]}/objects${suffix}`);
  }
  return [404, failure(7003, `No route for ${apiPath} in account ${account}`)];
}

async function forwardToWorker(mf, request, workerPath) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const body = ["GET", "HEAD"].includes(request.method) ? undefined : Buffer.concat(chunks);
  const headers = Object.entries(request.headers).filter(([name]) => name !== "host" && name !== "authorization");
  const response = await mf.dispatchFetch(`http://localhost${workerPath}`, { method: request.method, headers, body });
  return [response.status, Buffer.from(await response.arrayBuffer()), response.headers.get("content-type") ?? "text/plain"];
}

function serve(mf, deployed, token) {
  const { account } = deployed;
  return http.createServer(async (request, response) => {
    const send = (status, body, contentType = "application/json") => {
      response.writeHead(status, { "content-type": contentType });
      response.end(contentType === "application/json" ? JSON.stringify(body) : body);
    };
    try {
      const url = new URL(request.url, `http://${loopback}`);
      if (url.pathname === "/worker" || url.pathname.startsWith("/worker/")) {
        const [status, body, contentType] = await forwardToWorker(mf, request, url.pathname.slice("/worker".length) || "/");
        return send(status, body, contentType);
      }
      if (!url.pathname.startsWith("/client/v4/")) return send(404, failure(7000, "No route for that URI"));
      if (request.headers.authorization !== `Bearer ${token}`) return send(403, failure(10000, "Authentication error"));
      if (request.method !== "GET") return send(405, failure(10000, `${request.method} is not served here`));
      const apiPath = url.pathname.slice("/client/v4".length);
      const routeAccount = /^\/accounts\/([^/]+)\//.exec(apiPath)?.[1];
      if (routeAccount === undefined || decodeURIComponent(routeAccount) !== account) {
        return send(404, failure(7003, "Could not route to this account"));
      }
      const [status, body] = await answerApi(mf, deployed, apiPath, url.searchParams);
      return send(status, body);
    } catch (error) {
      return send(500, failure(10001, `fixture: ${error.message}`));
    }
  });
}

// ----------------------------------------------------------------- main

function usage() {
  console.error("usage: node fixture.mjs REQUEST.json [--run PROGRAM [ARG...]]");
  process.exit(2);
}

const [requestFile, runFlag, ...command] = process.argv.slice(2);
if (!requestFile || (runFlag !== undefined && (runFlag !== "--run" || command.length === 0))) usage();
const running = runFlag === "--run";

// Serving, stdout carries only the one JSON line; with --run, it is the program's.
const report = (line) => (running ? console.error : console.log)(JSON.stringify(line));

const state = mkdtempSync(path.join(tmpdir(), "cfdo-miniflare-"));
let mf;
let server;
let stopping = false;
let runtimeErrors = "";
async function stop(status) {
  if (stopping) return;
  stopping = true;
  server?.close();
  server?.closeAllConnections();
  try {
    await mf?.dispose();
  } finally {
    rmSync(state, { recursive: true, force: true });
    process.exit(status);
  }
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop(128 + 15));

try {
  const request = JSON.parse(readFileSync(requestFile, "utf8"));
  const { account, worker } = workerNameOf(request.path);
  const deployed = { account, worker, migrationTag: request.body?.migrations?.new_tag };
  const token = process.env.CLOUDFLARE_API_TOKEN || randomUUID();
  const modulesRoot = path.join(state, "modules");
  mf = new Miniflare({
    ...miniflareOptionsFor(request, modulesRoot),
    host: loopback,
    port: 0,
    cf: false,
    telemetry: { enabled: false },
    unsafeLocalExplorer: true,
    // The explorer lists the objects whose storage it finds on disk.
    durableObjectsPersist: path.join(state, "durable-objects"),
    log: new Log(LogLevel.WARN),
    handleRuntimeStdio: (stdout, stderr) => {
      stdout.pipe(process.stderr);
      stderr.on("data", (chunk) => {
        process.stderr.write(chunk);
        runtimeErrors += chunk;
      });
    },
  });
  await mf.ready;
  // workerd only warns about a binding to a class the Worker does not export
  // (and says it may become a startup error); Cloudflare refuses such a
  // version (10070, 10061). The warning comes before workerd listens: once a
  // request has gone through workerd, it has been read.
  await mf.dispatchFetch("http://localhost/cdn-cgi/explorer/api/workers/durable_objects/namespaces");
  const unexported = runtimeErrors.split("\n").find((line) => line.includes("no such Durable Object class is exported"));
  if (unexported) throw new FixtureError(unexported.replace(/^.*?warning: /, ""));
  server = serve(mf, deployed, token);
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, loopback, resolve));
  const base = `http://${loopback}:${server.address().port}`;
  report({ api: `${base}/client/v4`, worker: `${base}/worker` });

  if (running) {
    const child = spawn(command[0], command.slice(1), {
      stdio: "inherit",
      env: { ...process.env, CLOUDFLARE_API_BASE_URL: `${base}/client/v4`, CLOUDFLARE_API_TOKEN: token },
    });
    child.on("error", (error) => {
      console.error(`fixture: cannot run ${command[0]}: ${error.message}`);
      stop(127);
    });
    child.on("exit", (code, signal) => stop(code ?? 128 + (signal ? 1 : 0)));
  } else {
    // The parent holds our stdin: when it goes, even by crashing, we go.
    process.stdin.on("end", () => stop(0));
    process.stdin.on("close", () => stop(0));
    process.stdin.resume();
  }
} catch (error) {
  // Miniflare's own message; when workerd refused the Worker, it says why on
  // stderr (a syntax error in a module, say), so that comes along.
  const message = error instanceof Error ? error.message : String(error);
  const runtimeSaid = error instanceof FixtureError ? "" : runtimeErrors.trim();
  report({ error: runtimeSaid ? `${message}\n${runtimeSaid}` : message });
  await stop(1);
}
