namespace Shannon.Regularization;

/// <summary>
/// The KL-penalised reward of RLHF: R_t = r_t - beta * KL_t per token, which keeps the fine-tuned policy pi close to
/// the reference model ref (Ziegler et al. 2019, "Fine-tuning language models from human preferences", eq. 2:
/// R(x, y) = r(x, y) - beta log(pi(y|x) / ref(y|x)); Ouyang et al. 2022, eq. 2). For a fixed beta the policy that
/// maximises E_pi[r] - beta D(pi||ref) is pi*(x) proportional to ref(x) exp(r(x) / beta).
/// </summary>
public static class KullbackLeiblerPenalty
{
    /// <summary>
    /// r_t - beta (log pi(x_t) - log ref(x_t)) for each sampled token: the per-token penalty is the k1 sample of
    /// the KL (as in Ziegler et al. 2019), whose expectation under pi is D(pi||ref).
    /// </summary>
    /// <param name="rewards">The task rewards r_t (finite).</param>
    /// <param name="policyLogProbabilities">log pi(x_t) in nats: finite, &lt;= 0; the same length.</param>
    /// <param name="referenceLogProbabilities">log ref(x_t) in nats: &lt;= 0 (-infinity gives a reward of -infinity); the same length.</param>
    /// <param name="beta">The KL coefficient beta &gt;= 0 (per nat).</param>
    /// <param name="destination">Receives the penalised rewards; the same length.</param>
    public static void PenalizedRewards(
        ReadOnlySpan<double> rewards, ReadOnlySpan<double> policyLogProbabilities, ReadOnlySpan<double> referenceLogProbabilities, double beta, Span<double> destination)
    {
        CheckRewards(rewards, beta, destination);
        Preconditions.SameLength(policyLogProbabilities.Length, rewards.Length, nameof(policyLogProbabilities), nameof(rewards));
        var logRatios = SampledKullbackLeibler.LogRatios(policyLogProbabilities, referenceLogProbabilities);
        for (int t = 0; t < rewards.Length; t++)
        {
            destination[t] = rewards[t] + (beta * logRatios[t]);
        }
    }

    /// <summary>
    /// r_t - beta KL_t for per-token divergences given directly (for example the exact D(pi(.|t)||ref(.|t)) from
    /// <see cref="TokenKullbackLeibler.FromLogitsRows"/> in nats, or a k3 sample).
    /// </summary>
    /// <param name="rewards">The task rewards r_t (finite).</param>
    /// <param name="kullbackLeiblerNats">KL_t in nats: finite; the same length.</param>
    /// <param name="beta">The KL coefficient beta &gt;= 0 (per nat).</param>
    /// <param name="destination">Receives the penalised rewards; the same length.</param>
    public static void PenalizedRewardsFromKullbackLeibler(ReadOnlySpan<double> rewards, ReadOnlySpan<double> kullbackLeiblerNats, double beta, Span<double> destination)
    {
        CheckRewards(rewards, beta, destination);
        Preconditions.SameLength(kullbackLeiblerNats.Length, rewards.Length, nameof(kullbackLeiblerNats), nameof(rewards));
        Preconditions.AllFinite(kullbackLeiblerNats, nameof(kullbackLeiblerNats));
        for (int t = 0; t < rewards.Length; t++)
        {
            destination[t] = rewards[t] - (beta * kullbackLeiblerNats[t]);
        }
    }

    private static void CheckRewards(ReadOnlySpan<double> rewards, double beta, Span<double> destination)
    {
        Preconditions.AllFinite(rewards, nameof(rewards));
        Preconditions.NonNegativeFinite(beta, nameof(beta));
        Preconditions.SameLength(destination.Length, rewards.Length, nameof(destination), nameof(rewards));
    }
}

/// <summary>
/// Options of <see cref="AdaptiveKullbackLeiblerController"/>. Defaults follow TRL's PPO configuration
/// (init_kl_coef 0.2, target 6 nats, horizon 10000 samples) and the controller code of Ziegler et al. (2019), which
/// TRL and OpenRLHF copy: the error is clipped to +-0.2 and the step is e n / horizon, that is a gain of 1 here
/// (the paper writes the per-batch gain as K_beta = 0.1).
/// </summary>
/// <param name="InitialBeta">beta_0 &gt; 0.</param>
/// <param name="Target">The target KL, KL_target &gt; 0, in nats.</param>
/// <param name="Horizon">The horizon in samples, &gt; 0: how many samples it takes to change beta by a factor of about e^0.2.</param>
/// <param name="Gain">K_beta &gt; 0, a multiplier on n / horizon.</param>
/// <param name="ErrorClip">The clip of the proportional error, in (0, 1).</param>
public sealed record AdaptiveKullbackLeiblerControllerOptions(
    double InitialBeta = 0.2, double Target = 6.0, double Horizon = 10000, double Gain = 1.0, double ErrorClip = 0.2)
{
    /// <summary>The defaults.</summary>
    public static AdaptiveKullbackLeiblerControllerOptions Default { get; } = new();
}

/// <summary>
/// The adaptive KL coefficient of Ziegler et al. (2019), section 2.2: a proportional controller in log-space,
/// e_t = clip(KL_t / KL_target - 1, -0.2, 0.2), beta_{t+1} = beta_t (1 + K_beta e_t n / horizon), where KL_t is the
/// KL measured on the batch just used and n the number of samples in it. beta grows while the policy drifts beyond
/// the target and shrinks while it stays inside it. Stateful: one controller per training run.
/// </summary>
public sealed class AdaptiveKullbackLeiblerController
{
    /// <summary>Creates a controller.</summary>
    /// <param name="options">The options (null: <see cref="AdaptiveKullbackLeiblerControllerOptions.Default"/>).</param>
    public AdaptiveKullbackLeiblerController(AdaptiveKullbackLeiblerControllerOptions? options = null)
    {
        Options = options ?? AdaptiveKullbackLeiblerControllerOptions.Default;
        Preconditions.PositiveFinite(Options.InitialBeta, "InitialBeta");
        Preconditions.PositiveFinite(Options.Target, "Target");
        Preconditions.PositiveFinite(Options.Horizon, "Horizon");
        Preconditions.PositiveFinite(Options.Gain, "Gain");
        if (!(Options.ErrorClip > 0 && Options.ErrorClip < 1))
        {
            throw Preconditions.OutOfRange("ErrorClip", "in (0, 1)", Preconditions.Format(Options.ErrorClip));
        }

        Beta = Options.InitialBeta;
    }

    /// <summary>The options.</summary>
    public AdaptiveKullbackLeiblerControllerOptions Options { get; }

    /// <summary>The current coefficient beta_t.</summary>
    public double Beta { get; private set; }

    /// <summary>The number of updates so far.</summary>
    public int Updates { get; private set; }

    /// <summary>Updates beta from the KL measured on the last batch and returns the new beta.</summary>
    /// <param name="observedKullbackLeiblerNats">KL_t in nats, finite (a sampled k1 estimate may be negative).</param>
    /// <param name="sampleCount">n, the batch size, &gt;= 1.</param>
    /// <returns>beta_{t+1}.</returns>
    public double Update(double observedKullbackLeiblerNats, int sampleCount)
    {
        Preconditions.Finite(observedKullbackLeiblerNats, nameof(observedKullbackLeiblerNats));
        Preconditions.Positive(sampleCount, nameof(sampleCount));
        double error = Math.Clamp((observedKullbackLeiblerNats / Options.Target) - 1.0, -Options.ErrorClip, Options.ErrorClip);
        double multiplier = 1.0 + (Options.Gain * error * sampleCount / Options.Horizon);
        if (!(multiplier > 0))
        {
            throw Preconditions.Error(nameof(sampleCount), $"small enough that 1 + K_beta e n / horizon stays > 0 (at most about {Preconditions.Format(Options.Horizon / (Options.Gain * Options.ErrorClip))})", $"{sampleCount}");
        }

        Beta *= multiplier;
        Updates++;
        return Beta;
    }
}
