using System.Collections.Generic;
using System.Linq;

namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>A named real parameter array: its shape, and where its elements start in the flat vector.</summary>
    public sealed class IrParameterArray
    {
        public IrParameterArray(string name, IReadOnlyList<int> shape, int offset)
        {
            Name = name;
            Shape = shape.ToArray();
            Offset = offset;
        }

        public string Name { get; }
        public IReadOnlyList<int> Shape { get; }
        public int Offset { get; }
        public int Size => Shape.Aggregate(1, (a, b) => a * b);

        /// <summary>Name of flat element <paramref name="flatIndex"/> (absolute), e.g. <c>theta[0][3]</c>.</summary>
        public string ElementName(int flatIndex)
        {
            int rel = flatIndex - Offset;
            var idx = new int[Shape.Count];
            for (int d = Shape.Count - 1; d >= 0; d--)
            {
                idx[d] = rel % Shape[d];
                rel /= Shape[d];
            }

            return Name + string.Concat(idx.Select(i => "[" + i + "]"));
        }
    }

    /// <summary>An amplitude-encoded input vector: normalized and zero-padded to 2^n amplitudes.</summary>
    public sealed class IrAmplitudeInput
    {
        public IrAmplitudeInput(string name, int length)
        {
            Name = name;
            Length = length;
        }

        public string Name { get; }
        public int Length { get; }
    }

    /// <summary>
    /// A circuit instantiated at concrete integer arguments: flat, fully unrolled, with calls inlined.
    /// Qubit 0 is the most significant bit of a basis index (PennyLane's convention).
    /// </summary>
    public sealed class IrCircuit
    {
        public IrCircuit(
            string name,
            IReadOnlyList<KeyValuePair<string, long>> arguments,
            int qubitCount,
            IReadOnlyList<IrParameterArray> parameterArrays,
            IrAmplitudeInput? input,
            IReadOnlyList<IrGate> gates,
            IReadOnlyList<IrReadout> readouts)
        {
            Name = name;
            Arguments = arguments.ToArray();
            QubitCount = qubitCount;
            ParameterArrays = parameterArrays.ToArray();
            Input = input;
            Gates = gates.ToArray();
            Readouts = readouts.ToArray();
        }

        public string Name { get; }
        public IReadOnlyList<KeyValuePair<string, long>> Arguments { get; }
        public int QubitCount { get; }
        public IReadOnlyList<IrParameterArray> ParameterArrays { get; }
        public int ParameterCount => ParameterArrays.Sum(a => a.Size);
        public IrAmplitudeInput? Input { get; }
        public IReadOnlyList<IrGate> Gates { get; }
        public IReadOnlyList<IrReadout> Readouts { get; }
        public int ReadoutLength => Readouts.Sum(r => r.Length(QubitCount));

        public IrCircuit WithGates(IReadOnlyList<IrGate> gates) =>
            new IrCircuit(Name, Arguments, QubitCount, ParameterArrays, Input, gates, Readouts);

        /// <summary>Name of flat parameter element <paramref name="index"/>, e.g. <c>theta[1][2]</c>.</summary>
        public string ParameterName(int index)
        {
            foreach (var a in ParameterArrays)
            {
                if (index >= a.Offset && index < a.Offset + a.Size)
                {
                    return a.ElementName(index);
                }
            }

            return "p[" + index + "]";
        }
    }
}
