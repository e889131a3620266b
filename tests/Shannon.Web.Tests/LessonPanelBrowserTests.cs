using System.Globalization;
using Microsoft.Playwright;
using Shannon.Web.Api;

namespace Shannon.Web.Tests;

/// <summary>
/// The lesson's panels (issue 18): each test moves the panel's controls as a user would and checks every number shown
/// against the library's (or the lab's) value for that setting, computed here by calling the library directly.
/// </summary>
[Collection("browser")]
public sealed class LessonPanelBrowserTests(BrowserFixture browser)
{
    private static double Value(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task MutualInformationAgainstRho_RhoAndN_TruthAndEstimatesAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        await page.Locator("#c-bins").FillAsync("10"); // the page is shared by the collection's tests
        await page.Locator("#c-rho").FillAsync("0.6");
        await page.Locator("#c-n").FillAsync("400");
        await page.Locator("#c-rho").FocusAsync();
        for (int i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft"); // 0.60 -> 0.55
        }

        await BrowserFixture.IdleAsync(page, "panel-correlation");
        double rho = Value(await page.Locator("#c-rho").InputValueAsync());
        int n = (int)Value(await page.Locator("#c-n").InputValueAsync());
        Assert.Equal(0.55, rho, 1e-12);
        Assert.Equal(400, n);
        Assert.Equal(Measures.GaussianMutualInformation(rho, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "c-true"));
        foreach (var name in new[] { "ksg1", "binned", "gaussian" })
        {
            var expected = CorrelationApi.EstimateAt(name, rho, n, 10, 1, InformationUnit.Bits).Value;
            Assert.Equal(expected, await BrowserFixture.ShownAsync(page, "c-est-" + name));
        }

        // The curve: the truth and three estimators over 20 values of rho; each point is the library's estimate there.
        Assert.Equal(4, await page.Locator("#c-curve path.curve").CountAsync());
        Assert.Equal(60, await page.Locator("#c-curve circle.point").CountAsync());
        foreach (var (name, r) in new[] { ("ksg1", 0.8), ("binned", 0.3), ("gaussian", 0.95) })
        {
            var point = page.Locator($"#c-curve circle.point[data-estimator='{name}'][data-rho='{r.ToString(CultureInfo.InvariantCulture)}']");
            double shown = Value(await point.GetAttributeAsync("data-value") ?? "");
            Assert.Equal(CorrelationApi.EstimateAt(name, r, n, 10, 1, InformationUnit.Bits).Value, shown);
        }

        // Changing N redraws the curve at the new N.
        await page.Locator("#c-n").FillAsync("1000");
        await BrowserFixture.IdleAsync(page, "panel-correlation");
        var ksg = page.Locator("#c-curve circle.point[data-estimator='ksg1'][data-rho='0.5']");
        Assert.Equal(CorrelationApi.EstimateAt("ksg1", 0.5, 1000, 10, 1, InformationUnit.Bits).Value, Value(await ksg.GetAttributeAsync("data-value") ?? ""));
        await browser.ScreenshotAsync(page, "3-correlation-curve", "#panel-correlation");
        await page.Locator("#c-n").FillAsync("500");
        await page.Locator("#c-rho").FillAsync("0.6");
        await BrowserFixture.IdleAsync(page, "panel-correlation");
        Assert.Empty(problems);
    }
}
