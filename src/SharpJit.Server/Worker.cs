using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.Export;
using SharpJit.Runtime;
using SharpJit.Typing;

namespace SharpJit.Server;

/// <summary>A worker's answer: the HTTP status and the JSON body to send.</summary>
public sealed record Reply(int Status, string Json)
{
    public static Reply Error(int status, string message, string? kind = null) => new(status, Build(w =>
    {
        w.WriteString("error", message);
        if (kind != null) w.WriteString("kind", kind);
    }));

    public static string Build(Action<Utf8JsonWriter> body)
    {
        var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}

/// <summary>
/// The worker process (`sharpjit worker`, started by the server): reads one request per line on stdin
/// ({"op": "run" | "compile", "body": {...}}) and writes one reply per line ({"status": N, "body": "JSON text"}) on stdout.
/// Whatever a request does to this process (a crash, a hang), the server only loses this worker.
/// </summary>
public static class Worker
{
    public static int Main()
    {
        var protocol = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);           // nothing but replies on the protocol stream
        var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        JitHost.StartWarmUp();                   // LLVM loads while the worker waits for its first request
        string? line;
        while ((line = input.ReadLine()) != null)
        {
            Reply reply;
            try { reply = Handle(line); }
            catch (Exception e) { reply = Reply.Error(500, $"internal error in the worker: {e.GetType().Name}: {e.Message}"); }
            // The body travels as a JSON string: it may hold NaN and Infinity, which Python's json reads but JSON lacks.
            var bytes = Encoding.UTF8.GetBytes($"{{\"status\":{reply.Status},\"body\":{JsonSerializer.Serialize(reply.Json, ServerJson.Default.String)}}}\n");
            protocol.Write(bytes);
            protocol.Flush();
        }
        JitHost.WaitForWarmUp();
        return 0;
    }

    public static Reply Handle(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var op = doc.RootElement.GetProperty("op").GetString();
        var body = doc.RootElement.GetProperty("body");
        // A test hook (tests/python/test_remote.py): a worker that dies in the middle of a request.
        if (Environment.GetEnvironmentVariable("SHARPJIT_WORKER_TEST_HOOKS") == "1" &&
            body.TryGetProperty("source", out var src) && src.GetString()!.Contains("# sharpjit-test: crash the worker"))
            Environment.FailFast("sharpjit-test: the worker crashed on purpose");
        try
        {
            return op switch
            {
                "run" => Run(body),
                "compile" => Compile(body),
                _ => Reply.Error(400, $"unknown operation '{op}'"),
            };
        }
        catch (CompileError e) { return Reply.Error(400, e.Diagnostic.Render(), e.Kind.ToString()); }
        catch (ArgumentException e) { return Reply.Error(400, e.Message); }
        catch (OverflowException) { return Reply.Error(400, "an argument does not fit its declared type"); }
        catch (InsufficientExecutionStackException) { return Reply.Error(400, "the source is nested too deeply to compile"); }
        catch (InvalidOperationException e) { return Reply.Error(500, e.Message); }
    }

    private static SourceText Source(JsonElement body)
    {
        string file = body.TryGetProperty("filename", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : "<remote>";
        return new SourceText(file, body.GetProperty("source").GetString()!);
    }

    private static Reply Run(JsonElement body)
    {
        var source = Source(body);
        string function = body.GetProperty("function").GetString()!;
        var args = body.GetProperty("args").EnumerateArray().Select((a, k) => Values.FromJson(a, $"args[{k}]")).ToArray();
        var engine = SharpJitEngine.FromSource(source.Text, source.Path);
        SjType[] types;
        if (body.TryGetProperty("signature", out var sigEl) && sigEl.ValueKind == JsonValueKind.String)
        {
            var (_, declared) = TypeNames.ParseSignature(sigEl.GetString()!);
            if (declared.Length != args.Length) throw new ArgumentException($"the signature has {declared.Length} arguments, the call {args.Length}");
            types = declared;
            for (int k = 0; k < args.Length; k++) args[k] = Coerce(args[k], types[k]);
        }
        else types = args.Select(ValueLayout.TypeOf).ToArray();
        var sw = Stopwatch.StartNew();
        var compiled = engine.Compile(function, types);
        double compileMs = sw.Elapsed.TotalMilliseconds;
        var output = new MemoryStream();
        var old = RuntimeOutput.Redirect(output);
        object? result = null;
        PythonException? raised = null;
        sw.Restart();
        try { result = compiled.Invoke(args); }
        catch (PythonException e) { raised = e; }
        finally { RuntimeOutput.Flush(); RuntimeOutput.Redirect(old); }
        double runMs = sw.Elapsed.TotalMilliseconds;
        string printed = Encoding.UTF8.GetString(output.ToArray());
        return new Reply(200, Reply.Build(w =>
        {
            if (raised != null)
            {
                w.WriteStartObject("exception");
                w.WriteString("type", raised.TypeName);
                if (raised.PyMessage != null) w.WriteString("message", raised.PyMessage); else w.WriteNull("message");
                w.WriteString("traceback", raised.FormatTraceback());
                w.WriteEndObject();
            }
            else
            {
                w.WritePropertyName("result");
                Values.Write(w, result);
                w.WriteString("type", compiled.ReturnType.Name);
            }
            w.WriteString("stdout", printed);
            w.WriteNumber("compile_ms", Math.Round(compileMs, 3));
            w.WriteNumber("run_ms", Math.Round(runMs, 3));
        }));
    }

    /// <summary>A JSON value for a declared parameter type: ints where floats are declared, and narrow types.</summary>
    private static object? Coerce(object? v, SjType t) => (v, t) switch
    {
        (long l, ScalarType { Kind: ScalarKind.Float, Bits: 64 }) => (double)l,
        (long l, ScalarType { Kind: ScalarKind.Float, Bits: 32 }) => (float)l,
        (double d, ScalarType { Kind: ScalarKind.Float, Bits: 32 }) => (float)d,
        (long l, ScalarType { Kind: ScalarKind.Complex }) => new System.Numerics.Complex(l, 0),
        (double d, ScalarType { Kind: ScalarKind.Complex }) => new System.Numerics.Complex(d, 0),
        (long l, ScalarType { Kind: ScalarKind.Int, Bits: 32 }) => checked((int)l),
        (long l, ScalarType { Kind: ScalarKind.Int, Bits: 16 }) => checked((short)l),
        (long l, ScalarType { Kind: ScalarKind.Int, Bits: 8 }) => checked((sbyte)l),
        (long l, ScalarType { Kind: ScalarKind.UInt, Bits: 8 }) => checked((byte)l),
        (long l, ScalarType { Kind: ScalarKind.UInt, Bits: 16 }) => checked((ushort)l),
        (long l, ScalarType { Kind: ScalarKind.UInt, Bits: 32 }) => checked((uint)l),
        (long l, ScalarType { Kind: ScalarKind.UInt, Bits: 64 }) => checked((ulong)l),
        (object?[] items, TupleType tt) when items.Length == tt.Items.Length => items.Select((x, k) => Coerce(x, tt.Items[k])).ToArray(),
        _ => ValueLayout.TypeOf(v) == t ? v : throw new ArgumentException($"argument {Values.Describe(v)} does not fit the declared type {t.Name}"),
    };

    private static readonly HashSet<string> Kinds = new() { "ll", "bc", "o", "so", "h" };

    private static Reply Compile(JsonElement body)
    {
        var source = Source(body);
        var requests = body.GetProperty("functions").EnumerateArray().Select(f => ExportRequest.Parse(f.GetString()!)).ToList();
        string? target = body.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        string? cpu = body.TryGetProperty("cpu", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "module";
        var formats = body.TryGetProperty("formats", out var fm) && fm.ValueKind == JsonValueKind.Array
            ? fm.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : Kinds.ToList();
        foreach (var f in formats)
            if (!Kinds.Contains(f)) throw new ArgumentException($"unknown format '{f}': use ll, bc, o, so or h");
        if (Exporter.Prefix(name) != name) throw new ArgumentException($"name '{name}' is not a C identifier");
        var dir = Directory.CreateTempSubdirectory("sharpjit-serve-");
        try
        {
            var sw = Stopwatch.StartNew();
            var result = Exporter.Export(source, requests, Path.Combine(dir.FullName, name), new ExportOptions(target, cpu));
            return new Reply(200, Reply.Build(w =>
            {
                w.WriteString("triple", result.Triple);
                w.WriteStartObject("files");
                foreach (var f in formats) w.WriteBase64String(f, File.ReadAllBytes(result.Files[f]));
                w.WriteEndObject();
                w.WriteNumber("compile_ms", Math.Round(sw.Elapsed.TotalMilliseconds, 3));
            }));
        }
        finally { dir.Delete(recursive: true); }
    }
}
