namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// A compile-time row count for micro-kernels. Kernels test <c>TR.Rows &gt; i</c> for each row; since the
/// JIT specialises generics over structs, those tests fold away and a ragged last sliver (say 4 of 12
/// rows) runs a kernel that does only its own FMAs instead of a padded full-height one.
/// </summary>
internal interface IRowCount
{
    static abstract int Rows { get; }
}

internal struct Rows1 : IRowCount { public static int Rows => 1; }
internal struct Rows2 : IRowCount { public static int Rows => 2; }
internal struct Rows3 : IRowCount { public static int Rows => 3; }
internal struct Rows4 : IRowCount { public static int Rows => 4; }
internal struct Rows5 : IRowCount { public static int Rows => 5; }
internal struct Rows6 : IRowCount { public static int Rows => 6; }
internal struct Rows7 : IRowCount { public static int Rows => 7; }
internal struct Rows8 : IRowCount { public static int Rows => 8; }
internal struct Rows9 : IRowCount { public static int Rows => 9; }
internal struct Rows10 : IRowCount { public static int Rows => 10; }
internal struct Rows11 : IRowCount { public static int Rows => 11; }
internal struct Rows12 : IRowCount { public static int Rows => 12; }
