using System.Collections.Generic;
using QCircuitDsl.Compiler.Ir;

namespace QCircuitDsl.Compiler.Binding
{
    /// <summary>A standard gate as the language names it: its base kind and how many of its operands are controls.</summary>
    public sealed class GateDefinition
    {
        public GateDefinition(string name, GateKind kind, int controls)
        {
            Name = name;
            Kind = kind;
            Controls = controls;
        }

        public string Name { get; }
        public GateKind Kind { get; }
        public int Controls { get; }
        public int Angles => GateFacts.AngleCount(Kind);
        public int Qubits => Controls + GateFacts.TargetCount(Kind);
    }

    /// <summary>The standard gate library (OpenQASM 3 stdgates names, plus rot, iswap and the Ising gates).</summary>
    public static class GateTable
    {
        private static readonly Dictionary<string, GateDefinition> Gates = Build();

        public static bool TryGet(string name, out GateDefinition definition) => Gates.TryGetValue(name, out definition!);

        public static IEnumerable<string> Names => Gates.Keys;

        private static Dictionary<string, GateDefinition> Build()
        {
            var d = new Dictionary<string, GateDefinition>();
            void Add(string name, GateKind kind, int controls = 0) => d[name] = new GateDefinition(name, kind, controls);

            Add("id", GateKind.I);
            Add("x", GateKind.X);
            Add("y", GateKind.Y);
            Add("z", GateKind.Z);
            Add("h", GateKind.H);
            Add("s", GateKind.S);
            Add("sdg", GateKind.Sdg);
            Add("t", GateKind.T);
            Add("tdg", GateKind.Tdg);
            Add("sx", GateKind.SX);
            Add("rx", GateKind.RX);
            Add("ry", GateKind.RY);
            Add("rz", GateKind.RZ);
            Add("p", GateKind.P);
            Add("phase", GateKind.P);
            Add("u3", GateKind.U3);
            Add("u", GateKind.U3);
            Add("rot", GateKind.Rot);
            Add("cx", GateKind.X, 1);
            Add("cnot", GateKind.X, 1);
            Add("cy", GateKind.Y, 1);
            Add("cz", GateKind.Z, 1);
            Add("ch", GateKind.H, 1);
            Add("swap", GateKind.Swap);
            Add("iswap", GateKind.ISwap);
            Add("crx", GateKind.RX, 1);
            Add("cry", GateKind.RY, 1);
            Add("crz", GateKind.RZ, 1);
            Add("cp", GateKind.P, 1);
            Add("cphase", GateKind.P, 1);
            Add("rxx", GateKind.RXX);
            Add("ryy", GateKind.RYY);
            Add("rzz", GateKind.RZZ);
            Add("ccx", GateKind.X, 2);
            Add("toffoli", GateKind.X, 2);
            Add("cswap", GateKind.Swap, 1);
            return d;
        }
    }
}
