using System;
using System.IO;
using SharpJit.Llvm;
using Xunit;

namespace SharpJit.Tests.Llvm;

public sealed unsafe class NativeSurfaceTests
{
    [Fact]
    public void LibraryLoading_IsIdempotent()
    {
        LlvmLibrary.EnsureLoaded();
        LlvmLibrary.EnsureLoaded();
        Assert.True(LlvmLibrary.IsAvailable);
        Assert.NotEqual(0, LlvmLibrary.Handle);
        Assert.True(LlvmLibrary.TryResolve(LlvmLibrary.Name, out var h));
        Assert.Equal(LlvmLibrary.Handle, h);
        Assert.False(LlvmLibrary.TryResolve("somethingelse", out _));
        LlvmTarget.Initialize();
        LlvmTarget.Initialize();
    }

    [Fact]
    public void Types_AndTypeQueries()
    {
        var c = LLVM.ContextCreate();
        try
        {
            Assert.Equal(1u, LLVM.GetIntTypeWidth(LLVM.Int1TypeInContext(c)));
            Assert.Equal(8u, LLVM.GetIntTypeWidth(LLVM.Int8TypeInContext(c)));
            Assert.Equal(16u, LLVM.GetIntTypeWidth(LLVM.Int16TypeInContext(c)));
            Assert.Equal(32u, LLVM.GetIntTypeWidth(LLVM.Int32TypeInContext(c)));
            Assert.Equal(64u, LLVM.GetIntTypeWidth(LLVM.Int64TypeInContext(c)));
            Assert.Equal(128u, LLVM.GetIntTypeWidth(LLVM.IntTypeInContext(c, 128)));
            Assert.Equal(LLVMTypeKind.LLVMHalfTypeKind, LLVM.GetTypeKind(LLVM.HalfTypeInContext(c)));
            Assert.Equal(LLVMTypeKind.LLVMFloatTypeKind, LLVM.GetTypeKind(LLVM.FloatTypeInContext(c)));
            Assert.Equal(LLVMTypeKind.LLVMDoubleTypeKind, LLVM.GetTypeKind(LLVM.DoubleTypeInContext(c)));
            Assert.Equal(LLVMTypeKind.LLVMPointerTypeKind, LLVM.GetTypeKind(LLVM.PointerTypeInContext(c, 0)));
            Assert.Equal(LLVMTypeKind.LLVMVoidTypeKind, LLVM.GetTypeKind(LLVM.VoidTypeInContext(c)));

            var i64 = LLVM.Int64TypeInContext(c);
            var f64 = LLVM.DoubleTypeInContext(c);
            var ptr = LLVM.PointerTypeInContext(c, 0);
            var literal = LLVM.StructTypeInContext(c, [i64, f64]);
            Assert.Equal(2u, LLVM.CountStructElementTypes(literal));
            Assert.Equal(f64, LLVM.StructGetTypeAtIndex(literal, 1));

            var named = LLVM.StructCreateNamed(c, "array_view");
            LLVM.StructSetBody(named, [ptr, i64, i64]);
            Assert.Equal("%array_view = type { ptr, i64, i64 }", LLVM.PrintTypeToManagedString(named));

            var arr = LLVM.ArrayType2(f64, 4);
            Assert.Equal(LLVMTypeKind.LLVMArrayTypeKind, LLVM.GetTypeKind(arr));
            Assert.Equal(4ul, LLVM.GetArrayLength2(arr));
            var vec = LLVM.VectorType(f64, 8);
            Assert.Equal(LLVMTypeKind.LLVMVectorTypeKind, LLVM.GetTypeKind(vec));
            Assert.Equal(8u, LLVM.GetVectorSize(vec));

            var fnTy = LLVM.FunctionType(f64, [ptr, i64], isVarArg: true);
            Assert.Equal(1, LLVM.IsFunctionVarArg(fnTy));
            Assert.Equal(f64, LLVM.GetReturnType(fnTy));
            Assert.Equal(new[] { ptr, i64 }, LLVM.GetParamTypes(fnTy));
        }
        finally { LLVM.ContextDispose(c); }
    }

    [Fact]
    public void Constants_AndGlobals()
    {
        var c = LLVM.ContextCreate();
        try
        {
            var m = LLVM.ModuleCreateWithNameInContext("consts", c);
            var i32 = LLVM.Int32TypeInContext(c);
            var i64 = LLVM.Int64TypeInContext(c);
            var f64 = LLVM.DoubleTypeInContext(c);
            Assert.Equal(-5L, LLVM.ConstIntGetSExtValue(LLVM.ConstInt(i64, -5L)));
            Assert.Equal(7ul, LLVM.ConstIntGetZExtValue(LLVM.ConstInt(i32, 7ul, 0)));
            int lossy;
            Assert.Equal(2.5, LLVM.ConstRealGetDouble(LLVM.ConstReal(f64, 2.5), &lossy));
            Assert.Equal(1, LLVM.IsNull(LLVM.ConstNull(i64)));
            Assert.Equal(-1L, LLVM.ConstIntGetSExtValue(LLVM.ConstAllOnes(i64)));
            Assert.Equal(1, LLVM.IsUndef(LLVM.GetUndef(i64)));
            Assert.Equal(1, LLVM.IsPoison(LLVM.GetPoison(i64)));
            Assert.False(LLVM.ConstPointerNull(LLVM.PointerTypeInContext(c, 0)).IsNull);
            Assert.False(LLVM.ConstIntToPtr(LLVM.ConstInt(i64, 0x1000L), LLVM.PointerTypeInContext(c, 0)).IsNull);

            var str = LLVM.ConstStringInContext(c, "hello"u8);
            var g = LLVM.AddGlobal(m, LLVM.TypeOf(str), "greeting");
            LLVM.SetInitializer(g, str);
            LLVM.SetGlobalConstant(g, 1);
            LLVM.SetLinkage(g, LLVMLinkage.LLVMPrivateLinkage);
            LLVM.SetUnnamedAddress(g, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
            LLVM.SetAlignment(g, 1);

            var pair = LLVM.ConstStructInContext(c, [LLVM.ConstInt(i64, 1L), LLVM.ConstReal(f64, 2.0)]);
            var g2 = LLVM.AddGlobal(m, LLVM.TypeOf(pair), "pair");
            LLVM.SetInitializer(g2, pair);
            var named = LLVM.StructCreateNamed(c, "P");
            LLVM.StructSetBody(named, [i64, f64]);
            var g3 = LLVM.AddGlobal(m, named, "named");
            LLVM.SetInitializer(g3, LLVM.ConstNamedStruct(named, [LLVM.ConstInt(i64, 3L), LLVM.ConstReal(f64, 4.0)]));
            var g4 = LLVM.AddGlobal(m, LLVM.ArrayType2(i32, 3), "arr");
            LLVM.SetInitializer(g4, LLVM.ConstArray2(i32, [LLVM.ConstInt(i32, 1L), LLVM.ConstInt(i32, 2L), LLVM.ConstInt(i32, 3L)]));

            Assert.Null(ModuleText.Verify(m));
            string ir = ModuleText.Print(m);
            Assert.Contains("@greeting = private unnamed_addr constant [6 x i8] c\"hello\\00\", align 1", ir);
            Assert.Contains("@pair = global { i64, double } { i64 1, double 2.000000e+00 }", ir);
            Assert.Contains("@named = global %P { i64 3, double 4.000000e+00 }", ir);
            Assert.Contains("@arr = global [3 x i32] [i32 1, i32 2, i32 3]", ir);
            Assert.Equal("greeting", LLVM.GetValueNameString(g));
            LLVM.DisposeModule(m);
        }
        finally { LLVM.ContextDispose(c); }
    }

    [Fact]
    public void Instructions_StructsVectorsSwitchSelectIntrinsicsAtomics_Jit()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        var m = jit.CreateModule("instrs");
        var i1 = LLVM.Int1TypeInContext(c);
        var i32 = LLVM.Int32TypeInContext(c);
        var i64 = LLVM.Int64TypeInContext(c);
        var f64 = LLVM.DoubleTypeInContext(c);
        var ptr = LLVM.PointerTypeInContext(c, 0);
        var b = LLVM.CreateBuilderInContext(c);

        // double hyp(double a, double b) = sqrt(a*a + b*b) via llvm.sqrt.f64, with fast-math
        var hyp = LLVM.AddFunction(m, "hyp", LLVM.FunctionType(f64, [f64, f64]));
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, hyp, "entry"));
        var a2 = LLVM.BuildFMul(b, LLVM.GetParam(hyp, 0), LLVM.GetParam(hyp, 0), "a2");
        var b2 = LLVM.BuildFMul(b, LLVM.GetParam(hyp, 1), LLVM.GetParam(hyp, 1), "b2");
        var s = LLVM.BuildFAdd(b, a2, b2, "s");
        Assert.NotEqual(0u, LLVM.LookupIntrinsicID("llvm.sqrt"));
        Assert.Equal(1, LLVM.IntrinsicIsOverloaded(LLVM.LookupIntrinsicID("llvm.sqrt")));
        var sqrt = LLVM.GetIntrinsicDeclaration(m, "llvm.sqrt", [f64]);
        var sqrtTy = LLVM.IntrinsicGetType(c, "llvm.sqrt", [f64]);
        LLVM.BuildRet(b, LLVM.BuildCall2(b, sqrtTy, sqrt, [s], "r"));

        // i64 struct_sum(ptr p) : p -> {i64, i64}; returns p->0 + p->1 (StructGEP2 + Load2), also Insert/ExtractValue
        var st = LLVM.StructTypeInContext(c, [i64, i64]);
        var ss = LLVM.AddFunction(m, "struct_sum", LLVM.FunctionType(i64, [ptr]));
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, ss, "entry"));
        var f0 = LLVM.BuildLoad2(b, i64, LLVM.BuildStructGEP2(b, st, LLVM.GetParam(ss, 0), 0, "f0p"), "f0");
        var f1 = LLVM.BuildLoad2(b, i64, LLVM.BuildStructGEP2(b, st, LLVM.GetParam(ss, 0), 1, "f1p"), "f1");
        var agg = LLVM.BuildInsertValue(b, LLVM.GetUndef(st), f0, 0, "agg0");
        agg = LLVM.BuildInsertValue(b, agg, f1, 1, "agg1");
        LLVM.BuildRet(b, LLVM.BuildAdd(b, LLVM.BuildExtractValue(b, agg, 0, "e0"), LLVM.BuildExtractValue(b, agg, 1, "e1"), "sum"));

        // i32 classify(i32 x): switch 0->10, 1->11, default -> select(x<0, -1, 99)
        var cls = LLVM.AddFunction(m, "classify", LLVM.FunctionType(i32, [i32]));
        var entry = LLVM.AppendBasicBlockInContext(c, cls, "entry");
        var case0 = LLVM.AppendBasicBlockInContext(c, cls, "case0");
        var case1 = LLVM.AppendBasicBlockInContext(c, cls, "case1");
        var dflt = LLVM.AppendBasicBlockInContext(c, cls, "default");
        LLVM.PositionBuilderAtEnd(b, entry);
        var x = LLVM.GetParam(cls, 0);
        var sw = LLVM.BuildSwitch(b, x, dflt, 2);
        LLVM.AddCase(sw, LLVM.ConstInt(i32, 0L), case0);
        LLVM.AddCase(sw, LLVM.ConstInt(i32, 1L), case1);
        LLVM.PositionBuilderAtEnd(b, case0);
        LLVM.BuildRet(b, LLVM.ConstInt(i32, 10L));
        LLVM.PositionBuilderAtEnd(b, case1);
        LLVM.BuildRet(b, LLVM.ConstInt(i32, 11L));
        LLVM.PositionBuilderAtEnd(b, dflt);
        var neg = LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntSLT, x, LLVM.ConstInt(i32, 0L), "neg");
        Assert.Equal(i1, LLVM.TypeOf(neg));
        LLVM.BuildRet(b, LLVM.BuildSelect(b, neg, LLVM.ConstInt(i32, -1L), LLVM.ConstInt(i32, 99L), "sel"));
        Assert.Equal(cls, LLVM.GetBasicBlockParent(LLVM.GetInsertBlock(b)));
        Assert.False(LLVM.GetBasicBlockTerminator(dflt).IsNull);
        Assert.Equal(entry, LLVM.GetEntryBasicBlock(cls));

        // double dot4(ptr a, ptr b): <4 x double> load, fmul, horizontal add via extractelement; shuffle+insert
        var v4 = LLVM.VectorType(f64, 4);
        var dot = LLVM.AddFunction(m, "dot4", LLVM.FunctionType(f64, [ptr, ptr]));
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, dot, "entry"));
        var va = LLVM.BuildLoad2(b, v4, LLVM.GetParam(dot, 0), "va");
        var vb = LLVM.BuildLoad2(b, v4, LLVM.GetParam(dot, 1), "vb");
        // Vector loads default to the ABI alignment of <4 x double> (32 bytes): the pointers here are only 8-aligned.
        LLVM.SetAlignment(va, 8);
        LLVM.SetAlignment(vb, 8);
        var prod = LLVM.BuildFMul(b, va, vb, "prod");
        var rev = LLVM.BuildShuffleVector(b, prod, LLVM.GetPoison(v4),
            LLVM.ConstVector([LLVM.ConstInt(i32, 3L), LLVM.ConstInt(i32, 2L), LLVM.ConstInt(i32, 1L), LLVM.ConstInt(i32, 0L)]), "rev");
        var acc = LLVM.ConstReal(f64, 0.0);
        for (int k = 0; k < 4; k++)
            acc = LLVM.BuildFAdd(b, acc, LLVM.BuildExtractElement(b, rev, LLVM.ConstInt(i32, (long)k), "e"), "acc");
        var tmpv = LLVM.BuildInsertElement(b, LLVM.GetPoison(v4), acc, LLVM.ConstInt(i32, 0L), "ins");
        LLVM.BuildRet(b, LLVM.BuildExtractElement(b, tmpv, LLVM.ConstInt(i32, 0L), "out"));

        // i64 bump(ptr counter): atomicrmw add, fence; stack slot via alloca; casts; freeze; volatile store
        var bump = LLVM.AddFunction(m, "bump", LLVM.FunctionType(i64, [ptr]));
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, bump, "entry"));
        var old = LLVM.BuildAtomicRMW(b, LLVMAtomicRMWBinOp.LLVMAtomicRMWBinOpAdd, LLVM.GetParam(bump, 0),
            LLVM.ConstInt(i64, 5L), LLVMAtomicOrdering.LLVMAtomicOrderingSequentiallyConsistent, 0);
        LLVM.BuildFence(b, LLVMAtomicOrdering.LLVMAtomicOrderingSequentiallyConsistent, 0, "");
        var slot = LLVM.BuildAlloca(b, i32, "slot");
        var st32 = LLVM.BuildStore(b, LLVM.BuildTrunc(b, old, i32, "t"), slot);
        LLVM.SetVolatile(st32, 1);
        var back = LLVM.BuildSExt(b, LLVM.BuildLoad2(b, i32, slot, "l"), i64, "se");
        var fp = LLVM.BuildSIToFP(b, back, f64, "fp");
        var again = LLVM.BuildFPToSI(b, fp, i64, "again");
        var frozen = LLVM.BuildFreeze(b, again, "fz");
        var isNull = LLVM.BuildIsNull(b, LLVM.GetParam(bump, 0), "isnull");
        var z = LLVM.BuildZExt(b, isNull, i64, "z");
        LLVM.BuildRet(b, LLVM.BuildSub(b, frozen, z, "res"));

        LLVM.AddEnumAttribute(c, hyp, LLVM.AttributeFunctionIndex, "nounwind");
        LLVM.AddStringAttribute(c, hyp, LLVM.AttributeFunctionIndex, "sharpjit-test", "1");
        LLVM.DisposeBuilder(b);

        Assert.Null(ModuleText.Verify(m));
        Optimizer.Run(m, jit.TargetMachine);
        jit.AddModule(m);

        Assert.Equal(5.0, ((delegate* unmanaged<double, double, double>)jit.Lookup("hyp"))(3.0, 4.0));
        long* pair = stackalloc long[2] { 40, 2 };
        Assert.Equal(42L, ((delegate* unmanaged<long*, long>)jit.Lookup("struct_sum"))(pair));
        var classify = (delegate* unmanaged<int, int>)jit.Lookup("classify");
        Assert.Equal(10, classify(0));
        Assert.Equal(11, classify(1));
        Assert.Equal(-1, classify(-7));
        Assert.Equal(99, classify(7));
        double* da = stackalloc double[4] { 1, 2, 3, 4 };
        double* db = stackalloc double[4] { 5, 6, 7, 8 };
        Assert.Equal(70.0, ((delegate* unmanaged<double*, double*, double>)jit.Lookup("dot4"))(da, db));
        long counter = 10;
        Assert.Equal(10L, ((delegate* unmanaged<long*, long>)jit.Lookup("bump"))(&counter));
        Assert.Equal(15L, counter);
    }

    [Fact]
    public void Bitcode_AndTextualIR_RoundTrip_AndLinking()
    {
        using var jit = new JitSession();
        var c = jit.ContextRef;
        string ir = """
            define internal i64 @helper(i64 %x) {
              %y = mul i64 %x, 3
              ret i64 %y
            }
            define i64 @twice_helper(i64 %x) {
              %a = call i64 @helper(i64 %x)
              %b = add i64 %a, %a
              ret i64 %b
            }
            """;
        var parsed = ModuleText.ParseIR(c, ir, "parsed");
        byte[] bc = ModuleText.GetBitcode(parsed);
        Assert.Equal((byte)'B', bc[0]);
        Assert.Equal((byte)'C', bc[1]);
        string path = Path.Combine(Path.GetTempPath(), $"sharpjit-llvm-{Guid.NewGuid():N}.bc");
        try
        {
            ModuleText.WriteBitcode(parsed, path);
            var fromFile = ModuleText.ParseBitcodeFile(c, path);
            Assert.Contains("@twice_helper", ModuleText.Print(fromFile));
            LLVM.DisposeModule(fromFile);
        }
        finally { File.Delete(path); }
        LLVM.DisposeModule(parsed);

        var fromMemory = ModuleText.ParseBitcode(c, bc);
        var dest = jit.CreateModule("dest");
        ModuleText.Link(dest, fromMemory); // consumes fromMemory
        Assert.Contains("@helper", ModuleText.Print(dest));
        Optimizer.Run(dest, jit.TargetMachine);
        Assert.DoesNotContain("call", ModuleText.Print(dest)); // inlined
        jit.AddModule(dest);
        Assert.Equal(42L, ((delegate* unmanaged<long, long>)jit.Lookup("twice_helper"))(7));

        Assert.Throws<LlvmException>(() => ModuleText.ParseIR(c, "define i64 @f( {", "bad"));
        Assert.Throws<LlvmException>(() => ModuleText.ParseBitcode(c, new byte[] { 1, 2, 3, 4 }));
    }

    [Fact]
    public void Optimizer_RejectsBadPipeline()
    {
        using var jit = new JitSession();
        var m = jit.CreateModule("p");
        var ex = Assert.Throws<LlvmException>(() => Optimizer.Run(m, jit.TargetMachine, "no-such-pass-xyz"));
        Assert.Contains("no-such-pass-xyz", ex.Message);
        LLVM.DisposeModule(m);
    }

    [Fact]
    public void ExplicitCpuTargetMachine_ForExport()
    {
        var tm = LlvmTarget.CreateHostTargetMachine(cpu: "x86-64-v2", features: "");
        try
        {
            Assert.Equal("x86-64-v2", LlvmTarget.GetCpu(tm));
            var c = LLVM.ContextCreate();
            var m = LLVM.ModuleCreateWithNameInContext("export", c);
            LlvmTarget.ConfigureModule(m, tm);
            var f64 = LLVM.DoubleTypeInContext(c);
            var fn = LLVM.AddFunction(m, "exported_fn", LLVM.FunctionType(f64, [f64]));
            var b = LLVM.CreateBuilderInContext(c);
            LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(c, fn, "entry"));
            LLVM.BuildRet(b, LLVM.BuildFNeg(b, LLVM.GetParam(fn, 0), "n"));
            LLVM.DisposeBuilder(b);
            string asm = ModuleText.EmitAssembly(m, tm);
            Assert.Contains("exported_fn:", asm);
            Assert.DoesNotContain("zmm", asm);
            LLVM.DisposeModule(m);
            LLVM.ContextDispose(c);
        }
        finally { LLVM.DisposeTargetMachine(tm); }
    }
}
