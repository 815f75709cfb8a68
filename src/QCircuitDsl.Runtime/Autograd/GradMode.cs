namespace QCircuitDsl.Runtime.Autograd;

/// <summary>
/// Thread-local switch for graph recording, like torch.is_grad_enabled(). Thread-local (as in PyTorch) so one thread's
/// no-grad evaluation never silently disables recording in a training thread.
/// </summary>
public static class GradMode
{
    [ThreadStatic] private static bool _disabled;

    public static bool IsEnabled => !_disabled;

    /// <summary>Disables recording until the returned scope is disposed (torch.no_grad()).</summary>
    public static IDisposable NoGrad() => Set(false);

    /// <summary>Enables recording until the returned scope is disposed (torch.enable_grad()).</summary>
    public static IDisposable EnableGrad() => Set(true);

    /// <summary>Sets the mode until the returned scope is disposed (torch.set_grad_enabled(mode)).</summary>
    public static IDisposable Set(bool enabled)
    {
        var scope = new Scope(!_disabled);
        _disabled = !enabled;
        return scope;
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _disabled = !previous;
        }
    }
}
