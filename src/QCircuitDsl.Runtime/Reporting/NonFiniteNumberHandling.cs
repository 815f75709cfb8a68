namespace QCircuitDsl.Runtime.Reporting;

/// <summary>
/// How <see cref="JsonLinesMetricsWriter"/> writes NaN and ±Infinity, which JSON has no literal for.
/// A diverging loss is exactly when you most want the log line, so it must never make the writer throw.
/// </summary>
public enum NonFiniteNumberHandling
{
    /// <summary>Write the strings "NaN", "Infinity", "-Infinity" (what .NET's AllowNamedFloatingPointLiterals and
    /// pandas' <c>read_json</c> understand); keeps the information. The default.</summary>
    String,

    /// <summary>Write <c>null</c>; for consumers that require every metric to be a number or missing.</summary>
    Null,
}
