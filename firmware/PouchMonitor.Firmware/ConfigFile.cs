using System;
using System.Diagnostics;
using System.IO;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// The board's settings and credentials in <c>I:\pouchmon.json</c>, written by <c>pouchmon device add</c> and deployed
    /// with <c>nanoff --filedeployment</c> (docs/deploy.md). Until the file is there and valid the board does not
    /// measure: it says why in the debug output and on the LED, and reads the file again every 2 s.
    /// </summary>
    internal static class ConfigFile
    {
        /// <summary>Where the file is: the internal littlefs drive nanoFramework mounts as <c>I:\</c> on ESP32.</summary>
        public const string Path = "I:\\pouchmon.json";

        /// <summary>LED flashes per 2 s while the file is missing.</summary>
        public const int MissingFlashes = 2;

        /// <summary>LED flashes per 2 s while the file is there but not valid.</summary>
        public const int InvalidFlashes = 3;

        /// <summary>Returns the config once the file holds a valid one; blinks and retries until then.</summary>
        public static BoardConfig WaitForValid(IdentifyLed led)
        {
            var parser = new BoardConfigParser();
            string reported = null;
            while (true)
            {
                string problem;
                int flashes;
                if (!File.Exists(Path))
                {
                    problem = Path + " is missing: create it with 'pouchmon device add' and deploy it with 'nanoff --filedeployment'";
                    flashes = MissingFlashes;
                }
                else
                {
                    var config = Read(parser, out problem);
                    if (config != null)
                    {
                        return config;
                    }

                    flashes = InvalidFlashes;
                }

                if (problem != reported)
                {
                    Debug.WriteLine("PouchMonitor: not measuring: " + problem);
                    reported = problem;
                }

                led.FlashCount(flashes);
            }
        }

        private static BoardConfig Read(BoardConfigParser parser, out string problem)
        {
            try
            {
                var config = parser.Parse(File.ReadAllText(Path));
                problem = config == null ? Path + ": " + parser.Error : null;
                return config;
            }
            catch (Exception e)
            {
                problem = Path + " cannot be read: " + e.Message;
                return null;
            }
        }
    }
}
