using SharpJit.Binding;
using SharpJit.Codegen;
using SharpJit.Diagnostics;
using SharpJit.Engine;
using SharpJit.IR;
using SharpJit.Llvm;
using SharpJit.Runtime;
using SharpJit.Syntax;
using SharpJit.Typing;

namespace SharpJit.Cli;

public static class Program
{
    private const string Usage = """
        usage: sharpjit run FILE.py
               sharpjit dump --stage=tokens|ast|ir|typed|llvm|llvm-opt|asm FILE.py [--function NAME]
               sharpjit bench FILE.py [--function kernel] [--args BENCH_ARGS] [--repeat 5]
               sharpjit export FILE.py --function NAME:SIGNATURE ... [--target TRIPLE] [--cpu CPU] -o OUT
               sharpjit serve [--port 8787] [--token TOKEN] [--max-body BYTES] [--timeout SECONDS] [--workers N] [--recycle N]

        run    compiles the whole script (its functions and top-level code) to native code and runs it.
        dump   prints one stage of the pipeline; --function limits ir/typed/llvm output to one function.
        bench  compiles a function for the types of a module-level constant tuple of arguments and prints,
               as JSON, the median compile time (warm process) and the median run time.
        export writes OUT.ll, OUT.bc, OUT.o, OUT.so and OUT.h: the functions with plain C signatures, needing only
               libc and libm (e.g. --function 'f:float64(float64, int64)'; --target aarch64-linux-gnu; --cpu native).
        serve  an HTTP compile service on 127.0.0.1 (POST /run, POST /compile, GET /health), every request with
               'Authorization: Bearer TOKEN' (given, $SHARPJIT_SERVE_TOKEN, or generated and printed at start).
        """;

    public static int Main(string[] args)
    {
        StandardStreams.Install();
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Environment.Exit(InternalError(e.ExceptionObject as Exception));
        if (args.Length == 0 || args[0] is "-h" or "--help") { Console.Out.Write(Usage); return args.Length == 0 ? 2 : 0; }
        try
        {
            return args[0] switch
            {
                "run" when args.Length == 2 => Run(args[1]),
                "dump" => Dump(args[1..]),
                "bench" when args.Length >= 2 => BenchCommand.Run(args[1..]),
                "export" => ExportCommand.Run(args[1..]),
                "serve" => Server.ServeCommand.Run(args[1..], WorkerStartInfo),
                "worker" when args.Length == 1 => Server.Worker.Main(),
                _ => UsageError($"unknown command or arguments: {string.Join(' ', args)}"),
            };
        }
        catch (CompileError e)
        {
            RuntimeOutput.Flush();
            Console.Error.WriteLine(e.Diagnostic.Render());
            return StatusAtExit(1);
        }
        catch (CliError e)
        {
            Console.Error.WriteLine("sharpjit: " + e.Message);
            return e.ExitStatus;
        }
        catch (StreamWriteException e)
        {
            // dump and bench writing to a closed pipe or a full disk: CPython's last line for the same failure.
            StandardStreams.TryWriteError(e.PythonLastLine + "\n");
            return 1;
        }
        catch (Exception e)
        {
            return InternalError(e);
        }
    }

    /// <summary>The last resort: a bug in sharpjit gets a one-line report, never .NET's exception text.</summary>
    private static int InternalError(Exception? e)
    {
        RuntimeOutput.Flush();
        string what = e == null ? "unknown error" : e.GetType().Name;
        string message = $"sharpjit: internal error ({what}); this is a bug in sharpjit, please report it";
        if (Environment.GetEnvironmentVariable("SHARPJIT_DEBUG") is { Length: > 0 } && e != null) message += "\n" + e;
        StandardStreams.TryWriteError(message + "\n");
        return 1;
    }

    /// <summary>How `serve` starts a worker: this program again (`dotnet SharpJit.Cli.dll worker`), with the full LLVM.</summary>
    private static System.Diagnostics.ProcessStartInfo WorkerStartInfo()
    {
        var host = Environment.ProcessPath!;
        var psi = new System.Diagnostics.ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("worker");
        // Export targets other than x86 need Debian's full LLVM (the bundled one is x86-only).
        var full = new[] { "/usr/lib/llvm-19/lib/libLLVM.so.19.1", "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1" }.FirstOrDefault(File.Exists);
        if (full != null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LlvmLibrary.OverrideVariable)))
            psi.Environment[LlvmLibrary.OverrideVariable] = full;
        return psi;
    }

    private static int UsageError(string message)
    {
        Console.Error.WriteLine("sharpjit: " + message);
        Console.Error.Write(Usage);
        return 2;
    }

    private static int Run(string path)
    {
        var source = ScriptFile.Read(path, runnable: true);
        StandardStreams.ConfigureOutputForRun();
        var engine = SharpJitEngine.FromSource(source.Text, source.Path);
        try
        {
            engine.Run();
            return StatusAtExit(0);
        }
        catch (PythonException e)
        {
            RuntimeOutput.Flush();   // as CPython, before the traceback (a failure is reported after it)
            Console.Error.Write(e.FormatTraceback());
            return StatusAtExit(1);
        }
    }

    /// <summary>The exit status, unless flushing stdout failed (`| head -1` after the program printed less than a
    /// buffer, a full disk): then, as CPython, "Exception ignored" for sys.stdout and status 120.</summary>
    private static int StatusAtExit(int status)
    {
        // For tests and the fuzzer: allocations compiled code made and did not free (0 unless something leaked).
        if (Environment.GetEnvironmentVariable("SHARPJIT_REPORT_LIVE") == "1")
            Console.Error.WriteLine($"sharpjit: live allocations at exit: {RuntimeStats.LiveAllocations}");
        RuntimeOutput.Flush();
        if (RuntimeOutput.TakeWriteError() is not { } e) return status;
        string line = e is StreamWriteException s ? s.PythonLastLine : "OSError: " + e.Message;
        StandardStreams.TryWriteError("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n" + line + "\n");
        return 120;
    }

    private static int Dump(string[] args)
    {
        string? stage = null, file = null, function = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--stage=")) stage = args[i]["--stage=".Length..];
            else if (args[i] == "--stage" && i + 1 < args.Length) stage = args[++i];
            else if (args[i].StartsWith("--function=")) function = args[i]["--function=".Length..];
            else if (args[i] == "--function" && i + 1 < args.Length) function = args[++i];
            else file = args[i];
        }
        if (stage == null || file == null) return UsageError("dump needs --stage=STAGE and a file");
        if (!Dumper.Stages.Contains(stage)) return UsageError($"unknown stage '{stage}'; choose one of {string.Join(", ", Dumper.Stages)}");
        Console.Out.Write(Dumper.Dump(ScriptFile.Read(file, runnable: false), stage, function));
        return 0;
    }
}
