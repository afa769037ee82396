using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>
/// Reductions of single alleles of release 3.58.0, each expected value read off the IMGT file and line cited beside it
/// (line numbers count every line of the file, headers included). The alleles cover the six matching loci and other genes,
/// alleles in and out of G and P groups, null alleles in and out of G groups, and the suffixes L, S and Q.
/// </summary>
public class ReductionTests
{
    // the G group of hla_nom_g.txt, else the three-field name (line cited: the group line or the allele's single line)
    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01:01G")] // hla_nom_g.txt:7 group
    [InlineData("A*01:01:01:02N", "A*01:01:01G")] // hla_nom_g.txt:7 group
    [InlineData("A*01:11N", "A*01:11N")] // hla_nom_g.txt:149 single
    [InlineData("A*02:01:01:01", "A*02:01:01G")] // hla_nom_g.txt:520 group
    [InlineData("A*24:02:01:02L", "A*24:02:01G")] // hla_nom_g.txt:2938 group
    [InlineData("B*44:02:01:02S", "B*44:02:01G")] // hla_nom_g.txt:10312 group
    [InlineData("C*04:09N", "C*04:01:01G")] // hla_nom_g.txt:14089 group
    [InlineData("A*24:03:01:01", "A*24:03:01G")] // hla_nom_g.txt:3061 group
    [InlineData("B*51:02:01:01", "B*51:02:01G")] // hla_nom_g.txt:11407 group
    [InlineData("B*40:05:01:01", "B*40:05:01G")] // hla_nom_g.txt:9626 group
    [InlineData("A*66:01:01:01", "A*66:01:01G")] // hla_nom_g.txt:5205 group
    [InlineData("B*15:01:01:01", "B*15:01:01G")] // hla_nom_g.txt:6979 group
    [InlineData("DRB1*14:03:01", "DRB1*14:03:01G")] // hla_nom_g.txt:20645 group
    [InlineData("DRB1*03:01:01:01", "DRB1*03:01:01G")] // hla_nom_g.txt:18721 group
    [InlineData("DRB4*01:01:01:01", "DRB4*01:01:01G")] // hla_nom_g.txt:21601 group
    [InlineData("DQB1*03:01:01:01", "DQB1*03:01:01G")] // hla_nom_g.txt:23146 group
    [InlineData("C*03:04:01:01", "C*03:04:01G")] // hla_nom_g.txt:13420 group
    [InlineData("A*01:248Q", "A*01:01:01G")] // hla_nom_g.txt:7 group
    [InlineData("DRB5*01:01:01:01", "DRB5*01:01:01G")] // hla_nom_g.txt:21773 group
    [InlineData("DRB3*02:02:01:01", "DRB3*02:02:01G")] // hla_nom_g.txt:21373 group
    [InlineData("B*07:02:01:01", "B*07:02:01G")] // hla_nom_g.txt:5697 group
    [InlineData("A*23:01:01:01", "A*23:01:01G")] // hla_nom_g.txt:2791 group
    [InlineData("B*27:08", "B*27:08")] // hla_nom_g.txt:8075 single
    [InlineData("A*02:03:01:01", "A*02:03:01G")] // hla_nom_g.txt:676 group
    [InlineData("A*03:01:01:15", "A*03:01:01G")] // hla_nom_g.txt:1754 group
    [InlineData("A*11:404", "A*11:404")] // hla_nom_g.txt:2740 single
    [InlineData("A*02:250N", "A*02:250N")] // hla_nom_g.txt:1016 single
    [InlineData("A*33:74N", "A*33:03:01G")] // hla_nom_g.txt:4887 group
    [InlineData("A*11:235Q", "A*11:235Q")] // hla_nom_g.txt:2609 single
    [InlineData("A*30:08:01", "A*30:08:01")] // hla_nom_g.txt:4254 single
    [InlineData("A*02:03:09", "A*02:03:09")] // hla_nom_g.txt:683 single
    [InlineData("B*08:01:01:40", "B*08:01:01G")] // hla_nom_g.txt:6255 group
    [InlineData("B*08:01:26", "B*08:01:26")] // hla_nom_g.txt:6278 single
    [InlineData("B*07:285N", "B*07:285N")] // hla_nom_g.txt:6088 single
    [InlineData("B*40:545N", "B*40:02:01G")] // hla_nom_g.txt:9590 group
    [InlineData("B*38:173Q", "B*38:173Q")] // hla_nom_g.txt:9285 single
    [InlineData("B*08:04:01", "B*08:04:01")] // hla_nom_g.txt:6314 single
    [InlineData("B*15:16:03", "B*15:16:03")] // hla_nom_g.txt:7110 single
    [InlineData("C*07:02:01:79", "C*07:02:01G")] // hla_nom_g.txt:15505 group
    [InlineData("C*15:02:25", "C*15:02:25")] // hla_nom_g.txt:17613 single
    [InlineData("C*07:476N", "C*07:476N")] // hla_nom_g.txt:16158 single
    [InlineData("C*06:211:01:01N", "C*06:02:01G")] // hla_nom_g.txt:14988 group
    [InlineData("C*14:158Q", "C*14:02:01G")] // hla_nom_g.txt:17416 group
    [InlineData("C*03:558", "C*03:04:01G")] // hla_nom_g.txt:13420 group
    [InlineData("C*03:03:04", "C*03:03:04")] // hla_nom_g.txt:13366 single
    [InlineData("DRB1*07:01:01:02", "DRB1*07:01:01G")] // hla_nom_g.txt:19375 group
    [InlineData("DRB1*07:88", "DRB1*07:88")] // hla_nom_g.txt:19482 single
    [InlineData("DRB1*01:52N", "DRB1*01:52N")] // hla_nom_g.txt:18654 single
    [InlineData("DRB1*15:200:01:01N", "DRB1*15:200:01G")] // hla_nom_g.txt:21155 group
    [InlineData("DRB1*13:278Q", "DRB1*13:278Q")] // hla_nom_g.txt:20575 single
    [InlineData("DRB1*09:48", "DRB1*09:01:02G")] // hla_nom_g.txt:19662 group
    [InlineData("DRB1*04:07:02", "DRB1*04:07:02")] // hla_nom_g.txt:19038 single
    [InlineData("DQB1*06:02:01:03", "DQB1*06:02:01G")] // hla_nom_g.txt:22513 group
    [InlineData("DQB1*06:361", "DQB1*06:361")] // hla_nom_g.txt:22891 single
    [InlineData("DQB1*02:134N", "DQB1*02:134N")] // hla_nom_g.txt:23104 single
    [InlineData("DQB1*03:403N", "DQB1*03:02:01G")] // hla_nom_g.txt:23180 group
    [InlineData("DQB1*02:53Q", "DQB1*02:53Q")] // hla_nom_g.txt:23055 single
    [InlineData("DQB1*05:226", "DQB1*05:01:01G")] // hla_nom_g.txt:22216 group
    [InlineData("DQB1*04:03:01", "DQB1*04:03:01")] // hla_nom_g.txt:23606 single
    [InlineData("DPB1*105:01:01:04", "DPB1*04:02:01G")] // hla_nom_g.txt:24053 group
    [InlineData("DPB1*620:01", "DPB1*620:01")] // hla_nom_g.txt:24720 single
    [InlineData("DPB1*1612:01N", "DPB1*1612:01N")] // hla_nom_g.txt:25200 single
    [InlineData("DPB1*1202:01N", "DPB1*03:01:01G")] // hla_nom_g.txt:23983 group
    [InlineData("DPB1*1317:01Q", "DPB1*04:01:01G")] // hla_nom_g.txt:24001 group
    [InlineData("DPB1*02:01:57", "DPB1*02:01:57")] // hla_nom_g.txt:23975 single
    [InlineData("DRB3*01:114", "DRB3*01:01:02G")] // hla_nom_g.txt:21267 group
    [InlineData("DRB3*02:109N", "DRB3*02:109N")] // hla_nom_g.txt:21488 single
    [InlineData("DRB4*01:05", "DRB4*01:05")] // hla_nom_g.txt:21637 single
    [InlineData("DRB5*01:02:04", "DRB5*01:02:01G")] // hla_nom_g.txt:21783 group
    [InlineData("DQA1*04:06", "DQA1*04:06")] // hla_nom_g.txt:22136 single
    [InlineData("DQA1*03:34N", "DQA1*03:34N")] // hla_nom_g.txt:22108 single
    [InlineData("DPA1*01:03:01:08", "DPA1*01:03:01G")] // hla_nom_g.txt:23664 group
    [InlineData("E*01:03:02:26", "E*01:03:02G")] // hla_nom_g.txt:18293 group
    [InlineData("G*01:34", "G*01:34")] // hla_nom_g.txt:18530 single
    [InlineData("MICA*072:01:01", "MICA*072:01:01")] // no G data for the gene
    [InlineData("MICA*293N", "MICA*293N")] // no G data for the gene
    [InlineData("MICB*005:02:08", "MICB*005:02:08")] // no G data for the gene
    [InlineData("TAP1*02:01:02", "TAP1*02:01:02")] // no G data for the gene
    [InlineData("DRB7*01:01:02", "DRB7*01:01:02")] // no G data for the gene
    [InlineData("H*02:25:01:01", "H*02:25:01")] // no G data for the gene
    [InlineData("J*01:01:01:19", "J*01:01:01")] // no G data for the gene
    [InlineData("HFE*002", "HFE*002")] // no G data for the gene
    public void ReduceToG_WhenAlleleOf3580_GivesImgtValue(string allele, string expected) =>
        Assert.Equal(expected, Nomenclatures.V3580.Reduce(allele, ReductionTarget.G));

    // the P group of hla_nom_p.txt, else the two-field name with suffix (null alleles are in no P group)
    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01P")] // hla_nom_p.txt:7
    [InlineData("A*01:01:01:02N", "A*01:01N")] // null: not in hla_nom_p.txt
    [InlineData("A*01:11N", "A*01:11N")] // null: not in hla_nom_p.txt
    [InlineData("A*02:01:01:01", "A*02:01P")] // hla_nom_p.txt:333
    [InlineData("A*24:02:01:02L", "A*24:02P")] // hla_nom_p.txt:2036
    [InlineData("B*44:02:01:02S", "B*44:02P")] // hla_nom_p.txt:7377
    [InlineData("C*04:09N", "C*04:09N")] // null: not in hla_nom_p.txt
    [InlineData("A*24:03:01:01", "A*24:03P")] // hla_nom_p.txt:2037
    [InlineData("B*51:02:01:01", "B*51:02P")] // hla_nom_p.txt:8090
    [InlineData("B*40:05:01:01", "B*40:05P")] // hla_nom_p.txt:6802
    [InlineData("A*66:01:01:01", "A*66:01P")] // hla_nom_p.txt:3661
    [InlineData("B*15:01:01:01", "B*15:01P")] // hla_nom_p.txt:4929
    [InlineData("DRB1*14:03:01", "DRB1*14:03P")] // hla_nom_p.txt:14520
    [InlineData("DRB1*03:01:01:01", "DRB1*03:01P")] // hla_nom_p.txt:13100
    [InlineData("DRB4*01:01:01:01", "DRB4*01:01P")] // hla_nom_p.txt:15246
    [InlineData("DQB1*03:01:01:01", "DQB1*03:01P")] // hla_nom_p.txt:16294
    [InlineData("C*03:04:01:01", "C*03:04P")] // hla_nom_p.txt:9490
    [InlineData("A*01:248Q", "A*01:01P")] // hla_nom_p.txt:7
    [InlineData("DRB5*01:01:01:01", "DRB5*01:01P")] // hla_nom_p.txt:15362
    [InlineData("DRB3*02:02:01:01", "DRB3*02:02P")] // hla_nom_p.txt:15059
    [InlineData("B*07:02:01:01", "B*07:02P")] // hla_nom_p.txt:3999
    [InlineData("A*23:01:01:01", "A*23:01P")] // hla_nom_p.txt:1932
    [InlineData("B*27:08", "B*27:08")] // hla_nom_p.txt:5706 single
    [InlineData("A*02:03:01:01", "A*02:03P")] // hla_nom_p.txt:335
    [InlineData("A*03:01:01:15", "A*03:01P")] // hla_nom_p.txt:1206
    [InlineData("A*11:404", "A*11:404")] // hla_nom_p.txt:1886 single
    [InlineData("A*02:250N", "A*02:250N")] // null: not in hla_nom_p.txt
    [InlineData("A*33:74N", "A*33:74N")] // null: not in hla_nom_p.txt
    [InlineData("A*11:235Q", "A*11:235Q")] // hla_nom_p.txt:1767 single
    [InlineData("A*30:08:01", "A*30:08P")] // hla_nom_p.txt:2950
    [InlineData("A*02:03:09", "A*02:03P")] // hla_nom_p.txt:335
    [InlineData("B*08:01:01:40", "B*08:01P")] // hla_nom_p.txt:4402
    [InlineData("B*08:01:26", "B*08:01P")] // hla_nom_p.txt:4402
    [InlineData("B*07:285N", "B*07:285N")] // null: not in hla_nom_p.txt
    [InlineData("B*40:545N", "B*40:545N")] // null: not in hla_nom_p.txt
    [InlineData("B*38:173Q", "B*38:173Q")] // hla_nom_p.txt:6624 single
    [InlineData("B*08:04:01", "B*08:04P")] // hla_nom_p.txt:4405
    [InlineData("B*15:16:03", "B*15:16P")] // hla_nom_p.txt:4944
    [InlineData("C*07:02:01:79", "C*07:02P")] // hla_nom_p.txt:10877
    [InlineData("C*15:02:25", "C*15:02P")] // hla_nom_p.txt:12367
    [InlineData("C*07:476N", "C*07:476N")] // null: not in hla_nom_p.txt
    [InlineData("C*06:211:01:01N", "C*06:211N")] // null: not in hla_nom_p.txt
    [InlineData("C*14:158Q", "C*14:02P")] // hla_nom_p.txt:12242
    [InlineData("C*03:558", "C*03:04P")] // hla_nom_p.txt:9490
    [InlineData("C*03:03:04", "C*03:03P")] // hla_nom_p.txt:9489
    [InlineData("DRB1*07:01:01:02", "DRB1*07:01P")] // hla_nom_p.txt:13576
    [InlineData("DRB1*07:88", "DRB1*07:88")] // hla_nom_p.txt:13652 single
    [InlineData("DRB1*01:52N", "DRB1*01:52N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*15:200:01:01N", "DRB1*15:200N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*13:278Q", "DRB1*13:278Q")] // hla_nom_p.txt:14464 single
    [InlineData("DRB1*09:48", "DRB1*09:01P")] // hla_nom_p.txt:13793
    [InlineData("DRB1*04:07:02", "DRB1*04:07P")] // hla_nom_p.txt:13288
    [InlineData("DQB1*06:02:01:03", "DQB1*06:02P")] // hla_nom_p.txt:15868
    [InlineData("DQB1*06:361", "DQB1*06:361")] // hla_nom_p.txt:16107 single
    [InlineData("DQB1*02:134N", "DQB1*02:134N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*03:403N", "DQB1*03:403N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*02:53Q", "DQB1*02:53Q")] // hla_nom_p.txt:16217 single
    [InlineData("DQB1*05:226", "DQB1*05:01P")] // hla_nom_p.txt:15680
    [InlineData("DQB1*04:03:01", "DQB1*04:03P")] // hla_nom_p.txt:16604
    [InlineData("DPB1*105:01:01:04", "DPB1*04:02P")] // hla_nom_p.txt:16825
    [InlineData("DPB1*620:01", "DPB1*620:01")] // hla_nom_p.txt:17376 single
    [InlineData("DPB1*1612:01N", "DPB1*1612:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1202:01N", "DPB1*1202:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1317:01Q", "DPB1*04:01P")] // hla_nom_p.txt:16824
    [InlineData("DPB1*02:01:57", "DPB1*02:01P")] // hla_nom_p.txt:16821
    [InlineData("DRB3*01:114", "DRB3*01:01P")] // hla_nom_p.txt:14974
    [InlineData("DRB3*02:109N", "DRB3*02:109N")] // null: not in hla_nom_p.txt
    [InlineData("DRB4*01:05", "DRB4*01:05")] // hla_nom_p.txt:15249 single
    [InlineData("DRB5*01:02:04", "DRB5*01:02P")] // hla_nom_p.txt:15363
    [InlineData("DQA1*04:06", "DQA1*04:06")] // hla_nom_p.txt:15618 single
    [InlineData("DQA1*03:34N", "DQA1*03:34N")] // null: not in hla_nom_p.txt
    [InlineData("DPA1*01:03:01:08", "DPA1*01:03P")] // hla_nom_p.txt:16657
    [InlineData("E*01:03:02:26", "E*01:03P")] // hla_nom_p.txt:12835
    [InlineData("G*01:34", "G*01:34")] // hla_nom_p.txt:12978 single
    [InlineData("MICA*072:01:01", "MICA*072:01")] // no P data for the gene
    [InlineData("MICA*293N", "MICA*293N")] // null: not in hla_nom_p.txt
    [InlineData("MICB*005:02:08", "MICB*005:02")] // no P data for the gene
    [InlineData("TAP1*02:01:02", "TAP1*02:01")] // no P data for the gene
    [InlineData("DRB7*01:01:02", "DRB7*01:01")] // no P data for the gene
    [InlineData("H*02:25:01:01", "H*02:25")] // no P data for the gene
    [InlineData("J*01:01:01:19", "J*01:01")] // no P data for the gene
    [InlineData("HFE*002", "HFE*002")] // no P data for the gene
    public void ReduceToP_WhenAlleleOf3580_GivesImgtValue(string allele, string expected) =>
        Assert.Equal(expected, Nomenclatures.V3580.Reduce(allele, ReductionTarget.P));

    // two fields of the P group plus g; null alleles keep their two-field N name
    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01g")] // hla_nom_p.txt:7
    [InlineData("A*01:01:01:02N", "A*01:01N")] // null: not in hla_nom_p.txt
    [InlineData("A*01:11N", "A*01:11N")] // null: not in hla_nom_p.txt
    [InlineData("A*02:01:01:01", "A*02:01g")] // hla_nom_p.txt:333
    [InlineData("A*24:02:01:02L", "A*24:02g")] // hla_nom_p.txt:2036
    [InlineData("B*44:02:01:02S", "B*44:02g")] // hla_nom_p.txt:7377
    [InlineData("C*04:09N", "C*04:09N")] // null: not in hla_nom_p.txt
    [InlineData("A*24:03:01:01", "A*24:03g")] // hla_nom_p.txt:2037
    [InlineData("B*51:02:01:01", "B*51:02g")] // hla_nom_p.txt:8090
    [InlineData("B*40:05:01:01", "B*40:05g")] // hla_nom_p.txt:6802
    [InlineData("A*66:01:01:01", "A*66:01g")] // hla_nom_p.txt:3661
    [InlineData("B*15:01:01:01", "B*15:01g")] // hla_nom_p.txt:4929
    [InlineData("DRB1*14:03:01", "DRB1*14:03g")] // hla_nom_p.txt:14520
    [InlineData("DRB1*03:01:01:01", "DRB1*03:01g")] // hla_nom_p.txt:13100
    [InlineData("DRB4*01:01:01:01", "DRB4*01:01g")] // hla_nom_p.txt:15246
    [InlineData("DQB1*03:01:01:01", "DQB1*03:01g")] // hla_nom_p.txt:16294
    [InlineData("C*03:04:01:01", "C*03:04g")] // hla_nom_p.txt:9490
    [InlineData("A*01:248Q", "A*01:01g")] // hla_nom_p.txt:7
    [InlineData("DRB5*01:01:01:01", "DRB5*01:01g")] // hla_nom_p.txt:15362
    [InlineData("DRB3*02:02:01:01", "DRB3*02:02g")] // hla_nom_p.txt:15059
    [InlineData("B*07:02:01:01", "B*07:02g")] // hla_nom_p.txt:3999
    [InlineData("A*23:01:01:01", "A*23:01g")] // hla_nom_p.txt:1932
    [InlineData("B*27:08", "B*27:08g")] // hla_nom_p.txt:5706 single
    [InlineData("A*02:03:01:01", "A*02:03g")] // hla_nom_p.txt:335
    [InlineData("A*03:01:01:15", "A*03:01g")] // hla_nom_p.txt:1206
    [InlineData("A*11:404", "A*11:404g")] // hla_nom_p.txt:1886 single
    [InlineData("A*02:250N", "A*02:250N")] // null: not in hla_nom_p.txt
    [InlineData("A*33:74N", "A*33:74N")] // null: not in hla_nom_p.txt
    [InlineData("A*11:235Q", "A*11:235Qg")] // hla_nom_p.txt:1767 single
    [InlineData("A*30:08:01", "A*30:08g")] // hla_nom_p.txt:2950
    [InlineData("A*02:03:09", "A*02:03g")] // hla_nom_p.txt:335
    [InlineData("B*08:01:01:40", "B*08:01g")] // hla_nom_p.txt:4402
    [InlineData("B*08:01:26", "B*08:01g")] // hla_nom_p.txt:4402
    [InlineData("B*07:285N", "B*07:285N")] // null: not in hla_nom_p.txt
    [InlineData("B*40:545N", "B*40:545N")] // null: not in hla_nom_p.txt
    [InlineData("B*38:173Q", "B*38:173Qg")] // hla_nom_p.txt:6624 single
    [InlineData("B*08:04:01", "B*08:04g")] // hla_nom_p.txt:4405
    [InlineData("B*15:16:03", "B*15:16g")] // hla_nom_p.txt:4944
    [InlineData("C*07:02:01:79", "C*07:02g")] // hla_nom_p.txt:10877
    [InlineData("C*15:02:25", "C*15:02g")] // hla_nom_p.txt:12367
    [InlineData("C*07:476N", "C*07:476N")] // null: not in hla_nom_p.txt
    [InlineData("C*06:211:01:01N", "C*06:211N")] // null: not in hla_nom_p.txt
    [InlineData("C*14:158Q", "C*14:02g")] // hla_nom_p.txt:12242
    [InlineData("C*03:558", "C*03:04g")] // hla_nom_p.txt:9490
    [InlineData("C*03:03:04", "C*03:03g")] // hla_nom_p.txt:9489
    [InlineData("DRB1*07:01:01:02", "DRB1*07:01g")] // hla_nom_p.txt:13576
    [InlineData("DRB1*07:88", "DRB1*07:88g")] // hla_nom_p.txt:13652 single
    [InlineData("DRB1*01:52N", "DRB1*01:52N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*15:200:01:01N", "DRB1*15:200N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*13:278Q", "DRB1*13:278Qg")] // hla_nom_p.txt:14464 single
    [InlineData("DRB1*09:48", "DRB1*09:01g")] // hla_nom_p.txt:13793
    [InlineData("DRB1*04:07:02", "DRB1*04:07g")] // hla_nom_p.txt:13288
    [InlineData("DQB1*06:02:01:03", "DQB1*06:02g")] // hla_nom_p.txt:15868
    [InlineData("DQB1*06:361", "DQB1*06:361g")] // hla_nom_p.txt:16107 single
    [InlineData("DQB1*02:134N", "DQB1*02:134N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*03:403N", "DQB1*03:403N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*02:53Q", "DQB1*02:53Qg")] // hla_nom_p.txt:16217 single
    [InlineData("DQB1*05:226", "DQB1*05:01g")] // hla_nom_p.txt:15680
    [InlineData("DQB1*04:03:01", "DQB1*04:03g")] // hla_nom_p.txt:16604
    [InlineData("DPB1*105:01:01:04", "DPB1*04:02g")] // hla_nom_p.txt:16825
    [InlineData("DPB1*620:01", "DPB1*620:01g")] // hla_nom_p.txt:17376 single
    [InlineData("DPB1*1612:01N", "DPB1*1612:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1202:01N", "DPB1*1202:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1317:01Q", "DPB1*04:01g")] // hla_nom_p.txt:16824
    [InlineData("DPB1*02:01:57", "DPB1*02:01g")] // hla_nom_p.txt:16821
    [InlineData("DRB3*01:114", "DRB3*01:01g")] // hla_nom_p.txt:14974
    [InlineData("DRB3*02:109N", "DRB3*02:109N")] // null: not in hla_nom_p.txt
    [InlineData("DRB4*01:05", "DRB4*01:05g")] // hla_nom_p.txt:15249 single
    [InlineData("DRB5*01:02:04", "DRB5*01:02g")] // hla_nom_p.txt:15363
    [InlineData("DQA1*04:06", "DQA1*04:06g")] // hla_nom_p.txt:15618 single
    [InlineData("DQA1*03:34N", "DQA1*03:34N")] // null: not in hla_nom_p.txt
    [InlineData("DPA1*01:03:01:08", "DPA1*01:03g")] // hla_nom_p.txt:16657
    [InlineData("E*01:03:02:26", "E*01:03g")] // hla_nom_p.txt:12835
    [InlineData("G*01:34", "G*01:34g")] // hla_nom_p.txt:12978 single
    [InlineData("MICA*072:01:01", "MICA*072:01g")] // no P data for the gene
    [InlineData("MICA*293N", "MICA*293N")] // null: not in hla_nom_p.txt
    [InlineData("MICB*005:02:08", "MICB*005:02g")] // no P data for the gene
    [InlineData("TAP1*02:01:02", "TAP1*02:01g")] // no P data for the gene
    [InlineData("DRB7*01:01:02", "DRB7*01:01g")] // no P data for the gene
    [InlineData("H*02:25:01:01", "H*02:25g")] // no P data for the gene
    [InlineData("J*01:01:01:19", "J*01:01g")] // no P data for the gene
    [InlineData("HFE*002", "HFE*002g")] // no P data for the gene
    public void ReduceToLg_WhenAlleleOf3580_GivesImgtValue(string allele, string expected) =>
        Assert.Equal(expected, Nomenclatures.V3580.Reduce(allele, ReductionTarget.Lg));

    // two fields of the P group; null alleles keep their two-field N name
    [Theory]
    [InlineData("A*01:01:01:01", "A*01:01")] // hla_nom_p.txt:7
    [InlineData("A*01:01:01:02N", "A*01:01N")] // null: not in hla_nom_p.txt
    [InlineData("A*01:11N", "A*01:11N")] // null: not in hla_nom_p.txt
    [InlineData("A*02:01:01:01", "A*02:01")] // hla_nom_p.txt:333
    [InlineData("A*24:02:01:02L", "A*24:02")] // hla_nom_p.txt:2036
    [InlineData("B*44:02:01:02S", "B*44:02")] // hla_nom_p.txt:7377
    [InlineData("C*04:09N", "C*04:09N")] // null: not in hla_nom_p.txt
    [InlineData("A*24:03:01:01", "A*24:03")] // hla_nom_p.txt:2037
    [InlineData("B*51:02:01:01", "B*51:02")] // hla_nom_p.txt:8090
    [InlineData("B*40:05:01:01", "B*40:05")] // hla_nom_p.txt:6802
    [InlineData("A*66:01:01:01", "A*66:01")] // hla_nom_p.txt:3661
    [InlineData("B*15:01:01:01", "B*15:01")] // hla_nom_p.txt:4929
    [InlineData("DRB1*14:03:01", "DRB1*14:03")] // hla_nom_p.txt:14520
    [InlineData("DRB1*03:01:01:01", "DRB1*03:01")] // hla_nom_p.txt:13100
    [InlineData("DRB4*01:01:01:01", "DRB4*01:01")] // hla_nom_p.txt:15246
    [InlineData("DQB1*03:01:01:01", "DQB1*03:01")] // hla_nom_p.txt:16294
    [InlineData("C*03:04:01:01", "C*03:04")] // hla_nom_p.txt:9490
    [InlineData("A*01:248Q", "A*01:01")] // hla_nom_p.txt:7
    [InlineData("DRB5*01:01:01:01", "DRB5*01:01")] // hla_nom_p.txt:15362
    [InlineData("DRB3*02:02:01:01", "DRB3*02:02")] // hla_nom_p.txt:15059
    [InlineData("B*07:02:01:01", "B*07:02")] // hla_nom_p.txt:3999
    [InlineData("A*23:01:01:01", "A*23:01")] // hla_nom_p.txt:1932
    [InlineData("B*27:08", "B*27:08")] // hla_nom_p.txt:5706 single
    [InlineData("A*02:03:01:01", "A*02:03")] // hla_nom_p.txt:335
    [InlineData("A*03:01:01:15", "A*03:01")] // hla_nom_p.txt:1206
    [InlineData("A*11:404", "A*11:404")] // hla_nom_p.txt:1886 single
    [InlineData("A*02:250N", "A*02:250N")] // null: not in hla_nom_p.txt
    [InlineData("A*33:74N", "A*33:74N")] // null: not in hla_nom_p.txt
    [InlineData("A*11:235Q", "A*11:235Q")] // hla_nom_p.txt:1767 single
    [InlineData("A*30:08:01", "A*30:08")] // hla_nom_p.txt:2950
    [InlineData("A*02:03:09", "A*02:03")] // hla_nom_p.txt:335
    [InlineData("B*08:01:01:40", "B*08:01")] // hla_nom_p.txt:4402
    [InlineData("B*08:01:26", "B*08:01")] // hla_nom_p.txt:4402
    [InlineData("B*07:285N", "B*07:285N")] // null: not in hla_nom_p.txt
    [InlineData("B*40:545N", "B*40:545N")] // null: not in hla_nom_p.txt
    [InlineData("B*38:173Q", "B*38:173Q")] // hla_nom_p.txt:6624 single
    [InlineData("B*08:04:01", "B*08:04")] // hla_nom_p.txt:4405
    [InlineData("B*15:16:03", "B*15:16")] // hla_nom_p.txt:4944
    [InlineData("C*07:02:01:79", "C*07:02")] // hla_nom_p.txt:10877
    [InlineData("C*15:02:25", "C*15:02")] // hla_nom_p.txt:12367
    [InlineData("C*07:476N", "C*07:476N")] // null: not in hla_nom_p.txt
    [InlineData("C*06:211:01:01N", "C*06:211N")] // null: not in hla_nom_p.txt
    [InlineData("C*14:158Q", "C*14:02")] // hla_nom_p.txt:12242
    [InlineData("C*03:558", "C*03:04")] // hla_nom_p.txt:9490
    [InlineData("C*03:03:04", "C*03:03")] // hla_nom_p.txt:9489
    [InlineData("DRB1*07:01:01:02", "DRB1*07:01")] // hla_nom_p.txt:13576
    [InlineData("DRB1*07:88", "DRB1*07:88")] // hla_nom_p.txt:13652 single
    [InlineData("DRB1*01:52N", "DRB1*01:52N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*15:200:01:01N", "DRB1*15:200N")] // null: not in hla_nom_p.txt
    [InlineData("DRB1*13:278Q", "DRB1*13:278Q")] // hla_nom_p.txt:14464 single
    [InlineData("DRB1*09:48", "DRB1*09:01")] // hla_nom_p.txt:13793
    [InlineData("DRB1*04:07:02", "DRB1*04:07")] // hla_nom_p.txt:13288
    [InlineData("DQB1*06:02:01:03", "DQB1*06:02")] // hla_nom_p.txt:15868
    [InlineData("DQB1*06:361", "DQB1*06:361")] // hla_nom_p.txt:16107 single
    [InlineData("DQB1*02:134N", "DQB1*02:134N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*03:403N", "DQB1*03:403N")] // null: not in hla_nom_p.txt
    [InlineData("DQB1*02:53Q", "DQB1*02:53Q")] // hla_nom_p.txt:16217 single
    [InlineData("DQB1*05:226", "DQB1*05:01")] // hla_nom_p.txt:15680
    [InlineData("DQB1*04:03:01", "DQB1*04:03")] // hla_nom_p.txt:16604
    [InlineData("DPB1*105:01:01:04", "DPB1*04:02")] // hla_nom_p.txt:16825
    [InlineData("DPB1*620:01", "DPB1*620:01")] // hla_nom_p.txt:17376 single
    [InlineData("DPB1*1612:01N", "DPB1*1612:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1202:01N", "DPB1*1202:01N")] // null: not in hla_nom_p.txt
    [InlineData("DPB1*1317:01Q", "DPB1*04:01")] // hla_nom_p.txt:16824
    [InlineData("DPB1*02:01:57", "DPB1*02:01")] // hla_nom_p.txt:16821
    [InlineData("DRB3*01:114", "DRB3*01:01")] // hla_nom_p.txt:14974
    [InlineData("DRB3*02:109N", "DRB3*02:109N")] // null: not in hla_nom_p.txt
    [InlineData("DRB4*01:05", "DRB4*01:05")] // hla_nom_p.txt:15249 single
    [InlineData("DRB5*01:02:04", "DRB5*01:02")] // hla_nom_p.txt:15363
    [InlineData("DQA1*04:06", "DQA1*04:06")] // hla_nom_p.txt:15618 single
    [InlineData("DQA1*03:34N", "DQA1*03:34N")] // null: not in hla_nom_p.txt
    [InlineData("DPA1*01:03:01:08", "DPA1*01:03")] // hla_nom_p.txt:16657
    [InlineData("E*01:03:02:26", "E*01:03")] // hla_nom_p.txt:12835
    [InlineData("G*01:34", "G*01:34")] // hla_nom_p.txt:12978 single
    [InlineData("MICA*072:01:01", "MICA*072:01")] // no P data for the gene
    [InlineData("MICA*293N", "MICA*293N")] // null: not in hla_nom_p.txt
    [InlineData("MICB*005:02:08", "MICB*005:02")] // no P data for the gene
    [InlineData("TAP1*02:01:02", "TAP1*02:01")] // no P data for the gene
    [InlineData("DRB7*01:01:02", "DRB7*01:01")] // no P data for the gene
    [InlineData("H*02:25:01:01", "H*02:25")] // no P data for the gene
    [InlineData("J*01:01:01:19", "J*01:01")] // no P data for the gene
    [InlineData("HFE*002", "HFE*002")] // no P data for the gene
    public void ReduceToLgx_WhenAlleleOf3580_GivesImgtValue(string allele, string expected) =>
        Assert.Equal(expected, Nomenclatures.V3580.Reduce(allele, ReductionTarget.Lgx));

    // all antigens of the rel_dna_ser.txt line (unambiguous, possible, assumed, expert); 0 only → null; ? → unknown
    [Theory]
    [InlineData("A*01:01:01:01", "A1")] // rel_dna_ser.txt:7
    [InlineData("A*01:01:01:02N", "null")] // rel_dna_ser.txt:8
    [InlineData("A*01:11N", "null")] // rel_dna_ser.txt:304
    [InlineData("A*02:01:01:01", "A2")] // rel_dna_ser.txt:779
    [InlineData("A*24:02:01:02L", "A24")] // rel_dna_ser.txt:4447
    [InlineData("B*44:02:01:02S", "B44")] // rel_dna_ser.txt:15067
    [InlineData("C*04:09N", "null")] // rel_dna_ser.txt:21127
    [InlineData("A*24:03:01:01", "A2403")] // rel_dna_ser.txt:4768
    [InlineData("B*51:02:01:01", "B5102")] // rel_dna_ser.txt:16796
    [InlineData("B*40:05:01:01", "B40/B4005")] // rel_dna_ser.txt:14198
    [InlineData("A*66:01:01:01", "A26/A34/A66")] // rel_dna_ser.txt:7785
    [InlineData("B*15:01:01:01", "B62")] // rel_dna_ser.txt:10312
    [InlineData("DRB1*14:03:01", "DR1403")] // rel_dna_ser.txt:37774
    [InlineData("DRB1*03:01:01:01", "DR17")] // rel_dna_ser.txt:35104
    [InlineData("DRB4*01:01:01:01", "DR53")] // rel_dna_ser.txt:39121
    [InlineData("DQB1*03:01:01:01", "DQ7")] // rel_dna_ser.txt:32332
    [InlineData("C*03:04:01:01", "Cw10")] // rel_dna_ser.txt:19774
    [InlineData("A*01:248Q", "A1")] // rel_dna_ser.txt:552
    [InlineData("DRB5*01:01:01:01", "DR51")] // rel_dna_ser.txt:39385
    [InlineData("DRB3*02:02:01:01", "DR52")] // rel_dna_ser.txt:38759
    [InlineData("B*07:02:01:01", "B7")] // rel_dna_ser.txt:8479
    [InlineData("A*23:01:01:01", "A23")] // rel_dna_ser.txt:4216
    [InlineData("B*27:08", "B7/B2708")] // rel_dna_ser.txt:11936
    [InlineData("A*02:03:01:01", "A203")] // rel_dna_ser.txt:1272
    [InlineData("A*03:01:01:15", "A3")] // rel_dna_ser.txt:2703
    [InlineData("A*11:404", "A11")] // rel_dna_ser.txt:4139
    [InlineData("A*02:250N", "null")] // rel_dna_ser.txt:1720
    [InlineData("A*33:74N", "null")] // rel_dna_ser.txt:7504
    [InlineData("A*11:235Q", "A11")] // rel_dna_ser.txt:3965
    [InlineData("A*30:08:01", "A30")] // rel_dna_ser.txt:6409
    [InlineData("A*02:03:09", "A203")] // rel_dna_ser.txt:1285
    [InlineData("B*08:01:01:40", "B8")] // rel_dna_ser.txt:9325
    [InlineData("B*08:01:26", "B8")] // rel_dna_ser.txt:9385
    [InlineData("B*07:285N", "null")] // rel_dna_ser.txt:9052
    [InlineData("B*40:545N", "null")] // rel_dna_ser.txt:14838
    [InlineData("B*38:173Q", "B38")] // rel_dna_ser.txt:13593
    [InlineData("B*08:04:01", "B8")] // rel_dna_ser.txt:9440
    [InlineData("B*15:16:03", "B63")] // rel_dna_ser.txt:10589
    [InlineData("C*07:02:01:79", "Cw7")] // rel_dna_ser.txt:23182
    [InlineData("C*15:02:25", "unknown")] // rel_dna_ser.txt:26311
    [InlineData("C*07:476N", "null")] // rel_dna_ser.txt:24093
    [InlineData("C*06:211:01:01N", "null")] // rel_dna_ser.txt:22630
    [InlineData("C*14:158Q", "null")] // rel_dna_ser.txt:26212
    [InlineData("C*03:558", "Cw3")] // rel_dna_ser.txt:20595
    [InlineData("C*03:03:04", "Cw9")] // rel_dna_ser.txt:19706
    [InlineData("DRB1*07:01:01:02", "DR7")] // rel_dna_ser.txt:35994
    [InlineData("DRB1*07:88", "DR7")] // rel_dna_ser.txt:36142
    [InlineData("DRB1*01:52N", "null")] // rel_dna_ser.txt:34999
    [InlineData("DRB1*15:200:01:01N", "null")] // rel_dna_ser.txt:38450
    [InlineData("DRB1*13:278Q", "DR13")] // rel_dna_ser.txt:37668
    [InlineData("DRB1*09:48", "DR9")] // rel_dna_ser.txt:36473
    [InlineData("DRB1*04:07:02", "DR4")] // rel_dna_ser.txt:35572
    [InlineData("DQB1*06:02:01:03", "DQ6")] // rel_dna_ser.txt:33951
    [InlineData("DQB1*06:361", "DQ6")] // rel_dna_ser.txt:34576
    [InlineData("DQB1*02:134N", "null")] // rel_dna_ser.txt:32225
    [InlineData("DQB1*03:403N", "null")] // rel_dna_ser.txt:33029
    [InlineData("DQB1*02:53Q", "DQ2")] // rel_dna_ser.txt:32143
    [InlineData("DQB1*05:226", "DQ5")] // rel_dna_ser.txt:33777
    [InlineData("DQB1*04:03:01", "DQ4")] // rel_dna_ser.txt:33252
    [InlineData("DPB1*105:01:01:04", "unknown")] // rel_dna_ser.txt:29345
    [InlineData("DPB1*620:01", "unknown")] // rel_dna_ser.txt:29933
    [InlineData("DPB1*1612:01N", "null")] // rel_dna_ser.txt:30950
    [InlineData("DPB1*1202:01N", "null")] // rel_dna_ser.txt:30535
    [InlineData("DPB1*1317:01Q", "null")] // rel_dna_ser.txt:30651
    [InlineData("DPB1*02:01:57", "unknown")] // rel_dna_ser.txt:28519
    [InlineData("DRB3*01:114", "DR52")] // rel_dna_ser.txt:38741
    [InlineData("DRB3*02:109N", "null")] // rel_dna_ser.txt:38920
    [InlineData("DRB4*01:05", "DR53")] // rel_dna_ser.txt:39194
    [InlineData("DRB5*01:02:04", "DR51")] // rel_dna_ser.txt:39407
    [InlineData("DQA1*04:06", "unknown")] // rel_dna_ser.txt:31649
    [InlineData("DQA1*03:34N", "null")] // rel_dna_ser.txt:31570
    [InlineData("DPA1*01:03:01:08", "unknown")] // rel_dna_ser.txt:27568
    [InlineData("E*01:03:02:26", "unknown")] // rel_dna_ser.txt:39756
    [InlineData("G*01:34", "unknown")] // rel_dna_ser.txt:40237
    [InlineData("MICA*072:01:01", "unknown")] // rel_dna_ser.txt:40716
    [InlineData("MICA*293N", "null")] // rel_dna_ser.txt:40964
    [InlineData("MICB*005:02:08", "unknown")] // rel_dna_ser.txt:41064
    [InlineData("TAP1*02:01:02", "unknown")] // rel_dna_ser.txt:41302
    [InlineData("DRB7*01:01:02", "null")] // rel_dna_ser.txt:39599
    [InlineData("H*02:25:01:01", "null")] // rel_dna_ser.txt:40337
    [InlineData("J*01:01:01:19", "null")] // rel_dna_ser.txt:40367
    [InlineData("HFE*002", "unknown")] // rel_dna_ser.txt:40346
    public void ReduceToSerology_WhenAlleleOf3580_GivesImgtValue(string allele, string expected) =>
        Assert.Equal(expected, Nomenclatures.V3580.Reduce(allele, ReductionTarget.Serology));
}
