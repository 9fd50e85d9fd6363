# expect: UnsupportedError 5:5: global
counter = 0

def bump():
    global counter
    counter = counter + 1

bump()
print(counter)
