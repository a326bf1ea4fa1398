using System;

namespace PouchMonitor.Firmware.Core
{
    /// <summary>
    /// Writes compact ASCII JSON into one reused buffer: nothing is allocated until <see cref="ToArray"/>, which makes
    /// the payload array a transport keeps.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly byte[] _buffer;
        private readonly byte[] _digits = new byte[20];

        /// <summary>Creates a writer whose payloads are at most <paramref name="capacityBytes"/> long.</summary>
        public JsonWriter(int capacityBytes)
        {
            _buffer = new byte[capacityBytes];
        }

        /// <summary>Bytes written since <see cref="Clear"/>.</summary>
        public int Length { get; private set; }

        /// <summary>Starts a new payload.</summary>
        public void Clear() => Length = 0;

        /// <summary>Appends ASCII text as it is (JSON punctuation, names, and values known to need no escaping).</summary>
        public void Raw(string ascii)
        {
            for (var i = 0; i < ascii.Length; i++)
            {
                _buffer[Length++] = (byte)ascii[i];
            }
        }

        /// <summary>Appends a string value that is known to need no escaping (ids, versions, tokens).</summary>
        public void String(string ascii)
        {
            _buffer[Length++] = (byte)'"';
            Raw(ascii);
            _buffer[Length++] = (byte)'"';
        }

        /// <summary>Appends an integer.</summary>
        public void Integer(long value)
        {
            if (value < 0)
            {
                _buffer[Length++] = (byte)'-';
            }

            Digits(value);
        }

        /// <summary>
        /// Appends hundredths as a decimal number without trailing zeros: 10132512 → 101325.12, 9987650 → 99876.5,
        /// 3000000 → 30000, -5 → -0.05; any long, long.MinValue included.
        /// </summary>
        public void Centi(long hundredths)
        {
            if (hundredths < 0)
            {
                _buffer[Length++] = (byte)'-';
            }

            // Never negated: -long.MinValue overflows. Division and remainder truncate towards zero, so both parts
            // carry the sign and their digits are taken as magnitudes.
            Digits(hundredths / 100);
            var fraction = (int)(hundredths % 100);
            fraction = fraction < 0 ? -fraction : fraction;
            if (fraction != 0)
            {
                _buffer[Length++] = (byte)'.';
                _buffer[Length++] = (byte)('0' + (fraction / 10));
                if (fraction % 10 != 0)
                {
                    _buffer[Length++] = (byte)('0' + (fraction % 10));
                }
            }
        }

        /// <summary>Copies the payload into a new array of its exact length.</summary>
        public byte[] ToArray()
        {
            var payload = new byte[Length];
            Array.Copy(_buffer, payload, Length);
            return payload;
        }

        // The digits of |value|, taken from its remainders, which have the sign of value: long.MinValue needs no special case.
        private void Digits(long value)
        {
            var count = 0;
            do
            {
                var digit = value % 10;
                _digits[count++] = (byte)('0' + (digit < 0 ? -digit : digit));
                value /= 10;
            }
            while (value != 0);

            while (count > 0)
            {
                _buffer[Length++] = _digits[--count];
            }
        }
    }
}
