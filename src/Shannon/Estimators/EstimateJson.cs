using System.Globalization;
using System.Text.Json;
using Shannon.Inference;

namespace Shannon.Estimators;

/// <summary>
/// The one serialiser of estimates: writes an <see cref="InformationEstimate"/>, a bootstrap or subsampling
/// <see cref="BootstrapInterval"/> and a <see cref="PermutationTestResult"/> as JSON properties of the object a
/// <see cref="Utf8JsonWriter"/> is inside, with one vocabulary of snake_case keys (the constants below). The command
/// line (<c>--json</c>), the explorer's API and any other surface write estimates through it, so the same estimate
/// has the same keys everywhere; docs/cli.md ("JSON keys") lists them.
/// </summary>
/// <remarks>
/// This is not IO: the caller owns the writer and where its bytes go (stdout, an HTTP response, a buffer). A
/// non-finite number (an infinite divergence, a NaN bias that was not recorded) is written as the string
/// "Infinity", "-Infinity" or "NaN", the convention of both surfaces, since JSON has no such numbers.
/// </remarks>
public static class EstimateJson
{
    /// <summary>"measure": what the value is (entropy, mi, cmi, ...), named by the surface.</summary>
    public const string MeasureKey = "measure";

    /// <summary>"estimator": the estimator's name as the command line spells it.</summary>
    public const string EstimatorKey = "estimator";

    /// <summary>"unit": bits, nats or hartleys, the unit of the value and of every amount of information beside it.</summary>
    public const string UnitKey = "unit";

    /// <summary>"value": the estimate in the unit.</summary>
    public const string ValueKey = "value";

    /// <summary>"n": a count, whose meaning <see cref="CountedKey"/> names (kept for the scripts that read it).</summary>
    public const string CountKey = "n";

    /// <summary>"n_counts": what <see cref="CountKey"/> counts: "samples" for an estimate (its <see cref="InformationEstimate.SampleCount"/>).</summary>
    public const string CountedKey = "n_counts";

    /// <summary>"bins_": the prefix of the per-column bin counts of a binned estimator, "bins_" + column name (kept for the scripts that read them).</summary>
    public const string BinsPrefix = "bins_";

    /// <summary>"bin_counts": the same bin counts as one object, column name to bin count, apart from the diagnostics.</summary>
    public const string BinCountsKey = "bin_counts";

    /// <summary>"differential": true when the value is a differential entropy h.</summary>
    public const string DifferentialKey = "differential";

    /// <summary>"tie_rule": the rule a k-NN estimator applied at zero distances, when one applied.</summary>
    public const string TieRuleKey = "tie_rule";

    /// <summary>"auto_choice": the method the auto estimator used (gaussian-copula, student-t-copula or ksg1-normal-scores-corrected).</summary>
    public const string AutoChoiceKey = "auto_choice";

    /// <summary>"auto_reason": why the auto estimator chose it, one sentence with the diagnostics' numbers.</summary>
    public const string AutoReasonKey = "auto_reason";

    /// <summary>"auto_standard_error": the auto estimator's own standard error of its value, in the unit (a diagnostic).</summary>
    public const string AutoStandardErrorKey = "auto_standard_error";

    /// <summary>"kinds": each input column's kind, as a list of {column, kind, reason}.</summary>
    public const string KindsKey = "kinds";

    /// <summary>"column": a column's name inside a list entry.</summary>
    public const string ColumnKey = "column";

    /// <summary>"kind": a column's kind inside a list entry.</summary>
    public const string KindKey = "kind";

    /// <summary>"reason": why the column has its kind.</summary>
    public const string ReasonKey = "reason";

    /// <summary>"p_value": the permutation test's (n_ge + 1)/(B + 1).</summary>
    public const string PValueKey = "p_value";

    /// <summary>"permutations": B, the permutations of the test.</summary>
    public const string PermutationsKey = "permutations";

    /// <summary>"null_mean": the mean of the permuted statistics, in the unit.</summary>
    public const string NullMeanKey = "null_mean";

    /// <summary>"null_standard_deviation": the standard deviation of the permuted statistics, in the unit.</summary>
    public const string NullStandardDeviationKey = "null_standard_deviation";

    /// <summary>"ci_low": the interval's lower end.</summary>
    public const string IntervalLowKey = "ci_low";

    /// <summary>"ci_high": the interval's upper end.</summary>
    public const string IntervalHighKey = "ci_high";

    /// <summary>"confidence": the interval's confidence level.</summary>
    public const string ConfidenceKey = "confidence";

    /// <summary>"bootstrap": the interval's replicates (resamples or half samples).</summary>
    public const string ReplicatesKey = "bootstrap";

    /// <summary>"standard_error": the standard error the replicates give.</summary>
    public const string StandardErrorKey = "standard_error";

    /// <summary>"bootstrap_bias": the replicates' mean less the estimate (the half-sample shift for subsampling).</summary>
    public const string BiasKey = "bootstrap_bias";

    /// <summary>"interval_method": "percentile-bootstrap" or "subsampling".</summary>
    public const string IntervalMethodKey = "interval_method";

    /// <summary>"seed": the seed of the resampling.</summary>
    public const string SeedKey = "seed";

    /// <summary>"warnings": a list of sentences.</summary>
    public const string WarningsKey = "warnings";

    /// <summary>
    /// The estimate's head: <c>measure</c> (when given), <c>estimator</c>, <c>unit</c>, <c>value</c>, <c>n</c> and
    /// <c>n_counts</c> = "samples".
    /// </summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="measure">The measure's name, or null to write none.</param>
    /// <param name="estimate">The estimate.</param>
    public static void WriteHead(Utf8JsonWriter writer, string? measure, InformationEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimate);
        if (measure is not null)
        {
            writer.WriteString(MeasureKey, measure);
        }

        writer.WriteString(EstimatorKey, estimate.Estimator);
        writer.WriteString(UnitKey, InformationUnits.Name(estimate.Unit));
        WriteNumber(writer, ValueKey, estimate.Value);
        writer.WriteNumber(CountKey, estimate.SampleCount);
        writer.WriteString(CountedKey, "samples");
    }

    /// <summary>
    /// What explains the estimate: each diagnostic under its own snake_case key (e.g.
    /// <c>h_x</c>, <c>lambda</c>, <c>k</c>), the bin counts (<c>bins_</c>column and <c>bin_counts</c>) of a binned
    /// estimator, <c>differential</c>, <c>tie_rule</c> when one applied, and the columns' <c>kinds</c>.
    /// </summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="estimate">The estimate.</param>
    public static void WriteDetails(Utf8JsonWriter writer, InformationEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimate);
        foreach (var (key, value) in estimate.Diagnostics)
        {
            WriteNumber(writer, key, value);
        }

        foreach (var (column, bins) in estimate.BinCounts)
        {
            writer.WriteNumber(BinsPrefix + column, bins);
        }

        if (estimate.BinCounts.Count > 0)
        {
            writer.WriteStartObject(BinCountsKey);
            foreach (var (column, bins) in estimate.BinCounts)
            {
                writer.WriteNumber(column, bins);
            }

            writer.WriteEndObject();
        }

        writer.WriteBoolean(DifferentialKey, estimate.Differential);
        if (estimate.TieRule is string rule)
        {
            writer.WriteString(TieRuleKey, rule);
        }

        if (estimate.Choice is string choice)
        {
            writer.WriteString(AutoChoiceKey, choice);
            writer.WriteString(AutoReasonKey, estimate.ChoiceReason);
        }

        WriteKinds(writer, estimate.Kinds);
    }

    /// <summary>The <c>kinds</c> list: each column's name, kind and the reason, as {column, kind, reason}.</summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="kinds">The decisions, in column order.</param>
    public static void WriteKinds(Utf8JsonWriter writer, IEnumerable<Catalogue.ColumnKindDecision> kinds)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(kinds);
        writer.WriteStartArray(KindsKey);
        foreach (var d in kinds)
        {
            writer.WriteStartObject();
            writer.WriteString(ColumnKey, d.Column);
            writer.WriteString(KindKey, d.KindName);
            writer.WriteString(ReasonKey, d.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A permutation test: <c>p_value</c>, <c>permutations</c>, <c>null_mean</c>, <c>null_standard_deviation</c>.</summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="test">The test.</param>
    public static void WritePermutationTest(Utf8JsonWriter writer, PermutationTestResult test)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(test);
        WriteNumber(writer, PValueKey, test.PValue);
        writer.WriteNumber(PermutationsKey, test.Permutations);
        WriteNumber(writer, NullMeanKey, test.NullMean);
        WriteNumber(writer, NullStandardDeviationKey, test.NullStandardDeviation);
    }

    /// <summary>
    /// An interval: <c>ci_low</c>, <c>ci_high</c>, <c>confidence</c>, <c>bootstrap</c> (the replicates),
    /// <c>standard_error</c>, <c>bootstrap_bias</c> and <c>interval_method</c>.
    /// </summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="interval">The interval.</param>
    public static void WriteInterval(Utf8JsonWriter writer, BootstrapInterval interval)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(interval);
        WriteNumber(writer, IntervalLowKey, interval.Lower);
        WriteNumber(writer, IntervalHighKey, interval.Upper);
        WriteNumber(writer, ConfidenceKey, interval.Confidence);
        writer.WriteNumber(ReplicatesKey, interval.Replicates);
        WriteNumber(writer, StandardErrorKey, interval.StandardError);
        WriteNumber(writer, BiasKey, interval.Bias);
        writer.WriteString(IntervalMethodKey, IntervalMethodName(interval.Method));
    }

    /// <summary>
    /// The resampling of an estimate: the test's keys (<see cref="WritePermutationTest"/>) when there is a test, the
    /// interval's (<see cref="WriteInterval"/>) when there is an interval, and <c>seed</c> when there is either.
    /// </summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="test">The permutation test, or null.</param>
    /// <param name="interval">The interval, or null.</param>
    /// <param name="seed">The seed both were drawn with.</param>
    public static void WriteResampling(Utf8JsonWriter writer, PermutationTestResult? test, BootstrapInterval? interval, int seed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (test is not null)
        {
            WritePermutationTest(writer, test);
        }

        if (interval is not null)
        {
            WriteInterval(writer, interval);
        }

        if (test is not null || interval is not null)
        {
            writer.WriteNumber(SeedKey, seed);
        }
    }

    /// <summary>The interval's method as the JSON names it: "percentile-bootstrap" or "subsampling".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    public static string IntervalMethodName(IntervalMethod method) => method switch
    {
        IntervalMethod.PercentileBootstrap => "percentile-bootstrap",
        IntervalMethod.Subsampling => "subsampling",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"`method` must be a defined IntervalMethod; got {method}."),
    };

    /// <summary>A number property; a non-finite one as the string "Infinity", "-Infinity" or "NaN".</summary>
    /// <param name="writer">A writer inside a JSON object.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The number.</param>
    public static void WriteNumber(Utf8JsonWriter writer, string key, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumber(key, value);
        }
        else
        {
            writer.WriteString(key, value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
