# expect: TypingError 4:4: '<' not supported between instances of 'complex' and 'complex'
a = 1 + 2j
b = 2 + 1j
if a < b:
    print(a)
