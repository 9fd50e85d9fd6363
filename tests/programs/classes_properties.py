class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius
        self.reads = 0

    @property
    def celsius(self):
        self.reads += 1
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9


class Labelled(Temperature):
    @property
    def label(self):
        return f"{self.celsius:.1f}C"


def main():
    t = Temperature(20.0)
    print(t.celsius, t.fahrenheit)
    t.fahrenheit = 212.0
    print(t.celsius, t.reads)
    t.celsius += 5
    print(t.celsius)
    try:
        t.celsius = -300.0
    except ValueError as e:
        print("ValueError:", e)
    l = Labelled(1.5)
    l.fahrenheit = 50.0
    print(l.label, l.reads)

main()
