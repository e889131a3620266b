using System.Reflection;

namespace Shannon.Tests.Conventions;

/// <summary>Reflection tests that enforce the library's conventions (Noda Time style).</summary>
public class ConventionTests
{
    private static readonly Assembly Library = typeof(Shannon.Measures).Assembly;

    [Fact]
    public void InformationUnitHasNoZeroMember() =>
        Assert.DoesNotContain(0, Enum.GetValues<InformationUnit>().Select(u => (int)u));

    [Fact]
    public void EveryMeasureReturningInformationTakesTheUnitExplicitly()
    {
        var offenders = typeof(Shannon.Measures).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Information) || m.ReturnType == typeof(LocalInformation))
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(InformationUnit)))
            .Select(m => m.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void UnitParametersHaveNoDefault()
    {
        var offenders = Library.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(InformationUnit) && p.HasDefaultValue))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void PublicTypesAreSealedOrStaticOrInterfacesOrValueTypes()
    {
        var offenders = Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void NoAbbreviatedMeasureNames()
    {
        // STYLE.md: names in full (KullbackLeibler, MutualInformation), never KL, MI, JSD, PMI, CMI abbreviations.
        var abbreviated = new System.Text.RegularExpressions.Regex("^(KL|MI|JS|JSD|PMI|NPMI|PPMI|CMI|VI|TC)([A-Z]|$)");
        var offenders = Library.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Append(t.Name))
            .Where(n => abbreviated.IsMatch(n))
            .ToList();
        Assert.Empty(offenders);
    }
}
