using System.Reflection;
using Shannon.Bottleneck;
using Shannon.Distributions;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Inference;

namespace Shannon.Tests.Conventions;

/// <summary>
/// "Every option record validated once" (issue 16), held the way the code can be held to it (STYLE.md: options are a
/// sealed record "validated once in the constructor"):
/// <list type="bullet">
/// <item>every public <c>*Options</c> / <c>*Settings</c> record of the library has a consumer here: the public
/// constructors that take it alone (found by reflection: the estimator checks its options there, once, before any
/// data), or the one static entry point listed in <see cref="StaticConsumers"/>; otherwise it is a named exemption;</item>
/// <item>every numeric or enum field is rejected by that consumer when it is out of its domain (NaN, -1 for a real,
/// -5 for a count, an undefined enum value), with an ArgumentException whose <c>ParamName</c> is that field's own name,
/// spelled as the caller writes it: the property (<c>Alpha</c>; for a positional record, the constructor's parameter)
/// or its parameter spelling in camelCase (<c>k</c>, <c>jitter</c>: the checks the estimators share with method
/// parameters). Never another field's name. The command line maps either spelling to its flag (K and k to `--k`).
/// Fields whose whole domain is valid are named exemptions with the reason; a field read only under another field's
/// value is probed in that context (<see cref="ProbeContexts"/>);</item>
/// <item>one field, one check: the same bad value of a field of the same name gets the same message from every record
/// and entry point that takes it (one Preconditions check per field, not a copy with its own words).</item>
/// </list>
/// </summary>
public sealed class OptionValidationConventionTests
{
    private static readonly Assembly Library = typeof(Measures).Assembly;

    /// <summary>Records whose consumer is a static method rather than a constructor, with a call that reaches its checks.</summary>
    private static readonly Dictionary<Type, Action<object>> StaticConsumers = new()
    {
        [typeof(BootstrapOptions)] = o => Resampling.Bootstrap(20, 0.0, _ => 0.0, (BootstrapOptions)o),
        [typeof(PermutationTestOptions)] = o => Resampling.PermutationTest(new InformationEstimate(0.0, InformationUnit.Bits, 20, "test"), 20, _ => 0.0, (PermutationTestOptions)o),
        [typeof(LocalPermutationTestOptions)] = o => LocalPermutationTest.ConditionalMutualInformation(
            Samples.FromColumn(Sequence(40, 1)), Samples.FromColumn(Sequence(40, 2)), Samples.FromColumn(Sequence(40, 3)), new KsgConditionalMutualInformationEstimator(), InformationUnit.Bits, (LocalPermutationTestOptions)o),
        [typeof(InformationBottleneckOptions)] = o => InformationBottleneck.Solve(JointDistribution.FromProbabilities([0.4, 0.1, 0.1, 0.4], 2, 2), 2.0, InformationUnit.Bits, (InformationBottleneckOptions)o),
        [typeof(UncertaintyOptions)] = o => FeatureRanking.Rank(SampleColumn.FromCodes("t", Codes(30)), [SampleColumn.FromCodes("f", Codes(30))], "plugin", null, InformationUnit.Bits, (UncertaintyOptions)o),
        [typeof(EstimatorSettings)] = o => EstimatorCatalogue.Entropy("plugin", [SampleColumn.FromCodes("x", Codes(30))], (EstimatorSettings)o, InformationUnit.Bits),
    };

    /// <summary>Option records with no consumer to hold here, and why.</summary>
    private static readonly Dictionary<Type, string> RecordExemptions = new()
    {
        // (none today: add the type with the reason)
    };

    /// <summary>Fields that share a name with another record's but not its domain, so not its words, and why.</summary>
    private static readonly Dictionary<string, string> OwnDomain = new(StringComparer.Ordinal)
    {
        ["UncertaintyOptions.Permutations"] = "0 means no p-value here, where a permutation test's own count must be >= 1",
    };

    /// <summary>Fields checked only when another field asks for them: the probe sets that field first.</summary>
    private static readonly Dictionary<string, (string Property, object Value)> ProbeContexts = new(StringComparer.Ordinal)
    {
        ["DirichletEntropyOptions.Concentration"] = ("Prior", Shannon.Estimators.Discrete.DirichletPrior.Custom),
    };

    /// <summary>Fields whose every value (of the probes NaN, -1, -5, an undefined enum value) is valid, and why.</summary>
    private static readonly Dictionary<string, string> FieldExemptions = new(StringComparer.Ordinal)
    {
        ["*.Seed"] = "any integer seeds the generator",
        ["GaussianCopulaOptions.BiasCorrection"] = "a flag",
    };

    public static TheoryData<string> OptionRecords()
    {
        var data = new TheoryData<string>();
        foreach (var t in OptionTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    [Fact]
    public void TheLibraryHasOptionRecordsToCheck() => Assert.True(OptionTypes().Count() >= 15, "the reflection found fewer option records than the library has");

    [Theory]
    [MemberData(nameof(OptionRecords))]
    public void EveryFieldIsCheckedWhereTheRecordIsConsumedAndNamedAsTheField(string typeName)
    {
        var type = Library.GetType(typeName, throwOnError: true)!;
        if (RecordExemptions.ContainsKey(type))
        {
            return;
        }

        var consumers = Consumers(type);
        Assert.True(consumers.Count > 0, $"{type.Name} has no public constructor taking it alone and no entry in StaticConsumers: add one, or a named exemption");
        var offenders = new List<string>();
        foreach (var (property, bad) in Probes(type))
        {
            if (IsExempt(type, property))
            {
                continue;
            }

            foreach (var (where, consume) in consumers)
            {
                var options = With(type, property, bad);
                var e = Record.Exception(() => consume(options));
                if (e is not ArgumentException a)
                {
                    offenders.Add($"{where}: {type.Name}.{property.Name} = {Show(bad)} was {(e is null ? "accepted" : "rejected with " + e.GetType().Name + ": " + e.Message)}");
                }
                else if (!NamesTheField(a, property))
                {
                    offenders.Add($"{where}: {type.Name}.{property.Name} = {Show(bad)} names '{a.ParamName}', not '{property.Name}' or '{CamelCase(property.Name)}' ({a.Message})");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void OneFieldOneMessage()
    {
        // Every rejection of a field of the same name, for the same bad value, in the same words (the value included).
        var messages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in OptionTypes().Where(t => !RecordExemptions.ContainsKey(t)))
        {
            foreach (var (property, bad) in Probes(type).Where(p => !IsExempt(type, p.Property) && !OwnDomain.ContainsKey($"{type.Name}.{p.Property.Name}")))
            {
                foreach (var (where, consume) in Consumers(type))
                {
                    if (Record.Exception(() => consume(With(type, property, bad))) is ArgumentException a && NamesTheField(a, property))
                    {
                        string key = $"{a.ParamName} = {Show(bad)}";
                        if (!messages.TryGetValue(key, out var set))
                        {
                            messages[key] = set = new HashSet<string>(StringComparer.Ordinal);
                        }

                        set.Add(a.Message);
                    }
                }
            }
        }

        Assert.NotEmpty(messages);
        var split = messages.Where(m => m.Value.Count > 1).Select(m => $"{m.Key}:\n    " + string.Join("\n    ", m.Value.Order(StringComparer.Ordinal))).ToList();
        Assert.True(split.Count == 0, "one field checked in different words:\n" + string.Join("\n", split));
    }

    private static IEnumerable<Type> OptionTypes() =>
        Library.GetExportedTypes().Where(t => t.IsClass && (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static List<(string Where, Action<object> Consume)> Consumers(Type type)
    {
        var list = new List<(string, Action<object>)>();
        foreach (var ctor in Library.GetExportedTypes().SelectMany(t => t.GetConstructors()))
        {
            var ps = ctor.GetParameters();
            if (ps.Length == 1 && ps[0].ParameterType == type)
            {
                list.Add(($"new {ctor.DeclaringType!.Name}({type.Name})", o => Invoke(() => ctor.Invoke([o]))));
            }
        }

        if (StaticConsumers.TryGetValue(type, out var consume))
        {
            list.Add(($"{type.Name}'s entry point", consume));
        }

        return list;
    }

    /// <summary>The out-of-domain probes of each settable numeric or enum property.</summary>
    private static IEnumerable<(PropertyInfo Property, object Bad)> Probes(Type type)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t == typeof(double))
            {
                yield return (p, double.NaN);
                yield return (p, -1.0);
            }
            else if (t == typeof(int))
            {
                yield return (p, -5);
            }
            else if (t.IsEnum)
            {
                yield return (p, Enum.ToObject(t, 999));
            }
        }
    }

    private static bool IsExempt(Type type, PropertyInfo property) =>
        FieldExemptions.ContainsKey($"{type.Name}.{property.Name}") || FieldExemptions.ContainsKey($"*.{property.Name}");

    private static object With(Type type, PropertyInfo property, object value)
    {
        // A copy of the defaults with one field changed (init accessors are callable by reflection).
        // Positional records (all parameters optional) are built from their parameters' defaults.
        var ctor = type.GetConstructor(Type.EmptyTypes) ?? type.GetConstructors().Single(c => c.GetParameters().All(p => p.IsOptional));
        var options = ctor.Invoke([.. ctor.GetParameters().Select(p => p.DefaultValue)]);
        if (ProbeContexts.TryGetValue($"{type.Name}.{property.Name}", out var context))
        {
            type.GetProperty(context.Property)!.SetValue(options, context.Value);
        }

        property.SetValue(options, value);
        return options;
    }

    private static void Invoke(Action action)
    {
        try
        {
            action();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    private static bool NamesTheField(ArgumentException e, PropertyInfo property) =>
        e.ParamName == property.Name || e.ParamName == CamelCase(property.Name);

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Show(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;

    private static double[] Sequence(int n, int salt) => [.. Enumerable.Range(0, n).Select(i => Math.Sin((i + 1) * (salt + 0.37)) + (0.01 * i))];

    private static int[] Codes(int n) => [.. Enumerable.Range(0, n).Select(i => i % 3)];
}
