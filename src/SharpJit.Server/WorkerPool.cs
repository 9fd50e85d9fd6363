using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace SharpJit.Server;

/// <summary>
/// A fixed pool of worker processes (`sharpjit worker`): one request at a time each. A worker that crashes, or runs
/// past the time limit (and is killed), is replaced; so is one that has served <see cref="RecycleAfter"/> requests
/// (compiled code accumulates in its JIT).
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly Channel<WorkerProcess> _idle;
    private readonly Func<ProcessStartInfo> _startInfo;
    private readonly List<WorkerProcess> _all = new();
    private readonly int _recycleAfter;
    private int _started;

    /// <summary>Worker processes started so far (replacements included).</summary>
    public int Started => Volatile.Read(ref _started);

    public WorkerPool(int size, Func<ProcessStartInfo> startInfo, int recycleAfter = 200)
    {
        _startInfo = startInfo;
        _recycleAfter = recycleAfter;
        _idle = Channel.CreateUnbounded<WorkerProcess>();
        for (int i = 0; i < size; i++) _idle.Writer.TryWrite(Start());
    }

    private WorkerProcess Start()
    {
        var w = new WorkerProcess(_startInfo());
        Interlocked.Increment(ref _started);
        lock (_all) { _all.RemoveAll(x => x.HasExited); _all.Add(w); }
        return w;
    }

    /// <summary>Sends one request ({"op", "body"}) to a free worker and returns its reply; never throws for the worker's sake.</summary>
    public async Task<Reply> SendAsync(string op, string bodyJson, TimeSpan timeout, CancellationToken aborted)
    {
        var w = await _idle.Reader.ReadAsync(aborted);
        try
        {
            if (w.HasExited || w.Served >= _recycleAfter) { w.Dispose(); w = Start(); }
            var line = $"{{\"op\":{JsonSerializer.Serialize(op, ServerJson.Default.String)},\"body\":{bodyJson}}}";
            var (reply, ok) = await w.ExchangeAsync(line, timeout);
            if (!ok) { w.Dispose(); w = Start(); }
            return reply;
        }
        finally { _idle.Writer.TryWrite(w); }
    }

    public void Dispose()
    {
        lock (_all) foreach (var w in _all) w.Dispose();
    }
}

/// <summary>One worker process and its pipes; stderr is kept (the last few KB) to explain a crash.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _p;
    private readonly StringBuilder _stderr = new();
    public int Served;

    public WorkerProcess(ProcessStartInfo psi)
    {
        psi.RedirectStandardInput = psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.StandardOutputEncoding = psi.StandardErrorEncoding = new UTF8Encoding(false);
        psi.StandardInputEncoding = new UTF8Encoding(false);
        _p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start a worker process");
        _p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null) return;
            lock (_stderr)
            {
                _stderr.Append(e.Data).Append('\n');
                if (_stderr.Length > 4096) _stderr.Remove(0, _stderr.Length - 4096);
            }
        };
        _p.BeginErrorReadLine();
    }

    private bool _disposed;

    public bool HasExited
    {
        get
        {
            if (_disposed) return true;
            try { return _p.HasExited; } catch (InvalidOperationException) { return true; }
        }
    }

    /// <summary>The reply, and whether the worker is still usable.</summary>
    public async Task<(Reply, bool)> ExchangeAsync(string line, TimeSpan timeout)
    {
        Served++;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _p.StandardInput.WriteLineAsync(line.AsMemory(), cts.Token);
            await _p.StandardInput.FlushAsync(cts.Token);
            var answer = await _p.StandardOutput.ReadLineAsync(cts.Token);
            if (answer == null) return (Crashed(), false);
            using var doc = JsonDocument.Parse(answer);
            return (new Reply(doc.RootElement.GetProperty("status").GetInt32(), doc.RootElement.GetProperty("body").GetString()!), true);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return (Reply.Error(504, $"the request ran longer than the time limit ({timeout.TotalSeconds:0.#} s) and was stopped"), false);
        }
        catch (IOException) { return (Crashed(), false); }
        catch (JsonException) { Kill(); return (Reply.Error(500, "the worker answered garbage and was replaced"), false); }
    }

    private Reply Crashed()
    {
        try { _p.WaitForExit(2000); } catch (Exception) { }
        string tail;
        lock (_stderr) tail = _stderr.ToString().Trim();
        var last = tail.Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
        string code = _p.HasExited ? $"exit status {_p.ExitCode}" : "no answer";
        return Reply.Error(500, $"the worker process compiling this request crashed ({code}{(last.Length > 0 ? ": " + last : "")}); the server replaced it");
    }

    private void Kill()
    {
        try { if (!_disposed && !_p.HasExited) _p.Kill(entireProcessTree: true); } catch (Exception) { }
    }

    public void Dispose()
    {
        if (_disposed) return;
        Kill();
        _disposed = true;
        _p.Dispose();
    }
}
