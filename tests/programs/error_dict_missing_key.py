# Covers: KeyError from reading a missing str key, after output
def lookup(table, name):
    return table[name]


def main():
    prices = {"apple": 1.25, "pear": 0.75}
    print(lookup(prices, "pear"))
    del prices["pear"]
    print(len(prices))
    print(lookup(prices, "pear"))


main()
