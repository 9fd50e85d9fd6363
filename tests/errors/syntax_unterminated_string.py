# expect: SyntaxError 3:7: unterminated string literal
x = 1
print("unterminated)
