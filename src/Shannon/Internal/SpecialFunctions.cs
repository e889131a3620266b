namespace Shannon;

/// <summary>Small numerical helpers shared by the measures and estimators.</summary>
internal static class SpecialFunctions
{
    /// <summary>ln(1 + x), accurate for small |x| (Goldberg's correction, "What every computer scientist ...", thm. 4).</summary>
    public static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
