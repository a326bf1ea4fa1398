using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>What the device keeps across reboots besides readings: boot counter, settings, why it rebooted itself.</summary>
    public sealed class StateStore
    {
        private const int PayloadBytes = 16;
        private const uint Magic = 0x31534D50; // "PMS1"
        private const int CommandRebootFlag = 1;

        private readonly DualSlotBlock _block;
        private readonly byte[] _payload = new byte[PayloadBytes];

        /// <summary>Keeps the state in <paramref name="region"/> (at least <see cref="RequiredBytes"/> long).</summary>
        public StateStore(IStorageRegion region)
        {
            _block = new DualSlotBlock(region, 0, PayloadBytes);
        }

        /// <summary>Storage bytes the state needs.</summary>
        public static int RequiredBytes => DualSlotBlock.RequiredBytes(PayloadBytes);

        /// <summary>Boot counter of the running boot (after <see cref="StartBoot"/>).</summary>
        public uint Boot { get; private set; }

        /// <summary>The stored settings.</summary>
        public DeviceSettings Settings { get; } = new DeviceSettings();

        /// <summary>True when the previous boot ended by a <c>reboot</c> command.</summary>
        public bool PreviousBootEndedByCommand { get; private set; }

        /// <summary>Loads the state (defaults when storage holds none), counts this boot and stores it.</summary>
        public void StartBoot()
        {
            var flags = 0;
            if (_block.TryLoad(_payload) && (uint)LittleEndian.Read(_payload, 0, 4) == Magic)
            {
                Boot = (uint)LittleEndian.Read(_payload, 4, 4) + 1;
                Settings.IntervalS = ValidOrDefault(LittleEndian.Read(_payload, 8, 2));
                Settings.PublishIntervalS = ValidOrDefault(LittleEndian.Read(_payload, 10, 2));
                flags = _payload[12];
            }

            PreviousBootEndedByCommand = (flags & CommandRebootFlag) != 0;
            Save(false);
        }

        /// <summary>Stores the settings (after a command changed them).</summary>
        public void SaveSettings() => Save(false);

        /// <summary>Stores that this boot is about to end by a <c>reboot</c> command.</summary>
        public void SaveCommandReboot() => Save(true);

        private void Save(bool commandReboot)
        {
            Array.Clear(_payload, 0, PayloadBytes);
            LittleEndian.Write(_payload, 0, Magic, 4);
            LittleEndian.Write(_payload, 4, Boot, 4);
            LittleEndian.Write(_payload, 8, Settings.IntervalS, 2);
            LittleEndian.Write(_payload, 10, Settings.PublishIntervalS, 2);
            _payload[12] = (byte)(commandReboot ? CommandRebootFlag : 0);
            _block.Save(_payload);
        }

        private static int ValidOrDefault(long intervalS) =>
            DeviceSettings.IsValidInterval(intervalS) ? (int)intervalS : DeviceSettings.DefaultIntervalS;
    }
}
