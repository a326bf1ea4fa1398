using System.Text;

namespace PouchMonitor.Firmware.Core.Tests;

public class Crc32Tests
{
    [Fact]
    public void Compute_StandardCheckString_GivesCheckValue()
    {
        // The CRC-32/ISO-HDLC check value of "123456789" (the catalogue's "check" field).
        var bytes = Encoding.ASCII.GetBytes("xx123456789");

        Assert.Equal(0xCBF43926u, Crc32.Compute(bytes, 2, 9));
    }
}
