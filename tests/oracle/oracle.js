// The differential oracle: tiktoken's Rust core (npm package tiktoken 1.0.22, a WASM build) behind a line protocol.
// stdin: one JSON object a line, {"t": text, "q": [[encoding, mode], ...]} with mode "o" (encode_ordinary),
// "a" (encode with allowed_special "all") or "d" (encode with the defaults: any special-token text is an error).
// stdout: one JSON array a line, in order, one element per query: the ids, or {"error": message}.
// JS strings reach the WASM module through TextEncoder, so lone surrogates arrive as U+FFFD, as in Python's tiktoken.
"use strict";
const readline = require("readline");
const { get_encoding } = require("tiktoken");

const encodings = new Map();
function encoding(name) {
  let e = encodings.get(name);
  if (!e) {
    e = get_encoding(name);
    encodings.set(name, e);
  }
  return e;
}

function run(text, name, mode) {
  const e = encoding(name);
  try {
    const ids = mode === "o" ? e.encode_ordinary(text) : mode === "a" ? e.encode(text, "all") : e.encode(text);
    return Array.from(ids);
  } catch (x) {
    return { error: String(x && x.message ? x.message : x) };
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });

const write = require("./answer-writer")(rl);

const out = [];
function flush() {
  if (out.length) {
    write(out.join(""));
    out.length = 0;
  }
}

rl.on("line", (line) => {
  if (line.length === 0) return;
  const request = JSON.parse(line);
  out.push(JSON.stringify(request.q.map(([name, mode]) => run(request.t, name, mode))) + "\n");
  // A request that asks for an immediate answer (the shrinker's) is flushed at once; batches in blocks.
  if (request.f || out.length >= 256) flush();
});
rl.on("close", () => {
  flush();
  for (const e of encodings.values()) e.free();
});
