using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace QCircuitDsl.Generators
{
    /// <summary>
    /// An immutable array compared by its elements, so that pipeline values compare equal when their
    /// contents do and Roslyn's incremental cache can skip regeneration.
    /// </summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IEnumerable<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(IEnumerable<T> items) => _items = items.ToArray();

        public int Count => _items?.Length ?? 0;

        public bool Equals(EquatableArray<T> other)
        {
            var a = _items ?? Array.Empty<T>();
            var b = other._items ?? Array.Empty<T>();
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (!a[i].Equals(b[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> e && Equals(e);

        public override int GetHashCode()
        {
            int h = 17;
            foreach (var item in _items ?? Array.Empty<T>())
            {
                h = (h * 31) + item.GetHashCode();
            }

            return h;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
