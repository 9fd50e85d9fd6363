# Covers: a function with many raising calls and many owned values (its slots stay in memory: the unwind block
# and the landing drop what they hold), raising at different points, caught inside and outside it.

def many_values(k, stop):
    s0 = {0 // k, 1 // k, 2 // k, 3 // k, 4, 5, 6, 7}
    t0 = [str(k + 0), 'x0', str(len(s0))]
    s1 = {8 // k, 9 // k, 10 // k, 11 // k, 12, 13, 14, 15}
    t1 = [str(k + 1), 'x1', str(len(s1))]
    s2 = {16 // k, 17 // k, 18 // k, 19 // k, 20, 21, 22, 23}
    t2 = [str(k + 2), 'x2', str(len(s2))]
    s3 = {24 // k, 25 // k, 26 // k, 27 // k, 28, 29, 30, 31}
    t3 = [str(k + 3), 'x3', str(len(s3))]
    s4 = {32 // k, 33 // k, 34 // k, 35 // k, 36, 37, 38, 39}
    t4 = [str(k + 4), 'x4', str(len(s4))]
    s5 = {40 // k, 41 // k, 42 // k, 43 // k, 44, 45, 46, 47}
    t5 = [str(k + 5), 'x5', str(len(s5))]
    s6 = {48 // k, 49 // k, 50 // k, 51 // k, 52, 53, 54, 55}
    t6 = [str(k + 6), 'x6', str(len(s6))]
    try:
        if stop == 1:
            raise ValueError('inside, after ' + t3[0])
        u = [t0[0] + t1[0], str(100 // (stop - 2))]
    except ValueError as e:
        u = ['caught', str(e)]
    except ZeroDivisionError:
        u = ['zero']
    if stop == 3:
        raise KeyError(u[0])
    s7 = {56 // k, 57 // k, 58 // k, 59 // k, 60, 61, 62, 63}
    t7 = [str(k + 7), 'x7', str(len(s7))]
    s8 = {64 // k, 65 // k, 66 // k, 67 // k, 68, 69, 70, 71}
    t8 = [str(k + 8), 'x8', str(len(s8))]
    s9 = {72 // k, 73 // k, 74 // k, 75 // k, 76, 77, 78, 79}
    t9 = [str(k + 9), 'x9', str(len(s9))]
    s10 = {80 // k, 81 // k, 82 // k, 83 // k, 84, 85, 86, 87}
    t10 = [str(k + 10), 'x10', str(len(s10))]
    s11 = {88 // k, 89 // k, 90 // k, 91 // k, 92, 93, 94, 95}
    t11 = [str(k + 11), 'x11', str(len(s11))]
    return [str(sum(s0) + len(t0[0]) + sum(s1) + len(t1[0]) + sum(s2) + len(t2[0]) + sum(s3) + len(t3[0]) + sum(s4) + len(t4[0]) + sum(s5) + len(t5[0]) + sum(s6) + len(t6[0]) + sum(s7) + len(t7[0]) + sum(s8) + len(t8[0]) + sum(s9) + len(t9[0]) + sum(s10) + len(t10[0]) + sum(s11) + len(t11[0]))] + u + t11


for k, stop in [(1, 0), (2, 1), (1, 2), (1, 3), (0, 0)]:
    try:
        print(k, stop, many_values(k, stop))
    except ZeroDivisionError as e:
        print(k, stop, 'ZeroDivisionError', e)
    except KeyError as e:
        print(k, stop, 'KeyError', e)
