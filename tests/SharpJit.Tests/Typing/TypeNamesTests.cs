using SharpJit.Typing;
using Xunit;

namespace SharpJit.Tests.Typing;

/// <summary>TypeNames reads back the names the compiler gives types: the disk cache stores a function's return type by
/// name, and a name it could not read made every function returning an array miss the cache.</summary>
public class TypeNamesTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        var types = new SjType[]
        {
            ScalarType.Float64, ScalarType.Bool, ScalarType.Complex64, SimpleType.Str, SimpleType.None,
            new ArrayType(ScalarType.Float64, 2), new ArrayType(ScalarType.Int8, 1, ArrayLayout.A, readOnly: true),
            new ArrayType(ScalarType.Complex128, 3, ArrayLayout.F), new ArrayType(ScalarType.UInt16, 0),
            new ListType(ScalarType.Int64), new ListType(new ArrayType(ScalarType.Float32, 1)),
            new DictType(SimpleType.Str, new ListType(ScalarType.Float64)), new SetType(ScalarType.Int64),
            new SetType(ScalarType.Int32, frozen: true),
            new TupleType(new SjType[] { new ArrayType(ScalarType.Bool, 2, ArrayLayout.A), ScalarType.Int64 }),
        };
        foreach (var t in types) data.Add(t.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_types_name_reads_back_as_that_type(string name)
    {
        var parsed = TypeNames.Parse(name);
        Assert.Equal(name, parsed.Name);
    }

    [Theory]
    [InlineData("array(float64, 2, C)")]
    [InlineData("array(float64, 2d, K)")]
    [InlineData("array(float64, 2d, 1)")]
    [InlineData("array(float64, 2d, C, writable)")]
    [InlineData("array(str, 1d, C)")]
    [InlineData("Dict(int64)")]
    public void Malformed_names_are_argument_errors(string name) =>
        Assert.Throws<ArgumentException>(() => TypeNames.Parse(name));
}
