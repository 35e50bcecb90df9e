using System.Collections;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// A graph's run order seen as outgoing tasks, each made when read (its priority its place), so a
/// submission of a million tasks holds no second list of them beside the order.
/// </summary>
/// <param name="order">The run order: inputs first, keys distinct.</param>
internal sealed class RunOrderTasks(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> order) : IReadOnlyList<OutgoingTask>
{
    public int Count => order.Count;

    public OutgoingTask this[int index] => new(order[index].Key, order[index].Value, null, index);

    public IEnumerator<OutgoingTask> GetEnumerator()
    {
        for (int i = 0; i < order.Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
