using SharpJit.Codegen;
using SharpJit.Typing;
using Xunit;
using Assert = Xunit.Assert;

namespace SharpJit.Tests.Codegen;

/// <summary>Each type's model says whether its values have a truth value (typing asks it, lowering calls it); a type
/// without a model, or truth asked of a model without one, is an internal error at once, never a silent default.</summary>
public class TypeModelTests
{
    public static TheoryData<string, SjType, bool> Truths => new()
    {
        { "int", ScalarType.Int64, true },
        { "complex", ScalarType.Complex128, true },
        { "str", SimpleType.Str, true },
        { "None", SimpleType.None, true },
        { "range", SimpleType.Range, true },
        { "tuple", new TupleType(new SjType[] { ScalarType.Int64 }), true },
        { "list", new ListType(ScalarType.Float64), true },
        { "Optional[list]", new OptionalType(new ListType(ScalarType.Int64)), true },
        { "Optional[dtype]", new OptionalType(new DTypeType(ScalarType.Float64)), false },
        { "dtype", new DTypeType(ScalarType.Float64), false },
        // An array's truth runs code that may raise (one element, or ValueError): a registry entry, not the model.
        { "array", new ArrayType(ScalarType.Float64, 1), false },
    };

    [Theory, MemberData(nameof(Truths))]
    public void ModelsSayWhichValuesHaveTruth(string name, SjType type, bool hasTruth)
    {
        Assert.True(TypeModel.Of(type).HasTruth == hasTruth, name);
        Assert.Equal(hasTruth, SharpJit.Library.Arith.HasTruth(type));
    }

    [Fact]
    public void ATypeWithoutAModelThrowsAtFirstUse()
    {
        Assert.Null(TypeModel.TryOf(SimpleType.Unknown));
        var e = Assert.Throws<InvalidOperationException>(() => TypeModel.Of(SimpleType.Unknown));
        Assert.Contains("no data model", e.Message);
        Assert.False(SharpJit.Library.Arith.HasTruth(SimpleType.Unknown));
    }

    [Fact]
    public void TruthOfAModelWithoutOneThrows()
    {
        var model = TypeModel.Of(new DTypeType(ScalarType.Float64));
        var e = Assert.Throws<InvalidOperationException>(() => model.Truth(null!, default));
        Assert.Contains("no truth value", e.Message);
    }
}
