using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Fuses bag pipelines: a <c>bag.run</c> task whose source is a plain partition made by another
/// <c>bag.run</c> that only collects its elements (and has no other reader) takes over that task's
/// source and stages, so <c>ReadLines → SelectMany → Where → CountBy</c> is one task per partition
/// and no element is ever stored in between.
/// </summary>
internal sealed class PipelineFusionRule : IFusionRule
{
    public TaskNode? TryFuse(TaskNode consumer, Func<TaskKey, TaskNode?> inlinable)
    {
        if (consumer.Args[0] is not Literal { Value: (int)SourceKind.Partition } ||
            consumer.Args[1] is not ArgList { Items: [_, TaskRef input] } ||
            inlinable(input.Key) is not { } producer ||
            producer.Op.Name != PipelineRun.Name ||
            producer.Args[3] is not Literal { Value: (int)SinkKind.List })
            return null;
        var rest = new List<TaskKey>();
        foreach (var arg in consumer.Args.Skip(2))
            rest.AddRange(References(arg));
        if (rest.Contains(input.Key))
            return null; // read twice: it must stay a task of its own
        var stages = ((ArgList)producer.Args[2]).Items.Concat(((ArgList)consumer.Args[2]).Items);
        return new TaskNode(consumer.Op, producer.Args[0], producer.Args[1], new ArgList(stages), consumer.Args[3], consumer.Args[4]);
    }

    private static IEnumerable<TaskKey> References(TaskArg arg) => arg switch
    {
        TaskRef r => [r.Key],
        ArgList list => list.Items.SelectMany(References),
        TaskCall call => call.Node.Dependencies,
        _ => [],
    };
}
