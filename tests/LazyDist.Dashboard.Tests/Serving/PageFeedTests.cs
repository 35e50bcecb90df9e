using System.Text;
using LazyDist.Dashboard.Serving;
using LazyDist.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace LazyDist.Dashboard.Tests.Serving;

/// <summary>One rendering per page per interval, shared by its watchers, on a fake clock (a real center with no workers).</summary>
[TestFixture]
public sealed class PageFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Test, CancelAfter(60_000)]
    public async Task Latest_TwoWatchersWithinAnInterval_ShareOneRendering(CancellationToken cancellationToken)
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var feed = new PageFeed(new DashboardView(center, time, TimeSpan.FromMinutes(5)), Interval, time);

        var first = feed.Latest("status");
        time.Advance(Interval - TimeSpan.FromTicks(1));
        var second = feed.Latest("status");
        time.Advance(TimeSpan.FromTicks(1));
        var third = feed.Latest("status");

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first), "a second watcher within the interval gets the same rendering");
            Assert.That(third, Is.Not.SameAs(first), "once the interval has passed the page is rendered again");
            Assert.That(first.Wait, Is.EqualTo(Interval), "a page that renders in no (fake) time waits the interval");
            Assert.That(feed.Latest("workers"), Is.Not.SameAs(third), "each page has its own rendering");
        });
    }

    [Test, CancelAfter(60_000)]
    public async Task Latest_Page_IsOneServerSentEventWithEveryLineAsData(CancellationToken cancellationToken)
    {
        await using var center = await CenterHost.StartAsync(new CenterOptions { Port = 0 });
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var view = new DashboardView(center, time, TimeSpan.FromMinutes(5));
        var feed = new PageFeed(view, Interval, time);

        string sent = Encoding.UTF8.GetString(feed.Latest("status").Event);
        var lines = view.Render("status").Split('\n').Select(l => "data: " + l.TrimEnd('\r'));
        Assert.That(sent, Is.EqualTo("event: update\n" + string.Join("", lines.Select(l => l + "\n")) + "\n"));
        Assert.That(() => feed.Latest("nowhere"), Throws.ArgumentException.With.Message.Contains("'nowhere'"));
    }

    [TestCase("", "event: update\ndata: \n\n")]
    [TestCase("<p>one</p>", "event: update\ndata: <p>one</p>\n\n")]
    [TestCase("a\r\nb\n\nc\r\r", "event: update\ndata: a\ndata: b\ndata: \ndata: c\n\n")]
    [TestCase("é → 100 %\n😀", "event: update\ndata: é → 100 %\ndata: 😀\n\n")]
    public void Encode_Content_IsOneDataLinePerLineInUtf8(string content, string expected) =>
        Assert.That(PageFeed.Encode(content), Is.EqualTo(Encoding.UTF8.GetBytes(expected)));
}
