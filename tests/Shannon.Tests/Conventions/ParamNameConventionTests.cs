using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Shannon.Tests.Conventions;

/// <summary>
/// "`ParamName` spelled as the parameter" (issue 16, in the manner of Noda Time's null-argument reflection tests):
/// every public constructor and method of the library is called by reflection with one argument bad at a time (null
/// for a reference, NaN for a real, -1 for a count, an undefined enum value) and the others plausible; whatever
/// ArgumentException it throws must name a parameter of that member, or a field of an options parameter (a record
/// named ...Options or ...Settings, whose fields are named as the property or in camelCase, see
/// <see cref="OptionValidationConventionTests"/>). Members with span parameters cannot be called by reflection; their
/// names are held by the conformance suites. Exemptions are named, with the reason.
/// </summary>
public sealed class ParamNameConventionTests
{
    private static readonly Assembly Library = typeof(Measures).Assembly;

    /// <summary>Members whose ParamName is not one of their parameters on purpose ("Type.Member"), and why.</summary>
    private static readonly Dictionary<string, string> Exemptions = new(StringComparer.Ordinal)
    {
        // (none today: add "Type.Member" with the reason)
    };

    [Fact]
    public void EveryArgumentExceptionNamesAParameterOfTheMemberThatThrewIt()
    {
        var offenders = new List<string>();
        int calls = 0, named = 0;
        foreach (var (member, instance) in Members())
        {
            var parameters = member.GetParameters();
            var allowed = AllowedNames(parameters);
            for (int bad = 0; bad < parameters.Length; bad++)
            {
                if (!TryBad(parameters[bad].ParameterType, out var badValue))
                {
                    continue;
                }

                var args = new object?[parameters.Length];
                bool callable = true;
                for (int i = 0; i < parameters.Length && callable; i++)
                {
                    callable = i == bad ? Set(args, i, badValue) : TryGood(parameters[i].ParameterType, out args[i]);
                }

                if (!callable)
                {
                    continue;
                }

                calls++;
                var thrown = Call(member, instance, args, out bool finished);
                string where = $"{member.DeclaringType!.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", parameters.Select(p => p.Name))})";
                if (!finished)
                {
                    offenders.Add($"{where} with {parameters[bad].Name} bad did not finish in 10 s");
                    continue;
                }

                if (thrown is ArgumentException { ParamName: { } name } e)
                {
                    named++;
                    if (!allowed.Contains(name) && !Exemptions.ContainsKey($"{member.DeclaringType!.Name}.{member.Name}"))
                    {
                        offenders.Add($"{where} with {parameters[bad].Name} bad: ParamName '{name}' is none of its parameters ({e.GetType().Name}: {e.Message})");
                    }
                }
            }
        }

        // The sweep reaches the library: thousands of calls, hundreds of which throw a named ArgumentException.
        Assert.True(calls > 500 && named > 200, $"the sweep made {calls} calls, {named} of which named a parameter: too few to mean anything");
        Assert.True(offenders.Count == 0, $"{offenders.Count} of {calls} calls:\n" + string.Join("\n", offenders.Distinct().Order(StringComparer.Ordinal)));
    }

    private static IEnumerable<(MethodBase Member, object? Instance)> Members()
    {
        foreach (var type in Library.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition && !typeof(Delegate).IsAssignableFrom(t) && !t.IsEnum && !t.IsInterface)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            foreach (var ctor in type.IsAbstract ? [] : type.GetConstructors())
            {
                yield return (ctor, null);
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            {
                yield return (method, null);
            }

            object? instance = !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is { } parameterless ? Safe(() => parameterless.Invoke(null)) : null;
            if (instance is null)
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && m.Name is not ("Equals" or "<Clone>$" or "Deconstruct")))
            {
                yield return (method, instance);
            }
        }
    }

    private static HashSet<string> AllowedNames(ParameterInfo[] parameters)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            names.Add(p.Name!);
            var t = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal))
            {
                foreach (var field in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    names.Add(field.Name);
                    names.Add(char.ToLowerInvariant(field.Name[0]) + field.Name[1..]);
                }
            }
        }

        return names;
    }

    private static bool Callable(Type t) => !t.IsByRef && !t.IsPointer && !t.IsByRefLike && !t.ContainsGenericParameters;

    private static bool Set(object?[] args, int i, object? value)
    {
        args[i] = value;
        return true;
    }

    private static bool TryBad(Type t, out object? value)
    {
        value = null;
        if (!Callable(t))
        {
            return false;
        }

        if (!t.IsValueType)
        {
            return true;
        }

        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(double))
        {
            value = double.NaN;
        }
        else if (u == typeof(int))
        {
            value = -1;
        }
        else if (u == typeof(long))
        {
            value = -1L;
        }
        else if (u.IsEnum)
        {
            value = Enum.ToObject(u, 999);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool TryGood(Type t, out object? value)
    {
        value = null;
        if (!Callable(t))
        {
            return false;
        }

        var u = Nullable.GetUnderlyingType(t) ?? t;
        value = u switch
        {
            _ when u == typeof(double) => 0.5,
            _ when u == typeof(float) => 0.5f,
            _ when u == typeof(int) => 2,
            _ when u == typeof(long) => 2L,
            _ when u == typeof(bool) => false,
            _ when u == typeof(string) => "x",
            _ when u == typeof(InformationUnit) => InformationUnit.Bits,
            _ when u.IsEnum => Enum.GetValues(u).GetValue(0),
            _ when u == typeof(CancellationToken) => CancellationToken.None,
            _ when u.IsAssignableFrom(typeof(double[])) => new[] { 0.5, 0.5 },
            _ when u.IsAssignableFrom(typeof(int[])) => new[] { 0, 1 },
            _ when u.IsAssignableFrom(typeof(long[])) => new[] { 1L, 1L },
            _ when u.IsAssignableFrom(typeof(string[])) => new[] { "a", "b" },
            _ when u.IsAssignableFrom(typeof(double[][])) => new[] { new[] { 0.5, 0.5 }, new[] { 0.25, 0.75 } },
            _ when u.IsClass && u.Assembly == Library && u.GetConstructor(Type.EmptyTypes) is { } c => Safe(() => c.Invoke(null)),
            _ when u.IsValueType => Activator.CreateInstance(u),
            _ => null,
        };
        return true;
    }

    private static object? Safe(Func<object?> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is TargetInvocationException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static Exception? Call(MethodBase member, object? instance, object?[] args, out bool finished)
    {
        Exception? thrown = null;
        var task = Task.Run(() =>
        {
            try
            {
                var result = member is ConstructorInfo c ? c.Invoke(args) : member.Invoke(instance, args);
                if (result is IEnumerable sequence and not string)
                {
                    // Lazy sequences check when enumerated: enumerate a little.
                    foreach (var _ in sequence.Cast<object?>().Take(3))
                    {
                    }
                }
            }
            catch (TargetInvocationException e)
            {
                thrown = e.InnerException;
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        finished = task.Wait(TimeSpan.FromSeconds(10));
        return thrown;
    }
}
