namespace DonationRegistry.SyntheticDonors;

/// <summary>Draws an index with probability proportional to its weight (cumulative sums, binary search).</summary>
internal sealed class WeightedTable
{
    private readonly double[] _cumulative;

    public WeightedTable(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("No weights.", nameof(weights));
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0 || double.IsNaN(weights[i])) throw new ArgumentException("Weights must be non-negative.", nameof(weights));
            sum += weights[i];
            _cumulative[i] = sum;
        }
        if (sum <= 0) throw new ArgumentException("The weights sum to zero.", nameof(weights));
        for (var i = 0; i < _cumulative.Length; i++) _cumulative[i] /= sum;
        _cumulative[^1] = 1.0;
    }

    public int Count => _cumulative.Length;

    public int Draw(ref RandomSource random)
    {
        var u = random.NextDouble();
        var index = Array.BinarySearch(_cumulative, u);
        // Not found: ~index is the first cumulative above u. Found exactly: u sits on a boundary and belongs to the next one.
        index = index < 0 ? ~index : index + 1;
        // Skip zero-weight entries that share the boundary.
        while (index < _cumulative.Length - 1 && _cumulative[index] <= u) index++;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
