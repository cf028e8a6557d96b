using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FullEmployment.Application.Ledgers.Import;

/// <summary>
/// The natural keys seen so far in a sheet and the row each was first seen in, for the duplicate check. A key is kept
/// as 96 bits of its XxHash128 in an open-addressing table (16 bytes a slot): a 5,000,000-row 援助记录 file's keys as
/// strings in a dictionary took over 600 MB, this takes about 130 MB. Two different keys share 96 bits with a
/// probability of about n²/2⁹⁷ (10⁻¹⁶ for five million rows), far below that of a disk error.
/// </summary>
internal sealed class NaturalKeySet
{
    private const double MaxLoad = 0.7;

    private readonly XxHash128 _hash = new();
    private ulong[] _low;
    private uint[] _high;

    /// <summary>The first row of each key; 0 marks an empty slot (rows are numbered from 1).</summary>
    private int[] _rows;
    private int _count;

    public NaturalKeySet(int expectedKeys)
    {
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (long)(expectedKeys / MaxLoad) + 1));
        _low = new ulong[slots];
        _high = new uint[slots];
        _rows = new int[slots];
    }

    /// <summary>Adds the key made of <paramref name="parts"/>; returns 0, or the row it was first seen in.</summary>
    public int Add(ReadOnlySpan<string?> parts, int row)
    {
        _hash.Reset();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                _hash.Append(MemoryMarshal.AsBytes("\u001F".AsSpan()));
            }

            _hash.Append(MemoryMarshal.AsBytes(parts[i].AsSpan()));
        }

        var hash = _hash.GetCurrentHashAsUInt128();
        var low = (ulong)hash;
        var high = (uint)(hash >> 64);
        var first = Find(low, high, out var slot);
        if (first != 0)
        {
            return first;
        }

        _low[slot] = low;
        _high[slot] = high;
        _rows[slot] = row;
        if (++_count > _rows.Length * MaxLoad)
        {
            Grow();
        }

        return 0;
    }

    private int Find(ulong low, uint high, out int slot)
    {
        var mask = _rows.Length - 1;
        slot = (int)(low & (ulong)mask);
        while (_rows[slot] != 0)
        {
            if (_low[slot] == low && _high[slot] == high)
            {
                return _rows[slot];
            }

            slot = (slot + 1) & mask;
        }

        return 0;
    }

    private void Grow()
    {
        var (low, high, rows) = (_low, _high, _rows);
        _low = new ulong[rows.Length * 2];
        _high = new uint[rows.Length * 2];
        _rows = new int[rows.Length * 2];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] != 0)
            {
                Find(low[i], high[i], out var slot);
                _low[slot] = low[i];
                _high[slot] = high[i];
                _rows[slot] = rows[i];
            }
        }
    }
}
