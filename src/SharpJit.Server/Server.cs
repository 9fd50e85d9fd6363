using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SharpJit.Server;

/// <summary>Settings of `sharpjit serve`.</summary>
public sealed record ServeOptions
{
    public IPAddress Host { get; init; } = IPAddress.Loopback;
    public int Port { get; init; } = 8787;
    public string Token { get; init; } = "";
    public long MaxBodyBytes { get; init; } = 1 << 20;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);
    /// <summary>A worker process is replaced after this many requests (compiled code accumulates in its JIT).</summary>
    public int RecycleAfter { get; init; } = 200;
}

/// <summary>
/// `sharpjit serve`: an HTTP compile service on Kestrel, bound to a loopback address. Every request needs
/// <c>Authorization: Bearer TOKEN</c>; bodies are size-limited and checked here; compiling and running happen in a
/// pool of worker processes, so a request that crashes or hangs its worker never takes the server down.
/// POST /run {source, function, args, signature?, filename?}; POST /compile {source, functions, target?, cpu?, name?,
/// formats?, filename?}; GET /health.
/// </summary>
public static class ServeCommand
{
    private const string Usage = "usage: sharpjit serve [--port N] [--host 127.0.0.1] [--token TOKEN] [--max-body BYTES] [--timeout SECONDS] [--workers N] [--recycle REQUESTS]";

    public static int Run(string[] args, Func<ProcessStartInfo> workerStartInfo)
    {
        ServeOptions options;
        try { options = Parse(args); }
        catch (ArgumentException e) { Console.Error.WriteLine("sharpjit serve: " + e.Message); Console.Error.WriteLine(Usage); return 2; }
        using var pool = new WorkerPool(options.Workers, workerStartInfo, options.RecycleAfter);
        var app = Build(options, pool);
        try { app.StartAsync().GetAwaiter().GetResult(); }
        catch (IOException e) { Console.Error.WriteLine($"sharpjit serve: cannot listen on {options.Host}:{options.Port}: {e.Message}"); return 1; }
        var url = app.Urls.First();
        Console.Out.WriteLine($"sharpjit serve: listening on {url}");
        Console.Out.WriteLine($"sharpjit serve: token {options.Token}");
        Console.Out.Flush();
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return 0;
    }

    public static ServeOptions Parse(string[] args)
    {
        var o = new ServeOptions { Token = Environment.GetEnvironmentVariable("SHARPJIT_SERVE_TOKEN") ?? "" };
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            long Number(string what, long min, long max)
            {
                var v = Value();
                return long.TryParse(v, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{what} must be a number from {min} to {max}, not '{v}'");
            }
            switch (args[i])
            {
                case "--port": o = o with { Port = (int)Number("--port", 0, 65535) }; break;
                case "--host":
                    var h = Value();
                    if (!IPAddress.TryParse(h == "localhost" ? "127.0.0.1" : h, out var ip)) throw new ArgumentException($"--host takes an IP address, not '{h}'");
                    if (!IPAddress.IsLoopback(ip)) throw new ArgumentException($"--host {h} is not a loopback address: the service only listens on this machine (127.0.0.1 or ::1)");
                    o = o with { Host = ip };
                    break;
                case "--token": o = o with { Token = Value() }; break;
                case "--max-body": o = o with { MaxBodyBytes = Number("--max-body", 256, 1L << 30) }; break;
                case "--timeout": o = o with { Timeout = TimeSpan.FromSeconds(Number("--timeout", 1, 3600)) }; break;
                case "--workers": o = o with { Workers = (int)Number("--workers", 1, 64) }; break;
                case "--recycle": o = o with { RecycleAfter = (int)Number("--recycle", 1, 1_000_000) }; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Token.Length == 0) o = o with { Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant() };
        else if (o.Token.Length < 16) throw new ArgumentException("the token must have at least 16 characters");
        return o;
    }

    public static WebApplication Build(ServeOptions options, WorkerPool pool)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.Host, options.Port);
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.MaxConcurrentConnections = 128;
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var token = Encoding.UTF8.GetBytes(options.Token);

        app.Use(async (ctx, next) =>
        {
            string auth = ctx.Request.Headers.Authorization.ToString();
            if (auth.Length == 0)
            {
                await Send(ctx, Reply.Error(401, "missing token: send the header 'Authorization: Bearer TOKEN' (printed when the server started)"));
                return;
            }
            var given = Encoding.UTF8.GetBytes(auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..].Trim() : "");
            if (!CryptographicOperations.FixedTimeEquals(given, token))
            {
                await Send(ctx, Reply.Error(403, "wrong token"));
                return;
            }
            try { await next(ctx); }
            catch (BadHttpRequestException e) when (e.StatusCode == 413)
            {
                if (!ctx.Response.HasStarted) await Send(ctx, Reply.Error(413, $"request body larger than {options.MaxBodyBytes} bytes"));
            }
            catch (BadHttpRequestException e)
            {
                if (!ctx.Response.HasStarted) await Send(ctx, Reply.Error(e.StatusCode, "bad request: " + e.Message));
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested) { /* the client went away */ }
            catch (Exception e)
            {
                Console.Error.WriteLine($"sharpjit serve: internal error on {ctx.Request.Path}: {e}");
                if (!ctx.Response.HasStarted) await Send(ctx, Reply.Error(500, $"internal server error ({e.GetType().Name}); the server keeps running"));
            }
        });

        app.MapGet("/health", ctx => Send(ctx, new Reply(200, Reply.Build(w =>
        {
            w.WriteString("status", "ok");
            w.WriteString("version", typeof(ServeCommand).Assembly.GetName().Version?.ToString() ?? "0");
            w.WriteNumber("workers", options.Workers);
            w.WriteNumber("workers_started", pool.Started);
        }))));
        app.MapPost("/run", ctx => Handle(ctx, "run", options, pool, Schema.Run));
        app.MapPost("/compile", ctx => Handle(ctx, "compile", options, pool, Schema.Compile));
        app.MapFallback(ctx =>
        {
            string path = ctx.Request.Path.Value ?? "";
            string? allowed = path is "/run" or "/compile" ? "POST" : path == "/health" ? "GET" : null;
            if (allowed != null)
            {
                ctx.Response.Headers.Allow = allowed;
                return Send(ctx, Reply.Error(405, $"{path} takes {allowed}, not {ctx.Request.Method}"));
            }
            return Send(ctx, Reply.Error(404, $"no endpoint {ctx.Request.Method} {path}: use POST /run, POST /compile or GET /health"));
        });
        return app;
    }

    private static async Task Handle(HttpContext ctx, string op, ServeOptions options, WorkerPool pool, Func<JsonElement, string?> check)
    {
        if (ctx.Request.ContentLength is long n && n > options.MaxBodyBytes)
        {
            await Send(ctx, Reply.Error(413, $"request body larger than {options.MaxBodyBytes} bytes"));
            return;
        }
        var ms = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
        string bodyJson;
        try
        {
            using var doc = JsonDocument.Parse(ms.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            if (check(doc.RootElement) is { } problem) { await Send(ctx, Reply.Error(400, problem)); return; }
            bodyJson = doc.RootElement.GetRawText();
        }
        catch (JsonException e)
        {
            await Send(ctx, Reply.Error(400, $"the body is not valid JSON: {e.Message}"));
            return;
        }
        await Send(ctx, await pool.SendAsync(op, bodyJson, options.Timeout, ctx.RequestAborted));
    }

    private static async Task Send(HttpContext ctx, Reply reply)
    {
        ctx.Response.StatusCode = reply.Status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await ctx.Response.WriteAsync(reply.Json + "\n");
    }
}

/// <summary>Shape checks of request bodies: the reason a body is malformed, or null.</summary>
public static class Schema
{
    private static string? Fields(JsonElement body, string[] required, Dictionary<string, JsonValueKind> kinds)
    {
        if (body.ValueKind != JsonValueKind.Object) return $"the body must be a JSON object, not {Kind(body.ValueKind)}";
        foreach (var p in body.EnumerateObject())
        {
            if (!kinds.TryGetValue(p.Name, out var kind)) return $"unknown field '{p.Name}' (expected {string.Join(", ", kinds.Keys)})";
            if (p.Value.ValueKind != kind && !(p.Value.ValueKind == JsonValueKind.Null && !required.Contains(p.Name)))
                return $"field '{p.Name}' must be {Kind(kind)}, not {Kind(p.Value.ValueKind)}";
        }
        foreach (var r in required)
            if (!body.TryGetProperty(r, out _)) return $"missing field '{r}'";
        return null;
    }

    private static string Kind(JsonValueKind k) => k switch
    {
        JsonValueKind.Object => "an object", JsonValueKind.Array => "an array", JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number", JsonValueKind.True or JsonValueKind.False => "a boolean", JsonValueKind.Null => "null", _ => "nothing",
    };

    private static bool IsIdentifier(string s) => s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');

    public static string? Run(JsonElement body)
    {
        var problem = Fields(body, new[] { "source", "function", "args" }, new()
        {
            ["source"] = JsonValueKind.String, ["function"] = JsonValueKind.String, ["args"] = JsonValueKind.Array,
            ["signature"] = JsonValueKind.String, ["filename"] = JsonValueKind.String,
        });
        if (problem != null) return problem;
        if (body.GetProperty("source").GetString()!.Trim().Length == 0) return "field 'source' is empty";
        if (!IsIdentifier(body.GetProperty("function").GetString()!)) return "field 'function' must be a Python identifier";
        if (body.GetProperty("args").GetArrayLength() > 256) return "too many arguments (at most 256)";
        return null;
    }

    public static string? Compile(JsonElement body)
    {
        var problem = Fields(body, new[] { "source", "functions" }, new()
        {
            ["source"] = JsonValueKind.String, ["functions"] = JsonValueKind.Array, ["target"] = JsonValueKind.String,
            ["cpu"] = JsonValueKind.String, ["name"] = JsonValueKind.String, ["formats"] = JsonValueKind.Array, ["filename"] = JsonValueKind.String,
        });
        if (problem != null) return problem;
        if (body.GetProperty("source").GetString()!.Trim().Length == 0) return "field 'source' is empty";
        var fns = body.GetProperty("functions");
        if (fns.GetArrayLength() == 0) return "field 'functions' is empty: give \"name:signature\" strings";
        if (fns.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String)) return "field 'functions' must hold \"name:signature\" strings";
        if (body.TryGetProperty("formats", out var fm) && fm.ValueKind == JsonValueKind.Array && fm.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
            return "field 'formats' must hold strings (ll, bc, o, so, h)";
        return null;
    }
}
