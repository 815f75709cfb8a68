namespace QCircuitDsl.Runtime.Data;

/// <summary>
/// Token ↔ id mapping with four special tokens at fixed ids: <c>&lt;pad&gt;</c> = 0 (so zero-filled buffers are
/// padding), <c>&lt;unk&gt;</c> = 1, <c>&lt;bos&gt;</c> = 2, <c>&lt;eos&gt;</c> = 3. Ordinary tokens follow in a
/// deterministic order: frequency descending, ties broken by ordinal (culture-independent) string order, so
/// the same corpus always yields the same ids on every machine.
/// </summary>
public sealed class Vocabulary
{
    public const string PadToken = "<pad>";
    public const string UnknownToken = "<unk>";
    public const string BeginToken = "<bos>";
    public const string EndToken = "<eos>";
    public const int PadId = 0;
    public const int UnknownId = 1;
    public const int BeginId = 2;
    public const int EndId = 3;

    /// <summary>The special tokens in id order.</summary>
    public static IReadOnlyList<string> SpecialTokens { get; } = [PadToken, UnknownToken, BeginToken, EndToken];

    private readonly List<string> _tokens;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(List<string> tokens)
    {
        _tokens = tokens;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!_ids.TryAdd(tokens[i], i))
                throw new ArgumentException($"token '{tokens[i]}' appears twice (ids {_ids[tokens[i]]} and {i})");
        }
    }

    /// <summary>
    /// Builds a vocabulary from a token stream. Tokens seen fewer than <paramref name="minFrequency"/> times are left
    /// out (they will map to &lt;unk&gt;). <paramref name="maxSize"/>, when given, caps the total size including the four
    /// specials (so it equals the embedding/output size); the most frequent tokens win. Occurrences of the special
    /// strings themselves (PTB writes &lt;unk&gt; in its text) are not counted as ordinary tokens.
    /// </summary>
    public static Vocabulary Build(IEnumerable<string> tokens, int minFrequency = 1, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFrequency, 1);
        if (maxSize is int cap)
            ArgumentOutOfRangeException.ThrowIfLessThan(cap, SpecialTokens.Count, nameof(maxSize));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            if (IsSpecial(token))
                continue;
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var ordered = counts
            .Where(kv => kv.Value >= minFrequency)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key);
        if (maxSize is int limit)
            ordered = ordered.Take(limit - SpecialTokens.Count);

        var list = new List<string>(SpecialTokens);
        list.AddRange(ordered);
        return new Vocabulary(list);
    }

    /// <summary>Builds from tokenised documents (convenience over <see cref="Build(IEnumerable{string}, int, int?)"/>).</summary>
    public static Vocabulary Build(IEnumerable<IEnumerable<string>> documents, int minFrequency = 1, int? maxSize = null) =>
        Build(documents.SelectMany(d => d), minFrequency, maxSize);

    /// <summary>Restores a vocabulary from its tokens in id order (as written by <see cref="Save"/>); the first four must be the specials.</summary>
    public static Vocabulary FromTokens(IEnumerable<string> tokensInIdOrder)
    {
        var list = tokensInIdOrder.ToList();
        for (int i = 0; i < SpecialTokens.Count; i++)
        {
            if (i >= list.Count || list[i] != SpecialTokens[i])
                throw new ArgumentException($"id {i} must be {SpecialTokens[i]} but is {(i < list.Count ? list[i] : "missing")}");
        }
        return new Vocabulary(list);
    }

    /// <summary>One token per line in id order, UTF-8; written atomically.</summary>
    public void Save(string path) =>
        Serialization.AtomicFile.WriteAllText(path, string.Join('\n', _tokens) + "\n");

    public static Vocabulary Load(string path)
    {
        var lines = File.ReadAllLines(path);
        try
        {
            return FromTokens(lines);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException(path, $"not a vocabulary file: {e.Message}", e);
        }
    }

    public int Count => _tokens.Count;

    /// <summary>Tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/> if it is not in the vocabulary.</summary>
    public int GetId(string token) => _ids.TryGetValue(token, out int id) ? id : UnknownId;

    public string GetToken(int id) =>
        (uint)id < (uint)_tokens.Count ? _tokens[id] : throw new ArgumentOutOfRangeException(nameof(id), id, $"vocabulary has {Count} tokens");

    /// <summary>Ids of <paramref name="tokens"/>, optionally wrapped in &lt;bos&gt; … &lt;eos&gt;.</summary>
    public int[] Encode(IEnumerable<string> tokens, bool addBegin = false, bool addEnd = false)
    {
        var ids = new List<int>();
        if (addBegin)
            ids.Add(BeginId);
        foreach (string t in tokens)
            ids.Add(GetId(t));
        if (addEnd)
            ids.Add(EndId);
        return ids.ToArray();
    }

    public string[] Decode(ReadOnlySpan<int> ids)
    {
        var tokens = new string[ids.Length];
        for (int i = 0; i < ids.Length; i++)
            tokens[i] = GetToken(ids[i]);
        return tokens;
    }

    private static bool IsSpecial(string token) =>
        token is PadToken or UnknownToken or BeginToken or EndToken;
}
