namespace LazyDist.Distributed.Center;

/// <summary>One finished run of a task, as a task stream draws it: a bar on its worker's thread's row.</summary>
/// <param name="Key">The task's key, as text.</param>
/// <param name="Prefix">Its key group.</param>
/// <param name="Worker">The worker's name.</param>
/// <param name="Thread">The executor thread, from 0.</param>
/// <param name="Started">When it started, by the worker's clock.</param>
/// <param name="Stopped">When it stopped, by the worker's clock.</param>
/// <param name="NBytes">Its result's size (0 when it failed).</param>
/// <param name="Failed">Whether it threw.</param>
/// <param name="FetchedBytes">Bytes of inputs its worker fetched from peers for it.</param>
internal sealed record TaskRunView(string Key, string Prefix, string Worker, int Thread, DateTimeOffset Started, DateTimeOffset Stopped, long NBytes, bool Failed, long FetchedBytes = 0);
