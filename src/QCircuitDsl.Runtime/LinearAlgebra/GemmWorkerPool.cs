using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace QCircuitDsl.Runtime.LinearAlgebra;

/// <summary>
/// A few dedicated threads that run the parts of one GEMM call. Waking a thread-pool or blocked thread
/// costs several microseconds, as much as a whole 200×58·58×64 product, so after a job the workers spin
/// briefly (<see cref="SpinMicroseconds"/>) where the next call hands over work in well under a
/// microsecond, and only then block. Used by one caller at a time; a concurrent caller falls back to
/// Parallel.For.
/// </summary>
internal sealed class GemmWorkerPool
{
    /// <summary>How long an idle worker polls for the next job before blocking: models call GEMM back to back.</summary>
    public const int SpinMicroseconds = 100;

    private static readonly Lazy<GemmWorkerPool> s_shared = new(() => new GemmWorkerPool(Environment.ProcessorCount - 1));

    private readonly object _gate = new();
    private readonly object _sleep = new();
    private readonly long _spinTicks = Stopwatch.Frequency * SpinMicroseconds / 1_000_000;
    private readonly int _workers;
    private long _generation;
    private int _parts;
    private int _pending;
    private Action<int>? _body;
    private Exception? _failure;

    private GemmWorkerPool(int workers)
    {
        _workers = workers;
        for (int w = 0; w < workers; w++)
        {
            int part = w + 1;
            new Thread(() => WorkerLoop(part)) { IsBackground = true, Name = $"QCircuitDsl GEMM worker {part}" }.Start();
        }
    }

    public static GemmWorkerPool Shared => s_shared.Value;

    /// <summary>Runs body(0 .. parts-1), part 0 on the calling thread; returns when all are done.</summary>
    public void Run(int parts, Action<int> body)
    {
        if (!TryRun(parts, body))
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, body);
        }
    }

    /// <summary>
    /// Like <see cref="Run"/>, but only if every part gets its own thread at once (parts may wait for each
    /// other); returns false without running anything when there are too few workers or they are busy.
    /// </summary>
    public bool TryRun(int parts, Action<int> body)
    {
        if (parts - 1 > _workers || !Monitor.TryEnter(_gate)) return false;
        try
        {
            _body = body;
            _parts = parts;
            _failure = null;
            Volatile.Write(ref _pending, parts - 1);
            Interlocked.Increment(ref _generation);
            lock (_sleep) Monitor.PulseAll(_sleep);

            Exception? own = null;
            try { body(0); }
            catch (Exception e) { own = e; }

            // Always wait for the workers, even after a failure: they still read this job's state.
            var spin = new SpinWait();
            while (Volatile.Read(ref _pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
            _body = null;
            // A worker's own failure explains a cancellation that it caused here.
            var failure = own is null or OperationCanceledException ? _failure ?? own : own;
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
            return true;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void WorkerLoop(int part)
    {
        long seen = 0;
        while (true)
        {
            seen = WaitForJob(seen);
            // Workers beyond this job's part count sit it out but still acknowledge it.
            if (part < _parts)
            {
                try { _body!(part); }
                catch (Exception e) { Interlocked.CompareExchange(ref _failure, e, null); }
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private long WaitForJob(long seen)
    {
        long deadline = Stopwatch.GetTimestamp() + _spinTicks;
        while (Volatile.Read(ref _generation) == seen)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                // Run increments _generation before pulsing under the same lock: no wake-up is lost.
                lock (_sleep)
                {
                    while (Volatile.Read(ref _generation) == seen) Monitor.Wait(_sleep);
                }
                break;
            }
            Thread.SpinWait(20);
        }
        return Volatile.Read(ref _generation);
    }
}
