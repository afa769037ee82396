using Xunit;
using DonationRegistry.Hla.Release;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>
/// Loading a release folder: the real 3.58.0 and 3.44.0 folders, and a tiny made-up release "9.99.0" (invented gene A*99
/// alleles written by the test, not IMGT data) that shows nothing about a release is hard-coded.
/// </summary>
public sealed class ImgtReleaseLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("imgt-made-up-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("3.58.0", 41_433, 31)]
    [InlineData("3.44.0", 30_523, 31)]
    public void Load_WhenRealRelease_ReadsVersionAllelesAndSerologyRelations(string version, int alleles, int relations)
    {
        var release = ImgtReleaseLoader.Load(ImgtData.Folder(version));
        Assert.Equal(version, release.Version);
        Assert.Equal(alleles, release.Alleles.Length);
        Assert.Equal(relations, release.SerologyRelations.Length);
    }

    [Fact]
    public void Load_When3580_ReadsTheOptionalFiles()
    {
        var release = ImgtReleaseLoader.Load(ImgtData.Folder("3.58.0"));
        Assert.True(release.HasAlleleStatus);
        Assert.Equal("C*01:02:01", release.Pre2010Names["Cw*010201"]);        // Nomenclature_2009.txt:2648
        Assert.Null(release.Pre2010Names["A*0105N"]);                          // Nomenclature_2009.txt:21 "None"
        Assert.Equal("A*01:01:38L", release.DeletedAlleles["A*01:34N"].Replacement); // Deleted_alleles.txt:10
        Assert.Equal("3", release.TceAssignments["DPB1*04:01:01:01"].Version2);  // dpb_tce.csv:318
        Assert.Equal("Cw1", release.DeletedAntigens["Cw11"]);                 // hla_nom.txt: Cw;11;…;1;Sequence error
    }

    [Fact]
    public void Load_WhenMadeUpRelease_BuildsANomenclatureFromItsFilesOnly()
    {
        WriteMadeUpRelease("9.99.0");
        var nomenclature = new HlaNomenclature(ImgtReleaseLoader.Load(_folder));

        Assert.Equal("9.99.0", nomenclature.Release);
        Assert.Equal(3, nomenclature.Interpret("A*99:XX").Alleles.Length);
        Assert.Equal("A*99:01P", nomenclature.Reduce("A*99:02", ReductionTarget.P));
        Assert.Equal("A*99:01:01G", nomenclature.Reduce("A*99:01:01:02N", ReductionTarget.G));
        Assert.Equal("A99", nomenclature.Reduce("A*99:01:01:01", ReductionTarget.Serology));
        Assert.Equal("A99/null", nomenclature.Reduce("A*99:01", ReductionTarget.Serology));
        Assert.Equal(2, nomenclature.Interpret("A99").Alleles.Length);
        Assert.Equal(1, nomenclature.PGroupCount(Locus.A));
        Assert.Equal(0, nomenclature.PGroupCount(Locus.B));
        var deleted = Assert.Throws<HlaTypingException>(() => nomenclature.Interpret("A*99:03"));
        Assert.Equal("A*99:02", deleted.Replacement);
        Assert.Equal(4, nomenclature.Data.UnavailableFeatures.Length);
    }

    [Fact]
    public void Load_WhenFilesStateDifferentVersions_Refuses()
    {
        WriteMadeUpRelease("9.99.0");
        File.WriteAllText(Path.Combine(_folder, "rel_ser_ser.txt"), "# version: IPD-IMGT/HLA 9.98.0\n");
        var error = Assert.Throws<InvalidDataException>(() => ImgtReleaseLoader.Load(_folder));
        Assert.Contains("9.98.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenNoFileStatesAVersion_Refuses()
    {
        WriteMadeUpRelease(null);
        Assert.Throws<InvalidDataException>(() => ImgtReleaseLoader.Load(_folder));
    }

    [Theory]
    [InlineData("Allelelist.txt")]
    [InlineData("hla_nom.txt")]
    [InlineData("hla_nom_g.txt")]
    [InlineData("hla_nom_p.txt")]
    [InlineData("rel_dna_ser.txt")]
    [InlineData("rel_ser_ser.txt")]
    public void Load_WhenRequiredFileMissing_NamesIt(string file)
    {
        WriteMadeUpRelease("9.99.0");
        File.Delete(Path.Combine(_folder, file));
        var error = Assert.Throws<FileNotFoundException>(() => ImgtReleaseLoader.Load(_folder));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    // A made-up gene-A family 99 (no real allele is named A*99): G, P, serology, a deleted name.
    private void WriteMadeUpRelease(string? version)
    {
        var header = version is null ? "" : $"# version: IPD-IMGT/HLA {version}\n";
        Write("Allelelist.txt", header + "AlleleID,Allele\nX1,A*99:01:01:01\nX2,A*99:01:01:02N\nX3,A*99:02\n");
        Write("hla_nom.txt", header + "A;99;20990101;;;\nA*;99:01:01:01;20990101;;;\nA*;99:01:01:02N;20990101;;;\nA*;99:02;20990101;;;\n"
            + "A*;99:03;20990101;20991231;99:02;Sequence renamed\n");
        Write("hla_nom_g.txt", header + "A*;99:01:01:01/99:01:01:02N;99:01:01G\nA*;99:02;\n");
        Write("hla_nom_p.txt", header + "A*;99:01:01:01/99:02;99:01P\n");
        Write("rel_dna_ser.txt", header + "A*;99:01:01:01;99;;;\nA*;99:01:01:02N;0;;;\nA*;99:02;99;;;\n");
        Write("rel_ser_ser.txt", header);
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);
}
