using System.Collections.Concurrent;
using SharpJit.Library;
using SharpJit.Typing;

namespace SharpJit.Python;

/// <summary>
/// Functions passed as arguments: @jit dispatchers, builtins, and math, cmath, operator and NumPy functions. Each is
/// typed by its identity (a dispatcher is its compiled function, as if read from a global), so the value carries no
/// data and a call of it compiles to a direct call; another function is another signature, as in Numba. Known objects
/// are kept alive for the process (at most 255), since the type key holds their number.
/// </summary>
internal static unsafe class FunctionArgs
{
    public const byte KeyCode = 23;

    private sealed class Known
    {
        public required nint Object;
        public Dispatcher? Jit;
        public string Module = "", Name = "";
        private SjType? _type;
        public SjType Type => _type ??= Jit != null ? new FunctionType(Jit.Host.Function, Array.Empty<SjType>())
            : Builtins.FunctionValue(Module, Name) ?? throw new ArgumentException($"{Module}.{Name} cannot be called from compiled code");
    }

    private static readonly ConcurrentDictionary<nint, byte> Ids = new();
    private static readonly List<Known> Objects = new();

    public static bool AppendKey(nint o, byte* key, ref int n)
    {
        if (n >= Boxing.MaxKey - 2 || !Ids.TryGetValue(o, out var id)) return false;
        key[n++] = KeyCode; key[n++] = id;
        return true;
    }

    public static SjType TypeOfKey(ReadOnlySpan<byte> key, ref int pos)
    {
        lock (Objects) return Objects[key[pos++]].Type;
    }

    /// <summary>A type stands for a function argument when a known object has it.</summary>
    public static bool AppendKeyOf(SjType t, List<byte> key)
    {
        lock (Objects)
        {
            int id = Objects.FindIndex(k => k.Type.Equals(t));
            if (id < 0) return false;
            key.Add(KeyCode); key.Add((byte)id);
            return true;
        }
    }

    /// <summary>The object (borrowed) a function argument of type t was, or 0.</summary>
    public static nint ObjectOf(SjType t)
    {
        if (t is not (FunctionType or BuiltinType)) return 0;
        lock (Objects) return Objects.FirstOrDefault(k => k.Type.Equals(t))?.Object ?? 0;
    }

    /// <summary>t is, or holds, a function argument.</summary>
    public static bool Holds(SjType t) => t switch
    {
        FunctionType or BuiltinType => true,
        TupleType tt => tt.Items.Any(Holds),
        ListType lt => Holds(lt.Element),
        _ => false,
    };

    /// <summary>Learns o from Python's description (<c>_bridge.static_callable</c>); false with TypeError set.</summary>
    public static bool Learn(nint o, nint description)
    {
        string kind = Py.AsString(Py.PyTuple_GetItem(description, 0)) ?? "";
        var known = new Known { Object = o };
        if (kind == "jit") known.Jit = DispatcherType.StateOf(Py.PyTuple_GetItem(description, 1));
        else
        {
            known.Module = kind == "builtin" ? "builtins" : Py.AsString(Py.PyTuple_GetItem(description, 1)) ?? "";
            known.Name = Py.AsString(Py.PyTuple_GetItem(description, kind == "builtin" ? 1 : 2)) ?? "";
            if (Builtins.FunctionValue(known.Module, known.Name) == null)
            {
                Py.PyErr_SetString(Py.TypeError, $"{(kind == "builtin" ? "" : known.Module + ".")}{known.Name} cannot be called from compiled code, so it cannot be passed to it");
                return false;
            }
        }
        lock (Objects)
        {
            if (Ids.ContainsKey(o)) return true;
            // Another object of the same function (operator.abs and abs) shares its number, so both match one key.
            int same = known.Jit == null ? Objects.FindIndex(k => k.Jit == null && k.Type.Equals(known.Type)) : -1;
            if (same >= 0) { Py.Py_IncRef(o); Ids[o] = (byte)same; return true; }
            if (Objects.Count == 255)
            {
                Py.PyErr_SetString(Py.TypeError, "too many different functions passed to compiled code (at most 255)");
                return false;
            }
            Py.Py_IncRef(o);
            Objects.Add(known);
            Ids[o] = (byte)(Objects.Count - 1);
        }
        return true;
    }
}
