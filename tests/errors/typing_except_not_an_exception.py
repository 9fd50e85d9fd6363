# expect: TypingError 5:8: catching classes that do not inherit from BaseException
x = 0
try:
    y = 1 // x
except int:
    y = 0
print(y)
