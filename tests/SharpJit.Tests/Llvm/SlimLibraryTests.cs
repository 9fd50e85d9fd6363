using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using SharpJit.Llvm;
using SharpJit.Tests.Programs;
using Xunit;

namespace SharpJit.Tests.Llvm;

/// <summary>The x86-only LLVM linked by scripts/build-llvm.sh: preferred when present, and complete for the binding.</summary>
public sealed class SlimLibraryTests
{
    private static string SlimPath => Path.Combine(AppContext.BaseDirectory, LlvmLibrary.SlimFileName);

    [Fact]
    public void BuildPlacesTheSlimLibraryNextToTheAssembly_AndItIsTriedFirst()
    {
        Assert.True(File.Exists(SlimPath), $"{SlimPath} missing: the build's LinkSlimLlvm target did not run");
        Assert.Equal(SlimPath, LlvmLibrary.Candidates[0]);
    }

    private static readonly Regex OtherTarget = new(
        "^LLVMInitialize(AArch64|AMDGPU|ARM|AVR|BPF|Hexagon|Lanai|LoongArch|M68k|MSP430|Mips|NVPTX|PowerPC|RISCV|Sparc|SystemZ|VE|WebAssembly|XCore|Xtensa)");

    [Fact]
    public void EveryFunctionTheBindingDeclares_IsExported()
    {
        var declared = Directory.GetFiles(Corpus.PathOf("src", "SharpJit", "Llvm", "Native"), "*.g.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "EntryPoint = \"(LLVM\\w+)\"").Select(m => m.Groups[1].Value))
            .Where(name => !OtherTarget.IsMatch(name))
            .Distinct().ToList();
        Assert.True(declared.Count > 1000);
        var handle = NativeLibrary.Load(SlimPath);
        var missing = declared.Where(name => !NativeLibrary.TryGetExport(handle, name, out _)).ToList();
        Assert.True(missing.Count == 0, "not exported: " + string.Join(", ", missing.Take(20)));
        // Only LLVM-C is exported: LLVM's C++ symbols stay inside, so they cannot clash with another LLVM in the process.
        Assert.False(NativeLibrary.TryGetExport(handle, "_ZN4llvm11LLVMContextC1Ev", out _));
    }
}
