"""Writes differential.json: seeded random DistArray expressions and numpy's answers.

Each case is one expression over one or two input arrays of random shape (rank 0-3, empty and
one-element axes), dtype and explicit ragged chunking (one-element blocks included), with special
values in the data (NaN, +-inf, +-0, subnormals, integer extremes). numpy 1.24 evaluates it; the
case records the result's dtype, shape and bytes, or the error numpy raises, and how the C# result
must agree: "exact" (the same bits; NaN matches any NaN), or within "rtol"/"atol" where LazyDist
computes in another order (floating reductions) or with its own kernels (transcendentals).
Deliberate differences from numpy (integer division by zero fails in LazyDist; float->int casts out
of range are undefined in numpy) are kept out of the data.

Regenerate (deterministic): cd here; /usr/bin/python3 make_differential.py
"""
import base64, json
import numpy as np
import warnings

warnings.simplefilter("ignore")

SEED, COUNT = 20261201, 320
rng = np.random.default_rng(SEED)
F64, F32 = 'float64', 'float32'
FLOATS = [F64, F64, F64, F32]
INTS = ['int32', 'int64', 'int16', 'uint8', 'uint32', 'uint64']
EPS = {F64: 2.220446049250313e-16, F32: 1.1920929e-07}

def b64(a):
    return base64.b64encode(np.ascontiguousarray(a).tobytes()).decode()

def shape(min_rank=0, max_rank=3):
    rank = int(rng.integers(min_rank, max_rank + 1))
    return tuple(0 if rng.random() < 0.08 else int(rng.integers(1, 8)) for _ in range(rank))

def chunks(shp):
    out = []
    for n in shp:
        if n == 0:
            out.append([0]); continue
        sizes, left = [], n
        while left > 0:
            s = min(left, int(rng.integers(1, 4)))
            sizes.append(s); left -= s
        out.append(sizes)
    return out

def data(dtype, shp, special=True):
    n = int(np.prod(shp, dtype=np.int64))
    if dtype == 'bool':
        return rng.random(n).reshape(shp) < 0.5
    if dtype in (F64, F32):
        v = rng.normal(0, 2, n)
        if special and n > 0:
            picks = [np.nan, np.inf, -np.inf, 0.0, -0.0, 5e-324, -1e-310, 1.5, -2.5, 1e-30, 700.0]
            for i in range(n):
                if rng.random() < 0.15:
                    v[i] = picks[int(rng.integers(len(picks)))]
        return v.astype(dtype).reshape(shp)
    info = np.iinfo(dtype)
    lo, hi = max(info.min, -50), min(info.max, 50)
    v = rng.integers(lo, hi + 1, n, dtype=np.int64).astype(dtype)
    if special and n > 0:
        for i in range(n):
            if rng.random() < 0.08:
                v[i] = [info.min, info.max][int(rng.integers(2))]
    return v.reshape(shp)

class Case:
    def __init__(self):
        self.inputs = []

    def input(self, dtype, shp, **kw):
        a = data(dtype, shp, **kw)
        self.inputs.append({'dtype': dtype, 'shape': list(shp), 'chunks': chunks(shp), 'data': b64(a)})
        return {'op': 'input', 'index': len(self.inputs) - 1}, a

UNARY_FLOAT = ['exp', 'log', 'sin', 'cos', 'tan', 'arctan', 'tanh', 'sqrt', 'log1p', 'expm1', 'log10', 'arcsin']
UNARY_EXACT_FLOAT = ['floor', 'ceil', 'rint', 'trunc', 'sign', 'abs', 'negative', 'square', 'isnan', 'isinf', 'isfinite', 'reciprocal']
UNARY_EXACT_INT = ['abs', 'negative', 'square', 'sign', 'invert']
BINARY = ['add', 'subtract', 'multiply', 'minimum', 'maximum', 'equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal']
BINARY_FLOAT = ['divide', 'floor_divide', 'mod', 'fmin', 'fmax', 'arctan2', 'power']
BINARY_INT = ['floor_divide', 'mod', 'bitwise_and', 'bitwise_or', 'bitwise_xor']
FLOAT_REDUCTIONS = ['sum', 'prod', 'mean', 'var', 'std', 'nansum', 'nanmean', 'nanvar', 'min', 'max', 'nanmin', 'nanmax']
INT_REDUCTIONS = ['sum', 'prod', 'min', 'max', 'argmin', 'argmax', 'any', 'all']

def elementwise(case, node, a, budget):
    """An exact chain (shape operations and IEEE-exact elementwise operations) on (node, a)."""
    for _ in range(budget):
        kind = a.dtype.name
        r = rng.random()
        if r < 0.35 and kind != 'bool':
            ops = UNARY_EXACT_FLOAT if kind in (F64, F32) else UNARY_EXACT_INT
            op = ops[int(rng.integers(len(ops)))]
            if op == 'square' and kind not in (F64, F32):
                continue
            node, a = {'op': op, 'args': [node]}, getattr(np, op)(a)
        elif r < 0.65 and kind != 'bool':
            other_shape = broadcastable(a.shape)
            onode, o = case.input(kind, other_shape)
            pool = BINARY + (BINARY_FLOAT if kind in (F64, F32) else BINARY_INT)
            op = pool[int(rng.integers(len(pool)))]
            if op in ('floor_divide', 'mod') and kind not in (F64, F32):
                o = np.where(o == 0, np.ones_like(o), o)
                case.inputs[-1]['data'] = b64(o)
            if op == 'power' and kind in (F64, F32):
                o = np.abs(o) % 4
                case.inputs[-1]['data'] = b64(o)
            with np.errstate(all='ignore'):
                value = getattr(np, op)(a, o)
            if op == 'arctan2':
                return {'op': op, 'args': [node, onode]}, value, False
            if op == 'power':
                return {'op': op, 'args': [node, onode]}, value, False
            node, a = {'op': op, 'args': [node, onode]}, value
        elif r < 0.75 and kind != 'bool':
            c = scalar(kind)
            op = ['add', 'multiply', 'subtract', 'maximum', 'greater'][int(rng.integers(5))]
            with np.errstate(all='ignore'):
                value = getattr(np, op)(a, np.array(c, dtype=kind))
            node, a = {'op': op + '_scalar', 'args': [node], 'value': c}, value
        elif r < 0.82 and a.ndim > 0:
            node, a = shape_op(node, a)
        elif r < 0.88 and kind != 'bool':
            mask = a > (0 if kind not in (F64, F32) else 0.5)
            other = scalar(kind)
            node, a = {'op': 'where_scalar', 'args': [{'op': 'greater_scalar', 'args': [node], 'value': 0 if kind not in (F64, F32) else 0.5}, node], 'value': other}, np.where(mask, a, np.array(other, dtype=kind))
        elif r < 0.93:
            to = [F64, 'int64', 'int32', 'bool'][int(rng.integers(4))]
            if kind in (F64, F32) and to != 'bool' and not to.startswith('float'):
                continue  # float -> int is undefined in numpy out of range
            with np.errstate(all='ignore'):
                node, a = {'op': 'astype', 'args': [node], 'dtype': to}, a.astype(to)
        else:
            if a.ndim > 0 and a.size > 0:
                node, a = {'op': 'rechunk', 'args': [node], 'chunks': chunks(a.shape)}, a
    return node, a, True

def scalar(kind):
    if kind in (F64, F32):
        return float(np.round(rng.normal(0, 2), 3))
    return int(rng.integers(0, 5))

def broadcastable(shp):
    if not shp or rng.random() < 0.6:
        return shp
    out = list(shp)
    i = int(rng.integers(len(out)))
    out[i] = 1
    if rng.random() < 0.3:
        out = out[1:]
    return tuple(out)

def shape_op(node, a):
    r = int(rng.integers(7))
    if r == 0:
        perm = [int(p) for p in rng.permutation(a.ndim)]
        return {'op': 'transpose', 'args': [node], 'axes': perm}, np.transpose(a, perm)
    if r == 1:
        sl = []
        for n in a.shape:
            step = int(rng.choice([1, 1, 2, -1, -2, 3]))
            start = None if rng.random() < 0.4 else int(rng.integers(-n - 1, n + 1))
            stop = None if rng.random() < 0.4 else int(rng.integers(-n - 1, n + 1))
            sl.append([start, stop, step])
        return {'op': 'slice', 'args': [node], 'slices': sl}, a[tuple(slice(*s) for s in sl)]
    if r == 2:
        ax = int(rng.integers(a.ndim))
        return {'op': 'flip', 'args': [node], 'axis': ax}, np.flip(a, ax)
    if r == 3:
        ax, sh = int(rng.integers(a.ndim)), int(rng.integers(-5, 6))
        return {'op': 'roll', 'args': [node], 'shift': sh, 'axis': ax}, np.roll(a, sh, ax)
    if r == 4 and a.ndim < 3:
        ax = int(rng.integers(a.ndim + 1))
        return {'op': 'expand_dims', 'args': [node], 'axis': ax}, np.expand_dims(a, ax)
    if r == 5 and a.ndim >= 1 and a.shape[0] > 0:
        idx = [int(i) for i in rng.integers(-a.shape[0], a.shape[0], int(rng.integers(0, 6)))]
        return {'op': 'take', 'args': [node], 'indices': idx, 'axis': 0}, np.take(a, idx, axis=0)
    if a.ndim >= 2:
        k = int(rng.integers(-2, 3))
        op = ['tril', 'triu'][int(rng.integers(2))]
        return {'op': op, 'args': [node], 'k': k}, getattr(np, op)(a, k)
    return {'op': 'ravel', 'args': [node]}, np.ravel(a)

def reduction(node, a, rtol):
    kind = a.dtype.name
    floating = kind in (F64, F32)
    pool = FLOAT_REDUCTIONS if floating else INT_REDUCTIONS
    if kind == 'bool':
        pool = ['sum', 'any', 'all']
    if rtol > 0:
        pool = [p for p in pool if p not in ('argmin', 'argmax')]
    op = pool[int(rng.integers(len(pool)))]
    axis = None
    if a.ndim > 0 and rng.random() < 0.6:
        axis = int(rng.integers(-a.ndim, a.ndim))
        if rng.random() < 0.25 and a.ndim > 1 and op not in ('argmin', 'argmax'):
            axis = [int(x) for x in sorted(rng.choice(a.ndim, 2, replace=False))]
    keep = bool(rng.random() < 0.2) and op not in ('argmin', 'argmax')
    kw = {'axis': tuple(axis) if isinstance(axis, list) else axis}
    if keep:
        kw['keepdims'] = True
    ddof = int(rng.integers(0, 2)) if op in ('var', 'std', 'nanvar') else None
    if ddof is not None:
        kw['ddof'] = ddof
    node = {'op': op, 'args': [node], 'axis': axis, 'keepdims': keep, 'ddof': ddof}
    last_node[0] = node
    with np.errstate(all='ignore'):
        value = getattr(np, op)(a, **kw)
    exact = not floating and op not in ('mean', 'var', 'std')
    atol = 0.0
    if floating:
        with np.errstate(all='ignore'):
            mag = np.nansum(np.abs(np.where(np.isfinite(a), a, 0)).astype(np.float64), axis=kw['axis'], keepdims=keep)
            n = max(a.size, 1)
            atol = float(np.nanmax(mag, initial=0.0)) * (rtol + 8 * n * EPS[kind])
            if op in ('var', 'std', 'nanvar'):
                sq = np.nanmax(np.abs(np.where(np.isfinite(a), a, 0)).astype(np.float64), initial=0.0)
                atol = (sq * sq + 1) * (rtol + 64 * n * EPS[kind]) * 4
    return node, value, exact, atol

def expression(case):
    dtype = FLOATS[int(rng.integers(len(FLOATS)))] if rng.random() < 0.7 else INTS[int(rng.integers(len(INTS)))]
    node, a = case.input(dtype, shape())
    node, a, exact = elementwise(case, node, a, int(rng.integers(0, 4)))
    rtol = 0.0 if exact else 8 * EPS.get(a.dtype.name, 0)
    if a.dtype.name in (F64, F32) and rng.random() < 0.45:
        op = UNARY_FLOAT[int(rng.integers(len(UNARY_FLOAT)))]
        with np.errstate(all='ignore'):
            node, a = {'op': op, 'args': [node]}, getattr(np, op)(a)
        exact, rtol = False, (4 if a.dtype.name == F64 else 8) * EPS[a.dtype.name]
    r = rng.random()
    atol = 0.0
    if r < 0.5:
        node, a, rexact, atol = reduction(node, a, rtol)
        exact = exact and rexact
    elif r < 0.6 and a.dtype.name != 'bool':
        axis = None if a.ndim == 0 or rng.random() < 0.4 else int(rng.integers(a.ndim))
        op = ['cumsum', 'cumprod'][int(rng.integers(2))]
        with np.errstate(all='ignore'):
            value = getattr(np, op)(a, axis=axis)
        floating = a.dtype.name in (F64, F32)
        if floating:
            mag = np.abs(np.where(np.isfinite(a), a, 0)).astype(np.float64)
            atol = float(np.nansum(mag)) * (rtol + 8 * max(a.size, 1) * EPS[a.dtype.name]) if op == 'cumsum' else 0.0
            rtol = rtol + 8 * max(a.size, 1) * EPS[a.dtype.name]
            exact = False
        node, a = {'op': op, 'args': [node], 'axis': axis}, value
    elif r < 0.68 and a.ndim > 0 and a.dtype.name in (F64, F32) and exact:
        node, a = {'op': 'mask', 'args': [node, {'op': 'greater_scalar', 'args': [node], 'value': 0.0}]}, a[a > 0.0]
    return node, a, exact, rtol, atol

ERRORS = [
    ('broadcast', 'operands could not be broadcast together'),
    ('empty-min', 'zero-size array to reduction operation'),
    ('empty-argmax', 'attempt to get argmax of an empty sequence'),
    ('axis', 'out of bounds'),
    ('reshape', 'cannot reshape array'),
    ('take', 'is out of bounds for axis'),
    ('negative-power', 'Integers to negative integer powers are not allowed'),
    ('float-bitwise', 'not supported for the input types'),
]

def error_case(case, kind):
    if kind == 'broadcast':
        a, b = case.input(F64, (3, 2)), case.input(F64, (4,))
        node = {'op': 'add', 'args': [a[0], b[0]]}
        call = lambda: np.add(a[1], b[1])
    elif kind == 'empty-min':
        a = case.input(F64, (0, 3))
        node = {'op': 'min', 'args': [a[0]], 'axis': 0, 'keepdims': False, 'ddof': None}
        call = lambda: np.min(a[1], axis=0)
    elif kind == 'empty-argmax':
        a = case.input('int32', (0,))
        node = {'op': 'argmax', 'args': [a[0]], 'axis': None, 'keepdims': False, 'ddof': None}
        call = lambda: np.argmax(a[1])
    elif kind == 'axis':
        a = case.input(F64, (2, 3))
        node = {'op': 'sum', 'args': [a[0]], 'axis': 2, 'keepdims': False, 'ddof': None}
        call = lambda: np.sum(a[1], axis=2)
    elif kind == 'reshape':
        a = case.input(F64, (2, 3))
        node = {'op': 'reshape', 'args': [a[0]], 'shape': [4, 2]}
        call = lambda: np.reshape(a[1], (4, 2))
    elif kind == 'take':
        a = case.input('int64', (4,))
        node = {'op': 'take', 'args': [a[0]], 'indices': [1, 4], 'axis': 0}
        call = lambda: np.take(a[1], [1, 4], axis=0)
    elif kind == 'negative-power':
        a, b = case.input('int64', (3,), special=False), case.input('int64', (3,), special=False)
        neg = np.array([1, -1, 2], dtype=np.int64)
        case.inputs[-1]['data'] = b64(neg)
        node = {'op': 'power', 'args': [a[0], b[0]]}
        call = lambda: np.power(a[1], neg)
    else:
        a, b = case.input(F64, (2,)), case.input(F64, (2,))
        node = {'op': 'bitwise_and', 'args': [a[0], b[0]]}
        call = lambda: np.bitwise_and(a[1], b[1])
    try:
        call()
        raise AssertionError(f'numpy accepted the error case {kind}')
    except (ValueError, TypeError, IndexError, np.AxisError) as e:
        return node, str(e)

cases = []
last_node = [None]
for i in range(COUNT):
    case = Case()
    if i % 40 == 39:
        kind, phrase = ERRORS[(i // 40) % len(ERRORS)]
        node, message = error_case(case, kind)
        cases.append({'id': i, 'expr': node, 'inputs': case.inputs, 'error': phrase, 'numpy_error': message})
        continue
    try:
        node, value, exact, rtol, atol = expression(case)
    except ValueError as e:
        # An empty reduction numpy refuses: an error case of its own.
        phrase = next((p for _, p in ERRORS if p in str(e)), None)
        if phrase is None:
            raise
        cases.append({'id': i, 'expr': last_node[0], 'inputs': case.inputs, 'error': phrase, 'numpy_error': str(e)})
        continue
    value = np.asarray(value)
    cases.append({'id': i, 'expr': node, 'inputs': case.inputs, 'dtype': value.dtype.name, 'shape': list(value.shape),
                  'result': b64(value), 'exact': bool(exact), 'rtol': float(rtol), 'atol': float(atol)})
with open('differential.json', 'w') as f:
    json.dump({'numpy': np.__version__, 'seed': SEED, 'cases': cases}, f, separators=(',', ':'))
print(len(cases), 'cases')
