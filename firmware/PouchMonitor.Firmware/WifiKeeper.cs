using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Brings Wi-Fi up in the background and keeps it up, so sampling starts at power-on whether or not the network is
    /// there; starts SNTP once the board first has an address. The core needs none of this: it only sees its transport
    /// failing to connect while the network is down.
    /// </summary>
    internal sealed class WifiKeeper
    {
        private const int ConnectTimeoutMs = 60000;
        private const int CheckPeriodMs = 30000;
        private readonly string _ssid;
        private readonly string _password;
        private readonly string _ntpServer;

        /// <summary>A keeper for the network <paramref name="ssid"/>, setting the clock from <paramref name="ntpServer"/>.</summary>
        public WifiKeeper(string ssid, string password, string ntpServer)
        {
            _ssid = ssid;
            _password = password;
            _ntpServer = ntpServer;
        }

        /// <summary>Starts the keeper's thread and returns at once.</summary>
        public void Start() => new Thread(Run).Start();

        /// <summary>The Wi-Fi interface's MAC address (known before any connection).</summary>
        public static byte[] MacAddress()
        {
            foreach (var networkInterface in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (networkInterface.NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return networkInterface.PhysicalAddress;
                }
            }

            return new byte[6];
        }

        private void Run()
        {
            var sntpStarted = false;
            while (true)
            {
                if (!HasAddress())
                {
                    // ConnectDhcp stores the credentials; with Automatic the ESP32 also rejoins by itself after a drop,
                    // and this loop only steps in when it has not managed within a check period.
                    using (var timeout = new CancellationTokenSource(ConnectTimeoutMs))
                    {
                        WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                    }
                }

                if (!sntpStarted && HasAddress())
                {
                    Sntp.Server1 = _ntpServer;
                    Sntp.Start();
                    sntpStarted = true;
                }

                Thread.Sleep(CheckPeriodMs);
            }
        }

        private static bool HasAddress()
        {
            foreach (var networkInterface in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (networkInterface.NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    var address = networkInterface.IPv4Address;
                    return address != null && address != "0.0.0.0";
                }
            }

            return false;
        }
    }
}
