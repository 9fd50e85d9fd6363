using SharpJit.Diagnostics;
using SharpJit.Runtime;
using SharpJit.Syntax;
using SharpJit.Typing;

using Attribute = SharpJit.Syntax.Attribute;

namespace SharpJit.Binding;

/// <summary>Creates a FunctionInfo per def/lambda, finds each scope's locals, free variables and globals.</summary>
internal sealed class ScopeAnalyzer
{
    private readonly ModuleInfo _module;
    public ScopeAnalyzer(ModuleInfo module) { _module = module; }

    public void Run()
    {
        var main = _module.Main;
        CollectModuleGlobals(_module.Ast.Body, topLevel: true);
        CollectScope(main, _module.Ast.Body);
        // Module-level imports and defs are globals, not SSA locals of the module body.
        foreach (var g in _module.Globals.Values)
            if (g.Kind is GlobalKind.Function or GlobalKind.Module or GlobalKind.ModuleMember or GlobalKind.ExceptionClass or GlobalKind.NamedTupleClass
                or GlobalKind.ExternFunction or GlobalKind.Class) main.Locals.Remove(g.Name);
        ResolveFree(main);
        FindConstants();
    }

    /// <summary>Adds one module-level function parsed after the module (see <see cref="ModuleInfo.Definitions"/>): as
    /// <see cref="Run"/> would have analysed it had it been in the module's text.</summary>
    public FunctionInfo AddFunction(FunctionDef def)
    {
        CompileDepth.CheckNesting(_module.Source, def);
        var main = _module.Main;
        CollectModuleGlobals(new List<Stmt> { def }, topLevel: true);
        CollectScope(main, new Node[] { def });
        main.Locals.Remove(def.Name);
        var fn = _module.Globals[def.Name].Function!;
        ResolveFree(fn);
        return fn;
    }

    private void CollectModuleGlobals(List<Stmt> body, bool topLevel)
    {
        CompileDepth.EnsureStack();
        foreach (var s in body)
        {
            switch (s)
            {
                case FunctionDef f: Define(f.Name, GlobalKind.Function, s.Span).Function = null; break;
                case ClassDef c when topLevel && ExceptionClassMro(c) is { } mro:
                    Define(c.Name, GlobalKind.ExceptionClass, s.Span).ExceptionMro = mro;
                    break;
                case ClassDef c when topLevel && NamedTupleClass(c) is { } nt:
                {
                    var g = Define(c.Name, GlobalKind.NamedTupleClass, s.Span);
                    (g.NamedTuple, g.NamedTupleDefaults) = nt;
                    break;
                }
                case ClassDef c when topLevel && IsPlainClass(c):
                    Define(c.Name, GlobalKind.Class, s.Span).Class = PlainClass(c);
                    break;
                case Assign { Targets: [Name target], Value: Call call } when topLevel && NamedTupleCall(target.Id, call) is { } info:
                {
                    var g = Define(target.Id, GlobalKind.NamedTupleClass, s.Span);
                    (g.NamedTuple, g.NamedTupleDefaults) = (info, Array.Empty<object?>());
                    break;
                }
                case Assign { Targets: [Name target], Value: Call call } when topLevel && IsExternCall(call):
                    Define(target.Id, GlobalKind.ExternFunction, s.Span).Extern = ExternCall(call);
                    break;
                case Assign { Targets: [Name target], Value: Call call } when topLevel && LoadBitcodeCall.Matches(call):
                {
                    var library = LoadBitcodeCall.Load(_module, call);
                    var g = Define(target.Id, GlobalKind.Module, s.Span);
                    (g.ModuleName, g.HostObject) = (library.FileName, library);
                    break;
                }
                case Import imp:
                    foreach (var a in imp.Names)
                    {
                        CheckModule(a.Name, imp.Span);
                        // `import numpy.linalg` binds numpy; `import numpy.linalg as la` binds the submodule.
                        var module = a.AsName == null ? a.Name.Split('.')[0] : a.Name;
                        var g = Define(a.AsName ?? module, GlobalKind.Module, a.Span);
                        g.ModuleName = module;
                    }
                    break;
                case ImportFrom imf:
                    CheckModule(imf.Module ?? "", imf.Span);
                    foreach (var a in imf.Names)
                    {
                        if (a.Name == "*") throw _module.Error(ErrorKind.UnsupportedError, $"'from {imf.Module} import *' is not supported", a.Span, "import the names you use explicitly");
                        var g = Define(a.AsName ?? a.Name, GlobalKind.ModuleMember, a.Span);
                        g.ModuleName = imf.Module; g.MemberName = a.Name;
                    }
                    break;
                case If i: CollectModuleGlobals(i.Body, false); CollectModuleGlobals(i.OrElse, false); break;
                case While w: CollectModuleGlobals(w.Body, false); CollectModuleGlobals(w.OrElse, false); break;
                case For f: CollectModuleGlobals(f.Body, false); CollectModuleGlobals(f.OrElse, false); break;
                case Try t:
                    CollectModuleGlobals(t.Body, false);
                    foreach (var h in t.Handlers) CollectModuleGlobals(h.Body, false);
                    CollectModuleGlobals(t.OrElse, false); CollectModuleGlobals(t.FinalBody, false);
                    break;
            }
        }
    }

    /// <summary>The module a script's classes belong to: CPython names classes of the main script __main__.X.</summary>
    public const string ScriptModuleName = "__main__";

    /// <summary>A class compiled code can use: an exception class at module level whose body is only a docstring,
    /// <c>pass</c> or <c>...</c>, with one base, a built-in exception class or one defined above it. Its method
    /// resolution order, else null (the binder rejects the class).</summary>
    private string[]? ExceptionClassMro(ClassDef c)
    {
        if (c.DecoratorList.Count > 0 || c.Keywords.Count > 0 || c.Bases.Count == 0 || !c.Bases.All(b => b is Name)) return null;
        if (!c.Body.All(s => s is Pass || s is ExprStmt { Value: Constant { Value: string or PyEllipsis } })) return null;
        var baseMros = new List<string[]>();
        foreach (Name b in c.Bases)
        {
            if (_module.Globals.TryGetValue(b.Id, out var g))
            {
                if (g.Kind != GlobalKind.ExceptionClass) return null;
                baseMros.Add(g.ExceptionMro!);
            }
            else if (Library.Builtins.ExceptionNames.Contains(b.Id) || Runtime.ExceptionClasses.IsBuiltin(b.Id)) baseMros.Add(Runtime.ExceptionClasses.Mro(b.Id));
            else return null;
        }
        return Linearise($"{ScriptModuleName}.{c.Name}", baseMros);
    }

    /// <summary>A class without bases (or with <c>object</c>), optionally under <c>@sharpjit.jitclass</c>: compiled as a
    /// class of its own (its body is checked by <see cref="PlainClass"/>).</summary>
    private bool IsPlainClass(ClassDef c) =>
        c.Keywords.Count == 0 && c.DecoratorList.All(IsJitclassDecorator)
        && (c.Bases.All(b => b is Name { Id: "object" }) || CompiledBase(c) != null);

    /// <summary>The compiled class a class derives from: one base, a plain class defined above it (or one the host
    /// supplies), else null.</summary>
    private ClassInfo? CompiledBase(ClassDef c) =>
        c.Bases is [Name b] && b.Id != c.Name && _module.Resolve(b.Id) is { Kind: GlobalKind.Class, Class: { } cls } ? cls : null;

    private static bool IsJitclassDecorator(Expr d) => (d is Call call ? call.Func : d) is Name { Id: "jitclass" } or Attribute { Value: Name { Id: "sharpjit" }, Attr: "jitclass" };

    /// <summary>The class's constants and method names; its methods are analysed with the module's scope
    /// (<see cref="CollectClass"/>).</summary>
    private ClassInfo PlainClass(ClassDef c)
    {
        var info = new ClassInfo(c.Name, $"{ScriptModuleName}.{c.Name}", c, _module) { Base = CompiledBase(c) };
        if (info.Base is { } inherited)
        {
            foreach (var (name, value) in inherited.Constants) info.Constants[name] = value;
            foreach (var (name, type) in inherited.Declared) info.Declared[name] = type;
        }
        CompileError Unsupported(Node at, string what, string? hint = null) => _module.Error(ErrorKind.UnsupportedError, what, at.Span, hint);
        // Numba's spec: @jitclass([("x", float64), ...]) or @jitclass(spec=[...]), written out in the decorator.
        foreach (var d in c.DecoratorList.OfType<Call>())
            foreach (var spec in d.Args.Concat(d.Keywords.Where(k => k.Arg == "spec").Select(k => k.Value)))
                if (spec is Syntax.List { Elts: var entries })
                    foreach (var entry in entries)
                        if (entry is Syntax.Tuple { Elts: [Constant { Value: string field }, var type] }) Declare(info, field, type);
        foreach (var s in c.Body)
        {
            switch (s)
            {
                case ExprStmt { Value: Constant { Value: string or PyEllipsis } }: continue;   // docstring
                case Pass: continue;
                case FunctionDef f:
                    foreach (var d in f.DecoratorList)
                        if (d is Name { Id: "staticmethod" }) info.StaticMethods.Add(f.Name);
                        else if (d is Name { Id: "property" }) info.Properties.Add(f.Name);
                        else if (!IsSetterOf(f, d))
                            throw Unsupported(d, "this method decorator is not supported in compiled classes", "methods can be plain, @staticmethod, @property or @NAME.setter");
                    if (f.DecoratorList.Count > 1) throw Unsupported(f.DecoratorList[1], "a compiled class's method takes at most one decorator");
                    continue;
                case AnnAssign { Target: Name field, Value: null, Annotation: var annotation }:   // a declared instance attribute
                    Declare(info, field.Id, annotation);
                    continue;
                case Assign { Targets: [Name target], Value: var v } when ConstEval.TryEval(v, _module) is { } value:
                    info.Constants[target.Id] = value;
                    continue;
                case AnnAssign { Target: Name target, Value: { } v } when ConstEval.TryEval(v, _module) is { } value:
                    info.Constants[target.Id] = value;
                    continue;
                case Assign or AnnAssign:
                    throw Unsupported(s, "class attributes of compiled classes must be constants (numbers, strings, None, tuples of them)",
                        "assign other values to self.NAME in __init__");
                default:
                    throw Unsupported(s, "this statement is not supported in the body of a compiled class",
                        "a compiled class body holds methods, constants and annotated attribute names");
            }
        }
        return info;
    }

    /// <summary><c>@NAME.setter</c> over a method of the same name: the setter of property NAME.</summary>
    private static bool IsSetterOf(FunctionDef f, Expr decorator) =>
        decorator is Attribute { Value: Name { Id: var property }, Attr: "setter" } && property == f.Name;

    /// <summary>An attribute's declared type, when the annotation names one compiled code knows by name (a number type,
    /// str, a tuple); any other annotation leaves the type to inference.</summary>
    private void Declare(ClassInfo info, string field, Expr annotation)
    {
        string text = annotation is Constant { Value: string written } ? written : _module.Source.Text.Substring(annotation.Span.Start, annotation.Span.Length);
        try { info.Declared[field] = TypeNames.Parse(text); }
        catch (ArgumentException) { }
        if (!info.Fields.Contains(field)) info.Fields.Add(field);
    }

    /// <summary>Analyses a class's methods (children of the module: they read module names, not class names) and finds
    /// the instance attributes they assign through their first parameter.</summary>
    private void CollectClass(FunctionInfo module, ClassDef c, ClassInfo info)
    {
        var methods = c.Body.OfType<FunctionDef>().OrderBy(f => f.Name == "__init__" ? 0 : 1).ToList();
        if (info.Base is { } inherited)
        {
            // The base's attributes first (its methods are collected by now: it is defined above).
            info.Fields.InsertRange(0, inherited.Fields.Where(f => !info.Fields.Contains(f)));
            foreach (var (name, method) in inherited.Methods) info.Methods[name] = method;
            info.StaticMethods.UnionWith(inherited.StaticMethods);
            info.Properties.UnionWith(inherited.Properties);
            foreach (var (name, setter) in inherited.Setters) info.Setters[name] = setter;
            if (!methods.Any(f => f.Name == "__init__")) info.AlwaysSet.UnionWith(inherited.AlwaysSet);
            foreach (var f in methods) CallBaseForSuper(f, c, ((Name)c.Bases[0]).Id);
        }
        foreach (var f in c.Body.OfType<FunctionDef>())
        {
            var fn = NewChild(module, f, f.Name, f.Args, f.Body, $"{c.Name}.{f.Name}");
            if (f.DecoratorList.Any(d => IsSetterOf(f, d))) { info.Setters[f.Name] = fn; continue; }
            info.StaticMethods.Remove(f.Name);
            info.Properties.Remove(f.Name);
            info.Setters.Remove(f.Name);   // redefined: a new property starts without a setter, as CPython's does
            if (f.DecoratorList.Any(d => d is Name { Id: "staticmethod" })) info.StaticMethods.Add(f.Name);
            if (f.DecoratorList.Any(d => d is Name { Id: "property" })) info.Properties.Add(f.Name);
            info.Methods[f.Name] = fn;
        }
        foreach (var f in methods)
        {
            if (info.StaticMethods.Contains(f.Name) || f.Args.PosOnlyArgs.Concat(f.Args.Args).FirstOrDefault() is not { } self) continue;
            foreach (var n in AstWalk.Descendants(f))
                if (n is Attribute { Value: Name owner, Ctx: ExprContext.Store } a && owner.Id == self.Name && !info.Fields.Contains(a.Attr))
                    info.Fields.Add(a.Attr);
            if (f.Name == "__init__") FindAlwaysSet(f, self.Name, info);
        }
        info.Fields.RemoveAll(info.Properties.Contains);   // self.NAME = v on a property calls its setter
    }

    /// <summary>Inside a method of a derived class, <c>super().NAME(args)</c> (or <c>super(Cls, self)</c>) is
    /// <c>Base.NAME(self, args)</c>: the base's tables hold everything above it, so this is the next class in the
    /// method resolution order. Rewritten in the tree once (the rewritten form is a fixed point).</summary>
    private void CallBaseForSuper(FunctionDef method, ClassDef cls, string baseName)
    {
        if (method.Args.PosOnlyArgs.Concat(method.Args.Args).FirstOrDefault() is not { } self) return;
        bool IsSuper(Expr e) => e is Call { Func: Name { Id: "super" }, Keywords.Count: 0 } sc
            && (sc.Args.Count == 0 || sc.Args is [Name { Id: var named }, Name { Id: var inst }] && named == cls.Name && inst == self.Name);
        foreach (var n in AstWalk.Descendants(method).ToList())
        {
            if (n is Call { Func: Attribute { Value: var target } method_ } call && IsSuper(target))
            {
                method_.Value = new Name(baseName, ExprContext.Load, target.Span);
                call.Args.Insert(0, new Name(self.Name, ExprContext.Load, target.Span));
            }
            else if (n is Attribute { Value: var value } a && IsSuper(value) && a.Ctx == ExprContext.Load)
                a.Value = new Name(baseName, ExprContext.Load, value.Span);   // a constant of the base (a method read this way is unbound)
        }
    }

    /// <summary>Attributes __init__ assigns at its top level, from values that do not involve self, before any other
    /// statement that uses self: nothing can read them unassigned.</summary>
    private static void FindAlwaysSet(FunctionDef init, string self, ClassInfo info)
    {
        bool UsesSelf(Node n) => AstWalk.Descendants(n).Any(x => x is Name nm && nm.Id == self);
        foreach (var s in init.Body)
        {
            if (s is ExprStmt { Value: Constant } or Pass) continue;
            // super().__init__(...) first (rewritten to Base.__init__(self, ...)): what the base always sets is set.
            if (s is ExprStmt { Value: Call { Func: Attribute { Attr: "__init__", Value: Name baseName } } } && info.Base is { } inherited
                && init.Args.Args.Count > 0 && baseName.Id == ((Name)info.Node.Bases[0]).Id)
            {
                info.AlwaysSet.UnionWith(inherited.AlwaysSet);
                continue;
            }
            if (s is Assign { Targets: [Attribute { Value: Name owner } a] } assign && owner.Id == self && !UsesSelf(assign.Value)) { info.AlwaysSet.Add(a.Attr); continue; }
            if (s is AnnAssign { Target: Attribute { Value: Name owner2 } a2, Value: { } v } && owner2.Id == self && !UsesSelf(v)) { info.AlwaysSet.Add(a2.Attr); continue; }
            if (UsesSelf(s) || s is Return) break;
        }
    }

    private static bool IsExternCall(Call call) =>
        call.Func is Attribute { Value: Name { Id: "sharpjit" }, Attr: "extern" } || call.Func is Name { Id: "extern" };

    /// <summary><c>cbrt = sharpjit.extern("libm.so.6", "cbrt", "float64(float64)")</c> at module level: the function
    /// is looked up now, as the running process loads its library, and calls bake its address in.</summary>
    private Library.ExternFunction ExternCall(Call call)
    {
        var texts = call.Args.Select(a => a is Constant { Value: string t } ? t : null).ToList();
        if (call.Args.Count != 3 || call.Keywords.Count > 0 || texts.Contains(null))
            throw _module.Error(ErrorKind.TypingError, "sharpjit.extern takes three strings: the library, the symbol and the C signature", call.Span,
                "e.g. cbrt = sharpjit.extern(\"libm.so.6\", \"cbrt\", \"float64(float64)\")");
        try { return Library.ExternFunction.FromLibrary(texts[0]!, texts[1]!, texts[2]!); }
        catch (ArgumentException e) { throw _module.Error(ErrorKind.TypingError, e.Message, call.Span); }
    }

    /// <summary>Python's C3 linearisation: the class, then its bases' orders merged (null when they conflict).</summary>
    private static string[]? Linearise(string cls, List<string[]> baseMros)
    {
        var seqs = baseMros.Select(m => m.ToList()).Append(baseMros.Select(m => m[0]).ToList()).ToList();
        var order = new List<string> { cls };
        while (seqs.Any(s => s.Count > 0))
        {
            var head = seqs.Where(s => s.Count > 0).Select(s => s[0]).FirstOrDefault(h => !seqs.Any(s => s.Skip(1).Contains(h)));
            if (head == null) return null;
            order.Add(head);
            foreach (var s in seqs) if (s.Count > 0 && s[0] == head) s.RemoveAt(0);
        }
        return order.ToArray();
    }

    /// <summary><c>Point = namedtuple("Point", ["x", "y"])</c> (or <c>"x y"</c>, <c>"x, y"</c>;
    /// <c>collections.namedtuple</c>), with constant names, at module level.</summary>
    private NamedTupleInfo? NamedTupleCall(string target, Call call)
    {
        bool isNamedTuple = call.Func is Name { Id: "namedtuple" } || call.Func is Attribute { Value: Name { Id: "collections" }, Attr: "namedtuple" };
        if (!isNamedTuple) return null;
        // Any other form is an error here: binding it as an ordinary call would report something unrelated.
        CompileError Unsupported(string what, string? hint = null) => _module.Error(ErrorKind.UnsupportedError, what, call.Span, hint);
        if (call.Keywords.Count > 0)
            throw Unsupported("namedtuple() with keyword arguments (defaults=, rename=, module=) is not supported in compiled code",
                "declare defaults with class P(NamedTuple): x: int; y: float = 0.0");
        if (call.Args.Count != 2)
            throw _module.Error(ErrorKind.TypingError, call.Args.Count < 2 ? $"namedtuple() missing {2 - call.Args.Count} required positional argument{(call.Args.Count == 0 ? "s: 'typename' and 'field_names'" : ": 'field_names'")}"
                : $"namedtuple() takes 2 positional arguments but {call.Args.Count} were given", call.Span);
        if (call.Args[0] is not Constant { Value: string name })
            throw Unsupported("namedtuple() needs its type name written as a string constant in compiled code");
        string[]? fields = call.Args[1] switch
        {
            Constant { Value: string spec } => spec.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Syntax.List l when l.Elts.All(e => e is Constant { Value: string }) => l.Elts.Select(e => (string)((Constant)e).Value!).ToArray(),
            Syntax.Tuple t when t.Elts.All(e => e is Constant { Value: string }) => t.Elts.Select(e => (string)((Constant)e).Value!).ToArray(),
            _ => null,
        };
        if (fields == null)
            throw Unsupported("namedtuple() needs its field names written as string constants in compiled code (\"x y\", or a list or tuple of strings)");
        // CPython's checks, in its order, with its messages (it raises ValueError when the line runs).
        foreach (var n in fields.Prepend(name))
        {
            if (!IsIdentifier(n)) throw _module.Error(ErrorKind.TypingError, $"Type names and field names must be valid identifiers: {PyStr.Repr(n)}", call.Span);
            if (Parser.IsKeyword(n)) throw _module.Error(ErrorKind.TypingError, $"Type names and field names cannot be a keyword: {PyStr.Repr(n)}", call.Span);
        }
        var seen = new HashSet<string>();
        foreach (var f in fields)
        {
            if (f.StartsWith('_')) throw _module.Error(ErrorKind.TypingError, $"Field names cannot start with an underscore: {PyStr.Repr(f)}", call.Span);
            if (!seen.Add(f)) throw _module.Error(ErrorKind.TypingError, $"Encountered duplicate field name: {PyStr.Repr(f)}", call.Span);
        }
        return new NamedTupleInfo(name, $"{ScriptModuleName}.{target}", fields);
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary><c>class Point(NamedTuple): x: int; y: float = 0.0</c> at module level: annotated fields, constant
    /// defaults, a docstring.</summary>
    private static (NamedTupleInfo, object?[])? NamedTupleClass(ClassDef c)
    {
        bool isNamedTuple = c.Bases is [Name { Id: "NamedTuple" }] || c.Bases is [Attribute { Value: Name { Id: "typing" }, Attr: "NamedTuple" }];
        if (!isNamedTuple || c.Keywords.Count > 0 || c.DecoratorList.Count > 0) return null;
        var fields = new List<string>();
        var defaults = new List<object?>();
        foreach (var s in c.Body)
        {
            switch (s)
            {
                case ExprStmt { Value: Constant { Value: string } }: continue;   // docstring
                case Pass: continue;
                case AnnAssign { Target: Name f, Value: null } when defaults.Count == 0: fields.Add(f.Id); continue;
                case AnnAssign { Target: Name f, Value: Constant { Value: long or double or bool or string or PyNone } d }:
                    fields.Add(f.Id); defaults.Add(d.Value); continue;
                default: return null;
            }
        }
        if (fields.Count == 0) return null;
        return (new NamedTupleInfo(c.Name, $"{ScriptModuleName}.{c.Name}", fields.ToArray()), defaults.ToArray());
    }

    private void CheckModule(string name, Span span)
    {
        if (!ModuleInfo.KnownModules.Contains(name))
            throw _module.Error(ErrorKind.UnsupportedError, $"cannot import module '{name}': only 'math', 'cmath', 'random', 'numpy', 'numpy.linalg', 'numpy.random', 'operator', 'collections' (namedtuple) and 'typing' (NamedTuple) can be imported in compiled code", span,
                "remove the import, or move the code that needs it outside the compiled program");
    }

    private GlobalInfo Define(string name, GlobalKind kind, Span span)
    {
        if (!_module.Globals.TryGetValue(name, out var g))
        {
            g = new GlobalInfo(name) { Kind = kind, Span = span };
            _module.Globals[name] = g;
        }
        else if (g.Kind != kind)
            throw _module.Error(ErrorKind.UnsupportedError, $"module-level name '{name}' is bound both as a {Describe(g.Kind)} and as a {Describe(kind)}", span, "use a different name for each");
        g.Assignments++;
        return g;
    }

    private static string Describe(GlobalKind k) => k switch
    {
        GlobalKind.Function => "function", GlobalKind.Module => "module", GlobalKind.ModuleMember => "imported name",
        GlobalKind.ExceptionClass or GlobalKind.NamedTupleClass or GlobalKind.Class => "class", GlobalKind.ExternFunction => "extern function", _ => "variable",
    };

    /// <summary>Walks one scope's body: records assigned names and reads, creates child scopes.</summary>
    private void CollectScope(FunctionInfo scope, IEnumerable<Node> body)
    {
        var stack = new Stack<Node>(body.Reverse());
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case FunctionDef f:
                    scope.Locals.Add(f.Name);
                    CountBinding(scope, f.Name);
                    scope.ClosureDefinitions[f.Name] = f;
                    if (scope.IsModule) _module.Globals[f.Name].Function = NewChild(scope, f, f.Name, f.Args, f.Body);
                    else NewChild(scope, f, f.Name, f.Args, f.Body);
                    foreach (var d in f.DecoratorList) stack.Push(d);
                    foreach (var d in AstWalk.ArgumentDefaults(f.Args)) stack.Push(d);
                    continue;
                case Call { Func: Name { Id: "sum" or "min" or "max" or "any" or "all" }, Args: [GeneratorExp reduced], Keywords.Count: 0 }:
                    _inlined.Add(reduced);   // written out in place by the binder: no scope of its own
                    break;
                case GeneratorExp ge when !_inlined.Contains(ge) && !ge.Generators.Any(g => g.IsAsync):
                    NewGeneratorExpression(scope, ge);
                    stack.Push(ge.Generators[0].Iter);   // evaluated where the expression stands
                    continue;
                case Lambda l:
                    NewChild(scope, l, "<lambda>", l.Args, new List<Node> { l.Body });
                    foreach (var d in AstWalk.ArgumentDefaults(l.Args)) stack.Push(d);
                    continue;
                case Yield or YieldFrom when !scope.IsModule:
                    scope.IsGenerator = true;
                    break;   // and walk the yielded value
                case ClassDef c when scope.IsModule && _module.Globals.TryGetValue(c.Name, out var cg) && cg.Class is { } cls:
                    CollectClass(scope, c, cls);
                    continue;
                case ClassDef c:
                    scope.Locals.Add(c.Name);
                    continue; // rejected later by the binder
                case Name nm:
                    if (nm.Ctx == ExprContext.Load) scope.Reads.Add(nm.Id);
                    else
                    {
                        scope.Locals.Add(nm.Id);
                        CountBinding(scope, nm.Id);
                        if (scope.IsModule) Define(nm.Id, GlobalKind.Variable, nm.Span);
                    }
                    continue;
                case ExceptHandler { Name: { } caught } h:
                    scope.Locals.Add(caught);
                    CountBinding(scope, caught);
                    if (scope.IsModule) Define(caught, GlobalKind.Variable, h.Span);
                    break;   // and walk its class and body
                case Assign { Targets: [Name nt] } when scope.IsModule && _module.Globals.TryGetValue(nt.Id, out var ng) && (ng.Kind is GlobalKind.NamedTupleClass or GlobalKind.ExternFunction || ng.HostObject is Library.BitcodeLibrary):
                    continue;   // a namedtuple class (CollectModuleGlobals)
                case Assign { Targets: [Name target], Value: Lambda lambda }:
                    scope.ClosureDefinitions[target.Id] = lambda;
                    break;   // and walk it as any assignment
                case Import imp when !scope.IsModule:
                    foreach (var a in imp.Names) { CheckModule(a.Name, imp.Span); scope.Locals.Add(a.AsName ?? a.Name.Split('.')[0]); }
                    continue;
                case ImportFrom imf when !scope.IsModule:
                    CheckModule(imf.Module ?? "", imf.Span);
                    foreach (var a in imf.Names) scope.Locals.Add(a.AsName ?? a.Name);
                    continue;
            }
            foreach (var c in AstWalk.Children(n).Reverse()) stack.Push(c);
        }
    }

    /// <summary>Generator expressions consumed by sum, min, max, any or all (the binder writes their loops out).</summary>
    private readonly HashSet<GeneratorExp> _inlined = new();

    /// <summary>A generator expression is a generator function of its own (as in CPython): its parameter is the
    /// iterable of its first loop, which the enclosing scope evaluates.</summary>
    private void NewGeneratorExpression(FunctionInfo parent, GeneratorExp ge)
    {
        CompileDepth.EnsureStack();
        var fn = new FunctionInfo("<genexpr>", parent.IsModule ? "<genexpr>" : $"{parent.QualName}.<locals>.<genexpr>", _module, parent, ge) { IsGenerator = true };
        _module.Functions[ge] = fn;
        parent.Children.Add(fn);
        fn.Params.Add(new ParamInfo(GeneratorExpressionSource, ParamKind.PositionalOnly, null, ge.Generators[0].Iter.Span));
        fn.Locals.Add(GeneratorExpressionSource);
        var body = new List<Node> { ge.Elt };
        for (int k = 0; k < ge.Generators.Count; k++)
        {
            var g = ge.Generators[k];
            body.Add(g.Target);
            if (k > 0) body.Add(g.Iter);
            body.AddRange(g.Ifs);
        }
        CollectScope(fn, body);
    }

    /// <summary>The parameter of a generator expression's function (CPython's name for it).</summary>
    public const string GeneratorExpressionSource = ".0";

    private static void CountBinding(FunctionInfo scope, string name) => scope.BindingCounts[name] = scope.BindingCounts.GetValueOrDefault(name) + 1;

    /// <summary>The compiler's generated functions carry names no Python source can bind (they start with __sj_).</summary>
    private static GeneratedFunction GeneratedBy(string name) =>
        ParallelLoops.IsChunkName(name) ? GeneratedFunction.PrangeChunk : Stencils.IsGeneratedName(name) ? GeneratedFunction.Stencil : GeneratedFunction.None;

    private FunctionInfo NewChild(FunctionInfo parent, Node node, string name, Arguments args, IEnumerable<Node> body, string? qualName = null)
    {
        CompileDepth.EnsureStack();
        string qual = qualName ?? (parent.IsModule ? name : $"{parent.QualName}.<locals>.{name}");
        var fn = new FunctionInfo(name, qual, _module, parent, node)
        {
            Generated = GeneratedBy(name),
            Parallel = node is FunctionDef def && (def.DecoratorList.Any(ParallelLoops.IsParallelDecorator) || Stencils.IsParallelRunName(name)),
        };
        _module.Functions[node] = fn;
        parent.Children.Add(fn);
        if (args.KwArg != null)
            throw _module.Error(ErrorKind.UnsupportedError, "'**kwargs' parameters are not supported", args.KwArg.Span, "name each keyword parameter");
        var positional = args.PosOnlyArgs.Select(a => (a, ParamKind.PositionalOnly)).Concat(args.Args.Select(a => (a, ParamKind.Positional))).ToList();
        int firstDefault = positional.Count - args.Defaults.Count;
        for (int i = 0; i < positional.Count; i++)
        {
            var (a, kind) = positional[i];
            fn.Params.Add(new ParamInfo(a.Name, kind, i >= firstDefault ? args.Defaults[i - firstDefault] : null, a.Span));
        }
        if (args.VarArg != null) fn.Params.Add(new ParamInfo(args.VarArg.Name, ParamKind.VarPositional, null, args.VarArg.Span));
        for (int i = 0; i < args.KwOnlyArgs.Count; i++)
            fn.Params.Add(new ParamInfo(args.KwOnlyArgs[i].Name, ParamKind.KeywordOnly, args.KwDefaults[i], args.KwOnlyArgs[i].Span));
        foreach (var p in fn.Params) fn.Locals.Add(p.Name);
        CollectScope(fn, body);
        return fn;
    }

    /// <summary>Names read but not local become free variables when an enclosing function defines them.</summary>
    private void ResolveFree(FunctionInfo scope)
    {
        CompileDepth.EnsureStack();
        foreach (var child in scope.Children)
        {
            ResolveFree(child);
            // What a child needs from outside, this scope provides or passes on.
            foreach (var free in child.FreeVars.ToList()) if (!scope.Locals.Contains(free)) scope.Reads.Add(free);
        }
        if (scope.IsModule) return;
        foreach (var name in scope.Reads.ToList())
        {
            if (scope.Locals.Contains(name)) continue;
            if (name == scope.Name && scope.Parent is { IsModule: false } parent && parent.Locals.Contains(name))
            {
                scope.IsSelfReferencing = true;
                scope.Reads.Remove(name);
                continue;
            }
            for (var p = scope.Parent; p != null && !p.IsModule; p = p.Parent)
            {
                if (p.Locals.Contains(name)) { scope.FreeVars.Add(name); scope.Reads.Remove(name); break; }
            }
        }
        // Children's free variables that this scope doesn't define are free here too.
        foreach (var child in scope.Children)
            foreach (var free in child.FreeVars)
                if (!scope.Locals.Contains(free) && !scope.FreeVars.Contains(free))
                    for (var p = scope.Parent; p != null && !p.IsModule; p = p.Parent)
                        if (p.Locals.Contains(free)) { scope.FreeVars.Add(free); scope.Reads.Remove(free); break; }
    }

    /// <summary>A module variable assigned once, at top level, to a constant expression, is a compile-time constant.</summary>
    private void FindConstants()
    {
        foreach (var s in _module.Ast.Body)
        {
            if (s is not Assign { Targets: [Name target] } a) continue;
            if (!_module.Globals.TryGetValue(target.Id, out var g) || g.Kind != GlobalKind.Variable || g.Assignments != 1) continue;
            var value = ConstEval.TryEval(a.Value, _module);
            if (value != null) { g.Kind = GlobalKind.Constant; g.ConstantValue = value; }
        }
    }
}
