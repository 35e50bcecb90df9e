"""The array targets of issue 10 in Python dask.array, for side-by-side timing.

usage: python3 dask_array.py WORKLOAD N [CHUNK_SIZE]
WORKLOAD: where | exp | sin | cumsum   (over N uniform [0, 1) doubles in chunks of CHUNK_SIZE)
  where:  da.where(x > 0.5, x * 2, x).sum()
  exp:    da.exp(x).sum()
  sin:    da.sin(x).sum()
  cumsum: da.cumsum(x).sum()
Threaded scheduler on every core. Prints one line: workload n seconds result
(seconds exclude interpreter start-up and imports).
"""
import sys, time

workload = sys.argv[1]
n = int(sys.argv[2])
size = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000

def main():
    import dask.array as da
    x = da.random.random(n, chunks=(size,))
    t0 = time.perf_counter()
    if workload == "where":
        expr = da.where(x > 0.5, x * 2, x).sum()
    elif workload == "exp":
        expr = da.exp(x).sum()
    elif workload == "sin":
        expr = da.sin(x).sum()
    elif workload == "cumsum":
        expr = da.cumsum(x).sum()
    else:
        sys.exit(f"unknown workload '{workload}'")
    total = expr.compute(scheduler="threads")
    print(workload, n, f"{time.perf_counter() - t0:.3f}", total)

if __name__ == "__main__":
    main()
