using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// The built-in operation <c>bag.run</c>: one task of a fused pipeline. Its arguments are
/// <c>[source kind, [source, input], [[stage, input]...], sink kind, [sink, input]]</c>, the
/// functions being closures that capture only the user's functions (they travel as code). The run
/// builds the chain of sinks back to front, lets the source push every element through it, and
/// returns the terminal sink's value.
/// </summary>
internal static class PipelineRun
{
    public const string Name = "bag.run";

    public static TaskNode Node(SourceSpec source, IReadOnlyList<StageSpec> stages, SinkSpec sink) =>
        new(BagOperations.Get(Name),
            new Literal((int)source.Kind),
            new ArgList([new Literal(source.Function), source.Input]),
            new ArgList(stages.Select(s => (TaskArg)new ArgList([new Literal(s.Function), s.Input]))),
            new Literal((int)sink.Kind),
            new ArgList([new Literal(sink.Function), sink.Input]));

    public static object? Execute(object?[] args)
    {
        var source = (object?[])args[1]!;
        var stages = (object?[])args[2]!;
        var sink = (object?[])args[4]!;
        if (stages.Length == 0 && (SourceKind)(int)args[0]! == SourceKind.Partition && (SinkKind)(int)args[3]! == SinkKind.List)
            return source[1]; // a partition collected as it is: the same block
        var terminal = ((Func<object?, object>)sink[0]!)(sink[1]);
        if (((ITerminal)terminal).Satisfied)
            return ((ITerminal)terminal).Result;
        object head = terminal;
        for (int i = stages.Length - 1; i >= 0; i--)
        {
            var stage = (object?[])stages[i]!;
            head = ((Func<object, object?, object>)stage[0]!)(head, stage[1]);
        }
        ((Func<object?, object, bool>)source[0]!)(source[1], head);
        return ((ITerminal)terminal).Result;
    }
}
