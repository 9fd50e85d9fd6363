using SharpJit.Llvm;
using Xunit;

namespace SharpJit.Tests.Llvm;

/// <summary>One reading of the host CPU's features (LlvmTarget.HasHostFeature) for every place that asks.</summary>
public class HostFeatureTests
{
    [Fact]
    public void FeaturesAreWholeNamesLlvmReportsEnabled()
    {
        var reported = LlvmTarget.HostCpuFeatures.Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(reported);
        foreach (var f in reported)
            Assert.Equal(f[0] == '+', LlvmTarget.HasHostFeature(f[1..]));
        // A prefix of a feature's name is no feature (a substring test took "avx512" for "avx512f").
        Assert.False(LlvmTarget.HasHostFeature("avx512"));
        Assert.False(LlvmTarget.HasHostFeature("+avx2"));
        Assert.True(LlvmTarget.HasHostFeature("sse2"));   // every x86-64 CPU
    }
}
