using System.Reflection;
using System.Reflection.Emit;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Conventions;

/// <summary>
/// "Every public estimator reachable from the catalogue" (issue 16; DESIGN.md: the catalogue is the one place that
/// knows which estimators exist, and every surface asks it). A public estimator is an exported class of the library
/// named <c>...Estimator</c> (STYLE.md's <c>&lt;Method&gt;&lt;Quantity&gt;Estimator</c>) or implementing
/// <see cref="IEntropyEstimator"/>. Reachable: constructed or called somewhere in the code the catalogue runs, read
/// from the IL of <see cref="EstimatorCatalogue"/> and its entries and followed through every library method they call
/// (the entries call the public estimators; EntropyEstimators.Get constructs the discrete ones). An estimator the
/// catalogue does not offer is a named exemption with the reason, never a silent one.
/// </summary>
public sealed class CatalogueReachabilityTests
{
    private static readonly Assembly Library = typeof(Measures).Assembly;

    /// <summary>Public estimators the catalogue does not offer, and why. Remove a line when the catalogue adds it.</summary>
    private static readonly Dictionary<string, string> Exemptions = new(StringComparer.Ordinal)
    {
        ["BinnedEntropyEstimator"] = "the histogram differential entropy h = -sum p ln(p / v) with cell volumes v; the catalogue's `binned` reports H of the bins (a discrete entropy) and gives h of real columns to kozachenko-leonenko, so a histogram h would need a name of its own",
        ["VariationalMutualInformationEstimator"] = "trains a neural critic (seconds to minutes per estimate, a bound limited by the batch size); DESIGN.md lists variational among the names the catalogue will add, not yet added",
    };

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Fact]
    public void EveryPublicEstimatorIsReachableFromTheCatalogueOrANamedExemption()
    {
        var reached = ReachedTypes();
        var estimators = PublicEstimators().ToList();
        Assert.Contains(typeof(Shannon.Estimators.Continuous.KsgMutualInformationEstimator), estimators);
        var unreached = estimators.Where(t => !reached.Contains(t) && !Exemptions.ContainsKey(t.Name)).Select(t => t.Name).ToList();
        Assert.True(unreached.Count == 0, "public estimators the catalogue never reaches (add them to the catalogue, or to Exemptions with the reason): " + string.Join(", ", unreached));
    }

    [Fact]
    public void EveryExemptionIsStillNeeded()
    {
        // An exemption names a public estimator that exists and that the catalogue does not reach: no stale lines.
        var reached = ReachedTypes();
        var names = PublicEstimators().ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in Exemptions.Keys)
        {
            Assert.True(names.ContainsKey(name), $"exemption '{name}' names no public estimator");
            Assert.False(reached.Contains(names[name]), $"'{name}' is reachable from the catalogue now: remove its exemption");
        }
    }

    [Fact]
    public void TheWalkSeesTheCataloguesOwnEstimators()
    {
        // The IL walk itself: the estimators the catalogue's entries plainly construct are found.
        var reached = ReachedTypes();
        Assert.Contains(typeof(Shannon.Estimators.Continuous.KsgMutualInformationEstimator), reached);
        Assert.Contains(typeof(Shannon.Estimators.Continuous.KozachenkoLeonenkoEntropyEstimator), reached);
        Assert.Contains(typeof(MillerMadowEntropyEstimator), reached);
    }

    private static IEnumerable<Type> PublicEstimators() =>
        Library.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && (t.Name.EndsWith("Estimator", StringComparison.Ordinal) || typeof(IEntropyEstimator).IsAssignableFrom(t)));

    /// <summary>Every library type whose constructor or method is called (or whose method is taken as a delegate) from the catalogue, transitively.</summary>
    private static HashSet<Type> ReachedTypes()
    {
        var roots = Library.GetTypes().Where(t => t == typeof(EstimatorCatalogue) || typeof(ICatalogueEstimator).IsAssignableFrom(t));
        var pending = new Stack<MethodBase>(roots.SelectMany(AllMethods));
        var seen = new HashSet<MethodBase>();
        var reached = new HashSet<Type>();
        while (pending.TryPop(out var method))
        {
            if (!seen.Add(method))
            {
                continue;
            }

            foreach (var callee in Callees(method))
            {
                if (callee.DeclaringType is { } declaring && declaring.Assembly == Library)
                {
                    var type = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
                    if (reached.Add(type))
                    {
                        // A type reached may be called through an interface (IEntropyEstimator.Estimate): all its code is reachable.
                        foreach (var m in AllMethods(type))
                        {
                            pending.Push(m);
                        }
                    }

                    pending.Push(callee is MethodInfo { IsGenericMethod: true } g ? g.GetGenericMethodDefinition() : callee);
                }
            }
        }

        return reached;
    }

    private static IEnumerable<MethodBase> AllMethods(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).Concat(type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).SelectMany(AllMethods));
    }

    /// <summary>The methods and constructors one method's IL calls, constructs or loads as a delegate.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var body = method.GetMethodBody();
        var il = body?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method is MethodInfo { IsGenericMethod: true } m ? m.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A member of a generic instantiation the context cannot close: not a library estimator.
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
