"""The array targets of issue 10 in Python dask.array, for side-by-side timing.

usage: python3 dask_array.py WORKLOAD N [CHUNK_SIZE]
WORKLOAD: where | exp | sin | cumsum   (over N uniform [0, 1) doubles in chunks of CHUNK_SIZE)
  where:  da.where(x > 0.5, x * 2, x).sum()
  exp:    da.exp(x).sum()
  sin:    da.sin(x).sum()
  cumsum: da.cumsum(x, axis=0).sum()   (the same values for 1-D x; see below)
Threaded scheduler on every core. Prints one line: workload n seconds result cpu_seconds peak_rss_mb
(seconds and cpu_seconds, of all the process's threads, exclude interpreter start-up and imports;
peak_rss_mb is the process's peak resident set).
"""
import resource, sys, time

workload = sys.argv[1]
n = int(sys.argv[2])
size = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000

def main():
    import dask.array as da
    x = da.random.random(n, chunks=(size,))
    t0, c0 = time.perf_counter(), time.process_time()
    if workload == "where":
        expr = da.where(x > 0.5, x * 2, x).sum()
    elif workload == "exp":
        expr = da.exp(x).sum()
    elif workload == "sin":
        expr = da.sin(x).sum()
    elif workload == "cumsum":
        # axis=0, not the default None: with None, dask 2022.12 (Debian's) rechunks the flattened
        # array to chunks of npartitions elements (10^6 chunks for 10^9 elements), and the
        # graph's optimization never finishes.
        expr = da.cumsum(x, axis=0).sum()
    else:
        sys.exit(f"unknown workload '{workload}'")
    total = expr.compute(scheduler="threads")
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(workload, n, f"{seconds:.3f}", total, f"{cpu:.3f}", f"{rss:.0f}")

if __name__ == "__main__":
    main()
