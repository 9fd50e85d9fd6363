using System;
using System.Runtime.InteropServices;
using SharpJit.Llvm;
using Xunit;

namespace SharpJit.Tests.Llvm;

public sealed unsafe class JitSessionTests
{
    // ------------------------------------------------------------------ IR helpers

    private static LLVMValueRef DefineAdd(LLVMContextRef c, LLVMModuleRef m, string name = "add")
    {
        var i64 = LLVM.Int64TypeInContext(c);
        var fnTy = LLVM.FunctionType(i64, [i64, i64]);
        var fn = LLVM.AddFunction(m, name, fnTy);
        var b = LLVM.CreateBuilderInContext(c);
        try
        {
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
            var sum = LLVM.BuildAdd(b, LLVM.GetParam(fn, 0), LLVM.GetParam(fn, 1), "sum");
            LLVM.BuildRet(b, sum);
        }
        finally { LLVM.DisposeBuilder(b); }
        return fn;
    }

    /// <summary>double sum(double* p, i64 n): a loop with a reassoc fadd so that O3 vectorises it.</summary>
    private static void DefineSumLoop(LLVMContextRef c, LLVMModuleRef m)
    {
        var f64 = LLVM.DoubleTypeInContext(c);
        var i64 = LLVM.Int64TypeInContext(c);
        var ptr = LLVM.PointerTypeInContext(c, 0);
        var fn = LLVM.AddFunction(m, "sum", LLVM.FunctionType(f64, [ptr, i64]));
        var b = LLVM.CreateBuilderInContext(c);
        try
        {
            var entry = LLVM.AppendBasicBlockInContext(c, fn, "entry");
            var loop = LLVM.AppendBasicBlockInContext(c, fn, "loop");
            var exit = LLVM.AppendBasicBlockInContext(c, fn, "exit");
            var p = LLVM.GetParam(fn, 0);
            var n = LLVM.GetParam(fn, 1);
            LLVM.SetValueName2(p, "p");
            LLVM.SetValueName2(n, "n");

            LLVM.PositionBuilderAtEnd(b, entry);
            var zero = LLVM.ConstInt(i64, 0L);
            var isEmpty = LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntSLE, n, zero, "empty");
            LLVM.BuildCondBr(b, isEmpty, exit, loop);

            LLVM.PositionBuilderAtEnd(b, loop);
            var i = LLVM.BuildPhi(b, i64, "i");
            var acc = LLVM.BuildPhi(b, f64, "acc");
            var addr = LLVM.BuildInBoundsGEP2(b, f64, p, [i], "addr");
            var x = LLVM.BuildLoad2(b, f64, addr, "x");
            var acc2 = LLVM.BuildFAdd(b, acc, x, "acc2");
            Assert.Equal(1, LLVM.CanValueUseFastMathFlags(acc2));
            LLVM.SetFastMathFlags(acc2, LLVMFastMathFlags.LLVMFastMathAllowReassoc);
            var i2 = LLVM.BuildNSWAdd(b, i, LLVM.ConstInt(i64, 1L), "i2");
            var done = LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, i2, n, "done");
            LLVM.BuildCondBr(b, done, exit, loop);
            LLVM.AddIncoming(i, [zero, i2], [entry, loop]);
            LLVM.AddIncoming(acc, [LLVM.ConstReal(f64, 0.0), acc2], [entry, loop]);

            LLVM.PositionBuilderAtEnd(b, exit);
            var result = LLVM.BuildPhi(b, f64, "result");
            LLVM.AddIncoming(result, [LLVM.ConstReal(f64, 0.0), acc2], [entry, loop]);
            LLVM.BuildRet(b, result);
        }
        finally { LLVM.DisposeBuilder(b); }
    }

    /// <summary>i64 name() { ret value }</summary>
    private static void DefineConstFn(LLVMContextRef c, LLVMModuleRef m, string name, long value)
    {
        var i64 = LLVM.Int64TypeInContext(c);
        var fn = LLVM.AddFunction(m, name, LLVM.FunctionType(i64, ReadOnlySpan<LLVMTypeRef>.Empty));
        var b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVM.BuildRet(b, LLVM.ConstInt(i64, value));
        LLVM.DisposeBuilder(b);
    }

    // ------------------------------------------------------------------ tests

    [Fact]
    public void AddAndSumLoop_VerifyOptimiseJitAndCall()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        var m = jit.CreateModule("arith");
        DefineAdd(c, m);
        DefineSumLoop(c, m);
        Assert.Null(ModuleText.Verify(m));
        Optimizer.Run(m, jit.TargetMachine);
        Assert.Null(ModuleText.Verify(m));
        string ir = ModuleText.Print(m);
        Assert.Contains("define", ir);
        Assert.Contains("<", ir); // vector types appear after loop vectorisation
        Assert.Contains("addpd", ModuleText.EmitAssembly(m, jit.TargetMachine)); // packed (v)addpd, not addsd

        jit.AddModule(m);
        var add = (delegate* unmanaged<long, long, long>)jit.Lookup("add");
        Assert.Equal(42L, add(40, 2));
        Assert.Equal(-5L, add(-7, 2));
        Assert.Equal(long.MinValue, add(long.MaxValue, 1));

        var sum = (delegate* unmanaged<double*, long, double>)jit.Lookup("sum");
        var data = new double[1003];
        double expected = 0;
        for (int k = 0; k < data.Length; k++) { data[k] = k * 0.5; expected += data[k]; }
        fixed (double* pd = data)
        {
            Assert.Equal(expected, sum(pd, data.Length), 6);
            Assert.Equal(0.0, sum(pd, 0));
            Assert.Equal(0.5, sum(pd, 2));
        }
    }

    private static int s_callbackCount;

    [UnmanagedCallersOnly]
    private static long HostTriple(long x)
    {
        System.Threading.Interlocked.Increment(ref s_callbackCount);
        return 3 * x;
    }

    [Fact]
    public void HostFunction_BoundAsAbsoluteSymbol_IsCalledFromJitCode()
    {
        using var jit = new JitSession();
        jit.DefineAbsoluteSymbols([("sharpjit_host_triple", (nint)(delegate* unmanaged<long, long>)&HostTriple)]);

        var c = jit.ContextRef;
        var m = jit.CreateModule("callback");
        var i64 = LLVM.Int64TypeInContext(c);
        var hostTy = LLVM.FunctionType(i64, [i64]);
        var host = LLVM.AddFunction(m, "sharpjit_host_triple", hostTy);
        var fn = LLVM.AddFunction(m, "use_host", LLVM.FunctionType(i64, [i64]));
        var b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        var r = LLVM.BuildCall2(b, hostTy, host, [LLVM.GetParam(fn, 0)], "r");
        LLVM.BuildRet(b, LLVM.BuildAdd(b, r, LLVM.ConstInt(i64, 1L), "r1"));
        LLVM.DisposeBuilder(b);
        Optimizer.Run(m, jit.TargetMachine);
        jit.AddModule(m);

        var f = (delegate* unmanaged<long, long>)jit.Lookup("use_host");
        int before = s_callbackCount;
        Assert.Equal(31L, f(10));
        Assert.Equal(before + 1, s_callbackCount);

        // Same name and address again: no-op. Another address: an exception, not a silent no-op.
        jit.DefineAbsoluteSymbol("sharpjit_host_triple", (nint)(delegate* unmanaged<long, long>)&HostTriple);
        Assert.Throws<LlvmException>(() => jit.DefineAbsoluteSymbol("sharpjit_host_triple", 1234));
        Assert.Throws<LlvmException>(() => jit.DefineAbsoluteSymbols([("sharpjit_a", 1), ("sharpjit_a", 2)]));

        // A module defining a name that is already an absolute symbol is rejected by ORC.
        var clash = jit.CreateModule("clash");
        DefineConstFn(c, clash, "sharpjit_host_triple", 5);
        Assert.Throws<LlvmException>(() => jit.AddModule(clash));
        Assert.Equal(31L, f(10));
    }

    [Fact]
    public void LibmFunction_ResolvesFromTheProcess()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        var m = jit.CreateModule("libm");
        var f64 = LLVM.DoubleTypeInContext(c);
        var cosTy = LLVM.FunctionType(f64, [f64]);
        var cos = LLVM.AddFunction(m, "cos", cosTy);
        var fn = LLVM.AddFunction(m, "my_cos", LLVM.FunctionType(f64, [f64]));
        var b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVM.BuildRet(b, LLVM.BuildCall2(b, cosTy, cos, [LLVM.GetParam(fn, 0)], "c"));
        LLVM.DisposeBuilder(b);
        jit.AddModule(m);

        var f = (delegate* unmanaged<double, double>)jit.Lookup("my_cos");
        Assert.Equal(Math.Cos(0.75), f(0.75), 12);
        // The process symbol itself is visible too.
        Assert.NotEqual(0, jit.Lookup("cos"));
    }

    [Fact]
    public void InvalidModule_ThrowsVerificationException_NotACrash()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        var m = jit.CreateModule("broken");
        var i64 = LLVM.Int64TypeInContext(c);
        var fn = LLVM.AddFunction(m, "broken", LLVM.FunctionType(i64, [i64]));
        var b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVM.BuildAdd(b, LLVM.GetParam(fn, 0), LLVM.GetParam(fn, 0), "x"); // no terminator
        LLVM.DisposeBuilder(b);

        var ex = Assert.Throws<LlvmVerificationException>(() => jit.AddModule(m));
        Assert.Contains("terminator", ex.Message);
        Assert.Contains("define i64 @broken", ex.ModuleIR);

        // The session is still usable.
        var m2 = jit.CreateModule("ok");
        DefineAdd(c, m2);
        jit.AddModule(m2);
        Assert.Equal(3L, ((delegate* unmanaged<long, long, long>)jit.Lookup("add"))(1, 2));
    }

    [Fact]
    public void VerifyOrThrow_ReportsTypeMismatch()
    {
        var c = LLVM.ContextCreate();
        try
        {
            var m = LLVM.ModuleCreateWithNameInContext("bad", c);
            var i32 = LLVM.Int32TypeInContext(c);
            var i64 = LLVM.Int64TypeInContext(c);
            var fn = LLVM.AddFunction(m, "f", LLVM.FunctionType(i64, [i32]));
            var b = LLVM.CreateBuilderInContext(c);
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
            LLVM.BuildRet(b, LLVM.GetParam(fn, 0)); // returns i32 from an i64 function
            LLVM.DisposeBuilder(b);
            var ex = Assert.Throws<LlvmVerificationException>(() => ModuleText.VerifyOrThrow(m));
            Assert.False(string.IsNullOrWhiteSpace(ex.VerifierMessage));
            LLVM.DisposeModule(m);
        }
        finally { LLVM.ContextDispose(c); }
    }

    [Fact]
    public void AssemblyEmission_ContainsFunctionName_AndLeavesModuleUsable()
    {
        using var jit = new JitSession();
        var m = jit.CreateModule("asm");
        DefineAdd(jit.ContextRef, m, "sharpjit_asm_probe");
        Optimizer.Run(m, jit.TargetMachine);
        string irBefore = ModuleText.Print(m);
        string asm = ModuleText.EmitAssembly(m, jit.TargetMachine);
        Assert.Contains("sharpjit_asm_probe:", asm);
        Assert.Contains("ret", asm);
        Assert.Equal(irBefore, ModuleText.Print(m)); // emission ran on a clone

        byte[] obj = ModuleText.EmitObject(m, jit.TargetMachine);
        Assert.True(obj.Length > 64);
        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, obj[..4]);

        jit.AddModule(m);
        Assert.Equal(9L, ((delegate* unmanaged<long, long, long>)jit.Lookup("sharpjit_asm_probe"))(4, 5));
    }

    [Fact]
    public void LookupOfMissingSymbol_ThrowsLlvmException()
    {
        using var jit = new JitSession();
        var ex = Assert.Throws<LlvmException>(() => jit.Lookup("sharpjit_no_such_symbol_xyz"));
        Assert.Contains("sharpjit_no_such_symbol_xyz", ex.Message);
        Assert.False(jit.TryLookup("sharpjit_no_such_symbol_xyz", out _));
    }

    [Fact]
    public void UnresolvedExternal_ThrowsOnLookup_AndModuleCanBeRemoved()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        var m = jit.CreateModule("unresolved");
        var i64 = LLVM.Int64TypeInContext(c);
        var extTy = LLVM.FunctionType(i64, ReadOnlySpan<LLVMTypeRef>.Empty);
        var ext = LLVM.AddFunction(m, "sharpjit_missing_external", extTy);
        var fn = LLVM.AddFunction(m, "calls_missing", extTy);
        var b = LLVM.CreateBuilderInContext(c);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
        LLVM.BuildRet(b, LLVM.BuildCall2(b, extTy, ext, ReadOnlySpan<LLVMValueRef>.Empty, "r"));
        LLVM.DisposeBuilder(b);
        var handle = jit.AddModule(m);

        var ex = Assert.Throws<LlvmException>(() => jit.Lookup("calls_missing"));
        Assert.Contains("sharpjit_missing_external", ex.Message);
        handle.Remove();

        var m2 = jit.CreateModule("fixed");
        DefineConstFn(c, m2, "calls_missing", 7);
        jit.AddModule(m2);
        Assert.Equal(7L, ((delegate* unmanaged<long>)jit.Lookup("calls_missing"))());
    }

    [Fact]
    public void RemovingAModule_ThenReAddingTheSameName_Works()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;

        var m1 = jit.CreateModule("v1");
        DefineConstFn(c, m1, "version", 1);
        var h1 = jit.AddModule(m1);
        Assert.True(h1.IsLoaded);
        Assert.Equal(1L, ((delegate* unmanaged<long>)jit.Lookup("version"))());

        // Same name while v1 is loaded: a duplicate definition is reported, not a crash.
        var dup = jit.CreateModule("dup");
        DefineConstFn(c, dup, "version", 99);
        Assert.Throws<LlvmException>(() => jit.AddModule(dup));

        h1.Remove();
        Assert.False(h1.IsLoaded);
        h1.Remove(); // idempotent
        Assert.Throws<LlvmException>(() => jit.Lookup("version"));

        var m2 = jit.CreateModule("v2");
        DefineConstFn(c, m2, "version", 2);
        var h2 = jit.AddModule(m2);
        Assert.Equal(2L, ((delegate* unmanaged<long>)jit.Lookup("version"))());
        Assert.Equal("v2", h2.Name);
    }

    [Fact]
    public void SessionExposesTargetInformation()
    {
        using var jit = new JitSession();
        Assert.StartsWith("x86_64", jit.TargetTriple);
        Assert.StartsWith("e-", jit.DataLayout);
        Assert.Equal(jit.DataLayout, LlvmTarget.GetDataLayout(jit.TargetMachine));
        Assert.Equal(LlvmTarget.HostCpuName, LlvmTarget.GetCpu(jit.TargetMachine));
        Assert.False(string.IsNullOrEmpty(LlvmTarget.HostCpuFeatures));
    }

    [Fact]
    public void DisposedSession_RejectsCalls()
    {
        var jit = new JitSession();
        var m = jit.CreateModule("x");
        DefineAdd(jit.ContextRef, m);
        var h = jit.AddModule(m);
        jit.Dispose();
        jit.Dispose();
        Assert.False(h.IsLoaded);
        h.Remove();
        Assert.Throws<ObjectDisposedException>(() => jit.Lookup("add"));
    }
}
