using System.Text;
using DonationRegistry.Hla.Hml;
using Xunit;

namespace DonationRegistry.Hla.Tests.Hml;

/// <summary>
/// Randomly damaged documents: the reader either reads them or refuses them with <see cref="HlaTypingException"/> — never another
/// exception (which the service would turn into an internal error instead of INVALID_ARGUMENT).
/// </summary>
public sealed class HmlReaderFuzzTests
{
    private const string Alphabet = "<>/=\"'&;:*+^|~- \nAaBDR0129xX!?";

    private static readonly string[] Seeds =
    [
        HmlText.Document(HmlText.Sample("S1", "HLA-A*02:07+HLA-A*11:01^HLA-B*46:01+HLA-B*40:01", "DRB1*09:01/DRB1*09:02+DR15")),
        HmlText.Document("""
            <sample id="S2">
              <typing gene-family="HLA" date="2020-01-02">
                <allele-assignment date="2020-01-03">
                  <haploid locus="HLA-B" method="SER" type="46" /><haploid locus="HLA-B" method="DNA" type="40:01" />
                  <genotype-list><diploid-combination>
                    <locus-block><allele-list><allele>HLA-A*01:01</allele><allele present="N">HLA-A*01:04N</allele></allele-list></locus-block>
                    <locus-block><allele-list><allele>HLA-A*02:01</allele></allele-list></locus-block>
                  </diploid-combination></genotype-list>
                </allele-assignment>
                <typing-method><ssp scores="1" /><sbt-ngs locus="HLA-B" /></typing-method>
              </typing>
            </sample>
            """),
    ];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public void Read_WhenDocumentRandomlyDamaged_ReadsOrThrowsHlaTypingExceptionOnly(int seed, int mutations)
    {
        var random = new Random(seed);
        var read = 0;
        var refused = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var text = new StringBuilder(Seeds[i % Seeds.Length]);
            for (var m = 0; m < mutations; m++) Mutate(text, random);
            var xml = text.ToString();
            try
            {
                HmlText.Read(xml);
                read++;
            }
            catch (HlaTypingException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Reason), xml);
                refused++;
            }
            catch (Exception other)
            {
                Assert.Fail($"{other.GetType().Name}: {other.Message}\n{xml}");
            }
        }

        // Both outcomes happen, so the damage is neither always harmless nor always fatal.
        Assert.True(read > 0 && refused > 0, $"read {read}, refused {refused}");
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var at = random.Next(text.Length);
        switch (random.Next(4))
        {
            case 0:
                text.Remove(at, Math.Min(1 + random.Next(3), text.Length - at));
                break;
            case 1:
                text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                break;
            case 2:
                text[at] = Alphabet[random.Next(Alphabet.Length)];
                break;
            default:
                var length = Math.Min(1 + random.Next(40), text.Length - at);
                text.Insert(random.Next(text.Length), text.ToString(at, length));
                break;
        }
    }
}
