using System;
using System.Device.Wifi;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Signal strength of the lab network. nanoFramework reports RSSI only in scan results
    /// (<see cref="WifiAdapter.NetworkReport"/>), so this scans now and then and keeps the strongest access point of
    /// the configured SSID from the last scan.
    /// </summary>
    internal sealed class WifiSignal
    {
        /// <summary>Reported before the first scan has found the network.</summary>
        public const int UnknownDbm = -127;

        // A scan takes the radio off the access point's channel for a second or two: rarely, and MQTT rides it out.
        private const long ScanPeriodMs = 15 * 60 * 1000;

        private readonly WifiAdapter _adapter;
        private readonly string _ssid;
        private int _rssiDbm = UnknownDbm;
        private long _nextScanMs;

        /// <summary>Watches the access points named <paramref name="ssid"/>.</summary>
        public WifiSignal(string ssid)
        {
            _ssid = ssid;
            _adapter = WifiAdapter.FindAllAdapters()[0];
            _adapter.AvailableNetworksChanged += OnScanCompleted;
        }

        /// <summary>RSSI in dBm from the latest scan; starts a new scan in the background when the last is old.</summary>
        public int RssiDbm
        {
            get
            {
                var nowMs = Environment.TickCount64;
                if (nowMs >= _nextScanMs)
                {
                    _nextScanMs = nowMs + ScanPeriodMs;
                    try
                    {
                        _adapter.ScanAsync();
                    }
                    catch (Exception)
                    {
                        // No scan now (radio busy connecting): the previous value stands.
                    }
                }

                return _rssiDbm;
            }
        }

        private void OnScanCompleted(WifiAdapter sender, object e)
        {
            var best = UnknownDbm;
            foreach (var network in sender.NetworkReport.AvailableNetworks)
            {
                if (network.Ssid == _ssid && network.NetworkRssiInDecibelMilliwatts > best)
                {
                    best = (int)network.NetworkRssiInDecibelMilliwatts;
                }
            }

            _rssiDbm = best;
        }
    }
}
