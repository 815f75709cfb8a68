namespace QCircuitDsl.Compiler.Ir
{
    /// <summary>Static facts about each <see cref="GateKind"/> that passes and emitters rely on.</summary>
    public static class GateFacts
    {
        /// <summary>Number of target qubits of the base gate (controls come on top).</summary>
        public static int TargetCount(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.Swap:
                case GateKind.ISwap:
                case GateKind.RXX:
                case GateKind.RYY:
                case GateKind.RZZ:
                    return 2;
                default:
                    return 1;
            }
        }

        /// <summary>Number of real angles the gate takes.</summary>
        public static int AngleCount(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.RX:
                case GateKind.RY:
                case GateKind.RZ:
                case GateKind.P:
                case GateKind.RXX:
                case GateKind.RYY:
                case GateKind.RZZ:
                    return 1;
                case GateKind.U3:
                case GateKind.Rot:
                    return 3;
                default:
                    return 0;
            }
        }

        /// <summary>True when the matrix is diagonal in the computational basis.</summary>
        public static bool IsDiagonal(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.I:
                case GateKind.Z:
                case GateKind.S:
                case GateKind.Sdg:
                case GateKind.T:
                case GateKind.Tdg:
                case GateKind.RZ:
                case GateKind.P:
                case GateKind.RZZ:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True when every matrix entry is real for every angle.</summary>
        public static bool IsReal(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.I:
                case GateKind.X:
                case GateKind.Z:
                case GateKind.H:
                case GateKind.RY:
                case GateKind.Swap:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True when the gate permutes basis states without phases.</summary>
        public static bool IsPermutation(GateKind kind) =>
            kind == GateKind.I || kind == GateKind.X || kind == GateKind.Swap;

        /// <summary>True when the gate is its own inverse (for every angle: only angle-free gates).</summary>
        public static bool IsSelfInverse(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.I:
                case GateKind.X:
                case GateKind.Y:
                case GateKind.Z:
                case GateKind.H:
                case GateKind.Swap:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Rotations of the form exp(−iθG/2) (or the phase gate), whose angles add when two of them
        /// on the same qubits and controls follow each other.
        /// </summary>
        public static bool IsAdditiveRotation(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.RX:
                case GateKind.RY:
                case GateKind.RZ:
                case GateKind.P:
                case GateKind.RXX:
                case GateKind.RYY:
                case GateKind.RZZ:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>The lower-case name used in <c>.qc</c> source and in OpenQASM 3.</summary>
        public static string SourceName(GateKind kind)
        {
            switch (kind)
            {
                case GateKind.Sdg: return "sdg";
                case GateKind.Tdg: return "tdg";
                case GateKind.SX: return "sx";
                case GateKind.ISwap: return "iswap";
                default: return kind.ToString().ToLowerInvariant();
            }
        }
    }
}
