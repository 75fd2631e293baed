// Hugging Face tokenizers' Rust core (0.22.2, through the native binding npm @anush008/tokenizers 0.6.0), timed in
// process on the benchmark's own corpora, for the quick mode's "HF tokenizers (Rust)" column.
// Usage: node hf-rust.js TOKENIZER_JSON   (NODE_PATH: the node_modules holding the binding)
// Serves timing requests, one a line on stdin: "SECONDS FILE". The file (UTF-8) is encoded whole, one call at a time
// (encode, add_special_tokens=False): on a file's first request a warm-up on a 4,000-char slice and on the whole text,
// then repeated calls for SECONDS (at least two). stdout: one JSON line a request,
// {"file", "bytes", "ids", "seconds_per_call", "mb_per_s"}. The quick mode alternates these requests with its own
// timings of the same text, so that both sides see the same load.
"use strict";
const fs = require("fs");
const readline = require("readline");
const { Tokenizer } = require("@anush008/tokenizers");

async function main() {
  const [tokenizerPath] = process.argv.slice(2);
  const tk = Tokenizer.fromFile(tokenizerPath);
  const options = { addSpecialTokens: false };
  const encode = async (text) => (await tk.encode(text, null, options)).getIds().length;
  const texts = new Map();
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const space = line.indexOf(" ");
    const seconds = Number(line.slice(0, space));
    const file = line.slice(space + 1);
    let text = texts.get(file);
    if (text === undefined) {
      text = fs.readFileSync(file, "utf8");
      texts.set(file, text);
      const slice = text.slice(0, 4000);
      for (let i = 0; i < 50; i++) await encode(slice);
      await encode(text);
    }
    const bytes = Buffer.byteLength(text, "utf8");
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0;
    let ids = 0;
    do {
      ids = await encode(text);
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    } while (elapsed < seconds || calls < 2);
    const perCall = elapsed / calls;
    process.stdout.write(JSON.stringify({ file, bytes, ids, seconds_per_call: perCall, mb_per_s: bytes / 1e6 / perCall }) + "\n");
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
