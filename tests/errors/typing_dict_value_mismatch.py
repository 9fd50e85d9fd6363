# expect: TypingError 4:5: this dict maps str to int and receives a str key with a str value here
def f():
    d = {"a": 1}
    d["b"] = "two"
    return d


print(f())
