namespace Tokenizers.Compilation.Json;

internal enum JsonKind : byte { Null, False, True, Number, String, Array, Object }
