using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// The header of every message on the wire: a MessagePack union, one small record per kind.
/// Values travel after the header as raw payload frames (see <see cref="Envelope"/>).
/// </summary>
[Union(0, typeof(HelloMessage))]
[Union(1, typeof(WelcomeMessage))]
[Union(2, typeof(RefusedMessage))]
[Union(3, typeof(TaskFinishedMessage))]
[Union(4, typeof(TaskErredMessage))]
[Union(5, typeof(FetchFailedMessage))]
[Union(6, typeof(HeartbeatMessage))]
[Union(7, typeof(ComputeTaskMessage))]
[Union(8, typeof(DeleteKeysMessage))]
[Union(9, typeof(CancelTaskMessage))]
[Union(10, typeof(SubmitGraphMessage))]
[Union(11, typeof(ReleaseKeysMessage))]
[Union(12, typeof(ReportMissingMessage))]
[Union(13, typeof(GetStatsMessage))]
[Union(14, typeof(KeyInMemoryMessage))]
[Union(15, typeof(KeyErredMessage))]
[Union(16, typeof(StatsMessage))]
[Union(17, typeof(GetDataMessage))]
[Union(18, typeof(DataMessage))]
[Union(19, typeof(OfferCodeMessage))]
[Union(20, typeof(NeedCodeMessage))]
[Union(21, typeof(CodeMessage))]
[Union(22, typeof(GetCodeMessage))]
[Union(23, typeof(GetManifestMessage))]
[Union(24, typeof(ManifestMessage))]
[Union(25, typeof(SessionEndedMessage))]
[Union(26, typeof(FetchCodeMessage))]
[Union(27, typeof(BatchMessage))]
[Union(28, typeof(WorkerPausedMessage))]
[Union(40, typeof(WorkerRestartedMessage))]
[Union(41, typeof(WaitForWorkersMessage))]
[Union(42, typeof(WorkersJoinedMessage))]
[Union(43, typeof(WorkerMetricsMessage))]
[Union(44, typeof(GetProgressMessage))]
[Union(45, typeof(ProgressMessage))]
[Union(46, typeof(StealRequestMessage))]
[Union(47, typeof(StealResponseMessage))]
[Union(50, typeof(GetPerformanceMessage))]
[Union(51, typeof(PerformanceMessage))]
internal abstract record WireMessage;
