// The seed as a script: N chunks of M uniform random doubles, the sum of each, the total.
//   lazydist run examples/seed.csx                              1000 chunks of 1,000,000, threaded
//   lazydist run examples/seed.csx --scheduler processes:2      the same total, on two worker processes
//   lazydist run examples/seed.csx -- 40 250000                 40 chunks of 250,000
// Scheduler is the one --scheduler names; the usual namespaces and LazyDist's are imported.
int chunks = args.Length > 0 ? int.Parse(args[0]) : 1000;
int chunkSize = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;

var x = DistArray.Random((long)chunks * chunkSize, chunkSize, seed: 42);
var clock = System.Diagnostics.Stopwatch.StartNew();
double total = await x.Sum().ComputeAsync(Scheduler);
Console.WriteLine($"total={total} seconds={clock.Elapsed.TotalSeconds:0.000} scheduler={Scheduler}");
