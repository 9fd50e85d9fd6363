using SharpJit.Diagnostics;
using SharpJit.Export;

namespace SharpJit.Cli;

/// <summary>sharpjit export FILE.py --function NAME:SIGNATURE ... [--target TRIPLE] [--cpu CPU] -o OUT</summary>
public static class ExportCommand
{
    public static int Run(string[] args)
    {
        string? file = null, output = null, target = null, cpu = null;
        var functions = new List<ExportRequest>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value(string option) => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{option} needs a value");
                switch (args[i])
                {
                    case "--function" or "-f": functions.Add(ExportRequest.Parse(Value("--function"))); break;
                    case "--target": target = Value("--target"); break;
                    case "--cpu": cpu = Value("--cpu"); break;
                    case "-o" or "--output": output = Value("-o"); break;
                    default:
                        if (args[i].StartsWith("--function=")) functions.Add(ExportRequest.Parse(args[i]["--function=".Length..]));
                        else if (args[i].StartsWith("--target=")) target = args[i]["--target=".Length..];
                        else if (args[i].StartsWith("--cpu=")) cpu = args[i]["--cpu=".Length..];
                        else if (args[i].StartsWith('-')) throw new ArgumentException($"unknown option {args[i]}");
                        else if (file == null) file = args[i];
                        else throw new ArgumentException($"unexpected argument {args[i]}");
                        break;
                }
            }
            if (file == null) throw new ArgumentException("export needs a Python file");
            if (output == null) throw new ArgumentException("export needs -o OUT (the files written are OUT.ll, OUT.bc, OUT.o, OUT.so and OUT.h)");
            var source = SourceText.FromFile(Path.GetFullPath(file));
            var result = Exporter.Export(source, functions, output, new ExportOptions(target, cpu));
            foreach (var (kind, path) in result.Files) Console.Out.WriteLine($"{kind,-3} {path}");
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("sharpjit export: " + e.Message);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine("sharpjit export: " + e.Message);
            return 1;
        }
    }
}
