namespace PouchMonitor.Firmware.Core
{
    /// <summary>A parsed command; <see cref="CommandParser"/> refills one instance.</summary>
    public sealed class Command
    {
        /// <summary>Value of an optional field that was absent.</summary>
        public const int Absent = 0;

        /// <summary>What to do.</summary>
        public CommandKind Kind { get; set; }

        /// <summary>New sampling interval in s, for <see cref="CommandKind.SetInterval"/>.</summary>
        public int IntervalS { get; set; }

        /// <summary>New publish interval in s, or <see cref="Absent"/> to keep it.</summary>
        public int PublishIntervalS { get; set; }

        /// <summary>Blink duration in s, for <see cref="CommandKind.Identify"/>.</summary>
        public int DurationS { get; set; }
    }
}
