// Hugging Face tokenizers 0.22.2 (npm @anush008/tokenizers 0.6.0) as the oracle of the whole pipeline:
// node hf-pipeline.js TOKENIZER_JSON INPUT_JSON OUTPUT_JSON, where INPUT_JSON is an array of strings and OUTPUT_JSON
// receives, per text, [ids without special tokens, ids with them]. NODE_PATH must reach the package.
"use strict";
const fs = require("fs");
const { Tokenizer } = require("@anush008/tokenizers");

async function main() {
  const [tokenizerPath, inputPath, outputPath] = process.argv.slice(2);
  const tk = Tokenizer.fromFile(tokenizerPath);
  const texts = JSON.parse(fs.readFileSync(inputPath, "utf8"));
  const out = [];
  for (const text of texts) {
    const plain = Array.from((await tk.encode(text, null, { addSpecialTokens: false })).getIds());
    const special = Array.from((await tk.encode(text, null, { addSpecialTokens: true })).getIds());
    out.push([plain, special]);
  }
  fs.writeFileSync(outputPath, JSON.stringify(out));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
