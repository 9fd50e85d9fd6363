using System.Runtime.InteropServices;
using SharpJit.Binding;
using SharpJit.Engine;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Runs <c>with sharpjit.objmode(...)</c> blocks of one @jit function as Python: each block becomes a Python function
/// (made by <c>_bridge.objmode_block</c> from the block's source lines, in the function's globals, so tracebacks show
/// the real file and lines); compiled code calls it through <see cref="Call"/> with its inputs packed as arguments are.
/// </summary>
internal sealed unsafe class ObjModeBlocks : IObjModeHost
{
    private sealed record Block(nint Function, string Where);
    private sealed record Prepared(Block Block, SjType[] Inputs, ValueLayout InputLayout, SjType[] Outputs, ValueLayout OutputLayout);

    // Process-wide: compiled code holds ids; the Python functions are kept for the process.
    private static readonly List<Block> Blocks = new();
    private static readonly List<Prepared> Calls = new();
    private static readonly string Process = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    private readonly nint _dispatcher;
    public ObjModeBlocks(nint dispatcher) { _dispatcher = dispatcher; }

    public long CallAddress => (nint)(delegate* unmanaged<long, byte*, byte*, int>)&Call;
    public string ProcessKey => Process;

    public long Define(Diagnostics.SourceText file, ObjModeBlock block)
    {
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint fn = Bridge.ObjModeBlock(_dispatcher, block.FirstLine, block.LastLine, block.Inputs, block.Outputs);
            if (fn == 0)
            {
                string why = Bridge.TakeErrorText();
                throw new Diagnostics.CompileError(Diagnostics.ErrorKind.UnsupportedError, $"cannot make the objmode block into Python: {why}", file, block.Span);
            }
            lock (Blocks)
            {
                Blocks.Add(new Block(fn, $"the objmode block at line {block.FirstLine - 1}"));
                return Blocks.Count - 1;
            }
        }
        finally { Py.PyGILState_Release(gil); }
    }

    public string? CannotPass(SjType t, bool output) => t switch
    {
        ScalarType => null,
        _ when t == SimpleType.Str || t == SimpleType.None => null,
        TupleType tt => tt.Items.Select(i => CannotPass(i, output)).FirstOrDefault(w => w != null),
        ArrayType or ListType or DictType or SetType or OptionalType when !output => null,
        ArrayType or ListType or DictType or SetType => $"values of type {TypeOps.PyName(t)} come back from objmode only as numbers, str and tuples of them (return a NumPy array from a @jit function instead)",
        _ => $"values of type {TypeOps.PyName(t)} have no Python form",
    };

    public long PrepareCall(long block, SjType[] inputs, SjType[] outputs)
    {
        lock (Blocks)
        {
            Calls.Add(new Prepared(Blocks[(int)block], inputs, new ValueLayout(inputs), outputs, new ValueLayout(outputs)));
            return Calls.Count - 1;
        }
    }

    /// <summary>Runs a block: its inputs become Python values (compiled code keeps its own references), its outputs
    /// are converted to their declared types. Non-zero with the Python exception pending in compiled code.</summary>
    [UnmanagedCallersOnly]
    private static int Call(long id, byte* inputs, byte* outputs)
    {
        Prepared call;
        lock (Blocks) call = Calls[(int)id];
        int gil = Py.PyGILState_Ensure();
        try
        {
            nint args = Py.PyTuple_New(call.Inputs.Length);
            if (args == 0) return Fail(call);
            for (int k = 0; k < call.Inputs.Length; k++)
            {
                nint v = Boxing.Read(inputs + call.InputLayout.Offset(k), call.Inputs[k], borrowed: true);
                if (v == 0) { Py.Py_DecRef(args); return Fail(call); }
                Py.PyTuple_SetItem(args, k, v);
            }
            nint result = Py.PyObject_CallObject(call.Block.Function, args);
            Py.Py_DecRef(args);
            if (result == 0) return Fail(call);
            try
            {
                // The block's function returns its outputs as a tuple.
                for (int k = 0; k < call.Outputs.Length; k++)
                    if (!Boxing.WriteOwned(Py.PyTuple_GetItem(result, k), call.Outputs[k], outputs + call.OutputLayout.Offset(k)))
                    {
                        for (int j = 0; j < k; j++) call.OutputLayout.ReleaseOne(outputs, j);
                        return Fail(call);
                    }
                return 0;
            }
            finally { Py.Py_DecRef(result); }
        }
        finally { Py.PyGILState_Release(gil); }
    }

    private static int Fail(Prepared call)
    {
        Callbacks.TakePythonError(call.Block.Where);
        return 1;
    }
}
