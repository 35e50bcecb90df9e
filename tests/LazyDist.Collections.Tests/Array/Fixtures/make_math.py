"""Writes math.json: numpy's values (and, for float32, numpy's float64 values rounded to float32) of the elementwise functions over inputs chosen to cover
their domains (random magnitudes over many decades, special values, subnormals, integer
extremes). Deterministic: run with Debian's numpy, `cd` here, `/usr/bin/python3 make_math.py`."""
import base64, json
import numpy as np

rng = np.random.default_rng(20261201)

def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()

SPECIAL = [0.0, -0.0, np.inf, -np.inf, np.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300,
           1.0, -1.0, 0.5, 2.0, np.pi, -np.pi, np.pi / 2, 1e-8, -1e-8, 709.78, 709.79, -745.13, -745.14, 1e5, -1e5, 1e6, 3e8, 1e300, -1e300]

def spread(n, lo, hi, signed=True):
    mags = 10.0 ** rng.uniform(lo, hi, n)
    return mags * (rng.choice([-1.0, 1.0], n) if signed else 1.0)

def inputs(kind):
    if kind == 'exp':
        body = np.concatenate([rng.uniform(-750, 715, 1000), spread(500, -20, 3)])
    elif kind == 'log':
        body = np.concatenate([spread(1000, -310, 308, signed=False), rng.uniform(0.5, 2.0, 500), spread(100, -10, 10)])
    elif kind in ('sin', 'cos', 'tan'):
        body = np.concatenate([rng.uniform(-10, 10, 1000), spread(500, -10, 5.5), spread(100, 5.5, 15)])
    elif kind in ('arcsin', 'arccos'):
        body = np.concatenate([rng.uniform(-1, 1, 1000), spread(100, -20, 0.1)])
    elif kind in ('sinh', 'cosh', 'tanh', 'expm1'):
        body = np.concatenate([rng.uniform(-30, 30, 700), spread(700, -20, 2.9)])
    elif kind == 'log1p':
        body = np.concatenate([spread(700, -20, 5), rng.uniform(-1, 1, 700)])
    else:
        body = np.concatenate([spread(700, -20, 20), rng.uniform(-10, 10, 700)])
    return np.concatenate([np.array(SPECIAL), body])

FUNCS = ['exp', 'log', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'log10', 'log2', 'log1p', 'expm1', 'sqrt']
cases = []
with np.errstate(all='ignore'):
    for name in FUNCS:
        x = inputs(name)
        for dtype in ('float64', 'float32'):
            xt = x.astype(dtype)
            y = getattr(np, name)(xt)
            # numpy's float32 kernels are a few ulp off; float64 rounded once is the reference for ours.
            exact = getattr(np, name)(xt.astype('float64')).astype(dtype)
            cases.append({'function': name, 'dtype': dtype, 'x': b64(xt), 'y': b64(y), 'rounded': b64(exact)})
with open('math.json', 'w') as f:
    json.dump({'numpy': np.__version__, 'cases': cases}, f)
