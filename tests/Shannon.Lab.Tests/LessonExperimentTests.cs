namespace Shannon.Lab.Tests;

/// <summary>
/// The lesson's additions (issue 18) in quick mode, checked against analytic values. Literal references come from
/// tools/reference/lab_experiments.py (Debian python3, numpy 1.24); tolerances are stated per check.
/// </summary>
[Collection("quick lab")]
public class LessonExperimentTests(QuickLabFixture lab)
{
    [Fact]
    public void SurpriseOfSingleEventsMatchesTheLesson()
    {
        // -log2(1/8) = 3 and -log2(1/52) = log2 52 (analytic); the sunrise: -log2((n+1)/(n+2)), n = 5000 * 365.25 (reference script).
        Assert.Equal(3.0, lab.Number("entropy", "surprise_one_eighth_bits"), 14);
        Assert.Equal(5.700439718141093, lab.Number("entropy", "surprise_card_bits"), 12);
        Assert.Equal(7.899761018736835e-07, lab.Number("entropy", "surprise_sunrise_bits"), 15);
        Assert.Contains(lab["entropy"].Paragraphs, p => p.Contains("surprise", StringComparison.Ordinal) && p.Contains("1/8", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyExerciseRoomIsTheLossMinusOneNatPerCharacter()
    {
        // 3.2 - c nats and (3.2 - c) / ln 2 bits (reference script); 1e-13 covers double rounding.
        double[] nats = [2.2, 1.2000000000000002, 0.20000000000000018, -0.7999999999999998, -1.7999999999999998, -2.8];
        double[] bits = [3.17392908995572, 1.7312340490667564, 0.28853900817779293, -1.1541560327111704, -2.596851073600134, -4.039546114489098];
        for (int c = 1; c <= 6; c++)
        {
            Assert.Equal(nats[c - 1], lab.Number("key-exercise", $"room_nats_at_{c}_chars_per_token"), 13);
            Assert.Equal(bits[c - 1], lab.Number("key-exercise", $"room_bits_at_{c}_chars_per_token"), 13);
        }

        // The project's character model on held-out English: above the 1.0 nat floor, below the order-0 entropy (about 4.1 bits = 2.9 nats).
        double model = lab.Number("key-exercise", "character_model_best_nats_per_char");
        Assert.InRange(model, 1.0, 2.9);
        Assert.Equal(model / Math.Log(2), lab.Number("key-exercise", "character_model_best_bits_per_char"), 12);
        var text = string.Join(" ", lab["key-exercise"].Paragraphs);
        Assert.Contains("maximum likelihood", text, StringComparison.Ordinal);
        Assert.Contains("H(P) + KL(P || Q_theta)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoParagraphPromisesWorkOnAnotherBranch()
    {
        // Issue 18: sentences about code "on another branch" or curves that join "once" something lands went stale.
        string[] stale = ["another branch", "joins this figure once", "local helper here"];
        foreach (var r in lab.Results)
        {
            foreach (var p in r.Paragraphs)
            {
                Assert.DoesNotContain(stale, s => p.Contains(s, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void ReferenceLinesAreDrawnInsideThePlotNotOnItsBorder()
    {
        // Issue 18: the coding figure's "8 bits ASCII" line sat on the top border, invisible. Every labelled horizontal
        // line of every figure must lie strictly inside the rendered y-range (the fixture rendered every figure).
        foreach (var r in lab.Results)
        {
            foreach (var f in r.Figures)
            {
                var limits = f.Plot.Axes.GetLimits();
                double margin = 0.002 * (limits.Top - limits.Bottom);
                foreach (var line in f.Plot.GetPlottables().OfType<ScottPlot.Plottables.HorizontalLine>().Where(l => !string.IsNullOrEmpty(l.LegendText)))
                {
                    Assert.True(line.Y > limits.Bottom + margin && line.Y < limits.Top - margin,
                        $"{r.Name}/{f.Name}: the line \"{line.LegendText}\" at y = {line.Y} is on the border of [{limits.Bottom}, {limits.Top}]");
                }
            }
        }
    }
}
