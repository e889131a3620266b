using System.Globalization;
using Microsoft.Playwright;

namespace Shannon.Web.Tests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium), headless, driven by Playwright's .NET package (its node driver ships inside
/// the NuGet package; no browser is ever downloaded). Without the executable every browser test fails with the apt line.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<string> _problems = [];
    private IPlaywright? _playwright;
    private IPage? _page;

    public IBrowser Browser { get; private set; } = null!;

    public ServerFixture Server { get; } = new();

    public string Screenshots { get; } = ServerFixture.ResultsDirectory("screenshots");

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}, which is missing: install it with `apt-get install -y chromium` (Playwright must not download a browser).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// The explorer's page, loaded once per test collection (a page load draws every panel, which costs seconds on a
    /// busy machine); each test moves its own panel's controls. The unit is reset to bits and the problem list
    /// (console errors, failed requests, requests to another host) is cleared.
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> OpenAsync()
    {
        if (_page is null)
        {
            _page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            _page.SetDefaultTimeout(30_000);
            _page.Console += (_, m) =>
            {
                // A refused request (4xx) is logged by Chromium as a console error; the panels show those on purpose.
                if (m.Type == "error" && !m.Text.Contains("status of 4", StringComparison.Ordinal))
                {
                    _problems.Add("console: " + m.Text);
                }
            };
            _page.PageError += (_, e) => _problems.Add("page error: " + e);
            _page.RequestFailed += (_, r) => _problems.Add("request failed: " + r.Url);
            _page.Request += (_, r) =>
            {
                if (!r.Url.StartsWith(Server.Address.ToString(), StringComparison.Ordinal))
                {
                    _problems.Add("request to another host: " + r.Url);
                }
            };
            await _page.GotoAsync(Server.Address.ToString());
        }

        if (await _page.Locator("#unit").InputValueAsync() != "bits")
        {
            await _page.SelectOptionAsync("#unit", "bits");
        }

        await _page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('section.panel')).every(p => p.dataset.busy === '0')");

        await _page.WaitForFunctionAsync("() => document.getElementById('coin-entropy').textContent !== ''");
        _problems.Clear();
        return (_page, _problems);
    }

    /// <summary>Waits until the panel has drawn the answer for its current controls.</summary>
    public static Task IdleAsync(IPage page, string panel) =>
        page.WaitForFunctionAsync($"() => document.getElementById('{panel}').dataset.busy === '0'");

    /// <summary>The exact value the page shows (data-value), checked against its 4-decimal text.</summary>
    public static async Task<double> ShownAsync(IPage page, string id, int digits = 4)
    {
        var element = page.Locator("#" + id);
        string exact = await element.GetAttributeAsync("data-value") ?? throw new InvalidOperationException($"#{id} has no value");
        string text = await element.TextContentAsync() ?? "";
        double value = double.Parse(exact, CultureInfo.InvariantCulture);
        Assert.Equal(double.IsPositiveInfinity(value) ? "\u221e" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), text);
        return value;
    }

    public async Task ScreenshotAsync(IPage page, string name, string? selector = null)
    {
        string path = Path.Combine(Screenshots, name + ".png");
        if (selector is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }

        Assert.True(new FileInfo(path).Length > 5_000, $"screenshot {path} is suspiciously small");
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
}
