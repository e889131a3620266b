using Shannon.Text;
using System.Runtime.CompilerServices;

namespace Shannon.Lab.Language;

public sealed partial class CharacterLanguageModel
{
    /// <summary>The counts of one order n: contexts of n - 1 symbols and their children.</summary>
    internal sealed class Level
    {
        public Level(int n, PackedKeyIndex contexts, int[] childStart, byte[] childSymbol, int[] childRaw, int[] childCont)
        {
            N = n;
            Contexts = contexts;
            ChildStart = childStart;
            ChildSymbol = childSymbol;
            ChildRaw = childRaw;
            ChildCont = childCont;
            int c = contexts.Count;
            RawTotal = new int[c];
            ContTotal = new int[c];
            RawGamma = new double[c];
            ContGamma = new double[c];
        }

        public int N { get; }

        public PackedKeyIndex Contexts { get; }

        public int[] ChildStart { get; }

        public byte[] ChildSymbol { get; }

        public int[] ChildRaw { get; }

        public int[] ChildCont { get; }

        public int[] RawTotal { get; }

        public int[] ContTotal { get; }

        public double[] RawGamma { get; }

        public double[] ContGamma { get; }

        public long[] RawCountOfCounts { get; } = new long[4];

        public long[] ContCountOfCounts { get; } = new long[4];

        public KneserNeyDiscounts RawDiscounts { get; private set; }

        public KneserNeyDiscounts ContDiscounts { get; private set; }

        /// <summary>
        /// Counts every n-gram of the symbol stream (raw counts; continuation counts are filled later). Orders up to 3
        /// count into a dense array indexed by the packed n-gram; orders up to 9 into one hash index keyed by the packed
        /// n-gram (7n &lt;= 63 bits); order 10 maps the 63-bit context to an id first and keys the n-gram by (id, symbol).
        /// </summary>
        public static Level Count(byte[] symbols, int n)
        {
            int k = n - 1;
            ulong[] ngramKeys;
            int[] ngramCounts;
            if (n <= 3)
            {
                var dense = new int[1 << (7 * n)];
                ulong mask = Mask(n);
                ulong key = 0;
                for (int i = 0; i < symbols.Length; i++)
                {
                    key = ((key << 7) | symbols[i]) & mask;
                    if (i >= k)
                    {
                        dense[key]++;
                    }
                }

                int distinct = 0;
                foreach (int c in dense)
                {
                    distinct += c > 0 ? 1 : 0;
                }

                ngramKeys = new ulong[distinct];
                ngramCounts = new int[distinct];
                for (int g = 0, at = 0; g < dense.Length; g++)
                {
                    if (dense[g] > 0)
                    {
                        ngramKeys[at] = (ulong)g;
                        ngramCounts[at++] = dense[g];
                    }
                }
            }
            else if (n <= 9)
            {
                int expected = Math.Max(1 << 16, symbols.Length >> Math.Max(1, 10 - n)); // distinct n-grams grow with n; presizing avoids rehashing
                var index = new PackedKeyIndex(expected);
                var counts = new int[expected];
                ulong mask = Mask(n);
                ulong key = 0;
                for (int i = 0; i < symbols.Length; i++)
                {
                    key = ((key << 7) | symbols[i]) & mask;
                    if (i >= k)
                    {
                        int g = index.GetOrAdd(key);
                        if (g == counts.Length)
                        {
                            Array.Resize(ref counts, counts.Length * 2);
                        }

                        counts[g]++;
                    }
                }

                ngramKeys = index.Keys.ToArray();
                ngramCounts = counts.AsSpan(0, ngramKeys.Length).ToArray();
                Array.Sort(ngramKeys, ngramCounts);
            }
            else
            {
                int expected = Math.Max(1 << 16, symbols.Length >> 1);
                var contextIds = new PackedKeyIndex(expected);
                var index = new PackedKeyIndex(expected);
                var counts = new int[expected];
                ulong mask = Mask(k);
                ulong key = 0;
                for (int i = 0; i < symbols.Length; i++)
                {
                    if (i >= k)
                    {
                        int ctx = contextIds.GetOrAdd(key);
                        int g = index.GetOrAdd(((ulong)ctx << 7) | symbols[i]);
                        if (g == counts.Length)
                        {
                            Array.Resize(ref counts, counts.Length * 2);
                        }

                        counts[g]++;
                    }

                    key = ((key << 7) | symbols[i]) & mask;
                }

                // Renumber the contexts in key order, so (rank, symbol) sorts like (63-bit context key, symbol).
                var contextKeys = contextIds.Keys.ToArray();
                var byKey = Enumerable.Range(0, contextKeys.Length).ToArray();
                Array.Sort(contextKeys, byKey);
                var rank = new int[contextKeys.Length];
                for (int r = 0; r < byKey.Length; r++)
                {
                    rank[byKey[r]] = r;
                }

                var ids = index.Keys;
                var ranked = new ulong[ids.Length];
                var rankedCounts = counts.AsSpan(0, ids.Length).ToArray();
                for (int g = 0; g < ids.Length; g++)
                {
                    ranked[g] = ((ulong)rank[(int)(ids[g] >> 7)] << 7) | (ids[g] & 127);
                }

                Array.Sort(ranked, rankedCounts);
                return FromSorted(n, ranked.Length, g => contextKeys[(int)(ranked[g] >> 7)], g => (byte)(ranked[g] & 127), g => rankedCounts[g]);
            }

            return FromSorted(n, ngramKeys.Length, g => ngramKeys[g] >> 7, g => (byte)(ngramKeys[g] & 127), g => ngramCounts[g]);
        }

        /// <summary>Builds the level from n-grams sorted by (context key, symbol).</summary>
        private static Level FromSorted(int n, int count, Func<int, ulong> context, Func<int, byte> symbol, Func<int, int> raw)
        {
            var contexts = new PackedKeyIndex(Math.Max(16, count / 2));
            var starts = new List<int>();
            var childSymbol = new byte[count];
            var childRaw = new int[count];
            for (int g = 0; g < count; g++)
            {
                ulong ctx = context(g);
                if (g == 0 || ctx != context(g - 1))
                {
                    contexts.GetOrAdd(ctx);
                    starts.Add(g);
                }

                childSymbol[g] = symbol(g);
                childRaw[g] = raw(g);
            }

            starts.Add(count);
            return new Level(n, contexts, starts.ToArray(), childSymbol, childRaw, new int[count]);
        }

        /// <summary>Continuation counts N1+(· h w) of this order from the distinct n-grams of order n + 1.</summary>
        public void AddContinuationCounts(Level higher)
        {
            ulong mask = Mask(N - 1);
            var keys = higher.Contexts.Keys;
            for (int c = 0; c < keys.Length; c++)
            {
                int ctx = Contexts.Find(keys[c] & mask);
                for (int j = higher.ChildStart[c]; j < higher.ChildStart[c + 1]; j++)
                {
                    int mine = FindChild(ctx, higher.ChildSymbol[j]);
                    ChildCont[mine]++;
                }
            }
        }

        /// <summary>Totals, count-of-counts, discounts and the back-off weights gamma of every context.</summary>
        public void ComputeStatistics(bool hasContinuation)
        {
            Array.Clear(RawCountOfCounts);
            Array.Clear(ContCountOfCounts);
            foreach (int c in ChildRaw)
            {
                if (c is >= 1 and <= 4)
                {
                    RawCountOfCounts[c - 1]++;
                }
            }

            foreach (int c in ChildCont)
            {
                if (c is >= 1 and <= 4)
                {
                    ContCountOfCounts[c - 1]++;
                }
            }

            RawDiscounts = KneserNeyDiscounts.FromCountOfCounts(RawCountOfCounts[0], RawCountOfCounts[1], RawCountOfCounts[2], RawCountOfCounts[3]);
            ContDiscounts = hasContinuation
                ? KneserNeyDiscounts.FromCountOfCounts(ContCountOfCounts[0], ContCountOfCounts[1], ContCountOfCounts[2], ContCountOfCounts[3])
                : KneserNeyDiscounts.Fallback;
            for (int ctx = 0; ctx < Contexts.Count; ctx++)
            {
                long rawTotal = 0, contTotal = 0;
                double rawDiscount = 0, contDiscount = 0;
                for (int j = ChildStart[ctx]; j < ChildStart[ctx + 1]; j++)
                {
                    rawTotal += ChildRaw[j];
                    rawDiscount += RawDiscounts.For(ChildRaw[j]);
                    contTotal += ChildCont[j];
                    contDiscount += ContDiscounts.For(ChildCont[j]);
                }

                RawTotal[ctx] = checked((int)rawTotal);
                ContTotal[ctx] = checked((int)contTotal);
                RawGamma[ctx] = rawTotal > 0 ? rawDiscount / rawTotal : 0;
                ContGamma[ctx] = contTotal > 0 ? contDiscount / contTotal : 0;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int FindChild(int ctx, int symbol)
        {
            int lo = ChildStart[ctx], hi = ChildStart[ctx + 1] - 1;
            var syms = ChildSymbol;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                int s = syms[mid];
                if (s == symbol)
                {
                    return mid;
                }

                if (s < symbol)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1;
        }
    }
}
