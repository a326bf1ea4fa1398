using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Encodes the v1 payloads (shared/PouchMonitor.Contracts/README.md) of one device into a reused buffer; each
    /// finished payload is the only allocation.
    /// </summary>
    public sealed class MessageEncoder
    {
        /// <summary>Buffer size: a full batch of the longest readings, or a config report of 16 sensors, fits.</summary>
        public const int BufferBytes = 4096;

        private readonly JsonWriter _json = new JsonWriter(BufferBytes);
        private readonly string _deviceId;
        private int _batchReadings;

        /// <summary>Creates the encoder of <paramref name="deviceId"/>.</summary>
        public MessageEncoder(string deviceId)
        {
            _deviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
        }

        /// <summary>Starts a reading batch of one boot.</summary>
        public void BeginBatch(uint boot)
        {
            Begin();
            _json.Raw(",\"boot\":");
            _json.Integer(boot);
            _json.Raw(",\"readings\":[");
            _batchReadings = 0;
        }

        /// <summary>Adds a reading of the batch's boot; at most <see cref="ContractLimits.MaxBatchReadings"/> per batch.</summary>
        public void AddReading(Reading reading)
        {
            if (_batchReadings++ == ContractLimits.MaxBatchReadings)
            {
                throw new InvalidOperationException("batch is full");
            }

            _json.Raw(_batchReadings == 1 ? "{\"seq\":" : ",{\"seq\":");
            _json.Integer(reading.Sequence);
            Clock(reading.UptimeMs, reading.IsTimeSynced, reading.UtcMs);
            Field("s", reading.SensorIndex);
            if (reading.Fault == SensorFault.None)
            {
                _json.Raw(",\"p\":");
                _json.Centi(reading.PressureCentiPa);
                _json.Raw(",\"c\":");
                _json.Centi(reading.TemperatureCentiC);
            }
            else
            {
                _json.Raw(",\"fault\":");
                _json.String(FaultCode(reading.Fault));
            }

            _json.Raw("}");
        }

        /// <summary>Closes the batch and returns its payload.</summary>
        public byte[] EndBatch()
        {
            _json.Raw("]}");
            return _json.ToArray();
        }

        /// <summary>The <c>online</c> status with health.</summary>
        public byte[] EncodeOnline(uint boot, HealthSnapshot health)
        {
            BeginStatus("online", boot);
            _json.Raw(",\"fw\":");
            _json.String(FirmwareInfo.Version);
            Clock(health.UptimeMs, health.IsTimeSynced, health.UtcMs);

            _json.Raw(",\"reset\":");
            _json.String(health.ResetReason);
            Field("freeBytes", health.FreeMemoryBytes);
            Field("rssiDbm", health.WifiRssiDbm);
            Field("buffered", health.Buffered);
            Field("dropped", health.Dropped);
            Field("intervalS", health.IntervalS);
            Field("publishIntervalS", health.PublishIntervalS);
            _json.Raw("}");
            return _json.ToArray();
        }

        /// <summary>The <c>offline</c> status: the last will, and the goodbye before a commanded reboot.</summary>
        public byte[] EncodeOffline(uint boot)
        {
            BeginStatus("offline", boot);
            _json.Raw("}");
            return _json.ToArray();
        }

        /// <summary>The configuration report.</summary>
        public byte[] EncodeConfig(uint boot, DeviceSettings settings, int capacity, SensorChannel[] sensors)
        {
            Begin();
            Field("boot", boot);
            _json.Raw(",\"fw\":");
            _json.String(FirmwareInfo.Version);
            Field("intervalS", settings.IntervalS);
            Field("publishIntervalS", settings.PublishIntervalS);
            Field("capacity", capacity);
            _json.Raw(",\"sensors\":[");
            for (var i = 0; i < sensors.Length; i++)
            {
                var slot = sensors[i].Slot;
                _json.Raw(i == 0 ? "{\"s\":" : ",{\"s\":");
                _json.Integer(slot.SensorIndex);
                Field("bus", slot.Bus);
                Field("addr", slot.Address);
                if (slot.MuxChannel != SensorSlot.NoMux)
                {
                    Field("mux", slot.MuxChannel);
                }

                _json.Raw(",\"chip\":");
                _json.String(slot.Chip == SensorChip.Bme280 ? "bme280" : "bmp280");
                _json.Raw("}");
            }

            _json.Raw("]}");
            return _json.ToArray();
        }

        /// <summary>The wire code of a fault (<c>chip-id</c>, <c>i2c</c>, <c>stuck</c>, <c>out-of-range</c>).</summary>
        public static string FaultCode(SensorFault fault)
        {
            switch (fault)
            {
                case SensorFault.ChipId:
                    return "chip-id";
                case SensorFault.I2c:
                    return "i2c";
                case SensorFault.Stuck:
                    return "stuck";
                case SensorFault.OutOfRange:
                    return "out-of-range";
                default:
                    throw new ArgumentOutOfRangeException(nameof(fault));
            }
        }

        private void Begin()
        {
            _json.Clear();
            _json.Raw("{\"v\":");
            _json.Integer(ContractLimits.Version);
            _json.Raw(",\"device\":");
            _json.String(_deviceId);
        }

        private void BeginStatus(string state, uint boot)
        {
            Begin();
            _json.Raw(",\"state\":");
            _json.String(state);
            Field("boot", boot);
        }

        /// <summary>Uptime, and UTC time once it is synced (contract v1: <c>up</c>, <c>t</c>).</summary>
        private void Clock(long uptimeMs, bool isTimeSynced, long utcMs)
        {
            Field("up", uptimeMs);
            if (isTimeSynced)
            {
                Field("t", utcMs);
            }
        }

        private void Field(string name, long value)
        {
            _json.Raw(",\"");
            _json.Raw(name);
            _json.Raw("\":");
            _json.Integer(value);
        }
    }
}
