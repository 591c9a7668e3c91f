// A fake of the Cloudflare v4 API, enough for `wrangler deploy` (4.164) to
// run to its end: it answers the calls wrangler makes before and after the
// upload (see /work/shared/reference/wrangler-upload.md), records the upload
// itself (the multipart `PUT …/workers/scripts/{name}` or the
// `POST …/workers/scripts/{name}/versions`), and answers any call it does not
// know with HTTP 500, a line on stderr naming it, and an entry in `unknown`,
// so that a new call wrangler makes is noticed rather than misread.
//
//   const api = await startFakeApi({ workerExists: true, migrationTag: "v1" });
//   ... run wrangler with CLOUDFLARE_API_BASE_URL = api.baseUrl ...
//   api.uploads   // [{method, path, query, headers, parts: [{name, filename, content_type, body}]}]
//   api.unknown   // calls it did not answer
//   await api.close();
//
// It listens on 127.0.0.1 only. It is also meant to be the HTTP(S) proxy of
// the wrangler it serves (HTTPS_PROXY / HTTP_PROXY): a request for anything
// but 127.0.0.1 arrives here as CONNECT or as an absolute URL, and is refused
// and recorded as unknown, so nothing leaves the machine.

import http from "node:http";
import { randomUUID } from "node:crypto";

const API_PREFIX = "/client/v4";

// A v4 envelope.
function ok(result, extra = {}) {
    return { status: 200, body: { success: true, errors: [], messages: [], result, ...extra } };
}
function fail(status, code, message) {
    return { status, body: { success: false, errors: [{ code, message }], messages: [], result: null } };
}

// The parts of a multipart/form-data body, each {name, filename, content_type, body (Buffer)}.
export function parseMultipart(body, contentType) {
    const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? "");
    if (!match) {
        throw new Error(`not multipart/form-data with a boundary: ${contentType}`);
    }
    const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
    const parts = [];
    let position = body.indexOf(boundary);
    if (position < 0) {
        throw new Error("multipart body without its first boundary");
    }
    for (;;) {
        position += boundary.length;
        if (body.subarray(position, position + 2).toString() === "--") {
            break; // the closing boundary
        }
        if (body.subarray(position, position + 2).toString() !== "\r\n") {
            throw new Error("multipart boundary not followed by CRLF");
        }
        position += 2;
        const headerEnd = body.indexOf("\r\n\r\n", position);
        if (headerEnd < 0) {
            throw new Error("multipart part without the end of its headers");
        }
        const headers = {};
        for (const line of body.subarray(position, headerEnd).toString("utf8").split("\r\n")) {
            const colon = line.indexOf(":");
            if (colon > 0) {
                headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
            }
        }
        const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), boundary]), headerEnd + 4);
        if (next < 0) {
            throw new Error("multipart part without a closing boundary");
        }
        const disposition = headers["content-disposition"] ?? "";
        const field = (key) => {
            const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition);
            return m ? m[1].replace(/\\(.)/g, "$1") : null;
        };
        parts.push({
            name: field("name"),
            filename: field("filename"),
            content_type: headers["content-type"] ?? null,
            body: body.subarray(headerEnd + 4, next),
        });
        position = next + 2;
    }
    return parts;
}

// The deployed Worker as the API describes it, for the script named `name`.
function serviceResult(name, state) {
    const script = {
        id: name,
        etag: "fake-etag",
        handlers: ["fetch"],
        created_on: "2026-01-01T00:00:00.000000Z",
        modified_on: "2026-01-01T00:00:00.000000Z",
        last_deployed_from: "wrangler",
        compatibility_date: "2024-01-01",
        compatibility_flags: [],
        usage_model: "standard",
        ...(state.migrationTag !== undefined && { migration_tag: state.migrationTag }),
    };
    return {
        id: name,
        default_environment: {
            environment: "production",
            created_on: script.created_on,
            modified_on: script.modified_on,
            script,
        },
        created_on: script.created_on,
        modified_on: script.modified_on,
        usage_model: "standard",
        environments: [{ environment: "production", created_on: script.created_on, modified_on: script.modified_on }],
    };
}

// options: {workerExists (default false), migrationTag (a tag, or undefined
// for none; implies workerExists), log (a function for progress lines)}.
export async function startFakeApi(options = {}) {
    const state = {
        workerExists: Boolean(options.workerExists || options.migrationTag !== undefined),
        migrationTag: options.migrationTag,
    };
    const calls = [];
    const uploads = [];
    const unknown = [];
    const versionId = randomUUID();
    const log = options.log ?? (() => {});
    // What the fake knows of each Worker uploaded, to answer the reads after the upload.
    const uploadedMetadata = new Map();

    const routes = [];
    const route = (method, pattern, handler) => {
        const source = pattern.replace(/:[a-z_]+/g, "([^/]+)");
        routes.push({ method, regex: new RegExp(`^${API_PREFIX}${source}$`), handler });
    };
    const workerMissing = () => fail(404, 10007, "This Worker does not exist on your account.");

    // The Worker and its settings.
    route("GET", "/accounts/:a/workers/services/:name", (req, [, name]) =>
        state.workerExists ? ok(serviceResult(decodeURIComponent(name), state)) : workerMissing());
    route("GET", "/accounts/:a/workers/workers/:name", (req, [, name]) =>
        state.workerExists
            ? ok({ id: decodeURIComponent(name), name: decodeURIComponent(name), tags: [], logpush: false,
                   observability: { enabled: false }, subdomain: { enabled: true, previews_enabled: false },
                   tail_consumers: [], created_on: "2026-01-01T00:00:00Z", updated_on: "2026-01-01T00:00:00Z" })
            : workerMissing());
    route("GET", "/accounts/:a/workers/scripts/:name/settings", () =>
        state.workerExists
            ? ok({ bindings: [], compatibility_date: "2024-01-01", compatibility_flags: [], logpush: false,
                   tail_consumers: [], observability: { enabled: false }, placement: {}, tags: [],
                   usage_model: "standard" })
            : workerMissing());
    route("PATCH", "/accounts/:a/workers/scripts/:name/script-settings", () =>
        ok({ logpush: false, tail_consumers: [], observability: { enabled: false }, tags: [] }));
    route("PATCH", "/accounts/:a/workers/scripts/:name/settings", () => ok({}));
    route("GET", "/accounts/:a/workers/scripts/:name/secrets", () => ok([]));
    route("GET", "/accounts/:a/workers/scripts/:name/deployments", () =>
        ok({ deployments: state.workerExists ? [{
            id: randomUUID(), source: "wrangler", strategy: "percentage", author_email: "fake@example.com",
            created_on: "2026-01-01T00:00:00Z", versions: [{ version_id: randomUUID(), percentage: 100 }],
        }] : [] }));
    route("POST", "/accounts/:a/workers/scripts/:name/deployments", (req) =>
        ok({ id: randomUUID(), source: "wrangler", strategy: "percentage", created_on: "2026-01-01T00:00:00Z",
             versions: req.json?.versions ?? [], annotations: req.json?.annotations ?? {} }));
    route("GET", "/accounts/:a/workers/scripts/:name/versions/:id", (req, [, name, id]) => {
        const metadata = uploadedMetadata.get(decodeURIComponent(name)) ?? {};
        // The bindings as the API answers them: Durable Object namespaces get an id.
        const bindings = (metadata.bindings ?? []).map((binding) =>
            binding.type === "durable_object_namespace"
                ? { ...binding, namespace_id: `ns-${binding.class_name}` }
                : binding);
        return ok({
            id: decodeURIComponent(id), number: 1, metadata: { author_email: "fake@example.com", source: "wrangler",
            created_on: "2026-01-01T00:00:00Z", modified_on: "2026-01-01T00:00:00Z" },
            resources: { bindings, script: { etag: "fake-etag", handlers: ["fetch"] },
                         script_runtime: { compatibility_date: metadata.compatibility_date,
                                           compatibility_flags: metadata.compatibility_flags ?? [] } },
        });
    });

    // workers.dev and triggers.
    route("GET", "/accounts/:a/workers/subdomain", () => ok({ subdomain: "fake-subdomain" }));
    route("GET", "/accounts/:a/workers/scripts/:name/subdomain", () =>
        ok({ enabled: state.workerExists, previews_enabled: false }));
    route("POST", "/accounts/:a/workers/scripts/:name/subdomain", (req) =>
        ok({ enabled: req.json?.enabled ?? true, previews_enabled: req.json?.previews_enabled ?? false }));
    route("GET", "/accounts/:a/workers/scripts/:name/schedules", () => ok({ schedules: [] }));
    route("PUT", "/accounts/:a/workers/scripts/:name/schedules", (req) =>
        ok({ schedules: Array.isArray(req.json) ? req.json : [] }));
    route("GET", "/accounts/:a/workers/scripts/:name/routes", () => ok([]));
    route("GET", "/accounts/:a/workers/domains", () => ok([]));

    // Static assets: nothing needs uploading.
    route("POST", "/accounts/:a/workers/scripts/:name/assets-upload-session", () =>
        ok({ jwt: "fake-assets-completion-jwt", buckets: [] }));
    route("POST", "/accounts/:a/workers/dispatch/namespaces/:ns/scripts/:name/assets-upload-session", () =>
        ok({ jwt: "fake-assets-completion-jwt", buckets: [] }));

    // Resources some sections look up.
    route("GET", "/accounts/:a/queues", (req) => {
        const name = req.query.name ?? "queue";
        return ok([{ queue_name: name, queue_id: `queue-id-${name}`, created_on: "2026-01-01T00:00:00Z",
                     modified_on: "2026-01-01T00:00:00Z", producers: [], consumers: [] }],
                  { result_info: { page: 1, per_page: 100, count: 1, total_count: 1, total_pages: 1 } });
    });
    route("POST", "/accounts/:a/queues/:id/consumers", (req, [, id]) =>
        ok({ consumer_id: randomUUID(), queue_id: decodeURIComponent(id), created_on: "2026-01-01T00:00:00Z",
             ...(req.json ?? {}) }));
    route("GET", "/accounts/:a/workflows/:name", () => fail(404, 10200, "Workflow not found"));
    route("PUT", "/accounts/:a/workflows/:name", (req, [, name]) =>
        ok({ id: randomUUID(), name: decodeURIComponent(name), class_name: req.json?.class_name,
             script_name: req.json?.script_name, created_on: "2026-01-01T00:00:00Z",
             modified_on: "2026-01-01T00:00:00Z", version_id: randomUUID() }));
    route("GET", "/accounts/:a/workers/dispatch/namespaces", () =>
        ok([], { result_info: { page: 1, per_page: 100, count: 0, total_count: 0, total_pages: 1 } }));
    route("GET", "/accounts/:a/workers/dispatch/namespaces/:ns", (req, [, ns]) =>
        ok({ namespace_id: `dispatch-${ns}`, namespace_name: decodeURIComponent(ns), script_count: 0 }));
    route("POST", "/accounts/:a/workers/dispatch/namespaces", (req) =>
        ok({ namespace_id: `dispatch-${req.json?.name}`, namespace_name: req.json?.name, script_count: 0 }));
    // Every R2 bucket named exists (the answer to "is it there?" before provisioning).
    route("GET", "/accounts/:a/r2/buckets/:name", (req, [, name]) =>
        ok({ name: decodeURIComponent(name), creation_date: "2026-01-01T00:00:00Z", location: "ENAM",
             jurisdiction: req.headers["cf-r2-jurisdiction"] ?? "default" }));
    // Every AI Search and Agent Memory namespace named exists.
    route("GET", "/accounts/:a/ai-search/namespaces/:name", (req, [, name]) =>
        ok({ name: decodeURIComponent(name), created_at: "2026-01-01T00:00:00Z" }));
    route("GET", "/accounts/:a/agent-memory/namespaces/:name", (req, [, name]) =>
        ok({ name: decodeURIComponent(name), created_at: "2026-01-01T00:00:00Z" }));
    route("GET", "/accounts/:a/containers/applications", () => ok([]));
    route("POST", "/accounts/:a/containers/applications", (req) =>
        ok({ id: `app-${req.json?.name}`, created_at: "2026-01-01T00:00:00Z", version: 1,
             account_id: "fake", ...(req.json ?? {}) }));
    // A Durable Object-managed container's application (its id the
    // namespace's): none yet, so wrangler creates it.
    route("GET", "/accounts/:a/containers/applications/:id", () => fail(404, 1000, "Application not found"));
    route("GET", "/accounts/:a/containers/me", () =>
        ok({ defaults: { vcpus: 1, memory_mib: 256, disk_mb: 2000 }, limits: {}, locations: [], features: [] }));

    // The upload.
    const recordUpload = (req, [, name]) => {
        const parts = parseMultipart(req.body, req.headers["content-type"]);
        uploads.push({ method: req.method, path: req.path.slice(API_PREFIX.length), query: req.query,
                       headers: req.headers, parts });
        const metadataPart = parts.find((part) => part.name === "metadata");
        const metadata = metadataPart ? JSON.parse(metadataPart.body.toString("utf8")) : {};
        uploadedMetadata.set(decodeURIComponent(name), metadata);
        state.workerExists = true; // what wrangler reads after the upload finds it
        return metadata;
    };
    route("PUT", "/accounts/:a/workers/scripts/:name", (req, match) => {
        const metadata = recordUpload(req, match);
        return ok({
            id: decodeURIComponent(match[1]), etag: "fake-etag", handlers: ["fetch"],
            created_on: "2026-01-01T00:00:00Z", modified_on: "2026-01-01T00:00:00Z",
            deployment_id: versionId, startup_time_ms: 1, usage_model: "standard",
            compatibility_date: metadata.compatibility_date, has_modules: true, has_assets: false,
        });
    });
    route("POST", "/accounts/:a/workers/scripts/:name/versions", (req, match) => {
        recordUpload(req, match);
        return ok({ id: versionId, number: 2, startup_time_ms: 1,
                    metadata: { author_email: "fake@example.com", source: "wrangler",
                                created_on: "2026-01-01T00:00:00Z", modified_on: "2026-01-01T00:00:00Z" },
                    resources: { script: { etag: "fake-etag", handlers: ["fetch"] }, bindings: [] } });
    });

    const refuse = (description, res) => {
        unknown.push(description);
        process.stderr.write(`fake_api: no answer for ${description}\n`);
        const failure = fail(500, 9999, `the fake API does not answer ${description}`);
        res.writeHead(failure.status, { "content-type": "application/json" });
        res.end(JSON.stringify(failure.body));
    };

    const server = http.createServer((req, res) => {
        const chunks = [];
        req.on("data", (chunk) => chunks.push(chunk));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            if (!req.url.startsWith("/")) {
                // A request meant for another host, sent through us as the proxy.
                refuse(`${req.method} ${req.url} (outside the fake API)`, res);
                return;
            }
            const url = new URL(req.url, "http://127.0.0.1");
            const query = Object.fromEntries(url.searchParams);
            const description = `${req.method} ${url.pathname}${url.search}`;
            calls.push({ method: req.method, path: url.pathname, query });
            log(description);
            const request = { method: req.method, path: url.pathname, query, headers: req.headers, body };
            if ((req.headers["content-type"] ?? "").startsWith("application/json") && body.length > 0) {
                try {
                    request.json = JSON.parse(body.toString("utf8"));
                } catch {
                    request.json = undefined;
                }
            }
            for (const { method, regex, handler } of routes) {
                const match = regex.exec(url.pathname);
                if (method === req.method && match) {
                    let answer;
                    try {
                        answer = handler(request, match.slice(1));
                    } catch (error) {
                        unknown.push(`${description}: ${error.message}`);
                        process.stderr.write(`fake_api: ${description} failed: ${error.message}\n`);
                        answer = fail(500, 9999, error.message);
                    }
                    res.writeHead(answer.status, { "content-type": "application/json" });
                    res.end(JSON.stringify(answer.body));
                    return;
                }
            }
            refuse(description, res);
        });
    });
    // HTTPS through the proxy: refused, never tunnelled.
    server.on("connect", (req, socket) => {
        const description = `CONNECT ${req.url} (outside the fake API)`;
        unknown.push(description);
        process.stderr.write(`fake_api: no answer for ${description}\n`);
        socket.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    });

    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
    });
    const { port } = server.address();
    return {
        port,
        baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
        proxyUrl: `http://127.0.0.1:${port}`,
        calls,
        uploads,
        unknown,
        state,
        close: () => new Promise((resolve) => {
            server.closeAllConnections?.();
            server.close(() => resolve());
        }),
    };
}
