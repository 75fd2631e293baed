using System.Collections;
using System.Reflection;

namespace Tokenizers.Tests.Compilation;

/// <summary>Structural equality of definitions: records compare arrays by reference, so this walks them.</summary>
public static class DefinitionAssert
{
    public static void Equal(object? expected, object? actual) => Compare(expected, actual, "definition");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, found {actual ?? "null"}");
            return;
        }
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, found a {actual.GetType().Name}");
        if (expected is string || expected.GetType().IsPrimitive || expected.GetType().IsEnum)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, found {actual}");
            return;
        }
        if (expected is IList list)
        {
            var other = (IList)actual;
            Assert.True(list.Count == other.Count, $"{path}: expected {list.Count} items, found {other.Count}");
            for (int i = 0; i < list.Count; i++) Compare(list[i], other[i], $"{path}[{i}]");
            return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract" || property.GetIndexParameters().Length > 0) continue;
            Compare(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
        }
    }
}
