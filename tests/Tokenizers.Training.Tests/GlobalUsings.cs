global using Tokenizers.Training.Tests.Compiled;
