namespace QCircuitDsl.Runtime.Tensors;

public enum DeviceType
{
    CPU,
}

/// <summary>Where a tensor's storage lives. Only the CPU exists today; the type is part of the API so that code written
/// against it (tensor.Device, module.To(device)) keeps working when another backend is added.</summary>
public readonly record struct Device(DeviceType Type, int Index = 0)
{
    public static readonly Device CPU = new(DeviceType.CPU);

    /// <summary>Parses "cpu" (PyTorch spelling). Anything else is rejected with the list of available devices.</summary>
    public static Device Parse(string name)
    {
        if (string.Equals(name, "cpu", StringComparison.OrdinalIgnoreCase)) return CPU;
        throw new NotSupportedException($"Device '{name}' is not available; available devices: cpu.");
    }

    public override string ToString() => Type == DeviceType.CPU ? "cpu" : $"{Type.ToString().ToLowerInvariant()}:{Index}";
}
