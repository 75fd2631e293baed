using System;
using System.IO;
using Microsoft.ML.Tokenizers;

// Usage: MlCount FILE   (prints the number of cl100k_base tokens, special-token text as text)
string text = File.ReadAllText(args[0]);
TiktokenTokenizer tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");
Console.WriteLine(tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true));
