// Scratch buffers on the per-call path (type keys, packed arguments) are fully written before use: skip zeroing.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
