using System.Globalization;
using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Shannon.ML;

/// <summary>Reads an IDataView's feature vector and label column into arrays, once.</summary>
internal static class MlColumns
{
    /// <summary>The label column as codes 0..L-1 (in order of first appearance) and L.</summary>
    public static (int[] Codes, int Count) ReadLabels(IDataView data, string name)
    {
        var column = data.Schema.GetColumnOrNull(name)
            ?? throw ArgumentErrors.Error("labelColumnName", "a column of the input", $"'{name}'");
        var type = column.Type;
        return type switch
        {
            KeyDataViewType => Code(data.GetColumn<uint>(name), name),
            BooleanDataViewType => Code(data.GetColumn<bool>(name), name),
            TextDataViewType => Code(data.GetColumn<ReadOnlyMemory<char>>(name).Select(t => t.ToString()), name),
            _ when type == NumberDataViewType.Single => Code(data.GetColumn<float>(name).Select(v => Finite(v, name)), name),
            _ when type == NumberDataViewType.Double => Code(data.GetColumn<double>(name).Select(v => Finite(v, name)), name),
            _ when type == NumberDataViewType.Int32 => Code(data.GetColumn<int>(name), name),
            _ when type == NumberDataViewType.Int64 => Code(data.GetColumn<long>(name), name),
            _ => throw ArgumentErrors.Error("labelColumnName", "a key, boolean, text or numeric column", $"'{name}' of type {type}"),
        };
    }

    /// <summary>The slots of a float vector column, one array per slot.</summary>
    public static double[][] ReadSlots(IDataView data, DataViewSchema.Column column, int slotCount, int rowCount)
    {
        var slots = new double[slotCount][];
        for (int s = 0; s < slotCount; s++)
        {
            slots[s] = new double[rowCount];
        }

        int row = 0;
        foreach (var vector in data.GetColumn<VBuffer<float>>(column))
        {
            int s = 0;
            foreach (float v in vector.DenseValues())
            {
                if (!float.IsFinite(v))
                {
                    throw ArgumentErrors.Error("inputColumnName", "finite in every slot",
                        string.Create(CultureInfo.InvariantCulture, $"{v} in slot {s} of row {row} of '{column.Name}'"), "Replace missing values first (ReplaceMissingValues).");
                }

                slots[s++][row] = Widen(v);
            }

            row++;
        }

        return slots;
    }

    /// <summary>
    /// A Single as the double of the shortest decimal that prints it (12.37f becomes 12.37, not 12.369999885559082):
    /// ML.NET reads text into Single, and widening bit by bit would move rounded measurements off their decimal lattice,
    /// so the library's ties rule (spread lattice values over one step) would no longer see them as rounded.
    /// Integers and values exact in binary are unchanged.
    /// </summary>
    internal static double Widen(float v)
    {
        double exact = v;
        return exact == Math.Floor(exact) ? exact : double.Parse(v.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>ML.NET's slot names of the column, or "slot {i}".</summary>
    public static string[] SlotNames(DataViewSchema.Column column, int slotCount)
    {
        var names = Enumerable.Range(0, slotCount).Select(i => "slot " + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (column.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            column.GetSlotNames(ref buffer);
            int i = 0;
            foreach (var name in buffer.DenseValues())
            {
                if (!name.IsEmpty)
                {
                    names[i] = name.ToString();
                }

                i++;
            }
        }

        return names;
    }

    private static (int[] Codes, int Count) Code<T>(IEnumerable<T> values, string name)
        where T : notnull
    {
        var levels = new Dictionary<T, int>();
        var codes = new List<int>();
        foreach (var v in values)
        {
            if (!levels.TryGetValue(v, out int code))
            {
                code = levels.Count;
                levels.Add(v, code);
            }

            codes.Add(code);
        }

        if (codes.Count == 0)
        {
            throw ArgumentErrors.Error("labelColumnName", "a column with at least one row", $"'{name}' with none");
        }

        return ([.. codes], levels.Count);
    }

    private static T Finite<T>(T value, string name)
        where T : IFloatingPoint<T>
    {
        if (!T.IsFinite(value))
        {
            throw ArgumentErrors.Error("labelColumnName", "finite in every row", $"{value} in '{name}'");
        }

        return value;
    }
}
