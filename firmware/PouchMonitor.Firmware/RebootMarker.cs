using System;
using System.IO;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// Why this program restarted the board, kept on flash across the restart. nanoFramework gives managed code
    /// neither ESP-IDF's esp_reset_reason() nor a hardware watchdog, so the only restarts the board can explain are
    /// its own: everything else (power-on, brown-out, panic) reads as <c>unknown</c>.
    /// </summary>
    internal static class RebootMarker
    {
        /// <summary>The board restarted itself because <see cref="HangWatchdog"/> found the main loop hung.</summary>
        public const string Watchdog = "watchdog";

        /// <summary>The board restarted itself on request (the core reports a commanded reboot as <c>command</c>).</summary>
        public const string Software = "software";

        private const string Unknown = "unknown";
        private const string Path = "I:\\reset-reason.txt";

        /// <summary>Stores <paramref name="reason"/> for the next boot; a failure to store it must not stop the restart.</summary>
        public static void Write(string reason)
        {
            try
            {
                File.WriteAllText(Path, reason);
            }
            catch (Exception)
            {
                // The next boot reports "unknown" instead.
            }
        }

        /// <summary>Returns the stored reason, or <c>unknown</c>, and clears it so that the next start does not reuse it.</summary>
        public static string Take()
        {
            try
            {
                if (!File.Exists(Path))
                {
                    return Unknown;
                }

                var reason = File.ReadAllText(Path);
                File.Delete(Path);
                return reason == Watchdog || reason == Software ? reason : Unknown;
            }
            catch (Exception)
            {
                return Unknown;
            }
        }
    }
}
