using System.Globalization;
using System.Numerics;
using System.Text.Json;
using SharpJit.Runtime;
using SharpJit.Syntax;

namespace SharpJit.Server;

/// <summary>
/// Python values as JSON, both ways: int and float as numbers (a float always has a '.' or an exponent, NaN and
/// Infinity as Python's json writes them), bool, None as null, tuples as arrays, complex as {"$complex": [re, im]};
/// a request may send a non-finite float as {"$float": "nan"} (standard JSON has no NaN).
/// </summary>
public static class Values
{
    public static object? FromJson(JsonElement e, string where) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var l) && !e.GetRawText().Contains('.') && !e.GetRawText().Contains('e') && !e.GetRawText().Contains('E') => l,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Array => e.EnumerateArray().Select((x, k) => FromJson(x, $"{where}[{k}]")).ToArray(),
        JsonValueKind.Object when e.TryGetProperty("$complex", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 2
            => new Complex(Real(c[0], where), Real(c[1], where)),
        JsonValueKind.Object when e.TryGetProperty("$float", out var f) => Real(f, where),
        _ => throw new ArgumentException($"{where}: {e.ValueKind.ToString().ToLowerInvariant()} is not a value compiled code takes " +
                                         "(numbers, booleans, null, arrays for tuples, {\"$complex\": [re, im]})"),
    };

    private static double Real(JsonElement e, string where)
    {
        if (e.ValueKind == JsonValueKind.Number) return e.GetDouble();
        if (e.ValueKind == JsonValueKind.String)
            switch (e.GetString()?.ToLowerInvariant())
            {
                case "nan": return double.NaN;
                case "inf" or "infinity": return double.PositiveInfinity;
                case "-inf" or "-infinity": return double.NegativeInfinity;
            }
        throw new ArgumentException($"{where}: expected a number");
    }

    public static void Write(Utf8JsonWriter w, object? v)
    {
        switch (v)
        {
            case null or PyNone: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case ulong u: w.WriteNumberValue(u); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.WriteRawValue(Float(d), skipInputValidation: true); break;
            case float f: w.WriteRawValue(Float(f), skipInputValidation: true); break;
            case Complex c:
                w.WriteStartObject(); w.WritePropertyName("$complex"); w.WriteStartArray();
                w.WriteRawValue(Float(c.Real), true); w.WriteRawValue(Float(c.Imaginary), true);
                w.WriteEndArray(); w.WriteEndObject(); break;
            case object?[] items:
                w.WriteStartArray(); foreach (var x in items) Write(w, x); w.WriteEndArray(); break;
            default: w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }

    public static string Describe(object? v) => v switch
    {
        null => "None", object?[] items => "(" + string.Join(", ", items.Select(Describe)) + ")", _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Float(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PyFormat.ReprFloat(d);
}
