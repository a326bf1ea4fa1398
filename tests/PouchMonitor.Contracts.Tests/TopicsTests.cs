using PouchMonitor.Host.Core;

namespace PouchMonitor.Contracts.Tests;

public class TopicsTests
{
    [Fact]
    public void Builders_ValidDevice_FollowTheV1Layout()
    {
        Assert.Equal(
            ["pouchmon/v1/esp32-3c71bf/readings", "pouchmon/v1/esp32-3c71bf/status", "pouchmon/v1/esp32-3c71bf/cmd", "pouchmon/v1/esp32-3c71bf/config"],
            [Topics.Readings("esp32-3c71bf"), Topics.Status("esp32-3c71bf"), Topics.Command("esp32-3c71bf"), Topics.Config("esp32-3c71bf")]);
        Assert.Equal("pouchmon/v1/alerts/nhc-700/P1", Topics.Alert("nhc-700", "P1"));
    }

    [Theory]
    [InlineData("pouchmon/v1/esp32-3c71bf/readings", "esp32-3c71bf", DeviceTopicKind.Readings)]
    [InlineData("pouchmon/v1/a/status", "a", DeviceTopicKind.Status)]
    [InlineData("pouchmon/v1/board-7/cmd", "board-7", DeviceTopicKind.Command)]
    [InlineData("pouchmon/v1/board-7/config", "board-7", DeviceTopicKind.Config)]
    public void TryParseDeviceTopic_DeviceTopic_ReturnsIdAndKind(string topic, string deviceId, DeviceTopicKind kind)
    {
        Assert.True(Topics.TryParseDeviceTopic(topic, out var parsedId, out var parsedKind));
        Assert.Equal((deviceId, kind), (parsedId, parsedKind));
    }

    [Theory]
    [InlineData("pouchmon/v2/esp32-3c71bf/readings")]
    [InlineData("pouchmon/v1/esp32-3c71bf/readings/extra")]
    [InlineData("pouchmon/v1/ESP32/readings")]
    [InlineData("pouchmon/v1/alerts/readings")]
    [InlineData("pouchmon/v1/alerts/exp/P1")]
    [InlineData("pouchmon/v1//readings")]
    [InlineData("pouchmon/v1/esp32-3c71bf")]
    public void TryParseDeviceTopic_OtherTopic_ReturnsFalse(string topic)
    {
        Assert.False(Topics.TryParseDeviceTopic(topic, out _, out _));
    }

    [Theory]
    [InlineData("esp32-3c71bf", true)]
    [InlineData("0", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("", false)]
    [InlineData("-lead", false)]
    [InlineData("Upper", false)]
    [InlineData("with/slash", false)]
    [InlineData("with+plus", false)]
    [InlineData("alerts", false)]
    public void IsValid_Candidate_FollowsIdRules(string deviceId, bool valid)
    {
        Assert.Equal(valid, DeviceId.IsValid(deviceId));
    }

    [Theory]
    [InlineData("exp/1", "P1")]
    [InlineData("exp", "P#")]
    [InlineData("exp", "")]
    public void Alert_LevelWithWildcardOrSlash_Throws(string experiment, string pouch)
    {
        Assert.Throws<ArgumentException>(() => Topics.Alert(experiment, pouch));
    }

    [Fact]
    public void Readings_InvalidDevice_Throws()
    {
        Assert.Throws<ArgumentException>(() => Topics.Readings("alerts"));
    }
}
