// tiktoken's Rust core (tiktoken-rs, native, through npm @anysphere/tiktoken-node 0.2.1): counts cl100k_base tokens of
// a UTF-8 file as its binding is meant to be called, exactNumTokensNoSpecialTokens, asynchronously on its own thread.
// Usage: node tiktoken-count.js FILE   (prints the count)
const fs = require('fs');
const { getTokenizer, SupportedEncoding } = require('@anysphere/tiktoken-node');

(async () => {
  const text = fs.readFileSync(process.argv[2], 'utf8');
  const count = await getTokenizer().exactNumTokensNoSpecialTokens(text, SupportedEncoding.Cl100k);
  console.log(count);
})();
