# Covers: raise with an f-string message containing formatted numbers ("RuntimeError: step 3 diverged: x=1.00e+09").
x = 1.0
for step in range(10):
    x = x * x * 1000.0 + 1.0
    print(f"step {step}: {x:.3g}")
    if x > 1e6:
        raise RuntimeError(f"step {step} diverged: x={x:.2e}")
print("unreachable")
