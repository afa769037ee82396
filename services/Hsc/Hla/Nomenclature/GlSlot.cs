namespace DonationRegistry.Hla.Nomenclature;

/// <summary>The typings a GL String gives one gene, per chromosome, and the <c>^</c> block they came from.</summary>
internal sealed class GlSlot(string gene, Locus? locus, int block)
{
    public string Gene { get; } = gene;
    public Locus? Locus { get; } = locus;
    public int Block { get; } = block;
    public List<string> First { get; } = new(1);
    public List<string> Second { get; } = new(1);

    public void Add(int chromosome, string typing) => (chromosome == 0 ? First : Second).Add(typing);
}
