using System.Collections;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.NN;

/// <summary>Applies modules in order; children are named "0", "1", ... (torch.nn.Sequential).</summary>
public class Sequential : Module<Tensor, Tensor>, IReadOnlyList<Module<Tensor, Tensor>>
{
    private readonly List<Module<Tensor, Tensor>> _layers = new();

    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        foreach (var layer in layers) Append(layer);
    }

    public Sequential Append(Module<Tensor, Tensor> layer)
    {
        RegisterModule(_layers.Count.ToString(), layer);
        _layers.Add(layer);
        return this;
    }

    public override Tensor Forward(Tensor input)
    {
        foreach (var layer in _layers) input = layer.Forward(input);
        return input;
    }

    public int Count => _layers.Count;
    public Module<Tensor, Tensor> this[int index] => _layers[index];
    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of submodules named "0", "1", ... (torch.nn.ModuleList), e.g. the "layers" of a model.</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> _items = new();

    public ModuleList(params T[] modules)
    {
        foreach (var m in modules) Append(m);
    }

    public override string TypeName => "ModuleList";

    public ModuleList<T> Append(T module)
    {
        RegisterModule(_items.Count.ToString(), module);
        _items.Add(module);
        return this;
    }

    public int Count => _items.Count;
    public T this[int index] => _items[index];
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Multi-layer perceptron like torchvision.ops.MLP: for each hidden size a Linear, then (except after the
/// last) the activation and dropout; the last Linear is followed by dropout only. Children are numbered as in
/// Sequential, so state-dict names match torchvision ("0.weight", "3.weight", ...).</summary>
public sealed class MLP : Sequential
{
    public MLP(int inChannels, int[] hiddenChannels, Func<Module<Tensor, Tensor>>? activation = null, bool bias = true,
        double dropout = 0.0, DType dtype = DType.Float32, Generator? generator = null)
    {
        if (hiddenChannels.Length == 0) throw new ArgumentException("MLP: hiddenChannels must contain at least one size");
        activation ??= () => new ReLU();
        var input = inChannels;
        for (var i = 0; i < hiddenChannels.Length; i++)
        {
            Append(new Linear(input, hiddenChannels[i], bias, dtype, generator));
            if (i < hiddenChannels.Length - 1) Append(activation());
            Append(new Dropout(dropout, generator));
            input = hiddenChannels[i];
        }
    }

    public override string TypeName => "MLP";
}
