using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

public class SmokeTests
{
    [Theory]
    [InlineData("A*01:01:01:01", TypingForm.Allele)]
    [InlineData("A*02:01", TypingForm.Allele)]
    [InlineData("A*0201", TypingForm.Pre2010Allele)]
    [InlineData("A*01:01/02", TypingForm.AlleleString)]
    [InlineData("A*01:01:01G", TypingForm.GGroup)]
    [InlineData("A*01:01P", TypingForm.PGroup)]
    [InlineData("A*01:XX", TypingForm.XxCode)]
    [InlineData("A*01:AB", TypingForm.MultipleAlleleCode)]
    [InlineData("A9", TypingForm.Serology)]
    public void Interpret_WhenWellFormed_GivesForm(string typing, TypingForm form)
    {
        var result = Nomenclatures.V3580.Interpret(Locus.A, typing);
        Assert.Equal(form, result.Form);
        Assert.NotEmpty(result.Alleles);
    }
}
