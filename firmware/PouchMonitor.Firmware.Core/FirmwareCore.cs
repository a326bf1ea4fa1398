using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// The whole device logic. The device layer builds it from its parts, calls <see cref="Start"/> once, then
    /// <see cref="Tick"/> from its main loop, sleeping the returned time (or less) between calls; a watchdog thread asks
    /// <see cref="IsHung"/>. Everything runs on the main loop's thread except the transport's callbacks, which only
    /// queue into an <see cref="MqttInbox"/>.
    /// </summary>
    public sealed class FirmwareCore
    {
        /// <summary>Period of the <c>online</c> status while connected, in ms.</summary>
        public const long StatusPeriodMs = 60000;

        /// <summary>Time between the <c>offline</c> goodbye and a commanded reboot, for the message to leave, in ms.</summary>
        public const long RebootDelayMs = 2000;

        /// <summary>Longest sleep <see cref="Tick"/> returns, in ms, so commands are handled within a second.</summary>
        public const int MaxSleepMs = 1000;

        private readonly string _deviceId;
        private readonly SensorChannel[] _sensors;
        private readonly IMqttTransport _transport;
        private readonly IDeviceClock _clock;
        private readonly IDevicePlatform _platform;
        private readonly StateStore _state;
        private readonly ReadingRing _ring;
        private readonly MessageEncoder _encoder;
        private readonly MqttInbox _inbox;
        private readonly Backoff _backoff;
        private readonly Command _command = new Command();
        private readonly CommandParser _parser = new CommandParser();
        private readonly HealthSnapshot _health = new HealthSnapshot();
        private readonly WatchdogPolicy _watchdog = new WatchdogPolicy();
        private readonly string _statusTopic;
        private readonly string _configTopic;
        private readonly string _commandTopic;
        private MqttSession _session;
        private Sampler _sampler;
        private Publisher _publisher;
        private long _nextStatusMs;
        private long _rebootAtMs = long.MaxValue;

        /// <summary>Assembles the core; nothing is read or written before <see cref="Start"/>.</summary>
        /// <param name="deviceId">Device id: 1–32 of a-z, 0-9 and '-', not starting with '-', not "alerts".</param>
        /// <param name="sensors">One port per wired sensor, in increasing sensor index.</param>
        /// <param name="bufferRegion">Storage of the reading ring (<see cref="ReadingRing.RequiredBytes"/>).</param>
        /// <param name="stateRegion">Storage of boot counter and settings (<see cref="StateStore.RequiredBytes"/>).</param>
        /// <param name="transport">The MQTT client.</param>
        /// <param name="clock">Uptime and UTC time.</param>
        /// <param name="platform">Health and board actions.</param>
        /// <param name="jitter">Source of the reconnect jitter (on ESP32 an unseeded <see cref="Random"/>: the hardware RNG).</param>
        /// <param name="macAddress">The board's MAC, mixed into the jitter so boards differ even under one seed.</param>
        public FirmwareCore(
            string deviceId,
            ISensorPort[] sensors,
            IStorageRegion bufferRegion,
            IStorageRegion stateRegion,
            IMqttTransport transport,
            IDeviceClock clock,
            IDevicePlatform platform,
            Random jitter,
            byte[] macAddress)
        {
            if (!IsValidDeviceId(deviceId))
            {
                throw new ArgumentException("device id must be 1-32 of a-z, 0-9 and '-'", nameof(deviceId));
            }

            if (sensors == null || sensors.Length == 0 || sensors.Length > ContractLimits.MaxSensorIndex + 1)
            {
                throw new ArgumentOutOfRangeException(nameof(sensors));
            }

            _deviceId = deviceId;
            _sensors = new SensorChannel[sensors.Length];
            for (var i = 0; i < sensors.Length; i++)
            {
                _sensors[i] = new SensorChannel(sensors[i]);
                if (i > 0 && _sensors[i].Slot.SensorIndex <= _sensors[i - 1].Slot.SensorIndex)
                {
                    throw new ArgumentException("sensor indexes must increase", nameof(sensors));
                }
            }

            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            _state = new StateStore(stateRegion);
            _ring = new ReadingRing(bufferRegion, sensors.Length);
            _encoder = new MessageEncoder(deviceId);
            _backoff = new Backoff(jitter, macAddress);
            _statusTopic = Topic("status");
            _configTopic = Topic("config");
            _commandTopic = Topic("cmd");
            _inbox = new MqttInbox(_commandTopic);
        }

        /// <summary>Boot counter of this boot.</summary>
        public uint Boot => _state.Boot;

        /// <summary>The current settings.</summary>
        public DeviceSettings Settings => _state.Settings;

        /// <summary>The store-and-forward buffer.</summary>
        public ReadingRing Ring => _ring;

        /// <summary>The broker session.</summary>
        public MqttSession Session => _session;

        /// <summary>Sequence number the next reading gets.</summary>
        public uint NextSequence => _sampler.NextSequence;

        /// <summary>Loads state and buffer from storage and counts the boot.</summary>
        public void Start()
        {
            _state.StartBoot();
            _ring.Open();
            var resetReason = _state.PreviousBootEndedByCommand ? "command" : _platform.ResetReason;
            _health.ResetReason = IsToken(resetReason) ? resetReason : "unknown";
            _sampler = new Sampler(_sensors, _clock, _ring, _state.Boot, _state.Settings.IntervalS);
            _publisher = new Publisher(_ring, _encoder, _transport, Topic("readings"));
            _session = new MqttSession(_transport, _clock, _inbox, _backoff, _deviceId, _statusTopic, _encoder.EncodeOffline(_state.Boot), _commandTopic);
        }

        /// <summary>
        /// Does whatever is due: acknowledgements and commands, a sample, connecting, publishing, status.
        /// </summary>
        /// <returns>Milliseconds until something is due (at most <see cref="MaxSleepMs"/>).</returns>
        public int Tick()
        {
            var nowMs = _clock.UptimeMs;
            _watchdog.Kick(nowMs, _state.Settings.IntervalS);
            TakeInbox(nowMs);
            _sampler.SampleIfDue(nowMs);
            var change = _session.Maintain(nowMs);
            if (change == SessionChange.Lost)
            {
                _publisher.OnConnectionLost();
            }
            else if (change == SessionChange.Connected)
            {
                PublishStatus(nowMs);
            }

            if (_session.IsUp)
            {
                Publish(nowMs);
            }

            if (nowMs >= _rebootAtMs)
            {
                _session.Close();
                _platform.Reboot();
            }

            return SleepMs(nowMs);
        }

        /// <summary>True when the main loop has stopped ticking long enough that only a reboot helps (see <see cref="WatchdogPolicy"/>).</summary>
        public bool IsHung() => _watchdog.IsHung(_clock.UptimeMs);

        private void Publish(long nowMs)
        {
            if (_publisher.IsAckOverdue(nowMs))
            {
                _session.Drop(nowMs);
                _publisher.OnConnectionLost();
                return;
            }

            _publisher.PublishIfDue(nowMs, _state.Settings.PublishIntervalS * 1000L);
            if (nowMs >= _nextStatusMs)
            {
                PublishStatus(nowMs);
            }
        }

        private void TakeInbox(long nowMs)
        {
            int messageId;
            while (_inbox.TryTakeAck(out messageId))
            {
                _publisher.OnAcknowledged(messageId);
            }

            byte[] payload;
            while ((payload = _inbox.TakeCommand()) != null)
            {
                if (_parser.TryParse(payload, _command))
                {
                    Execute(_command, nowMs);
                }
            }
        }

        private void Execute(Command command, long nowMs)
        {
            switch (command.Kind)
            {
                case CommandKind.SetInterval:
                    _state.Settings.IntervalS = command.IntervalS;
                    if (command.PublishIntervalS != Command.Absent)
                    {
                        _state.Settings.PublishIntervalS = command.PublishIntervalS;
                    }

                    _state.SaveSettings();
                    _sampler.SetInterval(command.IntervalS);
                    PublishConfig();
                    break;
                case CommandKind.Identify:
                    _platform.Identify(command.DurationS);
                    break;
                case CommandKind.Reboot:
                    _state.SaveCommandReboot();
                    _transport.Publish(_statusTopic, _encoder.EncodeOffline(_state.Boot), true);
                    _rebootAtMs = nowMs + RebootDelayMs;
                    break;
                default:
                    PublishConfig();
                    break;
            }
        }

        private void PublishConfig() =>
            _transport.Publish(_configTopic, _encoder.EncodeConfig(_state.Boot, _state.Settings, _ring.Capacity, _sensors), true);

        private void PublishStatus(long nowMs)
        {
            long utcMs;
            _health.UptimeMs = nowMs;
            _health.IsTimeSynced = TimeSync.IsSynced(_clock, out utcMs);
            _health.UtcMs = _health.IsTimeSynced ? utcMs : 0;
            _health.FreeMemoryBytes = _platform.FreeMemoryBytes;
            _health.WifiRssiDbm = _platform.WifiRssiDbm;
            _health.Buffered = _ring.Count;
            _health.Dropped = _ring.Dropped;
            _health.IntervalS = _state.Settings.IntervalS;
            _health.PublishIntervalS = _state.Settings.PublishIntervalS;
            _transport.Publish(_statusTopic, _encoder.EncodeOnline(_state.Boot, _health), true);
            _nextStatusMs = nowMs + StatusPeriodMs;
        }

        private int SleepMs(long nowMs)
        {
            var dueMs = _sampler.NextSampleMs;
            if (!_session.IsUp)
            {
                dueMs = Earliest(dueMs, _session.NextAttemptMs);
            }
            else
            {
                dueMs = Earliest(dueMs, _nextStatusMs);
                dueMs = Earliest(dueMs, _publisher.DueMs(_state.Settings.PublishIntervalS * 1000L));
            }

            dueMs = Earliest(dueMs, _rebootAtMs);
            var sleepMs = dueMs - nowMs;
            return sleepMs < 0 ? 0 : sleepMs > MaxSleepMs ? MaxSleepMs : (int)sleepMs;
        }

        private string Topic(string kind) => "pouchmon/v1/" + _deviceId + "/" + kind;

        private static long Earliest(long a, long b) => a < b ? a : b;

        /// <summary>True for 1-32 of a-z, 0-9 and '-', not starting with '-', not "alerts" (the contract's device id).</summary>
        public static bool IsValidDeviceId(string deviceId) =>
            IsToken(deviceId) && deviceId[0] != '-' && deviceId != "alerts";

        // 1-32 of a-z, 0-9 and '-': safe in a topic level and in a JSON string without escaping.
        private static bool IsToken(string value)
        {
            if (value == null || value.Length == 0 || value.Length > ContractLimits.MaxDeviceIdLength)
            {
                return false;
            }

            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
