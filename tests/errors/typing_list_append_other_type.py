# expect: TypingError 4:5: this list holds str items and receives an int here
def f():
    names = ["a"]
    names.append(2)
    return names


print(f())
