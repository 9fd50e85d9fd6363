# expect: TypingError 2:12: type() of a builtin_function_or_method is not supported in compiled code
print(type(abs))
