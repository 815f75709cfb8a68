using System.Globalization;
using QCircuitDsl.Models;
using QCircuitDsl.Models.Qrnn;
using QCircuitDsl.Models.Sequence;
using QCircuitDsl.Runtime.NN;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Benchmarks;

/// <summary>
/// `qrnn --drift`: how far float32 uncomputation drifts at T = 400 for each checkpoint interval, as the
/// relative error of the gradients against stored-state backpropagation (interval 1 restores the exact
/// forward state after every step). MNIST-shaped model (n = 10, GELU, hidden 36) on 20 sequences: the
/// reference keeps 400 state batches, which at B = 200 would not fit comfortably.
/// </summary>
public static class QrnnDrift
{
    public static int Run()
    {
        const int batch = 20, steps = 400;
        Console.WriteLine($"drift of uncomputation, n=10, B={batch}, T={steps}, float32, fused recurrence; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        var reference = Gradients(1, batch, steps);
        Console.WriteLine("| checkpoint interval | checkpoints held | max relative gradient error (over the 4 controller tensors and the head) |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (int interval in new[] { 0, 100, 25 })
        {
            var grads = Gradients(interval, batch, steps);
            double worst = reference.Keys.Max(name => RelativeError(reference[name], grads[name]));
            int held = interval == 0 ? 0 : (steps - 1) / interval;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {interval} | {held} | {worst:E2} |"));
        }

        return 0;
    }

    private static Dictionary<string, float[]> Gradients(int interval, int batch, int steps)
    {
        var g = new Generator(1);
        var x = Torch.Rand(new[] { batch, steps, 28 }, g);
        var y = Torch.Tensor(Enumerable.Range(0, batch).Select(i => (long)(i % 10)).ToArray(), batch);
        var model = new SequenceClassifier(new QrnnEncoder(new Sim14(n: 10), 28, 36, ControllerActivation.Gelu, generator: g, checkpointInterval: interval), 10, generator: g);
        Functional.CrossEntropy(model.Forward(x), y).Backward();
        return model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter.Grad!.ToArray<float>());
    }

    private static double RelativeError(float[] reference, float[] actual)
    {
        double num = 0, den = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            num += (actual[i] - (double)reference[i]) * (actual[i] - (double)reference[i]);
            den += reference[i] * (double)reference[i];
        }

        return Math.Sqrt(num / Math.Max(den, 1e-300));
    }
}
