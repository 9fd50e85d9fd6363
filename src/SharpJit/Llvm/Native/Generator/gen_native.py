#!/usr/bin/env python3
"""Generates the raw LLVM-C P/Invoke surface for SharpJit.Llvm from clang's JSON AST.

Usage (from this directory, src/SharpJit/Llvm/Native/Generator):
  clang-19 -I/usr/lib/llvm-19/include -Xclang -ast-dump=json -fsyntax-only all.c > ast.json
  nm -D --defined-only /usr/lib/x86_64-linux-gnu/libLLVM.so.19.1 | awk '{print $3}' \
     | grep '^LLVM' | sed 's/@@.*//' | sort -u > exports.txt
  python3 gen_native.py ast.json exports.txt ..      # writes ../*.g.cs
Only functions actually exported by libLLVM.so.19.1 are emitted.
"""
import json, os, re, sys

ast_path, exports_path, outdir = sys.argv[1:4]
ast = json.load(open(ast_path))
exports = set(l.strip() for l in open(exports_path) if l.strip())

HEADERS = ['Core', 'Analysis', 'BitReader', 'BitWriter', 'Comdat', 'DebugInfo', 'Error', 'ErrorHandling',
           'IRReader', 'Linker', 'Support', 'Target', 'TargetMachine', 'PassBuilder', 'Orc', 'LLJIT',
           'LLJITUtils', 'OrcEE', 'Disassembler', 'DisassemblerTypes', 'Types', 'ExecutionEngine']

# ---- location tracking (clang JSON locations are delta-encoded) -------------------------------
cur_file = [None]

def visit_loc(loc):
    if not loc:
        return
    for k in ('spellingLoc', 'expansionLoc'):
        if k in loc:
            visit_loc(loc[k])
    if 'file' in loc:
        cur_file[0] = loc['file']

def walk_locs(node):
    visit_loc(node.get('loc'))
    r = node.get('range')
    if r:
        visit_loc(r.get('begin'))
        visit_loc(r.get('end'))
    for c in node.get('inner', []) or []:
        walk_locs(c)

def header_of(path):
    if not path or 'llvm-c' not in path:
        return None
    return os.path.splitext(os.path.basename(path))[0]

# ---- collect declarations --------------------------------------------------------------------
handles = {}      # C typedef name -> True (opaque pointer typedefs)
enum_decls = {}   # id -> EnumDecl node
enum_names = {}   # enum decl id -> typedef name
record_decls = {} # id -> RecordDecl
record_names = {} # id -> typedef name
typedef_alias = {}  # typedef name -> qualType (other)
functions = []    # (header, node)

top = ast['inner']
for d in top:
    file_before = cur_file[0]
    visit_loc(d.get('loc'))
    hdr = header_of(cur_file[0])
    # finish walking for later nodes
    r = d.get('range')
    if r:
        visit_loc(r.get('begin'))
    kind = d['kind']
    if kind == 'EnumDecl' and hdr:
        enum_decls[d['id']] = (hdr, d)
        if d.get('name', '').startswith('LLVM'):
            enum_names[d['id']] = d['name']
    elif kind == 'RecordDecl' and hdr:
        record_decls[d['id']] = (hdr, d)
    elif kind == 'TypedefDecl' and d.get('name', '').startswith('LLVM'):
        name = d['name']
        qt = d['type']['qualType']
        inner = d.get('inner', [])
        owned = inner[0].get('ownedTagDecl') if inner else None
        if re.fullmatch(r'struct (LLVMOpaque\w+|LLVMComdat|LLVMTarget|LLVMOrcOpaque\w+) \*', qt) or name == 'LLVMDisasmContextRef':
            handles[name] = hdr
        elif owned and owned['kind'] == 'EnumDecl':
            enum_names[owned['id']] = name
        elif owned and owned['kind'] == 'RecordDecl':
            record_names[owned['id']] = name
        elif qt.startswith('struct ') and not qt.endswith('*'):
            # typedef struct X X; for named record
            typedef_alias[name] = qt
        else:
            typedef_alias[name] = qt
    elif kind == 'FunctionDecl' and d.get('name', '').startswith('LLVM'):
        functions.append((hdr, d))
    # walk the rest so deltas stay right
    for c in d.get('inner', []) or []:
        walk_locs(c)
    if r:
        visit_loc(r.get('end'))

# named records (struct LLVMOpInfo1 etc.)
for rid, (hdr, d) in record_decls.items():
    if rid not in record_names and d.get('name', '').startswith('LLVM') and d.get('completeDefinition'):
        record_names[rid] = d['name']
record_set = set(record_names.values())

FNPTR = set(n for n, qt in typedef_alias.items() if '(*)' in qt)

SPECIAL_ANON = {
    'LLVMFastMathAllowReassoc': ('LLVMFastMathFlags', 'uint', True),
    'LLVMGEPFlagInBounds': ('LLVMGEPNoWrapFlags', 'uint', True),
    'LLVMMDStringMetadataKind': ('LLVMMetadataKind', 'uint', False),
}
FLAG_ENUMS = {'LLVMDIFlags', 'LLVMJITSymbolGenericFlags'}
CONST_ANON = {'LLVMAttributeReturnIndex'}  # emitted as constants in class LLVM

PRIM = {
    'void': 'void', 'int': 'int', 'unsigned int': 'uint', 'unsigned': 'uint', 'size_t': 'nuint',
    'uint64_t': 'ulong', 'int64_t': 'long', 'uint32_t': 'uint', 'int32_t': 'int', 'uint8_t': 'byte',
    'uint16_t': 'ushort', 'unsigned long long': 'ulong', 'long long': 'long', 'double': 'double',
    'float': 'float', 'char': 'sbyte', 'unsigned char': 'byte', 'uintptr_t': 'nuint',
    'unsigned long': 'nuint', 'long': 'nint', 'LLVMBool': 'int',
    'LLVMAttributeIndex': 'uint', 'LLVMDWARFTypeEncoding': 'uint', 'LLVMJITSymbolTargetFlags': 'byte',
    'LLVMOrcJITTargetAddress': 'ulong', 'LLVMOrcExecutorAddress': 'ulong', 'LLVMErrorTypeId': 'nint',
    'LLVMFastMathFlags': 'LLVMFastMathFlags', 'LLVMGEPNoWrapFlags': 'LLVMGEPNoWrapFlags',
    'LLVMMetadataKind': 'LLVMMetadataKind',
}

unknown = set()

def map_type(qt, for_param=True):
    t = qt.strip()
    t = re.sub(r'\bconst\b', '', t)
    t = re.sub(r'\bstruct\b|\benum\b', '', t)
    t = ' '.join(t.split())
    stars = 0
    while t.endswith('*'):
        stars += 1
        t = t[:-1].strip()
    if t in FNPTR:
        base, extra = 'nint', 0
    elif t in PRIM:
        base = PRIM[t]
    elif t in handles:
        base = t
    elif t in set(enum_names.values()):
        base = t
    elif t in record_set:
        base = t
    elif t in typedef_alias:
        # pointer typedef to record, e.g. LLVMOrcCSymbolMapPairs
        inner = typedef_alias[t]
        return map_type(inner + ' *' * stars, for_param)
    else:
        unknown.add(qt)
        base = 'nint'
    return base + '*' * stars

CS_KEYWORDS = {'in', 'out', 'ref', 'string', 'base', 'object', 'params', 'event', 'operator', 'checked',
               'fixed', 'lock', 'class', 'namespace', 'internal', 'is', 'as', 'this', 'new', 'default',
               'char', 'int', 'long', 'byte', 'bool', 'delegate', 'var', 'fixed', 'const', 'override',
               'decimal', 'float', 'double', 'uint', 'ulong', 'short', 'ushort', 'sbyte', 'case', 'switch'}

def cs_name(n, i):
    if not n:
        return f'arg{i}'
    return '@' + n if n in CS_KEYWORDS else n

def xml(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def doc_of(node):
    """First paragraph of the doxygen comment, if any."""
    for c in node.get('inner', []) or []:
        if c['kind'] == 'FullComment':
            for p in c.get('inner', []):
                if p['kind'] == 'ParagraphComment':
                    txt = ' '.join(t.get('text', '').strip() for t in p.get('inner', []) if t['kind'] == 'TextComment')
                    txt = ' '.join(txt.split())
                    if txt:
                        return txt[:400]
    return None

# ---- emit -----------------------------------------------------------------------------------
os.makedirs(outdir, exist_ok=True)
for f in os.listdir(outdir):
    if f.endswith('.g.cs'):
        os.remove(os.path.join(outdir, f))
HEADER = '// <auto-generated>\n// Generated by Generator/gen_native.py from the LLVM 19 C headers (/usr/lib/llvm-19/include/llvm-c)\n// against the exports of libLLVM.so.19.1. Do not edit by hand; regenerate instead.\n// </auto-generated>\n#nullable enable\n'

# handles
out = [HEADER, 'using System;\n\nnamespace SharpJit.Llvm;\n']
for name in sorted(handles):
    out.append(f'''
/// <summary>Opaque LLVM-C handle <c>{name}</c>.</summary>
public readonly partial struct {name} : IEquatable<{name}>
{{
    public readonly nint Handle;
    public {name}(nint handle) => Handle = handle;
    public bool IsNull => Handle == 0;
    public static {name} Null => default;
    public bool Equals({name} other) => Handle == other.Handle;
    public override bool Equals(object? obj) => obj is {name} o && o.Handle == Handle;
    public override int GetHashCode() => Handle.GetHashCode();
    public static bool operator ==({name} a, {name} b) => a.Handle == b.Handle;
    public static bool operator !=({name} a, {name} b) => a.Handle != b.Handle;
    public override string ToString() => "{name}(0x" + Handle.ToString("x") + ")";
}}
''')
open(os.path.join(outdir, 'Handles.g.cs'), 'w').write(''.join(out))

# enums
out = [HEADER, 'using System;\n\nnamespace SharpJit.Llvm;\n']
consts = []
for eid, (hdr, d) in enum_decls.items():
    cs = [c for c in d.get('inner', []) if c['kind'] == 'EnumConstantDecl']
    if not cs:
        continue
    vals = []
    nxt = 0
    for c in cs:
        v = None
        for e in c.get('inner', []) or []:
            if 'value' in e:
                v = int(e['value'])
        if v is None:
            v = nxt
        vals.append((c['name'], v))
        nxt = v + 1
    first = cs[0]['name']
    flags = False
    if eid in enum_names:
        name = enum_names[eid]
        under = 'uint' if any(v > 0x7fffffff for _, v in vals) else 'int'
        flags = name in FLAG_ENUMS
    elif first in SPECIAL_ANON:
        name, under, flags = SPECIAL_ANON[first]
    elif first in CONST_ANON:
        for n, v in vals:
            consts.append((n, v & 0xffffffff))
        continue
    else:
        print('skipping anonymous enum starting', first, file=sys.stderr)
        continue
    doc = doc_of(d)
    out.append('\n')
    if doc:
        out.append(f'/// <summary>{xml(doc)}</summary>\n')
    if flags:
        out.append('[Flags]\n')
    out.append(f'public enum {name} : {under}\n{{\n')
    for n, v in vals:
        if under == 'uint':
            v &= 0xffffffff
        out.append(f'    {n} = {v},\n')
    out.append('}\n')
open(os.path.join(outdir, 'Enums.g.cs'), 'w').write(''.join(out))

# records
out = [HEADER, 'using System;\nusing System.Runtime.InteropServices;\n\nnamespace SharpJit.Llvm;\n']
for rid, name in sorted(record_names.items(), key=lambda kv: kv[1]):
    hdr, d = record_decls[rid]
    fields = [f for f in d.get('inner', []) if f['kind'] == 'FieldDecl']
    out.append(f'\n/// <summary>C struct <c>{name}</c> ({hdr}.h).</summary>\n[StructLayout(LayoutKind.Sequential)]\npublic unsafe struct {name}\n{{\n')
    for f in fields:
        out.append(f'    public {map_type(f["type"]["qualType"])} {cs_name(f.get("name"), 0)};\n')
    out.append('}\n')
open(os.path.join(outdir, 'Structs.g.cs'), 'w').write(''.join(out))

# functions, grouped per header
EXCLUDED_HEADERS = {'ExecutionEngine'}
NO_STRING_OVERLOAD = {'LLVMCreateMemoryBufferWithMemoryRange'}  # buffer aliases the memory: no temporary arrays
UNNAMED = {'LLVMBuilderRef': 'B', 'LLVMTypeRef': 'Ty', 'LLVMValueRef': 'Val', 'LLVMModuleRef': 'M',
           'LLVMContextRef': 'C', 'LLVMBasicBlockRef': 'BB', 'LLVMPassManagerRef': 'PM'}
by_hdr = {}
seen = set()
skipped = []
pairs_report = []
for hdr, d in functions:
    name = d['name']
    if name in seen:
        continue
    seen.add(name)
    if hdr in EXCLUDED_HEADERS:
        continue
    if name not in exports:
        skipped.append(name)
        continue
    if d.get('variadic'):
        skipped.append(name + ' (variadic)')
        continue
    by_hdr.setdefault(hdr or 'Target', []).append(d)

INT_TYPES = {'nuint', 'uint', 'int', 'ulong'}
for hdr, decls in by_hdr.items():
    out = [HEADER, 'using System;\nusing System.Runtime.InteropServices;\nusing System.Text;\n\nnamespace SharpJit.Llvm;\n\n',
           'public static unsafe partial class LLVM\n{\n']
    if hdr == 'Core':
        for n, v in consts:
            out.append(f'    public const uint {n[4:]} = 0x{v:X}u;\n')
        out.append('\n')
    for d in decls:
        cname = d['name']
        fqt = d['type']['qualType']
        ret_c = fqt[:fqt.index('(')].strip()
        ret = map_type(ret_c, False)
        params = [p for p in d.get('inner', []) or [] if p['kind'] == 'ParmVarDecl']
        ps = []
        cproto = []
        for i, p in enumerate(params):
            pq = p['type']['qualType']
            pn = cs_name(p.get('name'), i)
            if not p.get('name'):
                base = UNNAMED.get(p['type']['qualType'])
                used = [q.get('name') for q in params]
                if base and base not in used and base not in [x[1] for x in ps]:
                    pn = base
            norm = ' '.join(re.sub(r'\bconst\b', '', pq).split())
            if norm == 'char *' and pq.startswith('const'):
                # input C string unless followed by a length parameter
                nextp = params[i + 1] if i + 1 < len(params) else None
                if nextp and re.search(r'len|size|length', nextp.get('name', ''), re.I) and map_type(nextp['type']['qualType']) in INT_TYPES:
                    ps.append(('sbyte*', pn, 'lenptr', map_type(nextp['type']['qualType'])))
                else:
                    ps.append(('string', pn, 'str', None))
            else:
                ps.append((map_type(pq), pn, None, None))
            cproto.append(f'{pq} {p.get("name", "")}'.strip())
        mname = cname[4:]
        doc = doc_of(d)
        out.append('\n')
        if doc:
            out.append(f'    /// <summary>{xml(doc)}</summary>\n')
        out.append(f'    /// <remarks>C: <c>{xml(ret_c)} {cname}({xml(", ".join(cproto))})</c></remarks>\n')
        has_str = any(k == 'str' for _, _, k, _ in ps)
        sm = ', StringMarshalling = StringMarshalling.Utf8' if has_str else ''
        out.append(f'    [LibraryImport(LlvmLibrary.Name, EntryPoint = "{cname}"{sm})]\n')
        plist = ', '.join(('string?' if t == 'string' else t) + ' ' + n for t, n, _, _ in ps)
        out.append(f'    public static partial {ret} {mname}({plist});\n')
        # convenience overload: (const char *X, size_t XLen) -> string X
        if any(k == 'lenptr' for _, _, k, _ in ps) and cname not in NO_STRING_OVERLOAD:
            pairs_report.append(cname + '(' + ', '.join(cproto) + ')')
            sig = []
            pre = []
            call = []
            skip_next = False
            fixed_blocks = []
            for j, (t, n, k, lt) in enumerate(ps):
                if skip_next:
                    skip_next = False
                    call.append(f'({ps[j-1][3]})__b_{ps[j-1][1].lstrip("@")}.Length')
                    continue
                if k == 'lenptr':
                    bn = n.lstrip('@')
                    sig.append(f'string? {n}')
                    pre.append(f'        byte[] __b_{bn} = {n} is null ? global::System.Array.Empty<byte>() : global::System.Text.Encoding.UTF8.GetBytes({n});\n')
                    fixed_blocks.append(f'        fixed (byte* __p_{bn} = __b_{bn})\n')
                    call.append(f'(sbyte*)__p_{bn}')
                    skip_next = True
                else:
                    sig.append(('string? ' if t == 'string' else t + ' ') + n)
                    call.append(n)
            body = ''.join(pre) + ''.join(fixed_blocks)
            retkw = '' if ret == 'void' else 'return '
            out.append(f'\n    /// <summary>Overload of <see cref="{mname}({", ".join(t for t, _, _, _ in ps).replace("*", "*")}"/> that encodes the string(s) as UTF-8.</summary>\n'
                       if False else f'\n    /// <summary>Convenience overload of <c>{cname}</c> taking .NET strings (encoded as UTF-8, lengths passed explicitly).</summary>\n')
            out.append(f'    public static {ret} {mname}({", ".join(sig)})\n    {{\n{body}        {{\n            {retkw}{mname}({", ".join(call)});\n        }}\n    }}\n')
    out.append('}\n')
    open(os.path.join(outdir, f'Native.{hdr}.g.cs'), 'w').write(''.join(out))

print('functions emitted:', sum(len(v) for v in by_hdr.values()), {k: len(v) for k, v in by_hdr.items()}, file=sys.stderr)
print('not exported (skipped):', len(skipped), ' '.join(skipped), file=sys.stderr)
print('unknown types:', unknown, file=sys.stderr)
print('length-paired string overloads:', file=sys.stderr)
for p in pairs_report:
    print('   ', p, file=sys.stderr)
