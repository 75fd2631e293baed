// The differential oracle for tokenizer.json: Hugging Face tokenizers 0.22.2 (the Rust core, native binding npm
// @anush008/tokenizers 0.6.0) behind a line protocol. Usage: node oracle.js MODELS_DIR (MODELS_DIR/<model>/tokenizer.json).
// stdin: one JSON object a line, {"m": model, "t": [text, ...], "s": 0 or 1}: encode every text of the batch with
// addSpecialTokens = s (0: the model's ids only, as HF's encode(text, add_special_tokens=False); 1: the
// post-processor's BOS/EOS too). Added tokens in the text are always matched, as Hugging Face does.
// A request {"m": model, "d": [[id, ...], ...]} instead decodes each id array (decode(ids, skip_special_tokens=false)).
// stdout: one JSON line a request, in order: an array of id arrays (one per text), or of strings (one per decoded
// array), or {"error": message}.
"use strict";
const path = require("path");
const readline = require("readline");
const { Tokenizer } = require("@anush008/tokenizers");

const modelsDir = process.argv[2];
if (!modelsDir) {
  process.stderr.write("usage: node oracle.js MODELS_DIR\n");
  process.exit(2);
}

const tokenizers = new Map();
function tokenizer(model) {
  let tk = tokenizers.get(model);
  if (!tk) {
    tk = Tokenizer.fromFile(path.join(modelsDir, model, "tokenizer.json"));
    tokenizers.set(model, tk);
  }
  return tk;
}

async function answer(request) {
  try {
    if (request.d) {
      const texts = [];
      for (const ids of request.d) texts.push(await tokenizer(request.m).decode(ids, false));
      return JSON.stringify(texts);
    }
    const options = { addSpecialTokens: request.s === 1 };
    // encodeBatch runs the batch on HF's own thread pool; one text is encoded alone, as the shrinker asks.
    const encodings = request.t.length === 1
      ? [await tokenizer(request.m).encode(request.t[0], null, options)]
      : await tokenizer(request.m).encodeBatch(request.t, options);
    return JSON.stringify(encodings.map((e) => Array.from(e.getIds())));
  } catch (x) {
    return JSON.stringify({ error: String(x && x.message ? x.message : x) });
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });

// Shared with the tiktoken oracle, beside it in the source tree.
const write = require("../oracle/answer-writer")(rl);

// Requests are answered strictly in order: each waits for the one before it.
let last = Promise.resolve();
rl.on("line", (line) => {
  if (line.length === 0) return;
  const request = JSON.parse(line);
  const pending = answer(request);
  last = last.then(() => pending).then((json) => write(json + "\n"));
});
