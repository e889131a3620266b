using System.Diagnostics;
using Shannon;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

// Times Shannon's k-NN engine on a point file written by benchmarks/peer_highdim.py:
//   timing FILE DX DY [--repeat R] [--search automatic|tree|brute]
// FILE holds N rows of DX + DY little-endian float64 values (row-major). Prints one line:
//   shannon N wall_seconds estimate_nats cpu_seconds search
if (args.Length < 4 || args[0] != "timing")
{
    Console.Error.WriteLine("usage: timing FILE DX DY [--repeat R] [--search automatic|tree|brute]");
    return 2;
}

string path = args[1];
int dx = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
int dy = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
int repeat = 1;
var search = NeighbourSearch.Automatic;
for (int a = 4; a < args.Length - 1; a++)
{
    if (args[a] == "--repeat")
    {
        repeat = int.Parse(args[a + 1], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[a] == "--search")
    {
        search = args[a + 1] switch { "tree" => NeighbourSearch.Tree, "brute" => NeighbourSearch.BruteForce, _ => NeighbourSearch.Automatic };
    }
}

byte[] bytes = File.ReadAllBytes(path);
int d = dx + dy;
int n = bytes.Length / 8 / d;
var values = new double[n * d];
Buffer.BlockCopy(bytes, 0, values, 0, n * d * 8);
double[][] Columns(int from, int count) => Enumerable.Range(from, count).Select(j => Enumerable.Range(0, n).Select(i => values[i * d + j]).ToArray()).ToArray();
var x = Samples.FromColumns(Columns(0, dx));
var y = Samples.FromColumns(Columns(dx, dy));
var estimator = new KnnMutualInformationEstimator(new KnnMutualInformationOptions { Preprocessing = MarginalPreprocessing.Standardize, Search = search });

// Warm-up on a small slice so the JIT is done before the timed runs.
int warm = Math.Min(n, 2000);
estimator.Estimate(Samples.FromColumns(Columns(0, dx).Select(c => c[..warm]).ToArray()), Samples.FromColumns(Columns(dx, dy).Select(c => c[..warm]).ToArray()), InformationUnit.Nats);

double bestWall = double.PositiveInfinity, bestCpu = double.PositiveInfinity, value = double.NaN;
NeighbourSearch used = search;
for (int r = 0; r < repeat; r++)
{
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = estimator.EstimateWithDiagnostics(x, y, InformationUnit.Nats);
    double wall = watch.Elapsed.TotalSeconds;
    double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    bestWall = Math.Min(bestWall, wall);
    bestCpu = Math.Min(bestCpu, cpu);
    value = result.Estimate.Value;
    used = result.Search;
}

Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"shannon {n} {bestWall:R} {value:R} {bestCpu:R} {used}"));
return 0;
