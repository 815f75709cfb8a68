using System.Numerics;

namespace QCircuitDsl.Quantum.Engine;

/// <summary>
/// One training step of a circuit with preallocated buffers, for benchmarks (<c>qcdsl bench</c>, bench project):
/// prepare states (|0…0⟩ or amplitude-encoded random inputs), Forward, Readout, ReadoutBackward with random upstream
/// weights, Backward (adjoint, uncomputing). Random angles in [−π, π), per sample unless shared.
/// </summary>
internal sealed class StepRunner<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly QuantumCircuit _circuit;
    private readonly T[] _inputs, _readouts, _upstream, _gradient;

    public StepRunner(QuantumCircuit circuit, int batch, bool shared, int seed = 1)
    {
        _circuit = circuit;
        Batch = batch;
        Layout = shared ? ParameterLayout.Shared : ParameterLayout.PerSample;
        var rng = new Random(seed);
        T Rand(double scale) => T.CreateTruncating((rng.NextDouble() * 2 - 1) * scale);
        Parameters = new T[(shared ? 1 : batch) * circuit.ParameterCount];
        for (int k = 0; k < Parameters.Length; k++) Parameters[k] = Rand(Math.PI);
        _inputs = new T[batch * circuit.InputLength];
        for (int k = 0; k < _inputs.Length; k++) _inputs[k] = Rand(1);
        _readouts = new T[batch * circuit.ReadoutLength];
        _upstream = new T[_readouts.Length];
        for (int k = 0; k < _upstream.Length; k++) _upstream[k] = Rand(1);
        _gradient = new T[Parameters.Length];
        States = circuit.CreateStates<T>(batch);
        Adjoint = circuit.CreateStates<T>(batch);
    }

    public int Batch { get; }
    public ParameterLayout Layout { get; }
    public T[] Parameters { get; }
    public StateBatch<T> States { get; }
    public StateBatch<T> Adjoint { get; }

    /// <summary>Bytes of one state batch (re + im); a step holds two (states and adjoints).</summary>
    public long StateBatchBytes => 2L * Batch * _circuit.Dimension * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();

    public void Step()
    {
        if (_circuit.InputLength > 0) _circuit.EncodeInputs<T>(States, _inputs);
        else States.SetBasisState(0);
        _circuit.Forward<T>(States, Parameters, Layout);
        _circuit.Readout<T>(States, _readouts);
        _circuit.ReadoutBackward<T>(States, _upstream, Adjoint);
        _circuit.Backward<T>(States, Adjoint, Parameters, Layout, _gradient);
    }
}
