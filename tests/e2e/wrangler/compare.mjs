// Compares the upload metadata wrangler sent with the metadata cfdo builds,
// as JSON values: key order is ignored, array order is kept. Left out on both
// sides first: what only wrangler sends (package_dependencies, annotations,
// capnp_schema, assets.jwt); an absent compatibility_flags or bindings reads
// as [] (cfdo leaves empty arrays out, as Cloudflare's SDK does).
//
//   node compare.mjs WRANGLER_JSON CFDO_METADATA_JSON
//
// WRANGLER_JSON is what run_wrangler.mjs prints (its `metadata` is taken) or
// bare metadata; CFDO_METADATA_JSON is the metadata object. Prints every
// difference as a JSON pointer with both values and exits 1 when there is one,
// 0 when they are equal, 2 on unusable input.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Fields wrangler sends that say nothing about the Worker version itself.
export const IGNORED_FIELDS = ["/package_dependencies", "/annotations", "/capnp_schema", "/assets/jwt"];

const ABSENT = Symbol("absent");

function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

// A copy of `metadata` with the ignored fields left out and the defaults read in.
export function normalizeMetadata(metadata) {
    if (!isObject(metadata)) {
        throw new TypeError(`metadata is not a JSON object: ${JSON.stringify(metadata)}`);
    }
    const copy = structuredClone(metadata);
    for (const pointer of IGNORED_FIELDS) {
        const keys = pointer.split("/").slice(1);
        let parent = copy;
        for (const key of keys.slice(0, -1)) {
            parent = isObject(parent) ? parent[key] : undefined;
        }
        if (isObject(parent)) {
            delete parent[keys.at(-1)];
        }
    }
    for (const array of ["compatibility_flags", "bindings"]) {
        if (copy[array] === undefined) {
            copy[array] = [];
        }
    }
    return copy;
}

function escapePointer(key) {
    return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

// Every difference between two JSON values: [{path, left, right}], `left` or
// `right` being the symbol ABSENT where the member or element is missing.
export function diffJson(left, right, pointer = "") {
    if (Array.isArray(left) && Array.isArray(right)) {
        const diffs = [];
        for (let i = 0; i < Math.max(left.length, right.length); ++i) {
            const l = i < left.length ? left[i] : ABSENT;
            const r = i < right.length ? right[i] : ABSENT;
            // Elements that are objects named differently (bindings out of
            // order, one missing) are shown whole, not member by member.
            if (isObject(l) && isObject(r) && l.name !== r.name) {
                diffs.push({ path: `${pointer}/${i}`, left: l, right: r });
            } else {
                diffs.push(...diffJson(l, r, `${pointer}/${i}`));
            }
        }
        return diffs;
    }
    if (isObject(left) && isObject(right)) {
        const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
        return keys.flatMap((key) => diffJson(key in left ? left[key] : ABSENT, key in right ? right[key] : ABSENT,
                                              `${pointer}/${escapePointer(key)}`));
    }
    // Scalars (JSON numbers compare as numbers: 300 and 300.0 are equal), or a
    // value against one of another kind or an absent one.
    return left === right ? [] : [{ path: pointer === "" ? "" : pointer, left, right }];
}

// The differences between wrangler's metadata and cfdo's, after normalizing both.
export function compareMetadata(wranglerMetadata, cfdoMetadata) {
    return diffJson(normalizeMetadata(wranglerMetadata), normalizeMetadata(cfdoMetadata));
}

function show(value) {
    return value === ABSENT ? "(absent)" : JSON.stringify(value);
}

// The differences as lines of text, naming the two sides.
export function formatDiffs(diffs, leftName = "wrangler", rightName = "cfdo") {
    const width = Math.max(leftName.length, rightName.length);
    return diffs.map(({ path: at, left, right }) =>
        `${at === "" ? "(the whole value)" : at}\n  ${leftName.padEnd(width)}: ${show(left)}\n  ${rightName.padEnd(width)}: ${show(right)}`).join("\n");
}

// run_wrangler's output holds the metadata under `metadata`; bare metadata is itself.
export function wranglerMetadataOf(json) {
    return isObject(json) && isObject(json.metadata) && Array.isArray(json.parts) ? json.metadata : json;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const [wranglerFile, cfdoFile] = process.argv.slice(2);
    if (!wranglerFile || !cfdoFile || process.argv.length > 4) {
        process.stderr.write("usage: node compare.mjs WRANGLER_JSON CFDO_METADATA_JSON\n");
        process.exit(2);
    }
    let diffs;
    try {
        const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
        diffs = compareMetadata(wranglerMetadataOf(read(wranglerFile)), read(cfdoFile));
    } catch (error) {
        process.stderr.write(`compare: ${error.message}\n`);
        process.exit(2);
    }
    if (diffs.length > 0) {
        process.stdout.write(`${diffs.length} difference${diffs.length === 1 ? "" : "s"} between the metadata:\n${formatDiffs(diffs)}\n`);
        process.exit(1);
    }
    process.stdout.write("the metadata are equal\n");
}
