using LazyDist.Cli.Scripting;
using LazyDist.Graph;

namespace LazyDist.Cli.Tests.Scripting;

public class ScriptFailureTests
{
    [Test]
    public void Format_TaskFailedInAnotherProcess_NamesKeyTypeAndRemoteStack()
    {
        var failure = new TaskFailedException("sum-1", "System.ArgumentException", "bad chunk", "   at Kernel.Sum() in kernel.cs:line 9");
        string text = ScriptFailure.Format(failure);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("error: LazyDist.Graph.TaskFailedException: task 'sum-1' failed: System.ArgumentException: bad chunk"));
            Assert.That(text, Does.Contain("\nkey: 'sum-1'"));
            Assert.That(text, Does.Contain("where the task threw:\n   at Kernel.Sum() in kernel.cs:line 9").Or.Contain("where the task threw:\r\n   at Kernel.Sum()"));
        });
    }

    [Test]
    public void WithoutHostFrames_DropsRunnerReflectionAndAsyncMarkers()
    {
        string stack = string.Join("\n",
            "   at Program.<Main>$(String[] args) in s.csx:line 2",
            "--- End of stack trace from previous location ---",
            "   at System.Reflection.MethodBaseInvoker.InvokeWithOneArg(Object obj)",
            $"   at {typeof(ScriptRunner).FullName}.InvokeAsync(MethodInfo entry, String[] args)",
            "   at LazyDist.Cli.Commands.RunCommand.RunAsync()");
        Assert.That(ScriptFailure.WithoutHostFrames(stack), Is.EqualTo("   at Program.<Main>$(String[] args) in s.csx:line 2"));
    }

    [Test]
    public void WithoutHostFrames_NoRunnerFrame_Unchanged()
    {
        const string Stack = "   at System.Reflection.X()\n   at Program.<Main>$() in s.csx:line 1";
        Assert.That(ScriptFailure.WithoutHostFrames(Stack), Is.EqualTo(Stack));
    }
}
