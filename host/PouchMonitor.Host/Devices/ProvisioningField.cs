namespace PouchMonitor.Host.Devices;

/// <summary>The parts of a <see cref="DeviceProvisioningRequest"/>, which the command line and the app each name their own way.</summary>
public enum ProvisioningField
{
    /// <summary>The device id.</summary>
    DeviceId,

    /// <summary>The lab's label of the board.</summary>
    Label,

    /// <summary>The broker as the board reaches it.</summary>
    Broker,

    /// <summary>The PEM of the CA that signed the broker's certificate.</summary>
    CaPem,

    /// <summary>The Wi-Fi network.</summary>
    WifiSsid,

    /// <summary>Its password.</summary>
    WifiPassword,

    /// <summary>The time server.</summary>
    NtpServer,

    /// <summary>The board's serial port, for nanoff.</summary>
    SerialPort,
}
