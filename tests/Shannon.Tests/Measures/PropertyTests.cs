using CsCheck;
using Shannon.Distributions;

namespace Shannon.Tests.ExactMeasures;

/// <summary>
/// The identities and inequalities of STYLE.md, on generated distributions that include exact zeros. Tolerance 1e-9:
/// the identities hold exactly in real arithmetic; each side sums at most a few hundred terms of order 1.
/// </summary>
public class PropertyTests
{
    private const double Tol = 1e-9;
    private const InformationUnit Bits = InformationUnit.Bits;
    private const InformationUnit Nats = InformationUnit.Nats;

    [Fact]
    public void EntropyLiesBetweenZeroAndLogOfTheAlphabet() =>
        Generators.Distribution(1, 20).Sample(p =>
        {
            double h = Shannon.Measures.Entropy(p, Nats).Value;
            Assert.InRange(h, 0, Math.Log(p.Length) + Tol);
        });

    [Fact]
    public void CrossEntropyIsEntropyPlusKullbackLeibler() =>
        Generators.Pair().Sample(pq =>
        {
            double ce = Shannon.Measures.CrossEntropy(pq.P, pq.Q, Nats).Value;
            double h = Shannon.Measures.Entropy(pq.P, Nats).Value;
            double kl = Shannon.Measures.KullbackLeibler(pq.P, pq.Q, Nats).Value;
            if (double.IsPositiveInfinity(kl))
            {
                Assert.Equal(double.PositiveInfinity, ce);
            }
            else
            {
                Assert.Equal(h + kl, ce, Tol);
            }
        });

    [Fact]
    public void KullbackLeiblerIsNonNegativeAndZeroOnlyAgainstItself() =>
        Generators.Pair().Sample(pq =>
        {
            Assert.True(Shannon.Measures.KullbackLeibler(pq.P, pq.Q, Nats).Value >= -Tol);
            Assert.Equal(0.0, Shannon.Measures.KullbackLeibler(pq.P, pq.P, Nats).Value, Tol);
            Assert.Equal(
                Shannon.Measures.KullbackLeibler(pq.Q, pq.P, Nats).Value,
                Shannon.Measures.ReverseKullbackLeibler(pq.P, pq.Q, Nats).Value);
        });

    [Fact]
    public void JensenShannonIsSymmetricAndAtMostOneBit() =>
        Generators.Pair().Sample(pq =>
        {
            double pq1 = Shannon.Measures.JensenShannon(pq.P, pq.Q, Bits).Value;
            double qp = Shannon.Measures.JensenShannon(pq.Q, pq.P, Bits).Value;
            Assert.Equal(pq1, qp, Tol);
            Assert.InRange(pq1, -Tol, 1 + Tol);

            // JS = H(M) - (H(P) + H(Q)) / 2 (Lin 1991, eq. 4.1), computed here from entropies.
            var m = pq.P.Zip(pq.Q, (a, b) => 0.5 * (a + b)).ToArray();
            double viaEntropies = Shannon.Measures.Entropy(Generators.Normalise(m), Bits).Value
                - (0.5 * (Shannon.Measures.Entropy(pq.P, Bits).Value + Shannon.Measures.Entropy(pq.Q, Bits).Value));
            Assert.Equal(viaEntropies, pq1, Tol);

            // The list form with weights (1/2, 1/2) agrees.
            Assert.Equal(pq1, Shannon.Measures.JensenShannon([pq.P, pq.Q], [0.5, 0.5], Bits).Value, Tol);
        });

    [Fact]
    public void MutualInformationIsTheEntropyIdentityAndBounded() =>
        Generators.Joint2().Sample(joint =>
        {
            double i = Shannon.Measures.MutualInformation(joint, Nats).Value;
            double hx = Shannon.Measures.Entropy(joint.MarginalOf(0), Nats).Value;
            double hy = Shannon.Measures.Entropy(joint.MarginalOf(1), Nats).Value;
            double hxy = Shannon.Measures.JointEntropy(joint, Nats).Value;
            Assert.Equal(hx + hy - hxy, i, Tol);
            Assert.InRange(i, -Tol, Math.Min(hx, hy) + Tol);

            // Chain rule H(X,Y) = H(X) + H(Y|X); VI = 2H(X,Y) - H(X) - H(Y); TC and co-information of two variables = I.
            Assert.Equal(hxy, hx + Shannon.Measures.ConditionalEntropy(joint, Nats).Value, Tol);
            Assert.Equal((2 * hxy) - hx - hy, Shannon.Measures.VariationOfInformation(joint, Nats).Value, Tol);
            Assert.Equal(i, Shannon.Measures.TotalCorrelation(joint, Nats).Value, Tol);
            Assert.Equal(i, Shannon.Measures.InteractionInformation(joint, Nats).Value, Tol);
        });

    [Fact]
    public void LocalValuesAverageToTheirMeasures()
    {
        Generators.Joint2().Sample(joint =>
        {
            Assert.Equal(Shannon.Measures.MutualInformation(joint, Bits).Value, Shannon.Measures.LocalMutualInformation(joint, Bits).Mean().Value, Tol);
            Assert.Equal(Shannon.Measures.JointEntropy(joint, Bits).Value, Shannon.Measures.LocalJointEntropy(joint, Bits).Mean().Value, Tol);
            Assert.Equal(Shannon.Measures.ConditionalEntropy(joint, Bits).Value, Shannon.Measures.LocalConditionalEntropy(joint, Bits).Mean().Value, Tol);

            // I = E[PMI] with the PMI matrix itself.
            var pmi = Shannon.Measures.PointwiseMutualInformationMatrix(joint, Bits);
            double mean = 0;
            for (int k = 0; k < pmi.Length; k++)
            {
                if (joint.Probabilities[k] > 0)
                {
                    mean += joint.Probabilities[k] * pmi[k];
                }
            }

            Assert.Equal(Shannon.Measures.MutualInformation(joint, Bits).Value, mean, Tol);
        });
        Generators.Pair().Sample(pq =>
        {
            Assert.Equal(Shannon.Measures.Entropy(pq.P, Nats).Value, Shannon.Measures.LocalEntropy(pq.P, Nats).Mean().Value, Tol);
            Assert.Equal(Shannon.Measures.JensenShannon(pq.P, pq.Q, Nats).Value, Shannon.Measures.LocalJensenShannon(pq.P, pq.Q, Nats).Mean().Value, Tol);
            var kl = Shannon.Measures.KullbackLeibler(pq.P, pq.Q, Nats).Value;
            var ce = Shannon.Measures.CrossEntropy(pq.P, pq.Q, Nats).Value;
            if (double.IsFinite(kl))
            {
                Assert.Equal(kl, Shannon.Measures.LocalKullbackLeibler(pq.P, pq.Q, Nats).Mean().Value, Tol);
                Assert.Equal(ce, Shannon.Measures.LocalCrossEntropy(pq.P, pq.Q, Nats).Mean().Value, Tol);
            }
        });
        Generators.Joint3().Sample(joint =>
        {
            Assert.Equal(Shannon.Measures.ConditionalMutualInformation(joint, Nats).Value, Shannon.Measures.LocalConditionalMutualInformation(joint, Nats).Mean().Value, Tol);
            Assert.Equal(Shannon.Measures.TotalCorrelation(joint, Nats).Value, Shannon.Measures.LocalTotalCorrelation(joint, Nats).Mean().Value, Tol);
            Assert.Equal(Shannon.Measures.InteractionInformation(joint, Nats).Value, Shannon.Measures.LocalInteractionInformation(joint, Nats).Mean().Value, Tol);
        });
    }

    [Fact]
    public void ConditionalMutualInformationIsTheEntropyIdentity() =>
        Generators.Joint3().Sample(joint =>
        {
            double h(params int[] axes) => Shannon.Measures.ConditionalEntropy(joint, axes, [], Nats).Value;
            double cmi = Shannon.Measures.ConditionalMutualInformation(joint, Nats).Value;
            Assert.Equal(h(0, 2) + h(1, 2) - h(0, 1, 2) - h(2), cmi, Tol);
            Assert.True(cmi >= -Tol);

            // Co-information = I(X;Y) - I(X;Y|Z) (McGill 1954).
            double ixy = Shannon.Measures.MutualInformation(joint, [0], [1], Nats).Value;
            Assert.Equal(ixy - cmi, Shannon.Measures.InteractionInformation(joint, Nats).Value, Tol);
        });

    [Fact]
    public void DataProcessingHoldsOnMarkovChains() =>
        Generators.MarkovChain().Sample(chain =>
        {
            double ixy = Shannon.Measures.MutualInformation(chain, [0], [1], Nats).Value;
            double iyz = Shannon.Measures.MutualInformation(chain, [1], [2], Nats).Value;
            double ixz = Shannon.Measures.MutualInformation(chain, [0], [2], Nats).Value;
            Assert.True(ixz <= ixy + Tol, $"I(X;Z) = {ixz} > I(X;Y) = {ixy}");
            Assert.True(ixz <= iyz + Tol, $"I(X;Z) = {ixz} > I(Y;Z) = {iyz}");

            // X and Z are independent given Y: I(X;Z|Y) = 0. Reorder the axes to (X, Z, Y).
            var xzy = JointDistribution.FromProbabilities(chain.Marginal(0, 2, 1).Probabilities, chain.Shape[0], chain.Shape[2], chain.Shape[1]);
            Assert.Equal(0.0, Shannon.Measures.ConditionalMutualInformation(xzy, Nats).Value, Tol);
        });

    [Fact]
    public void ChangingTheUnitOnlyRescales() =>
        Generators.Pair().Sample(pq =>
        {
            double nats = Shannon.Measures.Entropy(pq.P, Nats).Value;
            Assert.Equal(nats / Math.Log(2), Shannon.Measures.Entropy(pq.P, Bits).Value, Tol);
            Assert.Equal(nats / Math.Log(10), Shannon.Measures.Entropy(pq.P, InformationUnit.Hartleys).Value, Tol);
            double js = Shannon.Measures.JensenShannon(pq.P, pq.Q, Nats).Value;
            Assert.Equal(js / Math.Log(2), Shannon.Measures.JensenShannon(pq.P, pq.Q, Bits).Value, Tol);
        });

    [Fact]
    public void PermutingSymbolsChangesNothing() =>
        Gen.Select(Generators.Pair(2, 10), Gen.Int[0, int.MaxValue]).Sample(t =>
        {
            var (pq, seed) = t;
            var order = Enumerable.Range(0, pq.P.Length).ToArray();
            new Random(seed).Shuffle(order);
            var p2 = order.Select(i => pq.P[i]).ToArray();
            var q2 = order.Select(i => pq.Q[i]).ToArray();
            Assert.Equal(Shannon.Measures.Entropy(pq.P, Nats).Value, Shannon.Measures.Entropy(p2, Nats).Value, Tol);
            Assert.Equal(Shannon.Measures.KullbackLeibler(pq.P, pq.Q, Nats).Value, Shannon.Measures.KullbackLeibler(p2, q2, Nats).Value, Tol);
            Assert.Equal(Shannon.Measures.JensenShannon(pq.P, pq.Q, Nats).Value, Shannon.Measures.JensenShannon(p2, q2, Nats).Value, Tol);
        });

    [Fact]
    public void SoftmaxEntropyNeverDecreasesWithTemperature() =>
        Gen.Select(Generators.Logits(), Gen.Double[0.01, 10.0], Gen.Double[0.0, 10.0]).Sample(t =>
        {
            var (z, t1, dt) = t;
            double h1 = Shannon.Measures.EntropyFromLogits(z, t1, Nats).Value;
            double h2 = Shannon.Measures.EntropyFromLogits(z, t1 + dt, Nats).Value;
            Assert.True(h2 >= h1 - Tol, $"H at T={t1 + dt} is {h2} < {h1} at T={t1}");
            Assert.InRange(h1, -Tol, Math.Log(z.Length) + Tol);
        });

    [Fact]
    public void SoftmaxAgreesWithItsLogAndEntropy() =>
        Gen.Select(Generators.Logits(), Gen.Double[0.05, 5.0]).Sample(t =>
        {
            var (z, temperature) = t;
            var p = new double[z.Length];
            var logp = new double[z.Length];
            Shannon.Measures.Softmax(z, temperature, p);
            Shannon.Measures.LogSoftmax(z, temperature, logp);
            Assert.Equal(1.0, p.Sum(), 1e-12);
            for (int i = 0; i < z.Length; i++)
            {
                Assert.Equal(p[i], Math.Exp(logp[i]), 1e-12);
            }

            Assert.Equal(Shannon.Measures.Entropy(p, Nats).Value, Shannon.Measures.EntropyFromLogits(z, temperature, Nats).Value, Tol);
        });
}
