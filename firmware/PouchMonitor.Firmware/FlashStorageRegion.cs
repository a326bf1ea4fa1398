using System;
using System.IO;
using PouchMonitor.Firmware.Core;

namespace PouchMonitor.Firmware
{
    /// <summary>
    /// <see cref="IStorageRegion"/> on the internal flash drive <c>I:\</c> (the ESP32's 256 KiB littlefs "config"
    /// partition), split into files of at most <see cref="SegmentBytes"/>. littlefs stores a file as a
    /// copy-on-write list in which rewriting a block copies every block after it (littlefs DESIGN.md, "CTZ skip-lists"),
    /// so one large file would make every write to its start rewrite the whole ring; small segments bound that cost to
    /// one block.
    /// </summary>
    internal sealed class FlashStorageRegion : IStorageRegion
    {
        /// <summary>Bytes per segment file: one 4 KiB flash sector.</summary>
        public const int SegmentBytes = 4096;

        private const string Drive = "I:\\";
        private static readonly byte[] Zeros = new byte[SegmentBytes];
        private readonly string[] _paths;

        /// <summary>
        /// A region of <paramref name="length"/> bytes in files <c>I:\{name}-{n}.bin</c>, created zero-filled when
        /// missing or of another size.
        /// </summary>
        public FlashStorageRegion(string name, int length)
        {
            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            Length = length;
            _paths = new string[((length - 1) / SegmentBytes) + 1];
            for (var i = 0; i < _paths.Length; i++)
            {
                _paths[i] = Drive + name + "-" + i.ToString() + ".bin";
                EnsureSegment(_paths[i], SegmentLength(i));
            }
        }

        /// <inheritdoc/>
        public int Length { get; }

        /// <inheritdoc/>
        public void Read(int offset, byte[] buffer, int index, int count)
        {
            CheckRange(offset, count);
            while (count > 0)
            {
                var chunk = ChunkAt(offset, count);
                using (var stream = new FileStream(_paths[offset / SegmentBytes], FileMode.Open, FileAccess.Read))
                {
                    stream.Seek(offset % SegmentBytes, SeekOrigin.Begin);
                    ReadExactly(stream, buffer, index, chunk);
                }

                offset += chunk;
                index += chunk;
                count -= chunk;
            }
        }

        /// <inheritdoc/>
        public void Write(int offset, byte[] buffer, int index, int count)
        {
            CheckRange(offset, count);
            while (count > 0)
            {
                var chunk = ChunkAt(offset, count);

                // Opened per write: closing the file is what commits it in littlefs, so the bytes are durable on return.
                using (var stream = new FileStream(_paths[offset / SegmentBytes], FileMode.Open, FileAccess.Write))
                {
                    stream.Seek(offset % SegmentBytes, SeekOrigin.Begin);
                    stream.Write(buffer, index, chunk);
                }

                offset += chunk;
                index += chunk;
                count -= chunk;
            }
        }

        private int SegmentLength(int segment) =>
            segment < _paths.Length - 1 ? SegmentBytes : Length - (segment * SegmentBytes);

        private static int ChunkAt(int offset, int count)
        {
            var room = SegmentBytes - (offset % SegmentBytes);
            return count < room ? count : room;
        }

        private void CheckRange(int offset, int count)
        {
            if (offset < 0 || count < 0 || offset + count > Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }

        private static void ReadExactly(FileStream stream, byte[] buffer, int index, int count)
        {
            while (count > 0)
            {
                var read = stream.Read(buffer, index, count);
                if (read <= 0)
                {
                    throw new IOException();
                }

                index += read;
                count -= read;
            }
        }

        private static void EnsureSegment(string path, int length)
        {
            if (File.Exists(path))
            {
                using (var existing = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    if (existing.Length == length)
                    {
                        return;
                    }
                }

                File.Delete(path);
            }

            using (var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                created.Write(Zeros, 0, length);
            }
        }
    }
}
