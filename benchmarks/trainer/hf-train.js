// Trains Hugging Face tokenizers' BPE (its Rust trainer, natively) with GPT-2's byte-level pre-tokenization on one
// file and prints one line: seconds and vocabulary size. The binding exposes only the model's default trainer:
// vocabulary size 30,000, minimum frequency 0, every core (rayon).
const { Tokenizer, BPE, byteLevelPreTokenizer } = require('@anush008/tokenizers');
const file = process.argv[2];
const tokenizer = new Tokenizer(BPE.empty());
tokenizer.setPreTokenizer(byteLevelPreTokenizer(false, true));
const start = process.hrtime.bigint();
tokenizer.train([file]);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`hf ${seconds.toFixed(2)} s, vocabulary ${tokenizer.getVocabSize()}`);
