using PouchMonitor.Host.Time;

namespace PouchMonitor.Host.Tests.Time;

public class IsoTimeTests
{
    [Theory]
    [InlineData("2026-11-01T08:00:00Z", "2026-11-01T08:00:00Z")]
    [InlineData("2026-11-01T08:00:00.25Z", "2026-11-01T08:00:00.25Z")]
    [InlineData("2026-11-01T09:00:00+01:00", "2026-11-01T08:00:00Z")]
    [InlineData("2026-11-01T03:30:00-0430", "2026-11-01T08:00:00Z")]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z")]
    public void TryParse_TimeWithOffset_ParsesToUtc(string text, string utc)
    {
        Assert.True(IsoTime.TryParse(text, out var time));
        Assert.Equal(utc, IsoTime.Format(time));
    }

    [Theory]
    [InlineData("2026-11-01T08:00:00")]
    [InlineData("2026-11-01")]
    [InlineData("2026-02-30T08:00:00Z")]
    [InlineData("2026-13-01T08:00:00Z")]
    [InlineData("2026-11-01T24:00:00Z")]
    [InlineData("2026-11-01T08:00:60Z")]
    [InlineData("2026-11-01T08:0a:00Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void TryParse_NoOffsetOrNoTime_Fails(string text)
    {
        Assert.False(IsoTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2026-11-01T08:00:00Z")]
    [InlineData("2026-11-01T08:00:00.1234567Z")]
    public void TryFormat_MatchesFormat(string text)
    {
        Assert.True(IsoTime.TryParse(text, out var time));
        Span<char> buffer = stackalloc char[40];

        Assert.True(IsoTime.TryFormat(time, buffer, out int length));
        Assert.Equal(IsoTime.Format(time), buffer[..length].ToString());
        Assert.Equal(text, buffer[..length].ToString());
    }
}
