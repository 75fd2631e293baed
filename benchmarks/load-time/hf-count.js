// The Hugging Face side of cli-vs-hf.sh: what a user's one-shot count does with Hugging Face tokenizers' Rust core
// (0.22.2, npm @anush008/tokenizers 0.6.0): load a tokenizer.json, encode one UTF-8 file whole (no special tokens
// added), print the number of ids. Usage: node hf-count.js TOKENIZER_JSON FILE   (NODE_PATH: the binding's node_modules)
"use strict";
const fs = require("fs");
const { Tokenizer } = require("@anush008/tokenizers");

async function main() {
  const [tokenizerPath, file] = process.argv.slice(2);
  const tk = Tokenizer.fromFile(tokenizerPath);
  const encoding = await tk.encode(fs.readFileSync(file, "utf8"), null, { addSpecialTokens: false });
  console.log(encoding.getIds().length);
}

main().catch((e) => { console.error(e); process.exit(1); });
