using System;
using System.Collections.Generic;
using Tokenizers.Compilation;

namespace Tokenizers.HuggingFace;

/// <summary>
/// What a post-processor adds to one sequence when special tokens are asked for: ids before and after it.
/// <c>ByteLevel</c> adds none (it only trims offsets); <c>TemplateProcessing</c>'s <c>single</c> template puts its
/// special ids around the sequence; a <c>Sequence</c> applies each in turn to the previous one's result.
/// </summary>
internal sealed class SpecialIdTemplate
{
    private SpecialIdTemplate(int[] prefix, int[] suffix)
    {
        Prefix = prefix;
        Suffix = suffix;
    }

    public static SpecialIdTemplate None { get; } = new([], []);

    public int[] Prefix { get; }

    public int[] Suffix { get; }

    public bool IsEmpty => Prefix.Length == 0 && Suffix.Length == 0;

    public static SpecialIdTemplate Create(PostProcessorDef? definition)
    {
        var prefix = new List<int>();
        var suffix = new List<int>();
        Apply(definition, "post_processor");
        return prefix.Count == 0 && suffix.Count == 0 ? None : new SpecialIdTemplate(prefix.ToArray(), suffix.ToArray());

        void Apply(PostProcessorDef? def, string path)
        {
            switch (def)
            {
                case null:
                case ByteLevelPostProcessorDef:
                    return;
                case SequencePostProcessorDef sequence:
                    for (int i = 0; i < sequence.Items.Length; i++) Apply(sequence.Items[i], $"{path}.processors[{i}]");
                    return;
                case TemplateProcessingDef template:
                    int sequenceAt = -1;
                    for (int i = 0; i < template.Single.Length; i++)
                    {
                        if (template.Single[i] is not null) continue;
                        if (sequenceAt >= 0) throw new NotSupportedException($"{path}.single: a template that repeats the sequence is not supported.");
                        sequenceAt = i;
                    }
                    if (sequenceAt < 0) throw new NotSupportedException($"{path}.single: a template without the sequence is not supported.");
                    var before = new List<int>();
                    for (int i = 0; i < sequenceAt; i++) before.AddRange(template.Single[i]!);
                    prefix.InsertRange(0, before);
                    for (int i = sequenceAt + 1; i < template.Single.Length; i++) suffix.AddRange(template.Single[i]!);
                    return;
                default:
                    throw new NotSupportedException($"{path}: the post-processor {def.GetType().Name} is not supported.");
            }
        }
    }
}
