def f(x):
    try:
        return 10 // x
    except (TypeError, ValueError):
        return 0
    finally:
        print("finally runs")

f(0)
