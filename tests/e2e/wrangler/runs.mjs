// The configurations under configs/ and the runs each asks for, shared by
// capture_all.mjs and differential.mjs (and mirrored by CMakeLists.txt, which
// names the tests the same way).
//
// configs/<name>/ holds one wrangler configuration (wrangler.jsonc,
// wrangler.json or wrangler.toml), the sources its `main` names, and runs.json:
// a list of runs, each {"args": [...run_wrangler arguments besides --config],
// "note"?: "..."}. A run is named <name> when it is the only one, else
// <name>.<index>.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const CONFIGS = path.join(here, "configs");
const CONFIG_FILES = ["wrangler.jsonc", "wrangler.json", "wrangler.toml"];

// The configuration file in a configuration's directory.
export function configFileOf(directory) {
    const found = CONFIG_FILES.map((file) => path.join(directory, file)).filter((file) => fs.existsSync(file));
    if (found.length !== 1) {
        throw new Error(`${directory} needs exactly one of ${CONFIG_FILES.join(", ")}`);
    }
    return found[0];
}

// Every run of every configuration (or of those named): [{name, config, args, note}].
export function allRuns(only = []) {
    const names = fs.readdirSync(CONFIGS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    for (const wanted of only) {
        if (!names.includes(wanted)) {
            throw new Error(`no configuration named ${wanted} under ${CONFIGS}`);
        }
    }
    return names.filter((name) => only.length === 0 || only.includes(name)).flatMap((name) => {
        const directory = path.join(CONFIGS, name);
        const runs = JSON.parse(fs.readFileSync(path.join(directory, "runs.json"), "utf8"));
        return runs.map((run, index) => ({
            name: runs.length === 1 ? name : `${name}.${index}`,
            config: configFileOf(directory),
            args: run.args ?? [],
            note: run.note,
        }));
    });
}

// JSONC as wrangler reads it: comments and trailing commas allowed.
export function parseJsonc(text) {
    let out = "";
    for (let i = 0; i < text.length; ++i) {
        const c = text[i];
        if (c === "\"") {
            const start = i;
            for (++i; i < text.length && text[i] !== "\""; ++i) {
                if (text[i] === "\\") {
                    ++i;
                }
            }
            out += text.slice(start, i + 1);
        } else if (c === "/" && text[i + 1] === "/") {
            while (i < text.length && text[i] !== "\n") {
                ++i;
            }
            out += "\n";
        } else if (c === "/" && text[i + 1] === "*") {
            i = text.indexOf("*/", i + 2);
            if (i < 0) {
                throw new Error("unterminated comment");
            }
            ++i;
        } else {
            out += c;
        }
    }
    return JSON.parse(out.replace(/,(\s*[}\]])/g, "$1"));
}

// The `main` of a configuration (of its environment `env`, when that has its
// own), as an absolute path. TOML is read only as far as a top-level
// `main = "..."` line.
export function mainOf(configPath, env) {
    const text = fs.readFileSync(configPath, "utf8");
    let main;
    if (configPath.endsWith(".toml")) {
        const topLevel = text.split(/^\s*\[/m)[0];
        main = /^\s*main\s*=\s*"([^"]*)"/m.exec(topLevel)?.[1];
    } else {
        const config = parseJsonc(text);
        main = (env !== undefined ? config.env?.[env]?.main : undefined) ?? config.main;
    }
    if (main === undefined) {
        throw new Error(`${configPath} has no main`);
    }
    return path.resolve(path.dirname(configPath), main);
}
