using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Runtime.Native;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>Builds the firmware core from the board's parts and runs its loop; no logic of its own.</summary>
    public static class Program
    {
        // 48 segments of 4 KiB, 192 KiB of the 256 KiB I: drive: 6 142 readings (24 h of 4 sensors at 60 s is 5 760).
        private const int BufferBytes = 48 * FlashStorageRegion.SegmentBytes;

        // A start that fails (flash not mounted yet, a bad sensor map) is retried by a restart, slowly enough that a
        // persistent fault does not wear the flash with a reboot loop.
        private const int FailedStartRetryMs = 60000;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            var led = new IdentifyLed(new GpioController());
            var config = ConfigFile.WaitForValid(led);
            FirmwareCore core;
            try
            {
                core = Start(config, led);
            }
            catch (Exception e)
            {
                Debug.WriteLine("PouchMonitor: start failed, restarting in 60 s: " + e.ToString());
                Thread.Sleep(FailedStartRetryMs);
                RebootMarker.Write(RebootMarker.Software);
                Power.RebootDevice();
                return;
            }

            while (true)
            {
                Thread.Sleep(core.Tick());
            }
        }

        private static FirmwareCore Start(BoardConfig config, IdentifyLed led)
        {
            Board.ConfigurePins();
            var resetReason = RebootMarker.Take();
            var mac = WifiKeeper.MacAddress();
            new WifiKeeper(config.WifiSsid, config.WifiPassword, config.NtpServer).Start();
            var platform = new Esp32Platform(new WifiSignal(config.WifiSsid), led, resetReason);
            var core = new FirmwareCore(
                config.DeviceId ?? DeviceId(mac),
                SensorPorts(Board.Sensors()),
                new FlashStorageRegion("ring", BufferBytes),
                new FlashStorageRegion("state", StateStore.RequiredBytes),
                new M2MqttTransport(config),
                new SntpClock(),
                platform,
                new Random(),
                mac);
            core.Start();
            // mbedTLS checks the broker certificate's validity dates against the clock SNTP sets (WifiKeeper).
            core.Session.WaitsForClock = config.CaPem != null;
            new HangWatchdog(core).Start();
            return core;
        }

        private static ISensorPort[] SensorPorts(SensorSlot[] slots)
        {
            var devices = new I2cDevices();
            var multiplexers = new Tca9548a[2];
            var ports = new ISensorPort[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                var slot = slots[i];
                Tca9548a multiplexer = null;
                if (slot.MuxChannel != SensorSlot.NoMux)
                {
                    if (multiplexers[slot.Bus] == null)
                    {
                        multiplexers[slot.Bus] = new Tca9548a(devices, slot.Bus);
                    }

                    multiplexer = multiplexers[slot.Bus];
                }

                ports[i] = new BmxSensorPort(slot, devices.Get(slot.Bus, slot.Address), multiplexer);
            }

            return ports;
        }

        // Without a deviceId in the config file: "esp32-" and the last 3 bytes of the Wi-Fi MAC in hex
        // (shared/PouchMonitor.Contracts/README.md).
        private static string DeviceId(byte[] mac)
        {
            const string Hex = "0123456789abcdef";
            var digits = new char[6];
            for (var i = 0; i < 3; i++)
            {
                var value = mac[mac.Length - 3 + i];
                digits[2 * i] = Hex[value >> 4];
                digits[(2 * i) + 1] = Hex[value & 0xF];
            }

            return "esp32-" + new string(digits);
        }
    }
}
