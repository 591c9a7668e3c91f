// Runs every case of cases.json through Cloudflare's own TypeScript SDK with a
// fetch that records the request instead of sending it (no network), and
// writes what the SDK sent, normalized so that cfdo's request can be compared
// with it as JSON values:
//
//   node capture.mjs cases.json sdk-requests.json
//
// Each record: {name, method, path, query, body}, where
//   path  is the URL path below the API root (/client/v4), still encoded;
//   query is an object of decoded parameter values;
//   encoded_query is the same parameters as sent, still percent-encoded;
//   body  is null, {json: value}, or {multipart_base64, content_type}: the
//         bytes of the multipart body Node would send, and their boundary.
import { readFileSync, writeFileSync } from 'node:fs';
import { Buffer, File } from 'node:buffer';

let Cloudflare;
try {
  ({ default: Cloudflare } = await import('cloudflare'));
} catch (error) {
  console.error(`cannot load Cloudflare's SDK (${error.message}); run \`npm ci\` in tests/e2e/sdk (scripts/test does)`);
  process.exit(1);
}

const [casesFile, outputFile] = process.argv.slice(2);
if (!casesFile || !outputFile) {
  console.error('usage: node capture.mjs cases.json output.json');
  process.exit(2);
}

const apiRoot = '/client/v4';

async function normalizeBody(body) {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return { json: JSON.parse(body) };
  if (body instanceof FormData) {
    // The bytes Node's fetch would send, with their boundary: the comparison
    // parses them exactly as it parses cfdo's.
    const response = new Response(body);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { multipart_base64: bytes.toString('base64'), content_type: response.headers.get('content-type') };
  }
  throw new Error(`unexpected request body of type ${Object.prototype.toString.call(body)}`);
}

// Each query parameter as sent, still percent-encoded: compared one by one,
// so that the order of the params object does not matter but the encoding
// does.
function encodedQuery(search) {
  const encoded = {};
  for (const pair of search.replace(/^\?/, '').split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    encoded[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return encoded;
}

function clientRecordingInto(records) {
  const fetch = async (url, init) => {
    const parsed = new URL(String(url));
    if (!parsed.pathname.startsWith(apiRoot)) throw new Error(`request outside the API root: ${url}`);
    records.push({
      method: init.method,
      path: parsed.pathname.slice(apiRoot.length),
      query: Object.fromEntries(parsed.searchParams.entries()),
      encoded_query: encodedQuery(parsed.search),
      body: await normalizeBody(init.body),
    });
    // An empty success, enough for the SDK to resolve the call.
    return new Response(JSON.stringify({ success: true, errors: [], messages: [], result: {} }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return new Cloudflare({ apiToken: 'token-never-sent', fetch, maxRetries: 0 });
}

// How each operation is called, from the SDK params plus the path parameters
// under their API names.
const operations = {
  'durableObjects.namespaces.list': (client, params) => client.durableObjects.namespaces.list(params),
  'durableObjects.namespaces.objects.list': (client, { id, ...params }) =>
    client.durableObjects.namespaces.objects.list(id, params),
  'workers.beta.workers.versions.create': (client, { worker_id, ...params }) =>
    client.workers.beta.workers.versions.create(worker_id, params),
  'workersForPlatforms.dispatch.namespaces.scripts.get': (client, { script_name, ...params }) =>
    client.workersForPlatforms.dispatch.namespaces.scripts.get(script_name, params),
  // The SDK 7.x types `metadata` as an object, but its generic form encoder
  // then flattens it into `metadata[main_module]`-style fields that
  // Cloudflare rejects (cloudflare-typescript#2799), and sends `files` as
  // `files[]` parts. The call below is the one that produces the wire format
  // Cloudflare documents: `metadata` as one JSON field, and one part per
  // module named after it.
  'workers.scripts.update': (client, { script_name, account_id, metadata, files = [] }) => {
    const params = { account_id, metadata: JSON.stringify(metadata) };
    for (const file of files) {
      params[file.name] = new File([Buffer.from(file.content_base64, 'base64')], file.name, { type: file.content_type });
    }
    return client.workers.scripts.update(script_name, params);
  },
};

const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const captured = [];
for (const { name, operation, params } of cases) {
  const call = operations[operation];
  if (!call) throw new Error(`case ${name}: unknown operation ${operation}`);
  const records = [];
  const client = clientRecordingInto(records);
  const result = call(client, structuredClone(params));
  // List calls return a page promise; awaiting it sends the first request only.
  await result;
  if (records.length !== 1) throw new Error(`case ${name}: the SDK sent ${records.length} requests, expected 1`);
  captured.push({ name, ...records[0] });
}
writeFileSync(outputFile, JSON.stringify(captured, null, 2) + '\n');
console.log(`captured ${captured.length} SDK requests into ${outputFile}`);
