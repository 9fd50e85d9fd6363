# Covers: str keys made in different ways (constants, split, concatenation, f-strings, slices, joins) are one key: equal hashes (kept in the string once computed) and ==; split on Unicode whitespace and maxsplit; len of ASCII and non-ASCII
def main():
    text = "alpha beta\u3000gamma\x85delta\xa0alpha\x1cbeta\x1fzeta  \u00e9t\u00e9 \u00e9t\u00e9"
    words = text.split()
    print(words, len(words), text.split(None, 2), text.rsplit(None, 2), text.split(maxsplit=0))
    counts = {"alpha": 0, "\u00e9t\u00e9": 0}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    made = ["al" + "pha", f"{'alp'}ha", "xalphax"[1:6], "".join(["a", "lpha"]), "ALPHA".lower()]
    for m in made:
        print(m, m in counts, counts[m], hash(m) == hash("alpha"), m == "alpha", m != "alpha", m == "alphb", m == "alph")
    seen = set()
    for w in words + made:
        seen.add(w)
    print(sorted(seen), len(seen))
    print(len("abc" * 1000), len("\u00e9" * 1000), len(""), len(" ".join(words)), "beta" in counts, "bet" in counts)
    a = "x" * 40
    b = "x" * 39 + "y"
    print(a == b, a < b, a == "x" * 40, hash(a) == hash("x" * 40))


main()
