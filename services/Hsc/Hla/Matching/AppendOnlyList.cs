namespace DonationRegistry.Hla.Matching;

/// <summary>
/// A list that only grows, written under the owner's lock and read without locks: the item is stored before the count is
/// published, and a grown array is published before the count that needs it, so a reader that reads <see cref="Count"/> first
/// and then <see cref="Items"/> sees every item below that count.
/// </summary>
internal sealed class AppendOnlyList<T>
{
    private T[] _items = new T[16];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public T[] Items => Volatile.Read(ref _items);

    /// <summary>Appends under the caller's lock and returns the new item's index.</summary>
    public int Add(T item)
    {
        var index = _count;
        var items = _items;
        if (index == items.Length)
        {
            var grown = new T[items.Length * 2];
            Array.Copy(items, grown, index);
            grown[index] = item;
            Volatile.Write(ref _items, grown);
        }
        else
        {
            items[index] = item;
        }
        Volatile.Write(ref _count, index + 1);
        return index;
    }
}
