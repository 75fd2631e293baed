using Tokenizers.Compilation;
using Tokenizers.HuggingFace;

namespace Tokenizers.Tests.HuggingFace;

/// <summary>
/// Post-processors as ids around one sequence (processors/template.rs: the single template; processors/sequence.rs:
/// each processor on the previous one's output; byte_level.rs: adds no tokens).
/// </summary>
public class SpecialIdTemplateTests
{
    [Fact]
    public void Template_puts_its_special_ids_around_the_sequence()
    {
        var bos = SpecialIdTemplate.Create(new TemplateProcessingDef([[1], null]));
        Assert.Equal([1], bos.Prefix);
        Assert.Empty(bos.Suffix);
        var both = SpecialIdTemplate.Create(new TemplateProcessingDef([[101], null, [102, 103]]));
        Assert.Equal([101], both.Prefix);
        Assert.Equal([102, 103], both.Suffix);
    }

    [Fact]
    public void Sequence_applies_each_processor_to_the_last_result_and_ByteLevel_adds_nothing()
    {
        Assert.True(SpecialIdTemplate.Create(new ByteLevelPostProcessorDef()).IsEmpty);
        Assert.True(SpecialIdTemplate.Create(null).IsEmpty);
        var nested = SpecialIdTemplate.Create(new SequencePostProcessorDef([
            new ByteLevelPostProcessorDef(), new TemplateProcessingDef([[1], null]), new TemplateProcessingDef([[5], null, [6]])]));
        Assert.Equal([5, 1], nested.Prefix);
        Assert.Equal([6], nested.Suffix);
    }

    [Fact]
    public void A_template_repeating_the_sequence_is_refused()
        => Assert.Throws<NotSupportedException>(() => SpecialIdTemplate.Create(new TemplateProcessingDef([null, [1], null])));
}
