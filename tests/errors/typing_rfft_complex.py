# expect: TypingError 6:12: np.fft.rfft() takes real data (NumPy discards the imaginary part with a warning)
import numpy as np


def spectrum(z):
    return np.fft.rfft(z)


print(spectrum(np.arange(4.0) + 1j))
