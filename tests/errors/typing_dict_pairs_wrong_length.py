# expect: TypingError 2:10: dictionary update sequence element #0 has length 3; 2 is required
x = dict([(1, 2, 3)])
