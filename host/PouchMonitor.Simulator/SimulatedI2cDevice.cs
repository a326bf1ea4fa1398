using System.Device.I2c;

namespace PouchMonitor.Simulator;

/// <summary>
/// An <see cref="I2cDevice"/> in front of a <see cref="Bme280RegisterMap"/>, as dotnet/iot's Bmxx80 tests do it: a
/// register pointer set by the first written byte, auto-incremented by reads; writes are (register, value) pairs.
/// </summary>
public sealed class SimulatedI2cDevice : I2cDevice
{
    private readonly Bme280RegisterMap _chip;
    private byte _pointer;

    /// <summary>Puts <paramref name="chip"/> at the address of <paramref name="settings"/>.</summary>
    public SimulatedI2cDevice(I2cConnectionSettings settings, Bme280RegisterMap chip)
    {
        ConnectionSettings = settings ?? throw new ArgumentNullException(nameof(settings));
        _chip = chip ?? throw new ArgumentNullException(nameof(chip));
    }

    /// <inheritdoc/>
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>When true every transfer fails with an <see cref="IOException"/>, as with an unplugged sensor.</summary>
    public bool Disconnected { get; set; }

    /// <inheritdoc/>
    public override byte ReadByte()
    {
        ThrowIfDisconnected();
        return _chip.Read(_pointer++);
    }

    /// <inheritdoc/>
    public override void Read(Span<byte> buffer)
    {
        ThrowIfDisconnected();
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _chip.Read(_pointer++);
        }
    }

    /// <inheritdoc/>
    public override void WriteByte(byte value)
    {
        ThrowIfDisconnected();
        _pointer = value;
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfDisconnected();
        if (buffer.IsEmpty)
        {
            return;
        }

        _pointer = buffer[0];
        for (var i = 0; i + 1 < buffer.Length; i += 2)
        {
            _chip.Write(buffer[i], buffer[i + 1]);
        }
    }

    /// <inheritdoc/>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void ThrowIfDisconnected()
    {
        if (Disconnected)
        {
            throw new IOException($"No ACK from I2C address 0x{ConnectionSettings.DeviceAddress:X2}.");
        }
    }
}
