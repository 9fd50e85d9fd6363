# expect: TypingError 5:11: comparing an exception's args is not supported in compiled code (compare str(e), or its str items by index)
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args == ("a", 1))
