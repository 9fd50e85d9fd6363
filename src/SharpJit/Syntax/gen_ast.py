#!/usr/bin/env python3
# Regenerates Ast.Generated.cs (run: python3 gen_ast.py, from any directory).
# Generates the node classes (with Children() and the printer's field lists) from a compact ASDL-like spec (CPython 3.12 ast).
SPEC = r"""
Module(stmt* body) : Node noattr
FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, type_param* type_params) : Stmt
AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, type_param* type_params) : Stmt
ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list, type_param* type_params) : Stmt
Return(expr? value) : Stmt
Delete(expr* targets) : Stmt
Assign(expr* targets, expr value) : Stmt
TypeAlias(expr name, type_param* type_params, expr value) : Stmt
AugAssign(expr target, operator op, expr value) : Stmt
AnnAssign(expr target, expr annotation, expr? value, bool simple) : Stmt
For(expr target, expr iter, stmt* body, stmt* orelse) : Stmt
AsyncFor(expr target, expr iter, stmt* body, stmt* orelse) : Stmt
While(expr test, stmt* body, stmt* orelse) : Stmt
If(expr test, stmt* body, stmt* orelse) : Stmt
With(withitem* items, stmt* body) : Stmt
AsyncWith(withitem* items, stmt* body) : Stmt
Match(expr subject, match_case* cases) : Stmt
Raise(expr? exc, expr? cause) : Stmt
Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody) : Stmt
TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody) : Stmt
Assert(expr test, expr? msg) : Stmt
Import(alias* names) : Stmt
ImportFrom(identifier? module, alias* names, int level) : Stmt
Global(identifier* names) : Stmt
Nonlocal(identifier* names) : Stmt
ExprStmt=Expr(expr value) : Stmt
Pass() : Stmt
Break() : Stmt
Continue() : Stmt
BoolOp(boolop op, expr* values) : Expr
NamedExpr(expr target, expr value) : Expr
BinOp(expr left, operator op, expr right) : Expr
UnaryOp(unaryop op, expr operand) : Expr
Lambda(arguments args, expr body) : Expr
IfExp(expr test, expr body, expr orelse) : Expr
Dict(expr?* keys, expr* values) : Expr
Set(expr* elts) : Expr
ListComp(expr elt, comprehension* generators) : Expr
SetComp(expr elt, comprehension* generators) : Expr
DictComp(expr key, expr value, comprehension* generators) : Expr
GeneratorExp(expr elt, comprehension* generators) : Expr
Await(expr value) : Expr
Yield(expr? value) : Expr
YieldFrom(expr value) : Expr
Compare(expr left, cmpop* ops, expr* comparators) : Expr
Call(expr func, expr* args, keyword* keywords) : Expr
FormattedValue(expr value, int conversion, JoinedStr? format_spec) : Expr
JoinedStr(expr* values) : Expr
Constant(constant value, string? kind) : Expr
Attribute(expr value, identifier attr, expr_context ctx) : Expr
Subscript(expr value, expr slice, expr_context ctx) : Expr
Starred(expr value, expr_context ctx) : Expr
Name(identifier id, expr_context ctx) : Expr
List(expr* elts, expr_context ctx) : Expr
Tuple(expr* elts, expr_context ctx) : Expr
Slice(expr? lower, expr? upper, expr? step) : Expr
Comprehension=comprehension(expr target, expr iter, expr* ifs, bool is_async) : Node noattr
ExceptHandler(expr? type, identifier? name, stmt* body) : Node
Arguments=arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr?* kw_defaults, arg? kwarg, expr* defaults) : Node noattr
Arg=arg(identifier arg, expr? annotation) : Node
Keyword=keyword(identifier? arg, expr value) : Node
Alias=alias(identifier name, identifier? asname) : Node
WithItem=withitem(expr context_expr, expr? optional_vars) : Node noattr
MatchCase=match_case(pattern pattern, expr? guard, stmt* body) : Node noattr
MatchValue(expr value) : Pattern
MatchSingleton(constant value) : Pattern
MatchSequence(pattern* patterns) : Pattern
MatchMapping(expr* keys, pattern* patterns, identifier? rest) : Pattern
MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns) : Pattern
MatchStar(identifier? name) : Pattern
MatchAs(pattern? pattern, identifier? name) : Pattern
MatchOr(pattern* patterns) : Pattern
TypeVar(identifier name, expr? bound) : TypeParam
ParamSpec(identifier name) : TypeParam
TypeVarTuple(identifier name) : TypeParam
"""
import re
TYPES = {'stmt':'Stmt','expr':'Expr','identifier':'string','int':'int','bool':'bool','constant':'object?',
 'operator':'Operator','boolop':'BoolOperator','unaryop':'UnaryOperator','cmpop':'CmpOperator','expr_context':'ExprContext',
 'arguments':'Arguments','keyword':'Keyword','alias':'Alias','withitem':'WithItem','match_case':'MatchCase','excepthandler':'ExceptHandler',
 'comprehension':'Comprehension','arg':'Arg','pattern':'Pattern','type_param':'TypeParam','string':'string','JoinedStr':'JoinedStr'}
NODE_TYPES = {'Stmt','Expr','Arguments','Keyword','Alias','WithItem','MatchCase','ExceptHandler','Comprehension','Arg','Pattern','TypeParam','JoinedStr'}
SPECIAL = {'orelse':'OrElse','finalbody':'FinalBody','posonlyargs':'PosOnlyArgs','kwonlyargs':'KwOnlyArgs','kwarg':'KwArg','vararg':'VarArg',
  'asname':'AsName','kw_defaults':'KwDefaults','kwd_attrs':'KwdAttrs','kwd_patterns':'KwdPatterns'}
def pascal(n, cls):
    if cls == 'Arg' and n == 'arg': return 'Name'
    if n in SPECIAL: return SPECIAL[n]
    return ''.join(p[:1].upper()+p[1:] for p in n.split('_'))
def camel(n):
    n = n[0].lower()+n[1:]
    return '@'+n if n in ('operator','params','base','object','string','default','in','is','event','type','value','checked','class') else n

classes=[]
for line in SPEC.strip().splitlines():
    m = re.match(r'(\w+)(?:=(\w+))?\((.*)\)\s*:\s*(\w+)(\s+noattr)?', line)
    cs, py, fields, base, noattr = m.groups()
    py = py or cs
    fl=[]
    for f in [x.strip() for x in fields.split(',') if x.strip()]:
        t, n = f.split()
        kind = 'one'
        if t.endswith('?*'): kind='optlist'; t=t[:-2]
        elif t.endswith('*'): kind='list'; t=t[:-1]
        elif t.endswith('?'): kind='opt'; t=t[:-1]
        ct = TYPES[t]
        if kind=='list': full=f'List<{ct}>'
        elif kind=='optlist': full=f'List<{ct}?>'
        elif kind=='opt': full= ct if ct.endswith('?') else ct+'?'
        else: full=ct
        fl.append(dict(py=n, cs=pascal(n, cs), type=full, elem=ct, kind=kind, isnode=ct in NODE_TYPES))
    classes.append(dict(cs=cs, py=py, base=base, fields=fl, attrs=not noattr))

out=[]
w=out.append
w('// <auto-generated> by gen_ast.py from a compact copy of CPython 3.12\'s Python.asdl; edit the generator, or edit with care.')
w('#nullable enable')
w('using SharpJit.Diagnostics;')
w('')
w('namespace SharpJit.Syntax;')
w('')
for c in classes:
    params = ', '.join(f'{f["type"]} {camel(f["cs"])}' for f in c['fields'])
    params = (params + ', ' if params else '') + 'Span span = default'
    w(f'/// <summary>Python <c>ast.{c["py"]}</c>.</summary>')
    w(f'public sealed partial class {c["cs"]} : {c["base"]}')
    w('{')
    for f in c['fields']:
        w(f'    public {f["type"]} {f["cs"]} {{ get; set; }}')
    w(f'    public {c["cs"]}({params})')
    w('    {')
    for f in c['fields']:
        w(f'        {f["cs"]} = {camel(f["cs"])};')
    w('        Span = span;')
    w('    }')
    w(f'    public override string PyTypeName => "{c["py"]}";')
    w(f'    public override bool HasPositions => {"true" if c["attrs"] else "false"};')
    # children
    w('    public override IEnumerable<Node> Children()')
    w('    {')
    any_=False
    for f in c['fields']:
        if not f['isnode']: continue
        any_=True
        if f['kind'] in ('list','optlist'):
            w(f'        foreach (var x in {f["cs"]}) if (x != null) yield return x;')
        elif f['kind']=='opt':
            w(f'        if ({f["cs"]} != null) yield return {f["cs"]};')
        else:
            w(f'        yield return {f["cs"]};')
    if not any_: w('        yield break;')
    w('    }')
    # a deep copy (its own nodes, the same spans)
    def copied(f):
        e = f['elem'].rstrip('?')
        if not f['isnode']:
            return f'new {f["type"]}({f["cs"]})' if f['kind'] in ('list', 'optlist') else f['cs']
        if f['kind'] == 'list':
            return f'{f["cs"]}.ConvertAll(x => ({e})x.Copy())'
        if f['kind'] == 'optlist':
            return f'{f["cs"]}.ConvertAll(x => ({e}?)x?.Copy())'
        if f['kind'] == 'opt':
            return f'({e}?){f["cs"]}?.Copy()'
        return f'({e}){f["cs"]}.Copy()'
    args = ', '.join([copied(f) for f in c['fields']] + ['Span'])
    w(f'    public override Node Copy() => new {c["cs"]}({args});')
    # fields for printer
    w('    internal override void GetFields(List<AstField> fields)')
    w('    {')
    for f in c['fields']:
        val = f'({f["cs"]} ? 1 : 0)' if f['type']=='bool' else f["cs"]
        w(f'        fields.Add(new AstField("{f["py"]}", {val}, {"true" if f["kind"]=="opt" else "false"}));')
    w('    }')
    w('}')
    w('')
open(__import__('os').path.join(__import__('os').path.dirname(__import__('os').path.abspath(__file__)), 'Ast.Generated.cs'), 'w').write('\n'.join(out)+'\n')
print(len(classes),'classes')
