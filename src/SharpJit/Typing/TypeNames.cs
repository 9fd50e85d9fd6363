using SharpJit.Diagnostics;

namespace SharpJit.Typing;

/// <summary>Type names as users write them in signatures (Numba's spelling): "float64(int64, UniTuple(float64, 3))".</summary>
public static class TypeNames
{
    /// <summary>Numba's other spellings of scalar types (beside each type's name and array-interface code, "f8").</summary>
    private static readonly (string Name, SjType Type)[] NumbaAliases =
    [
        ("boolean", ScalarType.Bool), ("bool_", ScalarType.Bool), ("int", ScalarType.Int64), ("int_", ScalarType.Int64),
        ("intp", ScalarType.Int64), ("float", ScalarType.Float64), ("double", ScalarType.Float64), ("float_", ScalarType.Float64),
        ("complex", ScalarType.Complex128), ("intc", ScalarType.Int32), ("uintp", ScalarType.UInt64),
        ("single", ScalarType.Float32), ("csingle", ScalarType.Complex64),
        ("str", SimpleType.Str), ("none", SimpleType.None), ("None", SimpleType.None), ("void", SimpleType.None),
    ];

    private static readonly Dictionary<string, SjType> Scalars =
        ScalarType.All.SelectMany(t => new[] { (t.Name, (SjType)t), (t.ProtocolCode, t) }).Concat(NumbaAliases).ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>Parses "ret(arg, ...)" or "(arg, ...)"; the return type is null when not given.</summary>
    public static (SjType? Return, SjType[] Args) ParseSignature(string text)
    {
        var p = new Reader(text);
        SjType? ret = p.Peek() == '(' ? null : p.Type();
        p.Expect('(');
        var args = p.List(')');
        p.End();
        return (ret, args.ToArray());
    }

    public static SjType Parse(string text)
    {
        var p = new Reader(text);
        var t = p.Type();
        p.End();
        return t;
    }

    private sealed class Reader(string text)
    {
        private int _pos;

        public char Peek() { SkipSpace(); return _pos < text.Length ? text[_pos] : '\0'; }
        private void SkipSpace() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }

        public void Expect(char c)
        {
            if (Peek() != c) throw Fail($"expected '{c}'");
            _pos++;
        }

        public void End() { if (Peek() != '\0') throw Fail("unexpected text"); }

        public List<SjType> List(char close)
        {
            var items = new List<SjType>();
            if (Peek() == close) { _pos++; return items; }
            while (true)
            {
                items.Add(Type());
                char c = Peek();
                _pos++;
                if (c == close) return items;
                if (c != ',') throw Fail($"expected ',' or '{close}'");
                if (Peek() == close) { _pos++; return items; }
            }
        }

        public SjType Type()
        {
            Diagnostics.CompileDepth.EnsureStack();   // Tuple(Tuple(...)) nested as deeply as the text goes
            string word = Run(c => char.IsLetterOrDigit(c) || c is '_' or '.');
            if (word.StartsWith("numba.types.")) word = word[12..];
            else if (word.StartsWith("types.")) word = word[6..];
            if (Scalars.TryGetValue(word, out var t)) return t;
            if (word is "str" or "unicode_type") return SimpleType.Str;
            if (word is "Tuple" or "tuple" && Peek() == '(') { _pos++; return new TupleType(List(')')); }
            if (word == "UniTuple" && Peek() == '(')
            {
                _pos++;
                var item = Type();
                Expect(',');
                if (!int.TryParse(Run(char.IsDigit), out int n)) throw Fail("expected the tuple length");
                Expect(')');
                return new TupleType(Enumerable.Repeat(item, n));
            }
            // The compiler's own names of containers (a cached function's return type is stored by name).
            if (word == "array" && Peek() == '(') { _pos++; return Array(); }
            if (word is "List" or "Set" or "FrozenSet" or "Dict" && Peek() == '(')
            {
                _pos++;
                var items = List(')');
                if (items.Count != (word == "Dict" ? 2 : 1)) throw Fail($"{word}(...) takes {(word == "Dict" ? "two types" : "one type")}");
                return word switch
                {
                    "List" => new ListType(items[0]),
                    "Dict" => new DictType(items[0], items[1]),
                    _ => new SetType(items[0], frozen: word == "FrozenSet"),
                };
            }
            throw Fail(word.Length == 0 ? "expected a type name" : $"unknown type '{word}'");
        }

        /// <summary>An array type as its name spells it: "array(float64, 2d, C)", "array(int8, 1d, A, readonly)".</summary>
        private ArrayType Array()
        {
            if (Type() is not ScalarType dtype) throw Fail("expected an array's dtype");
            Expect(',');
            string dims = Word();
            if (!dims.EndsWith('d') || !int.TryParse(dims[..^1], out int ndim) || ndim < 0) throw Fail("expected the number of dimensions, as 2d");
            Expect(',');
            var layout = Word() switch
            {
                "C" => ArrayLayout.C, "F" => ArrayLayout.F, "A" => ArrayLayout.A,
                _ => throw Fail("expected the layout C, F or A"),
            };
            bool readOnly = false;
            if (Peek() == ',')
            {
                _pos++;
                if (Word() != "readonly") throw Fail("expected readonly");
                readOnly = true;
            }
            Expect(')');
            return new ArrayType(dtype, ndim, layout, readOnly);
        }

        private string Word() => Run(char.IsLetterOrDigit);

        /// <summary>The characters from here (after spaces) that <paramref name="allowed"/> takes.</summary>
        private string Run(Func<char, bool> allowed)
        {
            SkipSpace();
            int start = _pos;
            while (_pos < text.Length && allowed(text[_pos])) _pos++;
            return text[start.._pos];
        }

        private ArgumentException Fail(string what) =>
            new($"invalid signature '{text}': {what} at position {_pos} (types: int64, int32, uint8, ..., float64, float32, complex128, complex64, boolean, str, none, Tuple(...), UniTuple(T, n), array(float64, 2d, C))");
    }
}
