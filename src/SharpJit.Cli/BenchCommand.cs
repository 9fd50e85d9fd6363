using System.Diagnostics;
using System.Globalization;
using SharpJit.Binding;
using SharpJit.Engine;

namespace SharpJit.Cli;

/// <summary>`sharpjit bench`: compile time (warm process, parse to machine code) and steady-state run time of one function.</summary>
public static class BenchCommand
{
    public static int Run(string[] args)
    {
        string file = args[0], function = "kernel", argsName = "BENCH_ARGS";
        int repeat = 5;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--function": function = args[i + 1]; break;
                case "--args": argsName = args[i + 1]; break;
                case "--repeat": repeat = int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : throw new CliError($"--repeat needs a positive integer, not '{args[i + 1]}'", 2); break;
                default: throw new CliError($"unknown option {args[i]}", 2);
            }
        }
        var script = ScriptFile.Read(file, runnable: false);
        string path = script.Path;
        string source = script.Text.Split("\n# --- sanity ---\n")[0];
        var first = SharpJitEngine.FromSource(source, path);
        var callArgs = first.Module.Globals.TryGetValue(argsName, out var g) && g.Kind == GlobalKind.Constant && g.ConstantValue is object?[] t
            ? t : throw new CliError($"{argsName} must be a module-level constant tuple", 2);
        var types = callArgs.Select(ValueLayout.TypeOf).ToArray();

        var sw = Stopwatch.StartNew();
        if (!first.Module.Globals.TryGetValue(function, out var fg) || fg.Kind != GlobalKind.Function)
            throw new CliError($"no module-level function named '{function}'", 2);
        var fn = first.Compile(function, types);
        double coldMs = sw.Elapsed.TotalMilliseconds;
        var compile = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            sw.Restart();
            SharpJitEngine.FromSource(source, path).Compile(function, types);
            compile.Add(sw.Elapsed.TotalMilliseconds);
        }
        object? result = fn.Invoke(callArgs); // warm-up
        var runs = new List<double>();
        for (int i = 0; i < repeat; i++)
        {
            sw.Restart();
            result = fn.Invoke(callArgs);
            runs.Add(sw.Elapsed.TotalSeconds);
        }
        string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);
        Console.WriteLine($"{{\"first_compile_ms\": {Num(coldMs)}, \"compile_ms\": {Num(Median(compile))}, \"run_s\": {Num(Median(runs))}, \"result\": \"{result}\"}}");
        return 0;
    }

    private static double Median(List<double> xs) { xs.Sort(); return xs[xs.Count / 2]; }
}
