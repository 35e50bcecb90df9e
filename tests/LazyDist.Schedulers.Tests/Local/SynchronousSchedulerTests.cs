using LazyDist.Graph;

namespace LazyDist.Schedulers.Tests.Local;

public class SynchronousSchedulerTests
{
    [Test]
    public void Compute_RunsOnTheCallingThread_InPriorityOrder()
    {
        int caller = Environment.CurrentManagedThreadId;
        var seen = new List<(string Key, int Thread)>();
        TaskNode Record(string name, params TaskArg[] deps) =>
            TaskNode.Call((object?[] _) => { seen.Add((name, Environment.CurrentManagedThreadId)); return name; }, new ArgList(deps));
        var graph = new TaskGraph
        {
            ["x0"] = Record("x0"),
            ["y0"] = Record("y0", TaskArg.Ref("x0")),
            ["x1"] = Record("x1"),
            ["y1"] = Record("y1", TaskArg.Ref("x1")),
            ["total"] = Record("total", TaskArg.Ref("y0"), TaskArg.Ref("y1")),
        };
        new SynchronousScheduler().Get(graph, "total");
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(s => s.Key), Is.EqualTo(new[] { "x0", "y0", "x1", "y1", "total" }));
            Assert.That(seen.Select(s => s.Thread), Is.All.EqualTo(caller));
        });
    }
}
