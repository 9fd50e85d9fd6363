using System.Net;
using System.Text.Json;
using SharpJit.Server;
using Xunit;

namespace SharpJit.Tests.Server;

/// <summary>The compile service's parts in-process: options, body checks, JSON values, and the worker's handling of
/// requests (the HTTP side, processes and limits are tested end to end in tests/python/test_remote.py).</summary>
public class ServerTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void OptionsBindToLoopbackOnlyAndNeedALongToken()
    {
        var o = ServeCommand.Parse(new[] { "--port", "0" });
        Assert.Equal(IPAddress.Loopback, o.Host);
        Assert.Equal(48, o.Token.Length);                       // generated: 24 random bytes in hex
        Assert.NotEqual(o.Token, ServeCommand.Parse(Array.Empty<string>()).Token);
        Assert.Equal(IPAddress.IPv6Loopback, ServeCommand.Parse(new[] { "--host", "::1" }).Host);
        Assert.Contains("not a loopback address", Assert.Throws<ArgumentException>(() => ServeCommand.Parse(new[] { "--host", "0.0.0.0" })).Message);
        Assert.Contains("not a loopback address", Assert.Throws<ArgumentException>(() => ServeCommand.Parse(new[] { "--host", "10.1.2.3" })).Message);
        Assert.Contains("at least 16 characters", Assert.Throws<ArgumentException>(() => ServeCommand.Parse(new[] { "--token", "abc" })).Message);
        Assert.Contains("--timeout must be a number", Assert.Throws<ArgumentException>(() => ServeCommand.Parse(new[] { "--timeout", "x" })).Message);
        var limits = ServeCommand.Parse(new[] { "--max-body", "4096", "--timeout", "3", "--workers", "3", "--token", "0123456789abcdef" });
        Assert.Equal((4096L, 3.0, 3, "0123456789abcdef"), (limits.MaxBodyBytes, limits.Timeout.TotalSeconds, limits.Workers, limits.Token));
        Assert.Equal(7, ServeCommand.Parse(new[] { "--recycle", "7" }).RecycleAfter);
        Assert.Equal(200, limits.RecycleAfter);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, not an array")]
    [InlineData("{}", "missing field 'source'")]
    [InlineData("{\"source\": \"x\", \"function\": \"f\"}", "missing field 'args'")]
    [InlineData("{\"source\": \"x\", \"function\": 1, \"args\": []}", "field 'function' must be a string, not a number")]
    [InlineData("{\"source\": \"x\", \"function\": \"2f\", \"args\": []}", "must be a Python identifier")]
    [InlineData("{\"source\": \"x\", \"function\": \"f\", \"args\": [], \"x\": 1}", "unknown field 'x'")]
    [InlineData("{\"source\": \"\", \"function\": \"f\", \"args\": []}", "field 'source' is empty")]
    public void MalformedRunBodiesSayWhy(string body, string reason) => Assert.Contains(reason, Schema.Run(Json(body)));

    [Fact]
    public void GoodBodiesPass()
    {
        Assert.Null(Schema.Run(Json("{\"source\": \"def f(x):\\n    return x\\n\", \"function\": \"f\", \"args\": [1], \"signature\": null}")));
        Assert.Null(Schema.Compile(Json("{\"source\": \"x\", \"functions\": [\"f:int64(int64)\"], \"target\": \"aarch64-linux-gnu\"}")));
        Assert.Contains("field 'functions' is empty", Schema.Compile(Json("{\"source\": \"x\", \"functions\": []}")));
    }

    [Fact]
    public void ValuesRoundTripAsPythonsJsonReadsThem()
    {
        var v = Values.FromJson(Json("[1, 2.0, 2.5, true, null, [3, {\"$complex\": [1, -2]}], {\"$float\": \"nan\"}, {\"$float\": \"-inf\"}, 1e3]"), "args");
        var items = Assert.IsType<object?[]>(v);
        Assert.Equal(1L, items[0]);
        Assert.Equal(2.0, items[1]);
        Assert.Equal(true, items[3]);
        Assert.Null(items[4]);
        Assert.Equal(new System.Numerics.Complex(1, -2), ((object?[])items[5]!)[1]);
        Assert.True(double.IsNaN((double)items[6]!));
        Assert.Equal(double.NegativeInfinity, items[7]);
        Assert.Equal(1000.0, items[8]);
        string json = SharpJit.Server.Reply.Build(w => { w.WritePropertyName("r"); Values.Write(w, new object?[] { 1L, 1.0, double.NaN, double.PositiveInfinity, 1e16, new System.Numerics.Complex(0, 1), null, false }); });
        Assert.Equal("{\"r\":[1,1.0,NaN,Infinity,1e+16,{\"$complex\":[0.0,1.0]},null,false]}", json);
        Assert.Contains("is not a value compiled code takes", Assert.Throws<ArgumentException>(() => Values.FromJson(Json("\"text\""), "args[0]")).Message);
    }

    private static JsonElement Ask(string op, string body)
    {
        var r = Worker.Handle($"{{\"op\": \"{op}\", \"body\": {body}}}");
        var e = Json(r.Json);
        return JsonDocument.Parse(JsonSerializer.Serialize(new { status = r.Status, body = e })).RootElement.Clone();
    }

    [Fact]
    public void WorkerRunsCompilesAndReports()
    {
        var ok = Ask("run", "{\"source\": \"def f(x, n):\\n    print('hi', n)\\n    return x * n\\n\", \"function\": \"f\", \"args\": [1.5, 4], \"filename\": \"w.py\"}");
        Assert.Equal(200, ok.GetProperty("status").GetInt32());
        Assert.Equal(6.0, ok.GetProperty("body").GetProperty("result").GetDouble());
        Assert.Equal("float64", ok.GetProperty("body").GetProperty("type").GetString());
        Assert.Equal("hi 4\n", ok.GetProperty("body").GetProperty("stdout").GetString());

        var raised = Ask("run", "{\"source\": \"def f(x):\\n    return 1 // x\\n\", \"function\": \"f\", \"args\": [0], \"filename\": \"w.py\"}");
        var exc = raised.GetProperty("body").GetProperty("exception");
        Assert.Equal("ZeroDivisionError", exc.GetProperty("type").GetString());
        Assert.Contains("File \"w.py\", line 2, in f", exc.GetProperty("traceback").GetString());

        var typing = Ask("run", "{\"source\": \"def f(x):\\n    return x + (1,)\\n\", \"function\": \"f\", \"args\": [0]}");
        Assert.Equal(400, typing.GetProperty("status").GetInt32());
        Assert.Equal("TypingError", typing.GetProperty("body").GetProperty("kind").GetString());

        var declared = Ask("run", "{\"source\": \"def f(x):\\n    return x\\n\", \"function\": \"f\", \"args\": [300], \"signature\": \"uint8(uint8)\"}");
        Assert.Equal(400, declared.GetProperty("status").GetInt32());
        Assert.Contains("does not fit its declared type", declared.GetProperty("body").GetProperty("error").GetString());

        var compiled = Ask("compile", "{\"source\": \"def f(n):\\n    return n + 1\\n\", \"functions\": [\"f:int64(int64)\"], \"formats\": [\"h\", \"ll\"], \"name\": \"inc\"}");
        Assert.Equal(200, compiled.GetProperty("status").GetInt32());
        var header = System.Text.Encoding.UTF8.GetString(compiled.GetProperty("body").GetProperty("files").GetProperty("h").GetBytesFromBase64());
        Assert.Contains("int32_t f(int64_t n, int64_t *result);", header);
        Assert.Contains("const char *inc_last_error(void);", header);
    }
}
