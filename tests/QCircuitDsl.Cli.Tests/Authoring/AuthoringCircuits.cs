namespace QCircuitDsl.Cli.Tests.Authoring;

/// <summary>Small .qc sources written for the draw and analyze tests.</summary>
internal static class AuthoringCircuits
{
    /// <summary>Every modifier form and mark: ctrl @, ctrl(2) @, inv @ on fixed and angle gates, cswap, cz, rzz, iswap.</summary>
    public const string Modifiers = """
        circuit modifiers() {
            qubit[4] q;
            param a[2];

            h q[0];
            ctrl @ ry(a[0]) q[0], q[2];
            ctrl(2) @ x q[0], q[1], q[3];
            inv @ s q[1];
            inv @ sx q[2];
            inv @ rx(2 * a[1] + pi / 4) q[3];
            cswap q[0], q[1], q[2];
            cz q[3], q[1];
            rzz(a[0] - a[1]) q[0], q[3];
            iswap q[1], q[2];
            ctrl @ inv @ t q[3], q[0];
            swap q[0], q[1];

            readout probs q;
        }
        """;

    /// <summary>A control two wires from its target: the vertical line blocks the wire it crosses.</summary>
    public const string Crossing = """
        circuit crossing() {
            qubit[3] q;
            h q[0];
            h q[2];
            cx q[0], q[2];
            h q[1];
            x q[0];
            readout probs q;
        }
        """;

    /// <summary>
    /// Many layers of random Rot and a CNOT ring with changing range: close enough to a Haar-random state
    /// (a 2-design) that Expr drops to the estimator's floor and Ent approaches the Haar mean 14/17 at n = 4.
    /// </summary>
    public const string HaarLike = """
        circuit haar_like(int n = 4, int layers = 12) {
            qubit[n] q;
            param w[layers][n][3];
            for int l in [0 : layers - 1] {
                for int i in [0 : n - 1] rot(w[l][i][0], w[l][i][1], w[l][i][2]) q[i];
                let r = l % (n - 1) + 1;
                for int i in [0 : n - 1] cnot q[i], q[(i + r) % n];
            }
            readout probs q;
        }
        """;

    /// <summary>A GHZ preparation and a product state, both without parameters.</summary>
    public const string Fixed = """
        circuit ghz(int n = 4) {
            qubit[n] q;
            h q[0];
            for int i in [1 : n - 1] cx q[i - 1], q[i];
            readout probs q;
        }
        circuit product(int n = 4) {
            qubit[n] q;
            h q;
            readout probs q;
        }
        """;
}
