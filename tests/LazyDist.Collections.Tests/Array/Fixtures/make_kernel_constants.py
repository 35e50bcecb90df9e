"""The constants of the exp, sin and cos kernels (src/Collections/Kernels/Elementwise/Transcendental),
computed with mpmath at 200 bits: python3 make_kernel_constants.py (needs python3-mpmath)."""
import struct
import mpmath as mp

mp.mp.prec = 200


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def chebyshev_interpolation(f, a, b, degree):
    """Coefficients (constant first, rounded to doubles) of the polynomial through f at the Chebyshev nodes, and its worst error."""
    n = degree + 1
    xs = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (2 * i + 1) / (2 * n)) for i in range(n)]
    c = mp.lu_solve(mp.matrix([[x ** j for j in range(n)] for x in xs]), mp.matrix([f(x) for x in xs]))
    cf = [float(c[j]) for j in range(n)]
    err = max(abs(f(x) - sum(mp.mpf(cf[j]) * x ** j for j in range(n))) for x in mp.linspace(a, b, 401))
    return cf, err


# exp: x = k·ln2/8 + r; table of 2^(j/8) less j·2^49; e^r − 1 = r + r²·Q(r).
N = 8
print("exp table", ["0x%016X" % (bits(mp.power(2, mp.mpf(j) / N)) - (j << 49)) for j in range(N)])
ln2n = mp.log(2) / N
hi = float(ln2n)
print("exp InvLn2N %r Ln2NHi %r Ln2NLo %r" % (float(N / mp.log(2)), hi, float(ln2n - mp.mpf(hi))))
a = mp.log(2) / 16 * mp.mpf('1.0001')
q, err = chebyshev_interpolation(lambda r: (mp.exp(r) - 1 - r) / (r * r) if r != 0 else mp.mpf(1) / 2, -a, a, 5)
print("exp Q", [repr(c) for c in q], "error after r²:", mp.nstr(err * a * a, 5))

# sin r = r + r·z·S(z), cos r = 1 + z·C(z), z = r² ≤ (π/4)²; degree 6 (Chebyshev fits).
z_max = (mp.pi / 4) ** 2 * mp.mpf('1.0001')
for name, f in (("S", lambda z: (mp.sin(mp.sqrt(z)) / mp.sqrt(z) - 1) / z), ("C", lambda z: (mp.cos(mp.sqrt(z)) - 1) / z)):
    poly, err = mp.chebyfit(f, [0, z_max], 7, error=True)
    print(name, [repr(float(c)) for c in poly[::-1]], "error:", mp.nstr(err, 5))
