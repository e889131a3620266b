using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shannon.Cli;

namespace Shannon.Fuzz;

/// <summary>How one invocation ended.</summary>
internal enum Outcome
{
    /// <summary>Exit 2, exactly one line on stderr, no stack trace, nothing on stdout.</summary>
    CleanRefusal,

    /// <summary>Exit 0 with finite values where values must be finite, and in range where a range is known.</summary>
    CorrectSuccess,

    /// <summary>Exit 1, an exception escaping, a stack trace, or an untidy refusal (several lines, a trace).</summary>
    Crash,

    /// <summary>Exit 0 with NaN, an infinity, or an impossible value (H &lt; 0, JS &gt; 1 bit, ...).</summary>
    WrongSuccess,

    /// <summary>No answer within the time limit.</summary>
    Hang,

    /// <summary>An OutOfMemoryException, or the process's working set past the limit.</summary>
    MemoryBlowUp,
}

/// <summary>One generated invocation and how it ended.</summary>
internal sealed record FuzzResult(string Command, string[] Args, Outcome Outcome, int Code, string Detail, bool KnnNumerics, double Seconds);

/// <summary>
/// The project's fuzzer for the `shannon` command (issue 15): a seeded generator of bad and odd inputs for every
/// command (files that break the input rules, numbers at the edges of the double range, wrong types, paths that are
/// links, loops, folders or inputs), run in process through <see cref="Shannon.Cli.Host.ShannonProgram.Run"/> (the tool as composed, explorer included), each outcome classified as a
/// clean refusal, a correct success, a crash, a wrong success, a hang or a memory blow-up. Outcomes whose stack
/// trace lies in the k-NN numerics (KdTree, the continuous estimators) are flagged so that they can be counted apart.
/// </summary>
internal sealed class CliFuzzer : IDisposable
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "2", "-1", "0.5", "3", "15", "1e308", "-1e308", "1.7976931348623157e308", "5e-324", "-5e-324", "1e-300",
        "NaN", "Infinity", "-Infinity", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "1e9", "abc", "", " ",
        "1,2", "0x10", "1e", "--", "٣",
    ];

    private static readonly string[] Units = ["bits", "nats", "hartleys", "BITS", "furlongs", "", "perplexity"];

    private static readonly string[] Estimators =
    [
        "plugin", "miller-madow", "chao-shen", "james-stein", "nsb", "grassberger", "jeffreys", "laplace", "perks", "minimax",
        "ksg1", "ksg2", "kozachenko-leonenko", "binned", "gaussian", "gaussian-copula", "auto", "magic", "",
    ];

    private static readonly string[] Scales = ["bits", "nats", "hartleys", "perplexity", "bits-per-char", "nats-per-char", "furlongs"];

    private static readonly string[] Lists =
    [
        "0.5,0.5", "0.25,0.25,0.5", "1", "1,0", "0,1", "1e308,1e308", "5e-324,1", "1,5e-324", "0.5,0.5,0", "0.3,0.3", "-0.5,1.5",
        "NaN,1", "Infinity,0", "", ",", "0.5;0.5", "0.5 0.5", "a,b", "1e-300,1", "0.1,0.2,0.3,0.4", "0.999999999999,0.000000000001",
        "0,0", "0.5,0.5000000001",
    ];

    private readonly Random _random;
    private readonly string _dir;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout;
    private readonly long _memoryLimit;

    /// <summary>Creates the fuzzer and its input files in a fresh temporary folder.</summary>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="timeout">The time after which an invocation counts as a hang.</param>
    /// <param name="memoryLimitBytes">The working set past which an invocation counts as a memory blow-up.</param>
    public CliFuzzer(int seed, TimeSpan timeout, long memoryLimitBytes = 6L << 30)
    {
        _random = new Random(seed);
        _timeout = timeout;
        _memoryLimit = memoryLimitBytes;
        _dir = Path.Combine(Path.GetTempPath(), $"shannon-fuzz-{Environment.ProcessId}-{seed}");
        Directory.CreateDirectory(_dir);
        MakeFiles();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs generated invocations until <paramref name="count"/> are done or <paramref name="budget"/> has passed.</summary>
    /// <param name="count">The most invocations.</param>
    /// <param name="budget">The wall time allowed.</param>
    /// <returns>The results.</returns>
    public List<FuzzResult> Run(int count, TimeSpan budget)
    {
        var results = new List<FuzzResult>(count);
        var watch = Stopwatch.StartNew();
        string previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _dir;
        try
        {
            for (int i = 0; i < count && watch.Elapsed < budget; i++)
            {
                var args = Generate();
                results.Add(Execute(args));
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        return results;
    }

    /// <summary>The table of outcomes per command (and a total), as plain text.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The table.</returns>
    public static string Table(IReadOnlyList<FuzzResult> results)
    {
        var outcomes = Enum.GetValues<Outcome>();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"command",-16}");
        foreach (var o in outcomes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Name(o),16}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"{"total",8}{"k-NN*",8}\n");
        foreach (var group in results.GroupBy(r => r.Command).OrderBy(g => g.Key, StringComparer.Ordinal).Append(null))
        {
            var rows = group?.ToList() ?? [.. results];
            sb.Append(CultureInfo.InvariantCulture, $"{group?.Key ?? "ALL",-16}");
            foreach (var o in outcomes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Outcome == o),16}");
            }

            sb.Append(CultureInfo.InvariantCulture, $"{rows.Count,8}{rows.Count(r => r.KnnNumerics && r.Outcome is not (Outcome.CleanRefusal or Outcome.CorrectSuccess)),8}\n");
        }

        sb.Append("k-NN*: failures whose trace lies in the k-NN numerics (KdTree, continuous estimators), counted in the columns too.\n");
        return sb.ToString();
    }

    private static string Name(Outcome o) => o switch
    {
        Outcome.CleanRefusal => "clean-refusal",
        Outcome.CorrectSuccess => "correct-success",
        Outcome.Crash => "crash",
        Outcome.WrongSuccess => "wrong-success",
        Outcome.Hang => "hang",
        _ => "memory",
    };

    /// <summary>Runs one invocation in process and classifies it.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The result.</returns>
    public FuzzResult Execute(string[] args)
    {
        string command = args.Length == 0 ? "(none)" : args[0] == "lm" && args.Length > 1 ? "lm " + args[1] : args[0];
        var output = new StringWriter();
        var error = new StringWriter();
        var watch = Stopwatch.StartNew();
        int code = -1;
        Exception? escaped = null;
        var task = Task.Run(() =>
        {
            try
            {
                code = Shannon.Cli.Host.ShannonProgram.Run(args, output, error);
            }
            catch (Exception e)
            {
                escaped = e;
            }
        });
        bool finished = task.Wait(_timeout);
        double seconds = watch.Elapsed.TotalSeconds;
        string stdout = output.ToString(), stderr = error.ToString();
        bool knn = IsKnn(stdout + stderr + (escaped?.ToString() ?? ""));
        if (!finished)
        {
            return new FuzzResult(command, args, Outcome.Hang, -1, $"no answer within {_timeout.TotalSeconds:0} s", knn, seconds);
        }

        if (escaped is OutOfMemoryException || stderr.Contains("OutOfMemoryException", StringComparison.Ordinal)
            || Environment.WorkingSet > _memoryLimit)
        {
            return new FuzzResult(command, args, Outcome.MemoryBlowUp, code, FirstLine(stderr + escaped?.Message), knn, seconds);
        }

        if (escaped is not null)
        {
            return new FuzzResult(command, args, Outcome.Crash, code, "escaped: " + escaped.GetType().Name + ": " + escaped.Message, knn, seconds);
        }

        bool trace = stderr.Contains("   at ", StringComparison.Ordinal) || stdout.Contains("   at Shannon", StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (code == 2)
        {
            bool clean = !trace && lines.Length == 1 && stdout.Length == 0;
            return new FuzzResult(command, args, clean ? Outcome.CleanRefusal : Outcome.Crash, code,
                clean ? lines[0] : "untidy refusal: " + FirstLine(stderr), knn, seconds);
        }

        if (code != 0 || trace)
        {
            return new FuzzResult(command, args, Outcome.Crash, code, FirstLine(stderr), knn, seconds);
        }

        string? wrong = WrongValue(args, stdout, stderr);
        return new FuzzResult(command, args, wrong is null ? Outcome.CorrectSuccess : Outcome.WrongSuccess, code, wrong ?? "", knn, seconds);
    }

    private static bool IsKnn(string text) =>
        text.Contains("KdTree", StringComparison.Ordinal) || text.Contains("\"estimator\": \"ksg", StringComparison.Ordinal)
        || text.Contains("\"estimator\": \"kozachenko", StringComparison.Ordinal) || text.Contains("\"estimator\": \"gaussian", StringComparison.Ordinal)
        || text.Contains("(estimator ksg", StringComparison.Ordinal) || text.Contains("(estimator kozachenko", StringComparison.Ordinal)
        || text.Contains("(estimator gaussian", StringComparison.Ordinal) || text.Contains("Shannon.Spatial", StringComparison.Ordinal)
        || text.Contains("Estimators.Continuous", StringComparison.Ordinal) || text.Contains("Kozachenko", StringComparison.Ordinal)
        || text.Contains("Ksg", StringComparison.Ordinal);

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

    private static readonly Regex NonFinite = new(@"(?<![A-Za-z])(NaN|-?Infinity|∞)(?![A-Za-z])", RegexOptions.Compiled);

    private static readonly Regex JsonValue = new("\"value\": (\"?)(-?[0-9.eE+-]+|NaN|-?Infinity)\\1", RegexOptions.Compiled);

    /// <summary>Why a successful run's output is wrong, or null. The oracle knows which values must be finite and in range.</summary>
    private static string? WrongValue(string[] args, string stdout, string stderr)
    {
        string command = args[0];
        var match = NonFinite.Match(stdout);
        if (match.Success && !InfinityAllowed(args, stdout))
        {
            return $"a non-finite value '{match.Value}' in the output";
        }

        if (!args.Contains("--json"))
        {
            return null;
        }

        var v = JsonValue.Match(stdout);
        if (!v.Success || !double.TryParse(v.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return command is "serve" or "lab" || stdout.Contains("\"measure\"", StringComparison.Ordinal) ? null : "--json printed no value";
        }

        if (double.IsNaN(value))
        {
            return "NaN value";
        }

        double bitsPerNat = 1 / Math.Log(2);
        string unit = Arg(args, "--unit") ?? "bits";
        double scale = unit switch { "nats" => 1 / bitsPerNat, "hartleys" => Math.Log10(2), _ => 1 };
        switch (command)
        {
            case "entropy" when Arg(args, "--probabilities") is string list:
                int n = list.Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
                if (value < -1e-12 || value > (Math.Log2(n) * scale) + 1e-9)
                {
                    return $"H = {value} outside [0, log {n}]";
                }

                break;
            case "js" when Arg(args, "--weight") is null:
                if (value < -1e-12 || value > scale + 1e-9)
                {
                    return $"JS = {value} outside [0, 1 bit]";
                }

                break;
            case "kl" or "cross-entropy":
                if (value < -1e-9)
                {
                    return $"{command} = {value} < 0";
                }

                break;
            case "entropy" when Arg(args, "--counts") is not null && (Arg(args, "--estimator") ?? "plugin") == "plugin":
                if (value < -1e-12)
                {
                    return $"plug-in H = {value} < 0";
                }

                break;
        }

        return null;
    }

    /// <summary>Infinity is a value where the maths says so: D(P||Q) and H(P, Q) when some q = 0 &lt; p; a perplexity past the double range is printed as a power.</summary>
    private static bool InfinityAllowed(string[] args, string stdout)
    {
        if (args[0] is "kl" or "cross-entropy")
        {
            var p = Parse(Arg(args, "--p"));
            var q = Parse(Arg(args, "--q"));
            if (args.Contains("--reverse"))
            {
                (p, q) = (q, p);
            }

            return p is not null && q is not null && p.Length == q.Length && p.Zip(q).Any(t => t.First > 0 && t.Second == 0);
        }

        return args[0] == "convert" && stdout.Contains("overflows", StringComparison.Ordinal);
    }

    private static double[]? Parse(string? list)
    {
        if (list is null)
        {
            return null;
        }

        var parts = list.Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(double p) => _random.NextDouble() < p;

    private string File(string name) => _files[name];

    private string AnyFile() => Pick(_files.Values.ToList());

    private string DataFile() => Chance(0.7)
        ? File(Pick(new[] { "good.csv", "reals.csv", "mixed.csv", "good.parquet", "huge.csv", "tiny.csv", "subnormal.csv", "binary01.csv", "constant.csv", "wide.csv", "ties.csv" }))
        : AnyFile();

    private string Number() => Chance(0.6) ? Pick(Numbers) : _random.Next(-3, 40).ToString(CultureInfo.InvariantCulture);

    private string Column(string file)
    {
        if (!Chance(0.9))
        {
            return Pick(new[] { "nope", "", "X", "x,y", "\"x\"", "a", "label" });
        }

        string name = Path.GetFileName(file);
        return name switch
        {
            "wide.csv" => "c" + _random.Next(1, 301).ToString(CultureInfo.InvariantCulture),
            "good.csv" or "good.parquet" => Pick(new[] { "x", "y", "z", "label" }),
            "mixed.csv" => Pick(new[] { "x", "y", "label", "w" }),
            _ => Pick(new[] { "x", "y", "z" }),
        };
    }

    /// <summary>One generated invocation: a command, then its usual flags with odd values, then a few odd extra flags.</summary>
    public string[] Generate()
    {
        var a = new List<string>();
        switch (_random.Next(17))
        {
            case 0:
                a.Add("entropy");
                switch (_random.Next(3))
                {
                    case 0:
                        a.AddRange(["--probabilities", Pick(Lists)]);
                        break;
                    case 1:
                        a.AddRange(["--counts", Chance(0.6) ? File(Pick(new[] { "counts.csv", "counts-overflow.csv", "counts-negative.csv", "counts-float.csv", "counts-zero.csv", "counts-huge.csv" })) : AnyFile()]);
                        break;
                    default:
                        string f = DataFile();
                        a.AddRange([f, "--column", Column(f)]);
                        break;
                }

                AddData(a);
                break;
            case 1 or 2:
                a.Add(Pick(new[] { "kl", "cross-entropy", "js" }));
                a.AddRange(["--p", Pick(Lists), "--q", Pick(Lists)]);
                if (Chance(0.2))
                {
                    a.AddRange(a[0] == "js" ? ["--weight", Number()] : ["--reverse"]);
                }

                break;
            case 3:
                a.AddRange(["convert", Number(), "--from", Pick(Scales), "--to", Pick(Scales)]);
                if (Chance(0.2))
                {
                    a.AddRange(["--chars-per-token", Number()]);
                }

                break;
            case 4 or 5:
            {
                string f = DataFile();
                a.AddRange(["mi", f, "--x", Column(f), "--y", Column(f)]);
                if (Chance(0.2))
                {
                    a.AddRange(["--z", Column(f)]);
                }

                if (Chance(0.15))
                {
                    a.AddRange([Pick(new[] { "--bootstrap", "--permutations" }), Pick(new[] { "0", "1", "5", "-1", "abc", "20" })]);
                }

                if (Chance(0.15))
                {
                    a.AddRange(["--normalize", Pick(new[] { "arithmetic", "geometric", "min", "max", "joint", "bogus" })]);
                }

                if (Chance(0.1))
                {
                    a.Add("--adjusted");
                }

                AddData(a);
                break;
            }

            case 6:
            {
                string f = DataFile();
                a.AddRange(["rank", f, "--target", Column(f)]);
                AddData(a);
                break;
            }

            case 7:
            {
                string f = DataFile();
                a.AddRange(["matrix", f]);
                if (Chance(0.5))
                {
                    a.AddRange(["--columns", Pick(new[] { "x,y", "x,y,z", "x", "x,nope", "", "x,x" })]);
                }

                if (Chance(0.4))
                {
                    a.AddRange(["--out", Pick(new[] { Path.Combine(_dir, "m.png"), File("good.csv"), File("link-to-good.csv"), Path.Combine(_dir, "m.txt"), Path.Combine(_dir, "nofolder", "m.png"), _dir, File("notes.png") })]);
                    if (Chance(0.3))
                    {
                        a.Add("--force");
                    }
                }

                AddData(a);
                break;
            }

            case 8:
                a.Add("ib");
                if (Chance(0.6))
                {
                    a.AddRange(["--joint", Chance(0.7) ? File(Pick(new[] { "joint.csv", "joint-zero.csv", "joint-huge.csv", "joint-ragged.csv", "joint-negative.csv", "joint-one.csv" })) : AnyFile()]);
                }
                else
                {
                    string f = DataFile();
                    a.AddRange([f, "--x", Column(f), "--y", Column(f)]);
                }

                a.AddRange(["--beta", Chance(0.7) ? Pick(new[] { "0.5", "2", "5", "20", "1e308", "5e-324", "0", "-1", "NaN", "1e6" }) : Number()]);
                if (Chance(0.2))
                {
                    a.Add("--deterministic");
                }

                break;
            case 9:
                a.AddRange(["lm", "train", "--corpus", Chance(0.5) ? File("corpus.txt") : Chance(0.6) ? File(Pick(new[] { "corpus.txt", "empty.txt", "nul.txt", "latin1.txt", "loop1", "folder" })) : AnyFile(),
                    "--order", Chance(0.6) ? _random.Next(0, 12).ToString(CultureInfo.InvariantCulture) : Number(),
                    "--out", Chance(0.5) ? Path.Combine(_dir, $"model{_random.Next(3)}.shlm") : Pick(new[] { Path.Combine(_dir, $"model{_random.Next(3)}.shlm"), File("corpus.txt"), File("link-to-good.csv"), File("notes.png"), _dir, Path.Combine(_dir, "nofolder", "m.shlm") })]);
                if (Chance(0.2))
                {
                    a.Add("--force");
                }

                break;
            case 10:
                a.AddRange(["lm", "eval", "--model", File(Pick(new[] { "model.shlm", "model-flipped.shlm", "model-truncated.shlm", "model-extended.shlm", "corpus.txt", "empty.txt" })),
                    "--text", File(Pick(new[] { "corpus.txt", "empty.txt", "nul.txt", "unicode.txt" }))]);
                break;
            case 11:
                a.AddRange(["lm", "sample", "--model", File(Pick(new[] { "model.shlm", "model-flipped.shlm", "model-truncated.shlm" })),
                    "--temperature", Chance(0.6) ? Pick(new[] { "1", "0.5", "5e-324", "1e-300", "1e308", "0", "-1", "NaN", "Infinity", "2" }) : Number(),
                    "--length", Pick(new[] { "0", "1", "20", "-1", "abc", "50" })]);
                if (Chance(0.3))
                {
                    a.AddRange([Pick(new[] { "--top-k", "--top-p", "--seed" }), Number()]);
                }

                if (Chance(0.2))
                {
                    a.AddRange(["--prompt", Pick(new[] { "the ", "", "\u00e9\u4e2d", "zzzz" })]);
                }

                break;
            case 12:
                a.AddRange(["pmi", Chance(0.7) ? File(Pick(new[] { "corpus.txt", "empty.txt", "nul.txt", "loop1", "folder", "one-word.txt" })) : AnyFile()]);
                if (Chance(0.5))
                {
                    a.AddRange([Pick(new[] { "--window", "--min-count", "--top", "--alpha", "--shift" }), Number()]);
                }

                break;
            case 13:
            {
                string f = Chance(0.7) ? File(Pick(new[] { "calibration.csv", "calibration3.csv", "good.csv", "unclosed.csv" })) : AnyFile();
                a.AddRange(["calibration", f, "--probabilities", Pick(new[] { "p", "p0,p1,p2", "p,p", "nope", "", "label" }), "--label", Pick(new[] { "label", "p", "nope" })]);
                if (Chance(0.5))
                {
                    a.AddRange(["--bins", Pick(new[] { "1", "15", "0", "-1", "1000000000", "2147483647", "abc", "1048577" })]);
                }

                break;
            }

            case 14:
                a.Add("lab");
                if (Chance(0.5))
                {
                    a.Add("--list");
                }
                else
                {
                    a.AddRange([Pick(new[] { "binary-entropy", "no-such-experiment" }), "--quick", "--out", Pick(new[] { File("good.csv"), File("folder"), Path.Combine(_dir, "report-new"), File("link-to-folder") })]);
                }

                break;
            case 15:
                // Only forms that must be refused: a valid serve would block.
                a.AddRange(["serve", Pick(new[] { "--port", "--host" }), Pick(new[] { "-1", "65536", "abc", "999999", "evil.example", "" })]);
                break;
            default:
                // Nonsense at the top level: unknown commands, missing values, a flag without its command.
                a.AddRange(Pick(new[] { new[] { "bogus" }, ["--json"], [], ["entropy"], ["mi", "--x"], ["kl", "--p"], ["lm"], ["lm", "train"], ["convert"], ["ib"] }));
                break;
        }

        // Odd extras: a repeated flag, an unknown flag, the json switch.
        if (Chance(0.3))
        {
            a.Add("--json");
        }

        if (Chance(0.05))
        {
            a.Add(Pick(new[] { "--nope", "--unit", "--json=maybe", "-x" }));
        }

        return [.. a];
    }

    private void AddData(List<string> a)
    {
        if (Chance(0.5))
        {
            a.AddRange(["--estimator", Pick(Estimators)]);
        }

        if (Chance(0.3))
        {
            a.AddRange(["--unit", Pick(Units)]);
        }

        if (Chance(0.15))
        {
            a.AddRange([Pick(new[] { "--k", "--bins", "--jitter", "--norm", "--seed", "--discrete", "--continuous" }), Chance(0.8) ? Number() : Pick(new[] { "max", "euclidean", "x", "x,y" })]);
        }
    }

    private void Add(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        _files[name] = path;
    }

    private void AddBytes(string name, byte[] content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, content);
        _files[name] = path;
    }

    private void MakeFiles()
    {
        var r = new Random(15);
        string Rows(int n, Func<int, string> row) => string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Add("good.csv", "x,y,z,label\n" + Rows(120, i => $"{i % 4},{(i % 4 + r.Next(2)) % 4},{r.Next(3)},{(i % 2 == 0 ? "a" : "b")}"));
        Add("reals.csv", "x,y,z\n" + Rows(150, i => { double x = r.NextDouble(); return $"{F(x)},{F(x + (0.3 * r.NextDouble()))},{F(r.NextDouble())}"; }));
        Add("mixed.csv", "x,y,label,w\n" + Rows(100, i => $"{F(r.NextDouble())},{r.Next(3)},{(r.Next(2) == 0 ? "yes" : "no")},{i}"));
        Add("huge.csv", "x,y,z\n" + Rows(60, i => $"{(i % 2 == 0 ? "1e308" : "-1e308")},{F(((2 * r.NextDouble()) - 1) * 1.7e308)},{F(r.NextDouble())}"));
        Add("subnormal.csv", "x,y,z\n" + Rows(60, i => $"{F(r.Next(1, 9) * 5e-324)},{F(r.NextDouble() * 1e-300)},{F(r.NextDouble())}"));
        Add("binary01.csv", "x,y,z\n" + Rows(200, i => $"{r.Next(2)}.0,{r.Next(2)}.0,{r.Next(2)}.0"));
        Add("ties.csv", "x,y,z\n" + Rows(200, i => $"{F(Math.Round(r.NextDouble(), 1))},{F(Math.Round(r.NextDouble(), 1))},{r.Next(2)}"));
        Add("constant.csv", "x,y,z\n" + Rows(50, i => "1.5,2,3"));
        Add("tiny.csv", "x,y,z\n1,2,3\n");
        Add("wide.csv", string.Join(",", Enumerable.Range(1, 300).Select(i => $"c{i}")) + "\n" + Rows(40, i => string.Join(",", Enumerable.Range(1, 300).Select(j => r.Next(3).ToString(CultureInfo.InvariantCulture)))));
        Add("unclosed.csv", "x,y\n1,\"a\n2,b\n3,c\n");
        Add("quote-inside.csv", "x,y\n1,a\"b\n2,c\n");
        Add("nul.csv", "x,y\na\0,1\na,2\nb,1\n");
        Add("dup.csv", "x,x\n1,2\n3,4\n");
        Add("dup-case.csv", "x,X\n1,2\n3,4\n");
        Add("blank-header.csv", "x,,z\n1,2,3\n4,5,6\n");
        Add("ragged.csv", "x,y\n1,2\n3\n4,5,6\n");
        Add("header-only.csv", "x,y\n");
        Add("empty.csv", "");
        Add("bom.csv", "\uFEFFx,y\n1,2\n2,1\n");
        Add("nan.csv", "x,y\nNaN,1\n2,inf\n3,-Infinity\n");
        Add("missing.csv", "x,y\n1,\n,2\n3,3\n");
        Add("long-label.csv", "x,y\n" + new string('a', 100_000) + ",1\nb,2\n");
        Add("unicode.csv", "x,y\n\u00e9,\u4e2d\n\u00e8,\u6587\n\U0001F600,x\n");
        Add("semicolon.txt", "x;y\n1;2\n3;4\n");
        Add("counts.csv", "count\n3\n5\n0\n2\n");
        Add("counts-overflow.csv", "count\n9223372036854775807\n9223372036854775807\n");
        Add("counts-negative.csv", "count\n3\n-1\n");
        Add("counts-float.csv", "count\n1.5\n2\n");
        Add("counts-zero.csv", "count\n0\n0\n");
        Add("counts-huge.csv", "count\n1e300\n1\n");
        Add("joint.csv", "a,b,c\n" + Rows(6, i => $"{r.Next(1, 9)},{r.Next(0, 9)},{r.Next(0, 9)}"));
        Add("joint-zero.csv", "a,b\n0,0\n0,0\n");
        Add("joint-huge.csv", "a,b\n1e308,1e308\n1e308,1\n");
        Add("joint-ragged.csv", "a,b\n1,2\n3\n");
        Add("joint-negative.csv", "a,b\n1,-2\n3,4\n");
        Add("joint-one.csv", "a\n1\n");
        Add("calibration.csv", "p,label\n" + Rows(80, i => { double p = r.NextDouble(); return $"{F(p)},{(r.NextDouble() < p ? 1 : 0)}"; }));
        Add("calibration3.csv", "p0,p1,p2,label\n" + Rows(60, i => $"0.2,0.3,0.5,{r.Next(3)}"));
        Add("corpus.txt", string.Concat(Enumerable.Repeat("the cat sat on the mat. the dog ate the bone. a bird sang in the tree.\n", 40)));
        Add("one-word.txt", "hello");
        Add("empty.txt", "");
        Add("nul.txt", "abc\0def");
        AddBytes("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A]);
        Add("unicode.txt", "caf\u00e9 \u4e2d\u6587 \U0001F600 the cat\n");
        AddBytes("garbage.bin", [.. Enumerable.Range(0, 512).Select(_ => (byte)r.Next(256))]);
        AddBytes("notes.png", Encoding.UTF8.GetBytes("not really a picture, but someone's file"));
        Add("data.json", "[{\"x\": 1, \"y\": 2}, {\"x\": 2, \"y\": 1}, {\"x\": 1, \"y\": 1}]");
        Add("bad.json", "[{\"x\": 1, ");
        AddBytes("bad.parquet", Encoding.UTF8.GetBytes("PAR1 this is not parquet"));
        Add("unknown.xyz", "x,y\n1,2\n");

        string folder = Path.Combine(_dir, "folder");
        System.IO.Directory.CreateDirectory(folder);
        System.IO.File.WriteAllText(Path.Combine(folder, "someone-elses.txt"), "keep me");
        _files["folder"] = folder;
        _files["missing-file.csv"] = Path.Combine(_dir, "missing-file.csv");
        TryLink("loop1", Path.Combine(_dir, "loop2"));
        TryLink("loop2", Path.Combine(_dir, "loop1"));
        TryLink("link-to-good.csv", _files["good.csv"]);
        TryLink("link-to-folder", folder);

        // Parquet via the engine itself, so that the parquet path is exercised.
        string parquet = Path.Combine(_dir, "good.parquet");
        CliApp.Run(["entropy", _files["good.csv"], "--column", "x"], TextWriter.Null, TextWriter.Null);
        try
        {
            using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{_files["good.csv"].Replace("'", "''", StringComparison.Ordinal)}')) TO '{parquet.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)";
            command.ExecuteNonQuery();
            _files["good.parquet"] = parquet;
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            _files["good.parquet"] = _files["good.csv"];
        }

        // Model files: a good one, one with a flipped byte in the middle, one cut short, one with bytes appended.
        string model = Path.Combine(_dir, "model.shlm");
        CliApp.Run(["lm", "train", "--corpus", _files["corpus.txt"], "--order", "3", "--out", model], TextWriter.Null, TextWriter.Null);
        _files["model.shlm"] = model;
        var bytes = System.IO.File.ReadAllBytes(model);
        var flipped = (byte[])bytes.Clone();
        flipped[flipped.Length / 2] ^= 0x5A;
        flipped[flipped.Length - 3] ^= 0xFF;
        AddBytes("model-flipped.shlm", flipped);
        AddBytes("model-truncated.shlm", bytes[..(bytes.Length * 2 / 3)]);
        AddBytes("model-extended.shlm", [.. bytes, 1, 2, 3]);
    }

    private void TryLink(string name, string target)
    {
        string path = Path.Combine(_dir, name);
        try
        {
            System.IO.File.CreateSymbolicLink(path, target);
            _files[name] = path;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
