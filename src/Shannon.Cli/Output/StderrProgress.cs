using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Shannon.Lab.Report;

namespace Shannon.Cli.Output;

/// <summary>
/// The progress display of every long job (lab experiments, `lm train`, permutations and bootstraps, `rank` and
/// `matrix` over many columns): one line on the command's error writer (stderr), redrawn in place, at most ten times
/// a second. It is off under `--json` and when that writer is not a terminal (a pipe, a file, a test's capture, any
/// writer other than the process's own stderr), so scripts see only the result.
/// Thread-safe: parallel workers may report. It implements <see cref="IProgress{T}"/> for the fractions the
/// library and the lab report; <see cref="For{T}"/> adapts any other progress type (a solver's) to it.
/// </summary>
internal sealed class StderrProgress : IProgress<double>, IProgress<ExperimentProgress>, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly TextWriter _error;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly int _width;
    private TimeSpan _lastDraw = -Interval; // never drawn: the first report draws (MinValue would overflow the subtraction)
    private string _lastMessage = "";
    private int _shown;

    /// <summary>Creates the display.</summary>
    /// <param name="label">What runs, e.g. "lm train" or an experiment's name.</param>
    /// <param name="enabled">Whether anything is drawn.</param>
    /// <param name="error">Where it is drawn (stderr).</param>
    /// <param name="width">The terminal's width in columns; lines are cut to fit, so that a redraw never wraps.</param>
    public StderrProgress(string label, bool enabled, TextWriter error, int width = 80)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(error);
        Label = label;
        Enabled = enabled;
        _error = error;
        _width = Math.Max(20, width);
    }

    /// <summary>Whether the display draws anything (false under --json or when stderr is redirected).</summary>
    public bool Enabled { get; }

    /// <summary>What runs; shown at the start of the line.</summary>
    public string Label { get; set; }

    /// <summary>The display for a running command, on its error writer (see <see cref="ForCommand(string, bool, TextWriter, bool)"/>).</summary>
    /// <param name="result">The running command's parse result, which holds the writers the command line was given.</param>
    /// <param name="label">What runs.</param>
    /// <param name="json">Whether the command prints JSON (then progress is off).</param>
    /// <returns>The display on the command's error writer.</returns>
    public static StderrProgress ForCommand(ParseResult result, string label, bool json)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ForCommand(label, json, result.Error(), result.ErrorIsConsole());
    }

    /// <summary>
    /// The display for a command: on only when the error writer is the process's standard error, that stream is a
    /// terminal, and the output is not JSON. A writer that is not the process console (a string, a file, a test's
    /// capture) is never a terminal.
    /// </summary>
    /// <param name="label">What runs.</param>
    /// <param name="json">Whether the command prints JSON (then progress is off).</param>
    /// <param name="error">The command's error writer.</param>
    /// <param name="errorIsConsole">Whether <paramref name="error"/> is the process's standard error.</param>
    /// <returns>The display on <paramref name="error"/>.</returns>
    public static StderrProgress ForCommand(string label, bool json, TextWriter error, bool errorIsConsole)
    {
        ArgumentNullException.ThrowIfNull(error);
        bool enabled = !json && errorIsConsole && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb";
        int width = 80;
        if (enabled)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                // No terminal size to be had: keep 80.
            }
        }

        return new StderrProgress(label, enabled, error, width);
    }

    /// <summary>Reports the fraction done, in [0, 1].</summary>
    /// <param name="value">The fraction done.</param>
    public void Report(double value) => Report(null, value);

    /// <summary>Reports a lab experiment's step.</summary>
    /// <param name="value">The experiment's progress.</param>
    public void Report(ExperimentProgress value) => Report(value.Message, value.Fraction);

    /// <summary>Reports a step and the fraction done; redraws the line when the step changes, the job ends or 0.1 s passed.</summary>
    /// <param name="message">What is happening (null: the same step as before).</param>
    /// <param name="fraction">The fraction done, in [0, 1] (NaN: unknown).</param>
    public void Report(string? message, double fraction)
    {
        if (!Enabled)
        {
            return;
        }

        lock (_gate)
        {
            var now = _watch.Elapsed;
            message ??= _lastMessage;
            bool changed = !string.Equals(message, _lastMessage, StringComparison.Ordinal);
            if (!changed && fraction < 1 && now - _lastDraw < Interval)
            {
                return;
            }

            _lastDraw = now;
            _lastMessage = message;
            string percent = double.IsFinite(fraction) ? $" {Math.Clamp(fraction, 0, 1) * 100:0}%" : "";
            string line = string.Create(CultureInfo.InvariantCulture, $"{Label}: {_lastMessage}{percent} ({now.TotalSeconds:0.0} s)");
            Draw(line.Length < _width ? line : line[..(_width - 1)]);
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> of another type (a solver's) that reports through this display.</summary>
    /// <typeparam name="T">The reported type.</typeparam>
    /// <param name="describe">The step and the fraction done of a report.</param>
    /// <returns>The adapter (it draws nothing when the display is off).</returns>
    public IProgress<T> For<T>(Func<T, (string Message, double Fraction)> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return new Adapter<T>(this, describe);
    }

    /// <summary>Erases the line, so that normal output can follow; the next report starts a new step (and its clock).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_shown > 0)
            {
                _error.Write("\r" + new string(' ', _shown) + "\r");
                _error.Flush();
                _shown = 0;
            }

            _lastMessage = "";
            _lastDraw = -Interval;
            _watch.Restart();
        }
    }

    /// <summary>Erases the line.</summary>
    public void Dispose() => Clear();

    private void Draw(string line)
    {
        _error.Write("\r" + line + (line.Length < _shown ? new string(' ', _shown - line.Length) : ""));
        _error.Flush();
        _shown = Math.Max(_shown, line.Length);
    }

    private sealed class Adapter<T>(StderrProgress display, Func<T, (string Message, double Fraction)> describe) : IProgress<T>
    {
        public void Report(T value)
        {
            if (display.Enabled)
            {
                var (message, fraction) = describe(value);
                display.Report(message, fraction);
            }
        }
    }
}
