// Hugging Face tokenizers' Rust core (0.22.2, through the native binding npm @anush008/tokenizers 0.6.0), timed in
// process on the benchmark's own corpora, for the quick mode's "HF tokenizers (Rust)" column.
// Usage: node hf-rust.js TOKENIZER_JSON SECONDS FILE...   (NODE_PATH: the node_modules holding the binding)
// Each file (UTF-8) is encoded whole, one call at a time (encode, add_special_tokens=False): a warm-up on a 4,000-char
// slice and on the whole text, then repeated calls for SECONDS. stdout: one JSON line a file,
// {"file", "bytes", "ids", "seconds_per_call", "mb_per_s"}.
"use strict";
const fs = require("fs");
const { Tokenizer } = require("@anush008/tokenizers");

async function main() {
  const [tokenizerPath, secondsText, ...files] = process.argv.slice(2);
  const seconds = Number(secondsText);
  const tk = Tokenizer.fromFile(tokenizerPath);
  const options = { addSpecialTokens: false };
  const encode = async (text) => (await tk.encode(text, null, options)).getIds().length;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const bytes = Buffer.byteLength(text, "utf8");
    const slice = text.slice(0, 4000);
    for (let i = 0; i < 50; i++) await encode(slice);
    let start = process.hrtime.bigint();
    let ids = 0;
    do ids = await encode(text); while (Number(process.hrtime.bigint() - start) / 1e9 < seconds / 2);
    start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0;
    do {
      await encode(text);
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
