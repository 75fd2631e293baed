// Hugging Face tokenizers 0.22.2 (npm @anush008/tokenizers 0.6.0) as the oracle of the decoder:
// node hf-decode.js TOKENIZER_JSON INPUT_JSON OUTPUT_JSON, where INPUT_JSON is an array of id arrays and OUTPUT_JSON
// receives, per array, decode(ids, skip_special_tokens = false). NODE_PATH must reach the package.
"use strict";
const fs = require("fs");
const { Tokenizer } = require("@anush008/tokenizers");

async function main() {
  const [tokenizerPath, inputPath, outputPath] = process.argv.slice(2);
  const tk = Tokenizer.fromFile(tokenizerPath);
  const out = [];
  for (const ids of JSON.parse(fs.readFileSync(inputPath, "utf8"))) out.push(await tk.decode(ids, false));
  fs.writeFileSync(outputPath, JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
