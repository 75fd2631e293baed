namespace Tokenizers.Compilation;

/// <summary>
/// The double-array trie's unit, as the generator's builder writes it and the runtime's reader reads it (one source,
/// compiled into both): <c>label | used &lt;&lt; 8 | base &lt;&lt; 9</c>, and beside it the slot's value.
/// </summary>
internal static class TrieLayout
{
    /// <summary>Set in every slot that holds a node, so a label of 0 is told from an empty slot.</summary>
    public const uint Used = 1u << 8;

    /// <summary>Where a unit's base starts.</summary>
    public const int BaseShift = 9;

    /// <summary>The label and the used bit: what a child's check compares.</summary>
    public const uint LabelAndUsed = Used | 0xFF;

    /// <summary>The largest base a unit can hold.</summary>
    public const int MaxBase = (int)(uint.MaxValue >> BaseShift);

    /// <summary>The bits of a value that hold its rank.</summary>
    public const int RankBits = 23;

    /// <summary>The largest rank (or other non-negative value) a trie value holds; readers mask the split off with it.</summary>
    public const int RankMask = (1 << RankBits) - 1;

    /// <summary>
    /// Above the rank, a value of a BPE trie holds the byte length of the left half of the token's last merge (its
    /// split), or <see cref="SplitEscape"/> when that does not fit (the split table has it).
    /// </summary>
    public const int SplitEscape = 0xFF;

    /// <summary>uint32s a slot: unit, value.</summary>
    public const int SlotWidth = 2;
}
