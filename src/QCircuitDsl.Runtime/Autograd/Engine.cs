using QCircuitDsl.Runtime.Ops;
using QCircuitDsl.Runtime.Tensors;

namespace QCircuitDsl.Runtime.Autograd;

/// <summary>
/// Executes reverse-mode passes over the recorded graph. Nodes run in a topological order computed with Kahn's
/// algorithm (a node runs only after every consumer has delivered its gradient), so each node runs once per pass and
/// the order is deterministic.
/// </summary>
internal static class Engine
{
    public static InvalidOperationException FreedGraphError(string node) => new(
        $"Trying to backward through the graph a second time (node {node}), or to use saved tensors after they have already " +
        "been freed. Saved intermediate values of the graph are freed when you call Backward() or Autograd.Grad(). " +
        "Specify retainGraph: true if you need to backward through the graph a second time.");

    /// <summary>tensor.Backward(): accumulate into the Grad of every reachable leaf that requires grad.</summary>
    public static void Backward(Tensor[] roots, Tensor?[]? gradients, bool retainGraph, bool createGraph)
    {
        var rootGrads = PrepareRootGradients(roots, gradients);
        Run(roots, rootGrads, retainGraph, createGraph, capture: null);
    }

    /// <summary>torch.autograd.grad: returns d(outputs)/d(inputs) without touching any .Grad.</summary>
    public static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph, bool allowUnused)
    {
        foreach (var input in inputs)
            if (!input.RequiresGrad)
                throw new InvalidOperationException("One of the differentiated Tensors does not require grad");
        var rootGrads = PrepareRootGradients(outputs, gradOutputs);
        var capture = new Dictionary<Tensor, Tensor?>(ReferenceEqualityComparer.Instance);
        foreach (var input in inputs) capture[input] = null;
        Run(outputs, rootGrads, retainGraph, createGraph, capture);
        var result = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            result[i] = capture[inputs[i]];
            if (result[i] is null && !allowUnused)
                throw new InvalidOperationException(
                    $"One of the differentiated Tensors (input {i}) appears to not have been used in the graph. Set allowUnused: true if this is the desired behavior.");
        }
        return result;
    }

    private static Tensor[] PrepareRootGradients(Tensor[] roots, Tensor?[]? gradients)
    {
        if (gradients is not null && gradients.Length != roots.Length)
            throw new ArgumentException($"grad_tensors has {gradients.Length} entries but there are {roots.Length} outputs");
        var result = new Tensor[roots.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            var root = roots[i];
            if (!root.RequiresGrad)
                throw new InvalidOperationException($"element {i} of tensors does not require grad and does not have a grad_fn");
            var g = gradients?[i];
            if (g is null)
            {
                if (root.Numel != 1)
                    throw new InvalidOperationException(
                        $"grad can be implicitly created only for scalar outputs (output {i} has shape {ShapeUtils.Format(root.ShapeArray)}); pass a gradient");
                g = Torch.OnesLike(root);
            }
            else if (!ShapeUtils.SameShape(g.ShapeArray, root.ShapeArray))
            {
                throw new ArgumentException(
                    $"Mismatch in shape: grad_output[{i}] has a shape of {ShapeUtils.Format(g.ShapeArray)} and output[{i}] has a shape of {ShapeUtils.Format(root.ShapeArray)}.");
            }
            else if (g.DType != root.DType)
            {
                throw new ArgumentException($"Mismatch in dtype: grad_output[{i}] is {g.DType.Name()} but output[{i}] is {root.DType.Name()}");
            }
            result[i] = g;
        }
        return result;
    }

    private static void Run(Tensor[] roots, Tensor[] rootGrads, bool retainGraph, bool createGraph, Dictionary<Tensor, Tensor?>? capture)
    {
        using var mode = GradMode.Set(createGraph);

        // 1. Count, for every reachable node, how many graph edges point at it.
        var dependencies = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Node>();
        foreach (var root in roots)
            if (root.GradFn is { } fn && !dependencies.ContainsKey(fn))
            {
                dependencies[fn] = 0;
                stack.Push(fn);
            }
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var input in node.Inputs)
            {
                if (input?.GradFn is not { } child) continue;
                if (dependencies.TryGetValue(child, out var count)) dependencies[child] = count + 1;
                else
                {
                    dependencies[child] = 1;
                    stack.Push(child);
                }
            }
        }

        // 2. Seed the root gradients.
        var buffers = new Dictionary<Node, Tensor?[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < roots.Length; i++) Deliver(roots[i], rootGrads[i], buffers, capture, createGraph);

        // 3. Run nodes once all of their consumers have reported.
        var ready = new Queue<Node>();
        foreach (var root in roots)
            if (root.GradFn is { } fn && dependencies[fn] == 0 && !ready.Contains(fn)) ready.Enqueue(fn);

        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            buffers.Remove(node, out var gradOutputs);
            Tensor?[]? inputGrads = null;
            if (gradOutputs is not null && gradOutputs.Any(g => g is not null))
            {
                if (node.Released) throw FreedGraphError(node.Name);
                inputGrads = node.Apply(gradOutputs);
                if (inputGrads.Length != node.Inputs.Length)
                    throw new InvalidOperationException(
                        $"{node.Name} returned {inputGrads.Length} gradients but has {node.Inputs.Length} inputs");
                if (!retainGraph) node.Release();
            }

            for (var i = 0; i < node.Inputs.Length; i++)
            {
                var input = node.Inputs[i];
                if (input is null) continue;
                var g = inputGrads?[i];
                if (g is not null) Deliver(input, CheckGradient(node, i, input, g), buffers, capture, createGraph);
                if (input.GradFn is { } child && --dependencies[child] == 0) ready.Enqueue(child);
            }
        }
    }

    private static Tensor CheckGradient(Node node, int index, Tensor input, Tensor g)
    {
        if (!ShapeUtils.SameShape(g.ShapeArray, input.ShapeArray))
            throw new InvalidOperationException(
                $"Function {node.Name} returned an invalid gradient at index {index} - got {ShapeUtils.Format(g.ShapeArray)} but expected shape {ShapeUtils.Format(input.ShapeArray)}");
        if (g.DType != input.DType)
            throw new InvalidOperationException(
                $"Function {node.Name} returned an invalid gradient at index {index} - expected dtype {input.DType.Name()} but got {g.DType.Name()}");
        return g;
    }

    /// <summary>Routes a gradient for tensor t: into the capture set, into its producer's buffer, or into a leaf's Grad.</summary>
    private static void Deliver(Tensor t, Tensor g, Dictionary<Node, Tensor?[]> buffers, Dictionary<Tensor, Tensor?>? capture, bool createGraph)
    {
        if (capture is not null && capture.TryGetValue(t, out var captured))
            capture[t] = captured is null ? g : captured.Add(g);

        if (t.GradFn is { } fn)
        {
            if (!buffers.TryGetValue(fn, out var buffer)) buffers[fn] = buffer = new Tensor?[fn.NumOutputs];
            buffer[t.OutputNr] = buffer[t.OutputNr] is { } existing ? existing.Add(g) : g;
        }
        else if (capture is null && t.RequiresGrad)
        {
            AccumulateIntoLeaf(t, g, createGraph);
        }
    }

    private static void AccumulateIntoLeaf(Tensor leaf, Tensor g, bool createGraph)
    {
        if (leaf.Grad is null)
        {
            // Copy so the stored gradient never aliases a tensor the graph or the caller still uses.
            leaf.Grad = createGraph ? g : StridedCopy.Copy(g);
        }
        else if (createGraph || leaf.Grad.RequiresGrad)
        {
            leaf.Grad = leaf.Grad.Add(g);
        }
        else
        {
            using var _ = GradMode.NoGrad();
            leaf.Grad.Add_(g);
        }
    }
}
